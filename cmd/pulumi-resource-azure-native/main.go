// Command pulumi-resource-azure-native is the offline stand-in for the
// azure-native resource provider (see internal/standin), for use with a
// Pulumi CLI outside the offline preview: put its directory first on PATH.
// The offline preview does not need it (its own executable serves).
//
// It checks the tokens of the azure-native schema subset with
// internal/azureschema, found through AMLVNET_SCHEMA_SUBSET or
// shared/azure-native-v2/schema-subset.json above the working directory, and
// the ML tokens against our binding's types where the file is absent.
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
