"""Kattis statements as CodeArena's Markdown: problem.<lang>.md as it is, problem.<lang>.tex
converted by pandoc; images pointed at the URL the server serves them from.

pandoc (Debian's `pandoc` package) reads LaTeX far better than any Python library we know of,
writes the CommonMark our pages already render (math kept as $...$ for KaTeX), and is
maintained. The statement is untrusted: pandoc runs with `--sandbox` (it reads no file and
fetches nothing, so `\\input{/etc/passwd}` stays out), a timeout and a size cap, with no shell,
and its Markdown is then rendered with raw HTML escaped like every statement.
"""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

MAX_STATEMENT_BYTES = 1 << 20
PANDOC_TIMEOUT_S = 30.0
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
# problemtools' LaTeX macros, in terms pandoc knows (problemset.cls defines them for PDF).
PRELUDE = r"""
\newcommand{\problemname}[1]{}
\newcommand{\illustration}[3]{\begin{figure}\includegraphics{#2}\caption{#3}\end{figure}}
\newenvironment{Input}{\section*{Input}}{}
\newenvironment{Output}{\section*{Output}}{}
\newenvironment{Interaction}{\section*{Interaction}}{}
\newcommand{\nextsample}{}
\newcommand{\remainingsamples}{}
"""
# ![alt](target "title"): Markdown's inline images, the only way statements show pictures.
_IMAGE = re.compile(r"(!\[(?:[^\]\\]|\\.)*\]\()\s*<?([^)\s>]+)>?((?:\s+\"[^\"]*\")?\s*\))")


class StatementError(Exception):
    """The statement cannot be converted; the message says why."""


def pandoc_available() -> bool:
    return shutil.which("pandoc") is not None


async def latex_to_markdown(tex: str) -> str:
    """The LaTeX statement as CommonMark (sections one level down: the page's title is h1)."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise StatementError("converting a LaTeX statement needs pandoc: install Debian's pandoc package")
    source = (PRELUDE + tex).encode("utf-8")
    if len(source) > MAX_STATEMENT_BYTES:
        raise StatementError(f"the statement is larger than {MAX_STATEMENT_BYTES >> 10} KiB")
    argv = [pandoc, "--sandbox", "--from=latex", "--to=commonmark+pipe_tables+tex_math_dollars",
            "--shift-heading-level-by=1", "--wrap=none"]  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        *argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(source), PANDOC_TIMEOUT_S)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise StatementError(f"pandoc took longer than {PANDOC_TIMEOUT_S:g} s to convert the statement") from None
    if process.returncode != 0:
        raise StatementError(f"pandoc could not read the statement: {err.decode('utf-8', 'replace').strip()[:500]}")
    return out.decode("utf-8", "replace")


def image_file(directory: Path, target: str) -> str | None:
    """The image a statement names (LaTeX may leave out the file name ending), or None."""
    if "/" in target or target.startswith("."):
        return None
    names = [target] if Path(target).suffix else [target + suffix for suffix in IMAGE_SUFFIXES]
    return next((n for n in names if Path(n).suffix.lower() in IMAGE_SUFFIXES and (directory / n).is_file()), None)


def point_images(markdown: str, directory: Path, base_url: str) -> tuple[str, list[str]]:
    """The statement with each image of `directory` it shows pointed at `base_url`/name, and the
    images it names that cannot be shown (missing, outside the folder, not a picture format)."""
    missing: list[str] = []

    def point(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:|^/", target, re.IGNORECASE):
            return match.group(0)  # a URL: left as it is (the page's CSP loads images from itself only)
        found = image_file(directory, target)
        if found is None:
            missing.append(target)
            return match.group(0)
        return f"{match.group(1)}{base_url}/{found}{match.group(3)}"

    return _IMAGE.sub(point, markdown), missing


async def statement_markdown(path: Path, kind: str, base_url: str) -> tuple[str, list[str]]:
    """The statement in `path` (.tex or .md) as Markdown, and the images it cannot show."""
    if path.stat().st_size > MAX_STATEMENT_BYTES:
        raise StatementError(f"the statement is larger than {MAX_STATEMENT_BYTES >> 10} KiB")
    text = path.read_text(encoding="utf-8", errors="replace")
    markdown = await latex_to_markdown(text) if kind == "tex" else text
    return point_images(markdown, path.parent, base_url)
