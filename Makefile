# Build helpers. `make tools` builds the Pulumi CLI pinned in tools/go.mod
# into bin/pulumi (skipped when bin/pulumi already exists).

PULUMI_VERSION := v3.274.1

.PHONY: tools
tools: bin/pulumi

bin/pulumi:
	mkdir -p bin
	cd tools && go build -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$(PULUMI_VERSION)" -o ../bin/pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
