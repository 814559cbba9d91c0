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

function run({ argv, pid }) {
  const file = require('path').resolve(argv[argv.length - 1]);
  process.argv = [process.execPath, file];
  startAfresh(pid);
  const emit = process.emit;
  process.emit = function (event, ...rest) {
    const handled = Reflect.apply(emit, this, [event, ...rest]);
    if (event === 'exit') server.setExitCode(Number(process.exitCode ?? 0));
    return handled;
  };
  if (argv.includes('--check')) check(file);
  else require('module').runMain(file);
}

// The syntax errors that mean a script is an ES module (Node's own list, by which it decides
// how to run a script that does not say).
const MODULE_SYNTAX = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
  'await is only valid in async functions and the top level bodies of modules',
  "Identifier 'module' has already been declared",
  "Identifier 'exports' has already been declared",
  "Identifier 'require' has already been declared",
  "Identifier '__filename' has already been declared",
  "Identifier '__dirname' has already been declared",
];

// `node --check FILE`: the script compiled as a CommonJS module's body, not run, its syntax error
// (uncaught) printed as Node prints one. A script that may be an ES module goes to a real
// `node --check`, which knows all the rules that decide between the two.
function check(file) {
  const source = require('fs').readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const parameters = ['exports', 'require', 'module', '__filename', '__dirname'];
  Error.stackTraceLimit = 1; // Node's frame that compiles, none of the server's
  try {
    require('vm').compileFunction(source, parameters, { filename: file });
  } catch (error) {
    if (!(error instanceof SyntaxError) || !MODULE_SYNTAX.some((message) => error.message.includes(message))) {
      throw error;
    }
    const checked = require('child_process').spawnSync(process.execPath, ['--check', file], { stdio: 'inherit' });
    process.exitCode = checked.status ?? 1;
  }
}

// What Node fixed at its start is the server's: the child's own process ids, and a clock that
// starts with it (performance.now(), timeOrigin and process.uptime() count from the program's
// start, as in a fresh `node`: a program that stops searching at 1900 ms keeps working).
function startAfresh(pid) {
  const define = (object, name, value) =>
    Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
  define(process, 'ppid', process.pid);
  define(process, 'pid', pid);
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

const program = server.serve(Number(process.argv[2]), Number(process.argv[3]));
if (program !== null) run(program);
