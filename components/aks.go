package components

import (
	"fmt"
	"regexp"
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

// AksInVnetArgs configures an AKS cluster in the AKS subnet, attached to the
// workspace for inference.
type AksInVnetArgs struct {
	// ResourceGroupName of the cluster and the workspace. Required.
	ResourceGroupName pulumi.StringInput
	// Location is the Azure region; it must be the VNet's. Required.
	Location string
	// WorkspaceName the cluster is attached to. Required.
	WorkspaceName pulumi.StringInput
	// SubnetID is the AKS subnet. Required.
	SubnetID pulumi.StringInput
	// SubnetPrefix is the AKS subnet's CIDR, for the capacity check. Required.
	SubnetPrefix string
	// SubnetName is the AKS subnet's name, where an internal load balancer
	// for scoring is placed. Required with LoadBalancerType
	// InternalLoadBalancer (Azure ML otherwise looks for a subnet named
	// "aks-subnet").
	SubnetName string
	// AddressSpace and OtherSubnets are the VNet's prefixes: the service
	// range and docker bridge may overlap none of them. AddressSpace is
	// required; OtherSubnets lists the VNet's subnets besides this one.
	AddressSpace []string
	OtherSubnets []string
	// NetworkResourceGroupName holds the NSG. Optional. Defaults to ResourceGroupName.
	NetworkResourceGroupName pulumi.StringInput
	// NsgName is the AKS subnet's NSG, which receives the rules. Required.
	NsgName pulumi.StringInput

	// Name of the cluster. Optional. Defaults to "amlvnet-aks".
	Name string
	// ComputeName of the inference compute in the workspace (2-16
	// characters). Optional. Defaults to "aks-inference".
	ComputeName string
	// NodeCount of the system pool. Optional. Defaults to 3.
	NodeCount int
	// VMSize of the nodes. Optional. Defaults to "Standard_D4s_v3".
	VMSize string
	// MaxPods per node; with Azure CNI each pod takes a subnet address.
	// Optional. Defaults to 30.
	MaxPods int
	// KubernetesVersion. Optional. Defaults to AKS's default version.
	KubernetesVersion string
	// ServiceCidr is the Kubernetes service range; fixed after creation.
	// Optional. Defaults to "10.0.0.0/16".
	ServiceCidr string
	// DNSServiceIP lies inside ServiceCidr. Optional. Defaults to "10.0.0.10".
	DNSServiceIP string
	// DockerBridgeCidr is checked against the network and sent with the
	// workspace's AKS compute (AksNetworkingConfiguration). The AKS API of
	// 2023-04-01 no longer takes it (Azure/AKS #3534), so the cluster itself
	// does not get it. Optional. Defaults to "172.17.0.1/16".
	DockerBridgeCidr string
	// ScoringSources may call the scoring endpoint: CIDRs or service tags
	// (e.g. "Internet" for a public endpoint). Required.
	ScoringSources []string
	// ScoringPorts of the endpoint. Optional. Defaults to 80 and 443.
	ScoringPorts []int
	// ClusterPurpose is FastProd, DenseProd or DevTest. Optional. Defaults to
	// FastProd, which needs at least 3 nodes and 12 cores.
	ClusterPurpose string
	// LoadBalancerType is PublicIp or InternalLoadBalancer. Optional.
	// Defaults to PublicIp.
	LoadBalancerType string
	// RulePriorityBase is the priority of the first NSG rule. Optional.
	// Defaults to 100.
	RulePriorityBase int
	// Tags for the cluster and compute. Optional.
	Tags map[string]string
}

func (a *AksInVnetArgs) applyDefaults() {
	if a.Name == "" {
		a.Name = "amlvnet-aks"
	}
	if a.ComputeName == "" {
		a.ComputeName = "aks-inference"
	}
	if a.NodeCount == 0 {
		a.NodeCount = 3
	}
	if a.VMSize == "" {
		a.VMSize = "Standard_D4s_v3"
	}
	if a.MaxPods == 0 {
		a.MaxPods = 30
	}
	if a.ServiceCidr == "" {
		a.ServiceCidr = "10.0.0.0/16"
	}
	if a.DNSServiceIP == "" {
		a.DNSServiceIP = "10.0.0.10"
	}
	if a.DockerBridgeCidr == "" {
		a.DockerBridgeCidr = "172.17.0.1/16"
	}
	if a.ScoringPorts == nil {
		a.ScoringPorts = []int{80, 443}
	}
	if a.ClusterPurpose == "" {
		a.ClusterPurpose = string(azureml.ClusterPurposeFastProd)
	}
	if a.LoadBalancerType == "" {
		a.LoadBalancerType = string(azureml.LoadBalancerTypePublicIp)
	}
	if a.RulePriorityBase == 0 {
		a.RulePriorityBase = 100
	}
	if a.NetworkResourceGroupName == nil {
		a.NetworkResourceGroupName = a.ResourceGroupName
	}
}

// vmCores holds the vCPU count of the sizes people usually pick for AKS
// inference (Azure VM size docs). Unknown sizes skip the core check.
var vmCores = map[string]int{
	"standard_d2s_v3": 2, "standard_d4s_v3": 4, "standard_d8s_v3": 8, "standard_d16s_v3": 16,
	"standard_d2_v2": 2, "standard_d3_v2": 4, "standard_d4_v2": 8, "standard_d5_v2": 16,
	"standard_ds2_v2": 2, "standard_ds3_v2": 4, "standard_ds4_v2": 8, "standard_ds5_v2": 16,
	"standard_d2s_v5": 2, "standard_d4s_v5": 4, "standard_d8s_v5": 8, "standard_d16s_v5": 16,
	"standard_d2ds_v5": 2, "standard_d4ds_v5": 4, "standard_d8ds_v5": 8,
	"standard_e2s_v3": 2, "standard_e4s_v3": 4, "standard_e8s_v3": 8, "standard_e16s_v3": 16,
	"standard_f2s_v2": 2, "standard_f4s_v2": 4, "standard_f8s_v2": 8, "standard_f16s_v2": 16,
	"standard_b2s": 2, "standard_b2ms": 2, "standard_b4ms": 4, "standard_b8ms": 8,
	"standard_nc6s_v3": 6, "standard_nc12s_v3": 12, "standard_nc24s_v3": 24,
	"standard_nc4as_t4_v3": 4, "standard_nc8as_t4_v3": 8, "standard_nc16as_t4_v3": 16,
}

var (
	clusterPurposes   = []string{string(azureml.ClusterPurposeFastProd), string(azureml.ClusterPurposeDenseProd), string(azureml.ClusterPurposeDevTest)}
	loadBalancerTypes = []string{string(azureml.LoadBalancerTypePublicIp), string(azureml.LoadBalancerTypeInternalLoadBalancer)}
)

// Validate reports every problem in the Args, including the AKS networking
// rules of AZURE-FACTS checked against the VNet's address plan.
func (a *AksInVnetArgs) Validate() error {
	a.applyDefaults()
	var ps problems
	for field, v := range map[string]pulumi.Input{"resourceGroupName": a.ResourceGroupName, "workspaceName": a.WorkspaceName, "subnetId": a.SubnetID, "nsgName": a.NsgName} {
		if v == nil {
			ps.add(field, "is required")
		}
	}
	if _, err := netplan.CanonicalRegion(a.Location); err != nil {
		ps.add("location", "%v", err)
	}
	aksName.check(&ps, "name", a.Name)
	computeName.check(&ps, "computeName", a.ComputeName)
	if a.NodeCount < 1 || a.NodeCount > 1000 {
		ps.add("nodeCount", "is %d; AKS takes 1-1000 nodes per pool", a.NodeCount)
	}
	if !vmSizePattern.MatchString(a.VMSize) {
		ps.add("vmSize", "%q is not a VM size name such as Standard_D4s_v3", a.VMSize)
	}
	if a.MaxPods < 10 || a.MaxPods > 250 {
		ps.add("maxPods", "is %d; Azure CNI takes 10-250 pods per node", a.MaxPods)
	}
	if !slices.Contains(clusterPurposes, a.ClusterPurpose) {
		ps.add("clusterPurpose", "%q is not allowed; use one of %v", a.ClusterPurpose, clusterPurposes)
	}
	if !slices.Contains(loadBalancerTypes, a.LoadBalancerType) {
		ps.add("loadBalancerType", "%q is not allowed; use one of %v", a.LoadBalancerType, loadBalancerTypes)
	} else if a.LoadBalancerType == string(azureml.LoadBalancerTypeInternalLoadBalancer) && a.SubnetName == "" {
		ps.add("subnetName", "is required with an internal load balancer: the name of the subnet it goes in")
	}
	// Production purposes are refused by Azure ML below 12 agent cores, and
	// FastProd below 3 nodes (azure-docs #55597).
	if a.ClusterPurpose != string(azureml.ClusterPurposeDevTest) {
		if cores, known := vmCores[strings.ToLower(a.VMSize)]; known && cores*a.NodeCount < 12 {
			ps.add("nodeCount", "%d x %s gives %d cores; clusterPurpose %s needs at least 12 (add nodes, pick a larger size, or use DevTest)", a.NodeCount, a.VMSize, cores*a.NodeCount, a.ClusterPurpose)
		}
		if a.ClusterPurpose == string(azureml.ClusterPurposeFastProd) && a.NodeCount < 3 {
			ps.add("nodeCount", "is %d; clusterPurpose FastProd needs at least 3 nodes (or use DevTest)", a.NodeCount)
		}
	}

	if len(a.ScoringSources) == 0 {
		ps.add("scoringSources", "name who may call the scoring endpoint: CIDRs, or the Internet service tag for a public endpoint")
	}
	for i, s := range a.ScoringSources {
		if s == "*" || s == "0.0.0.0/0" {
			ps.add(fmt.Sprintf("scoringSources[%d]", i), "%q is any source; write Internet to make the endpoint public on purpose, or give CIDRs", s)
		} else if looksLikeAddress(s) {
			if _, err := parseAddrOrPrefix(s); err != nil {
				ps.add(fmt.Sprintf("scoringSources[%d]", i), "%v", err)
			}
		} else if !serviceTagPattern.MatchString(s) {
			ps.add(fmt.Sprintf("scoringSources[%d]", i), "%q is neither a CIDR nor a service tag", s)
		}
	}
	for i, p := range a.ScoringPorts {
		if p < 1 || p > 65535 {
			ps.add(fmt.Sprintf("scoringPorts[%d]", i), "is %d; use a TCP port 1-65535", p)
		}
	}

	var space, subnets []netplan.NamedPrefix
	for i, s := range a.AddressSpace {
		if p, err := netplan.ParsePrefix(s); err != nil {
			ps.add(fmt.Sprintf("addressSpace[%d]", i), "%v", err)
		} else {
			space = append(space, netplan.NamedPrefix{Field: "the address space", Prefix: p})
		}
	}
	if len(a.AddressSpace) == 0 {
		ps.add("addressSpace", "is required to check the service range against the VNet")
	}
	subnet, err := netplan.ParsePrefix(a.SubnetPrefix)
	if err != nil {
		ps.add("subnetPrefix", "%v", err)
	} else {
		subnets = append(subnets, netplan.NamedPrefix{Field: "the AKS subnet", Prefix: subnet})
		// Azure CNI gives every pod a subnet address; one extra node is
		// needed while AKS upgrades (surge).
		needed := (a.NodeCount + 1) * (a.MaxPods + 1)
		if err := netplan.CheckSubnetCapacity(subnet, needed); err != nil {
			ps.add("nodeCount", "(%d nodes + 1 for upgrades) x (%d pods + 1) = %d addresses do not fit the AKS subnet: %v", a.NodeCount, a.MaxPods, needed, err)
		}
	}
	for i, s := range a.OtherSubnets {
		if p, err := netplan.ParsePrefix(s); err != nil {
			ps.add(fmt.Sprintf("otherSubnets[%d]", i), "%v", err)
		} else {
			subnets = append(subnets, netplan.NamedPrefix{Field: "a VNet subnet", Prefix: p})
		}
	}
	for _, p := range netplan.CheckAKSNetwork(netplan.AKSNetwork{
		AddressSpace: space, Subnets: subnets,
		ServiceCidr: a.ServiceCidr, DNSServiceIP: a.DNSServiceIP, DockerBridgeCidr: a.DockerBridgeCidr,
		ServiceCidrField: "serviceCidr", DNSServiceIPField: "dnsServiceIP", DockerBridgeField: "dockerBridgeCidr",
	}) {
		ps.add(p.Field, "%s", p.Message)
	}
	checkRulePriorities(&ps, a.RulePriorityBase, a.rules())
	return ps.err("AksInVnet")
}

var serviceTagPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$`)

func looksLikeAddress(s string) bool {
	return s != "" && (s[0] >= '0' && s[0] <= '9')
}

// rules returns the AKS subnet's NSG rules: Azure ML reaches the cluster, and
// the scoring sources reach the scoring ports (2019 article).
func (a *AksInVnetArgs) rules() []securityRule {
	ports := make([]string, 0, len(a.ScoringPorts))
	for _, p := range a.ScoringPorts {
		ports = append(ports, strconv.Itoa(p))
	}
	rules := []securityRule{{Name: "AllowAzureMachineLearningInbound", Protocol: "Tcp", Source: "AzureMachineLearning", Destination: "VirtualNetwork", Ports: []string{"*"},
		Why: "Azure ML manages the inference cluster (2019 article)"}}
	for i, s := range a.ScoringSources {
		rules = append(rules, securityRule{Name: fmt.Sprintf("AllowScoringInbound%d", i), Protocol: "Tcp", Source: s, Destination: "*", Ports: ports,
			Why: "callers of the scoring endpoint (2019 article)"})
	}
	for i := range rules {
		rules[i].Direction, rules[i].Access, rules[i].Priority = "Inbound", "Allow", a.RulePriorityBase+10*i
	}
	return rules
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
	if err := args.Validate(); err != nil {
		return nil, err
	}
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
	subnetID := args.SubnetID.ToStringOutput()
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
	rules, err := newSecurityRules(ctx, name, args.NetworkResourceGroupName, args.NsgName, args.rules(), parent)
	if err != nil {
		return nil, err
	}
	cargs := &containerservice.ManagedClusterArgs{
		ResourceGroupName: args.ResourceGroupName,
		ResourceName:      pulumi.String(args.Name),
		Location:          pulumi.String(region),
		DnsPrefix:         pulumi.String(args.Name),
		EnableRBAC:        pulumi.Bool(true),
		Identity: &containerservice.ManagedClusterIdentityArgs{
			Type:                   containerservice.ResourceIdentityTypeUserAssigned,
			UserAssignedIdentities: pulumi.StringArray{identity.ID().ToStringOutput()},
		},
		AgentPoolProfiles: containerservice.ManagedClusterAgentPoolProfileArray{
			&containerservice.ManagedClusterAgentPoolProfileArgs{
				Name:         pulumi.String("system"),
				Mode:         pulumi.String(string(containerservice.AgentPoolModeSystem)),
				Count:        pulumi.Int(args.NodeCount),
				VmSize:       pulumi.String(args.VMSize),
				MaxPods:      pulumi.Int(args.MaxPods),
				OsType:       pulumi.String(string(containerservice.OSTypeLinux)),
				Type:         pulumi.String(string(containerservice.AgentPoolTypeVirtualMachineScaleSets)),
				VnetSubnetID: subnetID,
			},
		},
		// Azure CNI puts pods in the subnet; no docker bridge here: API
		// 2023-04-01 refuses the field.
		NetworkProfile: &containerservice.ContainerServiceNetworkProfileArgs{
			NetworkPlugin:   pulumi.String(string(containerservice.NetworkPluginAzure)),
			ServiceCidr:     pulumi.String(args.ServiceCidr),
			DnsServiceIP:    pulumi.String(args.DNSServiceIP),
			LoadBalancerSku: pulumi.String(string(containerservice.LoadBalancerSkuStandard)),
			OutboundType:    pulumi.String(string(containerservice.OutboundTypeLoadBalancer)),
		},
		Tags: tags,
	}
	if args.KubernetesVersion != "" {
		cargs.KubernetesVersion = pulumi.String(args.KubernetesVersion)
	}
	cluster, err := containerservice.NewManagedCluster(ctx, name+"-cluster", cargs, parent, pulumi.DependsOn([]pulumi.Resource{role}))
	if err != nil {
		return nil, err
	}
	compute, err := azureml.NewCompute(ctx, name+"-compute", &azureml.ComputeArgs{
		ResourceGroupName: args.ResourceGroupName,
		WorkspaceName:     args.WorkspaceName,
		ComputeName:       pulumi.String(args.ComputeName),
		Location:          pulumi.String(region),
		Properties: &azureml.AKSArgs{
			ComputeType:     "AKS",
			ResourceId:      cluster.ID().ToStringOutput(),
			ComputeLocation: pulumi.String(region),
			Description:     pulumi.String("Inference cluster in the VNet's AKS subnet"),
			Properties: &azureml.AKSSchemaPropertiesArgs{
				AgentCount:       pulumi.Int(args.NodeCount),
				AgentVmSize:      pulumi.String(args.VMSize),
				ClusterPurpose:   pulumi.String(args.ClusterPurpose),
				LoadBalancerType: pulumi.String(args.LoadBalancerType),
				LoadBalancerSubnet: func() pulumi.StringPtrInput {
					if args.LoadBalancerType == string(azureml.LoadBalancerTypeInternalLoadBalancer) {
						return pulumi.String(args.SubnetName)
					}
					return nil
				}(),
				AksNetworkingConfiguration: &azureml.AksNetworkingConfigurationArgs{
					SubnetId:         subnetID,
					ServiceCidr:      pulumi.String(args.ServiceCidr),
					DnsServiceIP:     pulumi.String(args.DNSServiceIP),
					DockerBridgeCidr: pulumi.String(args.DockerBridgeCidr),
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
