package azureml

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// ExtensionToken is the token of a cluster extension, such as the Azure ML extension that makes an
// AKS cluster a Kubernetes compute target. Its Go module (kubernetesconfiguration/v2) is not
// served here either.
const ExtensionToken = "azure-native:kubernetesconfiguration:Extension"

// ExtensionAPIVersion is the Azure REST API version azure-native v2 uses for Extension.
const ExtensionAPIVersion = "2023-05-01"

// Extension is an extension installed in an AKS (or Arc) cluster. Azure refuses to change
// ExtensionType or Scope in place (its PATCH body has neither, see patchExtension in
// Azure/azure-rest-api-specs specification/kubernetesconfiguration/.../stable/2023-05-01/extensions.json),
// while the provider would send the change as an update: change ExtensionName along with them.
type Extension struct {
	pulumi.CustomResourceState

	// The identity AKS assigns to the extension; see AksPrincipalId.
	AksAssignedIdentity ResponsePtrOutput[ExtensionResponseAksAssignedIdentity] `pulumi:"aksAssignedIdentity"`
}

// AksPrincipalId is the object id of the identity AKS assigned to the extension ("" until Azure
// answers), e.g. for the Azure ML extension's role assignments. (On Arc clusters the identity is
// the extension's own "identity" instead.)
func (e *Extension) AksPrincipalId() pulumi.StringOutput {
	return stringOf(e.AksAssignedIdentity, func(v *ExtensionResponseAksAssignedIdentity) string { return v.PrincipalId })
}

// ExtensionArgs are the inputs of an Extension. For an AKS cluster: ClusterRp
// "Microsoft.ContainerService", ClusterResourceName "managedClusters", ClusterName the cluster's
// name, ResourceGroupName its resource group. Changing any of these, or ExtensionName, replaces
// the extension. The agent-written statuses, the marketplace plan and the Arc-only identity are
// left out.
type ExtensionArgs struct {
	// The kind of identity AKS assigns to the extension; normally left unset.
	AksAssignedIdentity *ExtensionAksAssignedIdentityArgs `pulumi:"aksAssignedIdentity"`
	// Optional. Let Azure upgrade minor versions. Defaults to true.
	AutoUpgradeMinorVersion pulumi.BoolPtrInput `pulumi:"autoUpgradeMinorVersion"`
	// Required. Name of the cluster.
	ClusterName pulumi.StringInput `pulumi:"clusterName"`
	// Required. The cluster's resource type: "managedClusters" for AKS.
	ClusterResourceName pulumi.StringInput `pulumi:"clusterResourceName"`
	// Required. The cluster's resource provider: "Microsoft.ContainerService" for AKS.
	ClusterRp pulumi.StringInput `pulumi:"clusterRp"`
	// Settings Azure keeps secret (e.g. the scoring endpoint's TLS certificate and key). Azure never
	// returns them; NewExtension marks the input and the output secret.
	ConfigurationProtectedSettings pulumi.StringMapInput `pulumi:"configurationProtectedSettings"`
	// Plain settings for the extension's Helm chart. Values are strings ("true", not true).
	ConfigurationSettings pulumi.StringMapInput `pulumi:"configurationSettings"`
	// Name of the extension instance; auto-named from the resource name when omitted.
	ExtensionName pulumi.StringPtrInput `pulumi:"extensionName"`
	// The extension type, e.g. "Microsoft.AzureML.Kubernetes"; Azure needs it on create.
	ExtensionType pulumi.StringPtrInput `pulumi:"extensionType"`
	// Optional. Release train of automatic upgrades. Defaults to "Stable".
	ReleaseTrain pulumi.StringPtrInput `pulumi:"releaseTrain"`
	// Required. Resource group of the cluster.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Where the extension is installed: the whole cluster or one namespace.
	Scope *ScopeArgs `pulumi:"scope"`
	// Pinned version; only with AutoUpgradeMinorVersion false.
	Version pulumi.StringPtrInput `pulumi:"version"`
}

// ExtensionAksAssignedIdentityArgs chooses the kind of identity AKS assigns to an extension.
type ExtensionAksAssignedIdentityArgs struct {
	// "SystemAssigned" or "UserAssigned" (a strict enum).
	Type pulumi.StringPtrInput `pulumi:"type"`
}

// ScopeArgs is where an extension is installed; set one of Cluster and Namespace.
type ScopeArgs struct {
	// Cluster-wide, with the release in one namespace.
	Cluster *ScopeClusterArgs `pulumi:"cluster"`
	// In one namespace.
	Namespace *ScopeNamespaceArgs `pulumi:"namespace"`
}

// ScopeClusterArgs is a cluster-wide installation.
type ScopeClusterArgs struct {
	// Namespace of the extension's release, e.g. "azureml".
	ReleaseNamespace pulumi.StringPtrInput `pulumi:"releaseNamespace"`
}

// ScopeNamespaceArgs is an installation in one namespace.
type ScopeNamespaceArgs struct {
	// The namespace.
	TargetNamespace pulumi.StringPtrInput `pulumi:"targetNamespace"`
}

// NewExtension registers a new Extension (see register), with the generated SDK's defaults
// (AutoUpgradeMinorVersion true, ReleaseTrain "Stable") applied to a copy of args, and
// ConfigurationProtectedSettings marked secret: Azure treats it as a secret (x-ms-secret in the
// 2023-05-01 extensions.json) but the v2 schema does not, so the engine would otherwise keep it
// in plain text.
func NewExtension(ctx *pulumi.Context, name string, args *ExtensionArgs, opts ...pulumi.ResourceOption) (*Extension, error) {
	var a ExtensionArgs
	if args != nil {
		a = *args
	}
	if a.AutoUpgradeMinorVersion == nil {
		a.AutoUpgradeMinorVersion = pulumi.BoolPtr(true)
	}
	if a.ReleaseTrain == nil {
		a.ReleaseTrain = pulumi.StringPtr("Stable")
	}
	if a.ConfigurationProtectedSettings != nil {
		a.ConfigurationProtectedSettings = pulumi.ToSecret(a.ConfigurationProtectedSettings).(pulumi.StringMapOutput)
	}
	var resource Extension
	if err := register(ctx, ExtensionToken, name, &a, &resource, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
