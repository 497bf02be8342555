// Package azureml is a small typed binding for two azure-native v2 resources whose Go SDK module
// (github.com/pulumi/pulumi-azure-native-sdk/machinelearningservices/v2) is not served here:
//
//	azure-native:machinelearningservices:Workspace  (Azure REST API 2023-04-01)
//	azure-native:machinelearningservices:Compute    (Azure REST API 2023-04-01)
//
// The resources are registered with ctx.RegisterResource under the same tokens as the official
// module, with pulumi.Version(ProviderVersion), so the engine uses the same azure-native plugin as
// the typed SDK modules the project imports, and a later switch to the official module changes no
// state.
//
// The code follows the generated SDK's shapes: a resource struct of pulumi.*Output fields; an Args
// struct of pulumi.*Input fields whose ElementType() is a plain struct with the same field names
// and `pulumi:"..."` tags; XxxArgs / XxxPtrInput / XxxOutput for nested types. Property names,
// types, enums and required fields follow shared/azure-native-v2/schema-subset.json; the tests
// check every tag and type here against that file (see conformance_test.go).
//
// The Compute "properties" input is a union selected by its computeType: put one of AmlComputeArgs,
// AKSArgs, VirtualMachineArgs or HDInsightArgs (value or pointer) in ComputeArgs.Properties.
// Nothing here reads input values: secrets (pulumi.ToSecret, config secrets) reach the engine
// still marked secret.
package azureml

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// ProviderVersion is the azure-native plugin version the project pins for every resource.
const ProviderVersion = "2.92.3"

// Resource type tokens.
const (
	WorkspaceToken = "azure-native:machinelearningservices:Workspace"
	ComputeToken   = "azure-native:machinelearningservices:Compute"
)

// APIVersion is the Azure REST API version both tokens use in every azure-native v2 release.
const APIVersion = "2023-04-01"

// defaultOpts puts the package defaults before the caller's options, as the generated SDK's
// utilities.PkgResourceDefaultOpts does, so a caller can still override them.
func defaultOpts(opts []pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Version(ProviderVersion)}, opts...)
}
