# skpgen — two set-up commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench bench-large previews accuracy clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Run skpgen on the bundled examples: validate, lint, score, render (outputs in out/).
demo: $(STAMP)
	@echo "== skpgen validate examples/"
	$(BIN)/skpgen validate examples/
	@echo "== skpgen lint examples/ (draf-lemah.skp.yaml is the deliberately weak draft)"
	-$(BIN)/skpgen lint examples/
	@echo "== skpgen score examples/"
	$(BIN)/skpgen score examples/
	@echo "== skpgen render examples/ -o out/"
	$(BIN)/skpgen render examples/ -o out/
	@echo "== skpgen status examples/"
	-$(BIN)/skpgen status examples/ --today 2025-10-01
	@echo "== skpgen dashboard examples/ -o out/dashboard.xlsx"
	$(BIN)/skpgen dashboard examples/ -o out/dashboard.xlsx --today 2025-10-01
	@echo "== skpgen unit examples/unit-aptika (hierarchy and cascading of the example unit)"
	$(BIN)/skpgen unit examples/unit-aptika
	@echo "== skpgen unit matriks examples/unit-aptika -o out/matriks-peran-hasil.docx (and .xlsx)"
	$(BIN)/skpgen unit matriks examples/unit-aptika -o out/matriks-peran-hasil.docx
	$(BIN)/skpgen unit matriks examples/unit-aptika -o out/matriks-peran-hasil.xlsx
	@echo "== skpgen unit kurva examples/unit-aptika (predikat distribution curve per period)"
	$(BIN)/skpgen unit kurva examples/unit-aptika

test: $(STAMP)
	@# the editor test's yaml-language-server (npm); without node it is skipped outside CI
	-@if command -v npm >/dev/null 2>&1 && [ ! -d tools/editor-test/node_modules ]; then \
	  npm ci --prefix tools/editor-test --no-audit --no-fund --loglevel=error; fi
	$(BIN)/python -m pytest -q

# Every target row is marked ✔/✘; exits non-zero when a target is missed.
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py

# An agency of 100,000 generated plans (in a temporary folder): lint cold and warm, time and memory.
bench-large: $(STAMP)
	$(BIN)/python bench/large.py

previews: $(STAMP)
	$(BIN)/python tools/previews.py

# Lint accuracy on the corpus of real SKP rows: regenerates docs/accuracy.md.
accuracy: $(STAMP)
	$(BIN)/python tools/accuracy.py

clean:
	rm -rf out build dist .pytest_cache
