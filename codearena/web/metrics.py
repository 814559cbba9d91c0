"""GET /metrics in the Prometheus text format."""

from __future__ import annotations

from aiohttp import web

from codearena.web.keys import ENGINE, QUEUE, WEBSOCKETS

ENGINE_METRICS = (
    ("codearena_engine_up", "gauge", "Whether the Docker engine is in the rotation (1) or not (0).", "up"),
    ("codearena_engine_sandboxes", "gauge", "Sandbox containers the engine is configured for.", "sandboxes"),
    ("codearena_engine_busy", "gauge", "Sandbox containers of the engine judging now.", "busy"),
    ("codearena_engine_failures_total", "counter", "Times the engine was found failing.", "failures"),
    ("codearena_engine_faults_total", "counter", "Judgings that lost their sandbox on the engine.", "faults"),
)


def _number(value: object) -> object:
    return int(value) if isinstance(value, bool) else value


def engine_lines(engines: list[dict[str, object]]) -> list[str]:
    """Each engine's numbers, labelled by its name."""
    lines: list[str] = []
    for name, kind, help_text, key in ENGINE_METRICS:
        lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
        lines += [f'{name}{{engine="{e["name"]}"}} {_number(e[key])}' for e in engines]
    return lines


async def metrics(request: web.Request) -> web.Response:
    app = request.app
    lines: list[str] = []

    def gauge(name: str, help_text: str, value: float, kind: str = "gauge") -> None:
        lines.extend([f"# HELP {name} {help_text}", f"# TYPE {name} {kind}", f"{name} {value}"])

    queue = app.get(QUEUE)
    engine = app.get(ENGINE)
    gauge("codearena_queue_depth", "Submissions waiting to be judged.", queue.depth if queue else 0)
    gauge("codearena_jobs_running", "Submissions being judged now.", queue.running if queue else 0)
    gauge("codearena_websockets", "Open WebSocket connections.", len(app[WEBSOCKETS]))
    if engine is not None:
        pool = engine.pool_state()
        lines += ["# HELP codearena_pool_containers Sandbox containers by state.",
                  "# TYPE codearena_pool_containers gauge",
                  f'codearena_pool_containers{{state="idle"}} {pool["idle"]}',
                  f'codearena_pool_containers{{state="busy"}} {pool["busy"]}']  # fmt: skip
        gauge("codearena_pool_created_total", "Sandbox containers created.", pool["created"], "counter")
        gauge("codearena_pool_failed_resets_total", "Containers replaced after a failed reset.",
              pool["failed_resets"], "counter")  # fmt: skip
        lines += engine_lines(engine.engines_state())
    if queue is not None:
        lines += ["# HELP codearena_submissions_total Submissions judged, by verdict.",
                  "# TYPE codearena_submissions_total counter"]  # fmt: skip
        lines += [f'codearena_submissions_total{{verdict="{v}"}} {n}' for v, n in sorted(queue.verdicts.items())]
        hist = queue.latency
        lines += ["# HELP codearena_judge_latency_seconds Time from submission to verdict.",
                  "# TYPE codearena_judge_latency_seconds histogram"]  # fmt: skip
        cumulative = 0
        for bound, count in zip(hist.buckets, hist.counts, strict=False):
            cumulative += count
            lines.append(f'codearena_judge_latency_seconds_bucket{{le="{bound}"}} {cumulative}')
        lines.append(f'codearena_judge_latency_seconds_bucket{{le="+Inf"}} {hist.count}')
        lines.append(f"codearena_judge_latency_seconds_sum {hist.total:.6f}")
        lines.append(f"codearena_judge_latency_seconds_count {hist.count}")
    return web.Response(text="\n".join(lines) + "\n", content_type="text/plain", charset="utf-8")
