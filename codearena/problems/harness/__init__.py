"""Function problems: the harness each language's program runs under, generated from the
signature problem.yaml declares, and the starter code users begin from.

A function problem's submission is not a program: it is a class (or function) the harness
calls, one test per run. The harness reads the test from stdin, calls the user's code, and
writes the result to file descriptor 3 only once the call returned; the user's stdout and
stderr are theirs, kept as debug output. `program_language` turns a language into the one a
problem's submissions are compiled and run as; everything else of judging stays the same.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from codearena.languages import Harness, Language
from codearena.problems.harness import cpp, java, javascript, python
from codearena.problems.harness.generated import Generated, stack_bytes
from codearena.problems.harness.signature import FunctionSpec

GENERATORS: dict[str, ModuleType] = {"python": python, "javascript": javascript, "java": java, "cpp": cpp}


def supported(language_id: str) -> bool:
    return language_id in GENERATORS


def generate(spec: FunctionSpec, language_id: str, memory_mb: int) -> Generated:
    make: Callable[[FunctionSpec, int], Generated] = GENERATORS[language_id].generate
    return make(spec, memory_mb)


def starter_code(spec: FunctionSpec) -> dict[str, str]:
    """The code a user starts from, in every language with a harness."""
    return {lang: module.starter(spec) for lang, module in GENERATORS.items()}


def program_language(language: Language, spec: FunctionSpec, memory_mb: int) -> Language:
    """`language` as a function problem's submissions are compiled and run: the source saved
    where the harness includes it, the harness's files beside it, its commands, and its stack."""
    made = generate(spec, language.id, memory_mb)
    harness = Harness(files=made.files, source_prefix=made.source_prefix, stack_bytes=stack_bytes(memory_mb))
    return language.model_copy(
        update={
            "source_name": made.source_name,
            "entry": None,
            "compile": made.compile,
            "syntax_check": "python" if made.syntax_check else None,
            "run": made.run,
            "harness": harness,
        }
    )
