# pmpath: `make run` starts the service on the embedded SQLite database with
# the seeded catalog; `make test` runs every check and test.

GO          ?= go
BIN         := bin/pmpath
# PostgreSQL server the integration tests create their databases on.
PMPATH_TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
# Seconds each fuzz target runs in `make test`.
FUZZTIME    ?= 10s

NPM         ?= npm
# The web app: its installed packages (npm ci stamps this file) and its build.
WEB_DEPS    := frontend/node_modules/.package-lock.json
WEB_DIST    := frontend/dist/index.html
WEB_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/tsconfig.json

.PHONY: all run build frontend validate test test-slow check vet unit web-test e2e fuzz bench-load clean

all: build

## build: the web app, then the pmpath binary (pure Go, no cgo) in bin/ with it embedded
build: $(WEB_DIST)
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) .

frontend: $(WEB_DIST)

$(WEB_DEPS): frontend/package-lock.json
	cd frontend && $(NPM) ci --no-audit --no-fund

$(WEB_DIST): $(WEB_DEPS) $(WEB_SOURCES)
	cd frontend && $(NPM) run build

## run: build and serve on http://127.0.0.1:8080 with SQLite in ./pmpath.db
run: build
	PMPATH_LOG_FORMAT=$${PMPATH_LOG_FORMAT:-text} ./$(BIN) serve

## test: formatting, vet, every Go test on SQLite and PostgreSQL, the
## fault-tolerance suite on the real binary, the web app's unit tests, the
## end-to-end suite in headless Chromium, fuzz briefly
test: check unit test-slow web-test e2e fuzz

check: $(WEB_DEPS)
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags slow ./systemtest
	$(GO) mod verify
	$(GO) tool staticcheck -tags slow ./...
	$(GO) test -count=1 ./internal/archtest
	cd frontend && $(NPM) run --silent api:check
	cd frontend && $(NPM) run --silent api:lint

unit:
	PMPATH_TEST_POSTGRES_URL='$(PMPATH_TEST_POSTGRES_URL)' $(GO) test -race -count=1 ./...

## test-slow: the fault-tolerance suite on the real binary: SIGKILL under
## load, SIGTERM drain, database outages, two processes on one database
test-slow:
	PMPATH_TEST_POSTGRES_URL='$(PMPATH_TEST_POSTGRES_URL)' $(GO) test -race -tags slow -count=1 -timeout 10m ./systemtest

web-test: $(WEB_DEPS)
	cd frontend && $(NPM) run typecheck && $(NPM) test

## e2e: the real binary on a fresh SQLite file, driven by Chromium
e2e: build
	cd frontend && PMPATH_BIN=$(CURDIR)/$(BIN) $(NPM) run e2e

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeJSON$$' -fuzztime $(FUZZTIME) ./api
	$(GO) test -run '^$$' -fuzz '^FuzzParseAnswers$$' -fuzztime $(FUZZTIME) ./internal/questionnaire
	$(GO) test -run '^$$' -fuzz '^FuzzScore$$' -fuzztime $(FUZZTIME) ./internal/scoring
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./internal/password

## validate: the questionnaire's validation harness: simulated respondents
## answer every version; prints the figures (docs/validity.md) and fails when
## the newest version misses a target
validate:
	$(GO) run ./cmd/validate

# Flags for cmd/loadbench (docs/performance.md); LOADBENCH_FLAGS=-quick for a smoke run.
LOADBENCH_FLAGS ?= -keep

## bench-load: pmpath under load against references taken in the same run
## (catalog vs bare net/http, submissions vs pgbench, advisor listing at 10k
## and 1M results, peak memory); prints a markdown report
bench-load:
	PMPATH_TEST_POSTGRES_URL='$(PMPATH_TEST_POSTGRES_URL)' $(GO) run ./cmd/loadbench $(LOADBENCH_FLAGS)

clean:
	rm -rf bin pmpath.db pmpath.db-wal pmpath.db-shm frontend/node_modules frontend/e2e/artifacts
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete
