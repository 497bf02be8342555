// Command preview-engine is the offline preview (cmd/preview-offline) on the
// Pulumi engine's own packages, in-process, instead of the Pulumi CLI: the
// same flags, output and stand-in provider. It is the spike of issue 13
// (docs/performance.md has its figures and the decision) and a module of its
// own, so that neither the root module nor a user of the components ever
// requires pkg/v3:
//
//	cd cmd/preview-engine && go run . -config ../../stacks/Pulumi.dev.yaml [-json | -state] [-policy]
package main

import (
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/version"

	"github.com/amlvnet/amlvnet/internal/offline"
)

// engineVersion is the pkg/v3 release compiled in (go.mod), which the state's
// manifest names as the CLI does its own version.
const engineVersion = "v3.274.1"

func main() {
	offline.ServeIfProvider()
	version.Version = engineVersion
	os.Exit(offline.Main("preview-engine", os.Args[1:], os.Stdout, os.Stderr, Open))
}
