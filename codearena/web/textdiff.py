"""Where a program's output first departs from the expected answer, for showing to people."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Difference:
    line: int  # 0-based line of the first difference
    column: int  # 0-based character in that line
    expected: str | None  # that line in the answer, None past its end
    actual: str | None  # that line in the output, None past its end


def _lines(text: str) -> list[str]:
    # As the token checker does, trailing blanks and trailing empty lines do not count.
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def first_difference(expected: str, actual: str) -> Difference | None:
    want, got = _lines(expected), _lines(actual)
    for i in range(max(len(want), len(got))):
        a = want[i] if i < len(want) else None
        b = got[i] if i < len(got) else None
        if a != b:
            x, y = a or "", b or ""
            column = next((j for j, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
            return Difference(i, column, a, b)
    return None


@dataclass(frozen=True)
class Line:
    before: str
    marked: str  # the first differing character ("" when the line is not the differing one)
    after: str
    differs: bool


def marked_lines(text: str, difference: Difference | None) -> list[Line]:
    """`text` as lines, the line of the difference split around its first differing character."""
    lines = text.splitlines()
    out = [Line(line, "", "", False) for line in lines]
    if difference is not None:
        if difference.line < len(lines):
            line, col = lines[difference.line], difference.column
            out[difference.line] = Line(line[:col], line[col : col + 1], line[col + 1 :], True)
        else:
            out.append(Line("", "", "", True))  # this text ended where the other goes on
    return out
