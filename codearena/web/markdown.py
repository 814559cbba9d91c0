"""Problem statements: Markdown to HTML in which raw HTML is escaped, never passed through.

Math between dollars ($x$, $$x$$ and $$ blocks) is kept out of Markdown's hands (an `*` or a
`\\{` in it would be read as Markdown) and marked, escaped, for KaTeX to typeset in the page
(web/static/math.js): `<span class="math inline">`, `<span class="math display">` and
`<div class="math block">`. As pandoc reads dollars, an opening $ has no space after it and a
closing one none before it, so "$5 and $6" stays text.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin


def _alignment_as_class(state: StateCore) -> None:
    """A table column's alignment as a class (align-left...): markdown-it writes a style
    attribute, which the pages' CSP refuses."""
    for token in state.tokens:
        style = token.attrs.pop("style", None) if token.type in ("th_open", "td_open") else None
        if isinstance(style, str) and style.startswith("text-align:"):
            token.attrSet("class", "align-" + style.removeprefix("text-align:"))


def _display_math(self: RendererProtocol, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """$$x$$ inside a paragraph: a span (a div may not sit in a paragraph), typeset as a display."""
    return f'<span class="math display">{escapeHtml(tokens[idx].content.strip())}</span>'


def _parser() -> MarkdownIt:
    # html=False escapes every tag written in a statement; markdown-it's link validation
    # already refuses javascript:, vbscript:, file: and non-image data: URLs.
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
        ["table", "strikethrough"]
    )
    parser.use(dollarmath_plugin, allow_labels=False, allow_space=False, allow_digits=False, double_inline=True)
    parser.add_render_rule("math_inline_double", _display_math)
    parser.core.ruler.push("alignment_as_class", _alignment_as_class)
    parser.use(footnote_plugin)  # Kattis' Markdown statements have footnotes
    return parser


@lru_cache(maxsize=256)
def render_markdown(text: str) -> Markup:
    """The statement as safe HTML; statements are few and fixed, so each is rendered once."""
    return Markup(_parser().render(text))
