"""The C++ harness: runtime/harness.cpp with main() generated for the signature, and LeetCode's
starter.

The user writes `class Solution` (or the design or codec class) in solution.cpp, which the
harness includes after the standard library, `using namespace std`, ListNode and TreeNode, as
LeetCode's C++ has them. Every argument is a named local, so a method may take `vector<int>&`.
"""

from __future__ import annotations

from codearena.problems.harness.generated import Generated, returned, runtime, uses
from codearena.problems.harness.signature import FunctionSpec, Method, Param, Type

LANGUAGE = "cpp"
SOURCE = "solution.cpp"
HARNESS = "harness.cpp"
MAIN_LINE = "// CODEARENA-MAIN: the generator's main() goes here"
CPP = {"int": "int", "long": "long long", "double": "double", "bool": "bool", "string": "string", "char": "char",
       "ListNode": "ListNode*", "TreeNode": "TreeNode*"}  # fmt: skip
DEFAULTS = {"int": "0", "long": "0", "double": "0.0", "bool": "false", "char": "' '", "string": '""'}


def cpp_type(t: Type) -> str:
    text = CPP[t.base]
    for _ in range(t.depth):
        text = f"vector<{text}>"
    return text


def _from(t: Type, expr: str) -> str:
    return f"codearena::From<{cpp_type(t)}>::get({expr})"


def _locals(params: tuple[Param, ...], source: str, prefix: str = "a") -> tuple[list[str], str]:
    """A named local per argument (so that `vector<int>&` binds), and the argument list."""
    lines = [f"auto {prefix}{i} = {_from(p.type, f'{source}[{i}]')};" for i, p in enumerate(params)]
    return lines, ", ".join(f"{prefix}{i}" for i in range(len(params)))


def _main_function(spec: FunctionSpec) -> str:
    method, _, in_place = returned(spec)
    params = method.params
    lines = ["auto lines = codearena::input();", f"codearena::expect(lines, {len(params)});"]
    lines.append("std::vector<codearena::Json> given;")
    lines += [f"given.push_back(codearena::parse(lines[{i}], {i + 1}));" for i in range(len(params))]
    declared, args = _locals(params, "given")
    lines += declared
    lines.append("std::string out;")
    call = f"Solution().{spec.name_in(LANGUAGE, method)}({args})"
    if in_place is not None:
        lines += [call + ";", f"codearena::put(out, a{params.index(in_place)});"]
    else:
        lines += [f"auto returned = {call};", "codearena::put(out, returned);"]
    lines.append("codearena::result(out);")
    return "\n    ".join(lines)


def _main_design(spec: FunctionSpec) -> str:
    cls = spec.class_name
    ctor_lines, ctor_args = _locals(spec.constructor, "args.items[0].items", "c")
    branches = []
    for m in spec.methods:
        declared, args = _locals(m.params, "a")
        call = f"object->{spec.name_in(LANGUAGE, m)}({args})"
        body = [*declared]
        if m.returns.is_void:
            body += [call + ";", 'out += "null";']
        else:
            body += [f"auto r = {call};", "codearena::put(out, r);"]
        branches.append(f'if (name == "{m.name}") {{\n            ' + "\n            ".join(body) + "\n        }")
    chain = " else ".join(branches)
    ctor = "\n    ".join(ctor_lines)
    return f"""auto lines = codearena::input();
    codearena::expect(lines, 2);
    codearena::Json calls = codearena::parse(lines[0], 1), args = codearena::parse(lines[1], 2);
    {ctor}
    {cls} *object = new {cls}({ctor_args});
    std::string out = "[null";
    for (size_t i = 1; i < calls.items.size(); i++) {{
        const std::string &name = calls.items[i].text;
        const std::vector<codearena::Json> &a = args.items[i].items;
        out += ',';
        {chain} else {{
            codearena::fail("no method " + name);
        }}
    }}
    out += ']';
    codearena::result(out);"""


def _main_codec(spec: FunctionSpec) -> str:
    encode, decode = spec.methods
    value_type = encode.params[0].type
    cls = spec.class_name
    wipe = "codearena::wipe(value);" if value_type.base in ("ListNode", "TreeNode") else ""
    return f"""auto lines = codearena::input();
    codearena::expect(lines, 1);
    auto value = {_from(value_type, "codearena::parse(lines[0], 1)")};
    {cls} *encoder = new {cls}();
    auto text = encoder->{spec.name_in(LANGUAGE, encode)}(value);
    {wipe}
    {cls} *decoder = new {cls}();
    auto back = decoder->{spec.name_in(LANGUAGE, decode)}(text);
    std::string out;
    codearena::put(out, back);
    codearena::result(out);"""


def harness_text(spec: FunctionSpec) -> str:
    text = runtime(HARNESS)
    assert MAIN_LINE in text, "the runtime's MAIN line is where main() goes"
    body = {"function": _main_function, "design": _main_design, "codec": _main_codec}[spec.kind](spec)
    return text.replace(MAIN_LINE, "int main() {\n    " + body + "\n    return 0;\n}")


def generate(spec: FunctionSpec, memory_mb: int) -> Generated:
    return Generated(
        source_name=SOURCE,
        files={HARNESS: harness_text(spec)},
        compile=["g++", "-std=c++17", "-O2", "-pipe", "-o", "main", HARNESS],
        run=["./main"],
    )


# -- starter code ------------------------------------------------------------------------------

DEFINITIONS = {
    "ListNode": """\
/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
""",
    "TreeNode": """\
/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
""",
}


def _param(p: Param) -> str:
    """Arrays by reference, as LeetCode's C++ takes them; the rest by value."""
    return f"{cpp_type(p.type)}& {p.name}" if p.type.depth else f"{cpp_type(p.type)} {p.name}"


def _default(t: Type) -> str:
    if t.is_void:
        return ""
    value = DEFAULTS.get(t.base, "nullptr") if t.depth == 0 else "{}"
    return f"        return {value};\n"


def _method(spec: FunctionSpec, m: Method) -> str:
    returns = "void" if m.returns.is_void else cpp_type(m.returns)
    params = ", ".join(map(_param, m.params))
    return f"    {returns} {spec.name_in(LANGUAGE, m)}({params}) {{\n{_default(m.returns)}    }}\n"


def starter(spec: FunctionSpec) -> str:
    head = "".join(text for base, text in DEFINITIONS.items() if uses(spec, base))
    parts = []
    if spec.kind == "design":
        params = ", ".join(map(_param, spec.constructor))
        parts.append(f"    {spec.class_name}({params}) {{\n        \n    }}\n")
    parts += [_method(spec, m) for m in spec.methods]
    return head + f"class {spec.class_name} {{\npublic:\n" + "\n".join(parts) + "};\n"
