// The submission page: the code, read-only and highlighted, and results still coming in.
import { createEditor } from "./vendor/codemirror.js";
import { cspNonce } from "./dom.js";
import { LiveResults } from "./results.js";

export function initSubmission() {
  const pre = document.getElementById("submission-code");
  if (pre) {
    const host = document.getElementById("code-view");
    createEditor(host, {
      doc: pre.textContent,
      language: pre.dataset.highlight, // the editor's grammar for it (C: C++'s)
      readOnly: true,
      nonce: cspNonce(),
      label: "Submitted code (read-only)",
    });
    pre.hidden = true;
    host.hidden = false;
  }
  const body = document.querySelector("#results .results-body");
  if (body && body.dataset.status !== "completed") {
    const total = Number(body.dataset.testsTotal);
    new LiveResults(document.getElementById("results"), { submissionId: body.dataset.submissionId, total }).start();
  }
}
