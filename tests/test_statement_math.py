"""Math in statements (bundled and imported alike): marked and escaped by the server, never read
as Markdown, for KaTeX to typeset in the page (web/static/math.js); tables' alignment as classes."""

from __future__ import annotations

from codearena.web.markdown import render_markdown


def test_math_is_kept_from_markdown_and_escaped() -> None:
    html = render_markdown("Let $a_1 * b_2 < c$ and $\\{1, 2\\}$ hold.\n")
    assert html == (
        '<p>Let <span class="math inline">a_1 * b_2 &lt; c</span> and <span class="math inline">\\{1, 2\\}</span>'
        " hold.</p>\n"
    )


def test_display_math_inline_and_as_a_block() -> None:
    html = render_markdown("Sum: $$\\sum_i i$$ done.\n\n$$\nx^2 <b>\n$$\n")
    assert '<span class="math display">\\sum_i i</span>' in html
    assert '<div class="math block">\nx^2 &lt;b&gt;\n</div>' in html


def test_prices_stay_text() -> None:
    assert render_markdown("It costs $5, or $ 6 for two.\n") == "<p>It costs $5, or $ 6 for two.</p>\n"


def test_table_alignment_is_a_class_not_a_style_attribute() -> None:
    html = render_markdown("| a | b |\n|:--|--:|\n| $1$ | 2 |\n")
    assert 'style="' not in html
    assert '<td class="align-left"><span class="math inline">1</span></td>' in html
    assert '<td class="align-right">2</td>' in html


def test_raw_html_and_script_urls_stay_inert() -> None:
    html = render_markdown("<script>alert(1)</script> [x](javascript:alert(1)) $</span><script>$\n")
    assert "<script>" not in html and 'href="javascript' not in html
