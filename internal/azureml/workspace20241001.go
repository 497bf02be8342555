package azureml

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// Tokens at API version 2024-10-01. They ship in the same SDK module as the default tokens
// (package machinelearningservices/v20241001 at v2.90.0 and v2.92.3), whose init.go registers both.
const (
	WorkspaceV20241001Token         = "azure-native:machinelearningservices/v20241001:Workspace"
	ManagedNetworkSettingsRuleToken = "azure-native:machinelearningservices/v20241001:ManagedNetworkSettingsRule"
)

// APIVersion20241001 is the Azure REST API version of the /v20241001 tokens.
const APIVersion20241001 = "2024-10-01"

// WorkspaceV20241001 is an Azure Machine Learning workspace at API 2024-10-01, which adds the
// managed network (ManagedNetwork: AML's own VNet with outbound rules), serverless compute
// settings, hubs and projects to Workspace. Its outputs are Workspace's.
type WorkspaceV20241001 Workspace

// PrincipalId is the object id of the workspace's system-assigned identity ("" when it has none).
func (w *WorkspaceV20241001) PrincipalId() pulumi.StringOutput {
	return (*Workspace)(w).PrincipalId()
}

// WorkspaceV20241001Args are the inputs of a WorkspaceV20241001: WorkspaceArgs plus the
// properties API 2024-10-01 added.
type WorkspaceV20241001Args struct {
	// Optional. Keep the public endpoint reachable even though the workspace has a private
	// endpoint. Defaults to false.
	AllowPublicAccessWhenBehindVnet pulumi.BoolPtrInput `pulumi:"allowPublicAccessWhenBehindVnet"`
	// ARM id of the Application Insights component.
	ApplicationInsights pulumi.StringPtrInput `pulumi:"applicationInsights"`
	// ARM ids of associated workspaces (hubs and projects).
	AssociatedWorkspaces pulumi.StringArrayInput `pulumi:"associatedWorkspaces"`
	// ARM id of the container registry.
	ContainerRegistry pulumi.StringPtrInput `pulumi:"containerRegistry"`
	// Free-text description.
	Description pulumi.StringPtrInput `pulumi:"description"`
	// Isolate data between projects of a hub.
	EnableDataIsolation pulumi.BoolPtrInput `pulumi:"enableDataIsolation"`
	// Settings of a workspace of kind FeatureStore.
	FeatureStoreSettings *FeatureStoreSettingsArgs `pulumi:"featureStoreSettings"`
	// Display name.
	FriendlyName pulumi.StringPtrInput `pulumi:"friendlyName"`
	// Optional. High-business-impact flag. Defaults to false.
	HbiWorkspace pulumi.BoolPtrInput `pulumi:"hbiWorkspace"`
	// ARM id of the hub a workspace of kind Project belongs to.
	HubResourceId pulumi.StringPtrInput `pulumi:"hubResourceId"`
	// Managed identity (system and/or user assigned).
	Identity *ManagedServiceIdentityArgs `pulumi:"identity"`
	// Name of a compute cluster that builds images (needed when the registry is behind a VNet).
	ImageBuildCompute pulumi.StringPtrInput `pulumi:"imageBuildCompute"`
	// ARM id of the key vault; cannot be changed after create.
	KeyVault pulumi.StringPtrInput `pulumi:"keyVault"`
	// Workspace kind: "Default", "Hub", "Project" or "FeatureStore".
	Kind pulumi.StringPtrInput `pulumi:"kind"`
	// Azure region.
	Location pulumi.StringPtrInput `pulumi:"location"`
	// The managed network. Once its isolation mode leaves Disabled it cannot go back, and
	// AllowOnlyApprovedOutbound cannot go back to AllowInternetOutbound (an Azure rule; the
	// provider sends the change and Azure refuses it).
	ManagedNetwork *ManagedNetworkSettingsArgs `pulumi:"managedNetwork"`
	// ARM id of the user-assigned identity the workspace acts as.
	PrimaryUserAssignedIdentity pulumi.StringPtrInput `pulumi:"primaryUserAssignedIdentity"`
	// Whether the public endpoint accepts traffic; see the PublicNetworkAccess constants.
	PublicNetworkAccess pulumi.StringPtrInput `pulumi:"publicNetworkAccess"`
	// Required. Resource group of the workspace. Changing it replaces the workspace.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Subnet and public-IP settings of serverless compute.
	ServerlessComputeSettings *ServerlessComputeSettingsArgs `pulumi:"serverlessComputeSettings"`
	// SKU, e.g. {Name: "Basic", Tier: "Basic"}.
	Sku *SkuArgs `pulumi:"sku"`
	// ARM id of the default storage account; cannot be changed after create.
	StorageAccount pulumi.StringPtrInput `pulumi:"storageAccount"`
	// Resource tags.
	Tags pulumi.StringMapInput `pulumi:"tags"`
	// Optional. Turn on v1 legacy mode. Defaults to false.
	V1LegacyMode pulumi.BoolPtrInput `pulumi:"v1LegacyMode"`
	// Settings of a workspace of kind Hub.
	WorkspaceHubConfig *WorkspaceHubConfigArgs `pulumi:"workspaceHubConfig"`
	// Workspace name; auto-named from the resource name when omitted. Changing it replaces the
	// workspace.
	WorkspaceName pulumi.StringPtrInput `pulumi:"workspaceName"`
}

// NewWorkspaceV20241001 registers a new WorkspaceV20241001 (see register), with the generated
// SDK's defaults applied to a copy of args, as NewWorkspace does. To move a workspace registered
// with NewWorkspace to this token without replacing it, pass AliasFromWorkspace().
func NewWorkspaceV20241001(ctx *pulumi.Context, name string, args *WorkspaceV20241001Args, opts ...pulumi.ResourceOption) (*WorkspaceV20241001, error) {
	var a WorkspaceV20241001Args
	if args != nil {
		a = *args
	}
	sdkDefault(&a.AllowPublicAccessWhenBehindVnet)
	sdkDefault(&a.HbiWorkspace)
	sdkDefault(&a.V1LegacyMode)
	var resource WorkspaceV20241001
	if err := register(ctx, WorkspaceV20241001Token, name, &a, &resource, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// AliasFromWorkspace is the option that lets NewWorkspaceV20241001 take over a workspace that
// NewWorkspace registered under the default token, with the same resource name and parent. The
// generated SDK lists each token among the other's aliases, but aliases are options a hand-written
// registration has to pass itself. With it the engine diffs the old inputs against the new ones;
// only resourceGroupName and workspaceName force a replacement, so the move is an update at the
// new API version. Preview first: pulumi-azure-native #2505 reports replacements of resources
// parented to a component when API versions change, and enabling a managed network in the same
// step cannot be undone.
func AliasFromWorkspace() pulumi.ResourceOption {
	return pulumi.Aliases([]pulumi.Alias{{Type: pulumi.String(WorkspaceToken)}})
}

// ManagedNetworkSettingsArgs is a workspace's managed network.
type ManagedNetworkSettingsArgs struct {
	// Azure Firewall SKU of FQDN rules; see the FirewallSku constants.
	FirewallSku pulumi.StringPtrInput `pulumi:"firewallSku"`
	// Outbound isolation; see the IsolationMode constants.
	IsolationMode pulumi.StringPtrInput `pulumi:"isolationMode"`
	// User-defined outbound rules by name, each a union selected by type (OutboundRule):
	// FqdnOutboundRuleArgs, PrivateEndpointOutboundRuleArgs or ServiceTagOutboundRuleArgs. FQDN and
	// service-tag rules need IsolationMode AllowOnlyApprovedOutbound. Azure adds the rules the
	// workspace itself needs.
	OutboundRules map[string]pulumi.Input `pulumi:"outboundRules"`
}

// Discriminator values of the outbound rule union (OutboundRule); the constructors fill them in.
const (
	OutboundRuleTypeFQDN            = "FQDN"
	OutboundRuleTypePrivateEndpoint = "PrivateEndpoint"
	OutboundRuleTypeServiceTag      = "ServiceTag"
)

// FqdnOutboundRuleArgs allows outbound traffic to a host name (type "FQDN", ports 80 and 443,
// through an Azure Firewall that Azure creates).
type FqdnOutboundRuleArgs struct {
	// Leave unset or "UserDefined"; see the RuleCategory constants.
	Category pulumi.StringPtrInput `pulumi:"category"`
	// The host name, e.g. "pypi.org".
	Destination pulumi.StringPtrInput `pulumi:"destination"`
	// Filled in by the constructor ("FQDN").
	Type string `pulumi:"type"`
}

// PrivateEndpointOutboundRuleArgs reaches a resource through a private endpoint in the managed
// network (type "PrivateEndpoint").
type PrivateEndpointOutboundRuleArgs struct {
	// Leave unset or "UserDefined"; see the RuleCategory constants.
	Category pulumi.StringPtrInput `pulumi:"category"`
	// The resource and sub-resource.
	Destination *PrivateEndpointDestinationArgs `pulumi:"destination"`
	// Filled in by the constructor ("PrivateEndpoint").
	Type string `pulumi:"type"`
}

// PrivateEndpointDestinationArgs is the target of a private-endpoint outbound rule.
type PrivateEndpointDestinationArgs struct {
	// ARM id of the resource.
	ServiceResourceId pulumi.StringPtrInput `pulumi:"serviceResourceId"`
	// Also reachable from Spark jobs.
	SparkEnabled pulumi.BoolPtrInput `pulumi:"sparkEnabled"`
	// The sub-resource (group id), e.g. "blob".
	SubresourceTarget pulumi.StringPtrInput `pulumi:"subresourceTarget"`
}

// ServiceTagOutboundRuleArgs allows outbound traffic to an Azure service tag (type
// "ServiceTag").
type ServiceTagOutboundRuleArgs struct {
	// Leave unset or "UserDefined"; see the RuleCategory constants.
	Category pulumi.StringPtrInput `pulumi:"category"`
	// The service tag, protocol and ports.
	Destination *ServiceTagDestinationArgs `pulumi:"destination"`
	// Filled in by the constructor ("ServiceTag").
	Type string `pulumi:"type"`
}

// ServiceTagDestinationArgs is the target of a service-tag outbound rule.
type ServiceTagDestinationArgs struct {
	// Allow or deny; see the RuleAction constants.
	Action pulumi.StringPtrInput `pulumi:"action"`
	// Ports, e.g. "443" or "80,443".
	PortRanges pulumi.StringPtrInput `pulumi:"portRanges"`
	// Protocol, e.g. "TCP" or "*".
	Protocol pulumi.StringPtrInput `pulumi:"protocol"`
	// The service tag, e.g. "AzureMonitor".
	ServiceTag pulumi.StringPtrInput `pulumi:"serviceTag"`
}

// ServerlessComputeSettingsArgs places serverless compute in a subnet of your own.
type ServerlessComputeSettingsArgs struct {
	// ARM id of the subnet.
	ServerlessComputeCustomSubnet pulumi.StringPtrInput `pulumi:"serverlessComputeCustomSubnet"`
	// No public IP on serverless compute nodes.
	ServerlessComputeNoPublicIP pulumi.BoolPtrInput `pulumi:"serverlessComputeNoPublicIP"`
}

// WorkspaceHubConfigArgs are the settings of a hub workspace.
type WorkspaceHubConfigArgs struct {
	// ARM ids of more storage accounts for the hub's projects.
	AdditionalWorkspaceStorageAccounts pulumi.StringArrayInput `pulumi:"additionalWorkspaceStorageAccounts"`
	// Resource group of the hub's projects.
	DefaultWorkspaceResourceGroup pulumi.StringPtrInput `pulumi:"defaultWorkspaceResourceGroup"`
}

// FeatureStoreSettingsArgs are the settings of a feature store workspace.
type FeatureStoreSettingsArgs struct {
	// Spark runtime of the feature store.
	ComputeRuntime *ComputeRuntimeDtoArgs `pulumi:"computeRuntime"`
	// Connection name of the offline store.
	OfflineStoreConnectionName pulumi.StringPtrInput `pulumi:"offlineStoreConnectionName"`
	// Connection name of the online store.
	OnlineStoreConnectionName pulumi.StringPtrInput `pulumi:"onlineStoreConnectionName"`
}

// ComputeRuntimeDtoArgs is a Spark runtime.
type ComputeRuntimeDtoArgs struct {
	// Spark runtime version.
	SparkRuntimeVersion pulumi.StringPtrInput `pulumi:"sparkRuntimeVersion"`
}

// ManagedNetworkSettingsRule is one outbound rule of a workspace's managed network, as a resource
// of its own (API 2024-10-01). Managing the same rule here and in the workspace's
// managedNetwork.outboundRules would have the two overwrite each other: pick one.
type ManagedNetworkSettingsRule struct {
	pulumi.CustomResourceState
}

// ManagedNetworkSettingsRuleArgs are the inputs of a ManagedNetworkSettingsRule.
type ManagedNetworkSettingsRuleArgs struct {
	// Required. The rule, a union selected by type (OutboundRule): FqdnOutboundRuleArgs,
	// PrivateEndpointOutboundRuleArgs or ServiceTagOutboundRuleArgs, value or pointer.
	Properties pulumi.Input `pulumi:"properties"`
	// Required. Resource group of the workspace.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Rule name, 3 to 33 letters, digits, '_' or '-'; set it, as an auto-name can be too long.
	RuleName pulumi.StringPtrInput `pulumi:"ruleName"`
	// Required. Name of the workspace.
	WorkspaceName pulumi.StringInput `pulumi:"workspaceName"`
}

// NewManagedNetworkSettingsRule registers a new ManagedNetworkSettingsRule (see register): the
// rule's type is filled in.
func NewManagedNetworkSettingsRule(ctx *pulumi.Context, name string, args *ManagedNetworkSettingsRuleArgs, opts ...pulumi.ResourceOption) (*ManagedNetworkSettingsRule, error) {
	var resource ManagedNetworkSettingsRule
	if err := register(ctx, ManagedNetworkSettingsRuleToken, name, args, &resource, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
