# amlvnet's commands. `make preview` and `make test` build what they need.

PULUMI_VERSION := v3.274.1
PULUMI_YAML_VERSION := v1.25.0
STATICCHECK_VERSION := v0.8.2
STACK ?= dev
FUZZTIME ?= 10s

.PHONY: tools plugin schema sdk-check preview preview-json preview-all test test-yaml fuzz bench

# The Pulumi CLI pinned in tools/go.mod and the YAML language host pinned
# in tools/yaml/go.mod (a module of its own: see tools/yaml/tools.go), each
# built once into bin/.
tools: bin/pulumi bin/pulumi-language-yaml

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
schema: tools
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
	go test ./tests -run '^TestYAML' -count=1 -v

# The main job: an offline preview of a stack (STACK=dev by default).
preview: tools
	go run ./cmd/preview-offline -config stacks/Pulumi.$(STACK).yaml

preview-json: tools
	go run ./cmd/preview-offline -config stacks/Pulumi.$(STACK).yaml -json

preview-all: tools
	@for f in stacks/Pulumi.*.yaml; do echo "== $$f"; go run ./cmd/preview-offline -config $$f || exit 1; done

# Formatting, vet, staticcheck (pinned, from the module proxy), and every
# test (unit, mocks, engine end-to-end, the YAML programs through the
# component package), in the library's module and in the plugin's
# (provider/, a module of its own). The engine tests run the CLI for
# minutes on a busy 2-core machine: past go test's 10-minute default.
test: tools plugin
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	cd provider && go vet ./...
	cd provider && go run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	go test -timeout 45m ./...
	cd provider && go test ./...

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
