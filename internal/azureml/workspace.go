package azureml

import (
	"context"
	"errors"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Workspace is an Azure Machine Learning workspace
// (azure-native:machinelearningservices:Workspace, Azure REST API 2023-04-01).
//
// API 2023-04-01 has no managedNetwork (AML managed VNet) property; network isolation here means
// private endpoints plus PublicNetworkAccess. KeyVault and StorageAccount cannot be changed after
// create (an Azure rule; the provider does not replace the workspace for it).
type Workspace struct {
	pulumi.CustomResourceState

	// Keep the public endpoint reachable even though the workspace has a private endpoint.
	AllowPublicAccessWhenBehindVnet pulumi.BoolPtrOutput `pulumi:"allowPublicAccessWhenBehindVnet"`
	// ARM id of the Application Insights component.
	ApplicationInsights pulumi.StringPtrOutput `pulumi:"applicationInsights"`
	// ARM id of the container registry.
	ContainerRegistry pulumi.StringPtrOutput `pulumi:"containerRegistry"`
	// Free-text description.
	Description pulumi.StringPtrOutput `pulumi:"description"`
	// Regional discovery endpoint URL.
	DiscoveryUrl pulumi.StringPtrOutput `pulumi:"discoveryUrl"`
	// Display name.
	FriendlyName pulumi.StringPtrOutput `pulumi:"friendlyName"`
	// High-business-impact flag.
	HbiWorkspace pulumi.BoolPtrOutput `pulumi:"hbiWorkspace"`
	// The workspace identity; see also PrincipalId().
	Identity ManagedServiceIdentityResponsePtrOutput `pulumi:"identity"`
	// Name of the compute used to build images.
	ImageBuildCompute pulumi.StringPtrOutput `pulumi:"imageBuildCompute"`
	// ARM id of the key vault.
	KeyVault pulumi.StringPtrOutput `pulumi:"keyVault"`
	// Azure region.
	Location pulumi.StringPtrOutput `pulumi:"location"`
	// MLflow tracking URI.
	MlFlowTrackingUri pulumi.StringOutput `pulumi:"mlFlowTrackingUri"`
	// Name of the workspace.
	Name pulumi.StringOutput `pulumi:"name"`
	// The workspace's notebook resource.
	NotebookInfo NotebookResourceInfoResponsePtrOutput `pulumi:"notebookInfo"`
	// ARM id of the user-assigned identity the workspace acts as.
	PrimaryUserAssignedIdentity pulumi.StringPtrOutput `pulumi:"primaryUserAssignedIdentity"`
	// Number of private links.
	PrivateLinkCount pulumi.IntOutput `pulumi:"privateLinkCount"`
	// ARM provisioning state.
	ProvisioningState pulumi.StringOutput `pulumi:"provisioningState"`
	// Whether the public endpoint accepts traffic ("Enabled" or "Disabled").
	PublicNetworkAccess pulumi.StringPtrOutput `pulumi:"publicNetworkAccess"`
	// Managed resource group created for customer-managed-key workspaces.
	ServiceProvisionedResourceGroup pulumi.StringOutput `pulumi:"serviceProvisionedResourceGroup"`
	// ARM id of the default storage account.
	StorageAccount pulumi.StringPtrOutput `pulumi:"storageAccount"`
	// Whether the storage account has a hierarchical namespace.
	StorageHnsEnabled pulumi.BoolOutput `pulumi:"storageHnsEnabled"`
	// Resource tags.
	Tags pulumi.StringMapOutput `pulumi:"tags"`
	// Entra ID tenant.
	TenantId pulumi.StringOutput `pulumi:"tenantId"`
	// ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
	// Whether v1 legacy mode is on.
	V1LegacyMode pulumi.BoolPtrOutput `pulumi:"v1LegacyMode"`
	// Immutable GUID of the workspace.
	WorkspaceId pulumi.StringOutput `pulumi:"workspaceId"`
}

// PrincipalId is the object id of the workspace's system-assigned identity ("" when it has none),
// e.g. for role assignments on the storage account, key vault and registry.
func (w *Workspace) PrincipalId() pulumi.StringOutput {
	return w.Identity.Elem().PrincipalId()
}

type workspaceArgs struct {
	AllowPublicAccessWhenBehindVnet *bool                   `pulumi:"allowPublicAccessWhenBehindVnet"`
	ApplicationInsights             *string                 `pulumi:"applicationInsights"`
	ContainerRegistry               *string                 `pulumi:"containerRegistry"`
	Description                     *string                 `pulumi:"description"`
	FriendlyName                    *string                 `pulumi:"friendlyName"`
	HbiWorkspace                    *bool                   `pulumi:"hbiWorkspace"`
	Identity                        *ManagedServiceIdentity `pulumi:"identity"`
	ImageBuildCompute               *string                 `pulumi:"imageBuildCompute"`
	KeyVault                        *string                 `pulumi:"keyVault"`
	Location                        *string                 `pulumi:"location"`
	PrimaryUserAssignedIdentity     *string                 `pulumi:"primaryUserAssignedIdentity"`
	PublicNetworkAccess             *string                 `pulumi:"publicNetworkAccess"`
	ResourceGroupName               string                  `pulumi:"resourceGroupName"`
	Sku                             *Sku                    `pulumi:"sku"`
	StorageAccount                  *string                 `pulumi:"storageAccount"`
	Tags                            map[string]string       `pulumi:"tags"`
	V1LegacyMode                    *bool                   `pulumi:"v1LegacyMode"`
	WorkspaceName                   *string                 `pulumi:"workspaceName"`
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
	Identity ManagedServiceIdentityPtrInput `pulumi:"identity"`
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
	Sku SkuPtrInput `pulumi:"sku"`
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

func (WorkspaceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*workspaceArgs)(nil)).Elem()
}

// NewWorkspace registers a new Workspace. It checks the required inputs (ResourceGroupName, and
// the required fields of Identity and Sku when given as Args), applies the generated SDK's
// defaults (AllowPublicAccessWhenBehindVnet, HbiWorkspace and V1LegacyMode false when nil) to a
// copy of args, and adds pulumi.Version(ProviderVersion) before opts.
func NewWorkspace(ctx *pulumi.Context, name string, args *WorkspaceArgs, opts ...pulumi.ResourceOption) (*Workspace, error) {
	if args == nil {
		return nil, errors.New("azureml: NewWorkspace " + name + ": missing one or more required arguments (ResourceGroupName)")
	}
	var problems []string
	if args.ResourceGroupName == nil {
		problems = append(problems, "invalid value for required argument 'ResourceGroupName'")
	}
	problems = append(problems, missingRequired("identity", args.Identity)...)
	problems = append(problems, missingRequired("sku", args.Sku)...)
	if err := argsError("NewWorkspace", name, problems); err != nil {
		return nil, err
	}

	a := *args
	if a.AllowPublicAccessWhenBehindVnet == nil {
		a.AllowPublicAccessWhenBehindVnet = pulumi.BoolPtr(false)
	}
	if a.HbiWorkspace == nil {
		a.HbiWorkspace = pulumi.BoolPtr(false)
	}
	if a.V1LegacyMode == nil {
		a.V1LegacyMode = pulumi.BoolPtr(false)
	}
	var resource Workspace
	if err := ctx.RegisterResource(WorkspaceToken, name, &a, &resource, defaultOpts(opts)...); err != nil {
		return nil, err
	}
	return &resource, nil
}

// GetWorkspace reads an existing Workspace by its ARM id.
func GetWorkspace(ctx *pulumi.Context, name string, id pulumi.IDInput, state *WorkspaceState, opts ...pulumi.ResourceOption) (*Workspace, error) {
	var resource Workspace
	if err := ctx.ReadResource(WorkspaceToken, name, id, state, &resource, defaultOpts(opts)...); err != nil {
		return nil, err
	}
	return &resource, nil
}

type workspaceState struct{}

// WorkspaceState is the (empty) state used to look up a Workspace with GetWorkspace.
type WorkspaceState struct{}

func (WorkspaceState) ElementType() reflect.Type {
	return reflect.TypeOf((*workspaceState)(nil)).Elem()
}

// WorkspaceInput accepts *Workspace and WorkspaceOutput values.
type WorkspaceInput interface {
	pulumi.Input

	ToWorkspaceOutput() WorkspaceOutput
	ToWorkspaceOutputWithContext(ctx context.Context) WorkspaceOutput
}

func (*Workspace) ElementType() reflect.Type {
	return reflect.TypeOf((**Workspace)(nil)).Elem()
}

func (w *Workspace) ToWorkspaceOutput() WorkspaceOutput {
	return w.ToWorkspaceOutputWithContext(context.Background())
}

func (w *Workspace) ToWorkspaceOutputWithContext(ctx context.Context) WorkspaceOutput {
	return pulumi.ToOutputWithContext(ctx, w).(WorkspaceOutput)
}

// WorkspaceOutput is an output of *Workspace values.
type WorkspaceOutput struct{ *pulumi.OutputState }

func (WorkspaceOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**Workspace)(nil)).Elem()
}

func (o WorkspaceOutput) ToWorkspaceOutput() WorkspaceOutput {
	return o
}

func (o WorkspaceOutput) ToWorkspaceOutputWithContext(ctx context.Context) WorkspaceOutput {
	return o
}

// Name is the workspace's name.
func (o WorkspaceOutput) Name() pulumi.StringOutput {
	return o.ApplyT(func(v *Workspace) pulumi.StringOutput { return v.Name }).(pulumi.StringOutput)
}

// WorkspaceId is the workspace's immutable GUID.
func (o WorkspaceOutput) WorkspaceId() pulumi.StringOutput {
	return o.ApplyT(func(v *Workspace) pulumi.StringOutput { return v.WorkspaceId }).(pulumi.StringOutput)
}

func init() {
	pulumi.RegisterOutputType(WorkspaceOutput{})
}
