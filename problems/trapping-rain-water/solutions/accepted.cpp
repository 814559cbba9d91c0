class Solution {
public:
    long long trap(vector<int>& height) {
        // a monotonic stack of bars with decreasing heights; each pops fills one layer
        vector<int> st;
        long long water = 0;
        for (int i = 0; i < (int)height.size(); i++) {
            while (!st.empty() && height[st.back()] < height[i]) {
                int bottom = height[st.back()];
                st.pop_back();
                if (st.empty()) break;
                int left = st.back();
                long long level = min(height[left], height[i]) - bottom;
                water += level * (i - left - 1);
            }
            st.push_back(i);
        }
        return water;
    }
};
