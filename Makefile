# accord — common tasks. Everything needs only Go; `make test` is what CI runs.
GO ?= go

.PHONY: all build test race check lint fmt vet serve site fuzz bench clean

all: check test

build:
	$(GO) build -o bin/accord ./cmd/accord

# The tests: unit, golden, CLI scripts and the build of the shipped handbook.
test: vet
	$(GO) test -race -count=1 ./...

# Static checks: formatting, vet, and the shipped handbook itself.
check: fmt vet
	$(GO) run ./cmd/accord check content

# What CI checks besides the tests: formatting, vet, staticcheck, and a
# go.mod that go mod tidy would leave as it is. staticcheck:
# go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
STATICCHECK ?= staticcheck
lint: fmt vet
	$(GO) mod tidy -diff
	$(STATICCHECK) ./...

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

serve:
	$(GO) run ./cmd/accord serve content

site:
	$(GO) run ./cmd/accord build content -o public

# Each fuzz target for a bounded time (FUZZTIME=30s by default).
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin public
