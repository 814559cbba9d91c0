"""Program output as text that can be stored and shown: always valid UTF-8.

The sandbox reads a program's bytes with `surrogateescape`, so bytes that are not UTF-8 arrive
as lone surrogates, which SQLite and every UTF-8 encoder refuse. Here they become U+FFFD.
"""

from __future__ import annotations

import re

from codearena.domain.verdicts import JudgeResult, TestResult

# Lone surrogates that are not surrogate escapes (U+DC80..U+DCFF stand for the bytes 0x80..0xFF).
_NOT_ESCAPES = re.compile("[\ud800-\udc7f\udd00-\udfff]")


def valid_text(text: str) -> str:
    """`text` with every undecodable byte and lone surrogate replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Escaped bytes go back to bytes, so a broken multi-byte sequence becomes one U+FFFD.
        return _NOT_ESCAPES.sub("\ufffd", text).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text


def valid_test(test: TestResult) -> TestResult:
    """`test` with its texts made valid (itself when they already are)."""
    texts = {"stderr": test.stderr, "checker_message": test.checker_message, "reason": test.reason}
    if test.output is not None:
        texts["output"] = test.output
    fixed = {name: valid_text(value) for name, value in texts.items()}
    return test if fixed == texts else test.model_copy(update=fixed)


def valid_result(result: JudgeResult) -> JudgeResult:
    tests = [valid_test(t) for t in result.tests]
    texts = {"compile_output": result.compile_output, "reason": result.reason}
    fixed = {name: valid_text(value) for name, value in texts.items()}
    if fixed == texts and all(a is b for a, b in zip(tests, result.tests, strict=True)):
        return result
    return result.model_copy(update={**fixed, "tests": tests})
