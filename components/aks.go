package components

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	authorization "github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	containerservice "github.com/pulumi/pulumi-azure-native-sdk/containerservice/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

// AksInVnetType is the type token of AksInVnet.
const AksInVnetType = "amlvnet:index:AksInVnet"

// networkContributorRole is the built-in "Network Contributor" role; the AKS
// identity needs it on the subnet, or creation fails with
// LinkedAuthorizationFailed (azure-aks-docs #110).
const networkContributorRole = "4d97b98b-1d4f-4787-a291-c67834d212e7"

// Defaults of AksSpec.
const (
	DefaultAksName          = "amlvnet-aks"
	DefaultAksComputeName   = "aks-inference"
	DefaultAksNodeCount     = 3
	DefaultAksVMSize        = "Standard_D4s_v3"
	DefaultAksMaxPods       = 30
	DefaultServiceCidr      = netplan.DefaultServiceCidr
	DefaultDNSServiceIP     = "10.0.0.10"
	DefaultDockerBridgeCidr = "172.17.0.1/16"
)

// DefaultScoringPorts are the ports of the scoring endpoint unless others are given.
var DefaultScoringPorts = []int{80, 443}

// AksSpec configures an AKS cluster in the AKS subnet, attached to the
// workspace for inference. In the root program it is amlvnet:aks.
type AksSpec struct {
	// Name of the cluster. Optional. Defaults to "amlvnet-aks".
	Name string `json:"name,omitempty" pulumi:"name,optional"`
	// ComputeName of the inference compute in the workspace (2-16
	// characters). Optional. Defaults to "aks-inference".
	ComputeName string `json:"computeName,omitempty" pulumi:"computeName,optional"`
	// NodeCount of the system pool. Optional. Defaults to 3.
	NodeCount *int `json:"nodeCount,omitempty" pulumi:"nodeCount,optional"`
	// VMSize of the nodes. Optional. Defaults to "Standard_D4s_v3".
	VMSize string `json:"vmSize,omitempty" pulumi:"vmSize,optional"`
	// MaxPods per node; with Azure CNI each pod takes a subnet address.
	// Optional. Defaults to 30.
	MaxPods *int `json:"maxPods,omitempty" pulumi:"maxPods,optional"`
	// KubernetesVersion. Optional. Defaults to AKS's default version.
	KubernetesVersion string `json:"kubernetesVersion,omitempty" pulumi:"kubernetesVersion,optional"`
	// ServiceCidr is the Kubernetes service range; fixed after creation.
	// Optional. Defaults to "10.0.0.0/16".
	ServiceCidr string `json:"serviceCidr,omitempty" pulumi:"serviceCidr,optional"`
	// DNSServiceIP lies inside ServiceCidr. Optional. Defaults to "10.0.0.10".
	DNSServiceIP string `json:"dnsServiceIP,omitempty" pulumi:"dnsServiceIP,optional"`
	// DockerBridgeCidr is checked against the network and sent with the
	// workspace's AKS compute (AksNetworkingConfiguration). The AKS API of
	// 2023-04-01 no longer takes it (Azure/AKS #3534), so the cluster itself
	// does not get it. Optional. Defaults to "172.17.0.1/16".
	DockerBridgeCidr string `json:"dockerBridgeCidr,omitempty" pulumi:"dockerBridgeCidr,optional"`
	// ScoringSources may call the scoring endpoint: CIDRs or service tags
	// (e.g. "Internet" for a public endpoint). Required.
	ScoringSources []string `json:"scoringSources,omitempty" pulumi:"scoringSources,optional"`
	// ScoringPorts of the endpoint. Optional. Defaults to 80 and 443.
	ScoringPorts []int `json:"scoringPorts,omitempty" pulumi:"scoringPorts,optional"`
	// ClusterPurpose is FastProd, DenseProd or DevTest. Optional. Defaults to
	// FastProd, which needs at least 3 nodes and 12 cores.
	ClusterPurpose string `json:"clusterPurpose,omitempty" pulumi:"clusterPurpose,optional"`
	// LoadBalancerType is PublicIp or InternalLoadBalancer. Optional.
	// Defaults to PublicIp.
	LoadBalancerType string `json:"loadBalancerType,omitempty" pulumi:"loadBalancerType,optional"`
	// RulePriority is the priority of the first NSG rule. Optional.
	// Defaults to 100.
	RulePriority *int `json:"rulePriority,omitempty" pulumi:"rulePriority,optional"`
}

// WithDefaults returns the spec with its documented defaults filled in.
func (s AksSpec) WithDefaults() AksSpec {
	if s.Name == "" {
		s.Name = DefaultAksName
	}
	if s.ComputeName == "" {
		s.ComputeName = DefaultAksComputeName
	}
	if s.NodeCount == nil {
		s.NodeCount = ptr(DefaultAksNodeCount)
	}
	if s.VMSize == "" {
		s.VMSize = DefaultAksVMSize
	}
	if s.MaxPods == nil {
		s.MaxPods = ptr(DefaultAksMaxPods)
	}
	if s.ServiceCidr == "" {
		s.ServiceCidr = DefaultServiceCidr
	}
	if s.DNSServiceIP == "" {
		s.DNSServiceIP = DefaultDNSServiceIP
	}
	if s.DockerBridgeCidr == "" {
		s.DockerBridgeCidr = DefaultDockerBridgeCidr
	}
	if s.ScoringPorts == nil {
		s.ScoringPorts = slices.Clone(DefaultScoringPorts)
	}
	if s.ClusterPurpose == "" {
		s.ClusterPurpose = string(azureml.ClusterPurposeFastProd)
	}
	if s.LoadBalancerType == "" {
		s.LoadBalancerType = string(azureml.LoadBalancerTypePublicIp)
	}
	if s.RulePriority == nil {
		s.RulePriority = ptr(DefaultRulePriority)
	}
	return s
}

// AksSite is where an AKS cluster goes, as its validation needs it.
type AksSite struct {
	// Region is the canonical Azure region; "" when the caller reports a bad
	// location.
	Region string
	// Subnet is the AKS subnet's range; the zero Prefix skips the checks
	// against the network (the caller reports the bad subnet).
	Subnet netip.Prefix
	// AddressSpace and Subnets are the VNet's prefixes (Subnets including
	// the AKS subnet): the service range and docker bridge may overlap none.
	AddressSpace []netip.Prefix
	Subnets      []netip.Prefix
	// NetworkPath names the VNet's plan: a VNet prefix in a range AKS
	// refuses is reported at its addressSpace or aksSubnet, or at the plan
	// itself for another subnet.
	NetworkPath *Path
	// ExistingRules are the rules already on the subnet's NSG.
	ExistingRules []ExistingRule
}

// AksInVnetArgs configures an AksInVnet.
type AksInVnetArgs struct {
	// Spec of the cluster. Required: at least its ScoringSources.
	Spec AksSpec `pulumi:"spec"`
	// ResourceGroupName of the cluster and its identity. Required.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region; it must be the VNet's. Required.
	Location string `pulumi:"location"`
	// Workspace the cluster is attached to. Required.
	Workspace WorkspaceRef
	// Subnet is the AKS subnet; its NSG receives the rules. Required.
	Subnet SubnetRef
	// Layout is the VNet's address plan, which the service range and the
	// docker bridge must avoid. Required.
	Layout *NetworkLayout
	// Tags for the cluster and compute. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

func (a *AksInVnetArgs) problems() Problems {
	var ps Problems
	site := AksSite{Region: checkRegion(&ps, NewPath("location"), a.Location), Subnet: a.Subnet.Prefix, NetworkPath: NewPath("layout"), ExistingRules: a.Subnet.ExistingRules}
	if a.Layout == nil {
		ps.Add(NewPath("layout"), "is required: the VNet's address plan, to check the service range and docker bridge against it")
	} else {
		site.AddressSpace, site.Subnets = a.Layout.AddressSpace, a.Layout.AllSubnets()
	}
	ps = append(ps, a.Spec.Validate(NewPath("spec"), site)...)
	if a.ResourceGroupName == nil {
		ps.Add(NewPath("resourceGroupName"), "is required")
	}
	checkWorkspaceRef(&ps, NewPath("workspace"), a.Workspace)
	checkSubnetRef(&ps, NewPath("subnet"), a.Subnet)
	if a.Spec.LoadBalancerType == string(azureml.LoadBalancerTypeInternalLoadBalancer) && a.Subnet.Name == "" {
		ps.Add(NewPath("subnet", "name"), "is required with an internal load balancer: the subnet it goes in (Azure ML otherwise looks for one named aks-subnet)")
	}
	return ps
}

var (
	clusterPurposes   = []string{string(azureml.ClusterPurposeFastProd), string(azureml.ClusterPurposeDenseProd), string(azureml.ClusterPurposeDevTest)}
	loadBalancerTypes = []string{string(azureml.LoadBalancerTypePublicIp), string(azureml.LoadBalancerTypeInternalLoadBalancer)}
)

// Validate reports every problem of the spec, named below p, including the
// AKS networking rules checked against the VNet's address plan.
func (s AksSpec) Validate(p *Path, site AksSite) Problems {
	s = s.WithDefaults()
	var ps Problems
	aksName.check(&ps, p.Child("name"), s.Name)
	computeName.check(&ps, p.Child("computeName"), s.ComputeName)
	nodeCount, maxPods := *s.NodeCount, *s.MaxPods
	if nodeCount < 1 || nodeCount > 1000 {
		ps.Add(p.Child("nodeCount"), "is %d; AKS takes 1-1000 nodes per pool", nodeCount)
	}
	if !vmSizePattern.MatchString(s.VMSize) {
		ps.Add(p.Child("vmSize"), "%q is not a VM size name such as Standard_D4s_v3", s.VMSize)
	}
	warnRetiredSize(&ps, p.Child("vmSize"), s.VMSize)
	if maxPods < 10 || maxPods > 250 {
		ps.Add(p.Child("maxPods"), "is %d; Azure CNI takes 10-250 pods per node", maxPods)
	}
	if !slices.Contains(clusterPurposes, s.ClusterPurpose) {
		ps.Add(p.Child("clusterPurpose"), "%q is not allowed; use one of %v", s.ClusterPurpose, clusterPurposes)
	}
	if !slices.Contains(loadBalancerTypes, s.LoadBalancerType) {
		ps.Add(p.Child("loadBalancerType"), "%q is not allowed; use one of %v", s.LoadBalancerType, loadBalancerTypes)
	}
	// Production purposes are refused by Azure ML below 12 agent cores, and
	// FastProd below 3 nodes (MicrosoftDocs/azure-docs #55597).
	if s.ClusterPurpose != string(azureml.ClusterPurposeDevTest) {
		if cores, known := vmCores[strings.ToLower(s.VMSize)]; known && cores*nodeCount < 12 {
			ps.Add(p.Child("nodeCount"), "%d x %s gives %d cores; clusterPurpose %s needs at least 12 (add nodes, pick a larger size, or use DevTest)", nodeCount, s.VMSize, cores*nodeCount, s.ClusterPurpose)
		}
		if s.ClusterPurpose == string(azureml.ClusterPurposeFastProd) && nodeCount < 3 {
			ps.Add(p.Child("nodeCount"), "is %d; clusterPurpose FastProd needs at least 3 nodes (or use DevTest)", nodeCount)
		}
	}

	if len(s.ScoringSources) == 0 {
		ps.Add(p.Child("scoringSources"), "name who may call the scoring endpoint: CIDRs, or the Internet service tag for a public endpoint")
	}
	for i, src := range s.ScoringSources {
		f := p.Child("scoringSources").Index(i)
		if src == "*" || src == "0.0.0.0/0" {
			ps.Add(f, "%q is any source; write Internet to make the endpoint public on purpose, or give CIDRs", src)
		} else if looksLikeAddress(src) {
			if _, err := parseAddrOrPrefix(src); err != nil {
				ps.Add(f, "%v", err)
			}
		} else if !serviceTagPattern.MatchString(src) {
			ps.Add(f, "%q is neither a CIDR nor a service tag", src)
		}
	}
	if len(s.ScoringPorts) == 0 {
		ps.Add(p.Child("scoringPorts"), "at least one port is required (leave it out for %v)", DefaultScoringPorts)
	}
	for i, port := range s.ScoringPorts {
		if port < 1 || port > 65535 {
			ps.Add(p.Child("scoringPorts").Index(i), "is %d; use a TCP port 1-65535", port)
		}
	}

	if site.Subnet.IsValid() {
		// Azure CNI gives every pod a subnet address; one extra node is
		// needed while AKS upgrades (surge).
		needed := (nodeCount + 1) * (maxPods + 1)
		if err := netplan.CheckSubnetCapacity(site.Subnet, needed); err != nil {
			ps.Add(p.Child("nodeCount"), "(%d nodes + 1 for upgrades) x (%d pods + 1) = %d addresses do not fit the AKS subnet: %v", nodeCount, maxPods, needed, err)
		}
		var space, subnets []netplan.NamedPrefix
		for _, prefix := range site.AddressSpace {
			space = append(space, netplan.NamedPrefix{Field: site.NetworkPath.Child("addressSpace").String(), Label: "the address space", Prefix: prefix})
		}
		for _, prefix := range site.Subnets {
			sn := netplan.NamedPrefix{Field: site.NetworkPath.String(), Label: "a VNet subnet", Prefix: prefix}
			if prefix == site.Subnet {
				sn.Field, sn.Label = site.NetworkPath.Child("aksSubnet").String(), "the AKS subnet"
			}
			subnets = append(subnets, sn)
		}
		for _, pr := range netplan.CheckAKSNetwork(netplan.AKSNetwork{
			AddressSpace: space, Subnets: subnets,
			ServiceCidr: s.ServiceCidr, DNSServiceIP: s.DNSServiceIP, DockerBridgeCidr: s.DockerBridgeCidr,
			ServiceCidrField: p.Child("serviceCidr").String(), DNSServiceIPField: p.Child("dnsServiceIP").String(), DockerBridgeField: p.Child("dockerBridgeCidr").String(),
		}) {
			ps = append(ps, Problem{Path: pr.Field, Message: pr.Message})
		}
	}
	checkRulePriorities(&ps, p.Child("rulePriority"), *s.RulePriority, s.rules(), site.ExistingRules)
	return ps
}

// rules returns the AKS subnet's NSG rules: Azure ML reaches the cluster, and
// the scoring sources reach the scoring ports (2019 article).
func (s AksSpec) rules() []securityRule {
	ports := make([]string, 0, len(s.ScoringPorts))
	for _, p := range s.ScoringPorts {
		ports = append(ports, strconv.Itoa(p))
	}
	rules := []securityRule{{Name: "AllowAzureMachineLearningInbound", Protocol: "Tcp", Source: "AzureMachineLearning", Destination: "VirtualNetwork", Ports: []string{"*"},
		Why: "Azure ML manages the inference cluster (2019 article)"}}
	for i, src := range s.ScoringSources {
		rules = append(rules, securityRule{Name: fmt.Sprintf("AllowScoringInbound%d", i), Protocol: "Tcp", Source: src, Destination: "*", Ports: ports,
			Why: "callers of the scoring endpoint (2019 article)"})
	}
	return prioritize(rules, "Inbound", "Allow", *s.RulePriority)
}

// AksInVnet is the inference cluster in the VNet, attached to the workspace.
type AksInVnet struct {
	pulumi.ResourceState

	ClusterID           pulumi.StringOutput `pulumi:"clusterId"`
	ClusterName         pulumi.StringOutput `pulumi:"clusterName"`
	Fqdn                pulumi.StringOutput `pulumi:"fqdn"`
	IdentityPrincipalID pulumi.StringOutput `pulumi:"identityPrincipalId"`
	ComputeID           pulumi.StringOutput `pulumi:"computeId"`
}

// NewAksInVnet validates args and creates the identity, its subnet role, the
// cluster, the NSG rules and the workspace attachment.
func NewAksInVnet(ctx *pulumi.Context, name string, args *AksInVnetArgs, opts ...pulumi.ResourceOption) (*AksInVnet, error) {
	if args == nil {
		args = &AksInVnetArgs{}
	}
	if err := validated(ctx, "AksInVnet", args.problems()); err != nil {
		return nil, err
	}
	spec := args.Spec.WithDefaults()
	region := mustRegion(args.Location)
	comp := &AksInVnet{}
	if err := ctx.RegisterComponentResource(AksInVnetType, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	tags := pulumi.ToStringMap(args.Tags)

	// A user-assigned identity exists before the cluster, so its subnet role
	// can be granted before AKS first touches the subnet.
	identity, err := azureml.NewUserAssignedIdentity(ctx, name+"-identity", &azureml.UserAssignedIdentityArgs{
		ResourceGroupName: args.ResourceGroupName,
		Location:          pulumi.String(region),
		Tags:              tags,
	}, parent)
	if err != nil {
		return nil, err
	}
	subnetID := args.Subnet.ID.ToStringOutput()
	role, err := authorization.NewRoleAssignment(ctx, name+"-subnet-join", &authorization.RoleAssignmentArgs{
		PrincipalId:   identity.PrincipalId,
		PrincipalType: pulumi.String(string(authorization.PrincipalTypeServicePrincipal)),
		Scope:         subnetID,
		RoleDefinitionId: subnetID.ApplyT(func(id string) string {
			return "/subscriptions/" + subscriptionOf(id) + "/providers/Microsoft.Authorization/roleDefinitions/" + networkContributorRole
		}).(pulumi.StringOutput),
		Description: pulumi.String("AKS joins its nodes and load balancer to the subnet"),
	}, parent)
	if err != nil {
		return nil, err
	}
	rules, err := newSecurityRules(ctx, name, args.Subnet, spec.rules(), parent)
	if err != nil {
		return nil, err
	}
	cargs := &containerservice.ManagedClusterArgs{
		ResourceGroupName: args.ResourceGroupName,
		ResourceName:      pulumi.String(spec.Name),
		Location:          pulumi.String(region),
		DnsPrefix:         pulumi.String(spec.Name),
		EnableRBAC:        pulumi.Bool(true),
		Identity: &containerservice.ManagedClusterIdentityArgs{
			Type:                   containerservice.ResourceIdentityTypeUserAssigned,
			UserAssignedIdentities: pulumi.StringArray{identity.ID().ToStringOutput()},
		},
		AgentPoolProfiles: containerservice.ManagedClusterAgentPoolProfileArray{
			&containerservice.ManagedClusterAgentPoolProfileArgs{
				Name:         pulumi.String("system"),
				Mode:         pulumi.String(string(containerservice.AgentPoolModeSystem)),
				Count:        pulumi.Int(*spec.NodeCount),
				VmSize:       pulumi.String(spec.VMSize),
				MaxPods:      pulumi.Int(*spec.MaxPods),
				OsType:       pulumi.String(string(containerservice.OSTypeLinux)),
				Type:         pulumi.String(string(containerservice.AgentPoolTypeVirtualMachineScaleSets)),
				VnetSubnetID: subnetID,
			},
		},
		// Azure CNI puts pods in the subnet; no docker bridge here: API
		// 2023-04-01 refuses the field.
		NetworkProfile: &containerservice.ContainerServiceNetworkProfileArgs{
			NetworkPlugin:   pulumi.String(string(containerservice.NetworkPluginAzure)),
			ServiceCidr:     pulumi.String(spec.ServiceCidr),
			DnsServiceIP:    pulumi.String(spec.DNSServiceIP),
			LoadBalancerSku: pulumi.String(string(containerservice.LoadBalancerSkuStandard)),
			OutboundType:    pulumi.String(string(containerservice.OutboundTypeLoadBalancer)),
		},
		Tags: tags,
	}
	if spec.KubernetesVersion != "" {
		cargs.KubernetesVersion = pulumi.String(spec.KubernetesVersion)
	}
	cluster, err := containerservice.NewManagedCluster(ctx, name+"-cluster", cargs, parent, pulumi.DependsOn([]pulumi.Resource{role}))
	if err != nil {
		return nil, err
	}
	compute, err := azureml.NewCompute(ctx, name+"-compute", &azureml.ComputeArgs{
		ResourceGroupName: args.Workspace.ResourceGroupName,
		WorkspaceName:     args.Workspace.Name,
		ComputeName:       pulumi.String(spec.ComputeName),
		Location:          pulumi.String(region),
		Properties: &azureml.AKSArgs{
			ComputeType:     "AKS",
			ResourceId:      cluster.ID().ToStringOutput(),
			ComputeLocation: pulumi.String(region),
			Description:     pulumi.String("Inference cluster in the VNet's AKS subnet"),
			Properties: &azureml.AKSSchemaPropertiesArgs{
				AgentCount:       pulumi.Int(*spec.NodeCount),
				AgentVmSize:      pulumi.String(spec.VMSize),
				ClusterPurpose:   pulumi.String(spec.ClusterPurpose),
				LoadBalancerType: pulumi.String(spec.LoadBalancerType),
				LoadBalancerSubnet: func() pulumi.StringPtrInput {
					if spec.LoadBalancerType == string(azureml.LoadBalancerTypeInternalLoadBalancer) {
						return pulumi.String(args.Subnet.Name)
					}
					return nil
				}(),
				AksNetworkingConfiguration: &azureml.AksNetworkingConfigurationArgs{
					SubnetId:         subnetID,
					ServiceCidr:      pulumi.String(spec.ServiceCidr),
					DnsServiceIP:     pulumi.String(spec.DNSServiceIP),
					DockerBridgeCidr: pulumi.String(spec.DockerBridgeCidr),
				},
			},
		},
		Tags: tags,
	}, parent, pulumi.DependsOn(rules))
	if err != nil {
		return nil, err
	}

	comp.ClusterID = cluster.ID().ToStringOutput()
	comp.ClusterName = cluster.Name
	comp.Fqdn = cluster.Fqdn
	comp.IdentityPrincipalID = identity.PrincipalId
	comp.ComputeID = compute.ID().ToStringOutput()
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"clusterId":           comp.ClusterID,
		"clusterName":         comp.ClusterName,
		"fqdn":                comp.Fqdn,
		"identityPrincipalId": comp.IdentityPrincipalID,
		"computeId":           comp.ComputeID,
	}); err != nil {
		return nil, err
	}
	return comp, nil
}

// subscriptionOf returns the subscription ID in an ARM resource ID.
func subscriptionOf(id string) string {
	parts := strings.Split(id, "/")
	for i := 0; i+1 < len(parts); i++ {
		if strings.EqualFold(parts[i], "subscriptions") {
			return parts[i+1]
		}
	}
	return ""
}
