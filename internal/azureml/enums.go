package azureml

// Enum types. Each implements pulumi.StringInput and pulumi.StringPtrInput (the methods are
// generated into plain_gen.go), so a constant can be put straight into the matching Args field
// (e.g. PublicNetworkAccess: PublicNetworkAccessDisabled); it marshals as the plain string. Azure
// models these enums as strings, so the Args fields are plain pulumi.String(Ptr)Input and accept
// values not listed here, except where the schema data marks the enum strict (SkuTier).

// PublicNetworkAccess says whether a workspace's public endpoint accepts traffic.
type PublicNetworkAccess string

const (
	PublicNetworkAccessEnabled  = PublicNetworkAccess("Enabled")
	PublicNetworkAccessDisabled = PublicNetworkAccess("Disabled")
)

// ManagedServiceIdentityType is the kind of managed identity of a workspace or compute.
type ManagedServiceIdentityType string

const (
	ManagedServiceIdentityTypeNone                       = ManagedServiceIdentityType("None")
	ManagedServiceIdentityTypeSystemAssigned             = ManagedServiceIdentityType("SystemAssigned")
	ManagedServiceIdentityTypeUserAssigned               = ManagedServiceIdentityType("UserAssigned")
	ManagedServiceIdentityTypeSystemAssignedUserAssigned = ManagedServiceIdentityType("SystemAssigned,UserAssigned")
)

// SkuTier is the tier of a SKU (a strict enum: no other value is accepted).
type SkuTier string

const (
	SkuTierFree     = SkuTier("Free")
	SkuTierBasic    = SkuTier("Basic")
	SkuTierStandard = SkuTier("Standard")
	SkuTierPremium  = SkuTier("Premium")
)

// OsType is the OS of AmlCompute nodes. Azure's default is Linux.
type OsType string

const (
	OsTypeLinux   = OsType("Linux")
	OsTypeWindows = OsType("Windows")
)

// RemoteLoginPortPublicAccess is the state of the public SSH port on AmlCompute nodes.
// Azure's default, NotSpecified, closes the port when the cluster has a subnet.
type RemoteLoginPortPublicAccess string

const (
	RemoteLoginPortPublicAccessEnabled      = RemoteLoginPortPublicAccess("Enabled")
	RemoteLoginPortPublicAccessDisabled     = RemoteLoginPortPublicAccess("Disabled")
	RemoteLoginPortPublicAccessNotSpecified = RemoteLoginPortPublicAccess("NotSpecified")
)

// VmPriority selects dedicated or low-priority AmlCompute VMs.
type VmPriority string

const (
	VmPriorityDedicated   = VmPriority("Dedicated")
	VmPriorityLowPriority = VmPriority("LowPriority")
)

// ClusterPurpose is the intended use of an AKS compute; it changes Azure's sizing checks.
// Azure's default is FastProd.
type ClusterPurpose string

const (
	ClusterPurposeFastProd  = ClusterPurpose("FastProd")
	ClusterPurposeDenseProd = ClusterPurpose("DenseProd")
	ClusterPurposeDevTest   = ClusterPurpose("DevTest")
)

// LoadBalancerType puts a public IP or an internal load balancer in front of AKS scoring.
// Azure's default is PublicIp.
type LoadBalancerType string

const (
	LoadBalancerTypePublicIp             = LoadBalancerType("PublicIp")
	LoadBalancerTypeInternalLoadBalancer = LoadBalancerType("InternalLoadBalancer")
)

// SslConfigStatus turns TLS on, off or to automatic for AKS scoring.
type SslConfigStatus string

const (
	SslConfigStatusDisabled = SslConfigStatus("Disabled")
	SslConfigStatusEnabled  = SslConfigStatus("Enabled")
	SslConfigStatusAuto     = SslConfigStatus("Auto")
)

// IsolationMode is the outbound isolation of a workspace's managed network. It only moves forward:
// from Disabled, and from AllowInternetOutbound to AllowOnlyApprovedOutbound.
type IsolationMode string

const (
	IsolationModeDisabled                  = IsolationMode("Disabled")
	IsolationModeAllowInternetOutbound     = IsolationMode("AllowInternetOutbound")
	IsolationModeAllowOnlyApprovedOutbound = IsolationMode("AllowOnlyApprovedOutbound")
)

// FirewallSku is the SKU of the Azure Firewall that FQDN outbound rules create.
type FirewallSku string

const (
	FirewallSkuStandard = FirewallSku("Standard")
	FirewallSkuBasic    = FirewallSku("Basic")
)

// RuleCategory is the category of an outbound rule; user rules are UserDefined (or unset).
type RuleCategory string

const (
	RuleCategoryRequired    = RuleCategory("Required")
	RuleCategoryRecommended = RuleCategory("Recommended")
	RuleCategoryUserDefined = RuleCategory("UserDefined")
	RuleCategoryDependency  = RuleCategory("Dependency")
)

// RuleAction allows or denies the traffic of a service-tag outbound rule.
type RuleAction string

const (
	RuleActionAllow = RuleAction("Allow")
	RuleActionDeny  = RuleAction("Deny")
)

// ServiceDataAccessAuthIdentity is the identity the studio uses to preview a datastore's data.
type ServiceDataAccessAuthIdentity string

const (
	ServiceDataAccessAuthIdentityNone                            = ServiceDataAccessAuthIdentity("None")
	ServiceDataAccessAuthIdentityWorkspaceSystemAssignedIdentity = ServiceDataAccessAuthIdentity("WorkspaceSystemAssignedIdentity")
	ServiceDataAccessAuthIdentityWorkspaceUserAssignedIdentity   = ServiceDataAccessAuthIdentity("WorkspaceUserAssignedIdentity")
)
