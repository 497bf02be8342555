package components

import (
	"fmt"
	"net/netip"
	"slices"

	storage "github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// SecureStorageType is the type token of SecureStorage.
const SecureStorageType = "amlvnet:index:SecureStorage"

// SecureStorageArgs configures a storage account for the workspace.
type SecureStorageArgs struct {
	// ResourceGroupName of the account. Required.
	ResourceGroupName pulumi.StringInput
	// Location is the Azure region. Required.
	Location string
	// AccountName is the globally unique account name (3-24 lower-case
	// letters and digits). Optional. Defaults to Pulumi's auto-naming from
	// the component name.
	AccountName string
	// SubnetIDs get a virtual-network rule each: the subnets that run
	// experiments. Required unless Unrestricted. Each subnet needs the
	// Microsoft.Storage service endpoint (the Network component adds it).
	SubnetIDs pulumi.StringArrayInput
	// ClientIPRanges are developers' public IP addresses or CIDRs let through
	// the firewall to use the SDK. Optional. Private ranges are refused, as
	// Azure refuses them.
	ClientIPRanges []string
	// Unrestricted makes the account reachable from all networks, as an
	// account used for inference (model scoring) must be (AZURE-FACTS).
	// Optional. Defaults to false: deny by default.
	Unrestricted bool
	// PrivateOnly turns public network access off: the account is reached
	// through private endpoints only (network isolation with private
	// endpoints), so it takes no VNet or IP rules. Optional. Defaults to false.
	PrivateOnly bool
	// Sku of the account. Optional. Defaults to "Standard_LRS".
	Sku string
	// Protect marks the account protected in Pulumi. Optional. Defaults to false.
	Protect bool
	// PreviousNames are names this component had before a rename. Optional.
	// Pass them together with pulumi.Aliases on the component: the account's
	// logical name is derived from the component's (so that auto-naming
	// yields a valid account name) and would otherwise change with it.
	PreviousNames []string
	// Tags for the account. Optional.
	Tags map[string]string
}

func (a *SecureStorageArgs) applyDefaults() {
	if a.Sku == "" {
		a.Sku = "Standard_LRS"
	}
}

var storageSkus = []string{"Standard_LRS", "Standard_GRS", "Standard_RAGRS", "Standard_ZRS", "Standard_GZRS", "Standard_RAGZRS", "Premium_LRS", "Premium_ZRS"}

// Validate reports every problem in the Args.
func (a *SecureStorageArgs) Validate() error {
	a.applyDefaults()
	var ps problems
	if a.ResourceGroupName == nil {
		ps.add("resourceGroupName", "is required")
	}
	if _, err := netplan.CanonicalRegion(a.Location); err != nil {
		ps.add("location", "%v", err)
	}
	if a.AccountName != "" {
		storageAccountName.check(&ps, "accountName", a.AccountName)
	}
	if !slices.Contains(storageSkus, a.Sku) {
		ps.add("sku", "%q is not a storage SKU; use one of %v", a.Sku, storageSkus)
	}
	switch {
	case a.Unrestricted && a.PrivateOnly:
		ps.add("privateOnly", "an account cannot be both unrestricted (for inference) and private-only")
	case a.Unrestricted:
		if len(a.ClientIPRanges) > 0 {
			ps.add("clientIpRanges", "has no effect on an unrestricted account; remove it")
		}
	case a.PrivateOnly:
		if len(a.ClientIPRanges) > 0 {
			ps.add("clientIpRanges", "has no effect with public network access off; developers reach the account through the VNet (VPN, ExpressRoute or a bastion): remove it")
		}
	case a.SubnetIDs == nil:
		ps.add("subnetIds", "at least one subnet is required for a deny-by-default account")
	}
	ps.addAll("", checkClientIPRanges("clientIpRanges", a.ClientIPRanges))
	return ps.err("SecureStorage")
}

// checkClientIPRanges accepts public IPv4 addresses or CIDRs only.
func checkClientIPRanges(field string, ranges []string) []Problem {
	var ps problems
	for i, r := range ranges {
		f := fmt.Sprintf("%s[%d]", field, i)
		p, err := parseAddrOrPrefix(r)
		if err != nil {
			ps.add(f, "%v", err)
			continue
		}
		if reason, private := netplan.NonPublicReason(p); private {
			ps.add(f, "%s is in %s; Azure firewalls take public internet addresses only (MicrosoftDocs/azure-docs #114447): give the public IP your developers reach Azure from", r, reason)
		}
	}
	return ps
}

// parseAddrOrPrefix takes "203.0.113.7" or "203.0.113.0/29".
func parseAddrOrPrefix(s string) (netip.Prefix, error) {
	if a, aerr := netplan.ParseAddr(s); aerr == nil {
		return a.Prefix(32)
	}
	return netplan.ParsePrefix(s)
}

// SecureStorage is a storage account locked to the VNet (or, for inference,
// deliberately open).
type SecureStorage struct {
	pulumi.ResourceState

	AccountID           pulumi.StringOutput `pulumi:"accountId"`
	AccountName         pulumi.StringOutput `pulumi:"accountName"`
	PrimaryBlobEndpoint pulumi.StringOutput `pulumi:"primaryBlobEndpoint"`
}

// NewSecureStorage validates args and creates the account.
func NewSecureStorage(ctx *pulumi.Context, name string, args *SecureStorageArgs, opts ...pulumi.ResourceOption) (*SecureStorage, error) {
	if args == nil {
		args = &SecureStorageArgs{}
	}
	if err := args.Validate(); err != nil {
		return nil, err
	}
	comp := &SecureStorage{}
	if err := ctx.RegisterComponentResource(SecureStorageType, name, comp, opts...); err != nil {
		return nil, err
	}
	rules := &storage.NetworkRuleSetArgs{
		DefaultAction: storage.DefaultActionAllow,
		Bypass:        pulumi.String("AzureServices"),
	}
	if args.PrivateOnly {
		rules.DefaultAction = storage.DefaultActionDeny
	} else if !args.Unrestricted {
		vnetRules := args.SubnetIDs.ToStringArrayOutput().ApplyT(func(ids []string) []storage.VirtualNetworkRule {
			out := make([]storage.VirtualNetworkRule, 0, len(ids))
			for _, id := range ids {
				out = append(out, storage.VirtualNetworkRule{VirtualNetworkResourceId: id, Action: ptr(storage.ActionAllow)})
			}
			return out
		}).(storage.VirtualNetworkRuleArrayOutput)
		var ipRules storage.IPRuleArray
		for _, r := range args.ClientIPRanges {
			p, _ := parseAddrOrPrefix(r)
			for _, rule := range netplan.StorageIPRules(p) {
				ipRules = append(ipRules, &storage.IPRuleArgs{IPAddressOrRange: pulumi.String(rule), Action: storage.ActionAllow})
			}
		}
		rules.DefaultAction = storage.DefaultActionDeny
		rules.VirtualNetworkRules = vnetRules
		rules.IpRules = ipRules
	}
	account := &storage.StorageAccountArgs{
		ResourceGroupName:      args.ResourceGroupName,
		Location:               pulumi.String(mustRegion(args.Location)),
		Kind:                   pulumi.String(string(storage.KindStorageV2)),
		Sku:                    &storage.SkuArgs{Name: pulumi.String(args.Sku)},
		EnableHttpsTrafficOnly: pulumi.Bool(true),
		MinimumTlsVersion:      pulumi.String(string(storage.MinimumTlsVersion_TLS1_2)),
		AllowBlobPublicAccess:  pulumi.Bool(false),
		NetworkRuleSet:         rules,
		Tags:                   pulumi.ToStringMap(args.Tags),
	}
	if args.AccountName != "" {
		account.AccountName = pulumi.String(args.AccountName)
	}
	if args.PrivateOnly {
		account.PublicNetworkAccess = pulumi.String(string(storage.PublicNetworkAccessDisabled))
	}
	// The logical name is lower-case letters and digits so that auto-naming
	// yields a valid account name.
	sa, err := storage.NewStorageAccount(ctx, storageLogicalName(name), account, pulumi.Parent(comp), pulumi.Protect(args.Protect),
		previousNameAliases(args.PreviousNames, storageLogicalName))
	if err != nil {
		return nil, err
	}
	comp.AccountID = sa.ID().ToStringOutput()
	comp.AccountName = sa.Name
	comp.PrimaryBlobEndpoint = sa.PrimaryEndpoints.Blob()
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"accountId":           comp.AccountID,
		"accountName":         comp.AccountName,
		"primaryBlobEndpoint": comp.PrimaryBlobEndpoint,
	}); err != nil {
		return nil, err
	}
	return comp, nil
}
