// Package azureml is a small typed binding for azure-native v2 resources whose Go SDK modules
// (github.com/pulumi/pulumi-azure-native-sdk/machinelearningservices/v2, managedidentity/v2,
// kubernetesconfiguration/v2) are not served here:
//
//	azure-native:machinelearningservices:Workspace                            (Azure REST API 2023-04-01)
//	azure-native:machinelearningservices:Compute                              (2023-04-01)
//	azure-native:machinelearningservices:Datastore                            (2023-04-01)
//	azure-native:machinelearningservices/v20241001:Workspace                  (2024-10-01)
//	azure-native:machinelearningservices/v20241001:ManagedNetworkSettingsRule (2024-10-01)
//	azure-native:managedidentity:UserAssignedIdentity                         (2023-01-31)
//	azure-native:kubernetesconfiguration:Extension                            (2023-05-01)
//
// The resources are registered with ctx.RegisterResource under the same tokens as the official
// modules, with pulumi.Version(ProviderVersion), so the engine uses the same azure-native plugin as
// the typed SDK modules the project imports, and a later switch to the official modules changes no
// state.
//
// The shapes follow the generated SDK's: a resource struct of pulumi.*Output fields (here only
// those the code reads), and XxxArgs structs of pulumi.*Input fields with `pulumi:"..."` tags, so a
// misspelled property does not compile. A nested type is a pointer to its XxxArgs; the plain struct
// each XxxArgs marshals as (its ElementType) and the enums' input methods are generated into
// plain_gen.go. The schema data in internal/azureschema/data is what the conformance test compares
// every tag and type with.
//
// A union-typed property (Compute's "properties", a datastore's credentials, a managed network's
// outbound rules) is a pulumi.Input holding one member's Args; its discriminator is filled in by
// the constructor. Unions and Inputs declare the unions and tokens
// once, for the constructors, the input checker and the conformance test. Nothing here reads input
// values: secrets (pulumi.ToSecret, config secrets) reach the engine still marked secret.
package azureml

//go:generate go run ./gen

// ProviderVersion is the azure-native plugin version the project pins for every resource.
const ProviderVersion = "2.92.3"

// Resource type tokens.
const (
	WorkspaceToken = "azure-native:machinelearningservices:Workspace"
	ComputeToken   = "azure-native:machinelearningservices:Compute"
)

// APIVersion is the Azure REST API version both tokens use in every azure-native v2 release.
const APIVersion = "2023-04-01"
