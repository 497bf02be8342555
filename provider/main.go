// Command pulumi-resource-amlvnet is amlvnet's component package: the
// components of github.com/amlvnet/amlvnet/components served to every Pulumi
// language (TypeScript, Python, YAML, ...) as a Pulumi plugin, with the type
// tokens amlvnet:index:<Type>. Build it with `make plugin`; the engine starts
// it as the plugin resource-amlvnet.
//
// It is a module of its own so that a Go program importing only the
// components never compiles or downloads pulumi-go-provider and pkg/v3.
package main

import (
	"context"
	"fmt"
	"os"
	"reflect"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"

	"github.com/amlvnet/amlvnet/components"
)

// Name is the package name: the first segment of every type token.
const Name = "amlvnet"

// Version of the package, set at build time with
// -ldflags "-X main.Version=...". It must be a release version (no
// pre-release suffix): the engine picks an installed plugin of a
// pre-release version only by exact match.
var Version = "0.1.0"

// The descriptions of inputs and outputs are the doc comments of their Go
// fields, here and in the library's components.
//go:generate go run ./cmd/docgen -out descriptions_gen.go . ../components

func main() {
	prov, err := newProvider()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := p.RunProvider(context.Background(), Name, Version, prov); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func newProvider() (p.Provider, error) {
	prov, err := infer.NewProviderBuilder().
		WithDisplayName("amlvnet").
		WithDescription("Azure Machine Learning inside an Azure virtual network: storage, key vault, compute and AKS with the network rules Microsoft documents, checked before anything reaches Azure.").
		WithKeywords("azure", "machine learning", "vnet", "category/cloud", "kind/component").
		WithNamespace("amlvnet").
		// Types declared in the library's components package would get the
		// module "components" (infer names the module after the Go
		// package); every token of this package lives in "index".
		WithModuleMap(map[tokens.ModuleName]tokens.ModuleName{"components": "index"}).
		WithComponents(
			infer.ComponentF(newNetwork),
			infer.ComponentF(newSecureStorage),
			infer.ComponentF(newSecureKeyVault),
			infer.ComponentF(newMLWorkspace),
			infer.ComponentF(newPrivateEndpoints),
			infer.ComponentF(newAmlComputeInVnet),
			infer.ComponentF(newAksInVnet),
		).
		Build()
	if err != nil {
		return p.Provider{}, err
	}
	return withSchemaFixes(prov, map[string]goTypes{
		"amlvnet:index:Network":          {reflect.TypeFor[components.NetworkArgs](), reflect.TypeFor[Network]()},
		"amlvnet:index:SecureStorage":    {reflect.TypeFor[SecureStorageInputs](), reflect.TypeFor[SecureStorage]()},
		"amlvnet:index:SecureKeyVault":   {reflect.TypeFor[SecureKeyVaultInputs](), reflect.TypeFor[SecureKeyVault]()},
		"amlvnet:index:MLWorkspace":      {reflect.TypeFor[MLWorkspaceInputs](), reflect.TypeFor[MLWorkspace]()},
		"amlvnet:index:PrivateEndpoints": {reflect.TypeFor[PrivateEndpointsInputs](), reflect.TypeFor[PrivateEndpoints]()},
		"amlvnet:index:AmlComputeInVnet": {reflect.TypeFor[AmlComputeInVnetInputs](), reflect.TypeFor[AmlComputeInVnet]()},
		"amlvnet:index:AksInVnet":        {reflect.TypeFor[AksInVnetInputs](), reflect.TypeFor[AksInVnet]()},
	}, descriptions), nil
}
