// A contest's scoreboard, kept up to date: when a submission to the contest is queued or judged
// the server sends over /ws the standings table this viewer may see (frozen or not), rendered
// once for all who see the same. A `scoreboard_changed` ping makes htmx fetch it instead; a
// slow poll covers a lost connection. The same socket tells the clarifications list
// (clarifications.js) when to fetch itself again.
const board = document.getElementById("scoreboard");
let retryMs = 500;

function refresh() {
  board.dispatchEvent(new CustomEvent("scoreboard-changed"));
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/ws`);
  socket.addEventListener("open", () => {
    retryMs = 500;
    socket.send(JSON.stringify({ type: "subscribe_scoreboard", contest: board.dataset.contest }));
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
