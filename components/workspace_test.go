package components

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

func TestMLWorkspace(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			StorageAccountID:  pulumi.String(storageID),
			KeyVaultID:        pulumi.String(vaultID),
			Protect:           true,
		})
		return err
	})
	ws := one(t, m.OfType(azureml.WorkspaceV20241001Token))
	if !strings.HasSuffix(ws.String("storageAccount"), "/storageAccounts/st") || !strings.HasSuffix(ws.String("keyVault"), "/vaults/kv") ||
		!strings.Contains(ws.String("containerRegistry"), "/Microsoft.ContainerRegistry/registries/") || !strings.Contains(ws.String("applicationInsights"), "/Microsoft.Insights/components/") {
		t.Errorf("workspace wiring %v", ws.Inputs)
	}
	if ws.String("identity.type") != "SystemAssigned" || ws.String("workspaceName") != "amlvnet-ws" || !ws.Protect || ws.Version != "2.92.3" {
		t.Errorf("workspace %v protect=%v version=%q", ws.Inputs, ws.Protect, ws.Version)
	}
	// API 2024-10-01 in every mode, aliased to the default token an earlier
	// release registered it under, and no managed network unless asked for.
	if !slices.Equal(ws.AliasTypes, []string{azureml.WorkspaceToken}) {
		t.Errorf("workspace aliases %v, want the default token %s", ws.AliasTypes, azureml.WorkspaceToken)
	}
	for _, absent := range []string{"managedNetwork", "serverlessComputeSettings"} {
		if _, has := ws.Inputs[resource.PropertyKey(absent)]; has {
			t.Errorf("%s set without a managed network: %v", absent, ws.Inputs[resource.PropertyKey(absent)])
		}
	}
	ai := one(t, m.OfType("azure-native:insights:Component"))
	if !strings.Contains(ai.String("workspaceResourceId"), "/Microsoft.OperationalInsights/workspaces/") || ai.String("ingestionMode") != "LogAnalytics" {
		t.Errorf("Application Insights must sit on Log Analytics: %v", ai.Inputs)
	}
	logs := one(t, m.OfType("azure-native:operationalinsights:Workspace"))
	if n, _ := logs.Number("retentionInDays"); n != DefaultLogRetentionDays {
		t.Errorf("log retention %v, want the default %d", n, DefaultLogRetentionDays)
	}
	if acr := one(t, m.OfType("azure-native:containerregistry:Registry")); acr.String("sku.name") != DefaultRegistrySku {
		t.Errorf("registry SKU %q, want the default %q", acr.String("sku.name"), DefaultRegistrySku)
	}
	if len(m.OfType("azure-native:insights:DiagnosticSetting")) != 0 {
		t.Error("no diagnostic settings unless asked for")
	}
	parentedTo(t, m, MLWorkspaceType)

	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{Location: "eastus2", Spec: MLWorkspaceSpec{Name: "w", RegistrySku: "Gold"}})
		return err
	})
	wantProblems(t, err, "resourceGroupName: is required", "storageAccountId: is required", "keyVaultId: is required",
		"spec.name: ML workspace name \"w\" is 1 character long", "spec.registrySku: \"Gold\"")
}

// Ref hands a compute what it needs to attach to the workspace: the
// workspace's resource group and the name Azure gave it.
func TestMLWorkspaceRefFeedsACompute(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		ws, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{
			ResourceGroupName: pulumi.String("ml-rg"),
			Location:          "eastus2",
			StorageAccountID:  pulumi.String(storageID),
			KeyVaultID:        pulumi.String(vaultID),
			Spec:              MLWorkspaceSpec{Name: "my-ws"},
		})
		if err != nil {
			return err
		}
		_, err = NewAmlComputeInVnet(ctx, "training", &AmlComputeInVnetArgs{Location: "eastus2", Subnet: trainingSubnetRef(), Workspace: ws.Ref()})
		return err
	})
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	if c.String("workspaceName") != "my-ws" || c.String("resourceGroupName") != "ml-rg" {
		t.Errorf("compute attached to %q in %q, want my-ws in ml-rg", c.String("workspaceName"), c.String("resourceGroupName"))
	}
	ws := one(t, m.OfType(azureml.WorkspaceV20241001Token))
	if !dependsOn(c, ws) {
		t.Errorf("the compute must wait for the workspace it names: %v", c.DependsOn)
	}
}

func TestMLWorkspacePrivateOnlyAndDiagnostics(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			StorageAccountID:  pulumi.String(storageID),
			KeyVaultID:        pulumi.String(vaultID),
			Spec: MLWorkspaceSpec{
				RegistrySku:       "Premium",
				ImageBuildCompute: "cpucluster",
				PrivateOnly:       true,
				Diagnostics:       true,
			},
		})
		return err
	})
	ws := one(t, m.OfType(azureml.WorkspaceV20241001Token))
	if ws.String("publicNetworkAccess") != "Disabled" || ws.String("imageBuildCompute") != "cpucluster" {
		t.Errorf("private-only workspace: %v", ws.Inputs)
	}
	acr := one(t, m.OfType("azure-native:containerregistry:Registry"))
	if acr.String("sku.name") != "Premium" || acr.String("publicNetworkAccess") != "Disabled" || acr.String("networkRuleSet.defaultAction") != "Deny" {
		t.Errorf("private-only registry: %v", acr.Inputs)
	}

	logs := one(t, m.OfType("azure-native:operationalinsights:Workspace"))
	logsID := "/subscriptions/" + pulumitest.SubscriptionID + "/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/" + logs.Name
	settings := map[string]pulumitest.Resource{}
	for _, d := range m.OfType("azure-native:insights:DiagnosticSetting") {
		settings[d.String("resourceUri")] = d
	}
	wsURI := "/subscriptions/" + pulumitest.SubscriptionID + "/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/amlvnet-ws"
	if len(settings) != 3 {
		t.Fatalf("diagnostic settings on %v, want the workspace, the vault and the storage account", slices.Sorted(maps.Keys(settings)))
	}
	for _, uri := range []string{wsURI, vaultID, storageID} {
		d, ok := settings[uri]
		if !ok {
			t.Errorf("no diagnostic setting on %s (have %v)", uri, slices.Sorted(maps.Keys(settings)))
			continue
		}
		if d.String("workspaceId") != logsID {
			t.Errorf("%s: diagnostics go to %q, want the Log Analytics workspace %q", uri, d.String("workspaceId"), logsID)
		}
		var categories []string
		mv, _ := d.Input("metrics")
		for _, e := range mv.ArrayValue() {
			categories = append(categories, e.ObjectValue()["category"].StringValue())
		}
		lv, _ := d.Input("logs")
		if uri == storageID {
			// No logs on the account itself, and Azure refuses AllMetrics
			// there (supported: Capacity, Transaction).
			if lv.IsArray() && len(lv.ArrayValue()) > 0 {
				t.Errorf("storage account diagnostics take metrics only, got logs %v", lv)
			}
			if !reflect.DeepEqual(categories, []string{"Transaction"}) {
				t.Errorf("storage account metric categories %v, want [Transaction]", categories)
			}
			continue
		}
		if !reflect.DeepEqual(categories, []string{"AllMetrics"}) {
			t.Errorf("%s: metric categories %v", uri, categories)
		}
		if len(lv.ArrayValue()) != 1 || lv.ArrayValue()[0].ObjectValue()["categoryGroup"].StringValue() != "allLogs" {
			t.Errorf("%s: logs %v, want categoryGroup allLogs", uri, lv)
		}
	}

	wired := func(spec MLWorkspaceSpec) error {
		return constructErr(t, func(ctx *pulumi.Context) error {
			_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
				StorageAccountID: pulumi.String(storageID), KeyVaultID: pulumi.String(vaultID), Spec: spec})
			return err
		})
	}
	wantProblems(t, wired(MLWorkspaceSpec{PrivateOnly: true}),
		"spec.registrySku: is Basic; a registry behind private endpoints needs Premium",
		"spec.imageBuildCompute: is required when the registry is private")
}

// Without diagnostics nothing is sent to Log Analytics.
func TestMLWorkspaceWithoutDiagnostics(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			StorageAccountID: pulumi.String(storageID), KeyVaultID: pulumi.String(vaultID)})
		return err
	})
	if n := len(m.OfType("azure-native:insights:DiagnosticSetting")); n != 0 {
		t.Errorf("%d diagnostic settings with diagnostics off", n)
	}
}

func TestMLWorkspaceSpecValidate(t *testing.T) {
	wantSpecProblems(t, MLWorkspaceSpec{ImageBuildCompute: "1cluster", LogRetentionDays: ptr(731)}.Validate(NewPath("amlvnet:workspace"), WorkspaceSite{}),
		`amlvnet:workspace.imageBuildCompute: ML compute name "1cluster" is not allowed`,
		"amlvnet:workspace.logRetentionDays: is 731; Log Analytics keeps 30-730 days")
	// An explicit zero is refused; nil is the default 30.
	wantSpecProblems(t, MLWorkspaceSpec{LogRetentionDays: ptr(0)}.Validate(NewPath("spec"), WorkspaceSite{}),
		"spec.logRetentionDays: is 0; Log Analytics keeps 30-730 days")
	wantSpecProblems(t, MLWorkspaceSpec{}.Validate(NewPath("spec"), WorkspaceSite{}))
}

func TestMLWorkspaceSpecWithDefaultsAndPurity(t *testing.T) {
	d := MLWorkspaceSpec{}.WithDefaults()
	if d.Name != DefaultWorkspaceName || d.RegistrySku != DefaultRegistrySku || d.LogRetentionDays == nil || *d.LogRetentionDays != DefaultLogRetentionDays {
		t.Errorf("defaults %+v", d)
	}
	spec := MLWorkspaceSpec{PrivateOnly: true}
	first, second := spec.Validate(NewPath("spec"), WorkspaceSite{}), spec.Validate(NewPath("spec"), WorkspaceSite{})
	if len(first) != 2 || !reflect.DeepEqual(first, second) {
		t.Errorf("Validate twice gives %v then %v", first, second)
	}
	if !reflect.DeepEqual(spec, MLWorkspaceSpec{PrivateOnly: true}) {
		t.Errorf("WithDefaults or Validate changed the spec: %+v", spec)
	}
}

// TestMLWorkspaceManagedNetwork: an approved-outbound managed network with a
// rule of each type, one naming a target by key; serverless compute without
// public IPs; a Standard firewall for the FQDN rule; the registry Premium and
// still public (Azure's private endpoint reaches it regardless).
func TestMLWorkspaceManagedNetwork(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			StorageAccountID:  pulumi.String(storageID),
			KeyVaultID:        pulumi.String(vaultID),
			RuleTargets:       map[string]RuleTarget{"inference": {Type: "Microsoft.Storage/storageAccounts", ID: pulumi.String(storageID + "2")}},
			Spec: MLWorkspaceSpec{RegistrySku: "Premium", ImageBuildCompute: "cpucluster", ManagedNetwork: &ManagedNetworkSpec{Rules: []ManagedOutboundRule{
				pypiRule(), monitorRule(),
				{Name: "scoring-store", Type: RuleTypePrivateEndpoint, ResourceID: "inference", Subresource: "blob"},
			}}},
		})
		return err
	})
	ws := one(t, m.OfType(azureml.WorkspaceV20241001Token))
	for path, want := range map[string]string{
		"managedNetwork.isolationMode":                                             "AllowOnlyApprovedOutbound",
		"managedNetwork.firewallSku":                                               "Standard",
		"managedNetwork.outboundRules.pypi.type":                                   "FQDN",
		"managedNetwork.outboundRules.pypi.destination":                            "pypi.org",
		"managedNetwork.outboundRules.pypi.category":                               "UserDefined",
		"managedNetwork.outboundRules.monitor.type":                                "ServiceTag",
		"managedNetwork.outboundRules.monitor.destination.serviceTag":              "AzureMonitor",
		"managedNetwork.outboundRules.monitor.destination.protocol":                "TCP",
		"managedNetwork.outboundRules.monitor.destination.portRanges":              "443",
		"managedNetwork.outboundRules.monitor.destination.action":                  "Allow",
		"managedNetwork.outboundRules.scoring-store.type":                          "PrivateEndpoint",
		"managedNetwork.outboundRules.scoring-store.destination.serviceResourceId": storageID + "2",
		"managedNetwork.outboundRules.scoring-store.destination.subresourceTarget": "blob",
		"imageBuildCompute": "cpucluster",
	} {
		if got := ws.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if b, ok := ws.Bool("serverlessComputeSettings.serverlessComputeNoPublicIP"); !ok || !b {
		t.Errorf("serverless compute must run without public IPs: %v", ws.Inputs["serverlessComputeSettings"])
	}
	if ws.String("publicNetworkAccess") != "" {
		t.Errorf("the workspace stays reachable (Entra ID): publicNetworkAccess %q", ws.String("publicNetworkAccess"))
	}
	acr := one(t, m.OfType("azure-native:containerregistry:Registry"))
	if acr.String("sku.name") != "Premium" || acr.String("publicNetworkAccess") != "Enabled" {
		t.Errorf("registry with outbound approved: %v", acr.Inputs)
	}

	// With outbound internet Azure adds its private endpoint to the
	// registry only once its public access is off.
	m = &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{
			ResourceGroupName: pulumi.String("rg"), Location: "eastus2", StorageAccountID: pulumi.String(storageID), KeyVaultID: pulumi.String(vaultID),
			Spec: MLWorkspaceSpec{RegistrySku: "Premium", ImageBuildCompute: "cpucluster", ManagedNetwork: &ManagedNetworkSpec{Outbound: ManagedOutboundInternet}},
		})
		return err
	})
	ws = one(t, m.OfType(azureml.WorkspaceV20241001Token))
	if ws.String("managedNetwork.isolationMode") != "AllowInternetOutbound" || ws.String("managedNetwork.firewallSku") != "" {
		t.Errorf("internet outbound, no firewall: %v", ws.Inputs["managedNetwork"])
	}
	if _, has := ws.Inputs["managedNetwork"].ObjectValue()["outboundRules"]; has {
		t.Errorf("no rules given, none sent: %v", ws.Inputs["managedNetwork"])
	}
	if acr := one(t, m.OfType("azure-native:containerregistry:Registry")); acr.String("publicNetworkAccess") != "Disabled" {
		t.Errorf("registry with outbound internet: %v", acr.Inputs)
	}
}

// TestMLWorkspaceManagedNetworkNeeds: a managed network needs a Premium
// registry and an image build compute; its rules are checked at the path the
// site gives, and a rule's key names must be among the targets.
func TestMLWorkspaceManagedNetworkNeeds(t *testing.T) {
	spec := MLWorkspaceSpec{PrivateOnly: true, ManagedNetwork: &ManagedNetworkSpec{Rules: []ManagedOutboundRule{
		{Name: "scoring-store", Type: RuleTypePrivateEndpoint, ResourceID: "inferenceStorage", Subresource: "blob"},
	}}}
	wantSpecProblems(t, spec.Validate(NewPath("amlvnet:workspace"), WorkspaceSite{ManagedNetworkPath: NewPath("amlvnet:network", "managed")}),
		"amlvnet:workspace.privateOnly: a workspace has either a managed network or private endpoints",
		"amlvnet:workspace.registrySku: is Basic; a registry behind private endpoints needs Premium",
		"amlvnet:workspace.registrySku: is Basic; Azure reaches the registry from the managed network through a private endpoint, which needs Premium",
		"amlvnet:workspace.imageBuildCompute: is required when the registry is private",
		"amlvnet:workspace.imageBuildCompute: is required with a managed network",
		`amlvnet:network.managed.rules[0].resourceId: "inferenceStorage" is not an ARM resource ID`,
	)
	site := WorkspaceSite{ManagedNetwork: inferenceTarget}
	spec.PrivateOnly, spec.RegistrySku, spec.ImageBuildCompute = false, "Premium", "cpucluster"
	wantSpecProblems(t, spec.Validate(NewPath("spec"), site))

	// Through the component: the rules below spec.managedNetwork, and a
	// target without an ID.
	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{
			ResourceGroupName: pulumi.String("rg"), Location: "eastus2", StorageAccountID: pulumi.String(storageID), KeyVaultID: pulumi.String(vaultID),
			RuleTargets: map[string]RuleTarget{"inference": {Type: "Microsoft.Storage/storageAccounts"}},
			Spec:        MLWorkspaceSpec{RegistrySku: "Premium", ImageBuildCompute: "cpucluster", ManagedNetwork: &ManagedNetworkSpec{Outbound: ManagedOutboundInternet, Rules: []ManagedOutboundRule{pypiRule()}}},
		})
		return err
	})
	wantProblems(t, err, "spec.managedNetwork.rules[0].type: a fqdn rule needs outbound approved", "ruleTargets.inference.id: is required")
}

// TestManagedNetworkNotices: the preview says when the network is built and
// what it bills: the firewall only with FQDN rules, at its SKU's price.
func TestManagedNetworkNotices(t *testing.T) {
	notices := managedNetworkNotices(ManagedNetworkSpec{Rules: []ManagedOutboundRule{pypiRule(), storeRule()}})
	want := []string{
		"the managed network (AllowOnlyApprovedOutbound) is provisioned when the first compute is created, which takes about 30 minutes, plus about 10 for the first FQDN rule's firewall",
		"cost: the fqdn rules (pypi) make Azure create an Azure Firewall, SKU Standard, billed while the managed network exists: 1.25 USD per hour (about 900 USD per 30-day month) plus 0.016 USD per GB",
		"cost: Azure's private endpoints in the managed network, to the workspace, its storage account, key vault and registry, and one per privateEndpoint rule (scoring-store), are billed as Private Link",
	}
	matchProblems(t, notices, want)
	notices = managedNetworkNotices(ManagedNetworkSpec{FirewallSku: FirewallSkuBasic, Rules: []ManagedOutboundRule{pypiRule()}})
	if !hasProblem(notices, "SKU Basic, billed while the managed network exists: 0.395 USD per hour (about 284 USD per 30-day month) plus 0.065 USD per GB") {
		t.Errorf("Basic firewall: %q", notices)
	}
	notices = managedNetworkNotices(ManagedNetworkSpec{Outbound: ManagedOutboundInternet})
	if len(notices) != 2 || hasProblem(notices, "Firewall") || !hasProblem(notices, "(AllowInternetOutbound) is provisioned when the first compute is created, which takes about 30 minutes;") {
		t.Errorf("internet outbound, no firewall: %q", notices)
	}
}
