"""A package's files copied into a folder of ours before anything reads them: from a .zip/.kpp
archive or from a folder, refusing what could reach outside it.

An archive is untrusted: a member whose path climbs out (`../`, an absolute path), a symbolic
link, a device or an encrypted member is refused, and sizes are counted while extracting (the
sizes an archive declares may lie). In a folder, symbolic links to files inside the package are
allowed (the format allows them) and copied as files; any other link is refused.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

MAX_PACKAGE_BYTES = 256 << 20  # every file, unpacked
MAX_FILES = 20_000
CHUNK_BYTES = 1 << 16
# Files beginning with a dot are not part of a package (the format's rule), but for DOMjudge's
# .timelimit at its root; .codearena is ours.
KEPT_DOT_FILES = (".timelimit",)


class PackageFileError(Exception):
    """The package's files cannot be taken as they are; the message names the file."""


class _Budget:
    def __init__(self) -> None:
        self.files = 0
        self.bytes = 0

    def add_file(self, name: str) -> None:
        self.files += 1
        if self.files > MAX_FILES:
            raise PackageFileError(f"more than {MAX_FILES} files (at {name})")

    def add_bytes(self, count: int, name: str) -> None:
        self.bytes += count
        if self.bytes > MAX_PACKAGE_BYTES:
            raise PackageFileError(f"larger than {MAX_PACKAGE_BYTES >> 20} MiB unpacked (at {name})")


def _skipped(parts: tuple[str, ...]) -> bool:
    """Whether a path inside the package is left out: dot files (but .timelimit at the root)
    and the __MACOSX folder macOS adds to archives."""
    if parts and parts[0] == "__MACOSX":
        return True
    return any(p.startswith(".") and not (i == len(parts) - 1 == 0 and p in KEPT_DOT_FILES)
               for i, p in enumerate(parts))  # fmt: skip


def _member_parts(name: str) -> tuple[str, ...]:
    """The parts of an archive member's path, or PackageFileError if it could leave the folder."""
    if "\\" in name or "\x00" in name:
        raise PackageFileError(f"{name!r}: a path with a backslash or NUL")
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise PackageFileError(f"{name!r}: a path outside the package")
    return tuple(p for p in path.parts if p not in ("", "."))


def unpack_zip(archive: Path, into: Path) -> Path:
    """Extract `archive` into the empty folder `into`; the package's folder (the archive's one
    top folder holding problem.yaml, else `into` itself)."""
    budget = _Budget()
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                parts = _member_parts(info.filename)
                if not parts or _skipped(parts):
                    continue
                kind = stat.S_IFMT(info.external_attr >> 16)
                if kind == stat.S_IFLNK:
                    raise PackageFileError(f"{info.filename!r}: a symbolic link (archives may not hold links)")
                if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                    raise PackageFileError(f"{info.filename!r}: not a file or a folder")
                if info.flag_bits & 0x1:
                    raise PackageFileError(f"{info.filename!r}: encrypted")
                target = into.joinpath(*parts)
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                budget.add_file(info.filename)
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as source, open(target, "xb") as out:
                    while chunk := source.read(CHUNK_BYTES):
                        budget.add_bytes(len(chunk), info.filename)
                        out.write(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise PackageFileError(f"{archive.name}: not a readable zip archive ({exc})") from exc
    except FileExistsError as exc:
        raise PackageFileError(f"{archive.name}: holds {exc.filename} twice") from exc
    if (into / "problem.yaml").is_file():
        return into
    folders = [p for p in into.iterdir() if p.is_dir()]
    if len(folders) == 1 and (folders[0] / "problem.yaml").is_file():
        return folders[0]
    raise PackageFileError(f"{archive.name}: no problem.yaml at its top, nor in its one top folder")


def copy_folder(source: Path, into: Path) -> None:
    """Copy the package folder `source` into the new folder `into`: its files, links to files
    inside it copied as files."""
    root = source.resolve()
    budget = _Budget()
    into.mkdir()
    for directory, folders, files in os.walk(root):
        here = Path(directory)
        relative = here.relative_to(root).parts
        for name in list(folders):
            path = here / name
            if _skipped((*relative, name)):
                folders.remove(name)
            elif path.is_symlink():
                raise PackageFileError(f"{path.relative_to(root)}: a link to a folder")
            else:
                (into.joinpath(*relative, name)).mkdir()
        for name in files:
            if _skipped((*relative, name)):
                continue
            path = here / name
            target = path.resolve()
            if path.is_symlink() and not target.is_relative_to(root):
                raise PackageFileError(f"{path.relative_to(root)}: a link to outside the package")
            if not target.is_file():
                raise PackageFileError(f"{path.relative_to(root)}: not a file (a broken link, a device?)")
            budget.add_file(str(path.relative_to(root)))
            budget.add_bytes(target.stat().st_size, str(path.relative_to(root)))
            shutil.copyfile(target, into.joinpath(*relative, name))
