package components

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

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
	ws := one(t, m.OfType("azure-native:machinelearningservices:Workspace"))
	if !strings.HasSuffix(ws.String("storageAccount"), "/storageAccounts/st") || !strings.HasSuffix(ws.String("keyVault"), "/vaults/kv") ||
		!strings.Contains(ws.String("containerRegistry"), "/Microsoft.ContainerRegistry/registries/") || !strings.Contains(ws.String("applicationInsights"), "/Microsoft.Insights/components/") {
		t.Errorf("workspace wiring %v", ws.Inputs)
	}
	if ws.String("identity.type") != "SystemAssigned" || ws.String("workspaceName") != "amlvnet-ws" || !ws.Protect || ws.Version != "2.92.3" {
		t.Errorf("workspace %v protect=%v version=%q", ws.Inputs, ws.Protect, ws.Version)
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
	ws := one(t, m.OfType("azure-native:machinelearningservices:Workspace"))
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
	ws := one(t, m.OfType("azure-native:machinelearningservices:Workspace"))
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
	wantSpecProblems(t, MLWorkspaceSpec{ImageBuildCompute: "1cluster", LogRetentionDays: ptr(731)}.Validate(NewPath("amlvnet:workspace")),
		`amlvnet:workspace.imageBuildCompute: ML compute name "1cluster" is not allowed`,
		"amlvnet:workspace.logRetentionDays: is 731; Log Analytics keeps 30-730 days")
	// An explicit zero is refused; nil is the default 30.
	wantSpecProblems(t, MLWorkspaceSpec{LogRetentionDays: ptr(0)}.Validate(NewPath("spec")),
		"spec.logRetentionDays: is 0; Log Analytics keeps 30-730 days")
	wantSpecProblems(t, MLWorkspaceSpec{}.Validate(NewPath("spec")))
}

func TestMLWorkspaceSpecWithDefaultsAndPurity(t *testing.T) {
	d := MLWorkspaceSpec{}.WithDefaults()
	if d.Name != DefaultWorkspaceName || d.RegistrySku != DefaultRegistrySku || d.LogRetentionDays == nil || *d.LogRetentionDays != DefaultLogRetentionDays {
		t.Errorf("defaults %+v", d)
	}
	spec := MLWorkspaceSpec{PrivateOnly: true}
	first, second := spec.Validate(NewPath("spec")), spec.Validate(NewPath("spec"))
	if len(first) != 2 || !reflect.DeepEqual(first, second) {
		t.Errorf("Validate twice gives %v then %v", first, second)
	}
	if !reflect.DeepEqual(spec, MLWorkspaceSpec{PrivateOnly: true}) {
		t.Errorf("WithDefaults or Validate changed the spec: %+v", spec)
	}
}
