"""Every process and thread a program makes is counted and ended, in every language.

Each program here hides work where a judge that looked only at the process it started would
miss it: in a grandchild its parent never reaps, in a daemon that setsid()s away, in a process
whose main thread has exited while another thread runs (a "zombie leader"). Java and JavaScript
cannot make a zombie leader themselves; they start a small Python helper that does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_problem

from codearena.config import Settings
from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.problems.model import Problem

pytestmark = pytest.mark.docker

LANGUAGES = ["python", "javascript", "java", "cpp"]


def java_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def one_test(root: Path, *, time_limit_ms: int) -> Problem:
    """Echo a number, one test, 64 MB."""
    return write_problem(root, "one", tests=[("7\n", "7\n")], time_limit_ms=time_limit_ms, memory_limit_mb=64)


@pytest.fixture(scope="module")
def quick_problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    """200 ms of CPU (before the language's multiplier)."""
    return one_test(tmp_path_factory.mktemp("quick"), time_limit_ms=200)


@pytest.fixture(scope="module")
def two_tests(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    root = tmp_path_factory.mktemp("two")
    return write_problem(root, "two", tests=[("7\n", "7\n"), ("8\n", "8\n")], time_limit_ms=1000, memory_limit_mb=64)


# A CPU burner the program leaves behind without ever reaping it, while it sleeps and then
# answers: the burner's CPU is over every language's limit (200 ms x multiplier), the sleep is
# within every wall-clock limit, so only counting the burner's CPU can catch it.
BURN_IN_A_GRANDCHILD = {
    "python": """\
import os, time
n = input()
if os.fork() == 0:
    if os.fork() == 0:
        os.setsid()
        while True:
            pass
    os._exit(0)
os.wait()  # the middle process; the grandchild is never reaped by us
time.sleep(1.2)
print(n)
""",
    "cpp": """\
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>
int main() {
    long n; if (scanf("%ld", &n) != 1) return 1;
    if (fork() == 0) {
        if (fork() == 0) { setsid(); volatile unsigned long x = 0; for (;;) x++; }
        _exit(0);
    }
    wait(nullptr);
    usleep(600000);
    printf("%ld\\n", n);
}
""",
    "java": """\
import java.util.*;
public class Main {
  public static void main(String[] a) throws Exception {
    long n = new Scanner(System.in).nextLong();
    // sh exits at once (Java reaps it); the background subshell it leaves burns unreaped.
    new ProcessBuilder("sh", "-c", "(while :; do :; done) >/dev/null 2>&1 &").start().waitFor();
    Thread.sleep(600);
    System.out.println(n);
  }
}
""",
    "javascript": """\
const { spawnSync } = require('child_process');
const n = require('fs').readFileSync(0, 'utf8').trim();
spawnSync('sh', ['-c', '(while :; do :; done) >/dev/null 2>&1 &']);
setTimeout(() => console.log(n), 600);
""",
}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_cpu_of_an_unreaped_grandchild_counts(engine: Engine, quick_problem: Problem, language: str) -> None:
    result = await engine.judge.judge(quick_problem, engine.languages[language], BURN_IN_A_GRANDCHILD[language])
    test = result.tests[0]
    assert result.verdict == Verdict.TIME_LIMIT_EXCEEDED, test
    assert test.reason.startswith("time limit (CPU "), test.reason
    assert test.time_ms > quick_problem.limits.time_limit_ms, test


# A Python helper: its main thread exits (pthread_exit), leaving a thread that holds 80 MB and
# then sleeps: the process is a zombie leader whose memory /proc/PID/statm shows as 0. Programs
# start three: 240 MB in all, each under the per-process data limit (1.5 x the memory limit).
ZOMBIE_LEADER_HOG = """\
import ctypes, threading, time
def hold():
    time.sleep(0.2)  # until the main thread is gone: from then on, /proc/PID/statm reads 0
    block = bytearray(80 << 20)
    for i in range(0, len(block), 4096):
        block[i] = 1
    time.sleep(30)
threading.stack_size(1 << 20)  # the default (RLIMIT_STACK, 64 MB) would count against the data limit
threading.Thread(target=hold).start()
ctypes.CDLL(None).pthread_exit(None)
"""

HIDE_MEMORY_IN_A_ZOMBIE_LEADER = {
    "python": f"""\
import os, subprocess, sys, time
n = input()
for _ in range(3):
    subprocess.Popen([sys.executable, "-c", {ZOMBIE_LEADER_HOG!r}])
time.sleep(1.0)
print(n)
""",
    "cpp": """\
#include <cstdio>
#include <cstring>
#include <pthread.h>
#include <unistd.h>
void* hold(void*) {
    usleep(200000);  // until the main thread is gone: from then on, /proc/PID/statm reads 0
    char* block = new char[80 << 20];
    memset(block, 1, 80 << 20);
    sleep(30);
    return block;
}
int main() {
    long n; if (scanf("%ld", &n) != 1) return 1;
    for (int i = 0; i < 3; i++) {
        if (fork() == 0) {
            pthread_attr_t small; pthread_attr_init(&small); pthread_attr_setstacksize(&small, 1 << 20);
            pthread_t t; pthread_create(&t, &small, hold, nullptr);
            pthread_exit(nullptr);
        }
    }
    usleep(1000000);
    printf("%ld\\n", n);
}
""",
    "java": f"""\
import java.util.*;
public class Main {{
  public static void main(String[] a) throws Exception {{
    long n = new Scanner(System.in).nextLong();
    for (int i = 0; i < 3; i++) new ProcessBuilder("python3", "-c", {java_string(ZOMBIE_LEADER_HOG)}).start();
    Thread.sleep(1000);
    System.out.println(n);
  }}
}}
""",
    "javascript": f"""\
const {{ spawn }} = require('child_process');
const n = require('fs').readFileSync(0, 'utf8').trim();
for (let i = 0; i < 3; i++) spawn('python3', ['-c', {json.dumps(ZOMBIE_LEADER_HOG)}], {{ stdio: 'ignore' }}).unref();
setTimeout(() => console.log(n), 1000);
""",
}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_memory_of_a_zombie_leader_counts(engine: Engine, tmp_path: Path, language: str) -> None:
    slow = one_test(tmp_path, time_limit_ms=2000)
    result = await engine.judge.judge(slow, engine.languages[language], HIDE_MEMORY_IN_A_ZOMBIE_LEADER[language])
    test = result.tests[0]
    assert result.verdict == Verdict.MEMORY_LIMIT_EXCEEDED, test
    assert test.reason.startswith("memory limit ("), test.reason
    assert test.memory_kb > result.tests[0].memory_kb - 1 > 64 * 1024, test


# The main process itself becomes a zombie leader: it answers, its main thread exits, and a
# thread sleeps on. The run must end at the wall-clock limit, in the same container.
ZOMBIE_LEADER_MAIN = {
    "python": """\
import ctypes, sys, threading, time
print(input(), flush=True)
threading.Thread(target=time.sleep, args=(600,)).start()
ctypes.CDLL(None).pthread_exit(None)
""",
    "cpp": """\
#include <cstdio>
#include <pthread.h>
#include <unistd.h>
void* nap(void*) { sleep(600); return nullptr; }
int main() {
    long n; if (scanf("%ld", &n) != 1) return 1;
    printf("%ld\\n", n); fflush(stdout);
    pthread_t t; pthread_create(&t, nullptr, nap, nullptr);
    pthread_exit(nullptr);
}
""",
}


@pytest.mark.parametrize("language", list(ZOMBIE_LEADER_MAIN))
async def test_a_zombie_leader_program_ends_at_its_limit_without_breaking_the_sandbox(
    settings: Settings, two_tests: Problem, language: str
) -> None:
    engine = await Engine.start(settings.model_copy(update={"pool_size": 1}))
    try:
        result = await engine.judge.judge(two_tests, engine.languages[language], ZOMBIE_LEADER_MAIN[language])
        assert result.verdict == Verdict.TIME_LIMIT_EXCEEDED, result.tests[0]
        assert result.tests[0].reason.startswith("wall-clock limit"), result.tests[0].reason
        assert result.tests[1].verdict == Verdict.SKIPPED
        again = await engine.judge.judge(two_tests, engine.languages[language], ECHO[language])
        assert again.verdict == Verdict.ACCEPTED, again.tests
        stats = engine.pool.stats
        assert stats.created == 1 and stats.failed_resets == 0, stats
    finally:
        await engine.close()


ECHO = {
    "python": "print(input())\n",
    "cpp": '#include <cstdio>\nint main() { long n; if (scanf("%ld", &n) == 1) printf("%ld\\n", n); }\n',
}

# Test 1 leaves a zombie-leader process with a live thread behind and answers; test 2 answers
# only if no process of the program's uid is left but its own (and its parent's).
SMALL_HOG = ZOMBIE_LEADER_HOG.replace("80 << 20", "1 << 20")
NO_STRANGERS = """\
import os, sys
me, mine = os.getuid(), {os.getpid(), os.getppid()}
others = [p for p in os.listdir("/proc") if p.isdigit() and int(p) not in mine
          and os.stat("/proc/" + p).st_uid == me]
print("left behind: " + " ".join(others) if others else sys.argv[1])
"""

LEAVE_A_ZOMBIE_LEADER = {
    "python": f"""\
import subprocess, sys, time
n = input()
if n == "7":
    subprocess.Popen([sys.executable, "-c", {SMALL_HOG!r}])
    time.sleep(0.3)
    print(n)
else:
    subprocess.run([sys.executable, "-c", {NO_STRANGERS!r}, n])
""",
    "cpp": f"""\
#include <cstdio>
#include <pthread.h>
#include <string>
#include <unistd.h>
void* nap(void*) {{ sleep(600); return nullptr; }}
int main() {{
    long n; if (scanf("%ld", &n) != 1) return 1;
    if (n == 7) {{
        if (fork() == 0) {{ pthread_t t; pthread_create(&t, nullptr, nap, nullptr); pthread_exit(nullptr); }}
        usleep(300000);
        printf("%ld\\n", n);
        return 0;
    }}
    fflush(stdout);
    std::string arg = std::to_string(n);
    execlp("python3", "python3", "-c", {java_string(NO_STRANGERS)}, arg.c_str(), (char*)nullptr);
}}
""",
    "java": f"""\
import java.util.*;
public class Main {{
  public static void main(String[] a) throws Exception {{
    String n = String.valueOf(new Scanner(System.in).nextLong());
    if (n.equals("7")) {{
      new ProcessBuilder("python3", "-c", {java_string(SMALL_HOG)}).start();
      Thread.sleep(300);
      System.out.println(n);
    }} else {{
      new ProcessBuilder("python3", "-c", {java_string(NO_STRANGERS)}, n).inheritIO().start().waitFor();
    }}
  }}
}}
""",
    "javascript": f"""\
const {{ spawn, spawnSync }} = require('child_process');
const n = require('fs').readFileSync(0, 'utf8').trim();
if (n === '7') {{
  spawn('python3', ['-c', {json.dumps(SMALL_HOG)}], {{ stdio: 'ignore' }}).unref();
  setTimeout(() => console.log(n), 300);
}} else {{
  spawnSync('python3', ['-c', {json.dumps(NO_STRANGERS)}, n], {{ stdio: 'inherit' }});
}}
""",
}


@pytest.mark.parametrize("language", list(LEAVE_A_ZOMBIE_LEADER))
async def test_nothing_of_a_test_survives_into_the_next(engine: Engine, two_tests: Problem, language: str) -> None:
    result = await engine.judge.judge(two_tests, engine.languages[language], LEAVE_A_ZOMBIE_LEADER[language])
    assert result.verdict == Verdict.ACCEPTED, [t.checker_message or t.reason for t in result.tests]


# The program tries to make itself the OOM killer's last choice, then answers only if it could not.
LOWER_OOM_SCORE = {
    "python": """\
n = input()
try:
    with open("/proc/self/oom_score_adj", "w") as f:
        f.write("0")
except OSError:
    pass
print(n if open("/proc/self/oom_score_adj").read().strip() == "1000" else "lowered")
""",
    "javascript": """\
const fs = require('fs');
const n = fs.readFileSync(0, 'utf8').trim();
try { fs.writeFileSync('/proc/self/oom_score_adj', '0'); } catch (e) {}
console.log(fs.readFileSync('/proc/self/oom_score_adj', 'utf8').trim() === '1000' ? n : 'lowered');
""",
    "java": """\
import java.nio.file.*;
import java.util.*;
public class Main {
  public static void main(String[] a) throws Exception {
    long n = new Scanner(System.in).nextLong();
    Path p = Paths.get("/proc/self/oom_score_adj");
    try { Files.writeString(p, "0"); } catch (Exception e) {}
    System.out.println(Files.readString(p).trim().equals("1000") ? String.valueOf(n) : "lowered");
  }
}
""",
    "cpp": """\
#include <cstdio>
#include <cstring>
int main() {
    long n; if (scanf("%ld", &n) != 1) return 1;
    if (FILE* f = fopen("/proc/self/oom_score_adj", "w")) { fputs("0", f); fclose(f); }
    char value[16] = {0};
    FILE* f = fopen("/proc/self/oom_score_adj", "r");
    if (!f || !fgets(value, sizeof value, f)) return 2;
    if (strncmp(value, "1000", 4) == 0) printf("%ld\\n", n); else puts("lowered");
}
""",
}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_program_cannot_lower_its_oom_score(engine: Engine, tmp_path: Path, language: str) -> None:
    problem = one_test(tmp_path, time_limit_ms=2000)
    result = await engine.judge.judge(problem, engine.languages[language], LOWER_OOM_SCORE[language])
    assert result.verdict == Verdict.ACCEPTED, result.tests[0]
