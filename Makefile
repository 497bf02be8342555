# amlvnet's commands. `make preview` and `make test` build what they need.

PULUMI_VERSION := v3.274.1
STATICCHECK_VERSION := v0.8.2
STACK ?= dev
FUZZTIME ?= 10s

.PHONY: tools preview preview-json preview-all test fuzz bench mutation

# The Pulumi CLI pinned in tools/go.mod, built once into bin/pulumi.
tools: bin/pulumi

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

# Formatting, vet, staticcheck (pinned, from the module proxy), and every
# test (unit, mocks, engine end-to-end). The engine tests run the CLI for
# minutes on a busy 2-core machine: past go test's 10-minute default.
test: tools
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	go test -timeout 45m ./...

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

# Mutation testing of the pure packages (docs/testing.md): gremlins, pinned
# in its own tools module, mutates each package and runs its tests; fails
# when a package's efficacy or mutator coverage falls below 95%. About 15
# minutes per package on 2 cores, so not part of `make test`.
MUTATION_PACKAGES ?= internal/netplan internal/policyrules

bin/gremlins:
	mkdir -p bin
	cd tools/gremlins && GONOSUMDB=github.com/go-gremlins go build -o ../../bin/gremlins github.com/go-gremlins/gremlins/cmd/gremlins

mutation: bin/gremlins
	@for p in $(MUTATION_PACKAGES); do echo "== $$p"; bin/gremlins unleash --workers 2 --test-cpu 1 --threshold-efficacy 95 --threshold-mcover 95 ./$$p || exit 1; done
