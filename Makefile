# Two commands do all the set-up on a fresh machine:
#   make run   — launches the app on the bundled example data
#   make test  — installs everything (chromium included) and runs the whole suite
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test venv lint bench clean messages

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

venv: $(VENV)/.installed

run: venv
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --browser.gatherUsageStats false

test: venv
	bash .ci/install-chromium.sh
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

lint: venv
	$(VENV)/bin/ruff check .

bench: venv
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info

messages: venv
	$(PY) tools/messages.py
