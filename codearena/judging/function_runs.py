"""How a function problem's program is run and what its runs mean, beside a program's.

The program is the language's, turned by the problem's harness (`problem_language`); its result
comes on a channel of its own (the reply's `result`, its file descriptor 3), never from what it
printed; a run that ended without one did not return, whatever it printed; and what it printed,
stdout and stderr as one stream, is shown as debug output for the samples.
"""

from __future__ import annotations

import json

from codearena.languages import Language
from codearena.problems import harness
from codearena.problems.harness.signature import FunctionSpec
from codearena.problems.harness.values import canonical
from codearena.problems.model import Problem
from codearena.sandbox.protocol import RunReply


class UnsupportedLanguage(Exception):
    """A function problem has no harness in this language."""


def problem_language(problem: Problem | None, language: Language) -> Language:
    """`language` as `problem`'s submissions are compiled and run: under the problem's harness
    when it is a function problem."""
    if problem is None or problem.function is None:
        return language
    if not harness.supported(language.id):
        raise UnsupportedLanguage(f"{problem.title} takes {', '.join(sorted(harness.GENERATORS))}, not {language.name}")
    return harness.program_language(language, problem.function, problem.limits.memory_limit_mb)


def no_result_reason(spec: FunctionSpec, reply: RunReply) -> str:
    """Why a run that exited normally without a result fails: it never returned."""
    what = spec.method.name if spec.kind == "function" else f"the calls on {spec.class_name}"
    return f"the program exited (exit code {reply.exit_code}) before {what} returned"


def shown_result(result: bytes) -> str:
    """A result as the answer files hold theirs (canonical JSON), to show beside the answer;
    as it came when it is not JSON."""
    try:
        return canonical(json.loads(result))
    except ValueError:
        return result.decode("utf-8", "replace").strip()


def console(reply: RunReply, keep_bytes: int) -> str:
    """The program's own output (stdout and stderr, merged as a terminal shows them), up to
    `keep_bytes`: its start, and its end where a runtime's last words are."""
    data = reply.stdout
    if len(data) > keep_bytes:
        tail = reply.stderr[-min(len(reply.stderr), keep_bytes // 2) :]
        head = data[: max(0, keep_bytes - len(tail))]
        left_out = reply.output_size - len(head) - len(tail)
        data = head + f"\n[... {left_out} bytes left out ...]\n".encode() + tail
    return data.decode("utf-8", "replace")
