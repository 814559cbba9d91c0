// KaTeX for the math in problem statements, bundled by build.sh into ../static/vendor/katex.js:
// one ES module that web/static/math.js imports when a statement holds math.
import katex from "katex";

export const render = katex.render;
export const version = katex.version;
