# Vigie — common tasks. `make test` is what CI runs (through .ci/run).
# The seed corpus and schema live beside the repository, in ../shared.

CARGO ?= cargo

.PHONY: all build demo test test-postgres lint fmt

all: build

build:
	$(CARGO) build --workspace

# Build the release binary and run the demo: ingests the bundled sample corpus into
# ./vigie-demo.db (recreated), prints the incidents and serves the map on 127.0.0.1:8080.
demo:
	$(CARGO) build --release -p vigie-cli
	./target/release/vigie demo

# The full test suite. The store tests and the PostgreSQL CLI tests run a second time against a
# throwaway PostgreSQL cluster on loopback (scripts/with_postgres.sh; skipped with a warning
# when PostgreSQL is not installed, an error under CI).
test:
	$(CARGO) test --workspace --no-fail-fast
	CARGO=$(CARGO) bash scripts/with_postgres.sh bash scripts/test_postgres.sh
	$(CARGO) build -p vigie-cli
	bash web/tests/run-e2e.sh

# The store tests against PostgreSQL only.
test-postgres:
	CARGO=$(CARGO) bash scripts/with_postgres.sh bash scripts/test_postgres.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all
