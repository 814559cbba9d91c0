class Codec {
public:
    // Encodes a tree to a single string: its level order, "#" for a missing child.
    string serialize(TreeNode* root) {
        string out;
        vector<TreeNode*> queue{root};
        for (size_t i = 0; i < queue.size(); i++) {
            TreeNode* node = queue[i];
            if (i > 0) out += ',';
            if (node == nullptr) {
                out += '#';
            } else {
                out += to_string(node->val);
                queue.push_back(node->left);
                queue.push_back(node->right);
            }
        }
        return out;
    }

    // Decodes your encoded data to tree.
    TreeNode* deserialize(string data) {
        vector<string> tokens;
        stringstream in(data);
        for (string token; getline(in, token, ',');) tokens.push_back(token);
        if (tokens[0] == "#") return nullptr;
        TreeNode* root = new TreeNode(stoi(tokens[0]));
        vector<TreeNode*> queue{root};
        size_t i = 1;
        for (size_t k = 0; k < queue.size(); k++, i += 2) {
            TreeNode* node = queue[k];
            if (tokens[i] != "#") queue.push_back(node->left = new TreeNode(stoi(tokens[i])));
            if (tokens[i + 1] != "#") queue.push_back(node->right = new TreeNode(stoi(tokens[i + 1])));
        }
        return root;
    }
};
