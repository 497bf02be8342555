package azureml

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Workspace is an Azure Machine Learning workspace
// (azure-native:machinelearningservices:Workspace, Azure REST API 2023-04-01).
//
// API 2023-04-01 has no managedNetwork (AML managed VNet) property; network isolation here means
// private endpoints plus PublicNetworkAccess (WorkspaceV20241001 has managedNetwork). KeyVault and
// StorageAccount cannot be changed after create (an Azure rule; the provider does not replace the
// workspace for it).
type Workspace struct {
	pulumi.CustomResourceState

	// Regional discovery endpoint URL.
	DiscoveryUrl pulumi.StringPtrOutput `pulumi:"discoveryUrl"`
	// The workspace identity; see PrincipalId().
	Identity ResponsePtrOutput[ManagedServiceIdentityResponse] `pulumi:"identity"`
	// Name of the workspace.
	Name pulumi.StringOutput `pulumi:"name"`
	// ARM provisioning state.
	ProvisioningState pulumi.StringOutput `pulumi:"provisioningState"`
	// Immutable GUID of the workspace.
	WorkspaceId pulumi.StringOutput `pulumi:"workspaceId"`
}

// PrincipalId is the object id of the workspace's system-assigned identity ("" when it has none),
// e.g. for role assignments on the storage account, key vault and registry.
func (w *Workspace) PrincipalId() pulumi.StringOutput {
	return stringOf(w.Identity, func(v *ManagedServiceIdentityResponse) string { return v.PrincipalId })
}

// WorkspaceArgs are the inputs of a Workspace.
type WorkspaceArgs struct {
	// Optional. Keep the public endpoint reachable even though the workspace has a private
	// endpoint. Defaults to false.
	AllowPublicAccessWhenBehindVnet pulumi.BoolPtrInput `pulumi:"allowPublicAccessWhenBehindVnet"`
	// ARM id of the Application Insights component.
	ApplicationInsights pulumi.StringPtrInput `pulumi:"applicationInsights"`
	// ARM id of the container registry (optional at create). A registry behind a VNet also needs
	// ImageBuildCompute.
	ContainerRegistry pulumi.StringPtrInput `pulumi:"containerRegistry"`
	// Free-text description.
	Description pulumi.StringPtrInput `pulumi:"description"`
	// Display name; can be changed later.
	FriendlyName pulumi.StringPtrInput `pulumi:"friendlyName"`
	// Optional. High-business-impact flag. Defaults to false.
	HbiWorkspace pulumi.BoolPtrInput `pulumi:"hbiWorkspace"`
	// Managed identity (system and/or user assigned).
	Identity *ManagedServiceIdentityArgs `pulumi:"identity"`
	// Name of a compute cluster that builds images (needed when the registry is behind a VNet).
	ImageBuildCompute pulumi.StringPtrInput `pulumi:"imageBuildCompute"`
	// ARM id of the key vault; cannot be changed after create.
	KeyVault pulumi.StringPtrInput `pulumi:"keyVault"`
	// Azure region.
	Location pulumi.StringPtrInput `pulumi:"location"`
	// ARM id of the user-assigned identity the workspace acts as.
	PrimaryUserAssignedIdentity pulumi.StringPtrInput `pulumi:"primaryUserAssignedIdentity"`
	// Whether the public endpoint accepts traffic; see the PublicNetworkAccess constants.
	PublicNetworkAccess pulumi.StringPtrInput `pulumi:"publicNetworkAccess"`
	// Required. Resource group of the workspace. Changing it replaces the workspace.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// SKU, e.g. {Name: "Basic", Tier: "Basic"}.
	Sku *SkuArgs `pulumi:"sku"`
	// ARM id of the default storage account; cannot be changed after create.
	StorageAccount pulumi.StringPtrInput `pulumi:"storageAccount"`
	// Resource tags.
	Tags pulumi.StringMapInput `pulumi:"tags"`
	// Optional. Turn on v1 legacy mode. Defaults to false.
	V1LegacyMode pulumi.BoolPtrInput `pulumi:"v1LegacyMode"`
	// Workspace name; auto-named from the resource name when omitted. Changing it replaces the
	// workspace.
	WorkspaceName pulumi.StringPtrInput `pulumi:"workspaceName"`
}

// NewWorkspace registers a new Workspace (see register), with the generated SDK's defaults
// (AllowPublicAccessWhenBehindVnet, HbiWorkspace and V1LegacyMode false when nil) applied to a copy
// of args.
func NewWorkspace(ctx *pulumi.Context, name string, args *WorkspaceArgs, opts ...pulumi.ResourceOption) (*Workspace, error) {
	var a WorkspaceArgs
	if args != nil {
		a = *args
	}
	sdkDefault(&a.AllowPublicAccessWhenBehindVnet)
	sdkDefault(&a.HbiWorkspace)
	sdkDefault(&a.V1LegacyMode)
	var resource Workspace
	if err := register(ctx, WorkspaceToken, name, &a, &resource, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// sdkDefault sets an unset flag to false, the default the generated SDK fills in on the client
// side (a hand-written registration does not get it otherwise).
func sdkDefault(flag *pulumi.BoolPtrInput) {
	if *flag == nil {
		*flag = pulumi.BoolPtr(false)
	}
}
