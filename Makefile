# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run serve test install migrate demo lint format check clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] >= (3, 11), "Python 3.11 or newer is required"'
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV). On Debian: apt-get install python3-venv"; exit 1; }

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP)

# The Nu HTML Checker and axe-core for the conformance tests (package-lock.json),
# and Java to run the checker. Without them those tests are skipped, or fail on CI.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund; \
	else echo "npm not found: HTML and accessibility checks will be skipped (apt-get install npm)"; fi

validators: node_modules/.package-lock.json
	@command -v java >/dev/null || { [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && apt-get install -y -qq --no-install-recommends default-jre-headless; } \
	  || echo "java not found: the HTML check will be skipped (apt-get install default-jre-headless)"

migrate: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_leaders

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py ensure_admin
	@echo "Newsroom on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production profile: debug off, hashed static files, gunicorn (gunicorn.conf.py).
# Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS; see README "Running in production".
serve: install
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --no-input
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=0 $(BIN)/python manage.py load_leaders
	DJANGO_DEBUG=0 $(BIN)/gunicorn newsroom.wsgi -c gunicorn.conf.py

# One pytest worker per core (pytest-xdist); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto
test: install validators
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules
