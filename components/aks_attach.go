package components

import (
	"encoding/base64"
	"strings"

	containerservice "github.com/pulumi/pulumi-azure-native-sdk/containerservice/v2"
	storage "github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

// The Azure ML extension as the docs install it
// (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension):
// cluster scope only, its system components in namespace azureml, release
// train stable (as the CLI and the ARM sample of
// https://learn.microsoft.com/azure/machine-learning/reference-kubernetes#use-arm-template-to-deploy-extension set it).
const (
	AzureMLExtensionName      = "azureml"
	AzureMLExtensionType      = "Microsoft.AzureML.Kubernetes"
	AzureMLExtensionNamespace = "azureml"
	AzureMLReleaseTrain       = "stable"
	// DefaultInstanceType is the instance type attaching creates, which a
	// deployment without one uses
	// (https://learn.microsoft.com/azure/machine-learning/how-to-manage-kubernetes-instance-types).
	DefaultInstanceType = "defaultinstancetype"
	// ScoringDatastoreName and ScoringContainerName register the scoring
	// storage with the workspace.
	ScoringDatastoreName = "inferencestorage"
	ScoringContainerName = "inference"
	// ComputeTypeTag is the tag the legacy AKS compute carries, with value
	// AksComputeLegacy: the stack chose it on purpose (policy
	// inference-compute-kubernetes).
	ComputeTypeTag = "amlvnet:computeType"
)

// attachment is what attaching the cluster to the workspace needs.
type attachment struct {
	name    string
	args    *AksInVnetArgs
	spec    AksSpec
	region  string
	cluster *containerservice.ManagedCluster
	rules   []pulumi.Resource
	tags    pulumi.StringMap
	parent  pulumi.ResourceOption
}

// computeOptions are the options of the inference compute, whichever its
// type. Azure ML cannot change an attached compute in place (its update
// takes scale settings only: ClusterUpdateParameters in
// Azure/azure-rest-api-specs machineLearningServices.json; a re-PUT is
// acknowledged but not applied, azure-rest-api-specs #18889), so a change of
// type replaces it, deleting the old one first since the name stays. The
// compute waits for its NSG rules and the workspace's Ready resources (its
// private endpoints, which a private workspace is reached through).
func (a *attachment) computeOptions(deps ...pulumi.Resource) []pulumi.ResourceOption {
	all := append(append(append([]pulumi.Resource(nil), a.rules...), a.args.Workspace.Ready...), deps...)
	return []pulumi.ResourceOption{a.parent, pulumi.DependsOn(all),
		pulumi.ReplaceOnChanges([]string{"properties.computeType"}), pulumi.DeleteBeforeReplace(true)}
}

// newLegacyCompute attaches the cluster as a v1 AKS compute. Azure ML takes
// the cluster as it is (resourceId): the node count, size and networking
// sent along are what the v1 API wants to see, and are not applied to a
// cluster Azure ML did not create.
func (a *attachment) newLegacyCompute(ctx *pulumi.Context) (*azureml.Compute, error) {
	spec, subnetID := a.spec, a.args.Subnet.ID.ToStringOutput()
	props := &azureml.AKSSchemaPropertiesArgs{
		AgentCount:       pulumi.Int(*spec.NodeCount),
		AgentVmSize:      pulumi.String(spec.VMSize),
		ClusterPurpose:   pulumi.String(spec.ClusterPurpose),
		LoadBalancerType: pulumi.String(spec.LoadBalancerType),
		AksNetworkingConfiguration: &azureml.AksNetworkingConfigurationArgs{
			SubnetId:         subnetID,
			ServiceCidr:      pulumi.String(spec.ServiceCidr),
			DnsServiceIP:     pulumi.String(spec.DNSServiceIP),
			DockerBridgeCidr: pulumi.String(spec.DockerBridgeCidr),
		},
	}
	if spec.LoadBalancerType == string(azureml.LoadBalancerTypeInternalLoadBalancer) {
		props.LoadBalancerSubnet = pulumi.String(a.args.Subnet.Name)
	}
	tags := pulumi.StringMap{ComputeTypeTag: pulumi.String(AksComputeLegacy)}
	for k, v := range a.tags {
		tags[k] = v
	}
	return azureml.NewCompute(ctx, a.name+"-compute", &azureml.ComputeArgs{
		ResourceGroupName: a.args.Workspace.ResourceGroupName,
		WorkspaceName:     a.args.Workspace.Name,
		ComputeName:       pulumi.String(spec.ComputeName),
		Location:          pulumi.String(a.region),
		Properties: &azureml.AKSArgs{
			ResourceId:      a.cluster.ID().ToStringOutput(),
			ComputeLocation: pulumi.String(a.region),
			Description:     pulumi.String("Inference cluster in the VNet's AKS subnet (legacy AKS compute, CLI/SDK v1)"),
			Properties:      props,
		},
		Tags: tags,
	}, a.computeOptions()...)
}

// newKubernetesCompute installs the Azure ML extension, grants the roles the
// attach and the compute need, and attaches the cluster as a Kubernetes
// compute once all of them exist
// (https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-to-workspace).
func (a *attachment) newKubernetesCompute(ctx *pulumi.Context) (*azureml.Compute, *azureml.Extension, error) {
	spec, ws := a.spec, a.args.Workspace
	ext, err := azureml.NewExtension(ctx, a.name+"-azureml-extension", &azureml.ExtensionArgs{
		ResourceGroupName:              a.args.ResourceGroupName,
		ClusterRp:                      pulumi.String("Microsoft.ContainerService"),
		ClusterResourceName:            pulumi.String("managedClusters"),
		ClusterName:                    a.cluster.Name,
		ExtensionName:                  pulumi.String(AzureMLExtensionName),
		ExtensionType:                  pulumi.String(AzureMLExtensionType),
		ReleaseTrain:                   pulumi.String(AzureMLReleaseTrain),
		Scope:                          &azureml.ScopeArgs{Cluster: &azureml.ScopeClusterArgs{ReleaseNamespace: pulumi.String(AzureMLExtensionNamespace)}},
		ConfigurationSettings:          spec.extensionSettings(a.cluster.ID().ToStringOutput(), a.cluster.Name, a.region),
		ConfigurationProtectedSettings: spec.extensionProtectedSettings(),
	}, a.parent)
	if err != nil {
		return nil, nil, err
	}
	clusterID := a.cluster.ID().ToStringOutput()
	deps := []pulumi.Resource{ext}
	// The workspace reaches the cluster to attach it: roles the attach doc
	// lists for the workspace identity (required with a user-assigned one;
	// granted here for the system-assigned one too, so the access is
	// declared, reviewed and removed with the stack).
	for _, r := range []struct{ key, role, why string }{
		{"reader", readerRole, "Azure ML workspace reads the cluster it attaches"},
		{"extension-contributor", kubernetesExtensionContributorRole, "Azure ML workspace manages its extension on the cluster (attach fails with 'extension not installed' without it)"},
		{"cluster-admin", aksClusterAdminRole, "Azure ML workspace gets the cluster's admin credentials (attach fails with 'internal server' error without it)"},
	} {
		role, err := newRoleAssignment(ctx, a.name+"-workspace-"+r.key, ws.PrincipalID, clusterID, r.role, r.why, a.parent)
		if err != nil {
			return nil, nil, err
		}
		deps = append(deps, role)
	}
	// The compute's own identity pulls images and reads models and data;
	// it exists, with its roles, before the compute does.
	identity, err := azureml.NewUserAssignedIdentity(ctx, a.name+"-compute-identity", &azureml.UserAssignedIdentityArgs{
		ResourceGroupName: a.args.ResourceGroupName,
		Location:          pulumi.String(a.region),
		Tags:              a.tags,
	}, a.parent)
	if err != nil {
		return nil, nil, err
	}
	grants := []struct {
		key   string
		scope pulumi.StringInput
		role  string
		why   string
	}{
		{"acr-pull", ws.RegistryID, acrPullRole, "the inference compute pulls model images from the workspace registry"},
		{"storage-reader", ws.StorageAccountID, blobDataReaderRole, "the inference compute reads models from the workspace storage"},
	}
	if s := a.args.ScoringStorage; s != nil {
		grants = append(grants, struct {
			key   string
			scope pulumi.StringInput
			role  string
			why   string
		}{"scoring-reader", s.AccountID, blobDataReaderRole, "the inference compute reads the scoring datastore"})
	}
	for _, g := range grants {
		role, err := newRoleAssignment(ctx, a.name+"-compute-"+g.key, identity.PrincipalId, g.scope, g.role, g.why, a.parent)
		if err != nil {
			return nil, nil, err
		}
		deps = append(deps, role)
	}
	compute, err := azureml.NewCompute(ctx, a.name+"-compute", &azureml.ComputeArgs{
		ResourceGroupName: ws.ResourceGroupName,
		WorkspaceName:     ws.Name,
		ComputeName:       pulumi.String(spec.ComputeName),
		Location:          pulumi.String(a.region),
		Identity: &azureml.ManagedServiceIdentityArgs{
			Type:                   pulumi.String(string(azureml.ManagedServiceIdentityTypeUserAssigned)),
			UserAssignedIdentities: pulumi.StringArray{identity.ID().ToStringOutput()},
		},
		Properties: &azureml.KubernetesArgs{
			ResourceId:      clusterID,
			ComputeLocation: pulumi.String(a.region),
			Description:     pulumi.String("Inference cluster in the VNet's AKS subnet (Kubernetes compute, Azure ML extension)"),
			Properties: &azureml.KubernetesPropertiesArgs{
				Namespace:           pulumi.String(spec.Namespace),
				DefaultInstanceType: pulumi.String(DefaultInstanceType),
			},
		},
		Tags: a.tags,
	}, a.computeOptions(deps...)...)
	if err != nil {
		return nil, nil, err
	}
	return compute, ext, nil
}

// boolSetting is how the extension's settings write booleans (the docs'
// table and the ARM sample: "True", "False").
func boolSetting(b bool) pulumi.String {
	if b {
		return "True"
	}
	return "False"
}

// extensionSettings are the Azure ML extension's configuration settings of
// a defaulted Kubernetes spec: the documented ones
// (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension),
// the keys the CLI derives from them (scoringFe.*, clusterPurpose), and the
// cluster's identification, which the docs' ARM sample
// (Azure/AML-Kubernetes files/deployextension.json) and the CLI
// (Azure/azure-cli-extensions, .../partner_extensions/AzureMLKubernetes.py)
// send for AKS.
func (s AksSpec) extensionSettings(clusterID, clusterName pulumi.StringInput, region string) pulumi.StringMap {
	in := s.Inference
	m := pulumi.StringMap{
		"enableInference":            boolSetting(true),
		"enableTraining":             boolSetting(s.EnableTraining),
		"inferenceRouterServiceType": pulumi.String(in.RouterServiceType),
		"inferenceRouterHA":          boolSetting(*in.HighAvailability),
		"allowInsecureConnections":   boolSetting(in.AllowInsecureConnections),
		"installNvidiaDevicePlugin":  boolSetting(s.GpuPlugin),
		"clusterPurpose":             pulumi.String(s.ClusterPurpose),
		"cluster_name":               clusterID,
		"clusterId":                  clusterID,
		"prometheus.prometheusSpec.externalLabels.cluster_name": clusterID,
		"cluster_name_friendly":                                 clusterName,
		"location":                                              pulumi.String(region),
		"jobSchedulerLocation":                                  pulumi.String(region),
		"domain":                                                pulumi.String(region + ".cloudapp.azure.com"),
		// On AKS there is no Azure Relay or Service Bus (extension 1.1.5,
		// reference-kubernetes release notes); nginx serves training.
		"servicebus.enabled":   pulumi.String("false"),
		"relayserver.enabled":  pulumi.String("false"),
		"nginxIngress.enabled": pulumi.String("true"),
	}
	switch {
	case in.RouterServiceType == RouterNodePort:
		m["scoringFe.serviceType.nodePort"] = pulumi.String("true")
	case in.InternalLoadBalancer:
		m["internalLoadBalancerProvider"] = pulumi.String("azure")
		m["scoringFe.serviceType.internalLoadBalancer"] = pulumi.String("true")
	}
	if s.https() {
		m["sslCname"] = pulumi.String(in.SslCname)
	}
	return m
}

// extensionProtectedSettings carries the scoring endpoint's certificate and
// key, base64-encoded PEM as the CLI and the ARM sample send them
// (scoringFe.sslCert, scoringFe.sslKey); nil for HTTP. They stay secrets.
func (s AksSpec) extensionProtectedSettings() pulumi.StringMapInput {
	if !s.https() {
		return nil
	}
	encode := func(pem pulumi.StringInput) pulumi.StringOutput {
		return pulumi.ToSecret(pem.ToStringOutput().ApplyT(func(v string) string {
			return base64.StdEncoding.EncodeToString([]byte(v))
		})).(pulumi.StringOutput)
	}
	return pulumi.StringMap{
		"scoringFe.sslCert": encode(s.Inference.SslCertificate),
		"scoringFe.sslKey":  encode(s.Inference.SslKey),
	}
}

// newScoringDatastore registers a container of the scoring storage with the
// workspace as a blob datastore with identity-based access (no key is
// stored), and returns its name.
func (a *attachment) newScoringDatastore(ctx *pulumi.Context) (pulumi.StringOutput, error) {
	s := a.args.ScoringStorage
	container, err := storage.NewBlobContainer(ctx, a.name+"-scoring-container", &storage.BlobContainerArgs{
		ResourceGroupName: s.ResourceGroupName,
		AccountName:       s.AccountName,
		ContainerName:     pulumi.String(ScoringContainerName),
		PublicAccess:      storage.PublicAccessNone,
	}, a.parent)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	ds, err := azureml.NewDatastore(ctx, a.name+"-scoring-datastore", &azureml.DatastoreArgs{
		ResourceGroupName: a.args.Workspace.ResourceGroupName,
		WorkspaceName:     a.args.Workspace.Name,
		Name:              pulumi.String(ScoringDatastoreName),
		DatastoreProperties: &azureml.AzureBlobDatastoreArgs{
			AccountName:   s.AccountName,
			ContainerName: container.Name,
			Endpoint:      pulumi.String(storageSuffix(a.region)),
			Protocol:      pulumi.String("https"),
			Description:   pulumi.String("Scoring data for the inference cluster (amlvnet:inferenceStorage)"),
			Credentials:   &azureml.NoneDatastoreCredentialsArgs{},
		},
	}, a.parent)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	return ds.ID().ApplyT(func(pulumi.ID) string { return ScoringDatastoreName }).(pulumi.StringOutput), nil
}

// storageSuffix is the storage endpoint suffix of the region's cloud, as
// the "Configure inbound and outbound network traffic" host tables give them
// (https://learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall).
func storageSuffix(region string) string {
	switch netplan.RegionCloud(strings.ToLower(region)) {
	case netplan.CloudUSGovernment:
		return "core.usgovcloudapi.net"
	case netplan.CloudChina:
		return "core.chinacloudapi.cn"
	}
	return "core.windows.net"
}
