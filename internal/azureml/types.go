package azureml

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// This file holds the shapes of the nested input types: for each, the plain struct the engine
// marshals (pointer fields are optional, value fields required) and the XxxArgs struct users fill.
// The plumbing (ElementType, XxxInput, XxxPtrInput, XxxOutput) is in types_plumbing.go.

// ---- shared by Workspace and Compute ----

// ManagedServiceIdentity is the managed identity of a workspace or compute.
type ManagedServiceIdentity struct {
	Type                   string   `pulumi:"type"`
	UserAssignedIdentities []string `pulumi:"userAssignedIdentities"`
}

// ManagedServiceIdentityArgs is the managed identity of a workspace or compute.
type ManagedServiceIdentityArgs struct {
	// Required. The identity kind; see the ManagedServiceIdentityType constants.
	Type pulumi.StringInput `pulumi:"type"`
	// ARM ids of user-assigned identities. An array in azure-native (ARM itself uses a map).
	UserAssignedIdentities pulumi.StringArrayInput `pulumi:"userAssignedIdentities"`
}

// Sku is a workspace or compute SKU.
type Sku struct {
	Capacity *int    `pulumi:"capacity"`
	Family   *string `pulumi:"family"`
	Name     string  `pulumi:"name"`
	Size     *string `pulumi:"size"`
	Tier     *string `pulumi:"tier"`
}

// SkuArgs is a workspace or compute SKU.
type SkuArgs struct {
	// Instance count, if the SKU scales.
	Capacity pulumi.IntPtrInput `pulumi:"capacity"`
	// Hardware family.
	Family pulumi.StringPtrInput `pulumi:"family"`
	// Required. The SKU name, e.g. "Basic".
	Name pulumi.StringInput `pulumi:"name"`
	// SKU size.
	Size pulumi.StringPtrInput `pulumi:"size"`
	// The tier; one of the SkuTier constants (strict).
	Tier pulumi.StringPtrInput `pulumi:"tier"`
}

// ---- Compute union members ----

// Discriminator values of the Compute properties union (the computeType of each member).
// NewCompute fills computeType in when a member's ComputeType is left empty.
const (
	ComputeTypeAmlCompute     = "AmlCompute"
	ComputeTypeAKS            = "AKS"
	ComputeTypeVirtualMachine = "VirtualMachine"
	ComputeTypeHDInsight      = "HDInsight"
)

// AmlCompute is the union member for a managed training cluster (computeType "AmlCompute").
type AmlCompute struct {
	ComputeLocation  *string               `pulumi:"computeLocation"`
	ComputeType      string                `pulumi:"computeType"`
	Description      *string               `pulumi:"description"`
	DisableLocalAuth *bool                 `pulumi:"disableLocalAuth"`
	Properties       *AmlComputeProperties `pulumi:"properties"`
	ResourceId       *string               `pulumi:"resourceId"`
}

// AmlComputeArgs is the union member for a managed training cluster (computeType "AmlCompute").
type AmlComputeArgs struct {
	// Region of the cluster; normally the workspace's region.
	ComputeLocation pulumi.StringPtrInput `pulumi:"computeLocation"`
	// Must be "AmlCompute" (ComputeTypeAmlCompute); NewCompute fills it in when empty.
	ComputeType string `pulumi:"computeType"`
	// Free-text description.
	Description pulumi.StringPtrInput `pulumi:"description"`
	// When true only Entra ID (AAD) authentication is accepted.
	DisableLocalAuth pulumi.BoolPtrInput `pulumi:"disableLocalAuth"`
	// The cluster's settings.
	Properties AmlComputePropertiesPtrInput `pulumi:"properties"`
	// Not used for AmlCompute (AML creates the cluster).
	ResourceId pulumi.StringPtrInput `pulumi:"resourceId"`
}

// AmlComputeProperties are the settings of an AmlCompute cluster.
type AmlComputeProperties struct {
	EnableNodePublicIp          *bool                   `pulumi:"enableNodePublicIp"`
	IsolatedNetwork             *bool                   `pulumi:"isolatedNetwork"`
	OsType                      *string                 `pulumi:"osType"`
	PropertyBag                 interface{}             `pulumi:"propertyBag"`
	RemoteLoginPortPublicAccess *string                 `pulumi:"remoteLoginPortPublicAccess"`
	ScaleSettings               *ScaleSettings          `pulumi:"scaleSettings"`
	Subnet                      *ResourceId             `pulumi:"subnet"`
	UserAccountCredentials      *UserAccountCredentials `pulumi:"userAccountCredentials"`
	VirtualMachineImage         *VirtualMachineImage    `pulumi:"virtualMachineImage"`
	VmPriority                  *string                 `pulumi:"vmPriority"`
	VmSize                      *string                 `pulumi:"vmSize"`
}

// AmlComputePropertiesArgs are the settings of an AmlCompute cluster. Unlike the generated SDK,
// this binding applies no nested defaults: Azure's default for EnableNodePublicIp is true, so set
// it to false explicitly for a cluster without public IPs (that needs Subnet).
type AmlComputePropertiesArgs struct {
	// Give nodes public IPs. Azure's default is true.
	EnableNodePublicIp pulumi.BoolPtrInput `pulumi:"enableNodePublicIp"`
	// Marks the cluster network as isolated.
	IsolatedNetwork pulumi.BoolPtrInput `pulumi:"isolatedNetwork"`
	// Node OS; see the OsType constants.
	OsType pulumi.StringPtrInput `pulumi:"osType"`
	// Free-form extra properties (any JSON value).
	PropertyBag pulumi.Input `pulumi:"propertyBag"`
	// Public SSH port state; see the RemoteLoginPortPublicAccess constants.
	RemoteLoginPortPublicAccess pulumi.StringPtrInput `pulumi:"remoteLoginPortPublicAccess"`
	// Node count limits and idle scale-down time.
	ScaleSettings ScaleSettingsPtrInput `pulumi:"scaleSettings"`
	// The subnet of the nodes, as {id: <subnet ARM id>}.
	Subnet ResourceIdPtrInput `pulumi:"subnet"`
	// Admin account created on each node. AdminUserPassword is a secret.
	UserAccountCredentials UserAccountCredentialsPtrInput `pulumi:"userAccountCredentials"`
	// Custom image (Windows only).
	VirtualMachineImage VirtualMachineImagePtrInput `pulumi:"virtualMachineImage"`
	// Dedicated or low priority; see the VmPriority constants.
	VmPriority pulumi.StringPtrInput `pulumi:"vmPriority"`
	// VM size, e.g. "STANDARD_DS3_V2".
	VmSize pulumi.StringPtrInput `pulumi:"vmSize"`
}

// ScaleSettings are the node count limits of an AmlCompute cluster.
type ScaleSettings struct {
	MaxNodeCount                int     `pulumi:"maxNodeCount"`
	MinNodeCount                *int    `pulumi:"minNodeCount"`
	NodeIdleTimeBeforeScaleDown *string `pulumi:"nodeIdleTimeBeforeScaleDown"`
}

// ScaleSettingsArgs are the node count limits of an AmlCompute cluster.
type ScaleSettingsArgs struct {
	// Required. Upper node limit.
	MaxNodeCount pulumi.IntInput `pulumi:"maxNodeCount"`
	// Lower node limit. Azure's default is 0.
	MinNodeCount pulumi.IntPtrInput `pulumi:"minNodeCount"`
	// Idle time before scale-down, an ISO 8601 duration such as "PT5M".
	NodeIdleTimeBeforeScaleDown pulumi.StringPtrInput `pulumi:"nodeIdleTimeBeforeScaleDown"`
}

// ResourceId wraps an ARM resource id (here: a subnet id).
type ResourceId struct {
	Id string `pulumi:"id"`
}

// ResourceIdArgs wraps an ARM resource id (here: a subnet id).
type ResourceIdArgs struct {
	// Required. The ARM id.
	Id pulumi.StringInput `pulumi:"id"`
}

// UserAccountCredentials is the admin account created on AmlCompute nodes.
type UserAccountCredentials struct {
	AdminUserName         string  `pulumi:"adminUserName"`
	AdminUserPassword     *string `pulumi:"adminUserPassword"`
	AdminUserSshPublicKey *string `pulumi:"adminUserSshPublicKey"`
}

// UserAccountCredentialsArgs is the admin account created on AmlCompute nodes.
type UserAccountCredentialsArgs struct {
	// Required. Admin user name.
	AdminUserName pulumi.StringInput `pulumi:"adminUserName"`
	// Admin password; pass a secret.
	AdminUserPassword pulumi.StringPtrInput `pulumi:"adminUserPassword"`
	// Admin SSH public key.
	AdminUserSshPublicKey pulumi.StringPtrInput `pulumi:"adminUserSshPublicKey"`
}

// VirtualMachineImage is a custom node image.
type VirtualMachineImage struct {
	Id string `pulumi:"id"`
}

// VirtualMachineImageArgs is a custom node image.
type VirtualMachineImageArgs struct {
	// Required. ARM id of the image.
	Id pulumi.StringInput `pulumi:"id"`
}

// AKS is the union member for an AKS compute (computeType "AKS").
type AKS struct {
	ComputeLocation  *string              `pulumi:"computeLocation"`
	ComputeType      string               `pulumi:"computeType"`
	Description      *string              `pulumi:"description"`
	DisableLocalAuth *bool                `pulumi:"disableLocalAuth"`
	Properties       *AKSSchemaProperties `pulumi:"properties"`
	ResourceId       *string              `pulumi:"resourceId"`
}

// AKSArgs is the union member for an AKS compute (computeType "AKS"): attach an existing cluster
// with ResourceId, or (legacy) let AML create one.
type AKSArgs struct {
	// Region of the cluster; normally the workspace's region.
	ComputeLocation pulumi.StringPtrInput `pulumi:"computeLocation"`
	// Must be "AKS" (ComputeTypeAKS); NewCompute fills it in when empty.
	ComputeType string `pulumi:"computeType"`
	// Free-text description.
	Description pulumi.StringPtrInput `pulumi:"description"`
	// When true only Entra ID (AAD) authentication is accepted.
	DisableLocalAuth pulumi.BoolPtrInput `pulumi:"disableLocalAuth"`
	// The AKS settings.
	Properties AKSSchemaPropertiesPtrInput `pulumi:"properties"`
	// ARM id of the AKS cluster to attach.
	ResourceId pulumi.StringPtrInput `pulumi:"resourceId"`
}

// AKSSchemaProperties are the settings of an AKS compute.
type AKSSchemaProperties struct {
	AgentCount                 *int                        `pulumi:"agentCount"`
	AgentVmSize                *string                     `pulumi:"agentVmSize"`
	AksNetworkingConfiguration *AksNetworkingConfiguration `pulumi:"aksNetworkingConfiguration"`
	ClusterFqdn                *string                     `pulumi:"clusterFqdn"`
	ClusterPurpose             *string                     `pulumi:"clusterPurpose"`
	LoadBalancerSubnet         *string                     `pulumi:"loadBalancerSubnet"`
	LoadBalancerType           *string                     `pulumi:"loadBalancerType"`
	SslConfiguration           *SslConfiguration           `pulumi:"sslConfiguration"`
}

// AKSSchemaPropertiesArgs are the settings of an AKS compute.
type AKSSchemaPropertiesArgs struct {
	// Node count (only when AML creates the cluster).
	AgentCount pulumi.IntPtrInput `pulumi:"agentCount"`
	// Node VM size (only when AML creates the cluster).
	AgentVmSize pulumi.StringPtrInput `pulumi:"agentVmSize"`
	// Network settings of an AML-created cluster.
	AksNetworkingConfiguration AksNetworkingConfigurationPtrInput `pulumi:"aksNetworkingConfiguration"`
	// FQDN of the cluster.
	ClusterFqdn pulumi.StringPtrInput `pulumi:"clusterFqdn"`
	// Intended use; see the ClusterPurpose constants.
	ClusterPurpose pulumi.StringPtrInput `pulumi:"clusterPurpose"`
	// Subnet of the internal load balancer (with LoadBalancerTypeInternalLoadBalancer). Whether
	// Azure wants a subnet name or an id here is not confirmed.
	LoadBalancerSubnet pulumi.StringPtrInput `pulumi:"loadBalancerSubnet"`
	// Public IP or internal load balancer; see the LoadBalancerType constants.
	LoadBalancerType pulumi.StringPtrInput `pulumi:"loadBalancerType"`
	// TLS settings of the scoring endpoint. Key is a secret.
	SslConfiguration SslConfigurationPtrInput `pulumi:"sslConfiguration"`
}

// AksNetworkingConfiguration is the network of an AML-created AKS cluster.
type AksNetworkingConfiguration struct {
	DnsServiceIP     *string `pulumi:"dnsServiceIP"`
	DockerBridgeCidr *string `pulumi:"dockerBridgeCidr"`
	ServiceCidr      *string `pulumi:"serviceCidr"`
	SubnetId         *string `pulumi:"subnetId"`
}

// AksNetworkingConfigurationArgs is the network of an AML-created AKS cluster.
type AksNetworkingConfigurationArgs struct {
	// Kubernetes DNS service IP, inside ServiceCidr.
	DnsServiceIP pulumi.StringPtrInput `pulumi:"dnsServiceIP"`
	// Docker bridge CIDR (still present in this ML type).
	DockerBridgeCidr pulumi.StringPtrInput `pulumi:"dockerBridgeCidr"`
	// Kubernetes service CIDR; must not overlap any subnet.
	ServiceCidr pulumi.StringPtrInput `pulumi:"serviceCidr"`
	// ARM id of the node subnet (a plain string, not a ResourceId object).
	SubnetId pulumi.StringPtrInput `pulumi:"subnetId"`
}

// SslConfiguration is the TLS setting of AKS scoring.
type SslConfiguration struct {
	Cert                    *string `pulumi:"cert"`
	Cname                   *string `pulumi:"cname"`
	Key                     *string `pulumi:"key"`
	LeafDomainLabel         *string `pulumi:"leafDomainLabel"`
	OverwriteExistingDomain *bool   `pulumi:"overwriteExistingDomain"`
	Status                  *string `pulumi:"status"`
}

// SslConfigurationArgs is the TLS setting of AKS scoring.
type SslConfigurationArgs struct {
	// Certificate PEM data.
	Cert pulumi.StringPtrInput `pulumi:"cert"`
	// The CNAME the certificate is for.
	Cname pulumi.StringPtrInput `pulumi:"cname"`
	// Private key PEM data; pass a secret.
	Key pulumi.StringPtrInput `pulumi:"key"`
	// Leaf label for a Microsoft-issued certificate.
	LeafDomainLabel pulumi.StringPtrInput `pulumi:"leafDomainLabel"`
	// Overwrite an existing domain label.
	OverwriteExistingDomain pulumi.BoolPtrInput `pulumi:"overwriteExistingDomain"`
	// TLS on, off or auto; see the SslConfigStatus constants.
	Status pulumi.StringPtrInput `pulumi:"status"`
}

// VirtualMachine is the union member for an attached VM (computeType "VirtualMachine").
type VirtualMachine struct {
	ComputeLocation  *string                         `pulumi:"computeLocation"`
	ComputeType      string                          `pulumi:"computeType"`
	Description      *string                         `pulumi:"description"`
	DisableLocalAuth *bool                           `pulumi:"disableLocalAuth"`
	Properties       *VirtualMachineSchemaProperties `pulumi:"properties"`
	ResourceId       *string                         `pulumi:"resourceId"`
}

// VirtualMachineArgs is the union member for an attached VM (computeType "VirtualMachine").
// Attaching needs ResourceId and Properties.AdministratorAccount in practice (an Azure rule; the
// schema requires only computeType).
type VirtualMachineArgs struct {
	// Region of the VM; normally the workspace's region.
	ComputeLocation pulumi.StringPtrInput `pulumi:"computeLocation"`
	// Must be "VirtualMachine" (ComputeTypeVirtualMachine); NewCompute fills it in when empty.
	ComputeType string `pulumi:"computeType"`
	// Free-text description.
	Description pulumi.StringPtrInput `pulumi:"description"`
	// When true only Entra ID (AAD) authentication is accepted.
	DisableLocalAuth pulumi.BoolPtrInput `pulumi:"disableLocalAuth"`
	// The VM's address and credentials.
	Properties VirtualMachineSchemaPropertiesPtrInput `pulumi:"properties"`
	// ARM id of the VM to attach.
	ResourceId pulumi.StringPtrInput `pulumi:"resourceId"`
}

// VirtualMachineSchemaProperties are the settings of an attached VM.
type VirtualMachineSchemaProperties struct {
	Address                   *string                       `pulumi:"address"`
	AdministratorAccount      *VirtualMachineSshCredentials `pulumi:"administratorAccount"`
	IsNotebookInstanceCompute *bool                         `pulumi:"isNotebookInstanceCompute"`
	NotebookServerPort        *int                          `pulumi:"notebookServerPort"`
	SshPort                   *int                          `pulumi:"sshPort"`
	VirtualMachineSize        *string                       `pulumi:"virtualMachineSize"`
}

// VirtualMachineSchemaPropertiesArgs are the settings of an attached VM.
type VirtualMachineSchemaPropertiesArgs struct {
	// IP address of the VM.
	Address pulumi.StringPtrInput `pulumi:"address"`
	// SSH credentials AML uses. Password and PrivateKeyData are secrets.
	AdministratorAccount VirtualMachineSshCredentialsPtrInput `pulumi:"administratorAccount"`
	// Use the VM for notebooks.
	IsNotebookInstanceCompute pulumi.BoolPtrInput `pulumi:"isNotebookInstanceCompute"`
	// Notebook server port.
	NotebookServerPort pulumi.IntPtrInput `pulumi:"notebookServerPort"`
	// SSH port.
	SshPort pulumi.IntPtrInput `pulumi:"sshPort"`
	// VM size.
	VirtualMachineSize pulumi.StringPtrInput `pulumi:"virtualMachineSize"`
}

// HDInsight is the union member for an attached HDInsight cluster (computeType "HDInsight").
type HDInsight struct {
	ComputeLocation  *string              `pulumi:"computeLocation"`
	ComputeType      string               `pulumi:"computeType"`
	Description      *string              `pulumi:"description"`
	DisableLocalAuth *bool                `pulumi:"disableLocalAuth"`
	Properties       *HDInsightProperties `pulumi:"properties"`
	ResourceId       *string              `pulumi:"resourceId"`
}

// HDInsightArgs is the union member for an attached HDInsight cluster (computeType "HDInsight").
type HDInsightArgs struct {
	// Region of the cluster; normally the workspace's region.
	ComputeLocation pulumi.StringPtrInput `pulumi:"computeLocation"`
	// Must be "HDInsight" (ComputeTypeHDInsight); NewCompute fills it in when empty.
	ComputeType string `pulumi:"computeType"`
	// Free-text description.
	Description pulumi.StringPtrInput `pulumi:"description"`
	// When true only Entra ID (AAD) authentication is accepted.
	DisableLocalAuth pulumi.BoolPtrInput `pulumi:"disableLocalAuth"`
	// The head node's address and credentials.
	Properties HDInsightPropertiesPtrInput `pulumi:"properties"`
	// ARM id of the HDInsight cluster to attach.
	ResourceId pulumi.StringPtrInput `pulumi:"resourceId"`
}

// HDInsightProperties are the settings of an attached HDInsight cluster.
type HDInsightProperties struct {
	Address              *string                       `pulumi:"address"`
	AdministratorAccount *VirtualMachineSshCredentials `pulumi:"administratorAccount"`
	SshPort              *int                          `pulumi:"sshPort"`
}

// HDInsightPropertiesArgs are the settings of an attached HDInsight cluster.
type HDInsightPropertiesArgs struct {
	// IP address of the head (master) node.
	Address pulumi.StringPtrInput `pulumi:"address"`
	// SSH credentials of the head node. Password and PrivateKeyData are secrets.
	AdministratorAccount VirtualMachineSshCredentialsPtrInput `pulumi:"administratorAccount"`
	// SSH port of the head node.
	SshPort pulumi.IntPtrInput `pulumi:"sshPort"`
}

// VirtualMachineSshCredentials are the admin credentials of an attached VM or HDInsight cluster.
type VirtualMachineSshCredentials struct {
	Password       *string `pulumi:"password"`
	PrivateKeyData *string `pulumi:"privateKeyData"`
	PublicKeyData  *string `pulumi:"publicKeyData"`
	Username       *string `pulumi:"username"`
}

// VirtualMachineSshCredentialsArgs are the admin credentials of an attached VM or HDInsight
// cluster. Pass Password and PrivateKeyData as secrets (e.g. config.RequireSecret).
type VirtualMachineSshCredentialsArgs struct {
	// Password of the admin account; pass a secret.
	Password pulumi.StringPtrInput `pulumi:"password"`
	// Private key data; pass a secret.
	PrivateKeyData pulumi.StringPtrInput `pulumi:"privateKeyData"`
	// Public key data.
	PublicKeyData pulumi.StringPtrInput `pulumi:"publicKeyData"`
	// Admin user name.
	Username pulumi.StringPtrInput `pulumi:"username"`
}
