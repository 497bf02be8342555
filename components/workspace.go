package components

import (
	"slices"

	containerregistry "github.com/pulumi/pulumi-azure-native-sdk/containerregistry/v2"
	insights "github.com/pulumi/pulumi-azure-native-sdk/insights/v2"
	operationalinsights "github.com/pulumi/pulumi-azure-native-sdk/operationalinsights/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
)

// MLWorkspaceType is the type token of the ML workspace component.
const MLWorkspaceType = "amlvnet:index:MLWorkspace"

// Defaults of MLWorkspaceSpec.
const (
	DefaultWorkspaceName    = "amlvnet-ws"
	DefaultRegistrySku      = "Basic"
	DefaultLogRetentionDays = 30
)

var registrySkus = []string{"Basic", "Standard", "Premium"}

// MLWorkspaceSpec configures the Azure ML workspace and what it needs besides
// storage and key vault: a container registry and Application Insights
// (workspace-based, on a Log Analytics workspace). In the root program it is
// amlvnet:workspace.
type MLWorkspaceSpec struct {
	// Name of the workspace (3-33 characters). Optional. Defaults to "amlvnet-ws".
	Name string `json:"name,omitempty" pulumi:"name,optional"`
	// Description of the workspace. Optional.
	Description string `json:"description,omitempty" pulumi:"description,optional"`
	// RegistrySku of the container registry: Basic, Standard or Premium.
	// Optional. Defaults to "Basic". Network rules need Premium.
	RegistrySku string `json:"registrySku,omitempty" pulumi:"registrySku,optional"`
	// ImageBuildCompute names the compute cluster that builds images, needed
	// when the registry is behind the VNet. Optional.
	ImageBuildCompute string `json:"imageBuildCompute,omitempty" pulumi:"imageBuildCompute,optional"`
	// LogRetentionDays of the Log Analytics workspace (30-730). Optional.
	// Defaults to 30.
	LogRetentionDays *int `json:"logRetentionDays,omitempty" pulumi:"logRetentionDays,optional"`
	// Diagnostics sends the logs and metrics of the workspace, its key vault
	// and its storage account to the Log Analytics workspace. Optional.
	// Defaults to false.
	Diagnostics bool `json:"diagnostics,omitempty" pulumi:"diagnostics,optional"`
	// PrivateOnly turns public network access off on the workspace and the
	// registry (network isolation with private endpoints); the registry must
	// then be Premium and ImageBuildCompute set. Optional. Defaults to false.
	PrivateOnly bool `json:"-" pulumi:"privateOnly,optional"`
}

// WithDefaults returns the spec with its documented defaults filled in.
func (s MLWorkspaceSpec) WithDefaults() MLWorkspaceSpec {
	if s.Name == "" {
		s.Name = DefaultWorkspaceName
	}
	if s.RegistrySku == "" {
		s.RegistrySku = DefaultRegistrySku
	}
	if s.LogRetentionDays == nil {
		s.LogRetentionDays = ptr(DefaultLogRetentionDays)
	}
	return s
}

// Validate reports every problem of the spec, named below p.
func (s MLWorkspaceSpec) Validate(p *Path) Problems {
	s = s.WithDefaults()
	var ps Problems
	workspaceName.check(&ps, p.Child("name"), s.Name)
	if !slices.Contains(registrySkus, s.RegistrySku) {
		ps.Add(p.Child("registrySku"), "%q is not a registry SKU; use one of %v", s.RegistrySku, registrySkus)
	}
	if s.ImageBuildCompute != "" {
		computeName.check(&ps, p.Child("imageBuildCompute"), s.ImageBuildCompute)
	}
	if s.PrivateOnly {
		if s.RegistrySku != "Premium" {
			ps.Add(p.Child("registrySku"), "is %s; a registry behind private endpoints needs Premium (Azure refuses network rules and private endpoints below it)", s.RegistrySku)
		}
		if s.ImageBuildCompute == "" {
			ps.Add(p.Child("imageBuildCompute"), "is required when the registry is private: name the compute cluster that builds images")
		}
	}
	if d := *s.LogRetentionDays; d < 30 || d > 730 {
		ps.Add(p.Child("logRetentionDays"), "is %d; Log Analytics keeps 30-730 days", d)
	}
	return ps
}

// MLWorkspaceArgs configures an MLWorkspace.
type MLWorkspaceArgs struct {
	// Spec of the workspace. Optional: the zero Spec is a workspace named
	// "amlvnet-ws" with a Basic registry.
	Spec MLWorkspaceSpec `pulumi:"spec,optional"`
	// ResourceGroupName of the workspace. Required.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region. Required.
	Location string `pulumi:"location"`
	// StorageAccountID is the default storage account. Required; Azure does
	// not let it change after creation.
	StorageAccountID pulumi.StringInput `pulumi:"storageAccountId"`
	// KeyVaultID is the workspace's vault. Required; fixed after creation.
	KeyVaultID pulumi.StringInput `pulumi:"keyVaultId"`
	// Protect marks the workspace protected. Optional. Defaults to false.
	Protect bool `pulumi:"protect,optional"`
	// PreviousNames are names this component had before a rename; see
	// SecureStorageArgs.PreviousNames (the registry is named the same way).
	// Optional.
	PreviousNames []string `pulumi:"previousNames,optional"`
	// Tags for every resource created. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

func (a *MLWorkspaceArgs) problems() Problems {
	ps := a.Spec.Validate(NewPath("spec"))
	checkRegion(&ps, NewPath("location"), a.Location)
	if a.ResourceGroupName == nil {
		ps.Add(NewPath("resourceGroupName"), "is required")
	}
	if a.StorageAccountID == nil {
		ps.Add(NewPath("storageAccountId"), "is required: the workspace's default storage cannot be added later")
	}
	if a.KeyVaultID == nil {
		ps.Add(NewPath("keyVaultId"), "is required: the workspace's key vault cannot be added later")
	}
	return ps
}

// WorkspaceRef is a handle on a workspace: what a compute attached to it needs.
type WorkspaceRef struct {
	// ResourceGroupName of the workspace.
	ResourceGroupName pulumi.StringInput
	// Name of the workspace.
	Name pulumi.StringInput
	// PrincipalID of the workspace's identity, RegistryID of its container
	// registry and StorageAccountID of its default storage: a Kubernetes
	// inference compute grants roles with them. Optional for other computes.
	PrincipalID      pulumi.StringInput
	RegistryID       pulumi.StringInput
	StorageAccountID pulumi.StringInput
	// Ready are resources the workspace's computes wait for, e.g. its
	// private endpoints: compute without public IPs in a workspace whose
	// public access is off reaches it only through them. Optional.
	Ready []pulumi.Resource
}

// MLWorkspace is the Azure ML workspace with its registry and telemetry.
type MLWorkspace struct {
	pulumi.ResourceState

	// WorkspaceID is the ARM ID; WorkspaceGUID Azure's immutable GUID.
	WorkspaceID       pulumi.StringOutput `pulumi:"workspaceId"`
	WorkspaceName     pulumi.StringOutput `pulumi:"workspaceName"`
	WorkspaceGUID     pulumi.StringOutput `pulumi:"workspaceGuid"`
	DiscoveryURL      pulumi.StringOutput `pulumi:"discoveryUrl"`
	PrincipalID       pulumi.StringOutput `pulumi:"principalId"`
	ProvisioningState pulumi.StringOutput `pulumi:"provisioningState"`
	RegistryID        pulumi.StringOutput `pulumi:"registryId"`
	AppInsightsID     pulumi.StringOutput `pulumi:"appInsightsId"`
	LogAnalyticsID    pulumi.StringOutput `pulumi:"logAnalyticsId"`

	resourceGroupName pulumi.StringInput
	storageAccountID  pulumi.StringInput
}

// Ref is the handle a compute attached to the workspace takes.
func (w *MLWorkspace) Ref() WorkspaceRef {
	return WorkspaceRef{ResourceGroupName: w.resourceGroupName, Name: w.WorkspaceName,
		PrincipalID: w.PrincipalID, RegistryID: w.RegistryID, StorageAccountID: w.storageAccountID}
}

// NewMLWorkspace validates args and creates the workspace and its helpers.
func NewMLWorkspace(ctx *pulumi.Context, name string, args *MLWorkspaceArgs, opts ...pulumi.ResourceOption) (*MLWorkspace, error) {
	if args == nil {
		args = &MLWorkspaceArgs{}
	}
	if err := validated(ctx, "MLWorkspace", args.problems()); err != nil {
		return nil, err
	}
	spec := args.Spec.WithDefaults()
	comp := &MLWorkspace{}
	if err := ctx.RegisterComponentResource(MLWorkspaceType, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	loc := pulumi.String(mustRegion(args.Location))
	tags := pulumi.ToStringMap(args.Tags)

	logs, err := operationalinsights.NewWorkspace(ctx, name+"-logs", &operationalinsights.WorkspaceArgs{
		ResourceGroupName: args.ResourceGroupName,
		Location:          loc,
		Sku:               &operationalinsights.WorkspaceSkuArgs{Name: pulumi.String(string(operationalinsights.WorkspaceSkuNameEnumPerGB2018))},
		RetentionInDays:   pulumi.Int(*spec.LogRetentionDays),
		Tags:              tags,
	}, parent)
	if err != nil {
		return nil, err
	}
	// Classic Application Insights is retired; new components must sit on a
	// Log Analytics workspace.
	appInsights, err := insights.NewComponent(ctx, name+"-insights", &insights.ComponentArgs{
		ResourceGroupName:   args.ResourceGroupName,
		Location:            loc,
		Kind:                pulumi.String("web"),
		ApplicationType:     pulumi.String(string(insights.ApplicationTypeWeb)),
		IngestionMode:       pulumi.String(string(insights.IngestionModeLogAnalytics)),
		WorkspaceResourceId: logs.ID().ToStringOutput(),
		Tags:                tags,
	}, parent)
	if err != nil {
		return nil, err
	}
	rargs := &containerregistry.RegistryArgs{
		ResourceGroupName: args.ResourceGroupName,
		Location:          loc,
		Sku:               &containerregistry.SkuArgs{Name: pulumi.String(spec.RegistrySku)},
		// The workspace of API 2023-04-01 pulls and pushes with the registry's
		// admin credentials, which it keeps in the key vault (2019 article).
		AdminUserEnabled: pulumi.Bool(true),
		Tags:             tags,
	}
	if spec.PrivateOnly {
		rargs.PublicNetworkAccess = pulumi.String(string(containerregistry.PublicNetworkAccessDisabled))
		rargs.NetworkRuleBypassOptions = pulumi.String(string(containerregistry.NetworkRuleBypassOptionsAzureServices))
		rargs.NetworkRuleSet = &containerregistry.NetworkRuleSetArgs{DefaultAction: pulumi.String(string(containerregistry.DefaultActionDeny))}
	}
	registry, err := containerregistry.NewRegistry(ctx, registryLogicalName(name), rargs, parent, previousNameAliases(args.PreviousNames, registryLogicalName))
	if err != nil {
		return nil, err
	}
	wargs := &azureml.WorkspaceArgs{
		ResourceGroupName:   args.ResourceGroupName,
		WorkspaceName:       pulumi.String(spec.Name),
		Location:            loc,
		Identity:            &azureml.ManagedServiceIdentityArgs{Type: pulumi.String(string(azureml.ManagedServiceIdentityTypeSystemAssigned))},
		StorageAccount:      args.StorageAccountID.ToStringOutput(),
		KeyVault:            args.KeyVaultID.ToStringOutput(),
		ApplicationInsights: appInsights.ID().ToStringOutput(),
		ContainerRegistry:   registry.ID().ToStringOutput(),
		Tags:                tags,
	}
	if spec.Description != "" {
		wargs.Description = pulumi.String(spec.Description)
	}
	if spec.ImageBuildCompute != "" {
		wargs.ImageBuildCompute = pulumi.String(spec.ImageBuildCompute)
	}
	if spec.PrivateOnly {
		wargs.PublicNetworkAccess = azureml.PublicNetworkAccessDisabled
	}
	ws, err := azureml.NewWorkspace(ctx, name, wargs, parent, pulumi.Protect(args.Protect))
	if err != nil {
		return nil, err
	}
	if spec.Diagnostics {
		// The workspace's own logs, and those of the vault and storage
		// account it holds its secrets and artifacts in.
		for _, d := range []struct {
			key     string
			id      pulumi.StringInput
			storage bool
		}{{"keyvault", args.KeyVaultID, false}, {"storage", args.StorageAccountID, true}, {"workspace", ws.ID().ToStringOutput(), false}} {
			if err := newDiagnostics(ctx, name+"-diag-"+d.key, d.id, logs.ID().ToStringOutput(), d.storage, parent); err != nil {
				return nil, err
			}
		}
	}
	comp.resourceGroupName = args.ResourceGroupName
	comp.storageAccountID = args.StorageAccountID
	comp.WorkspaceID = ws.ID().ToStringOutput()
	comp.WorkspaceName = ws.Name
	comp.WorkspaceGUID = ws.WorkspaceId
	comp.DiscoveryURL = ws.DiscoveryUrl.Elem()
	comp.PrincipalID = ws.PrincipalId()
	comp.ProvisioningState = ws.ProvisioningState
	comp.RegistryID = registry.ID().ToStringOutput()
	comp.AppInsightsID = appInsights.ID().ToStringOutput()
	comp.LogAnalyticsID = logs.ID().ToStringOutput()
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"workspaceId":       comp.WorkspaceID,
		"workspaceName":     comp.WorkspaceName,
		"workspaceGuid":     comp.WorkspaceGUID,
		"discoveryUrl":      comp.DiscoveryURL,
		"principalId":       comp.PrincipalID,
		"provisioningState": comp.ProvisioningState,
		"registryId":        comp.RegistryID,
		"appInsightsId":     comp.AppInsightsID,
		"logAnalyticsId":    comp.LogAnalyticsID,
	}); err != nil {
		return nil, err
	}
	return comp, nil
}

// newDiagnostics sends a resource's logs (all categories) and metrics to Log
// Analytics. Storage accounts have no logs at the account level (they sit on
// their blob, file, queue and table services), only metrics, and Azure
// refuses the AllMetrics category on them ("Metric category 'AllMetrics' is
// not supported, supported categories are: 'Capacity;Transaction'"):
// Transaction is the one they export.
func newDiagnostics(ctx *pulumi.Context, name string, resourceID, logAnalyticsID pulumi.StringInput, storageAccount bool, opts ...pulumi.ResourceOption) error {
	metrics := "AllMetrics"
	if storageAccount {
		metrics = "Transaction"
	}
	dargs := &insights.DiagnosticSettingArgs{
		Name:        pulumi.String("amlvnet-to-log-analytics"),
		ResourceUri: resourceID,
		WorkspaceId: logAnalyticsID,
		Metrics:     insights.MetricSettingsArray{&insights.MetricSettingsArgs{Category: pulumi.String(metrics), Enabled: pulumi.Bool(true)}},
	}
	if !storageAccount {
		dargs.Logs = insights.LogSettingsArray{&insights.LogSettingsArgs{CategoryGroup: pulumi.String("allLogs"), Enabled: pulumi.Bool(true)}}
	}
	_, err := insights.NewDiagnosticSetting(ctx, name, dargs, opts...)
	return err
}
