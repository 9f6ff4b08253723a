# Atelier: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Served on every interface, the site names itself by this machine's loopback address.
SITE_HOST := $(if $(filter 0.0.0.0 :: [::],$(HOST)),127.0.0.1,$(HOST))
# Links in mails, certificates and their QR codes point at the server make runs.
SITE_URL ?= http://$(SITE_HOST):$(PORT)
# Django answers only the host names it is told; on every interface, any name.
ALLOWED_HOSTS ?= $(if $(filter 0.0.0.0 :: [::],$(HOST)),*,$(HOST),127.0.0.1,localhost,[::1])
SERVE_ENV = SITE_URL=$(SITE_URL) ALLOWED_HOSTS='$(ALLOWED_HOSTS)'

.PHONY: run dev test lint bench bench-absolute install install-dev migrate demo static \
	system-packages messages clean

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

# Debian packages (Pango and HarfBuzz to serve; Chromium, LibreOffice and gettext to test):
# installed with apt when missing and run as root, otherwise the exact command is printed.
system-packages:
	./scripts/system-packages run

# The demo as visitors see it: debug off (the product's own error pages), static files
# collected and served by WhiteNoise. Staff sign in without a second factor, as in the demo.
run: system-packages demo static
	DEBUG=false REQUIRE_STAFF_MFA=$${REQUIRE_STAFF_MFA:-false} $(SERVE_ENV) \
		$(BIN)/python manage.py runserver --noreload $(HOST):$(PORT)

# The debugging server: Django's technical error pages and reloading on every change.
dev: system-packages demo
	DEBUG=true $(SERVE_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Collected (hashed and compressed) again only when a static file changed.
STATIC_SOURCES := $(shell find atelier -path '*/static/*' -type f 2>/dev/null)
static: staticfiles/staticfiles.json
staticfiles/staticfiles.json: $(VENV)/.installed $(STATIC_SOURCES)
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	touch $@

test: install-dev
	./scripts/system-packages test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy atelier
	$(BIN)/python manage.py makemigrations --check --dry-run
	./scripts/check-translations

# Ratios under load on PostgreSQL (BENCH_DATABASE_URL, default atelier_bench on localhost).
bench: install-dev
	./scripts/system-packages bench
	$(BIN)/python bench/run.py

bench-absolute: install-dev
	$(BIN)/python bench/absolute.py

# Dutch is the only catalogue: the source strings are English.
messages: install-dev
	$(BIN)/python manage.py makemessages -l nl --ignore=.venv --ignore=bench --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
