// The problem page's editor: language picker, drafts, reset and its undo, Run and Submit, the
// results of the latest submission (followed live, again after a reload) and the earlier ones.
import { createEditor } from "./vendor/codemirror.js";
import { Drafts } from "./drafts.js";
import {
  cspNonce,
  differenceNote,
  el,
  figure,
  firstDifference,
  formatMemory,
  markedPre,
  postJson,
  spinner,
  storage,
  verdictBadge,
} from "./dom.js";
import { LiveResults, connect } from "./results.js";

export function initWorkspace(root) {
  const slug = root.dataset.slug;
  const starter = JSON.parse(root.dataset.starter);
  const samples = JSON.parse(root.dataset.samples);
  const total = Number(root.dataset.testsTotal);
  const groups = JSON.parse(root.dataset.groups || "[]");
  // A function problem: a run's result is what the code returned, its output only debug prints.
  const returns = "function" in root.dataset;
  const $ = (selector) => root.querySelector(selector);
  const form = $("#submit-form");
  const select = $("#language");
  const submitButton = $("#submit-button");
  const runButton = $("#run-button");
  const resetButton = $("#reset-code");
  const undoButton = $("#undo-reset");
  const resetStatus = $("#reset-status");
  const customRadio = $("#run-on-custom");
  const customBox = $("#custom-input-box");
  const customInput = $("#custom-input");
  const errorBox = $("#action-error");
  const runPanel = $("#run-panel");
  const runOutput = $("#run-output");
  const resultsPanel = $("#results-panel");
  const results = $("#results");

  const languageKey = `codearena:language:${slug}`;
  // The language last used here, unless the picker was changed before this script ran.
  const serverDefault = select.querySelector("option[selected]");
  let language = storage.get(languageKey);
  if (!language || !(language in starter) || (serverDefault && select.value !== serverDefault.value)) {
    language = select.value;
  }
  select.value = language;
  $("#language-version").textContent = select.selectedOptions[0].dataset.version || "";
  const drafts = new Drafts(slug, starter, $("#draft-conflict"), {
    current: () => [language, editor.getValue()],
    load: (text) => replaceAll(editor, text),
    // Another language's draft is read when it is picked: the choice must come first.
    onPending: (pending) => {
      select.disabled = pending;
    },
  });

  const textarea = $("#source");
  const host = $("#editor");
  textarea.hidden = true;
  for (const node of [host, $("#editor-hint"), $("#run-on"), runButton, resetButton]) node.hidden = false;
  // The editor's grammar: the language's own, or a kin's (C with C++'s), from its option.
  const highlight = () => select.selectedOptions[0].dataset.highlight || language;
  const editor = createEditor(host, {
    doc: drafts.get(language),
    language: highlight(),
    nonce: cspNonce(),
    label: "Source code",
    onChange: (text) => drafts.save(language, text),
    onSubmit: () => submit(),
  });

  // Each language's code before its last reset, for as long as the page is open.
  const beforeReset = new Map();
  select.addEventListener("change", () => {
    language = select.value;
    $("#language-version").textContent = select.selectedOptions[0].dataset.version || "";
    storage.set(languageKey, language);
    editor.load(drafts.get(language), highlight());
    resetStatus.textContent = "";
    undoButton.hidden = !beforeReset.has(language);
  });

  resetButton.addEventListener("click", () => {
    const text = editor.getValue();
    const fresh = starter[language] ?? "";
    if (text === fresh) {
      resetStatus.textContent = "This is the starter code already.";
      return;
    }
    beforeReset.set(language, text);
    replaceAll(editor, fresh);
    resetStatus.textContent = "Starter code restored.";
    undoButton.hidden = false;
    editor.focus();
  });
  undoButton.addEventListener("click", () => {
    replaceAll(editor, beforeReset.get(language));
    beforeReset.delete(language);
    resetStatus.textContent = "Your code is back.";
    undoButton.hidden = true;
    editor.focus();
  });
  customRadio.form.addEventListener("change", () => {
    customBox.hidden = !customRadio.checked;
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  runButton.addEventListener("click", () => run());
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && !event.defaultPrevented) {
      event.preventDefault();
      submit();
    }
  });

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  let live = null;
  let submitting = false;
  connect();

  const refreshSubmissions = () => document.body.dispatchEvent(new CustomEvent("submissions-changed"));

  function follow(id) {
    if (live) live.stop();
    resultsPanel.hidden = false;
    $("#results-title").replaceChildren(
      "Submission ",
      el("a", { href: `/submissions/${id}`, class: "submission-link" }, id),
    );
    live = new LiveResults(results, { submissionId: id, total, groups, onDone: refreshSubmissions });
    live.start();
  }

  // A submission still judged when the page was loaded (a reload, say): rendered by the server,
  // followed from here on.
  const resumed = results.querySelector(".results-body");
  if (resumed && resumed.dataset.status !== "completed") follow(resumed.dataset.submissionId);

  async function submit() {
    if (submitting) return;
    submitting = true;
    submitButton.disabled = true;
    showError("");
    try {
      const body = await postJson("/api/submissions", { problem: slug, language, source: editor.getValue() });
      follow(body.id);
      refreshSubmissions();
      resultsPanel.scrollIntoView({ block: "nearest", behavior: "smooth" });
    } catch (err) {
      showError(`Not submitted: ${err.message}`);
    } finally {
      submitting = false;
      submitButton.disabled = false;
    }
  }

  let running = false;

  async function run() {
    if (running) return;
    running = true;
    runButton.disabled = true;
    showError("");
    const custom = customRadio.checked;
    const items = custom
      ? [{ title: "Custom input", input: customInput.value, expected: null }]
      : samples.map((s, i) => ({ title: `Sample ${i + 1}`, input: s.shown || s.input, expected: s.output }));
    // One request: the server compiles once and runs every input in the same sandbox, under
    // this problem's limits.
    const body = { language, source: editor.getValue(), problem: slug };
    if (custom) body.stdin = customInput.value;
    runPanel.hidden = false;
    runOutput.replaceChildren(el("p", { class: "status-line", role: "status" }, spinner(), " Running…"));
    try {
      const outcome = await postJson("/api/run", body);
      if (!outcome.cases || outcome.cases.length === 0) {
        runOutput.replaceChildren(runCase(items[0], outcome, returns)); // a compilation error, or no sandbox
      } else {
        runOutput.replaceChildren(...outcome.cases.map((result, i) => runCase(items[i], result, returns)));
      }
    } catch (err) {
      runOutput.replaceChildren();
      showError(`Run failed: ${err.message}`);
    } finally {
      running = false;
      runButton.disabled = false;
    }
  }
}

// Replaces the editor's whole text in one change: Ctrl+Z undoes it, and the draft is saved. Its
// own user event keeps it out of the typing before and after it in the undo history.
function replaceAll(editor, text) {
  const changes = { from: 0, to: editor.view.state.doc.length, insert: text };
  editor.view.dispatch({ changes, userEvent: "input.replace.all" });
}

function runCase(item, outcome, returns) {
  const ok = outcome.verdict === "ok";
  // What is compared with the expected answer: the returned value, or the program's output.
  const actual = returns ? (outcome.result ?? "") : outcome.stdout;
  const expected = returns && item.expected !== null ? item.expected.trimEnd() : item.expected;
  const difference = ok && expected !== null ? firstDifference(expected, actual) : null;
  // The server's checker decides (tolerances, custom checkers); the difference only marks where.
  const matches = outcome.matches ?? (difference === null);
  let badge;
  if (!ok) badge = verdictBadge(outcome.verdict);
  else if (item.expected === null) badge = verdictBadge("accepted", "Finished");
  else if (!matches) badge = verdictBadge("wrong_answer", `Differs from the expected ${returns ? "result" : "output"}`);
  else badge = verdictBadge("accepted", `Matches the expected ${returns ? "result" : "output"}`);
  const facts = `${outcome.time_ms} ms · ${formatMemory(outcome.memory_kb)}` +
    (outcome.exit_code !== null && outcome.exit_code !== undefined ? ` · exit code ${outcome.exit_code}` : "");
  const parts = [
    el("h3", {}, outcome.verdict === "compilation_error" ? "Compilation " : `${item.title} `, badge),
    el("p", { class: "run-facts" }, facts),
  ];
  if (outcome.reason) parts.push(el("p", { class: "reason" }, outcome.reason));
  if (outcome.compile_output) {
    parts.push(figure("Compiler output", el("pre", { class: "compile-output" }, outcome.compile_output)));
  }
  if (outcome.verdict !== "compilation_error") {
    const grid = [figure("Input", el("pre", { class: "io" }, item.input))];
    const [expectedTitle, actualTitle] = returns ? ["Expected result", "Your result"] : ["Expected output", "Standard output"];
    if (expected !== null) grid.push(figure(expectedTitle, markedPre(expected, difference, "expected")));
    grid.push(figure(actualTitle, markedPre(actual, difference, "actual stdout")));
    parts.push(el("div", { class: "io-grid" }, ...grid));
    if (returns && outcome.stdout) {
      parts.push(figure("Your prints (stdout and stderr)", el("pre", { class: "io stderr debug-output" }, outcome.stdout)));
    }
    if (difference && !matches) parts.splice(2, 0, differenceNote(difference));
    if (outcome.checker_message && !matches) parts.push(el("p", { class: "muted" }, outcome.checker_message));
    if (outcome.output_truncated) parts.push(el("p", { class: "muted" }, "The output was cut at the size limit."));
    if (outcome.stderr) parts.push(figure("Standard error", el("pre", { class: "io stderr" }, outcome.stderr)));
  }
  return el("article", { class: "run-case" }, ...parts);
}
