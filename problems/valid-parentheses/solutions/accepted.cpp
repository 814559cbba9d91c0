class Solution {
public:
    bool isValid(string s) {
        string stack;  // the closing bracket each open one expects
        for (char c : s) {
            if (c == '(') stack.push_back(')');
            else if (c == '[') stack.push_back(']');
            else if (c == '{') stack.push_back('}');
            else if (stack.empty() || stack.back() != c) return false;
            else stack.pop_back();
        }
        return stack.empty();
    }
};
