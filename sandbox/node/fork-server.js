'use strict';
// Node's fork server (see fork_server.cc): started once by the supervisor, as root, as
//   node --single-threaded --no-maglev-osr [FLAGS] fork-server.js REPORT_FD UID
// Until a command comes it holds nothing of any submission; in each forked child, already the
// runner with the program's limits and files, it runs the program as `node FILE` would.
const server = require('./fork_server.node');

// What most programs load, loaded once here rather than at every test: readline and the file
// streams process.stdin is made of, and process.stdout itself (a synchronous stream on fd 1:
// /dev/null here, the program's output file, of the same kind, in each child).
require('readline');
void require('fs').ReadStream;
void process.stdout;
void performance;

const program = server.serve(Number(process.argv[2]), Number(process.argv[3]));
if (program !== null) run(program);

function run(argv) {
  const file = require('path').resolve(argv[argv.length - 1]);
  process.argv = [process.execPath, file];
  startAfresh();
  const emit = process.emit;
  process.emit = function (event, ...rest) {
    const handled = Reflect.apply(emit, this, [event, ...rest]);
    if (event === 'exit') server.setExitCode(Number(process.exitCode ?? 0));
    return handled;
  };
  require('module').runMain(file);
}

// What Node fixed at its start is the server's: the child's own process ids, and a clock that
// starts with it (performance.now(), timeOrigin and process.uptime() count from the program's
// start, as in a fresh `node`: a program that stops searching at 1900 ms keeps working).
function startAfresh() {
  const define = (object, name, value) =>
    Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
  define(process, 'ppid', process.pid);
  define(process, 'pid', Number(require('fs').readlinkSync('/proc/self')));
  const now = performance.now;
  const origin = Reflect.apply(now, performance, []);
  const timeOrigin = performance.timeOrigin + origin;
  const fresh = {
    now() {
      return Reflect.apply(now, performance, []) - origin;
    },
  };
  Object.defineProperty(performance, 'now', { value: fresh.now, writable: true, configurable: true });
  Object.defineProperty(performance, 'timeOrigin', { get: () => timeOrigin, configurable: true });
  const uptime = process.uptime;
  const started = uptime();
  define(process, 'uptime', () => uptime() - started);
}
