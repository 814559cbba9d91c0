// Assignment pages: each [data-due] element counts down to its due time, once a second.
const MINUTE_MS = 60000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function left(ms) {
  if (ms <= 0) return "past due";
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  const seconds = Math.floor((ms % MINUTE_MS) / 1000);
  if (days > 0) return `${days} d ${hours} h left`;
  if (hours > 0) return `${hours} h ${minutes} min left`;
  return `${minutes} min ${seconds} s left`;
}

function tick() {
  const now = Date.now();
  for (const node of document.querySelectorAll("[data-due]")) {
    const due = new Date(node.dataset.due).getTime();
    if (!Number.isNaN(due)) node.textContent = left(due - now);
  }
}

tick();
setInterval(tick, 1000);
