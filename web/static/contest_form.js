// The new-contest form (contest_form.html), which works without this: a short name suggested
// from the title until one is typed, the browser's time zone, the fields of the other rule hidden
// (and disabled, so the browser neither checks nor sends them), one empty problem row at a time.
const SLUG_MAX = 64;

export function slugify(title) {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, "");
}

function suggestSlug(form) {
  const title = form.querySelector("#c-title");
  const slug = form.querySelector("#c-slug");
  // Typed by hand (or kept from a post): left alone, unless emptied.
  let own = slug.value !== "" && slug.value !== slugify(title.value);
  slug.addEventListener("input", () => {
    own = slug.value !== "";
  });
  title.addEventListener("input", () => {
    if (!own) slug.value = slugify(title.value);
  });
}

function guessTimeZone(form) {
  const zone = form.querySelector("#c-time_zone");
  if (!zone || !("guess" in zone.dataset)) return;
  const browsers = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (browsers) zone.value = browsers;
}

function followRule(form) {
  const sync = () => {
    const rule = form.querySelector('input[name="rule"]:checked')?.value || "icpc";
    for (const node of form.querySelectorAll(".icpc-only, .points-only")) {
      const off = node.classList.contains(rule === "icpc" ? "points-only" : "icpc-only");
      node.hidden = off;
      for (const input of node.querySelectorAll("input")) input.disabled = off;
    }
  };
  for (const radio of form.querySelectorAll('input[name="rule"]')) radio.addEventListener("change", sync);
  sync();
}

function growRows(form) {
  const rows = [...form.querySelectorAll(".problem-row")];
  const sync = () => {
    // Every row picked so far, and the first empty one.
    const empty = rows.findIndex((row) => row.querySelector("select").value === "");
    rows.forEach((row, i) => {
      row.hidden = row.querySelector("select").value === "" && i !== empty;
    });
  };
  for (const row of rows) row.querySelector("select").addEventListener("change", sync);
  sync();
}

const form = document.getElementById("contest-form");
if (form) {
  suggestSlug(form);
  guessTimeZone(form);
  followRule(form);
  growRows(form);
}
