// A contest's standings, kept up to date over /ws. The contest page (`data-table`) is sent the
// standings table its viewer may see (frozen or not) whenever a submission to the contest is
// queued or judged, rendered once for all who see the same; other pages that follow the contest
// (a virtual run's board, the jury's list of submissions) get a `scoreboard_changed` ping and
// fetch themselves through htmx. A slow poll covers a lost connection. The same socket tells the
// clarifications list (clarifications.js) when to fetch itself again.
const board = document.getElementById("scoreboard") ?? document.getElementById("contest-submissions");
const takesTable = board !== null && "table" in board.dataset;
let retryMs = 500;

function refresh() {
  board.dispatchEvent(new CustomEvent("scoreboard-changed"));
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/ws`);
  socket.addEventListener("open", () => {
    retryMs = 500;
    socket.send(JSON.stringify({ type: "subscribe_scoreboard", contest: board.dataset.contest, table: takesTable }));
  });
  socket.addEventListener("message", (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (err) {
      return;
    }
    if (event.type === "scoreboard" && event.contest === board.dataset.contest) {
      // htmx parses the server's (escaped) table and processes it as it does any swap.
      window.htmx.swap(board, event.html, { swapStyle: "innerHTML" });
    } else if (event.type === "scoreboard_changed") {
      refresh();
    }
    const clarifications = document.getElementById("clarification-list");
    if (event.type === "clarifications_changed" && clarifications) {
      clarifications.dispatchEvent(new CustomEvent("clarifications-changed"));
    }
  });
  socket.addEventListener("close", () => {
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 8000);
  });
}

if (board) connect();
