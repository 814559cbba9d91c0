"""Kattis packages from the browser, and imported statements' images.

/problems/import: instructors and admins upload a .zip/.kpp (accounts mode only: without
accounts, `codearena import` on the server's machine does it). The upload is streamed to a
temporary file under a size cap, read at once (a package that cannot be imported is refused
with a 4xx naming why: broken or hostile YAML, a path out of the archive, an interactive
problem), then checked in the sandbox in the background; its report page follows it.

/problems/<slug>/assets/<name>: the pictures of a problem's statement folder, to whoever may
see the problem.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from aiohttp import BodyPartReader, web

from codearena.problems.import_report import ImportOptions
from codearena.problems.import_sandbox import ImportSandbox
from codearena.problems.model import Difficulty
from codearena.services.engine import JudgeEngine
from codearena.services.errors import Invalid, ServiceError, TooLarge
from codearena.services.imports import ImportService
from codearena.web import security
from codearena.web.accounts import refused, see_other
from codearena.web.keys import ENGINE, ENGINE_ERROR, IMPORTS, PROBLEM_LIBRARY, SETTINGS, VIEWER
from codearena.web.views import not_found, render, visible_problem, wants_fragment

routes = web.RouteTableDef()
MAX_UPLOAD_BYTES = 64 << 20
MAX_FIELD_BYTES = 1024
CHUNK_BYTES = 1 << 16
ASSET = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}$")
ASSET_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp"}  # fmt: skip
ARCHIVE_ENDINGS = (".zip", ".kpp")
UPLOAD_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\.(?:zip|kpp|ZIP|KPP)$")


def import_sandbox(engine: JudgeEngine | None) -> ImportSandbox | None:
    """The engine's way to run authors' programs: the real engine's sandboxes, or what a test's
    fake engine offers as `import_sandbox`; None when judging is down."""
    from codearena.engine import Engine
    from codearena.problems.import_sandbox import EngineSandbox

    if isinstance(engine, Engine):
        return EngineSandbox(engine)
    found: ImportSandbox | None = getattr(engine, "import_sandbox", None)
    return found


async def imports_ctx(app: web.Application) -> AsyncIterator[None]:
    unavailable = app.get(ENGINE_ERROR) or "the judge is not running"
    app[IMPORTS] = ImportService(app[SETTINGS], app[PROBLEM_LIBRARY], import_sandbox(app.get(ENGINE)), unavailable)
    yield
    await app[IMPORTS].close()


def setup(app: web.Application) -> None:
    """Before views.setup: /problems/import is a page, not a problem's."""
    app.add_routes(routes)
    app.cleanup_ctx.append(imports_ctx)


def _form_page(request: web.Request, *, status: int = 200, error: str = "", form: dict[str, str] | None = None
               ) -> web.Response:  # fmt: skip
    service = request.app[IMPORTS]
    return render(request, "import_form.html", status=status, error=error, form=form or {},
                  difficulties=[d.value for d in Difficulty], jobs=service.recent(request[VIEWER]),
                  max_upload_mb=MAX_UPLOAD_BYTES >> 20)  # fmt: skip


@routes.get("/problems/import")
async def import_form(request: web.Request) -> web.Response:
    try:
        request.app[IMPORTS].check_allowed(request[VIEWER])
    except ServiceError as exc:
        return refused(request, exc)
    return _form_page(request)


async def _field(part: BodyPartReader) -> str:
    data = bytearray()
    while chunk := await part.read_chunk(CHUNK_BYTES):
        data += chunk
        if len(data) > MAX_FIELD_BYTES:
            raise Invalid("field_too_long", f"the field {part.name!r} is too long")
    return data.decode("utf-8", "replace").strip()


async def _save(part: BodyPartReader, into: Path) -> None:
    size = 0
    with into.open("wb") as out:
        while chunk := await part.read_chunk(CHUNK_BYTES):
            size += len(chunk)
            if size > MAX_UPLOAD_BYTES:
                raise TooLarge("upload_too_large", f"the package is larger than {MAX_UPLOAD_BYTES >> 20} MiB")
            out.write(chunk)


async def _read_upload(request: web.Request, folder: Path) -> tuple[dict[str, str], Path | None, str]:
    """The form's fields, the uploaded file (saved in `folder`) and its name; the CSRF token
    must come first (the form puts it first), so that nothing is stored for a forged form."""
    if not request.content_type.startswith("multipart/"):
        raise Invalid("not_multipart", "send the form as multipart/form-data, with the package as a file")
    reader = await request.multipart()
    fields: dict[str, str] = {}
    upload: Path | None = None
    file_name = ""
    first = True
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader):
            raise Invalid("nested_multipart", "a nested multipart body")
        if first and (part.name != security.CSRF_FIELD or not security.csrf_valid(request, await _field(part))):
            raise web.HTTPForbidden()
        first = False
        if part.name == "package" and part.filename:
            file_name = Path(part.filename).name[:200]
            # Kept under its own name when it is a plain one: an archive without a top folder
            # is named after it, as on the command line.
            upload = folder / (file_name if UPLOAD_NAME.match(file_name) else "package.zip")
            await _save(part, upload)
        elif part.name in ("slug", "difficulty", "replace"):
            fields[part.name] = await _field(part)
        else:
            await part.release()
    if first:
        raise web.HTTPForbidden()
    return fields, upload, file_name


@routes.post("/problems/import")
async def import_upload(request: web.Request) -> web.Response:
    service = request.app[IMPORTS]
    try:
        service.check_allowed(request[VIEWER])
    except ServiceError as exc:
        return refused(request, exc)
    folder = Path(tempfile.mkdtemp(prefix="codearena-upload-"))
    fields: dict[str, str] = {}
    try:
        try:
            fields, upload, file_name = await _read_upload(request, folder)
        except web.HTTPForbidden:
            message = "This form is out of date or came from another site. Reload the page and try again."
            shutil.rmtree(folder, ignore_errors=True)
            return render(request, "error.html", status=403, title="The form has expired", message=message)
        if upload is None or not file_name.lower().endswith(ARCHIVE_ENDINGS):
            raise Invalid("not_an_archive", "choose a Kattis package: a .zip or .kpp archive of its folder")
        difficulty = fields.get("difficulty") or "medium"
        if difficulty not in {d.value for d in Difficulty}:
            raise Invalid("invalid_difficulty", f"no difficulty {difficulty!r}")
        options = ImportOptions(slug=fields.get("slug") or None, replace=bool(fields.get("replace")),
                                difficulty=Difficulty(difficulty), max_source_kb=request.app[SETTINGS].max_source_kb,
                                source_name=file_name)  # fmt: skip
        job = await service.start(request[VIEWER], upload, file_name, options)  # the folder is the service's now
    except ServiceError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        status = 413 if isinstance(exc, TooLarge) else 400 if isinstance(exc, Invalid) else 503
        return _form_page(request, status=status, error=exc.message, form=fields)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return see_other(f"/problems/import/{job.id}")


@routes.get("/problems/import/{job}")
async def import_report(request: web.Request) -> web.Response:
    try:
        job = request.app[IMPORTS].job(request[VIEWER], request.match_info["job"])
    except ServiceError as exc:
        return not_found(request, exc.message)
    context: dict[str, Any] = {"job": job, "report": job.report}
    if wants_fragment(request):
        return render(request, "_import_report.html", **context)
    return render(request, "import_report.html", **context)


@routes.get("/problems/{slug}/assets/{name}")
async def statement_asset(request: web.Request) -> web.StreamResponse:
    problem = await visible_problem(request, request.match_info["slug"])
    name = request.match_info["name"]
    kind = ASSET_TYPES.get(Path(name).suffix.lower())
    if problem is None or problem.assets_dir is None or kind is None or not ASSET.match(name):
        raise web.HTTPNotFound()
    path = problem.assets_dir / name
    if not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path, headers={"Content-Type": kind, "Cache-Control": "private, max-age=3600"})
