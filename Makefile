# amlvnet's commands. `make preview` and `make test` build what they need.

PULUMI_VERSION := v3.274.1
STATICCHECK_VERSION := v0.8.2
STACK ?= dev
FUZZTIME ?= 10s

.PHONY: tools preview preview-json preview-all test test-unit test-engine fuzz bench

# The Pulumi CLI the offline preview and the engine tests drive: an installed
# `pulumi` on PATH at a version they support (tools/pulumi-cli says which),
# else the one pinned in tools/go.mod, built once into bin/pulumi.
tools:
	@if cli=$$(sh tools/pulumi-cli); then echo "Pulumi CLI: $$cli, installed: bin/pulumi is not built"; else $(MAKE) --no-print-directory bin/pulumi; fi

bin/pulumi:
	mkdir -p bin
	cd tools && go build -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$(PULUMI_VERSION)" -o ../bin/pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi

# The main job: an offline preview of a stack (STACK=dev by default).
preview: tools
	go run ./cmd/preview-offline -config stacks/Pulumi.$(STACK).yaml

preview-json: tools
	go run ./cmd/preview-offline -config stacks/Pulumi.$(STACK).yaml -json

preview-all: tools
	@for f in stacks/Pulumi.*.yaml; do echo "== $$f"; go run ./cmd/preview-offline -config $$f || exit 1; done

# Every check, fastest first: what needs no Pulumi CLI (test-unit), then the
# engine end-to-end tests (test-engine). A broken component fails in seconds,
# before the CLI is looked for or built. `make -j2 test` builds the CLI while
# test-unit runs.
test: test-unit test-engine

# gofmt, the unit and mock tests (every test but the engine's), go vet and
# staticcheck (pinned, from the module proxy).
test-unit:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go test -skip '^TestEngine' ./...
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

# The engine end-to-end tests: TestEngine* in tests/, the only tests that
# drive the Pulumi CLI (tests/e2e_test.go's requireCLI fails any other that
# tries). About 2 minutes on 2 quiet cores; the timeout (go test's default
# is 10 minutes) leaves room for a busy machine, and each operation has its
# own deadline in the tests.
test-engine: test-unit tools
	go test -timeout 45m -run '^TestEngine' ./tests

# Each fuzz target for a bounded time; the corpus lives in testdata/fuzz.
fuzz:
	go test ./internal/netplan -run '^$$' -fuzz '^FuzzParsePrefix$$' -fuzztime $(FUZZTIME)
	go test ./internal/netplan -run '^$$' -fuzz '^FuzzOverlapContains$$' -fuzztime $(FUZZTIME)
	go test ./internal/netplan -run '^$$' -fuzz '^FuzzCheckAKSNetwork$$' -fuzztime $(FUZZTIME)
	go test ./internal/netplan -run '^$$' -fuzz '^FuzzServiceTagPrefixes$$' -fuzztime $(FUZZTIME)
	go test ./tests -run '^$$' -fuzz '^FuzzLoadConfig$$' -fuzztime $(FUZZTIME)

bench: tools
	go test ./tests -run '^$$' -bench . -benchtime 3x

# amlvnet's policies (internal/policyrules, also the policy pack in policy/)
# on the offline preview of every stack; fails if a stack violates a
# mandatory policy. Violations go to stderr, the preview itself is dropped.
# The pack is compiled too; running it needs a full Pulumi CLI with the Go
# language host (`pulumi preview --policy-pack policy`, docs/policy.md).
.PHONY: policy
policy: tools
	go build -o /dev/null ./policy
	@status=0; for f in stacks/Pulumi.*.yaml; do echo "== $$f"; go run ./cmd/preview-offline -config $$f -policy > /dev/null || status=1; done; exit $$status

# The figures of docs/performance.md, from a fresh copy of HEAD (about an
# hour on 2 quiet cores; MEASURE_STEPS picks steps, MEASURE_REV a commit).
# Then the two offline previews, CLI and in-process, compared on every stack.
.PHONY: measure compare-engines
MEASURE_REV ?= HEAD
measure:
	tools/measure -r $(MEASURE_REV) $(MEASURE_STEPS)

compare-engines: tools
	tools/compare-engines
