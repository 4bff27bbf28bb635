# budget-lint: build, serve and test.
#   make serve   install missing tools, build the release wasm into www/pkg, serve www/ on :8080
#   make web     the release web build alone (prints the .wasm size against the budget)
#   make test    everything CI runs (.ci/run): fmt, clippy, native tests, wasm tests in
#                node and headless Chromium, release build, page tests in Chromium
#   make dist    dist/budget-lint.html: one self-contained file that works opened from disk
#   make bench   criterion benchmarks (native);  make types  regenerate schema/report.d.ts
# Tools live in $(TOOLS) (default ~/.cache/budget-lint), installed once by
# scripts/install-tools.sh; how the web build is made is in wasm-pack.toml.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

TOOLS ?= $(or $(BUDGET_LINT_TOOLS),$(HOME)/.cache/budget-lint)
export BUDGET_LINT_TOOLS := $(TOOLS)
# The cached tools first: the exact wasm-bindgen, npm binaryen's wasm-opt.
export PATH := $(TOOLS)/bin:$(TOOLS)/binaryen/node_modules/.bin:$(PATH)

HOST ?= 127.0.0.1
PORT ?= 8080
WASM_TARGET := wasm32-unknown-unknown
# Runs the wasm test binaries: node for tests/wasm_node.rs, headless Chromium
# through chromedriver for tests/wasm_browser.rs (run_in_browser).
WASM_RUNNER := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

.PHONY: help tools tools-test web serve dist test lint test-native test-wasm test-page bench types clean

help:
	@sed -n '2,7p' Makefile | sed 's/^# *//'

tools:
	scripts/install-tools.sh web

tools-test:
	scripts/install-tools.sh test

web: tools
	scripts/build-web.sh

dist: web
	scripts/build-dist.sh --no-web

serve: web
	@echo "budget-lint: http://$(HOST):$(PORT)/  (Ctrl-C stops)"
	python3 -m http.server $(PORT) --bind $(HOST) --directory www

test: tools-test
	@t0=$$(date +%s); \
	step() { local s=$$(date +%s); echo "==> $$*"; "$$@"; echo "<== $$* ($$(( $$(date +%s) - s )) s)"; }; \
	step $(MAKE) --no-print-directory lint; \
	step $(MAKE) --no-print-directory test-native; \
	step $(MAKE) --no-print-directory test-wasm; \
	step scripts/build-web.sh; \
	step scripts/build-dist.sh --no-web; \
	step $(MAKE) --no-print-directory test-page; \
	echo "make test: all passed in $$(( $$(date +%s) - t0 )) s"

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	# src/front/wasm.rs and the wasm tests exist only for wasm32: lint them there.
	cargo clippy --target $(WASM_TARGET) --lib --test wasm_node --test wasm_browser -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --test wasm_node --test wasm_browser --features web-xlsx -- -D warnings
	# The core web module: the library without std (Cargo.toml, feature std).
	cargo clippy --target $(WASM_TARGET) --lib --no-default-features -- -D warnings
	# The same with the rebuild readers (www/pkg-rebuild, loaded when a text needs them).
	cargo clippy --target $(WASM_TARGET) --lib --no-default-features --features web-rebuild -- -D warnings
	# The PDF module: the geometry, and the PDF reader for the ruling lines.
	cargo clippy --target $(WASM_TARGET) --lib --no-default-features --features web-pdf -- -D warnings
	# schema/report.d.ts must be what the JSON Schema generates.
	if [ -f scripts/typegen/gen.mjs ]; then node scripts/typegen/gen.mjs --check; fi

test-native:
	cargo test

# Not `wasm-pack test`: it always builds every test target (--tests) for
# wasm32, including native-only ones (proptest, jsonschema, the CLI tests).
# This is what it runs underneath, for the two wasm test files only.
test-wasm:
	$(WASM_RUNNER) cargo test --target $(WASM_TARGET) --test wasm_node
	$(WASM_RUNNER) cargo test --target $(WASM_TARGET) --test wasm_node --features web-xlsx
	$(WASM_RUNNER) CHROMEDRIVER="$$(command -v chromedriver)" \
	  cargo test --target $(WASM_TARGET) --test wasm_browser

# Page tests against the release build already in www/pkg (make web).
test-page:
	node --test tests/web/

bench:
	cargo bench

# Regenerates schema/report.d.ts from schema/report.schema.json.
types:
	cd scripts/typegen && npm ci --no-audit --no-fund >/dev/null && node gen.mjs

clean:
	rm -rf www/pkg www/pkg-rebuild www/pkg-xlsx www/pkg-pdf www/pkg-office www/vendor dist target/screenshots
