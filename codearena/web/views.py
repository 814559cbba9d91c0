"""The HTML pages: the problem list, a problem with its editor, the history and a submission.

Pages are rendered with jinja2 (autoescaped: every text a user or a problem file controls is
escaped) and enhanced in the browser by web/static/*.js, which talks to the JSON API and /ws.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import quote

import jinja2
from aiohttp import web

from codearena.domain.verdicts import Status, Verdict
from codearena.paths import STATIC_DIR, TEMPLATES_DIR
from codearena.problems.model import Difficulty, Problem
from codearena.services import access
from codearena.services.access import SubmissionView
from codearena.services.errors import NotFound, ServiceError
from codearena.services.problems import filter_problems, languages_for, samples, starter_code
from codearena.web import security
from codearena.web.errors import status_of
from codearena.web.keys import (
    ASSIGNMENTS,
    CSP_NONCE,
    ENGINE,
    ENGINE_ERROR,
    LANGUAGES,
    PROBLEM_ERRORS,
    PROBLEM_LIBRARY,
    PROBLEMS,
    SETTINGS,
    SUBMISSION_SERVICE,
    TEMPLATES,
    VIEWER,
)  # fmt: skip
from codearena.web.markdown import render_markdown
from codearena.web.textdiff import first_difference, marked_lines

HISTORY_PAGE = 50
PROBLEM_HISTORY = 10  # the problem page lists this many; the history page has the rest
DIFFICULTY_ORDER = {d: i for i, d in enumerate(Difficulty)}
# verdict -> (icon, name); the icon is decoration, the name is what is read out.
VERDICTS: dict[str, tuple[str, str]] = {
    Verdict.ACCEPTED: ("✓", "Accepted"),
    Verdict.WRONG_ANSWER: ("✗", "Wrong answer"),
    Verdict.TIME_LIMIT_EXCEEDED: ("◷", "Time limit exceeded"),
    Verdict.MEMORY_LIMIT_EXCEEDED: ("▦", "Memory limit exceeded"),
    Verdict.RUNTIME_ERROR: ("!", "Runtime error"),
    Verdict.COMPILATION_ERROR: ("△", "Compilation error"),
    Verdict.OUTPUT_LIMIT_EXCEEDED: ("≡", "Output limit exceeded"),
    Verdict.INTERNAL_ERROR: ("?", "Internal error"),
    Verdict.SKIPPED: ("\u2013", "Skipped"),
    Verdict.PARTIAL: ("◐", "Partial"),
}
STATUSES = {Status.QUEUED: "Queued", Status.COMPILING: "Compiling", Status.RUNNING: "Running",
            Status.COMPLETED: "Completed"}  # fmt: skip

routes = web.RouteTableDef()


def setup(app: web.Application) -> None:
    """Mount the pages and the static files."""
    app[TEMPLATES] = make_environment()
    app.add_routes(routes)
    app.router.add_static("/static", STATIC_DIR)


def format_memory(kb: int) -> str:
    return f"{kb} KB" if kb < 1024 else f"{kb / 1024:.1f} MB"


def format_when(iso: str) -> str:
    """'2025-01-02T03:04:05.678Z' as '2025-01-02 03:04 UTC' (the page shows it in local time)."""
    return iso[:16].replace("T", " ") + " UTC"


def in_line(position: int) -> str:
    """A queue position in words: 'next in line', '2nd in line', '11th in line'."""
    if position == 1:
        return "next in line"
    suffix = "th" if 10 <= position % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"{position}{suffix} in line"


def verdict_name(verdict: str, score: int | None = None, max_score: int | None = None) -> str:
    """A verdict's name to read; a partly solved submission's with its score: "Partial, 40/100"."""
    name = VERDICTS.get(verdict, ("?", verdict))[1]
    if verdict == Verdict.PARTIAL and score is not None and max_score is not None:
        return f"{name}, {score}/{max_score}"
    return name


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(memory=format_memory, when=format_when, in_line=in_line)
    env.globals.update(VERDICTS=VERDICTS, STATUSES=STATUSES, verdict_name=verdict_name)
    return env


def render(request: web.Request, name: str, *, status: int = 200, **context: Any) -> web.Response:
    """The page `name`, with what every page needs: its CSP nonce, the CSRF token, Docker's state."""
    nonce = request.get(CSP_NONCE) or secrets.token_urlsafe(18)
    request[CSP_NONCE] = nonce
    engine_error = "" if ENGINE in request.app else request.app.get(ENGINE_ERROR, "") or "the judge is not running"
    template = request.app[TEMPLATES].get_template(name)
    page = template.render(path=request.path, csp_nonce=nonce, csrf_field=security.CSRF_FIELD,
                           csrf_token=security.csrf_token(request), engine_error=engine_error,
                           user=request[VIEWER].user, **context)  # fmt: skip
    response = web.Response(text=page, content_type="text/html", status=status)
    # Pages show one visitor's own data; htmx asks for fragments of the same URLs.
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["Vary"] = "Cookie, HX-Request"
    return response


def wants_fragment(request: web.Request) -> bool:
    """An htmx swap asks for the part of the page it replaces; a history restore wants it whole."""
    return request.headers.get("HX-Request") == "true" and "HX-History-Restore-Request" not in request.headers


def not_found(request: web.Request, message: str) -> web.Response:
    return render(request, "error.html", status=404, title="Not found", message=message)


@routes.get("/")
async def problem_list(request: web.Request) -> web.Response:
    visible = await request.app[ASSIGNMENTS].visible_problems(request[VIEWER])
    problems = {s: p for s, p in request.app[PROBLEMS].items() if visible is None or s in visible}
    query = request.query.get("q", "").strip()[:100]
    difficulty = request.query.get("difficulty", "")
    tag = request.query.get("tag", "")
    shown = sorted(
        filter_problems(problems.values(), difficulty=difficulty, tag=tag, query=query),
        key=lambda p: (DIFFICULTY_ORDER[p.difficulty], p.title.casefold()),
    )
    marks = await request.app[SUBMISSION_SERVICE].marks(request[VIEWER])
    context: dict[str, Any] = {"problems": shown, "marks": marks, "query": query, "difficulty": difficulty,
                               "tag": tag, "total": len(problems)}  # fmt: skip
    reloaded = request.query.get("reloaded", "")
    if wants_fragment(request):
        return render(request, "_problem_rows.html", **context)
    tags = sorted({t for p in problems.values() for t in p.tags})
    may_reload = access.may_reload_problems(request[VIEWER], request.app[SETTINGS].auth == "accounts")
    return render(request, "problems.html", tags=tags, difficulties=[d.value for d in Difficulty],
                  may_reload=may_reload, reloaded=reloaded if reloaded.isdigit() else None,
                  reload_errors=request.app[PROBLEM_ERRORS] if reloaded else [], **context)  # fmt: skip


@routes.post("/problems/reload")
async def reload_form(request: web.Request) -> web.Response:
    """The problem list's Reload button: read problems_dir again now, and say what came of it."""
    form = await request.post()
    if not security.csrf_valid(request, form.get(security.CSRF_FIELD)):
        message = "This form is out of date or came from another site. Reload the page and try again."
        return render(request, "error.html", status=403, title="The form has expired", message=message)
    if not access.may_reload_problems(request[VIEWER], request.app[SETTINGS].auth == "accounts"):
        return render(request, "error.html", status=403, title="Not allowed",
                      message="Only instructors and admins may reload the problems.")  # fmt: skip
    loaded, errors = await request.app[PROBLEM_LIBRARY].reload()
    raise web.HTTPSeeOther(f"/?reloaded={loaded}&errors={len(errors)}")


async def problem_context(
    request: web.Request, problem: Problem, *, language: str = "", source: str | None = None, error: str = ""
) -> dict[str, Any]:
    languages = languages_for(problem, request.app[LANGUAGES].values())
    starter = starter_code(problem, languages)
    language = language if language in starter else languages[0].id
    # Still judged after a reload: the page shows it again and follows it live.
    resumed = await request.app[SUBMISSION_SERVICE].latest_unfinished(request[VIEWER], problem.slug)
    return {
        "problem": problem,
        "statement": render_markdown(problem.statement),
        "samples": [
            {"input": s.input, "output": s.output, "interaction": s.interaction, "shown": s.shown_input}
            for s in samples(problem)
        ],
        "languages": languages,
        "starter": starter,
        "language": language,
        "source": starter[language] if source is None else source,
        "tests_total": len(problem.tests),
        "error": error,
        "group_layout": [{"name": g.name, "points": g.points, "tests": g.tests} for g in problem.groups],
        "resumed": results_context(resumed, problem) if resumed else None,
        **await my_submissions(request, problem.slug),
    }


async def visible_problem(request: web.Request, slug: str) -> Problem | None:
    """The problem, unless there is none or the viewer may not see it (see visible_problems)."""
    visible = await request.app[ASSIGNMENTS].visible_problems(request[VIEWER])
    return request.app[PROBLEMS].get(slug) if visible is None or slug in visible else None


async def my_submissions(request: web.Request, slug: str) -> dict[str, Any]:
    """The problem page's list of the viewer's own earlier submissions to it, newest first."""
    service = request.app[SUBMISSION_SERVICE]
    rows = await service.history(request[VIEWER], problem=slug, limit=PROBLEM_HISTORY + 1)
    return {"rows": rows[:PROBLEM_HISTORY], "more": len(rows) > PROBLEM_HISTORY, "slug": slug,
            "languages_by_id": request.app[LANGUAGES]}  # fmt: skip


@routes.get("/problems/{slug}")
async def problem_page(request: web.Request) -> web.Response:
    slug = request.match_info["slug"]
    problem = await visible_problem(request, slug)
    if problem is None:
        return not_found(request, f"There is no problem “{slug}”.")
    return render(request, "problem.html", **await problem_context(request, problem))


@routes.get("/problems/{slug}/submissions")
async def problem_submissions(request: web.Request) -> web.Response:
    """The list alone, which the problem page swaps in after a submission and after its verdict."""
    slug = request.match_info["slug"]
    if slug not in request.app[PROBLEMS]:
        return not_found(request, f"There is no problem “{slug}”.")
    if not wants_fragment(request):
        raise web.HTTPSeeOther(f"/submissions?problem={quote(slug)}")
    return render(request, "_problem_submissions.html", **await my_submissions(request, slug))


@routes.post("/problems/{slug}/submit")
async def submit_form(request: web.Request) -> web.Response:
    """The editor's form, posted as a plain HTML form when scripts do not run."""
    slug = request.match_info["slug"]
    problem = await visible_problem(request, slug)
    if problem is None:
        return not_found(request, f"There is no problem “{slug}”.")
    form = await request.post()
    if not security.csrf_valid(request, form.get(security.CSRF_FIELD)):
        message = "This form is out of date or came from another site. Reload the page and submit again."
        return render(request, "error.html", status=403, title="The form has expired", message=message)
    language = form.get("language")
    source = form.get("source")
    # Browsers send a textarea's line breaks as CRLF.
    source = source.replace("\r\n", "\n") if isinstance(source, str) else source
    try:
        submission = await request.app[SUBMISSION_SERVICE].submit(request[VIEWER], problem.slug, language, source)
    except ServiceError as exc:
        context = await problem_context(request, problem, language=str(language), source=str(source or ""),
                                        error=exc.message)  # fmt: skip
        return render(request, "problem.html", status=status_of(exc), **context)
    raise web.HTTPSeeOther(f"/submissions/{submission.id}")


@routes.get("/submissions")
async def history_page(request: web.Request) -> web.Response:
    problems = request.app[PROBLEMS]
    problem = request.query.get("problem", "")[:100] or None  # one that does not exist lists nothing
    before = request.query.get("before") or None
    service = request.app[SUBMISSION_SERVICE]
    rows = await service.history(request[VIEWER], problem=problem, limit=HISTORY_PAGE + 1, before=before)
    more = len(rows) > HISTORY_PAGE
    rows = rows[:HISTORY_PAGE]
    return render(
        request,
        "history.html",
        rows=rows,
        problems=problems,
        languages=request.app[LANGUAGES],
        problem=problem,
        next_before=rows[-1].created_at if more else None,
    )


async def _submission(request: web.Request) -> SubmissionView | None:
    try:
        return await request.app[SUBMISSION_SERVICE].view(request[VIEWER], request.match_info["id"])
    except NotFound:
        return None


def group_rows(view: SubmissionView, problem: Problem | None) -> list[dict[str, Any]]:
    """The results panel's groups (subtasks): as judged once the submission is, else the
    problem's, each with its result when it is done."""
    if view.status == Status.COMPLETED or problem is None:
        return [{"index": g.index, "name": g.name, "points": g.points, "tests": g.tests, "result": g}
                for g in view.groups]  # fmt: skip
    done = {g.index: g for g in view.groups}
    return [{"index": i, "name": g.name, "points": g.points, "tests": g.tests, "result": done.get(i)}
            for i, g in enumerate(problem.groups, start=1)]  # fmt: skip


def results_context(view: SubmissionView, problem: Problem | None) -> dict[str, Any]:
    """The results panel: each sample shown with the first difference from its answer marked;
    the tests in their groups, for a problem in groups."""
    tests = []
    for t in view.tests:
        item: dict[str, Any] = {"index": t.index, "verdict": t.verdict, "time_ms": t.time_ms,
                                "memory_kb": t.memory_kb, "reason": t.reason, "sample": t.sample}  # fmt: skip
        if t.sample is not None:
            # Only a wrong answer is a finished output to compare; a skipped test has none at all.
            wrong = t.verdict == Verdict.WRONG_ANSWER
            difference = first_difference(t.sample.expected, t.sample.output) if wrong else None
            item.update(shown=t.verdict != Verdict.SKIPPED, difference=difference,
                        expected_lines=marked_lines(t.sample.expected, difference),
                        output_lines=marked_lines(t.sample.output, difference))  # fmt: skip
        tests.append(item)
    return {"submission": view, "tests": tests, "tests_total": view.tests_total,
            "groups": group_rows(view, problem)}  # fmt: skip


@routes.get("/submissions/{id}")
async def submission_page(request: web.Request) -> web.Response:
    view = await _submission(request)
    if view is None:
        return not_found(request, f"There is no submission “{request.match_info['id']}”.")
    problem = request.app[PROBLEMS].get(view.problem)
    return render(
        request,
        "submission.html",
        problem=problem,
        language=request.app[LANGUAGES].get(view.language),
        source=view.source,
        **results_context(view, problem),
    )


@routes.get("/submissions/{id}/results")
async def submission_results(request: web.Request) -> web.Response:
    """The results panel alone: the live panel swaps it in when judging ends."""
    view = await _submission(request)
    if view is None:
        return not_found(request, f"There is no submission “{request.match_info['id']}”.")
    return render(request, "_results.html", **results_context(view, request.app[PROBLEMS].get(view.problem)))
