package components

import (
	keyvault "github.com/pulumi/pulumi-azure-native-sdk/keyvault/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// SecureKeyVaultType is the type token of SecureKeyVault.
const SecureKeyVaultType = "amlvnet:index:SecureKeyVault"

// SecureKeyVaultArgs configures the workspace's key vault, which holds the
// storage connection string, the registry password and datastore secrets.
type SecureKeyVaultArgs struct {
	// ResourceGroupName of the vault. Required.
	ResourceGroupName pulumi.StringInput
	// Location is the Azure region. Required.
	Location string
	// TenantID is the Azure AD tenant of the vault. Required.
	TenantID pulumi.StringInput
	// VaultName is the globally unique vault name (3-24 characters). Optional.
	// Defaults to Pulumi's auto-naming from the component name.
	VaultName string
	// SubnetIDs get a virtual-network rule each. Required: at least the
	// training subnet, which needs the Microsoft.KeyVault service endpoint.
	SubnetIDs pulumi.StringArrayInput
	// ClientIPRanges are public addresses let through the firewall. Optional.
	ClientIPRanges []string
	// PrivateOnly turns public network access off: the vault is reached
	// through a private endpoint only, and takes no VNet rules. Optional.
	// Defaults to false.
	PrivateOnly bool
	// SoftDeleteRetentionDays keeps deleted secrets recoverable (7-90).
	// Optional. Defaults to 90.
	SoftDeleteRetentionDays int
	// Sku is "standard" or "premium". Optional. Defaults to "standard".
	Sku string
	// Protect marks the vault protected in Pulumi. Optional. Defaults to false.
	Protect bool
	// Tags for the vault. Optional.
	Tags map[string]string
}

func (a *SecureKeyVaultArgs) applyDefaults() {
	if a.SoftDeleteRetentionDays == 0 {
		a.SoftDeleteRetentionDays = 90
	}
	if a.Sku == "" {
		a.Sku = "standard"
	}
}

// Validate reports every problem in the Args.
func (a *SecureKeyVaultArgs) Validate() error {
	a.applyDefaults()
	var ps problems
	if a.ResourceGroupName == nil {
		ps.add("resourceGroupName", "is required")
	}
	if a.TenantID == nil {
		ps.add("tenantId", "is required")
	}
	if a.SubnetIDs == nil && !a.PrivateOnly {
		ps.add("subnetIds", "at least one subnet is required for a deny-by-default vault")
	}
	if a.PrivateOnly && len(a.ClientIPRanges) > 0 {
		ps.add("clientIpRanges", "has no effect with public network access off; remove it")
	}
	if _, err := netplan.CanonicalRegion(a.Location); err != nil {
		ps.add("location", "%v", err)
	}
	if a.VaultName != "" {
		keyVaultName.check(&ps, "vaultName", a.VaultName)
	}
	if a.SoftDeleteRetentionDays < 7 || a.SoftDeleteRetentionDays > 90 {
		ps.add("softDeleteRetentionDays", "is %d; Azure allows 7-90 days", a.SoftDeleteRetentionDays)
	}
	if a.Sku != "standard" && a.Sku != "premium" {
		ps.add("sku", "%q is not a vault SKU; use standard or premium", a.Sku)
	}
	ps.addAll("", checkClientIPRanges("clientIpRanges", a.ClientIPRanges))
	return ps.err("SecureKeyVault")
}

// SecureKeyVault is a vault reachable only from the VNet and trusted services.
type SecureKeyVault struct {
	pulumi.ResourceState

	VaultID   pulumi.StringOutput `pulumi:"vaultId"`
	VaultName pulumi.StringOutput `pulumi:"vaultName"`
	VaultURI  pulumi.StringOutput `pulumi:"vaultUri"`
}

// NewSecureKeyVault validates args and creates the vault.
func NewSecureKeyVault(ctx *pulumi.Context, name string, args *SecureKeyVaultArgs, opts ...pulumi.ResourceOption) (*SecureKeyVault, error) {
	if args == nil {
		args = &SecureKeyVaultArgs{}
	}
	if err := args.Validate(); err != nil {
		return nil, err
	}
	comp := &SecureKeyVault{}
	if err := ctx.RegisterComponentResource(SecureKeyVaultType, name, comp, opts...); err != nil {
		return nil, err
	}
	subnetIDs := args.SubnetIDs
	if args.PrivateOnly || subnetIDs == nil {
		subnetIDs = pulumi.StringArray{}
	}
	vnetRules := subnetIDs.ToStringArrayOutput().ApplyT(func(ids []string) []keyvault.VirtualNetworkRule {
		out := make([]keyvault.VirtualNetworkRule, 0, len(ids))
		for _, id := range ids {
			out = append(out, keyvault.VirtualNetworkRule{Id: id})
		}
		return out
	}).(keyvault.VirtualNetworkRuleArrayOutput)
	var ipRules keyvault.IPRuleArray
	for _, r := range args.ClientIPRanges {
		p, _ := parseAddrOrPrefix(r)
		ipRules = append(ipRules, &keyvault.IPRuleArgs{Value: pulumi.String(p.String())})
	}
	vargs := &keyvault.VaultArgs{
		ResourceGroupName: args.ResourceGroupName,
		Location:          pulumi.String(mustRegion(args.Location)),
		Properties: &keyvault.VaultPropertiesArgs{
			TenantId: args.TenantID,
			Sku: &keyvault.SkuArgs{
				Family: pulumi.String(string(keyvault.SkuFamilyA)),
				Name:   keyvault.SkuName(args.Sku),
			},
			// RBAC instead of inline access policies: the workspace adds its
			// own policy, which IaC-managed policies would strip on every
			// update (pulumi-azure-native #594).
			EnableRbacAuthorization:   pulumi.Bool(true),
			EnableSoftDelete:          pulumi.Bool(true),
			SoftDeleteRetentionInDays: pulumi.Int(args.SoftDeleteRetentionDays),
			EnablePurgeProtection:     pulumi.Bool(true),
			NetworkAcls: &keyvault.NetworkRuleSetArgs{
				DefaultAction:       pulumi.String(string(keyvault.NetworkRuleActionDeny)),
				Bypass:              pulumi.String(string(keyvault.NetworkRuleBypassOptionsAzureServices)),
				VirtualNetworkRules: vnetRules,
				IpRules:             ipRules,
			},
		},
		Tags: pulumi.ToStringMap(args.Tags),
	}
	if args.PrivateOnly {
		vargs.Properties.(*keyvault.VaultPropertiesArgs).PublicNetworkAccess = pulumi.String("Disabled")
	}
	if args.VaultName != "" {
		vargs.VaultName = pulumi.String(args.VaultName)
	}
	vault, err := keyvault.NewVault(ctx, name, vargs, pulumi.Parent(comp), pulumi.Protect(args.Protect))
	if err != nil {
		return nil, err
	}
	comp.VaultID = vault.ID().ToStringOutput()
	comp.VaultName = vault.Name
	comp.VaultURI = vault.Properties.VaultUri()
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"vaultId":   comp.VaultID,
		"vaultName": comp.VaultName,
		"vaultUri":  comp.VaultURI,
	}); err != nil {
		return nil, err
	}
	return comp, nil
}
