// A contest's clarifications, live. scoreboard.js's socket hears `clarifications_changed` and
// passes it to the list, which htmx fetches again (only what this viewer may see). Items this
// page has not shown before are marked new, and a pill counts them until the reader looks.
// The forms post through htmx and get the list back; a refusal's reason shows in the form.
const section = document.getElementById("clarifications");
const list = document.getElementById("clarification-list");
const pill = document.getElementById("clarifications-new");
const status = document.getElementById("clarifications-status");
const seen = new Set();
const unread = new Set();
// The reader's own posts not yet back: a list the socket fetches meanwhile may settle first,
// and what it brings then is the reader's own words too.
let posting = 0;
const title = document.title;

function items() {
  return [...list.querySelectorAll("[data-key]")];
}

function show() {
  for (const item of items()) item.classList.toggle("fresh", unread.has(item.dataset.key));
  const count = unread.size;
  pill.hidden = count === 0;
  pill.textContent = `${count} new clarification${count === 1 ? "" : "s"}`;
  document.title = count ? `(${count}) ${title}` : title;
}

function read() {
  if (unread.size === 0) return;
  unread.clear();
  show();
}

// A list fetched because something changed: what it has that the page never showed is new.
// The list a form's own post brings back holds the reader's own words: not news to them.
function arrived(event) {
  if (event.detail.target !== list) return;
  const post = event.detail.requestConfig && event.detail.requestConfig.verb === "post";
  if (post) posting = Math.max(0, posting - 1);
  const own = post || posting > 0;
  let news = 0;
  for (const item of items()) {
    const key = item.dataset.key;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!own) {
      unread.add(key);
      news += 1;
    }
  }
  if (news) status.textContent = `${news} new clarification${news === 1 ? "" : "s"}`;
  show();
}

function ours(event) {
  const form = event.detail.elt;
  return form instanceof HTMLFormElement && section.contains(form) ? form : null;
}

function sending(event) {
  if (ours(event)) posting += 1;
}

function sent(event) {
  const form = ours(event);
  if (!form) return;
  if (!event.detail.successful) posting = Math.max(0, posting - 1); // no list comes back
  const error = form.querySelector(".form-error");
  if (event.detail.successful) {
    form.reset();
    if (error) error.hidden = true;
    return;
  }
  if (error) {
    const reason = event.detail.xhr ? event.detail.xhr.responseText : "";
    error.textContent = reason && reason.length < 500 ? reason : "Not sent: the server did not answer. Try again.";
    error.hidden = false;
  }
}

if (section && list) {
  for (const item of items()) seen.add(item.dataset.key);
  document.body.addEventListener("htmx:afterSettle", arrived);
  document.body.addEventListener("htmx:beforeRequest", sending);
  document.body.addEventListener("htmx:afterRequest", sent);
  section.addEventListener("pointerdown", read);
  section.addEventListener("focusin", read);
  pill.addEventListener("click", () => {
    pill.hidden = true; // it took the reader there; the marks stay a moment longer
    setTimeout(read, 4000);
  });
}
