"""Kattis packages for the tests: the vendored problemtools examples, and small ones written here."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Mapping
from pathlib import Path

KATTIS = Path(__file__).parent / "fixtures" / "kattis"
# A 4x2 PNG: the statements' picture.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000004000000020802000000f0caea340000001049444154789c63"
    "3811a001470cc81c00871a0a0147fd3cc40000000049454e44ae426082"
)
TINY = {
    "problem.yaml": "problem_format_version: 2023-07-draft\nname: Tiny Sum\nkeywords: [math]\n",
    "statement/problem.en.md": "Add $a$ and $b$, where $0 \\le a, b \\le 10^9$.\n\n![two numbers](picture.png)\n",
    "data/sample/1.in": "1 2\n",
    "data/sample/1.ans": "3\n",
    "data/secret/1.in": "5 5\n",
    "data/secret/1.ans": "10\n",
    "submissions/accepted/sum.py": "accept\n",  # the fake judge's words
    "submissions/accepted/sum.hs": "accept\n",  # Haskell: CodeArena has none
    "submissions/wrong_answer/bad.py": "wrong\n",
    "input_validators/validate.py": "import sys\nsys.exit(42)\n",
}


def write_package(folder: Path, files: Mapping[str, str | bytes | None] | None = None) -> Path:
    """A package in `folder`: TINY, with `files` added, replaced or (None) left out."""
    merged: dict[str, str | bytes | None] = {**TINY, "statement/picture.png": PNG, **(files or {})}
    for name, text in merged.items():
        if text is None:
            continue
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text)
    return folder


def zip_folder(folder: Path, archive: Path, top: str | None = None) -> Path:
    """`folder` zipped, under a top folder named `top` (default: the folder's name)."""
    top = top or folder.name
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
    return archive


def copy_example(name: str, into: Path) -> Path:
    """A copy of one of the vendored problemtools examples (links kept as links)."""
    target = into / name
    shutil.copytree(KATTIS / name, target, symlinks=True)
    return target
