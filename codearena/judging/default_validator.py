"""The Kattis default output validator, ported: tokens compared one by one, case-insensitively
unless `case_sensitive`, any run of whitespace alike unless `space_change_sensitive`, numbers
within a tolerance when one is given (`float_tolerance`, `float_absolute_tolerance`,
`float_relative_tolerance`).

It follows problemtools' support/default_validator/default_validator.cc step by step, messages
included, so that a package judged here gets what it gets there; the upstream test cases are
run against it (tests/test_default_validator.py). Pure: no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

WHITESPACE = frozenset(b" \t\n\v\f\r")  # C's isspace in the C locale
NEWLINE = ord("\n")
# What C's strtod reads in full (sscanf "%lf" with nothing left over): decimal or hexadecimal.
_DECIMAL = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_HEXADECIMAL = re.compile(rb"[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?")
FLAGS = ("case_sensitive", "space_change_sensitive", "float_tolerance", "float_absolute_tolerance",
         "float_relative_tolerance")  # fmt: skip


@dataclass(frozen=True)
class DiffOptions:
    case_sensitive: bool = False
    space_change_sensitive: bool = False
    abs_tol: float = -1.0  # negative: none
    rel_tol: float = -1.0

    @property
    def use_floats(self) -> bool:
        return self.abs_tol >= 0 or self.rel_tol >= 0


def as_float(token: bytes) -> float | None:
    """The token's value if the whole of it is a finite number as C reads one, else None."""
    try:
        if _DECIMAL.fullmatch(token):
            value = float(token)
        elif _HEXADECIMAL.fullmatch(token):
            value = float.fromhex(token.decode("ascii"))
        else:
            return None
    except (ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def parse_flags(flags: Sequence[str]) -> DiffOptions:
    """The options `flags` ask for; raises ValueError naming the first flag it cannot use."""
    options = DiffOptions()
    words = list(flags)
    i = 0
    while i < len(words):
        flag = words[i]
        if flag == "case_sensitive":
            options = DiffOptions(True, options.space_change_sensitive, options.abs_tol, options.rel_tol)
        elif flag == "space_change_sensitive":
            options = DiffOptions(options.case_sensitive, True, options.abs_tol, options.rel_tol)
        elif flag in ("float_tolerance", "float_absolute_tolerance", "float_relative_tolerance"):
            value = as_float(words[i + 1].encode()) if i + 1 < len(words) else None
            if value is None:
                raise ValueError(f"{flag} takes a number")
            abs_tol = value if flag != "float_relative_tolerance" else options.abs_tol
            rel_tol = value if flag != "float_absolute_tolerance" else options.rel_tol
            options = DiffOptions(options.case_sensitive, options.space_change_sensitive, abs_tol, rel_tol)
            i += 1
        else:
            raise ValueError(f"unknown flag {flag!r} (known: {', '.join(FLAGS)})")
        i += 1
    return options


def _truncate(text: bytes, limit: int = 30) -> bytes:
    """At most about `limit` bytes and '...', not cut inside a UTF-8 character if it can help it."""
    if len(text) <= limit + 5:
        return text
    cut = limit
    while cut < len(text) and cut < limit + 4 and (text[cut] & 0xC0) == 0x80:
        cut += 1
    return text[:cut] + b"..."


def _truncate_pair(judge: bytes, team: bytes) -> tuple[bytes, bytes]:
    """A little of the common start of both, then a little of each from where they differ."""
    same = 0
    while same < len(judge) and same < len(team) and judge[same] == team[same]:
        same += 1
    prefix = _truncate(judge[:same], 15)
    return prefix + _truncate(judge[same:], 15), prefix + _truncate(team[same:], 15)


class _WrongAnswer(Exception):
    pass


class _Streams:
    """The answer and the output read as the C++ validator reads them, lines counted."""

    def __init__(self, answer: bytes, output: bytes) -> None:
        self.answer, self.output = answer, output
        self.a = self.o = 0  # read positions
        self.answer_line = self.output_line = 1

    def wrong(self, message: bytes) -> _WrongAnswer:
        where = f"line {self.output_line} of output (corresponding to line {self.answer_line} in answer file)"
        return _WrongAnswer(f"Wrong answer on {where}\n".encode() + message)

    def token(self, of_answer: bool) -> bytes | None:
        data, start = (self.answer, self.a) if of_answer else (self.output, self.o)
        if start >= len(data):
            return None
        end = start
        while end < len(data) and data[end] not in WHITESPACE:
            end += 1
        if of_answer:
            self.a = end
        else:
            self.o = end
        return data[start:end]

    def skip_space(self, sensitive: bool) -> None:
        answer, output = self.answer, self.output
        while self.a < len(answer) and answer[self.a] in WHITESPACE:
            c = answer[self.a]
            if sensitive:
                d = output[self.o] if self.o < len(output) else -1
                if c != d:
                    raise self.wrong(f"Space change error: got {d} expected {c}".encode())
                self.o += 1
                if d == NEWLINE:
                    self.output_line += 1
            if c == NEWLINE:
                self.answer_line += 1
            self.a += 1
        while self.o < len(output) and output[self.o] in WHITESPACE:
            d = output[self.o]
            if sensitive:
                raise self.wrong(f"Space change error: judge out of space, got {d} from user".encode())
            if d == NEWLINE:
                self.output_line += 1
            self.o += 1


def _compare_numbers(streams: _Streams, judge: bytes, team: bytes, expected: float, options: DiffOptions) -> None:
    got = as_float(team)
    if got is None:
        raise streams.wrong(b"Expected float, got: " + _truncate(team))
    error = abs(expected - got)
    if error <= options.abs_tol or error <= options.rel_tol * abs(expected):
        return
    relative = (
        f"undefined, judge value is 0 (rel tolerance {options.rel_tol:e})"
        if expected == 0.0
        else f"{error / abs(expected):e} (rel tolerance {options.rel_tol:e})"
    )
    raise streams.wrong(
        b"Too large difference.\n Judge: " + _truncate(judge) + b"\n User:  " + _truncate(team)
        + f"\n Absolute error: {error:e} (abs tolerance {options.abs_tol:e})\n Relative error: {relative}".encode()
    )  # fmt: skip


def _compare(streams: _Streams, options: DiffOptions) -> None:
    token = 0
    while True:
        streams.skip_space(options.space_change_sensitive)
        judge = streams.token(of_answer=True)
        if judge is None:
            break
        team = streams.token(of_answer=False)
        if team is None:
            next_token = b"\n(Next judge token: " + _truncate(judge) + b")"
            if token > 0:
                raise streams.wrong(b"User EOF while judge had more output" + next_token)
            how = b"was empty" if streams.o == 0 else b"contained only whitespace"
            raise streams.wrong(b"User EOF while judge had more output; user output " + how + b"." + next_token)
        expected = as_float(judge) if options.use_floats else None
        if expected is not None:
            _compare_numbers(streams, judge, team, expected, options)
        elif judge != team if options.case_sensitive else judge.lower() != team.lower():
            shown_judge, shown_team = _truncate_pair(judge, team)
            raise streams.wrong(b'String tokens mismatch\nJudge: "' + shown_judge + b'"\nUser: "' + shown_team + b'"')
        token += 1
    trailing = streams.token(of_answer=False)
    if trailing is not None:
        raise streams.wrong(b"Trailing output:\n" + _truncate(trailing))


def default_validator(answer: bytes, output: bytes, options: DiffOptions) -> tuple[bool, str]:
    """Whether the output is accepted, and if not why, in the validator's own words (what it
    writes to judgemessage.txt)."""
    try:
        _compare(_Streams(answer, output), options)
    except _WrongAnswer as wrong:
        return False, wrong.args[0].decode("utf-8", "replace")
    return True, ""
