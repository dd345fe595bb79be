# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
INBOX ?= seeds
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: run test serve bench lock clean-warehouse test-packages

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"

# The environment is rebuilt whenever the lock file changes. Bytecode is compiled at install
# time: with PYTHONDONTWRITEBYTECODE set (containers) every command would compile Prefect anew.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/uv
	$(BIN)/uv pip sync --quiet --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

run: $(VENV)/.installed
	$(BIN)/consultations ingest $(INBOX)

# Debian packages two test modules use: chromium (the browser test of the Prefect UI) and
# postgresql (the shared-warehouse test). Installed when missing if this runs as root with
# apt-get (CI); otherwise those tests skip and say why.
test-packages:
	@missing=""; command -v chromium >/dev/null || missing="chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	  else echo "not installed:$$missing (apt-get install them as root): the tests that need them will skip"; fi; fi

test: $(VENV)/.installed test-packages
	$(BIN)/ruff format --check --quiet flows tasks warehouse tests bench
	$(BIN)/ruff check --quiet flows tasks warehouse tests bench
	$(BIN)/lint-imports --no-logo --no-cache
	$(BIN)/python -m pytest

# The always-on setup: Prefect server and UI on 127.0.0.1, pool, deployments, a worker.
serve: $(VENV)/.installed
	$(BIN)/consultations serve $(INBOX)

bench: $(VENV)/.installed
	$(BIN)/python -m bench.ingest_benchmark
	$(BIN)/python -m bench.pdf_benchmark

lock: | $(BIN)/uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock --no-header
	sed -i '1i # Locked with: make lock (uv pip compile pyproject.toml --extra dev --python-version 3.11)' requirements.lock

clean-warehouse:
	rm -rf warehouse/data
