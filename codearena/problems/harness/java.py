"""The Java harness: runtime/CodeArenaHarness.java with typed conversions and main() generated
for the signature, and LeetCode's starter.

The user writes `class Solution` (public or not) in Solution.java, or the design or codec class
in a file of its name; the harness is a class of its own with its own main, compiled with it.
java.util and friends are imported for the user, as LeetCode does, on the source's first line.
"""

from __future__ import annotations

from codearena.problems.harness.generated import Generated, all_types, returned, runtime, uses
from codearena.problems.harness.signature import FunctionSpec, Method, Param, Type

LANGUAGE = "java"
HARNESS = "CodeArenaHarness"
GLUE_LINE = "    // CODEARENA-GLUE: the generator's conversions and main() go here"
IMPORTS = "import java.util.*; import java.util.function.*; import java.util.stream.*; "
JAVA = {"int": "int", "long": "long", "double": "double", "bool": "boolean", "string": "String", "char": "char"}
SCALAR_IN = {"int": "toInt", "long": "toLong", "double": "toDouble", "bool": "toBool", "string": "toStr",
             "char": "toChar", "ListNode": "toListNode", "TreeNode": "toTreeNode"}  # fmt: skip
DEFAULTS = {"int": "0", "long": "0", "double": "0.0", "bool": "false", "char": "' '"}


BOXED = {"int": "Integer", "long": "Long", "double": "Double", "boolean": "Boolean", "char": "Character"}


def java_type(t: Type) -> str:
    if t.lists:
        element = java_type(t.element)
        return f"List<{BOXED.get(element, element)}>"
    return (JAVA.get(t.base) or t.base) + "[]" * t.depth


def _suffix(t: Type) -> str:
    return f"{t.base}_{t.depth}" + (f"_list{t.lists}" if t.lists else "")


def convert_in(t: Type, expr: str) -> str:
    return f"{SCALAR_IN[t.base]}({expr})" if t.depth == 0 else f"in_{_suffix(t)}({expr})"


def put_out(t: Type, expr: str) -> str:
    if t.is_void:
        return 'sb.append("null");'
    return f"put(sb, {expr});" if t.depth == 0 else f"out_{_suffix(t)}(sb, {expr});"


def _array_methods(t: Type) -> str:
    """The conversions of an array or List type in and out, written for its element type."""
    e = t.element
    if t.lists:
        make, fill = "new ArrayList<>(l.size())", f"for (Object x : l) r.add({convert_in(e, 'x')});"
    else:
        make = f"new {JAVA.get(t.base) or t.base}[l.size()]" + "[]" * (t.depth - 1)
        fill = f"for (int i = 0; i < r.length; i++) r[i] = {convert_in(e, 'l.get(i)')};"
    return f"""
    static {java_type(t)} in_{_suffix(t)}(Object v) {{
        List<Object> l = list(v);
        {java_type(t)} r = {make};
        {fill}
        return r;
    }}

    static void out_{_suffix(t)}(StringBuilder sb, {java_type(t)} v) {{
        if (v == null) {{
            sb.append("null");
            return;
        }}
        sb.append('[');
        boolean first = true;
        for ({java_type(e)} x : v) {{
            if (!first) sb.append(',');
            first = false;
            {put_out(e, "x")}
        }}
        sb.append(']');
    }}
"""


def _args(params: tuple[Param, ...], source: str) -> str:
    return ", ".join(convert_in(p.type, f"{source}.get({i})") for i, p in enumerate(params))


def _main_function(spec: FunctionSpec) -> str:
    method, result_type, in_place = returned(spec)
    params = method.params
    lines = [f"String[] lines = input();", f"expect(lines, {len(params)});"]
    for i, p in enumerate(params):
        lines.append(f"{java_type(p.type)} a{i} = {convert_in(p.type, f'parse(lines[{i}], {i + 1})')};")
    call = f"new Solution().{spec.name_in(LANGUAGE, method)}({', '.join(f'a{i}' for i in range(len(params)))})"
    lines.append("StringBuilder sb = new StringBuilder();")
    if in_place is not None:
        lines.append(call + ";")
        lines.append(put_out(result_type, f"a{params.index(in_place)}"))
    else:
        lines.append(f"{java_type(result_type)} returned = {call};")
        lines.append(put_out(result_type, "returned"))
    lines.append("result(sb);")
    return "\n        ".join(lines)


def _main_design(spec: FunctionSpec) -> str:
    cls = spec.class_name
    cases = []
    for m in spec.methods:
        call = f"object.{spec.name_in(LANGUAGE, m)}({_args(m.params, 'a')})"
        if m.returns.is_void:
            body = f'{call}; sb.append("null");'
        else:
            body = f"{java_type(m.returns)} r = {call}; {put_out(m.returns, 'r')}"
        cases.append(f'case "{m.name}": {{ {body} break; }}')
    switch = "\n                ".join(cases)
    return f"""String[] lines = input();
        expect(lines, 2);
        List<Object> calls = list(parse(lines[0], 1)), args = list(parse(lines[1], 2));
        List<Object> a = list(args.get(0));
        {cls} object = new {cls}({_args(spec.constructor, "a")});
        StringBuilder sb = new StringBuilder("[null");
        for (int i = 1; i < calls.size(); i++) {{
            a = list(args.get(i));
            sb.append(',');
            switch ((String) calls.get(i)) {{
                {switch}
                default: fail("no method " + calls.get(i));
            }}
        }}
        sb.append(']');
        result(sb);"""


def _main_codec(spec: FunctionSpec) -> str:
    encode, decode = spec.methods
    value_type, text_type = encode.params[0].type, encode.returns
    cls = spec.class_name
    wipe = "wipe(value);" if value_type.base in ("ListNode", "TreeNode") else ""
    return f"""String[] lines = input();
        expect(lines, 1);
        {java_type(value_type)} value = {convert_in(value_type, "parse(lines[0], 1)")};
        {java_type(text_type)} text = new {cls}().{spec.name_in(LANGUAGE, encode)}(value);
        {wipe}
        {java_type(decode.returns)} back = new {cls}().{spec.name_in(LANGUAGE, decode)}(text);
        StringBuilder sb = new StringBuilder();
        {put_out(decode.returns, "back")}
        result(sb);"""


def harness_text(spec: FunctionSpec) -> str:
    text = runtime(HARNESS + ".java")
    assert GLUE_LINE in text, "the runtime's GLUE line is where the generated code goes"
    arrays = "".join(_array_methods(t) for t in all_types(spec) if t.depth > 0)
    body = {"function": _main_function, "design": _main_design, "codec": _main_codec}[spec.kind](spec)
    main = f"""
    public static void main(String[] argv) throws Exception {{
        {body}
    }}
"""
    return text.replace(GLUE_LINE, arrays + main)


def source_name(spec: FunctionSpec) -> str:
    return f"{spec.class_name}.java"


def generate(spec: FunctionSpec, memory_mb: int) -> Generated:
    return Generated(
        source_name=source_name(spec),
        files={HARNESS + ".java": harness_text(spec)},
        source_prefix=IMPORTS,
        # The flags of sandbox/languages.yaml's java: the image's class-data sharing archives.
        compile=["javac", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1", "-J-Xshare:auto",
                 "-J-XX:SharedArchiveFile=/opt/codearena/cds/javac.jsa", "-J-XX:-UsePerfData", "-J-Xms128m",
                 "-J-Xmx512m", "-proc:none", "-encoding", "UTF-8", HARNESS + ".java", source_name(spec)],  # fmt: skip
        run=["java", f"-Xmx{memory_mb}m", f"-Xss{memory_mb}m", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
             "-XX:SharedArchiveFile=/opt/codearena/cds/java.jsa",
             "--add-opens", "java.base/java.io=ALL-UNNAMED", HARNESS],  # fmt: skip
    )


# -- starter code ------------------------------------------------------------------------------

DEFINITIONS = {
    "ListNode": """\
/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     int val;
 *     ListNode next;
 *     ListNode() {}
 *     ListNode(int val) { this.val = val; }
 *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
 * }
 */
""",
    "TreeNode": """\
/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     int val;
 *     TreeNode left;
 *     TreeNode right;
 *     TreeNode() {}
 *     TreeNode(int val) { this.val = val; }
 *     TreeNode(int val, TreeNode left, TreeNode right) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
""",
}


def _default(t: Type) -> str:
    if t.is_void:
        return ""
    return f"        return {DEFAULTS.get(t.base, 'null') if t.depth == 0 else 'null'};\n"


def _method(spec: FunctionSpec, m: Method) -> str:
    params = ", ".join(f"{java_type(p.type)} {p.name}" for p in m.params)
    return f"    public {java_type(m.returns)} {spec.name_in(LANGUAGE, m)}({params}) {{\n{_default(m.returns)}    }}\n"


def starter(spec: FunctionSpec) -> str:
    head = "".join(text for base, text in DEFINITIONS.items() if uses(spec, base))
    if spec.kind == "function":
        return head + "class Solution {\n" + _method(spec, spec.method) + "}\n"
    parts = []
    if spec.kind == "design":
        params = ", ".join(f"{java_type(p.type)} {p.name}" for p in spec.constructor)
        parts.append(f"    public {spec.class_name}({params}) {{\n        \n    }}\n")
    parts += [_method(spec, m) for m in spec.methods]
    return head + f"class {spec.class_name} {{\n" + "\n".join(parts) + "}\n"
