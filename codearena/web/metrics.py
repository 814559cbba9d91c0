"""GET /metrics in the Prometheus text format."""

from __future__ import annotations

from aiohttp import web

from codearena.web.keys import ENGINE, QUEUE, WEBSOCKETS


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
