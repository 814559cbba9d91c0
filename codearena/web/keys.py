"""Every application and request key in one place: the resources the app owns, typed."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import jinja2
from aiohttp import web

from codearena.config import Settings
from codearena.domain.scoreboard import Scoreboard
from codearena.languages import Language
from codearena.live import Live
from codearena.problems.library import ProblemLibrary
from codearena.problems.model import Problem, ProblemError
from codearena.services.access import Viewer
from codearena.services.accounts import AccountService
from codearena.services.assignments import AssignmentService
from codearena.services.clarifications import ClarificationService
from codearena.services.contests import ContestService
from codearena.services.courses import CourseService
from codearena.services.engine import EngineFactory, JudgeEngine
from codearena.services.imports import ImportService
from codearena.services.runs import RunService
from codearena.services.similarity import SimilarityService
from codearena.services.submissions import SubmissionService
from codearena.store.db import Database
from codearena.store.submissions import SubmissionStore
from codearena.web.ratelimit import RateLimiter
from codearena.worker import JudgeQueue

if TYPE_CHECKING:  # security.py reads its keys from here
    from codearena.web.security import SessionSigner

SETTINGS = web.AppKey("settings", Settings)
ALLOWED_HOSTS = web.AppKey("allowed_hosts", frozenset[str])
LANGUAGES = web.AppKey("languages", dict[str, Language])
PROBLEMS = web.AppKey("problems", dict[str, Problem])
PROBLEM_ERRORS = web.AppKey("problem_errors", list[ProblemError])
PROBLEM_LIBRARY = web.AppKey("problem_library", ProblemLibrary)  # owns PROBLEMS and PROBLEM_ERRORS
DATABASE = web.AppKey("database", Database)
SUBMISSIONS = web.AppKey("submissions", SubmissionStore)
ACCOUNTS = web.AppKey("accounts", AccountService)
COURSES = web.AppKey("courses", CourseService)
TRUSTED_PROXIES = web.AppKey("trusted_proxies", frozenset[str])
ENGINE_FACTORY: web.AppKey[EngineFactory] = web.AppKey("engine_factory")
ENGINE: web.AppKey[JudgeEngine] = web.AppKey("engine")
ENGINE_ERROR = web.AppKey("engine_error", str)
QUEUE = web.AppKey("queue", JudgeQueue)
LIVE = web.AppKey("live", Live)
SUBMISSION_SERVICE = web.AppKey("submission_service", SubmissionService)
RUN_SERVICE = web.AppKey("run_service", RunService)
SIGNER: web.AppKey[SessionSigner] = web.AppKey("signer")
LIMITER = web.AppKey("limiter", RateLimiter)
WEBSOCKETS = web.AppKey("websockets", weakref.WeakSet[web.WebSocketResponse])
TEMPLATES = web.AppKey("templates", jinja2.Environment)
VIEWER = web.RequestKey("viewer", Viewer)
LOGIN_TOKEN = web.RequestKey("login_token", str)  # the signed-in session's token, when there is one
CSP_NONCE = web.RequestKey("csp_nonce", str)
ASSIGNMENTS = web.AppKey("assignments", AssignmentService)
CONTESTS = web.AppKey("contests", ContestService)
# (contest, jury or not) -> the board last sent over WebSockets, and its `scoreboard` message
BOARD_HTML = web.AppKey("board_html", dict[tuple[str, bool], tuple[Scoreboard, str]])
CLARIFICATIONS = web.AppKey("clarifications", ClarificationService)
SIMILARITY = web.AppKey("similarity", SimilarityService)
IMPORTS = web.AppKey("imports", ImportService)  # Kattis packages uploaded from the browser
