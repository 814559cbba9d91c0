"""Similarity reports: the JSON API, the CSV, and the pages (start one, watch it, read the ranked
pairs, see two submissions side by side). services/similarity.py decides who may.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from aiohttp import web

from codearena.services.errors import Conflict, Invalid, ServiceError
from codearena.services.similarity import Pair, Report, SimilarityService
from codearena.store.similarity import Candidate
from codearena.web.accounts import FORM_BYTES, accounts_on, form_of, refused, see_other
from codearena.web.errors import json_body
from codearena.web.keys import LANGUAGES, SIMILARITY, VIEWER
from codearena.web.views import render, wants_fragment

routes = web.RouteTableDef()
REPORT_ID = "{id:[0-9a-f]{16}}"


def service(request: web.Request) -> SimilarityService:
    accounts_on(request)
    return request.app[SIMILARITY]


def lines_text(lines: list[tuple[int, int]]) -> str:
    """[(3, 9), (12, 12)] as '3-9, 12'."""
    return ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in lines)


def side_json(c: Candidate, share: float, spans: tuple[tuple[int, int], ...], lines: list[tuple[int, int]]) -> Any:
    regions = [{"start": s, "end": e, "lines": list(ln)} for (s, e), ln in zip(spans, lines, strict=True)]
    return {"submission": c.id, "user": {"id": c.user_id, "username": c.username, "name": c.name},
            "created_at": c.created_at, "verdict": c.verdict, "share": round(share, 4), "regions": regions}  # fmt: skip


def pair_json(p: Pair) -> dict[str, Any]:
    m = p.match
    return {"rank": p.rank, "similarity": round(m.similarity, 4), "problem": p.a.problem, "language": p.a.language,
            "overlap": m.overlap, "a": side_json(p.a, m.similarity_a, m.spans_a, p.lines_a),
            "b": side_json(p.b, m.similarity_b, m.spans_b, p.lines_b)}  # fmt: skip


def report_json(r: Report) -> dict[str, Any]:
    s, o = r.scope, r.options
    scope: dict[str, Any] = {"kind": s.kind, "title": s.title}
    scope.update({"course": s.slug, "assignment": int(s.item)} if s.kind == "assignment" else
                 {"contest": s.slug, "label": s.item})  # fmt: skip
    return {
        "id": r.id, "state": r.state.value, "scope": scope, "created_at": r.created_at, "error": r.error or None,
        "options": {"accepted_only": o.accepted_only, "threshold": o.threshold, "min_tokens": o.min_tokens},
        "progress": {"percent": r.percent, "submissions": r.submissions, "fingerprinted": r.fingerprinted,
                     "pairs": r.pairs_total, "compared": r.compared},
        "wall_time_s": None if r.wall_s is None else round(r.wall_s, 3),
        "skipped": [{"submission": c.id, "username": c.username, "problem": c.problem, "language": c.language,
                     "tokens": tokens} for c, tokens in r.skipped],
        "pairs": [pair_json(p) for p in r.pairs] if r.finished else [],
        "more_pairs": r.more_pairs,
    }  # fmt: skip


def report_csv(r: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Rank", "Similarity", "Problem", "Language", "Username A", "Name A", "Submission A", "Share A",
                     "Lines A", "Username B", "Name B", "Submission B", "Share B", "Lines B"])  # fmt: skip
    for p in r.pairs:
        m = p.match
        writer.writerow([p.rank, f"{m.similarity:.3f}", p.a.problem, p.a.language,
                         p.a.username, p.a.name, p.a.id, f"{m.similarity_a:.3f}", lines_text(p.lines_a),
                         p.b.username, p.b.name, p.b.id, f"{m.similarity_b:.3f}", lines_text(p.lines_b)])  # fmt: skip
    return out.getvalue()


# --- API


@routes.post("/api/similarity")
async def api_start(request: web.Request) -> web.Response:
    reports = service(request)
    data = await json_body(request, FORM_BYTES)
    report = await reports.start(request[VIEWER], data)
    return web.json_response(report_json(report), status=202, headers={"Location": f"/api/similarity/{report.id}"})


@routes.get(f"/api/similarity/{REPORT_ID}")
async def api_report(request: web.Request) -> web.Response:
    report = await service(request).report(request[VIEWER], request.match_info["id"])
    return web.json_response(report_json(report))


@routes.get(f"/api/similarity/{REPORT_ID}.csv")
async def api_csv(request: web.Request) -> web.Response:
    report = await service(request).report(request[VIEWER], request.match_info["id"])
    if not report.finished:
        raise Conflict("not_ready", f"the report is {report.state.value}; the CSV is ready when it is done")
    response = web.Response(text=report_csv(report), content_type="text/csv", charset="utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="similarity-{report.id}.csv"'
    return response


# --- pages


def form_data(form: dict[str, str]) -> dict[str, object]:
    """The start form as the API takes it: a checkbox is there or not, the threshold a percentage."""
    data: dict[str, object] = {k: form[k] for k in ("assignment", "course", "contest", "label") if form.get(k)}
    data["accepted_only"] = form.get("accepted_only") == "on"
    percent, tokens = form.get("threshold_percent", "").strip(), form.get("min_tokens", "").strip()
    try:
        if percent:
            data["threshold"] = float(percent) / 100
        if tokens:
            data["min_tokens"] = int(tokens)
    except ValueError:
        raise Invalid("invalid_number", "the threshold and the minimum size are numbers") from None
    return data


@routes.get("/similarity/new")
async def start_page(request: web.Request) -> web.Response:
    """The form that starts a report on an assignment or a contest problem."""
    query = {k: v for k, v in request.query.items() if k in ("assignment", "course", "contest", "label")}
    try:
        scope = await service(request).scope(request[VIEWER], query)
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "similarity_start.html", scope=scope, query=query)


@routes.post("/similarity")
async def start_form(request: web.Request) -> web.StreamResponse:
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    try:
        report = await service(request).start(request[VIEWER], form_data(form))
    except ServiceError as exc:
        return refused(request, exc)
    return see_other(f"/similarity/{report.id}")


@routes.get(f"/similarity/{REPORT_ID}")
async def report_page(request: web.Request) -> web.Response:
    """The report; while it is made, htmx asks for its progress (the fragment) every second."""
    try:
        report = await service(request).report(request[VIEWER], request.match_info["id"])
    except ServiceError as exc:
        return refused(request, exc)
    name = "_similarity_report.html" if wants_fragment(request) else "similarity_report.html"
    return render(request, name, report=report, lines_text=lines_text, languages=request.app[LANGUAGES])


@routes.get(f"/similarity/{REPORT_ID}/pairs/{{rank:[0-9]{{1,6}}}}")
async def pair_page(request: web.Request) -> web.Response:
    try:
        view = await service(request).pair(request[VIEWER], request.match_info["id"], int(request.match_info["rank"]))
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "similarity_pair.html", view=view, report=view.report, pair=view.pair,
                  lines_text=lines_text, languages=request.app[LANGUAGES])  # fmt: skip
