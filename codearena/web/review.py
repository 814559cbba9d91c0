"""The instructor's view: a course's submissions with filters, a student's history, diffs, re-judging: pages and API."""

from __future__ import annotations

from aiohttp import web

routes = web.RouteTableDef()
