// Command pulumi-resource-azure-native is the offline stand-in for the
// azure-native resource provider (see internal/standin), for use with a
// Pulumi CLI outside the offline preview: put its directory first on PATH.
// The offline preview does not need it (its own executable serves).
//
// It checks inputs with standin.Checker: the Go types of the SDK modules and
// of our binding, and the schema data embedded in internal/azureschema.
package main

import (
	"fmt"
	"os"

	"github.com/amlvnet/amlvnet/internal/standin"
)

func main() {
	if err := standin.Main(standin.OptionsFromEnvironment()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
