package components

import (
	"reflect"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

func TestSecureStorageDenyByDefault(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "ws-storage", &SecureStorageArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			SubnetIDs:         pulumi.StringArray{pulumi.String(trainingSubnetID)},
			Spec:              SecureStorageSpec{ClientIPRanges: []string{"203.0.113.0/29", "198.51.100.7", "198.51.100.8/31"}},
			Protect:           true,
		})
		return err
	})
	sa := one(t, m.OfType("azure-native:storage:StorageAccount"))
	checks := map[string]string{
		"networkRuleSet.defaultAction": "Deny",
		"networkRuleSet.bypass":        "AzureServices",
		"minimumTlsVersion":            "TLS1_2",
		"kind":                         "StorageV2",
		"sku.name":                     DefaultStorageSku,
		"location":                     "eastus2",
	}
	for path, want := range checks {
		if got := sa.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if b, _ := sa.Bool("enableHttpsTrafficOnly"); !b {
		t.Error("HTTPS only must be on")
	}
	if b, ok := sa.Bool("allowBlobPublicAccess"); !ok || b {
		t.Error("anonymous blob access must be off")
	}
	rules, _ := sa.Input("networkRuleSet.virtualNetworkRules")
	if len(rules.ArrayValue()) != 1 || rules.ArrayValue()[0].ObjectValue()["virtualNetworkResourceId"].StringValue() != trainingSubnetID {
		t.Errorf("VNet rules %v", rules)
	}
	var ips []string
	v, _ := sa.Input("networkRuleSet.ipRules")
	for _, r := range v.ArrayValue() {
		ips = append(ips, r.ObjectValue()["iPAddressOrRange"].StringValue())
	}
	// /32 and /31 become single addresses: Azure refuses those prefix sizes.
	if want := []string{"203.0.113.0/29", "198.51.100.7", "198.51.100.8", "198.51.100.9"}; !reflect.DeepEqual(ips, want) {
		t.Errorf("IP rules %v, want %v", ips, want)
	}
	if !sa.Protect {
		t.Error("Protect must reach the account")
	}
	parentedTo(t, m, SecureStorageType)
}

func TestSecureStorageUnrestrictedForInference(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "scoring", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: SecureStorageSpec{Unrestricted: true}})
		return err
	})
	sa := one(t, m.OfType("azure-native:storage:StorageAccount"))
	if sa.String("networkRuleSet.defaultAction") != "Allow" {
		t.Errorf("inference storage default action %q, want Allow", sa.String("networkRuleSet.defaultAction"))
	}
	if b, _ := sa.Bool("enableHttpsTrafficOnly"); !b || sa.String("minimumTlsVersion") != "TLS1_2" {
		t.Error("an open account still takes HTTPS and TLS 1.2 only")
	}
}

func TestSecureStorageValidation(t *testing.T) {
	spec := SecureStorageSpec{
		AccountName:    "Bad_Name",
		Sku:            "Cheap",
		ClientIPRanges: []string{"10.1.2.3", "not-an-ip", "192.168.0.0/16"},
	}
	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", Spec: spec})
		return err
	})
	wantProblems(t, err,
		"spec.accountName: storage account name \"Bad_Name\" is not allowed",
		"spec.sku: \"Cheap\" is not a storage SKU",
		"subnetIds: at least one subnet",
		"spec.clientIpRanges[0]: 10.1.2.3 is in the RFC 1918 private range",
		"spec.clientIpRanges[1]:",
		"spec.clientIpRanges[2]: 192.168.0.0/16 is in the RFC 1918 private range")

	// The spec alone: the same problems but the wiring one, under the
	// caller's path.
	wantSpecProblems(t, spec.Validate(NewPath("amlvnet:storage")),
		"amlvnet:storage.accountName: storage account name \"Bad_Name\" is not allowed",
		"amlvnet:storage.sku: \"Cheap\" is not a storage SKU",
		"amlvnet:storage.clientIpRanges[0]: 10.1.2.3 is in the RFC 1918 private range",
		"amlvnet:storage.clientIpRanges[1]:",
		"amlvnet:storage.clientIpRanges[2]: 192.168.0.0/16 is in the RFC 1918 private range")

	err = constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{Location: "atlantis", SubnetIDs: pulumi.StringArray{pulumi.String(trainingSubnetID)}})
		return err
	})
	wantProblems(t, err, "location: ", "resourceGroupName: is required")

	err = constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: SecureStorageSpec{Unrestricted: true, ClientIPRanges: []string{"203.0.113.0/29"}}})
		return err
	})
	wantProblems(t, err, "spec.clientIpRanges: has no effect on an unrestricted account")
}

func TestSecureStoragePrivateOnly(t *testing.T) {
	const workspaceID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "ws-storage", &SecureStorageArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			SubnetIDs:         pulumi.StringArray{pulumi.String(trainingSubnetID)},
			Spec:              SecureStorageSpec{PrivateOnly: true},
			TrustedResources:  pulumi.StringArray{pulumi.String(workspaceID)},
			TenantID:          pulumi.String("tenant"),
		})
		return err
	})
	sa := one(t, m.OfType("azure-native:storage:StorageAccount"))
	// Public access stays on behind a firewall that admits only trusted
	// services and the workspace, as Microsoft's secure template has it.
	if sa.String("publicNetworkAccess") != "" || sa.String("networkRuleSet.defaultAction") != "Deny" || sa.String("networkRuleSet.bypass") != "AzureServices" {
		t.Errorf("private-only account: publicNetworkAccess %q, default action %q, bypass %q", sa.String("publicNetworkAccess"), sa.String("networkRuleSet.defaultAction"), sa.String("networkRuleSet.bypass"))
	}
	rules, _ := sa.Input("networkRuleSet.resourceAccessRules")
	if !rules.IsArray() || len(rules.ArrayValue()) != 1 || rules.ArrayValue()[0].ObjectValue()["resourceId"].StringValue() != workspaceID ||
		rules.ArrayValue()[0].ObjectValue()["tenantId"].StringValue() != "tenant" {
		t.Errorf("resource-instance rule for the workspace: %v", rules)
	}
	for _, path := range []string{"networkRuleSet.virtualNetworkRules", "networkRuleSet.ipRules"} {
		if v, _ := sa.Input(path); v.IsArray() && len(v.ArrayValue()) > 0 {
			t.Errorf("%s: %v; a private-only account takes no VNet or IP rules", path, v)
		}
	}
	if b, _ := sa.Bool("enableHttpsTrafficOnly"); !b || sa.String("minimumTlsVersion") != "TLS1_2" {
		t.Error("HTTPS only and TLS 1.2 still apply")
	}

	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: SecureStorageSpec{PrivateOnly: true, ClientIPRanges: []string{"203.0.113.0/29"}}})
		return err
	})
	wantProblems(t, err, "spec.clientIpRanges: has no effect on an account reached through private endpoints only")
	err = constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: SecureStorageSpec{PrivateOnly: true, Unrestricted: true}})
		return err
	})
	wantProblems(t, err, "spec.privateOnly: an account cannot be both unrestricted (for inference) and private-only")

	m = &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		// A private-only account needs no subnet.
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: SecureStorageSpec{PrivateOnly: true}})
		return err
	})
}

// TestSecureStorageManagedNetwork: reached from a workspace's managed
// network through Azure's private endpoints, the account takes no subnet and
// keeps deny by default, trusted services and the developers' IPs.
func TestSecureStorageManagedNetwork(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "ws-storage", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: SecureStorageSpec{ManagedNetwork: ManagedOutboundApproved, ClientIPRanges: []string{"203.0.113.0/29"}}})
		return err
	})
	sa := one(t, m.OfType("azure-native:storage:StorageAccount"))
	if sa.String("networkRuleSet.defaultAction") != "Deny" || sa.String("networkRuleSet.bypass") != "AzureServices" || sa.String("publicNetworkAccess") != "" {
		t.Errorf("managed-network account: %v", sa.Inputs)
	}
	if v, _ := sa.Input("networkRuleSet.virtualNetworkRules"); v.IsArray() && len(v.ArrayValue()) > 0 {
		t.Errorf("VNet rules %v; the managed network's endpoints need none", v)
	}
	if v, _ := sa.Input("networkRuleSet.ipRules"); !v.IsArray() || len(v.ArrayValue()) != 1 {
		t.Errorf("IP rules %v; the developers' range stays", v)
	}

	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			SubnetIDs: pulumi.StringArray{pulumi.String(trainingSubnetID)}, Spec: SecureStorageSpec{ManagedNetwork: ManagedOutboundApproved}})
		return err
	})
	wantProblems(t, err, "subnetIds: has no effect with managedNetwork")
	err = constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: SecureStorageSpec{ManagedNetwork: ManagedOutboundApproved, Unrestricted: true}})
		return err
	})
	wantProblems(t, err, "spec.managedNetwork: an unrestricted account (for inference) is reached from anywhere already")
}

func TestSecureStorageSpecWithDefaultsAndPurity(t *testing.T) {
	if d := (SecureStorageSpec{}).WithDefaults(); d.Sku != DefaultStorageSku {
		t.Errorf("default SKU %q", d.Sku)
	}
	spec := SecureStorageSpec{Sku: "Premium_LRS", ClientIPRanges: []string{"10.0.0.1"}}
	saved := SecureStorageSpec{Sku: "Premium_LRS", ClientIPRanges: []string{"10.0.0.1"}}
	if got := spec.WithDefaults(); got.Sku != "Premium_LRS" {
		t.Errorf("a SKU given is kept: %q", got.Sku)
	}
	first, second := spec.Validate(NewPath("spec")), spec.Validate(NewPath("spec"))
	if len(first) != 1 || !reflect.DeepEqual(first, second) {
		t.Errorf("Validate twice gives %v then %v", first, second)
	}
	if !reflect.DeepEqual(spec, saved) {
		t.Errorf("WithDefaults or Validate changed the spec: %+v", spec)
	}
	// Zero is a valid spec: a deny-by-default Standard_LRS account.
	wantSpecProblems(t, SecureStorageSpec{}.Validate(NewPath("spec")))
}

// A resource-instance rule names its tenant.
func TestSecureStorageTrustedResourcesNeedTheTenant(t *testing.T) {
	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			SubnetIDs: pulumi.StringArray{pulumi.String(trainingSubnetID)}, TrustedResources: pulumi.StringArray{pulumi.String("/subscriptions/s/x")}})
		return err
	})
	wantProblems(t, err, "tenantId: is required with trustedResources")
}

// TestSecureStorageManagedNetworkInternet: with outbound internet Azure adds
// its private endpoint only to an account whose public access is off, so it
// is, and no developer IP gets through.
func TestSecureStorageManagedNetworkInternet(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "ws-storage", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: SecureStorageSpec{ManagedNetwork: ManagedOutboundInternet}})
		return err
	})
	sa := one(t, m.OfType("azure-native:storage:StorageAccount"))
	if sa.String("publicNetworkAccess") != "Disabled" || sa.String("networkRuleSet.defaultAction") != "Deny" {
		t.Errorf("internet-outbound account: %v", sa.Inputs)
	}
	for _, path := range []string{"networkRuleSet.virtualNetworkRules", "networkRuleSet.ipRules"} {
		if v, _ := sa.Input(path); v.IsArray() && len(v.ArrayValue()) > 0 {
			t.Errorf("%s: %v", path, v)
		}
	}
	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "st", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: SecureStorageSpec{ManagedNetwork: ManagedOutboundInternet, ClientIPRanges: []string{"203.0.113.0/29"}}})
		return err
	})
	wantProblems(t, err, "spec.clientIpRanges: has no effect with a managed network's outbound internet")
	wantSpecProblems(t, SecureStorageSpec{ManagedNetwork: "open"}.Validate(NewPath("spec")), `spec.managedNetwork: "open" is not a managed network's outbound mode`)
	wantSpecProblems(t, SecureStorageSpec{ManagedNetwork: ManagedOutboundApproved, PrivateOnly: true}.Validate(NewPath("spec")),
		"spec.managedNetwork: an account is reached through private endpoints of ours (privateOnly) or of a managed network, not both")
}
