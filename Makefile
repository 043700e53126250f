# The two commands a newcomer needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Where the kernel goes: into the environment of the python that runs Jupyter (build/venv, or the active
# conda env). INSTALL_FLAGS=--user puts it in the user's Jupyter dir instead (JUPYTER_DATA_DIR, when set,
# wins), where any other Jupyter of that user finds it too.
INSTALL_FLAGS ?= --sys-prefix
# The python that has Jupyter (written by `make setup`).
PY = $$(cat build/jupyter-python)

.PHONY: help setup test-setup build test run pdf lab bench handouts uninstall clean

help:
	@echo "make run       set up if needed, execute every notebook, render the site into build/site/ and the book build/pyport.pdf"
	@echo "make test      set up if needed, then run all tests"
	@echo "make lab       open the notebooks in JupyterLab"
	@echo "make bench     benchmarks, each beside its reference, as ratios"
	@echo "make pdf       the book build/pyport.pdf from the notebooks executed by the last make run"
	@echo "make handouts  student and instructor editions, and an offline bundle, in build/handouts/"
	@echo "make setup | build | uninstall | clean"

## setup: prerequisites (apt when root), the pinned Jupyter in build/venv, build lib/ and the kernel,
## install the `java` kernelspec
setup:
	@mkdir -p build
	kernel-setup/prereqs.sh | tail -n 1 > build/jupyter-python
	PYPORT_JUPYTER_PYTHON=$(PY) kernel-setup/install.sh $(INSTALL_FLAGS)

build:
	mvn -B -q package -DskipTests

## test-setup: what the tests need beyond setup (Chromium, Node, CJK fonts, poppler, playwright-core)
test-setup:
	tools/test_prereqs.sh

test: setup test-setup
	tools/test_all.sh

## run: execute the notebooks, render the site (build/site/) and print the book (build/pyport.pdf, with
## Debian's Chromium: test-setup installs it)
run: setup test-setup
	@status=0; $(PY) tools/run_notebooks.py --out build/executed || status=$$?; \
	$(PY) tools/render_site.py build/executed build/site || status=$$?; \
	$(PY) tools/make_pdf.py build/site build/pyport.pdf || status=$$?; \
	echo; echo "Rendered site: build/site/index.html"; \
	echo "The book:      build/pyport.pdf"; \
	echo "Explore the notebooks:  make lab   (JupyterLab on http://127.0.0.1:8888)"; \
	exit $$status

## pdf: the book, from the notebooks of the last `make run` (build/executed)
pdf: setup test-setup
	@[ -d build/executed ] || { echo "make pdf: no executed notebooks in build/executed: make run first"; exit 1; }
	$(PY) tools/render_site.py build/executed build/site
	$(PY) tools/make_pdf.py build/site build/pyport.pdf

lab: setup
	cd notebooks && $(PY) -m jupyterlab --ip=127.0.0.1

bench: setup
	tools/bench_all.sh

handouts: setup
	$(PY) tools/handouts.py build/handouts

uninstall:
	PYPORT_JUPYTER_PYTHON=$$(cat build/jupyter-python 2>/dev/null || true) kernel-setup/uninstall.sh $(INSTALL_FLAGS)

clean:
	mvn -B -q clean
	rm -rf build
