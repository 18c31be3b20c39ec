SHELL := /bin/bash
# The two commands of the README:
#   make book   build the whole book from scratch, executing every notebook
#   make test   run the whole test suite (unit tests, nbval over every
#               notebook, the book build check and the browser tests)
# Both create .venv from python3 and install the pinned versions first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements/lock.txt
STAMP  := $(VENV)/.installed
JOBS   ?= 2
# where `make student` writes the student edition
STUDENT_OUT ?= _build/student

.PHONY: book test lint install notebooks figures bench lock clean browser-deps help student

help:
	@echo "make book    - build the book from scratch (executes every notebook)"
	@echo "make test    - run every test (pytest, nbval, book build, browser)"
	@echo "make figures - write Figures 1-3 to figures/"
	@echo "make lint    - ruff over the package, tests, benchmarks and scripts"
	@echo "make bench   - time the region maps (pure and full scope), the explorer and the in-page explorer"
	@echo "make notebooks - re-execute notebooks in place (refresh stored outputs)"
	@echo "make student - the student edition (no solutions) in \$$(STUDENT_OUT), default _build/student"

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e ".[all]"
	touch $(STAMP)

install: $(STAMP)

book: $(STAMP)
	rm -rf _build
	set -eo pipefail; $(BIN)/jupyter-book build . --all -W --keep-going 2>&1 | tee .book-build.log
	@echo "Book built: _build/html/index.html"

browser-deps:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check trustgame tests benchmarks scripts book/_ext

test: $(STAMP) browser-deps lint
	$(BIN)/python -m pytest -n $(JOBS) --dist loadscope --durations=15 tests \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg book

figures: $(STAMP)
	$(BIN)/trustgame figures --out figures

bench: $(STAMP) browser-deps
	$(BIN)/python benchmarks/bench_maps.py
	$(BIN)/python benchmarks/bench_full_scope.py
	$(BIN)/python benchmarks/bench_explorer.py
	$(BIN)/python benchmarks/bench_live_explorer.py

notebooks: $(STAMP)
	$(BIN)/python scripts/run_notebooks.py

# one notebook per chapter without solutions, an empty answer cell after each
# exercise (scripts/make_student.py; tests/book/test_student.py checks them)
student: $(STAMP)
	$(BIN)/python scripts/make_student.py --out $(STUDENT_OUT)

lock:
	rm -rf /tmp/trustgame-lock && $(PYTHON) -m venv /tmp/trustgame-lock
	/tmp/trustgame-lock/bin/pip install -q -e ".[all]"
	{ head -3 $(LOCK); /tmp/trustgame-lock/bin/pip freeze --exclude-editable | grep -v '^trustgame'; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)

clean:
	rm -rf _build .pytest_cache .hypothesis figures
