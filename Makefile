# The two commands of the README:
#   make serve            set up and serve testdata (or DIR=path/to/project)
#   make test             set up and run every test (what CI runs)

DIR ?= testdata
GO ?= go

.PHONY: serve test setup build difftest fuzz bench bench-go lint deploytest deploylint soak

# npm packages used by the test fixtures, and next@16.4.6 for the
# differential test, from the committed lockfiles.
FIXTURES = testdata testdata/nextapp testdata/pkgs-node testdata/pkgs-web testdata/typescript
setup: $(addsuffix /node_modules/.package-lock.json,$(FIXTURES))

%/node_modules/.package-lock.json: %/package.json %/package-lock.json
	npm ci --prefix $* --no-audit --no-fund


build:
	$(GO) build -o gojaapi ./cmd/gojaapi

serve: testdata/node_modules/.package-lock.json
	$(GO) run ./cmd/gojaapi start $(DIR)

test: setup lint
	$(GO) test -race -count=1 ./...
	$(MAKE) deploytest

# go vet and staticcheck (fetched from the module proxy at a pinned version).
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# Deployment files (Dockerfile, Kubernetes, nginx) and the scale-out test
# (installs nginx from Debian's packages if missing). deploy/ is its own module.
deploytest:
	cd deploy && $(GO) vet ./... && $(GO) test -count=1 ./...

deploylint:
	deploy/lint.sh

# The differential test alone: the same requests to next start and gojaapi.
difftest: setup
	$(GO) test -count=1 -v -run TestDifferential ./difftest/

# Each fuzz target for a while (FUZZTIME=30s by default).
FUZZTIME ?= 30s
fuzz:
	for t in FuzzParseQuery FuzzParseSearchParams FuzzParseCookies FuzzParseContentType FuzzParseBytes FuzzETag FuzzDecodeBody FuzzStringify; do \
		$(GO) test ./bindings/ -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) || exit 1; done
	$(GO) test ./loader/ -run '^$$' -fuzz '^FuzzRouter$$' -fuzztime $(FUZZTIME)
	$(GO) test ./compat/ -run '^$$' -fuzz '^FuzzJSONParse$$' -fuzztime $(FUZZTIME)

# The benchmark suite: gojaapi, next start and raw Go side by side on loopback;
# the table goes to bench/results/<date>.md (see bench/run.sh for settings).
bench:
	bash bench/run.sh

# Go benchmarks of the per-request path, with allocations.
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./engine/ ./bindings/

# The soak test: 1,000,000 mixed requests on loopback (SOAK_REQUESTS=n to
# change), then goroutines and heap compared with their baseline.
soak: setup
	$(GO) test -tags soak -count=1 -v -timeout 60m -run TestSoak .
