# Atelier: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench bench-absolute install install-dev migrate demo messages clean

# Runtime dependencies for `make run`; the development tools on top for test and lint.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy atelier
	$(BIN)/python manage.py makemigrations --check --dry-run
	./scripts/check-translations

# Ratios under load on PostgreSQL (BENCH_DATABASE_URL, default atelier_bench on localhost).
bench: install-dev
	$(BIN)/python bench/run.py

bench-absolute: install-dev
	$(BIN)/python bench/absolute.py

# Dutch is the only catalogue: the source strings are English.
messages: install-dev
	$(BIN)/python manage.py makemessages -l nl --ignore=.venv --ignore=bench --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
