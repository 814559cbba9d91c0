"""JavaScript programs forked from the sandbox's Node fork server are fresh processes, as
`node main.js` would start them: their own pid, limits, uid, confinement and Math.random seed at
every test, and Node's own start and end (the script as the main module, its stack trace, its
exit code, its event loop run to the end, its 'exit' handlers)."""

from __future__ import annotations

import json

import pytest
from conftest import write_problem

from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.judging.programs import SANDBOX_ENV
from codearena.problems.model import Problem

pytestmark = pytest.mark.docker

FACTS = """\
const fs = require('fs');
const n = Number(fs.readFileSync(0, 'utf8').trim());
const status = fs.readFileSync('/proc/self/status', 'utf8');
let wroteOpt = true;
try { fs.writeFileSync('/opt/codearena/planted', 'x'); } catch { wroteOpt = false; }
const facts = {
  served: process.execArgv.includes('--single-threaded'),
  pid: process.pid,
  ppid: process.ppid,
  real: Number(fs.readlinkSync('/proc/self')),
  clock: [performance.now(), process.uptime()],
  seen: globalThis.codearenaSeen === true,
  main: require.main === module,
  file: __filename,
  argv: process.argv.slice(1),
  cwd: process.cwd(),
  ids: [process.getuid(), process.getgid(), process.getgroups()],
  env: Object.keys(process.env).sort(),
  random: Math.random(),
  seccomp: status.includes('Seccomp:\\t2'),
  oom: fs.readFileSync('/proc/self/oom_score_adj', 'utf8').trim(),
  threads: Number(/Threads:\\s+(\\d+)/.exec(status)[1]),
  wroteOpt,
};
globalThis.codearenaSeen = true;
console.error(JSON.stringify(facts));
console.log(n);
"""


async def test_each_test_is_a_fresh_process_with_its_own_limits(engine: Engine, echo_problem: Problem) -> None:
    result = await engine.judge.judge(echo_problem, engine.languages["javascript"], FACTS)
    assert result.verdict == Verdict.ACCEPTED, result.model_dump()
    facts = [json.loads(t.stderr.strip().splitlines()[-1]) for t in result.tests]
    assert all(f["served"] for f in facts), "the fork server ran the program"
    assert len({f["pid"] for f in facts}) == 3, "a process of its own at each test"
    assert all(f["pid"] == f["real"] and f["ppid"] != f["pid"] for f in facts), "process.pid is the child's"
    assert len({f["random"] for f in facts}) == 3, "Math.random seeded afresh at each test"
    for f in facts:
        assert not f["seen"], "nothing of an earlier test's program is left"
        assert f["main"] and f["file"] == "/code/box/main.js"
        assert f["argv"] == ["/code/box/main.js"] and f["cwd"] == "/code/box"
        uid, gid, groups = f["ids"]
        assert uid >= 1000 and gid == uid and set(groups) <= {gid}, "no groups (Node lists the egid among them)"
        assert f["env"] == sorted(SANDBOX_ENV)
        assert f["seccomp"] and f["oom"] == "1000"
        assert f["threads"] == 1, "a forked child has the forking thread only"
        assert not f["wroteOpt"]
        now_ms, uptime_s = f["clock"]
        assert 0 <= now_ms < 1000 and 0 <= uptime_s < 1, "Node's clocks count from the program's start"
    assert all(t.memory_kb > 0 and t.time_ms >= 0 for t in result.tests)


@pytest.mark.parametrize(
    ("source", "exit_code", "stderr"),
    [
        (
            "function f() {\n  throw new TypeError('boom');\n}\nf();\n",
            1,
            "TypeError: boom\n    at f (/code/box/main.js:2",
        ),
        ("Promise.reject(new RangeError('later'));\n", 1, "RangeError: later"),
        ("console.log('x');\nprocess.exit(3);\n", 3, ""),
        ("setTimeout(() => { process.exitCode = 4; }, 5);\n", 4, ""),
        ("process.on('exit', () => { process.exitCode = 5; });\n", 5, ""),
        ("function f() { return f() + 1; }\nf();\n", 1, "RangeError: Maximum call stack size exceeded"),
    ],
    ids=["exception", "rejection", "exit", "exit-code-later", "exit-code-in-exit-handler", "recursion"],
)
async def test_a_failing_program_ends_as_node_ends_it(
    engine: Engine, echo_problem: Problem, source: str, exit_code: int, stderr: str
) -> None:
    language = engine.languages["javascript"]
    result = await engine.judge.judge(echo_problem, language, source, stop_on_first_failure=True)
    test = result.tests[0]
    assert result.verdict == Verdict.RUNTIME_ERROR, result.model_dump()
    assert test.exit_code == exit_code and test.signal is None
    assert stderr in test.stderr
    assert "fork server" not in test.stderr


@pytest.mark.parametrize(
    "source",
    [
        "let data = '';\nprocess.stdin.on('data', (c) => (data += c));\n"
        "process.stdin.on('end', () => setTimeout(() => console.log(Number(data)), 5));\n",
        "const n = Number(require('fs').readFileSync(0, 'utf8'));\nprocess.on('exit', () => console.log(n));\n",
        "const rl = require('readline').createInterface({ input: process.stdin });\n"
        "rl.on('line', (line) => console.log(Number(line)));\n",
        "const { Worker } = require('worker_threads');\nconst n = Number(require('fs').readFileSync(0, 'utf8'));\n"
        "new Worker('require(\"worker_threads\").parentPort.postMessage(0)', { eval: true })\n"
        "  .on('message', (m) => console.log(n + m));\n",
        "import { readFileSync } from 'fs';\nconsole.log(Number(readFileSync(0, 'utf8')));\n",
        "(async () => { const n = Number(require('fs').readFileSync(0, 'utf8'));"
        " await new Promise((r) => setImmediate(r)); console.log(n); })();\n",
    ],
    ids=["stdin-events-and-timer", "exit-handler", "readline", "worker-thread", "es-module", "async"],
)
async def test_node_runs_the_program_to_its_end(engine: Engine, echo_problem: Problem, source: str) -> None:
    """Its event loop run until nothing is left, its 'exit' handlers run, its output written."""
    result = await engine.judge.judge(echo_problem, engine.languages["javascript"], source)
    assert result.verdict == Verdict.ACCEPTED, result.model_dump()


async def test_a_problem_with_another_memory_limit_gets_a_server_with_its_own_heap_limit(
    engine: Engine, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """V8's heap limit is fixed when Node starts: the fork server is started again for it."""
    root = tmp_path_factory.mktemp("problems")
    source = "console.error(process.execArgv.join(' '));\nconsole.log(require('fs').readFileSync(0, 'utf8').trim());\n"
    for i, memory_mb in enumerate((64, 96, 64)):
        problem = write_problem(root, f"echo{i}", tests=[("1\n", "1\n")], memory_limit_mb=memory_mb)
        result = await engine.judge.judge(problem, engine.languages["javascript"], source)
        assert result.verdict == Verdict.ACCEPTED, result.model_dump()
        flags = result.tests[0].stderr.split()
        assert "--single-threaded" in flags and f"--max-old-space-size={memory_mb}" in flags
        # The new server's start (30-60 ms of CPU) is not the program's: it starts before the clocks.
        assert result.tests[0].time_ms < 25, result.tests[0]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("const x = 1;\nconsole.log(x +);\n", "main.js:2\nconsole.log(x +);\n"),
        ("import fs from 'fs';\nconsole.log(fs +);\n", "main.js:2\nconsole.log(fs +);\n"),
        ("function (\n", "main.js:1\nfunction (\n"),
    ],
    ids=["script", "es-module", "statement"],
)
async def test_the_syntax_check_reports_as_node_check_does(
    engine: Engine, echo_problem: Problem, source: str, message: str
) -> None:
    """Forked from a running server (after an earlier submission) or not, `node --check`'s verdict
    and message: the line, the source, then the SyntaxError."""
    javascript = engine.languages["javascript"]
    for _ in range(2):  # both sandboxes of the pool have a server running
        accepted = await engine.judge.judge(echo_problem, javascript, "console.log(+require('fs').readFileSync(0));\n")
        assert accepted.verdict == Verdict.ACCEPTED
        result = await engine.judge.judge(echo_problem, javascript, source)
        assert result.verdict == Verdict.COMPILATION_ERROR, result.model_dump()
        assert message in result.compile_output and "SyntaxError: " in result.compile_output


async def test_a_script_with_a_hashbang_line_passes_the_check(engine: Engine, echo_problem: Problem) -> None:
    source = "#!/usr/bin/env node\nconsole.log(+require('fs').readFileSync(0));\n"
    result = await engine.judge.judge(echo_problem, engine.languages["javascript"], source)
    assert result.verdict == Verdict.ACCEPTED, result.model_dump()


TOUCH_THE_SERVER = """\
const fs = require('fs');
const n = fs.readFileSync(0, 'utf8').trim();
const server = process.ppid;
const findings = [];
for (const signal of ['SIGKILL', 'SIGSTOP', 'SIGTERM']) {
  try { process.kill(server, signal); findings.push(`signalled ${signal}`); } catch (error) {}
}
for (const [path, flags] of [[`/proc/${server}/mem`, 'r+'], [`/proc/${server}/environ`, 'r'],
                             ['/opt/codearena/node/fork-server.js', 'r+']]) {
  try { fs.closeSync(fs.openSync(path, flags)); findings.push(`opened ${path}`); } catch (error) {}
}
console.error(server);
console.log(findings.length ? findings.join('; ') : n);
"""


async def test_a_program_cannot_touch_the_server_it_was_forked_from(engine: Engine, echo_problem: Problem) -> None:
    """The server is root's: its children (the runner's) can neither signal it, nor read or write
    its memory, nor change its script; it serves the next test and the next submission."""
    javascript = engine.languages["javascript"]
    result = await engine.judge.judge(echo_problem, javascript, TOUCH_THE_SERVER)
    # A finding is printed instead of the expected echo: the verdict would be wrong_answer.
    assert result.verdict == Verdict.ACCEPTED, [t.model_dump() for t in result.tests]
    servers = {t.stderr.strip() for t in result.tests}
    assert len(servers) == 1, "one server forked every test, alive after each"
    again = await engine.judge.judge(echo_problem, javascript, FACTS)
    assert again.verdict == Verdict.ACCEPTED
    assert all(json.loads(t.stderr.strip().splitlines()[-1])["served"] for t in again.tests)


async def test_flags_a_server_cannot_start_with_leave_node_to_launch(engine: Engine, echo_problem: Problem) -> None:
    """`--no-addons` keeps the server from loading its addon: it never starts, and launch starts
    Node for those flags (the program runs, unforked); other flags are still served."""
    javascript = engine.languages["javascript"]
    unaddable = javascript.model_copy(update={"run": ["node", "--no-addons", "main.js"]})
    for _ in range(2):  # refused once, then not tried again
        result = await engine.judge.judge(echo_problem, unaddable, FACTS)
        assert result.verdict == Verdict.ACCEPTED, result.model_dump()
        facts = [json.loads(t.stderr.strip().splitlines()[-1]) for t in result.tests]
        assert not any(f["served"] for f in facts), "launch started a Node at each test"
    result = await engine.judge.judge(echo_problem, javascript, FACTS)
    assert all(json.loads(t.stderr.strip().splitlines()[-1])["served"] for t in result.tests)
