class Solution {
public:
    vector<string> fizzBuzz(int n) {
        vector<string> out;
        out.reserve(n);
        for (int i = 1; i <= n; i++) {
            bool three = i % 3 == 0, five = i % 5 == 0;
            if (three && five) out.push_back("FizzBuzz");
            else if (three) out.push_back("Fizz");
            else if (five) out.push_back("Buzz");
            else out.push_back(to_string(i));
        }
        return out;
    }
};
