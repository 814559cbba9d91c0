"""Where the files CodeArena ships with live, relative to a source checkout."""

from __future__ import annotations

import functools
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
IMAGE_SOURCES = ("Dockerfile", "launch.c", "supervisor.py", "node/fork_server.cc", "node/fork-server.js")


@functools.cache  # read once: the image a running server uses does not change under it
def sandbox_image_tag(tier: str = "full") -> str:
    """The tag `sandbox/build-image.sh TIER` gives the image of that tier built from this checkout."""
    digest = hashlib.sha256()
    for name in IMAGE_SOURCES:
        digest.update((SANDBOX_DIR / name).read_bytes())
    return f"codearena-sandbox:{tier}-{digest.hexdigest()[:12]}"
