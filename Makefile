# The two commands of the README:
#   make serve            set up and serve testdata (or DIR=path/to/project)
#   make test             set up and run every test (what CI runs)

DIR ?= testdata
GO ?= go

.PHONY: serve test setup build

# npm packages used by the test fixtures, from the committed lockfile.
setup: testdata/node_modules/.package-lock.json

testdata/node_modules/.package-lock.json: testdata/package.json testdata/package-lock.json
	npm ci --prefix testdata --no-audit --no-fund

build:
	$(GO) build -o gojaapi ./cmd/gojaapi

serve: setup
	$(GO) run ./cmd/gojaapi start $(DIR)

test: setup
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...
