"""Courses: creating them, their members, roster import, enrolment codes: pages and API."""

from __future__ import annotations

from aiohttp import web

routes = web.RouteTableDef()
