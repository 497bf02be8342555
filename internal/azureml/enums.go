package azureml

import (
	"context"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Enum types. Each implements pulumi.StringInput and pulumi.StringPtrInput, so a constant can be
// put straight into the matching Args field (e.g. PublicNetworkAccess: PublicNetworkAccessDisabled).
// Their ElementType is string: they marshal as the plain string value.
// Azure models these enums as strings, so the Args fields are plain pulumi.String(Ptr)Input and
// accept values not listed here, except SkuTier, which the schema marks strict.

var stringType = reflect.TypeOf("")

// PublicNetworkAccess says whether a workspace's public endpoint accepts traffic.
type PublicNetworkAccess string

const (
	PublicNetworkAccessEnabled  = PublicNetworkAccess("Enabled")
	PublicNetworkAccessDisabled = PublicNetworkAccess("Disabled")
)

// ElementType returns the type of string.
func (PublicNetworkAccess) ElementType() reflect.Type { return stringType }

func (e PublicNetworkAccess) ToStringOutput() pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(context.Background())
}

func (e PublicNetworkAccess) ToStringOutputWithContext(ctx context.Context) pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(ctx)
}

func (e PublicNetworkAccess) ToStringPtrOutput() pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(context.Background())
}

func (e PublicNetworkAccess) ToStringPtrOutputWithContext(ctx context.Context) pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(ctx)
}

// ManagedServiceIdentityType is the kind of managed identity of a workspace or compute.
type ManagedServiceIdentityType string

const (
	ManagedServiceIdentityTypeNone                       = ManagedServiceIdentityType("None")
	ManagedServiceIdentityTypeSystemAssigned             = ManagedServiceIdentityType("SystemAssigned")
	ManagedServiceIdentityTypeUserAssigned               = ManagedServiceIdentityType("UserAssigned")
	ManagedServiceIdentityTypeSystemAssignedUserAssigned = ManagedServiceIdentityType("SystemAssigned,UserAssigned")
)

// ElementType returns the type of string.
func (ManagedServiceIdentityType) ElementType() reflect.Type { return stringType }

func (e ManagedServiceIdentityType) ToStringOutput() pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(context.Background())
}

func (e ManagedServiceIdentityType) ToStringOutputWithContext(ctx context.Context) pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(ctx)
}

func (e ManagedServiceIdentityType) ToStringPtrOutput() pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(context.Background())
}

func (e ManagedServiceIdentityType) ToStringPtrOutputWithContext(ctx context.Context) pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(ctx)
}

// SkuTier is the tier of a SKU (a strict enum: no other value is accepted).
type SkuTier string

const (
	SkuTierFree     = SkuTier("Free")
	SkuTierBasic    = SkuTier("Basic")
	SkuTierStandard = SkuTier("Standard")
	SkuTierPremium  = SkuTier("Premium")
)

// ElementType returns the type of string.
func (SkuTier) ElementType() reflect.Type { return stringType }

func (e SkuTier) ToStringOutput() pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(context.Background())
}

func (e SkuTier) ToStringOutputWithContext(ctx context.Context) pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(ctx)
}

func (e SkuTier) ToStringPtrOutput() pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(context.Background())
}

func (e SkuTier) ToStringPtrOutputWithContext(ctx context.Context) pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(ctx)
}

// OsType is the OS of AmlCompute nodes. Azure's default is Linux.
type OsType string

const (
	OsTypeLinux   = OsType("Linux")
	OsTypeWindows = OsType("Windows")
)

// ElementType returns the type of string.
func (OsType) ElementType() reflect.Type { return stringType }

func (e OsType) ToStringOutput() pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(context.Background())
}

func (e OsType) ToStringOutputWithContext(ctx context.Context) pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(ctx)
}

func (e OsType) ToStringPtrOutput() pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(context.Background())
}

func (e OsType) ToStringPtrOutputWithContext(ctx context.Context) pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(ctx)
}

// RemoteLoginPortPublicAccess is the state of the public SSH port on AmlCompute nodes.
// Azure's default, NotSpecified, closes the port when the cluster has a subnet.
type RemoteLoginPortPublicAccess string

const (
	RemoteLoginPortPublicAccessEnabled      = RemoteLoginPortPublicAccess("Enabled")
	RemoteLoginPortPublicAccessDisabled     = RemoteLoginPortPublicAccess("Disabled")
	RemoteLoginPortPublicAccessNotSpecified = RemoteLoginPortPublicAccess("NotSpecified")
)

// ElementType returns the type of string.
func (RemoteLoginPortPublicAccess) ElementType() reflect.Type { return stringType }

func (e RemoteLoginPortPublicAccess) ToStringOutput() pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(context.Background())
}

func (e RemoteLoginPortPublicAccess) ToStringOutputWithContext(ctx context.Context) pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(ctx)
}

func (e RemoteLoginPortPublicAccess) ToStringPtrOutput() pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(context.Background())
}

func (e RemoteLoginPortPublicAccess) ToStringPtrOutputWithContext(ctx context.Context) pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(ctx)
}

// VmPriority selects dedicated or low-priority AmlCompute VMs.
type VmPriority string

const (
	VmPriorityDedicated   = VmPriority("Dedicated")
	VmPriorityLowPriority = VmPriority("LowPriority")
)

// ElementType returns the type of string.
func (VmPriority) ElementType() reflect.Type { return stringType }

func (e VmPriority) ToStringOutput() pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(context.Background())
}

func (e VmPriority) ToStringOutputWithContext(ctx context.Context) pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(ctx)
}

func (e VmPriority) ToStringPtrOutput() pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(context.Background())
}

func (e VmPriority) ToStringPtrOutputWithContext(ctx context.Context) pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(ctx)
}

// ClusterPurpose is the intended use of an AKS compute; it changes Azure's sizing checks.
// Azure's default is FastProd.
type ClusterPurpose string

const (
	ClusterPurposeFastProd  = ClusterPurpose("FastProd")
	ClusterPurposeDenseProd = ClusterPurpose("DenseProd")
	ClusterPurposeDevTest   = ClusterPurpose("DevTest")
)

// ElementType returns the type of string.
func (ClusterPurpose) ElementType() reflect.Type { return stringType }

func (e ClusterPurpose) ToStringOutput() pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(context.Background())
}

func (e ClusterPurpose) ToStringOutputWithContext(ctx context.Context) pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(ctx)
}

func (e ClusterPurpose) ToStringPtrOutput() pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(context.Background())
}

func (e ClusterPurpose) ToStringPtrOutputWithContext(ctx context.Context) pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(ctx)
}

// LoadBalancerType puts a public IP or an internal load balancer in front of AKS scoring.
// Azure's default is PublicIp.
type LoadBalancerType string

const (
	LoadBalancerTypePublicIp             = LoadBalancerType("PublicIp")
	LoadBalancerTypeInternalLoadBalancer = LoadBalancerType("InternalLoadBalancer")
)

// ElementType returns the type of string.
func (LoadBalancerType) ElementType() reflect.Type { return stringType }

func (e LoadBalancerType) ToStringOutput() pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(context.Background())
}

func (e LoadBalancerType) ToStringOutputWithContext(ctx context.Context) pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(ctx)
}

func (e LoadBalancerType) ToStringPtrOutput() pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(context.Background())
}

func (e LoadBalancerType) ToStringPtrOutputWithContext(ctx context.Context) pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(ctx)
}

// SslConfigStatus turns TLS on, off or to automatic for AKS scoring.
type SslConfigStatus string

const (
	SslConfigStatusDisabled = SslConfigStatus("Disabled")
	SslConfigStatusEnabled  = SslConfigStatus("Enabled")
	SslConfigStatusAuto     = SslConfigStatus("Auto")
)

// ElementType returns the type of string.
func (SslConfigStatus) ElementType() reflect.Type { return stringType }

func (e SslConfigStatus) ToStringOutput() pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(context.Background())
}

func (e SslConfigStatus) ToStringOutputWithContext(ctx context.Context) pulumi.StringOutput {
	return pulumi.String(e).ToStringOutputWithContext(ctx)
}

func (e SslConfigStatus) ToStringPtrOutput() pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(context.Background())
}

func (e SslConfigStatus) ToStringPtrOutputWithContext(ctx context.Context) pulumi.StringPtrOutput {
	return pulumi.String(e).ToStringPtrOutputWithContext(ctx)
}
