# amlvnet's commands. `make preview` and `make test` build what they need.

PULUMI_VERSION := v3.274.1
PULUMI_YAML_VERSION := v1.25.0
STATICCHECK_VERSION := v0.8.2
STACK ?= dev
FUZZTIME ?= 10s
# The engine end-to-end tests take minutes on two busy cores: more than go
# test's default limit of 10 for one package.
TEST_TIMEOUT ?= 45m

.PHONY: tools cli plugin schema sdk-check preview preview-json preview-all test test-unit test-engine test-yaml fuzz bench mutation

# What the engine tests drive: the Pulumi CLI (cli) and the YAML language
# host pinned in tools/yaml/go.mod (a module of its own: see
# tools/yaml/tools.go), built once into bin/pulumi-language-yaml.
tools: cli bin/pulumi-language-yaml

# The Pulumi CLI the offline preview and the engine tests drive: an installed
# `pulumi` on PATH at a version they support (tools/pulumi-cli says which),
# else the one pinned in tools/go.mod, built once into bin/pulumi. The
# preview needs nothing else, so it waits for nothing else.
cli:
	@if cli=$$(sh tools/pulumi-cli); then echo "Pulumi CLI: $$cli, installed: bin/pulumi is not built"; else $(MAKE) --no-print-directory bin/pulumi; fi

bin/pulumi:
	mkdir -p bin
	cd tools && go build -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$(PULUMI_VERSION)" -o ../bin/pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi

bin/pulumi-language-yaml:
	mkdir -p bin
	cd tools/yaml && go build -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$(PULUMI_YAML_VERSION)" -o ../../bin/pulumi-language-yaml github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml

# amlvnet's component package (provider/, a module of its own) as the
# plugin the engine starts for the package amlvnet. Always rebuilt: go build
# is instant when nothing changed, and it follows the library through the
# module's replace directive.
plugin:
	mkdir -p bin
	cd provider && go build -o ../bin/pulumi-resource-amlvnet .

# The descriptions generated from the doc comments (go generate), then the
# plugin's schema as provider/schema.json, the golden file
# provider/provider_test.go compares the provider's schema with. Run it
# after changing what the plugin serves or a doc comment, and commit both. (The path starts
# with ./ or the CLI takes it for a package name to look up in a registry.)
schema: cli
	cd provider && go generate .
	$(MAKE) plugin
	bin/pulumi package get-schema ./bin/pulumi-resource-amlvnet > provider/schema.json

# The TypeScript and Python SDKs generated from the plugin's schema, then
# type-checked with tsc against the @pulumi/pulumi pinned in
# provider/sdkcheck/package-lock.json, and byte-compiled with python3. They
# are build outputs, in provider/sdkcheck/build. `pulumi package gen-sdk`
# would need the nodejs and python language hosts, which are not published
# as Go modules; provider/cmd/sdkgen calls the same generators.
SDK_BUILD := provider/sdkcheck/build
sdk-check: tools plugin
	rm -rf $(SDK_BUILD) && mkdir -p $(SDK_BUILD)
	bin/pulumi package get-schema ./bin/pulumi-resource-amlvnet > $(SDK_BUILD)/schema.json
	cd provider && go run ./cmd/sdkgen -schema sdkcheck/build/schema.json -language nodejs -out sdkcheck/build/nodejs
	cd provider && go run ./cmd/sdkgen -schema sdkcheck/build/schema.json -language python -out sdkcheck/build/python
	cd provider/sdkcheck && npm ci --no-audit --no-fund && npx tsc -p build/nodejs/tsconfig.json --noEmit
	find $(SDK_BUILD)/python -name '*.py' -print0 | xargs -0 python3 -m py_compile

# The YAML programs in examples/yaml through the real engine against the
# stand-in azure-native provider: round trip and bad input.
test-yaml: tools plugin
	go test ./tests -run '^TestEngineYAML' -count=1 -v

# The main job: an offline preview of a stack (STACK=dev by default).
preview: cli
	go run ./cmd/preview-offline -config stacks/Pulumi.$(STACK).yaml

preview-json: cli
	go run ./cmd/preview-offline -config stacks/Pulumi.$(STACK).yaml -json

preview-all: cli
	@for f in stacks/Pulumi.*.yaml; do echo "== $$f"; go run ./cmd/preview-offline -config $$f || exit 1; done

# Every check, fastest first: what needs no Pulumi CLI (test-unit), then the
# engine end-to-end tests (test-engine). A broken component fails in seconds,
# before the CLI is looked for or built. `make -j2 test` builds the CLI while
# test-unit runs.
test: test-unit test-engine

# gofmt, the unit and mock tests (every test but the engine's), go vet and
# staticcheck (pinned, from the module proxy), in the library's module and in
# the plugin's (provider/, a module of its own).
test-unit:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go test -skip '^TestEngine' ./...
	cd provider && go test ./...
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	cd provider && go vet ./...
	cd provider && go run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

# The engine end-to-end tests: TestEngine* in tests/, the only tests that
# drive the Pulumi CLI (tests/e2e_test.go's requireCLI fails any other that
# tries): every stack, and the YAML programs through the component package.
# The timeout (go test's default is 10 minutes) leaves room for a busy
# machine, and each operation has its own deadline in the tests.
test-engine: test-unit tools plugin
	go test -timeout $(TEST_TIMEOUT) -run '^TestEngine' ./tests

# Each fuzz target for a bounded time; the corpus lives in testdata/fuzz.
fuzz:
	go test ./internal/netplan -run '^$$' -fuzz '^FuzzParsePrefix$$' -fuzztime $(FUZZTIME)
	go test ./internal/netplan -run '^$$' -fuzz '^FuzzOverlapContains$$' -fuzztime $(FUZZTIME)
	go test ./internal/netplan -run '^$$' -fuzz '^FuzzCheckAKSNetwork$$' -fuzztime $(FUZZTIME)
	go test ./internal/netplan -run '^$$' -fuzz '^FuzzServiceTagPrefixes$$' -fuzztime $(FUZZTIME)
	go test ./tests -run '^$$' -fuzz '^FuzzLoadConfig$$' -fuzztime $(FUZZTIME)

bench: cli
	go test ./tests -run '^$$' -bench . -benchtime 3x

# amlvnet's policies (internal/policyrules, also the policy pack in policy/)
# on the offline preview of every stack; fails if a stack violates a
# mandatory policy. Violations go to stderr, the preview itself is dropped.
# The pack is compiled too; running it needs a full Pulumi CLI with the Go
# language host (`pulumi preview --policy-pack policy`, docs/policy.md).
.PHONY: policy
policy: cli
	go build -o /dev/null ./policy
	@status=0; for f in stacks/Pulumi.*.yaml; do echo "== $$f"; go run ./cmd/preview-offline -config $$f -policy > /dev/null || status=1; done; exit $$status

# The figures of docs/performance.md, from a fresh copy of HEAD (about an
# hour on 2 quiet cores; MEASURE_STEPS picks steps, MEASURE_REV a commit).
# Then the two offline previews, CLI and in-process, compared on every stack.
.PHONY: measure compare-engines
MEASURE_REV ?= HEAD
measure:
	tools/measure -r $(MEASURE_REV) $(MEASURE_STEPS)

compare-engines: cli
	tools/compare-engines

# Mutation testing of the pure packages and the config decoder
# (docs/testing.md): gremlins, pinned in its own tools module, mutates each
# package and runs its tests; fails when a package's efficacy or mutator
# coverage falls below 95%. About 15 minutes per package on 2 cores, so not
# part of `make test`.
MUTATION_PACKAGES ?= internal/netplan internal/policyrules

bin/gremlins:
	mkdir -p bin
	cd tools/gremlins && GONOSUMDB=github.com/go-gremlins go build -o ../../bin/gremlins github.com/go-gremlins/gremlins/cmd/gremlins

# The config decoder is the part of program/ that decodes the stack's config
# and reports its problems (config.go, keys.go, errors.go), tested by
# program/config_test.go; the rest of program/ plans and deploys through the
# components and is tested in tests/, under mocks and through the engine.
# Its test binary links the azure-native SDK, so a mutant's build takes far
# longer than its test run, which gremlins' timeout is scaled from.
MUTATION_GREMLINS := bin/gremlins unleash --workers 2 --test-cpu 1 --threshold-efficacy 95 --threshold-mcover 95
mutation: bin/gremlins
	@for p in $(MUTATION_PACKAGES); do echo "== $$p"; $(MUTATION_GREMLINS) ./$$p || exit 1; done
	@echo "== program (the config decoder)"; $(MUTATION_GREMLINS) --timeout-coefficient 60 -E 'plan\.go' -E 'deploy\.go' -E 'fixed\.go' -E '(^|/)program\.go' ./program
