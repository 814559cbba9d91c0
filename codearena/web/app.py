"""The application factory: `init_app(settings)` builds the app the CLI and the tests both run."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import weakref
from collections.abc import AsyncIterator

from aiohttp import WSCloseCode, web

from codearena.config import Settings
from codearena.engine import Engine
from codearena.languages import load_languages, tier_languages
from codearena.live import Live
from codearena.problems.library import ProblemLibrary
from codearena.sandbox.docker import EngineError
from codearena.services.accounts import AccountService
from codearena.services.assignments import AssignmentService
from codearena.services.clarifications import ClarificationService
from codearena.services.contests import ContestService
from codearena.services.courses import CourseService
from codearena.services.cpu_worker import ProcessWorker
from codearena.services.engine import EngineFactory
from codearena.services.runs import RunService
from codearena.services.similarity import SimilarityService
from codearena.services.submissions import SubmissionService
from codearena.store.accounts import AccountStore
from codearena.store.assignments import AssignmentStore
from codearena.store.clarifications import ClarificationStore
from codearena.store.contests import ContestStore
from codearena.store.courses import CourseStore
from codearena.store.db import Database
from codearena.store.similarity import SimilarityStore
from codearena.store.submissions import SubmissionStore
from codearena.web import (
    accounts,
    api,
    assignments,
    clarifications,
    contests,
    courses,
    imports,
    metrics,
    review,
    security,
    views,
    ws,
)
from codearena.web.contest_form import routes as contest_form_routes
from codearena.web.contest_jury import routes as contest_jury_routes
from codearena.web.errors import json_errors
from codearena.web.keys import (
    ACCOUNTS,
    ALLOWED_HOSTS,
    ASSIGNMENTS,
    BOARD_HTML,
    CLARIFICATIONS,
    CONTESTS,
    COURSES,
    DATABASE,
    ENGINE,
    ENGINE_ERROR,
    ENGINE_FACTORY,
    LANGUAGES,
    LIMITER,
    LIVE,
    PROBLEM_ERRORS,
    PROBLEM_LIBRARY,
    PROBLEMS,
    QUEUE,
    RUN_SERVICE,
    SETTINGS,
    SIGNER,
    SIMILARITY,
    SUBMISSION_SERVICE,
    SUBMISSIONS,
    TRUSTED_PROXIES,
    WEBSOCKETS,
)  # fmt: skip
from codearena.web.ratelimit import RateLimiter
from codearena.web.security import SessionSigner, guard
from codearena.web.similarity import routes as similarity_routes
from codearena.web.virtual_runs import routes as virtual_run_routes
from codearena.worker import JudgeQueue

log = logging.getLogger(__name__)


async def database_ctx(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    database = await Database.open(settings.database_path)
    app[DATABASE] = database
    app[SUBMISSIONS] = SubmissionStore(database)
    app[ACCOUNTS] = AccountService(settings, AccountStore(database))
    app[COURSES] = CourseService(CourseStore(database), app[ACCOUNTS])
    key = settings.secret_key or await database.meta("session_key", secrets.token_hex(32))
    app[SIGNER] = SessionSigner(key)
    yield
    await database.close()


async def engine_ctx(app: web.Application) -> AsyncIterator[None]:
    try:
        app[ENGINE] = await app[ENGINE_FACTORY](app[SETTINGS], app[LANGUAGES])
    except EngineError as exc:
        # Reads keep working; /health says why judging does not.
        log.error("judging is unavailable: %s", exc)
        app[ENGINE_ERROR] = str(exc)
    yield
    if ENGINE in app:
        await app[ENGINE].close()


async def queue_ctx(app: web.Application) -> AsyncIterator[None]:
    if ENGINE not in app:
        yield
        return
    settings = app[SETTINGS]
    engine, problems = app[ENGINE], app[PROBLEMS]
    run_slots = max(1, int(settings.sandbox_count * settings.run_pool_share))
    queue = JudgeQueue(engine.judging, engine.languages, app[SUBMISSIONS], app[LIVE], problems,
                       max_depth=settings.queue_size, job_timeout_s=settings.job_timeout_s,
                       run_slots=run_slots)  # fmt: skip
    await queue.start(workers=settings.sandbox_count)
    app[QUEUE] = queue
    yield
    await queue.close(settings.shutdown_grace_s)


async def services_ctx(app: web.Application) -> AsyncIterator[None]:
    settings, limiter, languages, problems = app[SETTINGS], app[LIMITER], app[LANGUAGES], app[PROBLEMS]
    unavailable = app.get(ENGINE_ERROR) or "the judge is not running"
    app[ASSIGNMENTS] = AssignmentService(settings, AssignmentStore(app[DATABASE]), problems)
    visible = app[ASSIGNMENTS].visible_problems
    database = app[DATABASE]
    app[BOARD_HTML] = {}
    app[CONTESTS] = ContestService(ContestStore(database), CourseStore(database), AccountStore(database), problems,
                                   app[LIVE])  # fmt: skip
    app[CLARIFICATIONS] = ClarificationService(ClarificationStore(database), app[CONTESTS], app[LIVE])
    app[SUBMISSION_SERVICE] = SubmissionService(settings, app[SUBMISSIONS], app[LIVE], problems, languages, limiter,
                                                app.get(QUEUE), unavailable, CourseStore(app[DATABASE]),
                                                visible, app[CONTESTS].judges)  # fmt: skip
    app[RUN_SERVICE] = RunService(settings, languages, problems, limiter, app.get(QUEUE), unavailable, visible)
    yield


async def similarity_ctx(app: web.Application) -> AsyncIterator[None]:
    """Similarity reports, made in a worker process that starts when one is asked for."""
    problems = app[PROBLEMS]
    app[SIMILARITY] = SimilarityService(app[ASSIGNMENTS], app[CONTESTS], SimilarityStore(app[DATABASE]), problems,
                                        ProcessWorker(), app[LANGUAGES])  # fmt: skip
    yield
    await app[SIMILARITY].close()


async def problems_watch_ctx(app: web.Application) -> AsyncIterator[None]:
    """Reload the problems when their files change, without a restart."""
    interval_s = app[SETTINGS].problems_poll_interval_s
    if interval_s <= 0:
        yield
        return
    task = asyncio.create_task(app[PROBLEM_LIBRARY].watch(interval_s))
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def on_shutdown(app: web.Application) -> None:
    tracked = app[WEBSOCKETS]
    sockets = list(tracked)
    for socket in sockets:
        await socket.close(code=WSCloseCode.GOING_AWAY, message=b"server shutdown")


def init_app(settings: Settings, *, engine_factory: EngineFactory = Engine.start) -> web.Application:
    """The app, its resources started and stopped by cleanup contexts; `engine_factory` makes
    the judging engine (tests pass a fake one)."""
    settings.database_path.parent.mkdir(parents=True, exist_ok=True)
    app = web.Application(
        middlewares=[json_errors, guard],
        client_max_size=(settings.max_source_kb + settings.max_stdin_kb) * 1024 + 64 * 1024,
    )
    app[SETTINGS] = settings
    app[ENGINE_FACTORY] = engine_factory
    app[ALLOWED_HOSTS] = security.allowed_hosts(settings)
    app[TRUSTED_PROXIES] = frozenset(settings.trusted_proxies)
    languages = load_languages()
    # The sandbox tier's languages; the engine drops any whose toolchain its image lacks.
    app[LANGUAGES] = tier_languages(languages, settings.sandbox_tier)
    library = ProblemLibrary(settings.problems_dir, set(languages))
    library.load()
    app[PROBLEM_LIBRARY] = library
    app[PROBLEMS] = library.problems
    app[PROBLEM_ERRORS] = library.errors
    app[LIVE] = Live()
    address_limits = (settings.rate_limit_address_per_minute, settings.rate_limit_address_burst)
    app[LIMITER] = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst, settings.rate_limit_enabled,
                               prefixes={"addr:": address_limits})  # fmt: skip
    app[WEBSOCKETS] = weakref.WeakSet()
    app.cleanup_ctx.extend([database_ctx, engine_ctx, queue_ctx, services_ctx, similarity_ctx, problems_watch_ctx])
    app.on_shutdown.append(on_shutdown)
    app.on_response_prepare.append(security.add_security_headers)
    app.add_routes(api.routes)
    app.router.add_get("/metrics", metrics.metrics)
    app.router.add_get("/ws", ws.websocket)
    imports.setup(app)  # /problems/import before views' /problems/{slug}
    views.setup(app)
    app.add_routes(accounts.routes)
    app.add_routes(courses.routes)
    app.add_routes(assignments.routes)
    app.add_routes(review.routes)
    app.add_routes(contest_form_routes)  # /contests/new before /contests/{slug}
    app.add_routes(contests.routes)
    app.add_routes(clarifications.routes)
    app.add_routes(contest_jury_routes)
    app.add_routes(virtual_run_routes)
    app.add_routes(similarity_routes)
    return app
