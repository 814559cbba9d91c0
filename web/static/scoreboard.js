// A contest's scoreboard, kept up to date: the server pings `scoreboard_changed` over /ws when
// a submission to the contest is queued or judged, and the page fetches the standings this
// viewer may see (frozen or not) through htmx. A slow poll covers a lost connection. The jury's
// list of the contest's submissions follows the same pings.
const board = document.getElementById("scoreboard") ?? document.getElementById("contest-submissions");
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
    if (event.type === "scoreboard_changed") refresh();
  });
  socket.addEventListener("close", () => {
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 8000);
  });
}

if (board) connect();
