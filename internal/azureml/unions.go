package azureml

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// The unions, each declared once, here: the constructors fill in their discriminators, and the
// input checker and the conformance test read them.
var (
	// ComputeProperties is the Compute "properties" union.
	ComputeProperties = azureschema.Union{Discriminator: "computeType", Members: map[string]reflect.Type{
		ComputeTypeAmlCompute:     plainOf(AmlComputeArgs{}),
		ComputeTypeAKS:            plainOf(AKSArgs{}),
		ComputeTypeKubernetes:     plainOf(KubernetesArgs{}),
		ComputeTypeVirtualMachine: plainOf(VirtualMachineArgs{}),
		ComputeTypeHDInsight:      plainOf(HDInsightArgs{}),
	}}
	// DatastoreProperties is the Datastore "datastoreProperties" union.
	DatastoreProperties = azureschema.Union{Discriminator: "datastoreType", Required: true, Members: map[string]reflect.Type{
		DatastoreTypeAzureBlob: plainOf(AzureBlobDatastoreArgs{}),
	}}
	// DatastoreCredentials is the "credentials" union of a datastore.
	DatastoreCredentials = azureschema.Union{Discriminator: "credentialsType", Required: true, Members: map[string]reflect.Type{
		CredentialsTypeNone:             plainOf(NoneDatastoreCredentialsArgs{}),
		CredentialsTypeAccountKey:       plainOf(AccountKeyDatastoreCredentialsArgs{}),
		CredentialsTypeSas:              plainOf(SasDatastoreCredentialsArgs{}),
		CredentialsTypeServicePrincipal: plainOf(ServicePrincipalDatastoreCredentialsArgs{}),
		CredentialsTypeCertificate:      plainOf(CertificateDatastoreCredentialsArgs{}),
	}}
	// OutboundRule is a managed network's outbound rule, inline in a workspace or a resource.
	OutboundRule = azureschema.Union{Discriminator: "type", Members: map[string]reflect.Type{
		OutboundRuleTypeFQDN:            plainOf(FqdnOutboundRuleArgs{}),
		OutboundRuleTypePrivateEndpoint: plainOf(PrivateEndpointOutboundRuleArgs{}),
		OutboundRuleTypeServiceTag:      plainOf(ServiceTagOutboundRuleArgs{}),
	}}
)

// Unions maps each plain struct of the binding to its union-typed properties (a map of unions, as
// outboundRules, is declared like one union).
var Unions = map[reflect.Type]map[string]azureschema.Union{
	plainOf(ComputeArgs{}):                    {"properties": ComputeProperties},
	plainOf(DatastoreArgs{}):                  {"datastoreProperties": DatastoreProperties},
	plainOf(AzureBlobDatastoreArgs{}):         {"credentials": DatastoreCredentials},
	plainOf(ManagedNetworkSettingsArgs{}):     {"outboundRules": OutboundRule},
	plainOf(ManagedNetworkSettingsRuleArgs{}): {"properties": requiredRule},
}

// requiredRule is OutboundRule where a rule must be given.
var requiredRule = func() azureschema.Union {
	u := OutboundRule
	u.Required = true
	return u
}()

// secretOutputs are the outputs of each token that hold secrets, marked secret by register. The
// engine applies AdditionalSecretOutputs to top-level output keys only (it looks each name up in
// the outputs map), so a nested path such as properties.properties.administratorAccount.password
// cannot be named: the whole top-level output is marked instead. Compute's "properties" covers
// administratorAccount (password, privateKeyData), userAccountCredentials.adminUserPassword,
// sslConfiguration.key and the Kubernetes member's connection strings.
// Datastore's "datastoreProperties" covers the credentials' secrets, which Azure never returns but
// the provider would keep from the inputs; Extension's protected settings are the same.
var secretOutputs = map[string][]string{
	ComputeToken:   {"properties"},
	DatastoreToken: {"datastoreProperties"},
	ExtensionToken: {"configurationProtectedSettings"},
}

// Inputs maps each resource token of the binding to its Args; their ElementType is the plain
// input struct the engine receives.
var Inputs = map[string]pulumi.Input{
	WorkspaceToken:                  WorkspaceArgs{},
	ComputeToken:                    ComputeArgs{},
	UserAssignedIdentityToken:       UserAssignedIdentityArgs{},
	DatastoreToken:                  DatastoreArgs{},
	WorkspaceV20241001Token:         WorkspaceV20241001Args{},
	ManagedNetworkSettingsRuleToken: ManagedNetworkSettingsRuleArgs{},
	ExtensionToken:                  ExtensionArgs{},
}

func plainOf(in pulumi.Input) reflect.Type { return azureschema.PlainType(in.ElementType()) }
