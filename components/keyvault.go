package components

import (
	keyvault "github.com/pulumi/pulumi-azure-native-sdk/keyvault/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// SecureKeyVaultType is the type token of SecureKeyVault.
const SecureKeyVaultType = "amlvnet:index:SecureKeyVault"

// Defaults of SecureKeyVaultSpec.
const (
	DefaultSoftDeleteRetentionDays = 90
	DefaultKeyVaultSku             = "standard"
)

// SecureKeyVaultSpec configures the workspace's key vault, which holds the
// storage connection string, the registry password and datastore secrets:
// deny by default, trusted services, soft delete with purge protection, RBAC.
// In the root program it is amlvnet:keyVault.
type SecureKeyVaultSpec struct {
	// Name is the globally unique vault name (3-24 characters). Optional.
	// Defaults to Pulumi's auto-naming from the component name.
	Name string `json:"name,omitempty" pulumi:"name,optional"`
	// SoftDeleteRetentionDays keeps deleted secrets recoverable (7-90).
	// Optional. Defaults to 90.
	SoftDeleteRetentionDays *int `json:"softDeleteRetentionDays,omitempty" pulumi:"softDeleteRetentionDays,optional"`
	// Sku is "standard" or "premium". Optional. Defaults to "standard".
	Sku string `json:"sku,omitempty" pulumi:"sku,optional"`
	// ClientIPRanges are public addresses let through the firewall.
	// Optional. The root program passes amlvnet:storage.clientIpRanges.
	ClientIPRanges []string `json:"-" pulumi:"clientIpRanges,optional"`
	// PrivateOnly turns public network access off: the vault is reached
	// through a private endpoint only, and takes no VNet rules. Optional.
	// Defaults to false.
	PrivateOnly bool `json:"-" pulumi:"privateOnly,optional"`
	// ManagedNetwork is the outbound mode ("approved" or "internet") of the
	// Azure ML workspace's managed virtual network that reaches the vault,
	// through a private endpoint Azure creates there; the vault takes no VNet
	// rules. With approved it keeps deny by default, trusted services and
	// ClientIPRanges; with internet Azure creates the endpoint only for a
	// vault whose public network access is disabled, so it is. Optional.
	// Defaults to "": none.
	ManagedNetwork string `json:"-" pulumi:"managedNetwork,optional"`
}

// WithDefaults returns the spec with its documented defaults filled in.
func (s SecureKeyVaultSpec) WithDefaults() SecureKeyVaultSpec {
	if s.SoftDeleteRetentionDays == nil {
		s.SoftDeleteRetentionDays = ptr(DefaultSoftDeleteRetentionDays)
	}
	if s.Sku == "" {
		s.Sku = DefaultKeyVaultSku
	}
	return s
}

// Validate reports every problem of the spec, named below p.
func (s SecureKeyVaultSpec) Validate(p *Path) Problems {
	s = s.WithDefaults()
	var ps Problems
	if s.Name != "" {
		keyVaultName.check(&ps, p.Child("name"), s.Name)
	}
	if d := *s.SoftDeleteRetentionDays; d < 7 || d > 90 {
		ps.Add(p.Child("softDeleteRetentionDays"), "is %d; Azure allows 7-90 days", d)
	}
	if s.Sku != "standard" && s.Sku != "premium" {
		ps.Add(p.Child("sku"), "%q is not a vault SKU; use standard or premium", s.Sku)
	}
	switch {
	case s.ManagedNetwork != "" && s.ManagedNetwork != ManagedOutboundApproved && s.ManagedNetwork != ManagedOutboundInternet:
		ps.Add(p.Child("managedNetwork"), "%q is not a managed network's outbound mode; use %s or %s", s.ManagedNetwork, ManagedOutboundApproved, ManagedOutboundInternet)
	case s.PrivateOnly && s.ManagedNetwork != "":
		ps.Add(p.Child("managedNetwork"), "a vault is reached through private endpoints of ours (privateOnly) or of a managed network, not both")
	case (s.PrivateOnly || s.ManagedNetwork == ManagedOutboundInternet) && len(s.ClientIPRanges) > 0:
		ps.Add(p.Child("clientIpRanges"), "has no effect with public network access off; remove it")
	}
	checkClientIPRanges(&ps, p.Child("clientIpRanges"), s.ClientIPRanges)
	return ps
}

// SecureKeyVaultArgs configures a SecureKeyVault.
type SecureKeyVaultArgs struct {
	// Spec of the vault. Optional: the zero Spec is a deny-by-default vault.
	Spec SecureKeyVaultSpec `pulumi:"spec,optional"`
	// ResourceGroupName of the vault. Required.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region. Required.
	Location string `pulumi:"location"`
	// TenantID is the Entra ID tenant of the vault. Required.
	TenantID pulumi.StringInput `pulumi:"tenantId"`
	// SubnetIDs get a virtual-network rule each. Required unless
	// PrivateOnly or ManagedNetwork (and empty then): at least the training
	// subnet, which needs the Microsoft.KeyVault service endpoint.
	SubnetIDs pulumi.StringArrayInput `pulumi:"subnetIds,optional"`
	// Protect marks the vault protected in Pulumi. Optional. Defaults to false.
	Protect bool `pulumi:"protect,optional"`
	// Tags for the vault. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

// Validate reports every problem of the args, each named by the path of its
// input, without registering anything; NewSecureKeyVault runs it first.
func (a *SecureKeyVaultArgs) Validate() Problems {
	ps := a.Spec.Validate(NewPath("spec"))
	checkRegion(&ps, NewPath("location"), a.Location)
	if a.ResourceGroupName == nil {
		ps.Add(NewPath("resourceGroupName"), "is required")
	}
	if a.TenantID == nil {
		ps.Add(NewPath("tenantId"), "is required")
	}
	switch {
	case a.Spec.ManagedNetwork != "" && a.SubnetIDs != nil:
		ps.Add(NewPath("subnetIds"), "has no effect with managedNetwork: the managed network reaches the vault through Azure's private endpoint; remove it")
	case a.SubnetIDs == nil && !a.Spec.PrivateOnly && a.Spec.ManagedNetwork == "":
		ps.Add(NewPath("subnetIds"), "at least one subnet is required for a deny-by-default vault")
	}
	return ps
}

// SecureKeyVault is a vault reachable only from the VNet and trusted services.
type SecureKeyVault struct {
	pulumi.ResourceState

	// VaultID is the vault's ARM ID.
	VaultID pulumi.StringOutput `pulumi:"vaultId"`
	// VaultName is the vault's name.
	VaultName pulumi.StringOutput `pulumi:"vaultName"`
	// VaultURI is the vault's URI, e.g. https://<name>.vault.azure.net/.
	VaultURI pulumi.StringOutput `pulumi:"vaultUri"`
}

// NewSecureKeyVault validates args and creates the vault.
func NewSecureKeyVault(ctx *pulumi.Context, name string, args *SecureKeyVaultArgs, opts ...pulumi.ResourceOption) (*SecureKeyVault, error) {
	if args == nil {
		args = &SecureKeyVaultArgs{}
	}
	if err := validated(ctx, "SecureKeyVault", args.Validate()); err != nil {
		return nil, err
	}
	spec := args.Spec.WithDefaults()
	comp := &SecureKeyVault{}
	if err := ctx.RegisterComponentResource(SecureKeyVaultType, name, comp, opts...); err != nil {
		return nil, err
	}
	subnetIDs := args.SubnetIDs
	if spec.PrivateOnly || subnetIDs == nil {
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
	for _, r := range spec.ClientIPRanges {
		p, _ := parseAddrOrPrefix(r)
		ipRules = append(ipRules, &keyvault.IPRuleArgs{Value: pulumi.String(p.String())})
	}
	props := &keyvault.VaultPropertiesArgs{
		TenantId: args.TenantID,
		Sku: &keyvault.SkuArgs{
			Family: pulumi.String(string(keyvault.SkuFamilyA)),
			Name:   keyvault.SkuName(spec.Sku),
		},
		// RBAC instead of inline access policies: the workspace adds its
		// own policy, which IaC-managed policies would strip on every
		// update (pulumi-azure-native #594).
		EnableRbacAuthorization:   pulumi.Bool(true),
		EnableSoftDelete:          pulumi.Bool(true),
		SoftDeleteRetentionInDays: pulumi.Int(*spec.SoftDeleteRetentionDays),
		EnablePurgeProtection:     pulumi.Bool(true),
		NetworkAcls: &keyvault.NetworkRuleSetArgs{
			DefaultAction:       pulumi.String(string(keyvault.NetworkRuleActionDeny)),
			Bypass:              pulumi.String(string(keyvault.NetworkRuleBypassOptionsAzureServices)),
			VirtualNetworkRules: vnetRules,
			IpRules:             ipRules,
		},
	}
	if spec.PrivateOnly || spec.ManagedNetwork == ManagedOutboundInternet {
		props.PublicNetworkAccess = pulumi.String("Disabled")
	}
	vargs := &keyvault.VaultArgs{
		ResourceGroupName: args.ResourceGroupName,
		Location:          pulumi.String(mustRegion(args.Location)),
		Properties:        props,
		Tags:              pulumi.ToStringMap(args.Tags),
	}
	if spec.Name != "" {
		vargs.VaultName = pulumi.String(spec.Name)
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
