package components

import (
	"net/netip"
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

func aksArgs() *AksInVnetArgs {
	return &AksInVnetArgs{
		ResourceGroupName: pulumi.String("rg"),
		Location:          "eastus2",
		Workspace:         workspaceRef(),
		Subnet:            aksSubnetRef(),
		Layout:            testLayout(),
		Spec:              AksSpec{ScoringSources: []string{"198.51.100.0/24"}},
	}
}

func aksErr(t *testing.T, args *AksInVnetArgs) error {
	t.Helper()
	return constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewAksInVnet(ctx, "inference", args)
		return err
	})
}

// aksSite is what the constructor validates the spec against.
func aksSite(args *AksInVnetArgs) AksSite {
	return AksSite{Region: "eastus2", Subnet: args.Subnet.Prefix, AddressSpace: args.Layout.AddressSpace,
		Subnets: args.Layout.AllSubnets(), NetworkPath: NewPath("layout")}
}

func TestAksInVnet(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAksInVnet(ctx, "inference", aksArgs())
		return err
	})
	mc := one(t, m.OfType("azure-native:containerservice:ManagedCluster"))
	for path, want := range map[string]string{
		"networkProfile.networkPlugin": "azure",
		"networkProfile.serviceCidr":   "10.0.0.0/16",
		"networkProfile.dnsServiceIP":  "10.0.0.10",
		"identity.type":                "UserAssigned",
		"resourceName":                 DefaultAksName,
	} {
		if got := mc.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if v, _ := mc.Input("networkProfile.dockerBridgeCidr"); !v.IsNull() {
		t.Error("API 2023-04-01 refuses dockerBridgeCidr on the cluster")
	}
	pools, _ := mc.Input("agentPoolProfiles")
	if len(pools.ArrayValue()) != 1 || pools.ArrayValue()[0].ObjectValue()["vnetSubnetID"].StringValue() != aksSubnetID {
		t.Errorf("agent pool %v", pools)
	}
	if pool := pools.ArrayValue()[0].ObjectValue(); pool["count"].NumberValue() != DefaultAksNodeCount || pool["maxPods"].NumberValue() != DefaultAksMaxPods {
		t.Errorf("agent pool count %v maxPods %v, want the defaults", pool["count"], pool["maxPods"])
	}
	role := one(t, m.OfType("azure-native:authorization:RoleAssignment"))
	if role.String("scope") != aksSubnetID || !strings.HasSuffix(role.String("roleDefinitionId"), "/roleDefinitions/"+networkContributorRole) ||
		!strings.HasPrefix(role.String("roleDefinitionId"), "/subscriptions/s/") {
		t.Errorf("role assignment %v", role.Inputs)
	}
	if !dependsOn(mc, role) {
		t.Error("the cluster must wait for its subnet role")
	}
	rules := rulesByName(m)
	if r := rules["AllowAzureMachineLearningInbound"]; r.String("sourceAddressPrefix") != "AzureMachineLearning" || r.String("networkSecurityGroupName") != "aks-nsg" {
		t.Errorf("AKS AzureMachineLearning rule %v", r.Inputs)
	}
	scoring := rules["AllowScoringInbound0"]
	if scoring.String("sourceAddressPrefix") != "198.51.100.0/24" || !reflect.DeepEqual(scoring.Strings("destinationPortRanges"), []string{"80", "443"}) {
		t.Errorf("scoring rule %v", scoring.Inputs)
	}
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	for path, want := range map[string]string{
		"properties.computeType":                                            "AKS",
		"properties.properties.aksNetworkingConfiguration.subnetId":         aksSubnetID,
		"properties.properties.aksNetworkingConfiguration.dockerBridgeCidr": "172.17.0.1/16",
		"properties.properties.aksNetworkingConfiguration.serviceCidr":      "10.0.0.0/16",
		"properties.properties.clusterPurpose":                              "FastProd",
		"workspaceName":                                                     "ws",
		"computeName":                                                       DefaultAksComputeName,
	} {
		if got := c.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if !strings.Contains(c.String("properties.resourceId"), "/managedClusters/amlvnet-aks") {
		t.Errorf("the compute must point at the cluster: %q", c.String("properties.resourceId"))
	}
	for _, r := range rules {
		if !dependsOn(c, r) {
			t.Errorf("the compute must wait for NSG rule %s", r.Name)
		}
	}
	if v, _ := c.Input("properties.properties.loadBalancerSubnet"); !v.IsNull() {
		t.Errorf("a public load balancer takes no subnet, got %v", v)
	}
	parentedTo(t, m, AksInVnetType)
}

func TestAksValidation(t *testing.T) {
	args := aksArgs()
	args.Spec.ServiceCidr = "10.20.0.0/16"
	args.Spec.DNSServiceIP = "10.20.0.1"
	args.Spec.DockerBridgeCidr = "10.20.4.1/24"
	args.Spec.NodeCount = ptr(2)
	args.Spec.ScoringSources = []string{"*"}
	args.Subnet.Prefix = netip.MustParsePrefix("10.20.4.0/26")
	args.Layout.Aks = args.Subnet.Prefix
	want := []string{"spec.serviceCidr:", "spec.dnsServiceIP:", "spec.dockerBridgeCidr:", "spec.nodeCount: 2 x Standard_D4s_v3 gives 8 cores",
		"spec.nodeCount: is 2; clusterPurpose FastProd needs at least 3 nodes", "spec.scoringSources[0]: \"*\" is any source",
		"spec.nodeCount: (2 nodes + 1 for upgrades) x (30 pods + 1) = 93 addresses do not fit the AKS subnet"}
	for _, got := range [][]string{problemsOf(aksErr(t, args)), lines(args.Spec.Validate(NewPath("spec"), aksSite(args)).Sorted())} {
		for _, w := range want {
			if !hasProblem(got, w) {
				t.Errorf("no problem contains %q; got:\n%s", w, strings.Join(got, "\n"))
			}
		}
	}

	dev := aksArgs()
	dev.Spec.NodeCount, dev.Spec.ClusterPurpose, dev.Spec.VMSize = ptr(1), "DevTest", "Standard_D2s_v3"
	if ps := dev.Spec.Validate(NewPath("spec"), aksSite(dev)); len(ps) != 0 {
		t.Errorf("a one-node DevTest cluster is valid: %v", ps)
	}
	run(t, &pulumitest.Mocks{}, func(ctx *pulumi.Context) error {
		_, err := NewAksInVnet(ctx, "inference", dev)
		return err
	})

	ilb := aksArgs()
	ilb.Spec.LoadBalancerType = "InternalLoadBalancer"
	ilb.Subnet.Name = ""
	wantProblems(t, aksErr(t, ilb), "subnet.name: is required with an internal load balancer")
	ilb.Subnet.Name = "aks"
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		// An internal load balancer with its subnet is valid.
		_, err := NewAksInVnet(ctx, "inference", ilb)
		return err
	})
	if c := one(t, m.OfType("azure-native:machinelearningservices:Compute")); c.String("properties.properties.loadBalancerSubnet") != "aks" ||
		c.String("properties.properties.loadBalancerType") != "InternalLoadBalancer" {
		t.Errorf("internal load balancer settings %v", c.Inputs)
	}

	reserved := aksArgs()
	reserved.Spec.ServiceCidr, reserved.Spec.DNSServiceIP = "172.30.0.0/16", "172.30.0.10"
	wantProblems(t, aksErr(t, reserved), "spec.serviceCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves")
}

// A VNet prefix in a range AKS refuses is reported on the layout, where the
// caller's plan lives, not on the spec.
func TestAksValidationNamesTheLayout(t *testing.T) {
	args := aksArgs()
	args.Layout.OtherSubnets = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
	wantProblems(t, aksErr(t, args), "layout: 192.0.2.0/24 overlaps 192.0.2.0/24, a range AKS refuses for the cluster's virtual network")
}

// An explicit zero is refused at its path, while nil means the default of 3.
func TestAksExplicitZeroNodeCount(t *testing.T) {
	args := aksArgs()
	args.Spec.NodeCount = ptr(0)
	got := problemsOf(aksErr(t, args))
	if !hasProblem(got, "spec.nodeCount: is 0; AKS takes 1-1000 nodes per pool") {
		t.Errorf("no problem names spec.nodeCount's 0; got:\n%s", strings.Join(got, "\n"))
	}
	for _, g := range got {
		if !strings.HasPrefix(g, "spec.nodeCount: ") {
			t.Errorf("only nodeCount is wrong, got %q", g)
		}
	}
	wantSpecProblems(t, AksSpec{NodeCount: ptr(0), ClusterPurpose: "DevTest", ScoringSources: []string{"Internet"}}.Validate(NewPath("amlvnet:aks"), AksSite{}),
		"amlvnet:aks.nodeCount: is 0; AKS takes 1-1000 nodes per pool")
	wantSpecProblems(t, AksSpec{ScoringSources: []string{"Internet"}}.Validate(NewPath("spec"), AksSite{}))
	wantSpecProblems(t, AksSpec{MaxPods: ptr(0), ScoringSources: []string{"Internet"}}.Validate(NewPath("spec"), AksSite{}),
		"spec.maxPods: is 0; Azure CNI takes 10-250 pods per node")
}

func TestAksWiringChecks(t *testing.T) {
	for _, tt := range []struct {
		name   string
		mutate func(a *AksInVnetArgs)
		want   []string
	}{
		{"subnet ID", func(a *AksInVnetArgs) { a.Subnet.ID = nil }, []string{"subnet.id: is required"}},
		{"subnet NSG", func(a *AksInVnetArgs) { a.Subnet.NsgName = nil }, []string{"subnet.nsgName: is required"}},
		{"workspace name", func(a *AksInVnetArgs) { a.Workspace.Name = nil }, []string{"workspace.name: is required"}},
		{"resource group", func(a *AksInVnetArgs) { a.ResourceGroupName = nil }, []string{"resourceGroupName: is required"}},
		{"layout", func(a *AksInVnetArgs) { a.Layout = nil }, []string{"layout: is required: the VNet's address plan"}},
		{"scoring sources", func(a *AksInVnetArgs) { a.Spec.ScoringSources = nil }, []string{"spec.scoringSources: name who may call the scoring endpoint"}},
		{"location", func(a *AksInVnetArgs) { a.Location = "narnia" }, []string{"location: "}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := aksArgs()
			tt.mutate(args)
			wantProblems(t, aksErr(t, args), tt.want...)
		})
	}
}

func TestAksSpecWithDefaultsAndPurity(t *testing.T) {
	d := AksSpec{}.WithDefaults()
	if d.Name != DefaultAksName || d.ComputeName != DefaultAksComputeName || *d.NodeCount != DefaultAksNodeCount || d.VMSize != DefaultAksVMSize ||
		*d.MaxPods != DefaultAksMaxPods || d.ServiceCidr != DefaultServiceCidr || d.DNSServiceIP != DefaultDNSServiceIP ||
		d.DockerBridgeCidr != DefaultDockerBridgeCidr || !reflect.DeepEqual(d.ScoringPorts, []int{80, 443}) ||
		d.ClusterPurpose != "FastProd" || d.LoadBalancerType != "PublicIp" || *d.RulePriority != DefaultRulePriority {
		t.Errorf("defaults %+v", d)
	}
	nodes := 0
	spec := AksSpec{NodeCount: &nodes, ScoringSources: []string{"*"}, ScoringPorts: []int{0}}
	if got := spec.WithDefaults(); got.NodeCount != &nodes || !reflect.DeepEqual(got.ScoringPorts, []int{0}) {
		t.Errorf("values given are kept: %+v", got)
	}
	site := aksSite(aksArgs())
	first, second := spec.Validate(NewPath("spec"), site), spec.Validate(NewPath("spec"), site)
	if len(first) == 0 || !reflect.DeepEqual(first, second) {
		t.Errorf("Validate twice gives %v then %v", first, second)
	}
	if spec.NodeCount != &nodes || nodes != 0 || spec.MaxPods != nil || spec.Name != "" ||
		!reflect.DeepEqual(spec.ScoringSources, []string{"*"}) || !reflect.DeepEqual(spec.ScoringPorts, []int{0}) {
		t.Errorf("WithDefaults or Validate changed the spec: %+v", spec)
	}
}

// The defaults are fresh values: changing one spec's default ports changes
// no other spec's.
func TestAksDefaultScoringPortsNotShared(t *testing.T) {
	a := AksSpec{}.WithDefaults()
	a.ScoringPorts[0] = 8080
	if b := (AksSpec{}).WithDefaults(); b.ScoringPorts[0] != 80 {
		t.Errorf("a change to one spec's default ports leaked into another: %v", b.ScoringPorts)
	}
}

// An empty port list would send the scoring rule with no port, which Azure
// refuses.
func TestAksEmptyScoringPortsRefused(t *testing.T) {
	spec := AksSpec{ScoringSources: []string{"10.0.0.0/8"}, ScoringPorts: []int{}}
	ps := spec.Validate(NewPath("aks"), AksSite{Region: "eastus2"})
	if !hasProblem(lines(ps), "aks.scoringPorts: at least one port is required") {
		t.Errorf("empty scoring ports accepted: %v", ps)
	}
}
