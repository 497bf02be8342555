package azureml

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// The nested input types. Each XxxArgs is what users fill; its plain struct (what the engine
// receives) and ElementType are generated into plain_gen.go. Optional nested types are pointers to
// their Args.

// ---- shared by Workspace and Compute ----

// ManagedServiceIdentityArgs is the managed identity of a workspace or compute.
type ManagedServiceIdentityArgs struct {
	// Required. The identity kind; see the ManagedServiceIdentityType constants.
	Type pulumi.StringInput `pulumi:"type"`
	// ARM ids of user-assigned identities. An array in azure-native (ARM itself uses a map).
	UserAssignedIdentities pulumi.StringArrayInput `pulumi:"userAssignedIdentities"`
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
	ComputeTypeKubernetes     = "Kubernetes"
)

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
	Properties *AmlComputePropertiesArgs `pulumi:"properties"`
	// Not used for AmlCompute (AML creates the cluster).
	ResourceId pulumi.StringPtrInput `pulumi:"resourceId"`
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
	ScaleSettings *ScaleSettingsArgs `pulumi:"scaleSettings"`
	// The subnet of the nodes, as {id: <subnet ARM id>}.
	Subnet *ResourceIdArgs `pulumi:"subnet"`
	// Admin account created on each node. AdminUserPassword is a secret.
	UserAccountCredentials *UserAccountCredentialsArgs `pulumi:"userAccountCredentials"`
	// Custom image (Windows only).
	VirtualMachineImage *VirtualMachineImageArgs `pulumi:"virtualMachineImage"`
	// Dedicated or low priority; see the VmPriority constants.
	VmPriority pulumi.StringPtrInput `pulumi:"vmPriority"`
	// VM size, e.g. "STANDARD_DS3_V2".
	VmSize pulumi.StringPtrInput `pulumi:"vmSize"`
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

// ResourceIdArgs wraps an ARM resource id (here: a subnet id).
type ResourceIdArgs struct {
	// Required. The ARM id.
	Id pulumi.StringInput `pulumi:"id"`
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

// VirtualMachineImageArgs is a custom node image.
type VirtualMachineImageArgs struct {
	// Required. ARM id of the image.
	Id pulumi.StringInput `pulumi:"id"`
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
	Properties *AKSSchemaPropertiesArgs `pulumi:"properties"`
	// ARM id of the AKS cluster to attach.
	ResourceId pulumi.StringPtrInput `pulumi:"resourceId"`
}

// AKSSchemaPropertiesArgs are the settings of an AKS compute.
type AKSSchemaPropertiesArgs struct {
	// Node count (only when AML creates the cluster).
	AgentCount pulumi.IntPtrInput `pulumi:"agentCount"`
	// Node VM size (only when AML creates the cluster).
	AgentVmSize pulumi.StringPtrInput `pulumi:"agentVmSize"`
	// Network settings of an AML-created cluster.
	AksNetworkingConfiguration *AksNetworkingConfigurationArgs `pulumi:"aksNetworkingConfiguration"`
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
	SslConfiguration *SslConfigurationArgs `pulumi:"sslConfiguration"`
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
	Properties *VirtualMachineSchemaPropertiesArgs `pulumi:"properties"`
	// ARM id of the VM to attach.
	ResourceId pulumi.StringPtrInput `pulumi:"resourceId"`
}

// VirtualMachineSchemaPropertiesArgs are the settings of an attached VM.
type VirtualMachineSchemaPropertiesArgs struct {
	// IP address of the VM.
	Address pulumi.StringPtrInput `pulumi:"address"`
	// SSH credentials AML uses. Password and PrivateKeyData are secrets.
	AdministratorAccount *VirtualMachineSshCredentialsArgs `pulumi:"administratorAccount"`
	// Use the VM for notebooks.
	IsNotebookInstanceCompute pulumi.BoolPtrInput `pulumi:"isNotebookInstanceCompute"`
	// Notebook server port.
	NotebookServerPort pulumi.IntPtrInput `pulumi:"notebookServerPort"`
	// SSH port.
	SshPort pulumi.IntPtrInput `pulumi:"sshPort"`
	// VM size.
	VirtualMachineSize pulumi.StringPtrInput `pulumi:"virtualMachineSize"`
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
	Properties *HDInsightPropertiesArgs `pulumi:"properties"`
	// ARM id of the HDInsight cluster to attach.
	ResourceId pulumi.StringPtrInput `pulumi:"resourceId"`
}

// HDInsightPropertiesArgs are the settings of an attached HDInsight cluster.
type HDInsightPropertiesArgs struct {
	// IP address of the head (master) node.
	Address pulumi.StringPtrInput `pulumi:"address"`
	// SSH credentials of the head node. Password and PrivateKeyData are secrets.
	AdministratorAccount *VirtualMachineSshCredentialsArgs `pulumi:"administratorAccount"`
	// SSH port of the head node.
	SshPort pulumi.IntPtrInput `pulumi:"sshPort"`
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

// KubernetesArgs is the union member for a Kubernetes cluster that runs the Azure ML extension
// (computeType "Kubernetes"), the compute of v2 online endpoints; the legacy AKS type serves v1
// only. Attaching an AKS cluster needs ResourceId in practice (an Azure rule; the schema requires
// only computeType), and the cluster must be in the workspace's subscription.
type KubernetesArgs struct {
	// Region of the cluster; normally the workspace's region.
	ComputeLocation pulumi.StringPtrInput `pulumi:"computeLocation"`
	// Must be "Kubernetes" (ComputeTypeKubernetes); NewCompute fills it in when empty.
	ComputeType string `pulumi:"computeType"`
	// Free-text description.
	Description pulumi.StringPtrInput `pulumi:"description"`
	// When true only Entra ID (AAD) authentication is accepted.
	DisableLocalAuth pulumi.BoolPtrInput `pulumi:"disableLocalAuth"`
	// The Kubernetes settings.
	Properties *KubernetesPropertiesArgs `pulumi:"properties"`
	// ARM id of the AKS cluster to attach.
	ResourceId pulumi.StringPtrInput `pulumi:"resourceId"`
}

// KubernetesPropertiesArgs are the settings of a Kubernetes compute. The generated SDK sends
// Namespace "default" when unset; this binding does not, so set it.
type KubernetesPropertiesArgs struct {
	// Name of the default instance type.
	DefaultInstanceType pulumi.StringPtrInput `pulumi:"defaultInstanceType"`
	// Release train of the extension; Azure fills it in, leave it unset.
	ExtensionInstanceReleaseTrain pulumi.StringPtrInput `pulumi:"extensionInstanceReleaseTrain"`
	// Principal id of the extension; Azure fills it in, leave it unset.
	ExtensionPrincipalId pulumi.StringPtrInput `pulumi:"extensionPrincipalId"`
	// Instance types by name. Usually defined as InstanceType resources in the cluster instead.
	InstanceTypes map[string]InstanceTypeSchemaArgs `pulumi:"instanceTypes"`
	// Kubernetes namespace of the compute's workloads; it must exist (attaching does not create it).
	Namespace pulumi.StringPtrInput `pulumi:"namespace"`
	// Azure Relay connection string (Arc clusters only); pass a secret.
	RelayConnectionString pulumi.StringPtrInput `pulumi:"relayConnectionString"`
	// Service Bus connection string (legacy); pass a secret.
	ServiceBusConnectionString pulumi.StringPtrInput `pulumi:"serviceBusConnectionString"`
	// Virtual cluster name; not used for AKS.
	VcName pulumi.StringPtrInput `pulumi:"vcName"`
}

// InstanceTypeSchemaArgs is an instance type: where its pods run and what they get.
type InstanceTypeSchemaArgs struct {
	// Node labels the pods are scheduled on.
	NodeSelector pulumi.StringMapInput `pulumi:"nodeSelector"`
	// CPU, memory and GPU requests and limits.
	Resources *InstanceTypeSchemaResourcesArgs `pulumi:"resources"`
}

// InstanceTypeSchemaResourcesArgs are the resource requests and limits of an instance type, e.g.
// {"cpu": "1", "memory": "2Gi", "nvidia.com/gpu": "1"}.
type InstanceTypeSchemaResourcesArgs struct {
	// Upper bounds.
	Limits pulumi.StringMapInput `pulumi:"limits"`
	// What the scheduler reserves.
	Requests pulumi.StringMapInput `pulumi:"requests"`
}
