# The Academy portal. `make run` serves the demo; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links built outside a request (emails, QR codes, credentials) point at the port served.
SITE = SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}"
PASSWORD ?=
# make backup / make restore: where backups go, and the directories kept beside the database.
BACKUP_DIR ?= backups
VAR_DIR ?= var
MEDIA_DIR ?= $(or $(MEDIA_ROOT),media)
# pg_dump's custom format; restored into a fresh database with the same options the test uses.
PG_DUMP = pg_dump --format=custom --no-owner --no-privileges
PG_RESTORE = pg_restore --no-owner --no-privileges --exit-on-error --single-transaction
# The search's planner hint from catalogue/migrations/0011: it lives in pg_catalog, which
# no dump holds, so a restore sets it again (as the migration did, only where allowed).
SEARCH_COST = ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) COST 1000

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast lint format worker messages collectstatic backup restore clean

help:  ## Show the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements-dev.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: browser tests will skip (axe-core missing)"; fi

install: $(BIN)/.installed  ## Create .venv and install the locked dependencies

run: install  ## Install, migrate, load the demo and serve on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --noinput
	$(SITE) $(BIN)/python manage.py seed_demo $(if $(PASSWORD),--password "$(PASSWORD)")
	$(SITE) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install node_modules/axe-core/axe.min.js  ## Run the whole test suite (DATABASE_URL if set, else SQLite)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install  ## The suite without the browser (tests/e2e) and real-worker tests
	$(BIN)/python -m pytest --ignore=tests/e2e -m "not e2e and not celery_worker" $(PYTEST_ARGS)

lint: install  ## ruff check, format check, and the layers (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install  ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install  ## A Celery worker for every queue, with beat (needs CELERY_BROKER_URL)
	@test -n "$$CELERY_BROKER_URL" || { echo "Set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0); without it tasks run eagerly in the web process."; exit 1; }
	mkdir -p var
	$(BIN)/celery -A config worker --beat --schedule var/celerybeat-schedule --loglevel=info

messages: install  ## Extract and compile the Dutch translations (needs gettext)
	$(BIN)/python manage.py makemessages --locale nl --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

collectstatic: install  ## Collect static files for production (hashed and compressed)
	$(BIN)/python manage.py collectstatic --noinput

backup:  ## Dump DATABASE_URL (PostgreSQL) and archive var/ and media/ into BACKUP_DIR
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; \
	  *) echo "Set DATABASE_URL to the PostgreSQL database to back up (postgres://...)"; exit 1;; esac
	@mkdir -p "$(BACKUP_DIR)"
	@stamp=$$(date -u +%Y%m%dT%H%M%SZ); \
	dump="$(BACKUP_DIR)/academy-$$stamp.dump"; files="$(BACKUP_DIR)/files-$$stamp.tar.gz"; \
	$(PG_DUMP) --dbname="$$DATABASE_URL" --file="$$dump.partial" && mv "$$dump.partial" "$$dump" && \
	dirs=""; for d in "$(VAR_DIR)" "$(MEDIA_DIR)"; do [ -d "$$d" ] && dirs="$$dirs $$d"; done; \
	tar --create --gzip --absolute-names --file="$$files" --exclude=staticfiles \
	  --exclude='academy.sqlite3*' --exclude="$(notdir $(BACKUP_DIR))" $$dirs && \
	echo "database: $$dump" && echo "files:    $$files"

restore:  ## Restore DUMP=... into DATABASE_URL (a fresh, empty database) and FILES=... into var/ and media/
	@test -n "$(DUMP)" || { echo "Name the dump: make restore DUMP=$(BACKUP_DIR)/academy-<stamp>.dump [FILES=$(BACKUP_DIR)/files-<stamp>.tar.gz]"; exit 1; }
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; \
	  *) echo "Set DATABASE_URL to the fresh PostgreSQL database to restore into (postgres://...)"; exit 1;; esac
	$(PG_RESTORE) --dbname="$$DATABASE_URL" "$(DUMP)"
	@psql --no-psqlrc --quiet --dbname="$$DATABASE_URL" --command="$(SEARCH_COST)" 2>/dev/null \
	  || echo "note: could not set ts_match_vq's cost (needs its owner); searches still work, common words slower"
	$(if $(FILES),tar --extract --gzip --absolute-names --file="$(FILES)")
	@echo "restored; now run the migrations of the code you deploy (compose: its migrate service)"

clean:  ## Remove the virtualenv, node_modules and local data under var/
	rm -rf $(VENV) node_modules var
