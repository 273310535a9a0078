# vanthu: make demo (install, build, run the main job) and make test (install, build, test).
SHELL := /bin/bash
SWIFT ?= swift
DEMO_DIR ?= demo
APT_PACKAGES := libxlsxwriter-dev curl libsqlite3-dev sqlite3 zlib1g-dev pkg-config unzip python3-venv groff-base binutils libpango1.0-dev libcairo2-dev fonts-liberation2 poppler-utils libpoppler-glib-dev libtesseract-dev tesseract-ocr-vie libssl-dev libxml2

.PHONY: all deps test-deps build release install uninstall deb test stress lint format demo bench fuzz man clean

all: build

## Install the C libraries when they are missing (Debian/Ubuntu; needs root or sudo).
deps:
	@if pkg-config --exists xlsxwriter sqlite3 zlib pangocairo poppler-glib tesseract libcrypto 2>/dev/null && [ -d /usr/share/fonts/truetype/liberation2 ] && ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata >/dev/null 2>&1 && command -v pdftotext >/dev/null && command -v unzip >/dev/null && command -v sqlite3 >/dev/null && command -v groff >/dev/null && command -v readelf >/dev/null && command -v curl >/dev/null; then exit 0; fi; \
	echo "Installing $(APT_PACKAGES)…"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	else echo "Please install as root: apt-get install -y $(APT_PACKAGES)" >&2; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES)

build: deps
	$(SWIFT) build

## The release binary, the Swift runtime linked in (it runs where no toolchain is installed).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product vanthu
	$(SWIFT) build -c release --static-swift-stdlib --product VanThuBench

RELEASE_BIN = $$($(SWIFT) build -c release --show-bin-path)/vanthu
PREFIX ?= /usr/local
DESTDIR ?=

## make install PREFIX=/usr/local DESTDIR=: the binary, the manual pages (vi, en), bash/zsh/fish completions.
install: release
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" BIN="$(RELEASE_BIN)" bash scripts/install.sh

uninstall:
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh uninstall

## make deb: vanthu_VERSION_ARCH.deb in the current folder.
deb: release
	@BIN="$(RELEASE_BIN)" OUT=. bash scripts/deb.sh

## The test virtualenv: openpyxl (the independent XLSX reader), and what makes and checks the
## electronic documents: reportlab, python-docx, img2pdf, pikepdf, pyHanko (scripts/requirements-test.txt).
VENV := .venv
$(VENV)/.installed: scripts/requirements-test.txt
	@{ [ -x $(VENV)/bin/python ] || python3 -m venv $(VENV); } && $(VENV)/bin/pip install -q -r scripts/requirements-test.txt && touch $@ \
	  || { echo "the test packages could not be installed: the checks that need them will be skipped" >&2; rm -rf $(VENV); }
$(VENV)/bin/python: $(VENV)/.installed

## LibreOffice, the independent reader that prints the workbooks in the tests, and Chromium with
## its driver, the browser of the web tests (large: only for make test).
test-deps:
	@command -v soffice >/dev/null && command -v chromium >/dev/null && command -v chromedriver >/dev/null && exit 0; \
	echo "Installing libreoffice-calc-nogui chromium chromium-driver (the tests print workbooks and drive the web pages with them)…"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	else echo "Please install as root: apt-get install -y libreoffice-calc-nogui chromium chromium-driver" >&2; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui chromium chromium-driver

test: deps test-deps $(VENV)/bin/python release
	@bash scripts/check-boundaries.sh
	@bash scripts/check-c-shims.sh
	$(SWIFT) build --build-tests
	VANTHU_RELEASE_BIN="$(RELEASE_BIN)" VANTHU_PYTHON="$$( [ -x $(VENV)/bin/python ] && echo $(CURDIR)/$(VENV)/bin/python )" $(SWIFT) test --skip-build

## The stress tests at full size (8 × 250 concurrent clerks, 20 kills, 10 MB texts, 50,000-row imports).
stress: deps $(VENV)/bin/python
	$(SWIFT) build --build-tests
	VANTHU_STRESS=1 VANTHU_PYTHON="$$( [ -x $(VENV)/bin/python ] && echo $(CURDIR)/$(VENV)/bin/python )" $(SWIFT) test --skip-build

## The tree as .swift-format lays it out: `make format` applies it, `make lint` (CI) checks it.
SWIFT_SOURCES := Package.swift Sources Tests bench fuzz
format:
	$(SWIFT) format format --in-place --parallel --recursive $(SWIFT_SOURCES)

lint:
	$(SWIFT) format lint --strict --parallel --recursive $(SWIFT_SOURCES)

demo: build
	@bash scripts/demo.sh "$$($(SWIFT) build --show-bin-path)/vanthu" "$(DEMO_DIR)"

bench: release
	@bash bench/run.sh "$$($(SWIFT) build -c release --show-bin-path)"

## Every parser of clerk input under libFuzzer, FUZZ_SECONDS each (default 60); findings in fuzz/findings/.
fuzz: deps
	@bash fuzz/run.sh

## Regenerate man/vanthu.1 from the command definitions.
man: build
	@bash scripts/man.sh

clean:
	rm -rf .build "$(DEMO_DIR)"
