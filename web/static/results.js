// The live results panel: one row per test, filled as the judge reports each over /ws; for a
// problem in groups (subtasks), the tests under their group's row, which shows the group's
// verdict and points when the judge reports it done.
// When judging ends, the server-rendered panel (with the samples' input, expected and actual
// output and the first difference marked) replaces the live one.
import { el, formatMemory, inLine, localTimes, spinner, statusName, verdictBadge, verdictName } from "./dom.js";

const handlers = new Map(); // submission id -> event handler
let socket = null;
let retryMs = 500;

function subscribe(id) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ type: "subscribe_submission", submission_id: id }));
  }
}

// Opened when a page that submits loads, so that a submission judged in a blink is still
// followed test by test.
export function connect() {
  if (socket) return;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws`);
  socket.addEventListener("open", () => {
    retryMs = 500;
    for (const id of handlers.keys()) subscribe(id);
  });
  socket.addEventListener("message", (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (err) {
      return;
    }
    const handler = handlers.get(event.submission_id);
    if (handler) handler(event);
  });
  socket.addEventListener("close", () => {
    socket = null;
    // Subscribing again replays the progress so far, so nothing is lost across a reconnect.
    if (handlers.size) setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 8000);
  });
}

function watch(id, handler) {
  handlers.set(id, handler);
  if (socket) subscribe(id);
  else connect();
}

function unwatch(id) {
  handlers.delete(id);
}

// Why a test or a submission did not pass, in words, under its verdict; nothing when it passed.
function reasonLine(className, reason) {
  return reason ? [el("span", { class: className }, reason)] : [];
}

function pendingRow(index) {
  return el(
    "tr",
    { class: "test pending", "data-index": index, "data-verdict": "" },
    el("th", { scope: "row" }, String(index)),
    el("td", {}, verdictBadge("pending", "Waiting")),
    el("td", {}, "–"),
    el("td", {}, "–"),
  );
}

// A group's head row: its name, then its verdict and points earned once done, else its points.
function groupHeadContent(name, points, result = null) {
  const cells = [el("span", { class: "group-name" }, el("span", { class: "visually-hidden" }, "Group "), name)];
  if (result) cells.push(" ", verdictBadge(result.verdict), " ", el("span", { class: "group-points" }, `${result.earned} / ${points} points`));
  else cells.push(" ", verdictBadge("pending", "Waiting"), " ", el("span", { class: "group-points" }, `${points} points`));
  return cells;
}

function groupBody(group, index) {
  return el(
    "tbody",
    { class: "group", "data-group": index },
    el("tr", { class: "group-head", "data-group": index, "data-verdict": "" },
      el("th", { scope: "rowgroup", colspan: 4 }, ...groupHeadContent(group.name, group.points))),
    ...group.tests.map(pendingRow),
  );
}

// "Partial, 40/100" for a partly solved submission; the verdict's name otherwise.
function verdictLabel(verdict, score, maxScore) {
  const name = verdictName(verdict);
  return verdict === "partial" && score !== null && score !== undefined ? `${name}, ${score}/${maxScore}` : name;
}

export class LiveResults {
  // `container` gets the panel; when it already holds one (a submission page opened while the
  // submission is judged), its rows are filled in place. `groups`: the problem's groups of
  // tests ({name, points, tests}), none for a problem without.
  constructor(container, { submissionId, total, groups = [], onDone = null }) {
    this.container = container;
    this.id = submissionId;
    this.total = total;
    this.groups = groups;
    this.onDone = onDone;
    this.done = false;
    this.poll = null;
  }

  start() {
    if (!this.container.querySelector(`.results-body[data-submission-id="${this.id}"]`)) this.skeleton();
    this.body = this.container.querySelector(".results-body");
    this.statusName = this.body.querySelector(".status-name");
    watch(this.id, (event) => this.handle(event));
    // A safety net for a lost socket: the state is in the JSON API too.
    this.poll = setInterval(() => this.check(), 5000);
  }

  stop() {
    this.done = true;
    clearInterval(this.poll);
    unwatch(this.id);
  }

  skeleton() {
    let bodies;
    if (this.groups.length) {
      bodies = this.groups.map((group, i) => groupBody(group, i + 1));
    } else {
      const rows = [];
      for (let i = 1; i <= this.total; i++) rows.push(pendingRow(i));
      bodies = [el("tbody", {}, ...rows)];
    }
    const body = el(
      "div",
      { class: "results-body", "data-submission-id": this.id, "data-status": "queued", "data-tests-total": this.total },
      el("div", { class: "summary", role: "status" },
        el("span", { class: "status-line", "data-status": "queued" }, spinner(), " ",
          el("span", { class: "status-name" }, statusName("queued")))),
      el("div", { class: "table-scroll" }, el("table", { class: this.groups.length ? "tests grouped" : "tests" },
        el("caption", { class: "visually-hidden" }, "Results of each test"),
        el("thead", {}, el("tr", {},
          ...["Test", "Verdict", "Time", "Memory"].map((h) => el("th", { scope: "col" }, h)))),
        ...bodies)),
    );
    this.container.replaceChildren(body);
  }

  setStatus(status, queuePosition = null) {
    this.body.dataset.status = status;
    const line = this.body.querySelector(".status-line");
    if (line) line.dataset.status = status;
    if (this.statusName) {
      const finished = this.body.querySelectorAll("tr.test:not(.pending)").length;
      let text = statusName(status);
      if (status === "running") text = `Running · ${finished} / ${this.total}`;
      else if (status === "queued" && queuePosition) text = `Queued · ${inLine(queuePosition)}`;
      this.statusName.textContent = text;
    }
  }

  handle(event) {
    if (this.done) return;
    if (event.type === "submission_status") {
      this.setStatus(event.status, event.queue_position);
    } else if (event.type === "test_result") {
      let row = this.body.querySelector(`tr.test[data-index="${event.index}"]`);
      if (!row) {
        row = pendingRow(event.index);
        this.body.querySelector("tbody").append(row);
      }
      row.classList.remove("pending");
      row.dataset.verdict = event.verdict;
      row.children[1].replaceChildren(verdictBadge(event.verdict), ...reasonLine("reason", event.reason));
      row.children[2].textContent = `${event.time_ms} ms`;
      row.children[3].textContent = formatMemory(event.memory_kb);
      this.setStatus("running");
    } else if (event.type === "group_result") {
      const head = this.body.querySelector(`tr.group-head[data-group="${event.index}"]`);
      if (head) {
        head.dataset.verdict = event.verdict;
        head.firstElementChild.replaceChildren(...groupHeadContent(event.name, event.points, event));
      }
    } else if (event.type === "submission_completed") {
      this.finish(event.verdict, event.reason, event.score, event.max_score);
    }
  }

  async check() {
    try {
      const response = await fetch(`/api/submissions/${this.id}`, { headers: { Accept: "application/json" } });
      const data = await response.json();
      if (data.status === "completed") this.finish(data.verdict, data.reason, data.score, data.max_score);
    } catch (err) {
      // The next check, or the socket, will tell.
    }
  }

  async finish(verdict, reason, score = null, maxScore = null) {
    if (this.done) return;
    this.stop();
    const summary = this.body.querySelector(".summary");
    summary.replaceChildren(verdictBadge(verdict, verdictLabel(verdict, score, maxScore)), ...reasonLine("summary-reason", reason));
    // The final panel is rendered (and escaped) by the server: the same one the submission page shows.
    await window.htmx.ajax("GET", `/submissions/${this.id}/results`, { target: this.container, swap: "innerHTML" });
    localTimes(this.container);
    if (this.onDone) this.onDone(verdict);
  }
}
