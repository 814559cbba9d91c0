// Every page: the theme toggle, the Docker banner, local times; then the page's own script.
import { localTimes } from "./dom.js";

const THEME_KEY = "codearena:theme";
const HEALTH_EVERY_MS = 30000;

function initThemeToggle() {
  const button = document.getElementById("theme-toggle");
  const root = document.documentElement;
  const sync = () => button.setAttribute("aria-pressed", String(root.dataset.theme === "dark"));
  button.addEventListener("click", () => {
    root.dataset.theme = root.dataset.theme === "dark" ? "light" : "dark";
    try {
      localStorage.setItem(THEME_KEY, root.dataset.theme);
    } catch (err) {
      // Not remembered, still switched.
    }
    sync();
  });
  sync();
}

async function checkHealth() {
  const banner = document.getElementById("health-banner");
  const detail = document.getElementById("health-detail");
  try {
    const response = await fetch("/health", { headers: { Accept: "application/json" }, cache: "no-store" });
    const body = await response.json();
    banner.hidden = body.status === "ok";
    detail.textContent = body.status === "ok" ? "" : body.message || "";
    // Some judge machines are away: judging goes on, slower.
    const reduced = body.status === "reduced";
    document.getElementById("health-title").textContent = reduced
      ? "Judging capacity is reduced:"
      : "Judging is unavailable:";
    document.getElementById("health-text").textContent = reduced
      ? "some judge machines are out of the rotation, so verdicts may take longer."
      : "the server cannot reach Docker, so Run and Submit will fail until it is back. " +
        "You can still read problems and your history.";
  } catch (err) {
    banner.hidden = false;
    detail.textContent = "The server itself does not answer.";
  }
}

initThemeToggle();
checkHealth();
setInterval(checkHealth, HEALTH_EVERY_MS);
localTimes(document);
document.body.addEventListener("htmx:afterSwap", (event) => localTimes(event.target));

const workspace = document.getElementById("workspace");
if (workspace) {
  import("./workspace.js").then((m) => m.initWorkspace(workspace));
} else if (document.querySelector(".submission-layout")) {
  import("./submission.js").then((m) => m.initSubmission());
}
