package components

import (
	containerregistry "github.com/pulumi/pulumi-azure-native-sdk/containerregistry/v2"
	insights "github.com/pulumi/pulumi-azure-native-sdk/insights/v2"
	operationalinsights "github.com/pulumi/pulumi-azure-native-sdk/operationalinsights/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"maps"
	"slices"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

// MLWorkspaceType is the type token of the ML workspace component.
const MLWorkspaceType = "amlvnet:index:MLWorkspace"

var registrySkus = []string{"Basic", "Standard", "Premium"}

// MLWorkspaceArgs configures the Azure ML workspace and the resources it
// needs besides storage and key vault: a container registry and Application
// Insights (workspace-based, on a Log Analytics workspace).
type MLWorkspaceArgs struct {
	// ResourceGroupName of the workspace. Required.
	ResourceGroupName pulumi.StringInput
	// Location is the Azure region. Required.
	Location string
	// WorkspaceName (3-33 characters). Optional. Defaults to "amlvnet-ws".
	WorkspaceName string
	// StorageAccountID is the default storage account. Required; Azure does
	// not let it change after creation.
	StorageAccountID pulumi.StringInput
	// KeyVaultID is the workspace's vault. Required; fixed after creation.
	KeyVaultID pulumi.StringInput
	// RegistrySku of the container registry: Basic, Standard or Premium.
	// Optional. Defaults to "Basic". Network rules need Premium.
	RegistrySku string
	// ImageBuildCompute names the compute cluster that builds images, needed
	// when the registry is behind the VNet. Optional.
	ImageBuildCompute string
	// PrivateOnly turns public network access off on the workspace and the
	// registry (network isolation with private endpoints); the registry must
	// then be Premium and ImageBuildCompute set. Optional. Defaults to false.
	PrivateOnly bool
	// Diagnostics sends the workspace's logs and metrics, and those of
	// DiagnosticTargets, to the Log Analytics workspace. Optional. Defaults
	// to false.
	Diagnostics bool
	// DiagnosticTargets are other resources (by name: resource ID) whose
	// diagnostics go to the same Log Analytics workspace when Diagnostics is
	// on, e.g. the key vault and the storage account. Optional.
	DiagnosticTargets map[string]pulumi.StringInput
	// Description of the workspace. Optional.
	Description string
	// LogRetentionDays of the Log Analytics workspace (30-730). Optional.
	// Defaults to 30.
	LogRetentionDays int
	// Protect marks the workspace protected. Optional. Defaults to false.
	Protect bool
	// PreviousNames are names this component had before a rename; see
	// SecureStorageArgs.PreviousNames (the registry is named the same way).
	// Optional.
	PreviousNames []string
	// Tags for every resource created. Optional.
	Tags map[string]string
}

func (a *MLWorkspaceArgs) applyDefaults() {
	if a.WorkspaceName == "" {
		a.WorkspaceName = "amlvnet-ws"
	}
	if a.RegistrySku == "" {
		a.RegistrySku = "Basic"
	}
	if a.LogRetentionDays == 0 {
		a.LogRetentionDays = 30
	}
}

// Validate reports every problem in the Args.
func (a *MLWorkspaceArgs) Validate() error {
	a.applyDefaults()
	var ps problems
	if a.ResourceGroupName == nil {
		ps.add("resourceGroupName", "is required")
	}
	if a.StorageAccountID == nil {
		ps.add("storageAccountId", "is required: the workspace's default storage cannot be added later")
	}
	if a.KeyVaultID == nil {
		ps.add("keyVaultId", "is required: the workspace's key vault cannot be added later")
	}
	if _, err := netplan.CanonicalRegion(a.Location); err != nil {
		ps.add("location", "%v", err)
	}
	workspaceName.check(&ps, "name", a.WorkspaceName)
	if !slices.Contains(registrySkus, a.RegistrySku) {
		ps.add("registrySku", "%q is not a registry SKU; use one of %v", a.RegistrySku, registrySkus)
	}
	if a.ImageBuildCompute != "" {
		computeName.check(&ps, "imageBuildCompute", a.ImageBuildCompute)
	}
	if a.PrivateOnly {
		if a.RegistrySku != "Premium" {
			ps.add("registrySku", "is %s; a registry behind private endpoints needs Premium (Azure refuses network rules and private endpoints below it)", a.RegistrySku)
		}
		if a.ImageBuildCompute == "" {
			ps.add("imageBuildCompute", "is required when the registry is private: name the compute cluster that builds images")
		}
	}
	if len(a.DiagnosticTargets) > 0 && !a.Diagnostics {
		ps.add("diagnostics", "diagnostic targets are given but diagnostics is off")
	}
	if a.LogRetentionDays < 30 || a.LogRetentionDays > 730 {
		ps.add("logRetentionDays", "is %d; Log Analytics keeps 30-730 days", a.LogRetentionDays)
	}
	return ps.err("MLWorkspace")
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
}

// NewMLWorkspace validates args and creates the workspace and its helpers.
func NewMLWorkspace(ctx *pulumi.Context, name string, args *MLWorkspaceArgs, opts ...pulumi.ResourceOption) (*MLWorkspace, error) {
	if args == nil {
		args = &MLWorkspaceArgs{}
	}
	if err := args.Validate(); err != nil {
		return nil, err
	}
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
		RetentionInDays:   pulumi.Int(args.LogRetentionDays),
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
		Sku:               &containerregistry.SkuArgs{Name: pulumi.String(args.RegistrySku)},
		// The workspace of API 2023-04-01 pulls and pushes with the registry's
		// admin credentials, which it keeps in the key vault (2019 article).
		AdminUserEnabled: pulumi.Bool(true),
		Tags:             tags,
	}
	if args.PrivateOnly {
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
		WorkspaceName:       pulumi.String(args.WorkspaceName),
		Location:            loc,
		Identity:            &azureml.ManagedServiceIdentityArgs{Type: pulumi.String(string(azureml.ManagedServiceIdentityTypeSystemAssigned))},
		StorageAccount:      args.StorageAccountID.ToStringOutput(),
		KeyVault:            args.KeyVaultID.ToStringOutput(),
		ApplicationInsights: appInsights.ID().ToStringOutput(),
		ContainerRegistry:   registry.ID().ToStringOutput(),
		Tags:                tags,
	}
	if args.Description != "" {
		wargs.Description = pulumi.String(args.Description)
	}
	if args.ImageBuildCompute != "" {
		wargs.ImageBuildCompute = pulumi.String(args.ImageBuildCompute)
	}
	if args.PrivateOnly {
		wargs.PublicNetworkAccess = azureml.PublicNetworkAccessDisabled
	}
	ws, err := azureml.NewWorkspace(ctx, name, wargs, parent, pulumi.Protect(args.Protect))
	if err != nil {
		return nil, err
	}
	if args.Diagnostics {
		targets := map[string]pulumi.StringInput{"workspace": ws.ID().ToStringOutput()}
		for k, v := range args.DiagnosticTargets {
			targets[k] = v
		}
		for _, k := range slices.Sorted(maps.Keys(targets)) {
			if err := newDiagnostics(ctx, name+"-diag-"+k, targets[k], logs.ID().ToStringOutput(), k == "storage", parent); err != nil {
				return nil, err
			}
		}
	}
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
