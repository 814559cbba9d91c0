# The two commands of the README, and the steps they are made of. Every step is idempotent:
# a second run finds everything in place and takes seconds.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha256sum pyproject.toml 2>/dev/null | cut -c1-12)
# The sandbox image tier config.toml chooses (core or full); the tests use the full tier.
TIER   := $(or $(shell sed -n 's/^sandbox_tier *= *"\([a-z]*\)".*/\1/p' config.toml 2>/dev/null),full)

.PHONY: run test check setup venv docker image test-image server-image browser pandoc lint pytest bench clean

run: setup  ## start CodeArena with the bundled problems on http://127.0.0.1:8080/
	$(BIN)/codearena --config config.toml serve

test: setup test-image browser pandoc lint pytest  ## everything CI runs

check: lint  ## the fast tier: lint, types and every test that needs neither Docker nor a browser
	$(BIN)/pytest -m "not docker and not browser"

setup: venv docker image

venv: $(STAMP)
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

docker:
	sandbox/ensure-docker.sh

image: docker  ## the sandbox image of config.toml's sandbox_tier
	sandbox/build-image.sh $(TIER) >/dev/null

test-image: docker  ## the full tier's sandbox image, which the tests judge in
	sandbox/build-image.sh full >/dev/null

server-image: setup  ## the server itself as an image (see the README)
	sandbox/build-server-image.sh codearena-server:latest

browser:  ## Debian's chromium, which the browser tests (tests/test_e2e.py) drive
	@if [ ! -x /usr/bin/chromium ]; then \
	    if [ "$$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then \
	        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	    else \
	        echo "chromium is missing: install Debian's chromium package for tests/test_e2e.py" >&2; \
	    fi; \
	fi

pandoc:  ## Debian's pandoc, which converts Kattis packages' LaTeX statements (codearena import)
	@if ! command -v pandoc >/dev/null; then \
	    if [ "$$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then \
	        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q pandoc; \
	    else \
	        echo "pandoc is missing: install Debian's pandoc package to import LaTeX statements" >&2; \
	    fi; \
	fi

lint: venv
	$(BIN)/ruff check codearena tests bench sandbox
	$(BIN)/ruff format --check codearena tests bench sandbox
	$(BIN)/mypy

pytest: venv
	$(BIN)/pytest --durations=20

bench: setup
	$(BIN)/python bench/judge_latency.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
