"""The Kattis default output validator's port gets what problemtools' own C++ validator gets on
its test cases (tests/fixtures/kattis/default_validator_tests, vendored): the verdict and the
message, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from codearena.judging.default_validator import DiffOptions, as_float, default_validator, parse_flags

CASES = Path(__file__).parent / "fixtures" / "kattis" / "default_validator_tests"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_upstream_case(case: str) -> None:
    folder = CASES / case
    args = (folder / "args.txt").read_text().split() if (folder / "args.txt").is_file() else []
    accepted, message = default_validator(
        (folder / "judge.ans").read_bytes(), (folder / "user.out").read_bytes(), parse_flags(args)
    )
    assert accepted == ((folder / "expected_exit_code.txt").read_text().strip() == "42")
    expected = folder / "expected_message.txt"
    if expected.is_file():
        assert message.rstrip("\n") == expected.read_bytes().decode("utf-8", "replace").rstrip("\n")


def test_case_insensitive_by_default_and_whitespace_free() -> None:
    assert default_validator(b"Hello World\n", b"hello   WORLD", DiffOptions()) == (True, "")
    assert not default_validator(b"Hello\n", b"hello\n", parse_flags(["case_sensitive"]))[0]
    assert not default_validator(b"1 2\n", b"1  2\n", parse_flags(["space_change_sensitive"]))[0]


def test_numbers_only_within_a_tolerance_that_was_asked_for() -> None:
    assert not default_validator(b"0.5\n", b"0.50\n", DiffOptions())[0], "no tolerance: tokens compared as text"
    options = parse_flags(["float_tolerance", "1e-6"])
    assert default_validator(b"0.0314\n", b"3.14000000e-2\n", options)[0]
    assert not default_validator(b"1\n", b"1.1\n", options)[0]
    assert default_validator(b"100 x\n", b"100.00001 X\n", parse_flags(["float_relative_tolerance", "1e-6"]))[0]


def test_numbers_are_read_as_c_reads_them() -> None:
    assert as_float(b"1e5") == 1e5 and as_float(b"-.5") == -0.5 and as_float(b"0x1p3") == 8.0
    for token in (b"1_000", b"inf", b"nan", b"1e999", b"1e", b"0x", b"", b"1.2.3", b"\xff"):
        assert as_float(token) is None, token


def test_bad_flags_are_named() -> None:
    with pytest.raises(ValueError, match="float_tolerance takes a number"):
        parse_flags(["float_tolerance"])
    with pytest.raises(ValueError, match="unknown flag 'case_insensitive'"):
        parse_flags(["case_insensitive"])
