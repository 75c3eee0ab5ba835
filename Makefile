# pmpath: `make run` starts the service on the embedded SQLite database with
# the seeded catalog; `make test` runs every check and test.

GO          ?= go
BIN         := bin/pmpath
# PostgreSQL server the integration tests create their databases on.
PMPATH_TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
# Seconds each fuzz target runs in `make test`.
FUZZTIME    ?= 10s

.PHONY: all run build test check vet unit fuzz clean

all: build

## build: the pmpath binary, pure Go (no cgo), in bin/
build:
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) .

## run: build and serve on http://127.0.0.1:8080 with SQLite in ./pmpath.db
run: build
	PMPATH_LOG_FORMAT=$${PMPATH_LOG_FORMAT:-text} ./$(BIN) serve

## test: formatting, vet, every test on SQLite and PostgreSQL, fuzz briefly
test: check unit fuzz

check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) mod verify

unit:
	PMPATH_TEST_POSTGRES_URL='$(PMPATH_TEST_POSTGRES_URL)' $(GO) test -race -count=1 ./...

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeJSON$$' -fuzztime $(FUZZTIME) ./api
	$(GO) test -run '^$$' -fuzz '^FuzzParseAnswers$$' -fuzztime $(FUZZTIME) ./internal/questionnaire
	$(GO) test -run '^$$' -fuzz '^FuzzScore$$' -fuzztime $(FUZZTIME) ./internal/scoring
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./internal/password

clean:
	rm -rf bin pmpath.db pmpath.db-wal pmpath.db-shm
