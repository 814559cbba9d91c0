"""CodeArena's harness for a Python function problem: one test, one call of the user's code.

Imported by the two-line _harness.py, which calls main().

It reads the test (one JSON value per line) from stdin, runs the user's main.py, calls the
method the problem names, and writes the result as one line of JSON to file descriptor 3, only
after the call returned. stdout and stderr are the user's own (debug output). The generator puts
the problem's signature in SPEC. Only modules Python has loaded at start-up anyway are imported,
and the C JSON scanner when a value needs it: every test pays for this file's start.
"""

import os
import sys

SPEC: dict = {}  # CODEARENA-SPEC: replaced by the generator with the problem's signature
RESULT_FD = 3
SOURCE = "main.py"
CO_FUTURE_ANNOTATIONS = 0x1000000  # __future__.annotations: type hints are never evaluated
MAX_NODES = 10_000_000  # a list or tree returned with more nodes than this has a cycle

# What LeetCode's Python puts in scope without an import: a name the user's code reads and
# does not define is imported from its module, only then.
PRELUDE_MODULES = ("bisect collections functools heapq itertools math operator random re string typing").split()
PRELUDE_NAMES = {
    "collections": "deque Counter defaultdict OrderedDict namedtuple ChainMap",
    "heapq": "heappush heappop heapify heappushpop heapreplace nlargest nsmallest",
    "bisect": "bisect bisect_left bisect_right insort insort_left insort_right",
    "itertools": "accumulate chain combinations combinations_with_replacement compress count cycle "
    "dropwhile groupby islice pairwise permutations product repeat starmap takewhile tee zip_longest",
    "functools": "cache cmp_to_key lru_cache partial reduce",
    "math": "inf gcd lcm sqrt isqrt ceil floor log log2 log10 comb perm factorial pi hypot",
    "typing": "List Dict Set Tuple Optional Deque Union Any",
}


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


class _Context:  # what _json's scanner reads from a JSONDecoder
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int

    def parse_constant(self, name):
        raise ValueError(f"{name} is not a JSON value")


_json = None  # the C scanner alone, when first needed: the json package imports re, which costs more


def json_module():
    global _json
    if _json is None:
        import _json as module

        _json = module
        _json.scan = _json.make_scanner(_Context())
    return _json


def loads(text, what):
    text = text.strip()
    try:
        value, end = json_module().scan(text, 0)
    except (StopIteration, ValueError):
        end = -1
    if end != len(text):
        raise SystemExit(f"harness: {what} is not one JSON value: {text[:80]!r}")
    return value


INTEGERS = {("int", 0), ("long", 0), ("int", 1), ("long", 1), ("ListNode", 0)}


def parse(text, t, what):
    """A line of input as the JSON value of type `t`: integers and arrays of them, the most
    common, without the JSON scanner (what they are not, the scanner reads)."""
    if tuple(t) in INTEGERS:
        text = text.strip()
        try:
            if t[1] == 0 and t[0] != "ListNode":
                return int(text)
            if text[:1] == "[" and text[-1:] == "]":
                inner = text[1:-1]
                return list(map(int, inner.split(","))) if inner.strip() else []
        except ValueError:
            pass
    return loads(text, what)


# -- values in: JSON to the argument's type ----------------------------------------------------


def make_list(values, cls):
    head = None
    for v in reversed(values):
        head = cls(v, head)
    return head


def make_tree(values, cls):
    if not values:
        return None
    root = cls(values[0])
    level, i, n = [root], 1, len(values)
    while level and i < n:
        following = []
        for node in level:
            if i < n and values[i] is not None:
                node.left = cls(values[i])
                following.append(node.left)
            i += 1
            if i < n and values[i] is not None:
                node.right = cls(values[i])
                following.append(node.right)
            i += 1
        level = following
    return root


def decoder(t, namespace):
    """A function from a JSON value to an argument of type `t`, or None where it is the value."""
    base, depth = t
    if depth:
        inner = decoder((base, depth - 1), namespace)
        return None if inner is None else (lambda v: [inner(x) for x in v])
    if base == "double":
        return float
    if base == "ListNode":
        return lambda v: make_list(v, namespace.get("ListNode", ListNode))
    if base == "TreeNode":
        return lambda v: make_tree(v, namespace.get("TreeNode", TreeNode))
    return None


def decode(value, t, namespace):
    convert = decoder(t, namespace)
    return value if convert is None else convert(value)


# -- values out: the returned value as JSON, checked against its type -----------------------------


class WrongType(Exception):
    pass


def _type_name(value):
    return type(value).__name__


def _int(v):
    if type(v) is int:
        return int.__repr__(v)
    if type(v) is bool:
        return "1" if v else "0"
    raise WrongType(f"an integer, found {_type_name(v)}")


def _double(v):
    if type(v) in (float, int):
        return float.__repr__(float(v))
    raise WrongType(f"a number, found {_type_name(v)}")


def _bool(v):
    if v is True or v is False:
        return "true" if v else "false"
    raise WrongType(f"a bool, found {_type_name(v)}")


def _string(v):
    if type(v) is str:
        return (_json or json_module()).encode_basestring(v)
    raise WrongType(f"a string, found {_type_name(v)}")


def _char(v):
    if type(v) is str and len(v) == 1:
        return (_json or json_module()).encode_basestring(v)
    raise WrongType(f"one character, found {_type_name(v)}")


def _list_node(v):
    out, count = [], 0
    while v is not None:
        count += 1
        if count > MAX_NODES:
            raise WrongType("a list that ends: it has a cycle")
        out.append(_int(v.val))
        v = v.next
    return "[" + ",".join(out) + "]"


def _tree_node(v):
    out, queue, i = [], [v], 0
    while i < len(queue):
        node = queue[i]
        i += 1
        if node is None:
            out.append("null")
            continue
        if i > MAX_NODES:
            raise WrongType("a tree: it has a cycle")
        out.append(_int(node.val))
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] == "null":
        out.pop()
    return "[" + ",".join(out) + "]"


SCALARS = {"int": _int, "long": _int, "double": _double, "bool": _bool, "string": _string, "char": _char}
NODES = {"ListNode": _list_node, "TreeNode": _tree_node}


def encoder(t):
    base, depth = t
    if depth:
        inner = encoder((base, depth - 1))

        def array(v):
            if type(v) not in (list, tuple):
                raise WrongType(f"an array, found {_type_name(v)}")
            return "[" + ",".join(map(inner, v)) + "]"

        return array
    if base == "void":
        return lambda v: "null"
    return SCALARS.get(base) or NODES[base]


def encode(value, t, what):
    try:
        return encoder(t)(value)
    except WrongType as exc:
        raise SystemExit(f"{what} must return {t[0]}{'[]' * t[1]}: expected {exc}") from None
    except AttributeError as exc:
        raise SystemExit(f"{what} must return {t[0]}{'[]' * t[1]}: {exc}") from None


# -- the user's code ---------------------------------------------------------------------------


def load_user_code():
    """Run main.py in a module of its own (not __main__: its own `if __name__ == "__main__"`
    block, written to try it out, does not run), with LeetCode's names in scope."""
    with open(SOURCE, "rb") as f:
        code = compile(f.read(), SOURCE, "exec", CO_FUTURE_ANNOTATIONS, dont_inherit=True)
    module = type(sys)("solution")
    namespace = module.__dict__
    namespace.update(ListNode=ListNode, TreeNode=TreeNode)
    names, stack = set(), [code]
    while stack:
        c = stack.pop()
        names.update(c.co_names)
        stack.extend(k for k in c.co_consts if type(k) is type(code))
    for name in names.intersection(PRELUDE_MODULES):
        namespace[name] = __import__(name)
    for module_name, listed in PRELUDE_NAMES.items():
        for name in names.intersection(listed.split()):
            namespace[name] = getattr(__import__(module_name), name)
    sys.modules["solution"] = module
    exec(code, namespace)
    return namespace


def find(namespace, name, what):
    found = namespace.get(name)
    if found is None:
        raise SystemExit(f"harness: {what} {name} is not defined in {SOURCE}")
    return found


def call_function(namespace, lines):
    method = SPEC["methods"][0]
    params = method["params"]
    if len(lines) != len(params):
        raise SystemExit(f"harness: expected {len(params)} lines of input, one per parameter, found {len(lines)}")
    args = [decode(v, p["type"], namespace) for v, p in zip(lines, params)]
    solution = namespace.get("Solution")
    function = getattr(solution(), method["call"]) if solution else find(namespace, method["call"], "function")
    returned = function(*args)
    what = method["name"]
    if SPEC["result"] is not None:
        index = next(i for i, p in enumerate(params) if p["name"] == SPEC["result"])
        return encode(args[index], params[index]["type"], what + " (in place: " + SPEC["result"] + ")")
    return encode(returned, method["returns"], what)


def call_design(namespace, lines):
    if len(lines) != 2:
        raise SystemExit("harness: expected 2 lines of input: the calls, then their arguments")
    calls, arguments = lines
    cls = find(namespace, SPEC["class"], "class")
    methods = {m["name"]: m for m in SPEC["methods"]}
    ctor = SPEC["constructor"]
    obj = cls(*[decode(v, p["type"], namespace) for v, p in zip(arguments[0], ctor)])
    out = ["null"]
    for name, given in zip(calls[1:], arguments[1:]):
        method = methods[name]
        args = [decode(v, p["type"], namespace) for v, p in zip(given, method["params"])]
        returned = getattr(obj, method["call"])(*args)
        out.append(encode(returned, method["returns"], name))
    return "[" + ",".join(out) + "]"


def wipe(value):
    """Empty every node of a list or tree: a codec that kept the nodes gives nothing back."""
    stack = [value]
    while stack:
        node = stack.pop()
        if hasattr(node, "val"):
            for attr in ("next", "left", "right"):
                child = getattr(node, attr, None)
                if child is not None:
                    stack.append(child)
                    setattr(node, attr, None)
            node.val = 0


def call_codec(namespace, lines):
    encode_m, decode_m = SPEC["methods"]
    param = encode_m["params"][0]
    cls = find(namespace, SPEC["class"], "class")
    value = decode(lines[0], param["type"], namespace)
    text = getattr(cls(), encode_m["call"])(value)
    if encode_m["returns"] == ["string", 0] and type(text) is not str:
        raise SystemExit(f"{encode_m['name']} must return string: found {_type_name(text)}")
    if param["type"][0] in NODES:
        wipe(value)
    back = getattr(cls(), decode_m["call"])(text)
    return encode(back, decode_m["returns"], decode_m["name"])


def main():
    sys.setrecursionlimit(SPEC["recursion_limit"])
    # Prints and errors in the order they happened: the two are one stream of debug output.
    sys.stdout.reconfigure(line_buffering=True)
    lines = sys.stdin.buffer.read().decode("utf-8").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    # What each line holds: a function's parameters, a codec's value (a design's calls: JSON).
    params = SPEC["methods"][0]["params"] if SPEC["kind"] != "design" else []
    types = [p["type"] for p in params[: 1 if SPEC["kind"] == "codec" else None]]
    values = [
        parse(line, types[i], f"input line {i + 1}") if i < len(types) else loads(line, f"input line {i + 1}")
        for i, line in enumerate(lines)
    ]
    namespace = load_user_code()
    call = {"function": call_function, "design": call_design, "codec": call_codec}[SPEC["kind"]]
    result = call(namespace, values).encode() + b"\n"
    sys.stdout.flush()  # the user's prints go out before the result is known to exist
    view = memoryview(result)
    while view:
        view = view[os.write(RESULT_FD, view) :]
