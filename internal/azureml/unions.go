package azureml

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// ComputeProperties is the Compute "properties" union: the plain struct of the member each
// computeType selects. It is declared once, here; NewCompute, the input checker and the
// conformance test all read it.
var ComputeProperties = azureschema.Union{Discriminator: "computeType", Members: map[string]reflect.Type{
	ComputeTypeAmlCompute:     plainOf(AmlComputeArgs{}),
	ComputeTypeAKS:            plainOf(AKSArgs{}),
	ComputeTypeVirtualMachine: plainOf(VirtualMachineArgs{}),
	ComputeTypeHDInsight:      plainOf(HDInsightArgs{}),
}}

// Unions maps each plain struct of the binding to its union-typed properties, for the input
// checker.
var Unions = map[reflect.Type]map[string]azureschema.Union{
	plainOf(ComputeArgs{}): {"properties": ComputeProperties},
}

// secretOutputs are the outputs of each token that hold secrets, marked secret by register. The
// engine applies AdditionalSecretOutputs to top-level output keys only (it looks each name up in
// the outputs map), so a nested path such as properties.properties.administratorAccount.password
// cannot be named: the whole top-level output is marked instead. Compute's "properties" covers
// administratorAccount (password, privateKeyData), userAccountCredentials.adminUserPassword,
// sslConfiguration.key and the Kubernetes member's connection strings.
var secretOutputs = map[string][]string{
	ComputeToken: {"properties"},
}

// Inputs maps each resource token of the binding to its Args; their ElementType is the plain
// input struct the engine receives.
var Inputs = map[string]pulumi.Input{
	WorkspaceToken:            WorkspaceArgs{},
	ComputeToken:              ComputeArgs{},
	UserAssignedIdentityToken: UserAssignedIdentityArgs{},
}

func plainOf(in pulumi.Input) reflect.Type { return azureschema.PlainType(in.ElementType()) }
