# The two commands a newcomer needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Where the kernel goes: the conda environment when one is active, else the user's Jupyter dir
# (JUPYTER_DATA_DIR, when set, wins with --user).
INSTALL_FLAGS ?= $(if $(CONDA_PREFIX),--sys-prefix,--user)
# The python that has Jupyter (written by `make setup`).
PY = $$(cat build/jupyter-python)

.PHONY: help setup build test run lab bench handouts uninstall clean

help:
	@echo "make run       set up if needed, execute every notebook, render the site into build/site/"
	@echo "make test      set up if needed, then run all tests"
	@echo "make lab       open the notebooks in JupyterLab (or the classic notebook)"
	@echo "make bench     benchmarks, each beside its reference, as ratios"
	@echo "make handouts  student and instructor editions, and an offline bundle, in build/handouts/"
	@echo "make setup | build | uninstall | clean"

## setup: prerequisites (apt when root), build lib/ and the kernel, install the `java` kernelspec
setup:
	@mkdir -p build
	kernel-setup/prereqs.sh | tail -n 1 > build/jupyter-python
	PYPORT_JUPYTER_PYTHON=$(PY) kernel-setup/install.sh $(INSTALL_FLAGS)

build:
	mvn -B -q package -DskipTests

test: setup
	tools/test_all.sh

run: setup
	@status=0; $(PY) tools/run_notebooks.py --out build/executed || status=$$?; \
	$(PY) tools/render_site.py build/executed build/site || status=$$?; \
	echo; echo "Rendered site: build/site/index.html"; \
	echo "Explore the notebooks:  make lab   (JupyterLab or the classic notebook on http://127.0.0.1:8888)"; \
	exit $$status

lab: setup
	cd notebooks && if $(PY) -c 'import jupyterlab' 2>/dev/null; then \
	  $(PY) -m jupyterlab --ip=127.0.0.1; else $(PY) -m notebook --ip=127.0.0.1; fi

bench: setup
	tools/bench_all.sh

handouts: setup
	$(PY) tools/handouts.py build/handouts

uninstall:
	kernel-setup/uninstall.sh $(INSTALL_FLAGS)

clean:
	mvn -B -q clean
	rm -rf build
