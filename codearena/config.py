"""Settings: declared once here, with defaults and descriptions.

Loaded from a TOML file (config.toml at the top of a checkout) and overridable by
CODEARENA_<NAME> environment variables. A bad value stops start-up with a message that names
the key, what was expected, and how to fix it.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from codearena.paths import PROBLEMS_DIR

ENV_PREFIX = "CODEARENA_"
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
# A host name, an IPv4 address or a bracketed IPv6 one, maybe with a port; or "*" (any host).
HOST_PATTERN = re.compile(r"^(\*|[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?$")


class EngineSettings(BaseModel):
    """One Docker engine sandboxes run on: an entry of `[[engines]]` in config.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,40}$", description="how /health, /metrics and the log name it")
    url: str = Field(
        "",
        description='"": the local engine (DOCKER_HOST or the default socket); "unix:///path/docker.sock"; '
        '"https://host:2376": a remote engine over mutual TLS (ca_cert, client_cert and client_key)',
    )
    sandboxes: int = Field(2, ge=1, le=64, description="warm sandbox containers on this engine")
    ca_cert: Path | None = Field(None, description="https: the CA that signed the engine's certificate")
    client_cert: Path | None = Field(None, description="https: the certificate CodeArena presents")
    client_key: Path | None = Field(None, description="https: the key of client_cert")

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        if value.startswith("tcp://"):
            # aiodocker sends plain HTTP to tcp:// even with a TLS context: never the unverified one.
            raise ValueError(f"{value!r}: write https://{value[len('tcp://') :]} (TLS with a client certificate)")
        if value and not value.startswith(("unix://", "https://")):
            raise ValueError(f'{value!r} is not an engine address: use "", unix:///path or https://host:2376')
        return value

    @property
    def remote(self) -> bool:
        return self.url.startswith("https://")


def _check_tls(engine: EngineSettings) -> EngineSettings:
    if engine.remote and None in (engine.ca_cert, engine.client_cert, engine.client_key):
        raise ValueError(f"engine {engine.name!r}: an https engine needs ca_cert, client_cert and client_key")
    return engine


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # server
    host: str = Field("127.0.0.1", description="address the server listens on")
    port: int = Field(8080, ge=0, le=65535, description="port the server listens on (0: any free port)")
    problems_dir: Path = Field(PROBLEMS_DIR, description="folder of problems to serve")
    problems_poll_interval_s: float = Field(
        2.0, ge=0, description="how often the server looks for changed problem files and reloads them; 0: never"
    )
    database_path: Path = Field(Path("codearena.db"), description="SQLite database file")
    allowed_hosts: list[str] = Field(
        default_factory=lambda: list(LOOPBACK_HOSTS),
        description="names the server answers to in the Host header (port ignored), besides public_host and "
        "the listening address; others get 400, which stops DNS rebinding; * allows any",
    )
    public_host: str = Field("", description="the name users reach the server by, e.g. judge.example.org")
    # sandbox
    sandbox_image: str = Field(
        "", description="Docker image of the sandbox; empty: the image of sandbox_tier built from sandbox/ by make"
    )
    sandbox_tier: Literal["core", "full"] = Field(
        "full",
        description="the sandbox image's tier: core (Python, JavaScript, Java, C++, C, Bash; a small image) or full "
        "(every language); the server offers the tier's languages whose toolchain the image has",
    )
    pool_size: int = Field(
        2, ge=1, le=64, description="warm sandbox containers, the judging concurrency (when engines is empty)"
    )
    engines: list[EngineSettings] = Field(
        default_factory=list,
        description="the Docker engines sandboxes run on, as [[engines]] tables (name, url, sandboxes, ca_cert, "
        "client_cert, client_key); empty: the local engine with pool_size sandboxes",
    )
    engine_check_interval_s: float = Field(
        3.0, gt=0, description="how often each engine is asked for its version; one that fails leaves the rotation"
    )
    engine_check_timeout_s: float = Field(3.0, gt=0, description="how long an engine may take to answer that check")
    container_memory_mb: int = Field(
        1536, ge=256, description="memory cap of a sandbox container (programs plus their files)"
    )
    container_cpus: float = Field(1.0, gt=0, description="CPUs one sandbox container may use")
    container_cpuset: str = Field(
        "", pattern=r"^[0-9,-]*$", description='CPUs the sandboxes may run on, e.g. "2-3"; empty: any'
    )
    container_pids_limit: int = Field(256, ge=32, description="processes and threads per container")
    program_processes: int = Field(64, ge=1, description="processes and threads one user program may have")
    work_dir_size_mb: int = Field(64, ge=8, description="size of the tmpfs holding the program and its files")
    compile_time_limit_ms: int = Field(15_000, gt=0, description="CPU time limit of a compilation")
    compile_memory_limit_mb: int = Field(1024, ge=64, description="memory limit of a compilation")
    compile_output_limit_kb: int = Field(64, gt=0, description="compiler messages kept and shown")
    wall_time_factor: float = Field(2.0, ge=1, description="wall-clock limit = CPU limit x this + wall_time_extra_ms")
    wall_time_extra_ms: int = Field(500, ge=0, description="see wall_time_factor")
    checker_time_limit_ms: int = Field(10_000, gt=0, description="CPU time limit of a problem's own checker, per test")
    checker_memory_limit_mb: int = Field(512, ge=64, description="memory limit of a problem's own checker")
    checker_pool_size: int = Field(1, ge=1, le=16, description="sandbox containers for problems' own checkers")
    sample_output_limit_kb: int = Field(64, gt=0, description="output kept for sample tests, to show users")
    max_source_kb: int = Field(64, gt=0, description="largest accepted source file")
    # judge queue
    queue_size: int = Field(200, ge=1, description="submissions that may wait; beyond it POST answers 503")
    job_timeout_s: float = Field(300.0, gt=0, description="longest one submission may take to judge")
    shutdown_grace_s: float = Field(30.0, ge=0, description="how long running jobs may finish on shutdown")
    # rate limits of POST /api/submissions and /api/run: per user (per session in open mode), and
    # a much larger allowance per client address, which a whole class behind one NAT shares
    rate_limit_enabled: bool = Field(True, description="switch rate limiting off, e.g. for benchmarks")
    rate_limit_per_minute: int = Field(30, ge=1, description="sustained requests per minute allowed a user")
    rate_limit_burst: int = Field(10, ge=1, description="requests a user may make at once before the rate applies")
    rate_limit_address_per_minute: int = Field(
        600, ge=1, description="sustained requests per minute from one client address, all its users together"
    )
    rate_limit_address_burst: int = Field(300, ge=1, description="requests one address may make at once")
    # accounts
    auth: Literal["open", "accounts"] = Field(
        "open", description='"open": anonymous practice; "accounts": every page but login needs a signed-in user'
    )
    login_session_days: float = Field(14, gt=0, description="how long a sign-in lasts (accounts)")
    password_link_days: float = Field(14, gt=0, description="how long a one-time set-password link stays valid")
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description="addresses of reverse proxies whose X-Forwarded-For (and remote_user_header) is believed",
    )
    remote_user_header: str = Field(
        "",
        description="single sign-on: the header a trusted proxy names the signed-in user in, e.g. X-Remote-User; "
        "empty: off",
    )
    # the Run button: a program on custom input
    max_stdin_kb: int = Field(256, gt=0, description="largest custom input of /api/run")
    run_time_limit_ms: int = Field(2000, gt=0, description="CPU time limit of /api/run, before the multiplier")
    run_memory_limit_mb: int = Field(256, ge=16, description="memory limit of /api/run")
    run_pool_share: float = Field(
        0.5, gt=0, le=1, description="share of the sandbox pool the editor's Run may hold at once (at least one)"
    )
    run_output_limit_kb: int = Field(64, gt=0, description="output of /api/run kept and returned")
    secret_key: str = Field("", description="signs session cookies; empty: one generated and kept in the database")

    @field_validator("engines", mode="before")
    @classmethod
    def _engines_json(cls, value: object) -> object:
        """An environment variable gives the list as JSON: [{"name": "local"}, ...]."""
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError as exc:
                raise ValueError(f"not a JSON list of engines: {exc}") from exc
        return value

    @field_validator("engines")
    @classmethod
    def _check_engines(cls, value: list[EngineSettings]) -> list[EngineSettings]:
        names = [engine.name for engine in value]
        if len(set(names)) != len(names):
            raise ValueError(f"engine names must differ: {names}")
        return [_check_tls(engine) for engine in value]

    def engine_list(self) -> list[EngineSettings]:
        """The engines to judge on: those listed, or the local one with pool_size sandboxes."""
        return list(self.engines) or [EngineSettings(name="local", sandboxes=self.pool_size)]

    @property
    def sandbox_count(self) -> int:
        """Sandboxes over every engine: how many submissions are judged at once."""
        return sum(engine.sandboxes for engine in self.engine_list())

    @field_validator("allowed_hosts", "trusted_proxies", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        """An environment variable gives the list as one string: names separated by commas."""
        if isinstance(value, str):
            return [name.strip() for name in value.split(",") if name.strip()]
        return value

    @field_validator("allowed_hosts")
    @classmethod
    def _check_hosts(cls, value: list[str]) -> list[str]:
        for name in value:
            if not HOST_PATTERN.match(name):
                raise ValueError(f"{name!r} is not a host name or address (e.g. judge.example.org, 10.0.0.5)")
        return value

    @field_validator("public_host")
    @classmethod
    def _check_public_host(cls, value: str) -> str:
        if value and (value == "*" or not HOST_PATTERN.match(value)):
            raise ValueError(f"{value!r} is not a host name or address (e.g. judge.example.org)")
        return value


def setting_descriptions() -> dict[str, str]:
    return {name: field.description or "" for name, field in Settings.model_fields.items()}


class ConfigError(Exception):
    pass


def load_settings(path: Path | None = None, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Settings from `path` (if given and present), then environment, then `overrides`."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            with path.open("rb") as f:
                values.update(tomllib.load(f))
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such file; pass --config with an existing file") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    env = os.environ if environ is None else environ
    for name in Settings.model_fields:
        key = ENV_PREFIX + name.upper()
        if key in env:
            values[name] = env[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"])
            if err["type"] == "extra_forbidden":
                lines.append(f"{key}: unknown setting; known settings: {', '.join(Settings.model_fields)}")
            else:
                hint = setting_descriptions().get(key, "")
                lines.append(
                    f"{key}: {err['msg'].lower()} (found {err.get('input')!r}); "
                    f"fix it in the config file or {ENV_PREFIX}{key.upper()}" + (f" — {hint}" if hint else "")
                )
        raise ConfigError("bad settings:\n  " + "\n  ".join(lines)) from exc
