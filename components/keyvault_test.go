package components

import (
	"reflect"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

func vaultArgs() *SecureKeyVaultArgs {
	return &SecureKeyVaultArgs{
		ResourceGroupName: pulumi.String("rg"),
		Location:          "eastus2",
		TenantID:          pulumi.String("tenant"),
		SubnetIDs:         pulumi.StringArray{pulumi.String(trainingSubnetID)},
	}
}

func TestSecureKeyVault(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureKeyVault(ctx, "kv", vaultArgs())
		return err
	})
	kv := one(t, m.OfType("azure-native:keyvault:Vault"))
	for path, want := range map[string]string{
		"properties.networkAcls.defaultAction": "Deny",
		"properties.networkAcls.bypass":        "AzureServices",
		"properties.tenantId":                  "tenant",
		"properties.sku.name":                  "standard",
	} {
		if got := kv.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	for _, flag := range []string{"properties.enableRbacAuthorization", "properties.enableSoftDelete", "properties.enablePurgeProtection"} {
		if b, _ := kv.Bool(flag); !b {
			t.Errorf("%s must be true", flag)
		}
	}
	if n, _ := kv.Number("properties.softDeleteRetentionInDays"); n != 90 {
		t.Errorf("soft delete retention %v, want the default 90", n)
	}
	rules, _ := kv.Input("properties.networkAcls.virtualNetworkRules")
	if len(rules.ArrayValue()) != 1 || rules.ArrayValue()[0].ObjectValue()["id"].StringValue() != trainingSubnetID {
		t.Errorf("VNet rules %v", rules)
	}
	if kv.Inputs.HasValue("properties") {
		if v, _ := kv.Input("properties.accessPolicies"); v.IsArray() && len(v.ArrayValue()) > 0 {
			t.Error("no inline access policies: they fight the workspace's own")
		}
	}
	parentedTo(t, m, SecureKeyVaultType)

	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureKeyVault(ctx, "kv", &SecureKeyVaultArgs{Location: "eastus2",
			Spec: SecureKeyVaultSpec{Name: "9vault--x", SoftDeleteRetentionDays: ptr(3)}})
		return err
	})
	wantProblems(t, err, "resourceGroupName: is required", "tenantId: is required", "subnetIds: at least one subnet",
		`spec.name: key vault name "9vault--x" is not allowed`, "spec.softDeleteRetentionDays: is 3; Azure allows 7-90 days")
}

// An explicit zero is a value the user wrote, not "use the default".
func TestSecureKeyVaultSoftDeleteRetention(t *testing.T) {
	err := constructErr(t, func(ctx *pulumi.Context) error {
		args := vaultArgs()
		args.Spec.SoftDeleteRetentionDays = ptr(0)
		_, err := NewSecureKeyVault(ctx, "kv", args)
		return err
	})
	wantProblems(t, err, "spec.softDeleteRetentionDays: is 0; Azure allows 7-90 days")

	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		args := vaultArgs()
		args.Spec.SoftDeleteRetentionDays = ptr(7)
		_, err := NewSecureKeyVault(ctx, "kv", args)
		return err
	})
	if n, _ := one(t, m.OfType("azure-native:keyvault:Vault")).Number("properties.softDeleteRetentionInDays"); n != 7 {
		t.Errorf("soft delete retention %v, want the 7 given", n)
	}
}

func TestSecureKeyVaultPrivateOnly(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		args := vaultArgs()
		args.Spec.PrivateOnly = true
		_, err := NewSecureKeyVault(ctx, "kv", args)
		return err
	})
	kv := one(t, m.OfType("azure-native:keyvault:Vault"))
	if kv.String("properties.publicNetworkAccess") != "Disabled" || kv.String("properties.networkAcls.defaultAction") != "Deny" {
		t.Errorf("private-only vault: %v", kv.Inputs)
	}
	for _, path := range []string{"properties.networkAcls.virtualNetworkRules", "properties.networkAcls.ipRules"} {
		if v, _ := kv.Input(path); v.IsArray() && len(v.ArrayValue()) > 0 {
			t.Errorf("%s: %v; a private-only vault takes no VNet or IP rules", path, v)
		}
	}
	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewSecureKeyVault(ctx, "kv", &SecureKeyVaultArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", TenantID: pulumi.String("t"),
			Spec: SecureKeyVaultSpec{PrivateOnly: true, ClientIPRanges: []string{"203.0.113.0/29"}}})
		return err
	})
	wantProblems(t, err, "spec.clientIpRanges: has no effect with public network access off")
	m = &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		// A private-only vault needs no subnet.
		_, err := NewSecureKeyVault(ctx, "kv", &SecureKeyVaultArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", TenantID: pulumi.String("t"),
			Spec: SecureKeyVaultSpec{PrivateOnly: true}})
		return err
	})
}

// TestSecureKeyVaultManagedNetwork: reached from a workspace's managed
// network through Azure's private endpoint, the vault takes no subnet and
// keeps deny by default, trusted services and the developers' IPs.
func TestSecureKeyVaultManagedNetwork(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureKeyVault(ctx, "kv", &SecureKeyVaultArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", TenantID: pulumi.String("t"),
			Spec: SecureKeyVaultSpec{ManagedNetwork: ManagedOutboundApproved, ClientIPRanges: []string{"203.0.113.10"}}})
		return err
	})
	kv := one(t, m.OfType("azure-native:keyvault:Vault"))
	if kv.String("properties.networkAcls.defaultAction") != "Deny" || kv.String("properties.networkAcls.bypass") != "AzureServices" || kv.String("properties.publicNetworkAccess") != "enabled" {
		t.Errorf("managed-network vault: %v", kv.Inputs)
	}
	if v, _ := kv.Input("properties.networkAcls.virtualNetworkRules"); v.IsArray() && len(v.ArrayValue()) > 0 {
		t.Errorf("VNet rules %v", v)
	}
	if v, _ := kv.Input("properties.networkAcls.ipRules"); !v.IsArray() || len(v.ArrayValue()) != 1 {
		t.Errorf("IP rules %v; the developers' address stays", v)
	}
	err := constructErr(t, func(ctx *pulumi.Context) error {
		args := vaultArgs()
		args.Spec.ManagedNetwork = ManagedOutboundApproved
		_, err := NewSecureKeyVault(ctx, "kv", args)
		return err
	})
	wantProblems(t, err, "subnetIds: has no effect with managedNetwork")
}

func TestSecureKeyVaultSpecValidate(t *testing.T) {
	wantSpecProblems(t, SecureKeyVaultSpec{Sku: "gold", ClientIPRanges: []string{"192.168.1.1"}, SoftDeleteRetentionDays: ptr(91)}.Validate(NewPath("amlvnet:keyVault")),
		`amlvnet:keyVault.sku: "gold" is not a vault SKU; use standard or premium`,
		"amlvnet:keyVault.clientIpRanges[0]: 192.168.1.1 is in the RFC 1918 private range",
		"amlvnet:keyVault.softDeleteRetentionDays: is 91; Azure allows 7-90 days")
	// nil means the default, which is valid.
	wantSpecProblems(t, SecureKeyVaultSpec{}.Validate(NewPath("spec")))
}

func TestSecureKeyVaultSpecWithDefaultsAndPurity(t *testing.T) {
	d := SecureKeyVaultSpec{}.WithDefaults()
	if d.SoftDeleteRetentionDays == nil || *d.SoftDeleteRetentionDays != DefaultSoftDeleteRetentionDays || d.Sku != DefaultKeyVaultSku {
		t.Errorf("defaults %+v", d)
	}
	days := 0
	spec := SecureKeyVaultSpec{SoftDeleteRetentionDays: &days, Sku: "gold"}
	d = spec.WithDefaults()
	if d.SoftDeleteRetentionDays != &days || d.Sku != "gold" {
		t.Errorf("values given are kept: %+v", d)
	}
	first, second := spec.Validate(NewPath("spec")), spec.Validate(NewPath("spec"))
	if len(first) != 2 || !reflect.DeepEqual(first, second) {
		t.Errorf("Validate twice gives %v then %v", first, second)
	}
	if spec.SoftDeleteRetentionDays != &days || days != 0 || spec.Sku != "gold" {
		t.Errorf("WithDefaults or Validate changed the spec: %+v (days %d)", spec, days)
	}
	nilSpec := SecureKeyVaultSpec{}
	_ = nilSpec.WithDefaults()
	nilSpec.Validate(NewPath("spec"))
	if nilSpec.SoftDeleteRetentionDays != nil || nilSpec.Sku != "" {
		t.Errorf("WithDefaults filled in its receiver: %+v", nilSpec)
	}
}

// TestSecureKeyVaultManagedNetworkInternet: public access off, so that Azure
// adds its private endpoint with outbound internet.
func TestSecureKeyVaultManagedNetworkInternet(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureKeyVault(ctx, "kv", &SecureKeyVaultArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", TenantID: pulumi.String("t"),
			Spec: SecureKeyVaultSpec{ManagedNetwork: ManagedOutboundInternet}})
		return err
	})
	kv := one(t, m.OfType("azure-native:keyvault:Vault"))
	if kv.String("properties.publicNetworkAccess") != "Disabled" || kv.String("properties.networkAcls.defaultAction") != "Deny" {
		t.Errorf("internet-outbound vault: %v", kv.Inputs)
	}
	wantSpecProblems(t, SecureKeyVaultSpec{ManagedNetwork: ManagedOutboundInternet, ClientIPRanges: []string{"203.0.113.10"}}.Validate(NewPath("spec")),
		"spec.clientIpRanges: has no effect with public network access off")
	wantSpecProblems(t, SecureKeyVaultSpec{ManagedNetwork: ManagedOutboundApproved, PrivateOnly: true}.Validate(NewPath("spec")),
		"spec.managedNetwork: a vault is reached through private endpoints of ours (privateOnly) or of a managed network, not both")
}
