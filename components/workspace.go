package components

import (
	"fmt"
	"slices"
	"strings"

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
	// ManagedNetwork gives the workspace Azure ML's managed virtual network,
	// in which its managed computes run (the root program: amlvnet:network.managed
	// with isolation managed). Azure reaches the registry from it through a
	// private endpoint, so the registry must be Premium, and images are built
	// on a compute inside it, so ImageBuildCompute must be set. With outbound
	// internet the registry's public network access is off: Azure adds its
	// private endpoint only then. Serverless compute gets no public IP.
	// Optional: nil is no managed network. Not with PrivateOnly.
	ManagedNetwork *ManagedNetworkSpec `json:"-" pulumi:"managedNetwork,optional"`
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

// WorkspaceSite is what a workspace's validation needs besides its spec.
type WorkspaceSite struct {
	// ManagedNetworkPath names the spec's ManagedNetwork where its author
	// wrote it (the root program: amlvnet:network.managed); nil names it
	// below the spec, as managedNetwork.
	ManagedNetworkPath *Path
	// ManagedNetwork is what the managed network's rules may name.
	ManagedNetwork ManagedNetworkSite
}

// Validate reports every problem of the spec, named below p (its managed
// network's at site.ManagedNetworkPath).
func (s MLWorkspaceSpec) Validate(p *Path, site WorkspaceSite) Problems {
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
	if mn := s.ManagedNetwork; mn != nil {
		mp := site.ManagedNetworkPath
		if mp == nil {
			mp = p.Child("managedNetwork")
		}
		ps = append(ps, mn.Validate(mp, site.ManagedNetwork)...)
		if s.PrivateOnly {
			ps.Add(p.Child("privateOnly"), "a workspace has either a managed network or private endpoints in a VNet of ours, not both")
		}
		// Azure adds a private endpoint to the registry from the managed
		// network (always with outbound approved; with internet once its
		// public access is off), and private endpoints need Premium
		// (https://learn.microsoft.com/azure/container-registry/container-registry-private-link).
		if s.RegistrySku != "Premium" {
			ps.Add(p.Child("registrySku"), "is %s; Azure reaches the registry from the managed network through a private endpoint, which needs Premium", s.RegistrySku)
		}
		if s.ImageBuildCompute == "" {
			ps.Add(p.Child("imageBuildCompute"), "is required with a managed network: name the compute cluster that builds images inside it")
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
	// RuleTargets are resources created alongside the workspace that a
	// private-endpoint rule of its managed network may name, by key, instead
	// of giving an ARM ID (the root program: inferenceStorage). Optional.
	RuleTargets map[string]RuleTarget
}

// RuleTarget is a resource that a managed network's private-endpoint rule
// may name by key (MLWorkspaceArgs.RuleTargets).
type RuleTarget struct {
	// Type is the ARM resource type, e.g. Microsoft.Storage/storageAccounts.
	Type string
	// ID is the resource's ARM ID.
	ID pulumi.StringInput
}

// site is the WorkspaceSite of the args.
func (a *MLWorkspaceArgs) site() WorkspaceSite {
	targets := map[string]string{}
	for k, t := range a.RuleTargets {
		targets[k] = t.Type
	}
	return WorkspaceSite{ManagedNetwork: ManagedNetworkSite{Targets: targets}}
}

// Validate reports every problem of the args, each named by the path of its
// input, without registering anything; NewMLWorkspace runs it first.
func (a *MLWorkspaceArgs) Validate() Problems {
	ps := a.Spec.Validate(NewPath("spec"), a.site())
	for k, t := range a.RuleTargets {
		if t.ID == nil {
			ps.Add(NewPath("ruleTargets", k, "id"), "is required")
		}
	}
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

	// WorkspaceID is the workspace's ARM ID.
	WorkspaceID pulumi.StringOutput `pulumi:"workspaceId"`
	// WorkspaceName is the workspace's name.
	WorkspaceName pulumi.StringOutput `pulumi:"workspaceName"`
	// WorkspaceGUID is Azure's immutable GUID of the workspace.
	WorkspaceGUID pulumi.StringOutput `pulumi:"workspaceGuid"`
	// DiscoveryURL is the workspace's discovery URL, which the SDKs use.
	DiscoveryURL pulumi.StringOutput `pulumi:"discoveryUrl"`
	// PrincipalID is the principal of the workspace's system-assigned identity.
	PrincipalID pulumi.StringOutput `pulumi:"principalId"`
	// ProvisioningState is the workspace's provisioning state.
	ProvisioningState pulumi.StringOutput `pulumi:"provisioningState"`
	// RegistryID is the container registry's ARM ID.
	RegistryID pulumi.StringOutput `pulumi:"registryId"`
	// AppInsightsID is the Application Insights component's ARM ID.
	AppInsightsID pulumi.StringOutput `pulumi:"appInsightsId"`
	// LogAnalyticsID is the Log Analytics workspace's ARM ID.
	LogAnalyticsID pulumi.StringOutput `pulumi:"logAnalyticsId"`
	// ResourceGroupName holds the workspace.
	ResourceGroupName pulumi.StringOutput `pulumi:"resourceGroupName"`
	// StorageAccountID is the workspace's default storage account.
	StorageAccountID pulumi.StringOutput `pulumi:"storageAccountId"`
}

// Ref is the handle a compute attached to the workspace takes.
func (w *MLWorkspace) Ref() WorkspaceRef {
	return WorkspaceRef{ResourceGroupName: w.ResourceGroupName, Name: w.WorkspaceName,
		PrincipalID: w.PrincipalID, RegistryID: w.RegistryID, StorageAccountID: w.StorageAccountID}
}

// NewMLWorkspace validates args and creates the workspace and its helpers.
func NewMLWorkspace(ctx *pulumi.Context, name string, args *MLWorkspaceArgs, opts ...pulumi.ResourceOption) (*MLWorkspace, error) {
	if args == nil {
		args = &MLWorkspaceArgs{}
	}
	if err := validated(ctx, "MLWorkspace", args.Validate()); err != nil {
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
	if spec.PrivateOnly || spec.ManagedNetwork != nil && spec.ManagedNetwork.WithDefaults().Outbound == ManagedOutboundInternet {
		rargs.PublicNetworkAccess = pulumi.String(string(containerregistry.PublicNetworkAccessDisabled))
		rargs.NetworkRuleBypassOptions = pulumi.String(string(containerregistry.NetworkRuleBypassOptionsAzureServices))
		rargs.NetworkRuleSet = &containerregistry.NetworkRuleSetArgs{DefaultAction: pulumi.String(string(containerregistry.DefaultActionDeny))}
	}
	registry, err := containerregistry.NewRegistry(ctx, registryLogicalName(name), rargs, parent, previousNameAliases(args.PreviousNames, registryLogicalName))
	if err != nil {
		return nil, err
	}
	wargs := &azureml.WorkspaceV20241001Args{
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
	if spec.ManagedNetwork != nil {
		wargs.ManagedNetwork = managedNetworkArgs(*spec.ManagedNetwork, args.RuleTargets)
		// Serverless jobs run in the managed network too, without public IPs
		// ("Model training on serverless compute", network isolation:
		// https://learn.microsoft.com/azure/machine-learning/how-to-use-serverless-compute).
		wargs.ServerlessComputeSettings = &azureml.ServerlessComputeSettingsArgs{ServerlessComputeNoPublicIP: pulumi.Bool(true)}
	}
	// API 2024-10-01 in every isolation mode (it has managedNetwork); the
	// alias takes over a workspace registered under the default token
	// (2023-04-01) by an earlier release: an update, not a replacement.
	ws, err := azureml.NewWorkspaceV20241001(ctx, name, wargs, parent, pulumi.Protect(args.Protect), azureml.AliasFromWorkspace())
	if err != nil {
		return nil, err
	}
	if spec.ManagedNetwork != nil {
		// What the managed network costs and when it exists, in the preview's
		// output: neither shows in the resources planned.
		for _, n := range managedNetworkNotices(*spec.ManagedNetwork) {
			_ = ctx.Log.Info("MLWorkspace: "+n, &pulumi.LogArgs{Resource: comp})
		}
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
	comp.ResourceGroupName = args.ResourceGroupName.ToStringOutput()
	comp.StorageAccountID = args.StorageAccountID.ToStringOutput()
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
		"resourceGroupName": comp.ResourceGroupName,
		"storageAccountId":  comp.StorageAccountID,
	}); err != nil {
		return nil, err
	}
	return comp, nil
}

// managedNetworkArgs is the workspace's managedNetwork for spec: its mode,
// the firewall SKU with FQDN rules, and the rules by name, a rule naming a
// target by key pointing at the target's ID.
func managedNetworkArgs(spec ManagedNetworkSpec, targets map[string]RuleTarget) *azureml.ManagedNetworkSettingsArgs {
	spec = spec.WithDefaults()
	out := &azureml.ManagedNetworkSettingsArgs{IsolationMode: pulumi.String(spec.IsolationMode())}
	if spec.FirewallSku != "" {
		out.FirewallSku = pulumi.String(spec.FirewallSku)
	}
	if len(spec.Rules) == 0 {
		return out
	}
	rules := map[string]pulumi.Input{}
	for _, r := range spec.Rules {
		switch r.Type {
		case RuleTypeFQDN:
			rules[r.Name] = &azureml.FqdnOutboundRuleArgs{Category: azureml.RuleCategoryUserDefined, Destination: pulumi.String(r.Destination)}
		case RuleTypePrivateEndpoint:
			var id pulumi.StringInput = pulumi.String(r.ResourceID)
			if t, ok := targets[r.ResourceID]; ok {
				id = t.ID
			}
			rules[r.Name] = &azureml.PrivateEndpointOutboundRuleArgs{Category: azureml.RuleCategoryUserDefined, Destination: &azureml.PrivateEndpointDestinationArgs{
				ServiceResourceId: id, SubresourceTarget: pulumi.String(r.Subresource),
			}}
		case RuleTypeServiceTag:
			rules[r.Name] = &azureml.ServiceTagOutboundRuleArgs{Category: azureml.RuleCategoryUserDefined, Destination: &azureml.ServiceTagDestinationArgs{
				Action: azureml.RuleActionAllow, ServiceTag: pulumi.String(r.ServiceTag), Protocol: pulumi.String(r.Protocol), PortRanges: pulumi.String(r.Ports),
			}}
		}
	}
	out.OutboundRules = rules
	return out
}

// firewallPrices are Azure Firewall's US list prices (per deployment hour,
// per GB processed) at the time of writing,
// https://azure.microsoft.com/pricing/details/azure-firewall/.
var firewallPrices = map[string]struct{ hour, gb float64 }{
	FirewallSkuStandard: {1.25, 0.016},
	FirewallSkuBasic:    {0.395, 0.065},
}

// managedNetworkNotices says, for the preview, when Azure provisions a
// managed network and what it bills for it (how-to-managed-network: deferred
// provisioning, about 30 minutes plus about 10 for the first FQDN rule; the
// feature is free, its private endpoints are Private Link, its FQDN rules an
// Azure Firewall).
func managedNetworkNotices(spec ManagedNetworkSpec) []string {
	spec = spec.WithDefaults()
	var fqdn, endpoints []string
	for _, r := range spec.Rules {
		switch r.Type {
		case RuleTypeFQDN:
			fqdn = append(fqdn, r.Name)
		case RuleTypePrivateEndpoint:
			endpoints = append(endpoints, r.Name)
		}
	}
	wait := "about 30 minutes"
	if len(fqdn) > 0 {
		wait += ", plus about 10 for the first FQDN rule's firewall"
	}
	out := []string{fmt.Sprintf("the managed network (%s) is provisioned when the first compute is created, which takes %s; "+
		"online deployments need it provisioned first (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network)", spec.IsolationMode(), wait)}
	if len(fqdn) > 0 {
		p := firewallPrices[spec.FirewallSku]
		out = append(out, fmt.Sprintf("cost: the fqdn rules (%s) make Azure create an Azure Firewall, SKU %s, billed while the managed network exists: "+
			"%.3g USD per hour (about %.0f USD per 30-day month) plus %.3g USD per GB processed, US list prices "+
			"(https://azure.microsoft.com/pricing/details/azure-firewall/)", strings.Join(fqdn, ", "), spec.FirewallSku, p.hour, p.hour*24*30, p.gb))
	}
	rules := ""
	if len(endpoints) > 0 {
		rules = ", and one per privateEndpoint rule (" + strings.Join(endpoints, ", ") + ")"
	}
	out = append(out, "cost: Azure's private endpoints in the managed network, to the workspace, its storage account, key vault and registry"+rules+
		", are billed as Private Link: about 0.01 USD per endpoint-hour plus 0.01 USD per GB, US list prices (https://azure.microsoft.com/pricing/details/private-link/)")
	return out
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
