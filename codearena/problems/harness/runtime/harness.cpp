// CodeArena's harness for a C++ function problem: one test, one call of the user's code.
//
// It reads the test (one JSON value per line) from stdin, calls the user's class (included from
// solution.cpp below, after what LeetCode's C++ has in scope: the standard library, `using
// namespace std`, ListNode and TreeNode), and writes the result as one line of JSON to file
// descriptor 3, only after the call returned. stdout and stderr are the user's own (debug
// output). The generator fills in main() for the signature.
#include <bits/stdc++.h>
#include <unistd.h>
using namespace std;

struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};

struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};

namespace codearena {

const size_t MAX_NODES = 10000000;  // a list or tree returned with more nodes than this has a cycle

[[noreturn]] void fail(const std::string &message) {
    std::fflush(stdout);
    std::cout.flush();
    std::fprintf(stderr, "harness: %s\n", message.c_str());
    std::exit(2);
}

// -- JSON in -----------------------------------------------------------------------------------

struct Json {
    enum Kind { Null, Bool, Number, String, Array } kind = Null;
    bool flag = false;
    std::string text;  // a number's literal, or a string's value
    std::vector<Json> items;
};

struct Parser {
    const std::string &s;
    size_t at = 0;

    void space() {
        while (at < s.size() && std::isspace(static_cast<unsigned char>(s[at]))) at++;
    }
    char next() {
        if (at >= s.size()) throw std::runtime_error("unexpected end");
        return s[at++];
    }
    static void utf8(std::string &out, unsigned code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }
    unsigned hex4() {
        if (at + 4 > s.size()) throw std::runtime_error("short \\u escape");
        unsigned code = static_cast<unsigned>(std::stoul(s.substr(at, 4), nullptr, 16));
        at += 4;
        return code;
    }
    Json value() {
        space();
        Json j;
        char c = next();
        if (c == '[') {
            j.kind = Json::Array;
            space();
            if (at < s.size() && s[at] == ']') {
                at++;
                return j;
            }
            for (;;) {
                j.items.push_back(value());
                space();
                char d = next();
                if (d == ']') return j;
                if (d != ',') throw std::runtime_error("expected , or ]");
            }
        }
        if (c == '"') {
            j.kind = Json::String;
            for (;;) {
                char d = next();
                if (d == '"') return j;
                if (d != '\\') {
                    j.text += d;
                    continue;
                }
                char e = next();
                switch (e) {
                    case 'n': j.text += '\n'; break;
                    case 't': j.text += '\t'; break;
                    case 'r': j.text += '\r'; break;
                    case 'b': j.text += '\b'; break;
                    case 'f': j.text += '\f'; break;
                    case 'u': {
                        unsigned code = hex4();
                        if (code >= 0xD800 && code < 0xDC00 && s.compare(at, 2, "\\u") == 0) {
                            at += 2;
                            code = 0x10000 + ((code - 0xD800) << 10) + (hex4() - 0xDC00);
                        }
                        utf8(j.text, code);
                        break;
                    }
                    default: j.text += e;
                }
            }
        }
        if (s.compare(at - 1, 4, "null") == 0) {
            at += 3;
            return j;
        }
        if (s.compare(at - 1, 4, "true") == 0 || s.compare(at - 1, 5, "false") == 0) {
            j.kind = Json::Bool;
            j.flag = c == 't';
            at += j.flag ? 3 : 4;
            return j;
        }
        size_t start = at - 1;
        while (at < s.size() && std::strchr("+-0123456789.eE", s[at]) != nullptr) at++;
        if (std::strchr("-0123456789", c) == nullptr) throw std::runtime_error(std::string("unexpected ") + c);
        j.kind = Json::Number;
        j.text = s.substr(start, at - start);
        return j;
    }
};

Json parse(const std::string &line, int number) {
    try {
        Parser p{line};
        Json j = p.value();
        p.space();
        if (p.at != line.size()) throw std::runtime_error("extra text");
        return j;
    } catch (const std::exception &e) {
        fail("input line " + std::to_string(number) + " is not one JSON value: " + e.what());
    }
}

std::vector<std::string> input() {
    std::string all;
    char buffer[1 << 16];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) all.append(buffer, n);
    std::vector<std::string> lines;
    size_t start = 0;
    for (;;) {
        size_t end = all.find('\n', start);
        lines.push_back(all.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    while (!lines.empty() && lines.back().find_first_not_of(" \t\r") == std::string::npos) lines.pop_back();
    return lines;
}

void expect(const std::vector<std::string> &lines, size_t count) {
    if (lines.size() != count)
        fail("expected " + std::to_string(count) + " lines of input, found " + std::to_string(lines.size()));
}

template <class T>
struct From;
template <>
struct From<int> {
    static int get(const Json &j) { return static_cast<int>(std::stoll(j.text)); }
};
template <>
struct From<long long> {
    static long long get(const Json &j) { return std::stoll(j.text); }
};
template <>
struct From<double> {
    static double get(const Json &j) { return std::strtod(j.text.c_str(), nullptr); }
};
template <>
struct From<bool> {
    static bool get(const Json &j) { return j.flag; }
};
template <>
struct From<std::string> {
    static std::string get(const Json &j) { return j.text; }
};
template <>
struct From<char> {
    static char get(const Json &j) { return j.text.empty() ? '\0' : j.text[0]; }
};
template <class T>
struct From<std::vector<T>> {
    static std::vector<T> get(const Json &j) {
        std::vector<T> out;
        out.reserve(j.items.size());
        for (const Json &item : j.items) out.push_back(From<T>::get(item));
        return out;
    }
};
template <>
struct From<ListNode *> {
    static ListNode *get(const Json &j) {
        ListNode *head = nullptr;
        for (size_t i = j.items.size(); i-- > 0;) head = new ListNode(From<int>::get(j.items[i]), head);
        return head;
    }
};
template <>
struct From<TreeNode *> {
    static TreeNode *get(const Json &j) {
        const std::vector<Json> &v = j.items;
        if (v.empty()) return nullptr;
        TreeNode *root = new TreeNode(From<int>::get(v[0]));
        std::vector<TreeNode *> level{root};
        size_t i = 1;
        while (!level.empty() && i < v.size()) {
            std::vector<TreeNode *> following;
            for (TreeNode *node : level) {
                if (i < v.size() && v[i].kind != Json::Null)
                    following.push_back(node->left = new TreeNode(From<int>::get(v[i])));
                i++;
                if (i < v.size() && v[i].kind != Json::Null)
                    following.push_back(node->right = new TreeNode(From<int>::get(v[i])));
                i++;
            }
            level = std::move(following);
        }
        return root;
    }
};

// -- JSON out ----------------------------------------------------------------------------------

template <class T>
std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>> put(std::string &o,
                                                                                                     T v) {
    o += std::to_string(v);
}
inline void put(std::string &o, bool v) { o += v ? "true" : "false"; }
inline void put(std::string &o, double v) {
    if (!std::isfinite(v)) {
        o += "null";
        return;
    }
    char buffer[32];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    o.append(buffer, end);
}
inline void put(std::string &o, const std::string &v) {
    o += '"';
    for (char c : v) {
        if (c == '"' || c == '\\') {
            o += '\\';
            o += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            o += buffer;
        } else {
            o += c;
        }
    }
    o += '"';
}
inline void put(std::string &o, char v) { put(o, std::string(1, v)); }
inline void put(std::string &o, const char *v) { put(o, std::string(v ? v : "")); }
inline void put(std::string &o, ListNode *v) {
    o += '[';
    size_t count = 0;
    for (; v != nullptr; v = v->next) {
        if (++count > MAX_NODES) fail("the list returned has a cycle");
        if (count > 1) o += ',';
        o += std::to_string(v->val);
    }
    o += ']';
}
inline void put(std::string &o, TreeNode *root) {
    std::vector<TreeNode *> queue{root};
    std::vector<std::string> out;
    for (size_t i = 0; i < queue.size(); i++) {
        TreeNode *node = queue[i];
        if (node == nullptr) {
            out.push_back("null");
            continue;
        }
        if (queue.size() > MAX_NODES) fail("the tree returned has a cycle");
        out.push_back(std::to_string(node->val));
        queue.push_back(node->left);
        queue.push_back(node->right);
    }
    while (!out.empty() && out.back() == "null") out.pop_back();
    o += '[';
    for (size_t i = 0; i < out.size(); i++) {
        if (i > 0) o += ',';
        o += out[i];
    }
    o += ']';
}
inline void put(std::string &o, const std::vector<bool> &v) {
    o += '[';
    for (size_t i = 0; i < v.size(); i++) {
        if (i > 0) o += ',';
        put(o, static_cast<bool>(v[i]));
    }
    o += ']';
}
template <class T>
void put(std::string &o, const std::vector<T> &v) {
    o += '[';
    for (size_t i = 0; i < v.size(); i++) {
        if (i > 0) o += ',';
        put(o, v[i]);
    }
    o += ']';
}

// A codec's input, emptied once serialized: a codec that kept the nodes gives nothing back.
inline void wipe(TreeNode *root) {
    std::vector<TreeNode *> stack{root};
    while (!stack.empty()) {
        TreeNode *node = stack.back();
        stack.pop_back();
        if (node == nullptr) continue;
        stack.push_back(node->left);
        stack.push_back(node->right);
        node->left = node->right = nullptr;
        node->val = 0;
    }
}
inline void wipe(ListNode *head) {
    while (head != nullptr) {
        ListNode *next = head->next;
        head->next = nullptr;
        head->val = 0;
        head = next;
    }
}

void result(std::string text) {
    std::fflush(stdout);
    std::cout.flush();
    text += '\n';
    for (size_t at = 0; at < text.size();) {
        ssize_t n = ::write(3, text.data() + at, text.size() - at);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) continue;
            std::perror("harness: writing the result");
            std::exit(2);
        }
        at += static_cast<size_t>(n);
    }
}

}  // namespace codearena

#include "solution.cpp"

// CODEARENA-MAIN: the generator's main() goes here
