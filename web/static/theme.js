// Applies the remembered theme before the page paints. A file, not an inline script: the
// Content-Security-Policy admits scripts from this server only.
(function () {
  let theme = null;
  try {
    theme = localStorage.getItem("codearena:theme");
  } catch (err) {
    // Storage refused (private mode): fall back to the system preference.
  }
  if (theme !== "light" && theme !== "dark") {
    theme = window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  document.documentElement.dataset.theme = theme;
})();
