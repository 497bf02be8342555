// Command pulumi-resource-azure-native is the offline stand-in for the
// azure-native resource provider (see internal/standin). The engine launches
// it when its directory comes first on PATH; it is never run by hand.
//
// It checks the tokens of the azure-native schema subset with
// internal/azureschema, found through AMLVNET_SCHEMA_SUBSET or
// shared/azure-native-v2/schema-subset.json above the working directory.
package main

import (
	"fmt"
	"os"

	"github.com/amlvnet/amlvnet/internal/azureschema"
	"github.com/amlvnet/amlvnet/internal/standin"
)

func main() {
	opts := standin.Options{}
	if path, ok := azureschema.Locate(); !ok {
		opts.SchemaUnavailable = fmt.Sprintf("azure-native schema subset not found (set %s to the path of schema-subset.json)", azureschema.EnvPath)
	} else if s, err := azureschema.Load(path); err != nil {
		opts.SchemaUnavailable = err.Error()
	} else {
		opts.Schema = s
	}
	if err := standin.Main(opts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
