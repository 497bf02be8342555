package components

import (
	"slices"

	storage "github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// SecureStorageType is the type token of SecureStorage.
const SecureStorageType = "amlvnet:index:SecureStorage"

// DefaultStorageSku is the storage account SKU unless one is given.
const DefaultStorageSku = "Standard_LRS"

var storageSkus = []string{"Standard_LRS", "Standard_GRS", "Standard_RAGRS", "Standard_ZRS", "Standard_GZRS", "Standard_RAGZRS", "Premium_LRS", "Premium_ZRS"}

// SecureStorageSpec configures a storage account: deny by default (VNet
// rules, trusted services, developers' public IPs), HTTPS only, TLS 1.2, no
// anonymous blob access. In the root program it is amlvnet:storage (and,
// with Unrestricted, amlvnet:inferenceStorage).
type SecureStorageSpec struct {
	// ClientIPRanges are developers' public IP addresses or CIDRs let through
	// the firewall to use the SDK. Optional. Private ranges are refused, as
	// Azure refuses them.
	ClientIPRanges []string `json:"clientIpRanges,omitempty" pulumi:"clientIpRanges,optional"`
	// AccountName is the globally unique account name (3-24 lower-case
	// letters and digits). Optional. Defaults to Pulumi's auto-naming from
	// the component name.
	AccountName string `json:"accountName,omitempty" pulumi:"accountName,optional"`
	// Sku of the account. Optional. Defaults to "Standard_LRS".
	Sku string `json:"sku,omitempty" pulumi:"sku,optional"`
	// Unrestricted makes the account reachable from all networks, as an
	// account used for inference (model scoring) must be (2019 article).
	// Optional. Defaults to false: deny by default.
	Unrestricted bool `json:"-" pulumi:"unrestricted,optional"`
	// PrivateOnly makes the account reachable through private endpoints
	// only: no VNet or IP rules, the firewall denies everything but trusted
	// services and the resource-instance rules. Public network access stays
	// enabled behind that closed firewall, as Microsoft's
	// machine-learning-end-to-end-secure template keeps it: Azure ML's own
	// service-side access (studio previews, datastores) goes through it
	// ("Secure an Azure Machine Learning workspace with virtual networks",
	// https://learn.microsoft.com/azure/machine-learning/how-to-secure-workspace-vnet).
	// Optional. Defaults to false.
	PrivateOnly bool `json:"-" pulumi:"privateOnly,optional"`
	// ManagedNetwork is the outbound mode ("approved" or "internet") of the
	// Azure ML workspace's managed virtual network that reaches the account,
	// through private endpoints Azure creates there; the account takes no VNet
	// rules. With approved Azure always creates them, and the account keeps
	// deny by default, trusted services and the developers' IPs. With internet
	// Azure creates them only for an account whose public network access is
	// disabled (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network),
	// so it is, and no IP gets through. Optional. Defaults to "": none.
	ManagedNetwork string `json:"-" pulumi:"managedNetwork,optional"`
}

// WithDefaults returns the spec with its documented defaults filled in.
func (s SecureStorageSpec) WithDefaults() SecureStorageSpec {
	if s.Sku == "" {
		s.Sku = DefaultStorageSku
	}
	return s
}

// Validate reports every problem of the spec, named below p.
func (s SecureStorageSpec) Validate(p *Path) Problems {
	s = s.WithDefaults()
	var ps Problems
	if s.AccountName != "" {
		storageAccountName.check(&ps, p.Child("accountName"), s.AccountName)
	}
	if !slices.Contains(storageSkus, s.Sku) {
		ps.Add(p.Child("sku"), "%q is not a storage SKU; use one of %v", s.Sku, storageSkus)
	}
	switch {
	case s.Unrestricted && s.PrivateOnly:
		ps.Add(p.Child("privateOnly"), "an account cannot be both unrestricted (for inference) and private-only")
	case s.Unrestricted && len(s.ClientIPRanges) > 0:
		ps.Add(p.Child("clientIpRanges"), "has no effect on an unrestricted account; remove it")
	case s.ManagedNetwork != "" && s.ManagedNetwork != ManagedOutboundApproved && s.ManagedNetwork != ManagedOutboundInternet:
		ps.Add(p.Child("managedNetwork"), "%q is not a managed network's outbound mode; use %s or %s", s.ManagedNetwork, ManagedOutboundApproved, ManagedOutboundInternet)
	case s.Unrestricted && s.ManagedNetwork != "":
		ps.Add(p.Child("managedNetwork"), "an unrestricted account (for inference) is reached from anywhere already: a managed network reaches it through a privateEndpoint rule of its own")
	case s.PrivateOnly && s.ManagedNetwork != "":
		ps.Add(p.Child("managedNetwork"), "an account is reached through private endpoints of ours (privateOnly) or of a managed network, not both")
	case s.ManagedNetwork == ManagedOutboundInternet && len(s.ClientIPRanges) > 0:
		ps.Add(p.Child("clientIpRanges"), "has no effect with a managed network's outbound internet: the account's public network access is off, so that Azure adds its private endpoint; remove it")
	case s.PrivateOnly && len(s.ClientIPRanges) > 0:
		ps.Add(p.Child("clientIpRanges"), "has no effect on an account reached through private endpoints only: its firewall admits no IP, and developers reach it through the VNet (VPN, ExpressRoute or a bastion): remove it")
	}
	checkClientIPRanges(&ps, p.Child("clientIpRanges"), s.ClientIPRanges)
	return ps
}

// SecureStorageArgs configures a SecureStorage.
type SecureStorageArgs struct {
	// Spec of the account. Optional: the zero Spec is a deny-by-default
	// Standard_LRS account.
	Spec SecureStorageSpec `pulumi:"spec,optional"`
	// ResourceGroupName of the account. Required.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region. Required.
	Location string `pulumi:"location"`
	// SubnetIDs get a virtual-network rule each: the subnets that run
	// experiments. Required unless Unrestricted, PrivateOnly or
	// ManagedNetwork (and empty then). Each subnet needs the
	// Microsoft.Storage service endpoint (Network adds it).
	SubnetIDs pulumi.StringArrayInput `pulumi:"subnetIds,optional"`
	// TrustedResources get a resource-instance rule each, in TenantID:
	// resources the firewall lets in by identity, such as the workspace
	// (its ID can be given before it exists). Optional; ignored when
	// Unrestricted.
	TrustedResources pulumi.StringArrayInput `pulumi:"trustedResources,optional"`
	// TenantID is the Entra ID tenant of TrustedResources. Required with them.
	TenantID pulumi.StringInput `pulumi:"tenantId,optional"`
	// Protect marks the account protected in Pulumi. Optional. Defaults to false.
	Protect bool `pulumi:"protect,optional"`
	// PreviousNames are names this component had before a rename. Optional.
	// Pass them together with pulumi.Aliases on the component: the account's
	// logical name is derived from the component's (so that auto-naming
	// yields a valid account name) and would otherwise change with it.
	PreviousNames []string `pulumi:"previousNames,optional"`
	// Tags for the account. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

// Validate reports every problem of the args, each named by the path of its
// input, without registering anything; NewSecureStorage runs it first.
func (a *SecureStorageArgs) Validate() Problems {
	ps := a.Spec.Validate(NewPath("spec"))
	checkRegion(&ps, NewPath("location"), a.Location)
	if a.ResourceGroupName == nil {
		ps.Add(NewPath("resourceGroupName"), "is required")
	}
	switch {
	case a.Spec.ManagedNetwork != "" && a.SubnetIDs != nil:
		ps.Add(NewPath("subnetIds"), "has no effect with managedNetwork: the managed network reaches the account through Azure's private endpoints; remove it")
	case a.SubnetIDs == nil && !a.Spec.Unrestricted && !a.Spec.PrivateOnly && a.Spec.ManagedNetwork == "":
		ps.Add(NewPath("subnetIds"), "at least one subnet is required for a deny-by-default account")
	}
	if a.TrustedResources != nil && a.TenantID == nil {
		ps.Add(NewPath("tenantId"), "is required with trustedResources: the tenant of the resources let in")
	}
	return ps
}

// SecureStorage is a storage account locked to the VNet (or, for inference,
// deliberately open).
type SecureStorage struct {
	pulumi.ResourceState

	// AccountID is the storage account's ARM ID.
	AccountID pulumi.StringOutput `pulumi:"accountId"`
	// AccountName is the storage account's name.
	AccountName pulumi.StringOutput `pulumi:"accountName"`
	// PrimaryBlobEndpoint is the account's primary blob endpoint.
	PrimaryBlobEndpoint pulumi.StringOutput `pulumi:"primaryBlobEndpoint"`
}

// NewSecureStorage validates args and creates the account.
func NewSecureStorage(ctx *pulumi.Context, name string, args *SecureStorageArgs, opts ...pulumi.ResourceOption) (*SecureStorage, error) {
	if args == nil {
		args = &SecureStorageArgs{}
	}
	if err := validated(ctx, "SecureStorage", args.Validate()); err != nil {
		return nil, err
	}
	spec := args.Spec.WithDefaults()
	comp := &SecureStorage{}
	if err := ctx.RegisterComponentResource(SecureStorageType, name, comp, opts...); err != nil {
		return nil, err
	}
	rules := &storage.NetworkRuleSetArgs{
		DefaultAction: storage.DefaultActionAllow,
		Bypass:        pulumi.String("AzureServices"),
	}
	if !spec.Unrestricted && args.TrustedResources != nil {
		rules.ResourceAccessRules = pulumi.All(args.TrustedResources.ToStringArrayOutput(), args.TenantID.ToStringOutput()).ApplyT(func(v []any) []storage.ResourceAccessRule {
			ids, tenant := v[0].([]string), v[1].(string)
			out := make([]storage.ResourceAccessRule, 0, len(ids))
			for _, id := range ids {
				out = append(out, storage.ResourceAccessRule{ResourceId: ptr(id), TenantId: ptr(tenant)})
			}
			return out
		}).(storage.ResourceAccessRuleArrayOutput)
	}
	if spec.PrivateOnly || spec.ManagedNetwork == ManagedOutboundInternet {
		rules.DefaultAction = storage.DefaultActionDeny
	} else if !spec.Unrestricted {
		subnetIDs := args.SubnetIDs
		if subnetIDs == nil { // a managed network: Azure's private endpoints, no VNet rule
			subnetIDs = pulumi.StringArray{}
		}
		vnetRules := subnetIDs.ToStringArrayOutput().ApplyT(func(ids []string) []storage.VirtualNetworkRule {
			out := make([]storage.VirtualNetworkRule, 0, len(ids))
			for _, id := range ids {
				out = append(out, storage.VirtualNetworkRule{VirtualNetworkResourceId: id, Action: ptr(storage.ActionAllow)})
			}
			return out
		}).(storage.VirtualNetworkRuleArrayOutput)
		var ipRules storage.IPRuleArray
		for _, r := range spec.ClientIPRanges {
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
		Sku:                    &storage.SkuArgs{Name: pulumi.String(spec.Sku)},
		EnableHttpsTrafficOnly: pulumi.Bool(true),
		MinimumTlsVersion:      pulumi.String(string(storage.MinimumTlsVersion_TLS1_2)),
		AllowBlobPublicAccess:  pulumi.Bool(false),
		NetworkRuleSet:         rules,
		Tags:                   pulumi.ToStringMap(args.Tags),
	}
	if spec.AccountName != "" {
		account.AccountName = pulumi.String(spec.AccountName)
	}
	if spec.ManagedNetwork == ManagedOutboundInternet {
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
