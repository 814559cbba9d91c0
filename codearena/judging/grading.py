"""How a program's run ended, as the supervisor reports it, turned into a verdict."""

from __future__ import annotations

import signal
from dataclasses import dataclass
from typing import Any

from codearena.domain.verdicts import Verdict


@dataclass(frozen=True)
class RunLimits:
    cpu_ms: int
    wall_ms: int
    memory_kb: int
    output_bytes: int

    def as_request(self, *, data_bytes: int = 0, processes: int = 64, report_bytes: int = 0) -> dict[str, int]:
        return {
            "cpu_ms": self.cpu_ms,
            "wall_ms": self.wall_ms,
            "memory_kb": self.memory_kb,
            "output_bytes": self.output_bytes,
            "data_bytes": data_bytes,
            "processes": processes,
            "report_bytes": report_bytes or self.output_bytes,
        }


def run_verdict(facts: dict[str, Any], limits: RunLimits) -> Verdict | None:
    """The verdict a run earned by how it ended, or None when its output must be checked."""
    killed_for = facts.get("killed_for")
    sig = facts.get("signal")
    failed = sig is not None or facts.get("exit_code") != 0
    if killed_for == "output" or sig == signal.SIGXFSZ or facts.get("output_size", 0) >= limits.output_bytes:
        # Checked first: a runtime that swallows the refused writes (Java's PrintStream) spins
        # or buffers until another limit stops it, but the cause is the output.
        return Verdict.OUTPUT_LIMIT_EXCEEDED
    if killed_for in ("cpu", "wall") or sig == signal.SIGXCPU or facts.get("cpu_ms", 0) > limits.cpu_ms:
        return Verdict.TIME_LIMIT_EXCEEDED
    if killed_for == "memory" or facts.get("memory_kb", 0) > limits.memory_kb:
        return Verdict.MEMORY_LIMIT_EXCEEDED
    if failed and (facts.get("oom_message") or facts.get("cgroup_oom")):
        # An allocation refused at the limit, whatever the runtime made of it.
        return Verdict.MEMORY_LIMIT_EXCEEDED
    if failed:
        return Verdict.RUNTIME_ERROR
    return None
