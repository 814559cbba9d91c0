"""Where the files CodeArena ships with live, relative to a source checkout."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SANDBOX_DIR = ROOT / "sandbox"
PROBLEMS_DIR = ROOT / "problems"
LANGUAGES_FILE = SANDBOX_DIR / "languages.yaml"
SECCOMP_FILE = SANDBOX_DIR / "seccomp.json"
WEB_DIR = ROOT / "web"
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
# The files the sandbox image is built from; sandbox/build-image.sh hashes the same list.
IMAGE_SOURCES = ("Dockerfile", "launch.c", "supervisor.py")


def sandbox_image_tag() -> str:
    """The tag sandbox/build-image.sh gives the image built from this checkout."""
    digest = hashlib.sha256()
    for name in IMAGE_SOURCES:
        digest.update((SANDBOX_DIR / name).read_bytes())
    return f"codearena-sandbox:{digest.hexdigest()[:12]}"
