"""How alike two submissions are (issue 9's similarity report): pure, no I/O.

Each source is tokenised by pygments and normalised much as copydetect does it: every name the
author chose becomes V (a function's and a class's too: pygments tells a definition from a call
unevenly), a string S, and comments and blanks go, so a copy with its names changed and its
layout redone reads the same as the original. Every k characters of that normalised code (a
k-gram) are hashed and winnowed as MOSS does (copydetect's `winnow`), and the k-grams of the
problem's starter code are dropped as boilerplate. copydetect's `compare_files` then finds the
k-grams two sources share: how much of each one's code is in the other, and where.

Two parts of copydetect's own `CodeFingerprint` are replaced here:
- its normaliser renames only pygments' Name, Name.Variable and Name.Attribute, but pygments
  calls JavaScript's names Name.Other: a renamed JavaScript copy would not match;
- it hashes k-grams with Python's `hash()`, salted per process, so fingerprints made in one
  process never match those made in another (a second worker, or after a restart). blake2b is
  the same everywhere.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

NOISE_CHARS = 25  # k: a common stretch of normalised code shorter than this is noise (copydetect's default)
GUARANTEE_CHARS = 25  # a common stretch this long is always found; 25 with k = 25: every k-gram is kept
MIN_TOKENS = 50  # a solution with fewer tokens (outside the starter code) is too short to tell copied from alike
THRESHOLD = 0.5  # a pair is reported when this share of either one's code is found in the other

# pygments' lexer for each language id of sandbox/languages.yaml; another id is tried as a lexer name.
LEXERS = {"python": "python3", "javascript": "javascript", "java": "java", "cpp": "cpp", "c": "c"}

Span = tuple[int, int]  # characters [start, end) of a source


@functools.cache
def _copydetect() -> ModuleType:
    """copydetect, imported on first use: it imports matplotlib (a second or two, tens of MB),
    which only the process that fingerprints should pay for."""
    import copydetect.utils  # type: ignore[import-untyped]

    return copydetect  # type: ignore[no-any-return]


@functools.cache
def _lexer(language: str) -> Any:
    """The language's pygments lexer, reading the text as given (no newline stripped or added, so
    positions are the source's); None when pygments does not know it."""
    from pygments import lexers
    from pygments.util import ClassNotFound

    try:
        return lexers.get_lexer_by_name(LEXERS.get(language, language), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def unify_newlines(text: str) -> str:
    """Sources as compared and shown: a browser's form sends CRLF, the API whatever it was given."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Normalised:
    code: str
    starts: list[int]  # where the token of each character of `code` starts in the source
    ends: list[int]  # and where it ends
    tokens: list[int]  # which token (counted from 0) each character of `code` belongs to
    breaks: list[int]  # where a comment lay between code[i - 1] and code[i]: a region shown is cut there


def normalise(text: str, language: str) -> Normalised:
    """`text` as it is compared: names, strings and preprocessor lines as one letter each,
    comments and blanks left out, every other token (keywords, operators, numbers, builtins) as
    it is; with where each character came from, for highlighting."""
    from pygments import token

    code: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    tokens: list[int] = []
    breaks: list[int] = []
    comment = False

    def put(letter: str, start: int, end: int, new_token: bool = True) -> None:
        nonlocal comment
        if comment:
            breaks.append(len(code))
            comment = False
        code.append(letter)
        starts.append(start)
        ends.append(end)
        tokens.append(tokens[-1] + new_token if tokens else 0)

    lexer = _lexer(language)
    if lexer is None:  # unknown to pygments: compared as it is, less its blanks
        for i, char in enumerate(text):
            if not char.isspace():
                put(char, i, i + 1)
        return Normalised("".join(code), starts, ends, tokens, breaks)
    # Lexers expect a last newline (a // comment ends at one); one added at the end moves nothing.
    for index, kind, value in lexer.get_tokens_unprocessed(text if text.endswith("\n") else text + "\n"):
        end = index + len(value)
        if kind in token.Name and not _kept_name(kind):
            put("V", index, end)
        elif kind in token.Comment.Preproc or kind in token.Comment.PreprocFile or kind in token.Comment.Hashbang:
            put("P", index, end)
        elif kind in token.Comment:
            comment = True
        elif kind in token.Text or kind in token.Whitespace:
            continue
        elif kind in token.Literal.String:
            put('"' if value in ("'", '"') else "S", index, end)
        else:  # each character of a keyword, an operator, a number: a region shown takes all of it
            start, stop = index + len(value) - len(value.lstrip()), index + len(value.rstrip())
            for i, char in enumerate(value.strip()):
                if not char.isspace():
                    put(char, start, stop, new_token=i == 0)
    return Normalised("".join(code), starts, ends, tokens, breaks)


def _kept_name(kind: Any) -> bool:
    """Names that are part of the language, not the author's choice: kept as written."""
    from pygments import token

    return any(kind in kept for kept in (token.Name.Builtin, token.Name.Namespace, token.Name.Decorator,
                                         token.Name.Exception, token.Name.Tag))  # fmt: skip


def _hash(kgram: str) -> int:
    return int.from_bytes(hashlib.blake2b(kgram.encode(), digest_size=8).digest(), "little", signed=True)


def kgram_hashes(code: str, k: int = NOISE_CHARS) -> list[int]:
    return [_hash(code[i : i + k]) for i in range(len(code) - k + 1)]


@dataclass(frozen=True)
class Source:
    key: str  # a submission's id
    problem: str
    language: str
    text: str  # with unified newlines


@dataclass
class Fingerprint:
    """One source's winnowed fingerprints. Arrays, not sets and dicts of Python ints: a report sends
    them between processes, and an array pickles as one buffer (200 fingerprints: ~5 ms, against
    ~150 ms of the server's time for the same as dicts and lists)."""

    key: str
    k: int
    code: str  # the normalised code
    hashes: Any  # numpy int64: the fingerprints kept (the starter code's dropped)...
    where: Any  # ...and where each one's k-gram starts in `code`
    token_coverage: int  # characters of `code` its fingerprints cover (the starter code's do not count)
    tokens: int  # its tokens outside the starter code (in none of its k-grams): its size
    starts: Any  # numpy int64: where the token of each character of `code` starts in the source...
    ends: Any  # ...and ends
    starter_ranges: list[Span]  # where `code` is the starter code's: never marked
    breaks: list[int]  # where a comment was: a marked region is cut there


def boilerplate(starter: str, language: str, k: int = NOISE_CHARS) -> frozenset[int]:
    """The hashes of every k-gram of the starter code: dropped from each source's fingerprints."""
    return frozenset(kgram_hashes(normalise(unify_newlines(starter), language).code, k))


def fingerprint(source: Source, starter: Iterable[int] = (), k: int = NOISE_CHARS,
                guarantee: int = GUARANTEE_CHARS) -> Fingerprint:  # fmt: skip
    """`source`'s fingerprints, less those in `starter` (the hashes `boilerplate` gives)."""
    import numpy as np

    normal = normalise(source.text, source.language)
    hashes = np.array(kgram_hashes(normal.code, k), dtype=np.int64)
    selected, where = _copydetect().utils.winnow(hashes, guarantee - k + 1, remove_duplicates=False)
    dropped = starter if isinstance(starter, frozenset) else frozenset(starter)
    kept = np.array([value not in dropped for value in selected.tolist()], dtype=bool)
    selected, where = selected[kept], np.asarray(where, dtype=np.int64)[kept]
    covered, starter_code = bytearray(len(normal.code)), bytearray(len(normal.code))
    for at in where.tolist():
        covered[at : at + k] = b"\1" * k
    for at, value in enumerate(hashes.tolist()):
        if value in dropped:
            starter_code[at : at + k] = b"\1" * k
    tokens = len({normal.tokens[i] for i, in_starter in enumerate(starter_code) if not in_starter})
    starter_ranges = [(m.start(), m.end()) for m in re.finditer(b"\1+", starter_code)]
    return Fingerprint(source.key, k, normal.code, selected, where, sum(covered), tokens,
                       np.array(normal.starts, dtype=np.int64), np.array(normal.ends, dtype=np.int64),
                       starter_ranges, normal.breaks)  # fmt: skip


@dataclass
class _Shape:
    """A fingerprint in the attributes copydetect's compare_files reads."""

    k: int
    filtered_code: str
    hashes: set[int]
    hash_idx: dict[int, list[int]]  # fingerprint -> where its k-grams start
    token_coverage: int
    # Empty: compare_files leaves the regions in the normalised code's positions, which
    # Fingerprint.starts and .ends map back exactly (copydetect's own offsets are off by a name's
    # length after a class name).
    offsets: tuple[()] = ()


def _shape(fp: Fingerprint) -> _Shape:
    found: dict[int, list[int]] = {}
    for value, at in zip(fp.hashes.tolist(), fp.where.tolist(), strict=True):
        found.setdefault(value, []).append(at)
    return _Shape(fp.k, fp.code, set(found), found, fp.token_coverage)


@dataclass(frozen=True)
class Match:
    """Two sources' common code: the share of each found in the other, and where."""

    a: str
    b: str
    similarity_a: float  # of a's code (less the starter code), the share found in b
    similarity_b: float
    overlap: int  # characters of normalised code in common
    spans_a: tuple[Span, ...]
    spans_b: tuple[Span, ...]

    @property
    def similarity(self) -> float:
        return max(self.similarity_a, self.similarity_b)


def compare(a: Fingerprint, b: Fingerprint) -> Match:
    return _compare(a, b, _shape(a), _shape(b))


def _compare(a: Fingerprint, b: Fingerprint, shape_a: _Shape, shape_b: _Shape) -> Match:
    overlap, (share_a, share_b), (slices_a, slices_b) = _copydetect().compare_files(shape_a, shape_b)
    return Match(a.key, b.key, float(share_a), float(share_b), int(overlap), _spans(a, slices_a), _spans(b, slices_b))


def _spans(fp: Fingerprint, slices: Any) -> tuple[Span, ...]:
    """compare_files' slices of filtered code, less the starter code, as the source's characters."""
    if len(slices) == 0 or len(slices[0]) == 0:
        return ()
    spans: list[Span] = []
    for start, end in zip(slices[0].tolist(), slices[1].tolist(), strict=True):
        for first, last in _without(int(start), int(end), fp.starter_ranges):
            cuts = [first, *(b for b in fp.breaks[bisect.bisect_right(fp.breaks, first) :] if b < last), last]
            spans += [(int(fp.starts[a]), int(fp.ends[b - 1])) for a, b in itertools.pairwise(cuts)]
    return tuple(spans)


def _without(start: int, end: int, holes: Sequence[Span]) -> list[Span]:
    """[start, end) less the ranges `holes` (sorted, apart)."""
    pieces = []
    for hole_start, hole_end in holes:
        if hole_end <= start or hole_start >= end:
            continue
        if hole_start > start:
            pieces.append((start, hole_start))
        start = max(start, hole_end)
    if start < end:
        pieces.append((start, end))
    return pieces


def ranked(matches: Iterable[Match]) -> list[Match]:
    """The most alike first; on a tie the larger overlap."""
    return sorted(matches, key=lambda m: (-m.similarity, -m.overlap, m.a, m.b))


# --- the two steps a worker process runs, in chunks


def fingerprint_all(sources: Sequence[Source], starters: Mapping[tuple[str, str], str]) -> list[Fingerprint]:
    """Each source's fingerprints, less its problem's starter code in its language (`starters`:
    (problem, language) -> code)."""
    dropped = {key: boilerplate(code, key[1]) for key, code in starters.items()}
    return [fingerprint(s, dropped.get((s.problem, s.language), frozenset())) for s in sources]


def compare_all(fingerprints: Sequence[Fingerprint], pairs: Sequence[tuple[int, int]], threshold: float) -> list[Match]:
    """The pairs (indexes into `fingerprints`) at least `threshold` alike."""
    shapes = [_shape(f) for f in fingerprints]
    found = (_compare(fingerprints[i], fingerprints[j], shapes[i], shapes[j]) for i, j in pairs)
    return [m for m in found if m.similarity >= threshold]


# --- showing a source with its matched regions


def newlines(text: str) -> list[int]:
    """Where `text`'s newlines are: what `lines_of` reads."""
    return [m.start() for m in re.finditer("\n", text)]


def lines_of(breaks: Sequence[int], spans: Iterable[Span]) -> list[tuple[int, int]]:
    """Each span's first and last line, counted from 1, in a text with newlines at `breaks`."""
    return [(bisect.bisect_left(breaks, start) + 1, bisect.bisect_left(breaks, max(start, end - 1)) + 1)
            for start, end in spans]  # fmt: skip


def marked_lines(text: str, spans: Iterable[Span]) -> list[list[tuple[str, bool]]]:
    """`text` as lines, each a list of (piece, whether it is in a span): for escaping and showing.
    A line's indentation and trailing blanks are never marked."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if start > position:
            pieces.append((text[position:start], False))
        if end > start:
            pieces.append((text[start:end], True))
        position = max(position, end)
    pieces.append((text[position:], False))
    lines: list[list[tuple[str, bool]]] = [[]]
    for piece, marked in pieces:
        parts = piece.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            lead = part[: len(part) - len(part.lstrip())] if marked and i else ""
            trail = part[len(part.rstrip()) :] if marked and i < len(parts) - 1 else ""
            middle = part[len(lead) : len(part) - len(trail)]
            lines[-1] += [(p, m) for p, m in ((lead, False), (middle, marked), (trail, False)) if p]
    if text.endswith("\n"):
        lines.pop()  # nothing follows the last newline
    return lines
