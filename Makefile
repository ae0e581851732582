# Vigie — common tasks. `make test` is what CI runs (through .ci/run).
# The seed corpus and schema live beside the repository, in ../shared.

CARGO ?= cargo

.PHONY: all build demo test lint fmt

all: build

build:
	$(CARGO) build --workspace

# Build the release binary and run the demo: ingests the bundled sample corpus into
# ./vigie-demo.db (recreated), prints the incidents and serves the map on 127.0.0.1:8080.
demo:
	$(CARGO) build --release -p vigie-cli
	./target/release/vigie demo

# The full test suite.
test:
	$(CARGO) test --workspace --no-fail-fast
	$(CARGO) build -p vigie-cli
	bash web/tests/run-e2e.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all
