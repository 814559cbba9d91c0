// Math in problem statements. The server marks $...$ and $$...$$ (web/markdown.py: the text is
// escaped, never parsed as Markdown); KaTeX, vendored and loaded only when a statement holds
// math, typesets each mark in place. Without scripts the LaTeX source stays readable.
const marks = document.querySelectorAll(".statement .math");
if (marks.length) {
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = "/static/vendor/katex/katex.min.css";
  document.head.append(style);
  const { render } = await import("/static/vendor/katex/katex.js");
  for (const mark of marks) {
    const source = mark.textContent;
    // trust: false refuses \href, \url and \html* commands; a formula with a fault shows its
    // source in red, where it is, rather than stopping the others.
    render(source, mark, { displayMode: !mark.classList.contains("inline"), throwOnError: false, trust: false,
                           maxSize: 50, maxExpand: 1000 });
    mark.setAttribute("data-source", source);
  }
  document.body.dataset.math = "ready";
}
