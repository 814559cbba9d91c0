// Mistake: writes every value as one character ('0' + val), which holds only 0 to 9: larger and
// negative values come back wrong.
class Codec {
public:
    string serialize(TreeNode* root) {
        string out;
        vector<TreeNode*> queue{root};
        for (size_t i = 0; i < queue.size(); i++) {
            TreeNode* node = queue[i];
            if (node == nullptr) {
                out += '#';
            } else {
                out += char('0' + node->val % 10);
                queue.push_back(node->left);
                queue.push_back(node->right);
            }
        }
        return out;
    }

    TreeNode* deserialize(string data) {
        if (data[0] == '#') return nullptr;
        TreeNode* root = new TreeNode(data[0] - '0');
        vector<TreeNode*> queue{root};
        size_t i = 1;
        for (size_t k = 0; k < queue.size(); k++, i += 2) {
            TreeNode* node = queue[k];
            if (data[i] != '#') queue.push_back(node->left = new TreeNode(data[i] - '0'));
            if (data[i + 1] != '#') queue.push_back(node->right = new TreeNode(data[i + 1] - '0'));
        }
        return root;
    }
};
