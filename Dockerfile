# CodeArena's server as an image. It judges in sandbox containers of the host's Docker, reached
# through the mounted socket (see the README: that socket is root on the host).
#   docker build -t codearena .        (offline: --build-arg BASE=codearena-base:bookworm)
#   docker run -d -p 8080:8080 -v /var/run/docker.sock:/var/run/docker.sock -v codearena:/data codearena
ARG BASE=python:3.11-slim-bookworm
FROM ${BASE}
# pandoc converts imported Kattis packages' LaTeX statements (`codearena import`, the upload
# form). The debootstrap base has no Python; the registry's python image has one.
RUN apt-get update \
 && if command -v python3 >/dev/null; then extra=""; else extra="python3 python3-venv ca-certificates"; fi \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends pandoc $extra \
 && rm -rf /var/lib/apt/lists/* \
 && python3 -m venv /venv
WORKDIR /app
COPY pyproject.toml README.md ./
COPY codearena ./codearena
# Wheels prepared on the host (`make server-image` does it) let the build run without reaching
# PyPI; without them pip downloads as usual.
COPY .wheels* ./.wheels/
RUN if ls .wheels/*.whl >/dev/null 2>&1; then \
      /venv/bin/pip install --no-cache-dir --no-index --find-links .wheels setuptools wheel \
      && /venv/bin/pip install --no-cache-dir --no-index --find-links .wheels --no-build-isolation -e .; \
    else \
      /venv/bin/pip install --no-cache-dir -e .; \
    fi \
 && rm -rf .wheels
COPY config.toml ./
COPY sandbox ./sandbox
COPY problems ./problems
COPY web ./web
ENV CODEARENA_HOST=0.0.0.0 \
    CODEARENA_DATABASE_PATH=/data/codearena.db \
    PYTHONUNBUFFERED=1
VOLUME /data
EXPOSE 8080
CMD ["/venv/bin/codearena", "--config", "/app/config.toml", "serve"]
