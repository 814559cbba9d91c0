"""Assignments: problems with points, opening and due times, late rules, extensions, timed
windows, scores and grade export: pages and API."""

from __future__ import annotations

from aiohttp import web

routes = web.RouteTableDef()
