"""Problem statements: Markdown to HTML in which raw HTML is escaped, never passed through."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup


def _parser() -> MarkdownIt:
    # html=False escapes every tag written in a statement; markdown-it's link validation
    # already refuses javascript:, vbscript:, file: and non-image data: URLs.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
        ["table", "strikethrough"]
    )


@lru_cache(maxsize=256)
def render_markdown(text: str) -> Markup:
    """The statement as safe HTML; statements are few and fixed, so each is rendered once."""
    return Markup(_parser().render(text))
