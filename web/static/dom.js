// Small DOM helpers shared by the page scripts. Text always goes in as text nodes, never as
// HTML: program output, stderr and sources are shown exactly as they are, and never run.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "hidden") node.hidden = Boolean(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

const store = window.localStorage;

export const storage = {
  get(key) {
    try {
      return store.getItem(key);
    } catch (err) {
      return null;
    }
  },
  set(key, value) {
    try {
      store.setItem(key, value);
    } catch (err) {
      // Full or refused: drafts are a convenience, never an error.
    }
  },
  remove(key) {
    try {
      store.removeItem(key);
    } catch (err) {
      // as above
    }
  },
};

const VERDICTS = JSON.parse(document.body.dataset.verdicts || "{}");
const STATUSES = JSON.parse(document.body.dataset.statuses || "{}");

export function verdictName(verdict) {
  return (VERDICTS[verdict] || ["?", verdict])[1];
}

export function statusName(status) {
  return STATUSES[status] || status;
}

// A queue position in words, as codearena/web/views.py's in_line: "next in line", "2nd in line".
export function inLine(position) {
  if (position === 1) return "next in line";
  const tens = position % 100;
  const suffix = tens >= 10 && tens <= 20 ? "th" : { 1: "st", 2: "nd", 3: "rd" }[position % 10] || "th";
  return `${position}${suffix} in line`;
}

export function verdictBadge(verdict, name = verdictName(verdict)) {
  const icon = (VERDICTS[verdict] || ["…"])[0];
  return el("span", { class: `verdict verdict-${verdict}` }, el("span", { class: "icon", "aria-hidden": "true" }, icon), ` ${name}`);
}

export function formatMemory(kb) {
  return kb < 1024 ? `${kb} KB` : `${(kb / 1024).toFixed(1)} MB`;
}

export function cspNonce() {
  const meta = document.querySelector('meta[name="csp-nonce"]');
  return meta ? meta.content : "";
}

export function spinner() {
  return el("span", { class: "spinner", "aria-hidden": "true" });
}

// The same rule as codearena/textdiff.py: trailing blanks and empty lines do not count.
function comparable(text) {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+$/, ""));
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return lines;
}

export function firstDifference(expected, actual) {
  const want = comparable(expected);
  const got = comparable(actual);
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const a = i < want.length ? want[i] : null;
    const b = i < got.length ? got[i] : null;
    if (a !== b) {
      const x = a || "";
      const y = b || "";
      let column = 0;
      while (column < x.length && column < y.length && x[column] === y[column]) column++;
      return { line: i, column, expected: a, actual: b };
    }
  }
  return null;
}

// A <pre> of `text` whose line of `difference` has its first differing character marked.
export function markedPre(text, difference, className) {
  const pre = el("pre", { class: `io ${className}` });
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const missing = el("mark", { class: "diff-char eol" }, el("span", { class: "visually-hidden" }, "(nothing here)"));
  lines.forEach((line, i) => {
    if (difference && i === difference.line) {
      const col = difference.column;
      const mark = col < line.length ? el("mark", { class: "diff-char" }, line[col]) : missing;
      pre.append(el("span", { class: "line diff-line" }, line.slice(0, col), mark, line.slice(col + 1)), "\n");
    } else {
      pre.append(el("span", { class: "line" }, line), "\n");
    }
  });
  if (difference && difference.line >= lines.length) {
    pre.append(el("span", { class: "line diff-line" }, missing), "\n");
  }
  return pre;
}

function clip(text) {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function differenceNote(d) {
  let text;
  if (d.actual === null) text = `your output ends before it (expected “${clip(d.expected)}”).`;
  else if (d.expected === null) text = `the expected output ends before it, yours goes on with “${clip(d.actual)}”.`;
  else text = `expected “${clip(d.expected)}”, yours is “${clip(d.actual)}”.`;
  return el("p", { class: "diff-note" }, `First difference on line ${d.line + 1}: ${text}`);
}

export function figure(caption, content) {
  return el("figure", {}, el("figcaption", {}, caption), content);
}

export function localTimes(root) {
  for (const node of root.querySelectorAll("time[datetime]")) {
    const when = new Date(node.getAttribute("datetime"));
    if (Number.isNaN(when.getTime())) continue;
    node.title = when.toLocaleString(undefined, { dateStyle: "full", timeStyle: "medium" });
    node.textContent = "short" in node.dataset ? shortTime(when) : when.toLocaleString(undefined, LONG_TIME);
  }
}

const LONG_TIME = { dateStyle: "medium", timeStyle: "short" };

// For a column of times: the year only when it is not this one ("Dec 2, 10:41 AM", "Mar 5, 2025").
function shortTime(when) {
  if (when.getFullYear() !== new Date().getFullYear()) return when.toLocaleDateString(undefined, { dateStyle: "medium" });
  return when.toLocaleString(undefined, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
}

export async function postJson(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    data = null;
  }
  if (!response.ok) {
    const message = data && data.error ? data.error.message : `the server answered ${response.status}`;
    throw new Error(message);
  }
  return data;
}
