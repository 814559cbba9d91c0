"""Reading a roster: the CSV a school system exports (student id, name, email), checked whole.

Exports differ in their header names, delimiter (; where the decimal mark is a comma), line
ends and byte-order mark; all of these are accepted. Every bad row is reported with its line,
so the instructor fixes the file once, and nothing is imported until the whole file is good.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from codearena.domain.courses import RosterRow, RowProblem
from codearena.services.errors import Invalid, TooLarge

MAX_ROSTER_BYTES = 256 * 1024
MAX_FIELD = 200
MAX_STUDENT_ID = 64
EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+$")
# Header names as school systems spell them, compared after `_key`.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("student id", "id number", "sis user id", "student number", "id", "sis id", "matriculation number"),
    "name": ("name", "full name", "student name", "display name"),
    "first": ("first name", "given name", "forename"),
    "last": ("last name", "surname", "family name"),
    "email": ("email", "email address", "e-mail", "e-mail address", "mail"),
}
# Without a header, the columns are taken in this order.
PLAIN_COLUMNS = ("id", "name", "email")


class RosterInvalid(Invalid):
    """The roster cannot be imported; `rows` says what is wrong on which line."""

    def __init__(self, message: str, rows: list[RowProblem]) -> None:
        super().__init__("invalid_roster", message)
        self.rows = rows


def _key(cell: str) -> str:
    return " ".join(re.sub(r"[_.]", " ", cell.strip().casefold()).split())


def decode(raw: bytes | str) -> str:
    """The roster as text: UTF-8 with or without a byte-order mark, under the size cap."""
    size = len(raw.encode() if isinstance(raw, str) else raw)
    if size > MAX_ROSTER_BYTES:
        raise TooLarge("roster_too_large", f"the roster is over {MAX_ROSTER_BYTES // 1024} KiB")
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Invalid("roster_not_utf8", "the roster is not UTF-8 text: export it as CSV (UTF-8)") from None


def delimiter(text: str) -> str:
    """, or ; as csv.Sniffer finds it, checked against the first line (the Sniffer can be fooled
    by a ; inside a name)."""
    first = text.lstrip().split("\n", 1)[0]
    try:
        found = csv.Sniffer().sniff(text[:8192], delimiters=",;").delimiter
    except csv.Error:
        found = ","
    other = ";" if found == "," else ","
    return other if first.count(other) > first.count(found) else found


def rows_with_lines(text: str) -> Iterator[tuple[int, list[str]]]:
    """The non-blank rows with the line each starts on (a quoted field may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                yield start, [c.strip() for c in cells]
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RosterInvalid("the roster is not valid CSV", [RowProblem(line=start, message=str(exc))]) from None


def columns(header: list[str]) -> dict[str, int] | None:
    """Which column holds what, if `header` is a header row; None if it is data."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        for field, names in HEADERS.items():
            if _key(cell) in names and field not in found:
                found[field] = index
    return found or None


def parse_roster(raw: bytes | str) -> list[RosterRow]:
    """Every student of the roster, or RosterInvalid listing every bad row."""
    rows = list(rows_with_lines(decode(raw)))
    if not rows:
        raise RosterInvalid("the roster is empty", [])
    found = columns(rows[0][1])
    width = len(PLAIN_COLUMNS)
    if found is None:
        found = {field: i for i, field in enumerate(PLAIN_COLUMNS)}
    else:
        width = len(rows[0][1])
        rows = rows[1:]
        if "id" not in found:
            known = ", ".join(f'"{n.title()}"' for n in HEADERS["id"][:3])
            raise RosterInvalid(f"the header has no student id column (such as {known})", [])
    if not rows:
        raise RosterInvalid("the roster has a header and no students", [])
    return checked(rows, found, width)


def checked(rows: list[tuple[int, list[str]]], found: dict[str, int], width: int) -> list[RosterRow]:
    problems: list[RowProblem] = []
    students: list[RosterRow] = []
    ids: dict[str, int] = {}
    emails: dict[str, int] = {}
    for line, cells in rows:
        # A trailing delimiter (an empty last cell) is common in exports and harmless.
        while len(cells) > width and not cells[-1]:
            cells = cells[:-1]
        if len(cells) != width:
            problems.append(RowProblem(line=line, message=f"has {len(cells)} fields; expected {width}"))
            continue
        row = {field: cells[i] for field, i in found.items()}
        student_id, email = row.get("id", ""), row.get("email", "")
        name = row.get("name") or " ".join(p for p in (row.get("first", ""), row.get("last", "")) if p)
        message = ""
        if not student_id:
            message = "the student id is missing"
        elif len(student_id) > MAX_STUDENT_ID:
            message = f"the student id is over {MAX_STUDENT_ID} characters"
        elif student_id.casefold() in ids:
            message = f"student id {student_id!r} is also on line {ids[student_id.casefold()]}"
        elif email and (len(email) > MAX_FIELD or not EMAIL.match(email)):
            message = f"{email[:MAX_FIELD]!r} is not an email address"
        elif email and email.casefold() in emails:
            message = f"email {email!r} is also on line {emails[email.casefold()]}"
        elif len(name) > MAX_FIELD:
            message = f"the name is over {MAX_FIELD} characters"
        if message:
            problems.append(RowProblem(line=line, message=message))
            continue
        ids[student_id.casefold()] = line
        if email:
            emails[email.casefold()] = line
        students.append(RosterRow(line=line, student_id=student_id, name=name, email=email))
    if problems:
        raise RosterInvalid(f"{len(problems)} row(s) of the roster are wrong; nothing was imported", problems)
    return students


def username_base(student_id: str) -> str:
    """A username made of a student id: the characters a username may hold, starting with a
    letter or digit."""
    kept = re.sub(r"[^A-Za-z0-9._@-]", "", student_id).lstrip("._@-")[:56]
    return kept or "student"
