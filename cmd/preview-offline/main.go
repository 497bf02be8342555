// Command preview-offline previews a stack through the real Pulumi engine
// with no Azure account, against the stand-in azure-native provider:
//
//	go run ./cmd/preview-offline -config stacks/Pulumi.dev.yaml [-json | -state] [-policy]
//
// Without flags it prints the usual human preview. With -json it prints a
// document shaped like `pulumi preview --json`; with -state it goes on to
// `up` in the throwaway backend and prints the deployment as `pulumi stack
// export` does. Logs go to stderr. An invalid config exits with status 2,
// names the offending keys and creates nothing.
//
// With -policy it also checks amlvnet's policies (internal/policyrules, the
// rules of the policy pack in policy/) against the planned inputs, or with
// -state against the deployed inputs, prints each violation to stderr as
// `policy <name> (<enforcement>): <urn>: <message>`, adds them to the -json
// document as "policyViolations", and exits with status 3 when a mandatory
// policy is violated. Values still unknown in a preview are not judged.
package main

import (
	"os"

	"github.com/amlvnet/amlvnet/internal/offline"
)

func main() {
	offline.ServeIfProvider()
	os.Exit(offline.Main("preview-offline", os.Args[1:], os.Stdout, os.Stderr, offline.OpenCLI))
}
