package components

import (
	"encoding/json"
	"net/netip"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
	"github.com/amlvnet/amlvnet/internal/standin"
)

func TestNetworkCreatesVnetSubnetsNsgsAndRouteTable(t *testing.T) {
	m := &pulumitest.Mocks{}
	var n *Network
	run(t, m, func(ctx *pulumi.Context) error {
		var err error
		n, err = NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "East US 2",
			Spec: NetworkSpec{
				AddressSpace:       StringList{"10.20.0.0/16"},
				TrainingSubnet:     "10.20.0.0/24",
				AksSubnet:          "10.20.4.0/22",
				TrainingRouteTable: true,
			},
		})
		return err
	})
	vnet := one(t, m.OfType("azure-native:network:VirtualNetwork"))
	if got := vnet.Strings("addressSpace.addressPrefixes"); !reflect.DeepEqual(got, []string{"10.20.0.0/16"}) {
		t.Errorf("address space %v", got)
	}
	if vnet.String("location") != "eastus2" {
		t.Errorf("location %q, want the canonical eastus2", vnet.String("location"))
	}
	if vnet.String("virtualNetworkName") != DefaultVnetName {
		t.Errorf("VNet name %q, want the default %q", vnet.String("virtualNetworkName"), DefaultVnetName)
	}
	if _, inline := vnet.Input("subnets"); vnet.Inputs.HasValue("subnets") || inline {
		t.Error("subnets must not be inline in the VNet (they are standalone resources)")
	}
	training := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "training"}))
	aks := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "aks"}))
	if training.String("addressPrefix") != "10.20.0.0/24" || aks.String("addressPrefix") != "10.20.4.0/22" {
		t.Errorf("prefixes %q %q", training.String("addressPrefix"), aks.String("addressPrefix"))
	}
	if got := serviceEndpoints(training); !reflect.DeepEqual(got, []string{"Microsoft.KeyVault", "Microsoft.Storage"}) {
		t.Errorf("training service endpoints %v (isolation defaults to serviceEndpoints)", got)
	}
	if got := serviceEndpoints(aks); !reflect.DeepEqual(got, []string{"Microsoft.KeyVault", "Microsoft.Storage"}) {
		t.Errorf("AKS subnet service endpoints %v: inference reads the workspace's storage and vault through their VNet rules", got)
	}
	if len(m.OfType("azure-native:network:NetworkSecurityGroup")) != 2 {
		t.Errorf("want one NSG per subnet")
	}
	if training.String("networkSecurityGroup.id") == "" || aks.String("networkSecurityGroup.id") == "" {
		t.Error("every subnet must carry its NSG")
	}
	rt := one(t, m.OfType("azure-native:network:RouteTable"))
	if training.String("routeTable.id") == "" || !strings.HasSuffix(training.String("routeTable.id"), "/routeTables/"+rt.String("routeTableName")) {
		t.Errorf("trainingRouteTable: the training subnet must carry the route table, got %q", training.String("routeTable.id"))
	}
	if aks.String("routeTable.id") != "" {
		t.Error("the AKS subnet must not get the training route table")
	}
	// Subnet writes are chained: the AKS subnet waits for the training one.
	if !dependsOn(aks, training) {
		t.Errorf("AKS subnet does not depend on the training subnet: %v", aks.DependsOn)
	}
	parentedTo(t, m, NetworkType)

	// The handles describe what was created, for the other components.
	if n.Training.Name != "training" || n.Training.Prefix.String() != "10.20.0.0/24" ||
		n.Training.ID == nil || n.Training.NsgName == nil || n.Training.ResourceGroupName == nil || n.Training.RouteTableName == nil {
		t.Errorf("training handle %+v", n.Training)
	}
	if n.Aks == nil || n.Aks.Name != "aks" || n.Aks.Prefix.String() != "10.20.4.0/22" || n.Aks.RouteTableName != nil {
		t.Errorf("AKS handle %+v; it has no route table", n.Aks)
	}
	if n.PrivateEndpoints != nil {
		t.Errorf("no private-endpoint subnet was asked for, got a handle %+v", n.PrivateEndpoints)
	}
	if n.Layout.Location != "eastus2" || n.Layout.Training != n.Training.Prefix || n.Layout.Aks != n.Aks.Prefix ||
		!reflect.DeepEqual(n.Layout.AddressSpace, []netip.Prefix{netip.MustParsePrefix("10.20.0.0/16")}) {
		t.Errorf("layout %+v", n.Layout)
	}
}

// serviceEndpoints lists a subnet's service endpoints, sorted.
func serviceEndpoints(sn pulumitest.Resource) []string {
	var out []string
	v, _ := sn.Input("serviceEndpoints")
	if !v.IsArray() {
		return nil
	}
	for _, e := range v.ArrayValue() {
		out = append(out, e.ObjectValue()["service"].StringValue())
	}
	sort.Strings(out)
	return out
}

func TestNetworkWithoutRouteTable(t *testing.T) {
	m := &pulumitest.Mocks{}
	var n *Network
	run(t, m, func(ctx *pulumi.Context) error {
		var err error
		n, err = NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			Spec:              NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, TrainingSubnet: "10.20.0.0/24"},
		})
		return err
	})
	if len(m.OfType("azure-native:network:RouteTable")) != 0 || n.Training.RouteTableName != nil {
		t.Error("a route table is created only when the spec asks for it")
	}
	if n.Aks != nil {
		t.Errorf("no AKS subnet was asked for, got a handle %+v", n.Aks)
	}
}

func TestNetworkReusesExistingVnet(t *testing.T) {
	m := &pulumitest.Mocks{VirtualNetworks: map[string]pulumitest.ExistingVnet{
		"corp/vnet": {Location: "eastus2", AddressSpace: []string{"10.50.0.0/16"}, Subnets: map[string]string{"ml": "10.50.1.0/24", "apps": "10.50.8.0/21"}},
	}}
	var n *Network
	run(t, m, func(ctx *pulumi.Context) error {
		var err error
		n, err = NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			Spec: NetworkSpec{
				Existing:       &ExistingNetwork{ResourceGroup: "corp", Name: "vnet"},
				TrainingSubnet: "ml",
			},
		})
		return err
	})
	if len(m.OfType("azure-native:network:VirtualNetwork")) != 0 {
		t.Error("an existing VNet must not be created")
	}
	sn := one(t, m.OfType("azure-native:network:Subnet"))
	if sn.Import == "" || !strings.HasSuffix(sn.Import, "/virtualNetworks/vnet/subnets/ml") {
		t.Errorf("subnet not adopted by import: %q", sn.Import)
	}
	if !sn.Retain {
		t.Error("an adopted subnet must be retained on delete")
	}
	if sn.String("addressPrefix") != "10.50.1.0/24" || sn.String("resourceGroupName") != "corp" || sn.String("virtualNetworkName") != "vnet" {
		t.Errorf("adopted subnet inputs: %v", sn.Inputs)
	}
	layout := n.Layout
	if layout.Training.String() != "10.50.1.0/24" || len(layout.OtherSubnets) != 1 || layout.OtherSubnets[0].String() != "10.50.8.0/21" {
		t.Errorf("layout %+v", layout)
	}
	if n.Training.Name != "ml" || n.Training.Prefix != layout.Training {
		t.Errorf("the handle names the reused subnet: %+v", n.Training)
	}
}

// A reused VNet is read once when the caller passes the plan it already has.
func TestNetworkTakesAPlannedLayout(t *testing.T) {
	m := &pulumitest.Mocks{VirtualNetworks: map[string]pulumitest.ExistingVnet{
		"corp/vnet": {Location: "eastus2", AddressSpace: []string{"10.50.0.0/16"}, Subnets: map[string]string{"ml": "10.50.1.0/24"}},
	}}
	spec := NetworkSpec{Existing: &ExistingNetwork{ResourceGroup: "corp", Name: "vnet"}, TrainingSubnet: "ml"}
	run(t, m, func(ctx *pulumi.Context) error {
		layout, ps := PlanNetwork(ctx, spec, "eastus2", NewPath("amlvnet:network"))
		if err := ps.Err("plan"); err != nil {
			return err
		}
		_, err := NewNetwork(ctx, "net", &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", Spec: spec, Layout: layout})
		return err
	})
	reads := 0
	for _, inv := range m.Invokes() {
		if inv == "azure-native:network:getVirtualNetwork" {
			reads++
		}
	}
	if reads != 1 {
		t.Errorf("the VNet was read %d times, want once", reads)
	}
	sn := one(t, m.OfType("azure-native:network:Subnet"))
	if !strings.HasSuffix(sn.Import, "/subnets/ml") {
		t.Errorf("the planned layout's subnet is adopted, got import %q", sn.Import)
	}
}

func TestNetworkReuseErrors(t *testing.T) {
	m := &pulumitest.Mocks{VirtualNetworks: map[string]pulumitest.ExistingVnet{
		"corp/vnet": {Location: "westeurope", AddressSpace: []string{"10.50.0.0/16"}, Subnets: map[string]string{"web": "10.50.1.0/24"}, Delegated: []string{"web"}},
	}}
	err := m.Run(func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			Spec: NetworkSpec{
				Existing:       &ExistingNetwork{ResourceGroup: "corp", Name: "vnet"},
				TrainingSubnet: "web",
				AksSubnet:      "missing",
			},
		})
		return err
	}, nil)
	wantProblems(t, err,
		"spec.existing: VNet vnet is in westeurope but the stack deploys to eastus2",
		"spec.trainingSubnet: subnet \"web\" is delegated",
		"spec.aksSubnet: VNet vnet has no subnet \"missing\"")
	if len(m.Resources()) != 0 {
		t.Errorf("resources registered despite errors: %d", len(m.Resources()))
	}

	err = constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			Spec:              NetworkSpec{Existing: &ExistingNetwork{ResourceGroup: "corp", Name: "nope"}, TrainingSubnet: "ml"},
		})
		return err
	})
	wantProblems(t, err, "spec.existing: cannot read VNet nope in resource group corp")
}

func TestNetworkValidation(t *testing.T) {
	spec := NetworkSpec{
		AddressSpace:   StringList{"10.20.0.0/16", "172.17.5.0/24"},
		TrainingSubnet: "10.21.0.0/24",
		AksSubnet:      "10.20.0.1/24",
	}
	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", Spec: spec})
		return err
	})
	wantProblems(t, err,
		"spec.addressSpace[1]: 172.17.5.0/24 overlaps 172.17.0.0/16, the default Docker bridge",
		"spec.trainingSubnet: 10.21.0.0/24 is outside the virtual network's address space",
		"spec.aksSubnet: \"10.20.0.1/24\" has host bits set; use 10.20.0.0/24")

	err = constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{Location: "moon-1", Spec: spec})
		return err
	})
	// A bad location hides none of the spec's own problems.
	wantProblems(t, err, "location: ", "resourceGroupName: is required",
		"spec.addressSpace[1]: 172.17.5.0/24 overlaps 172.17.0.0/16, the default Docker bridge",
		"spec.trainingSubnet: 10.21.0.0/24 is outside the virtual network's address space",
		"spec.aksSubnet: \"10.20.0.1/24\" has host bits set; use 10.20.0.0/24")

	// A layout planned elsewhere does not spare the spec its checks, and
	// must have been planned for this location.
	layout := &NetworkLayout{Location: "westeurope", Training: netip.MustParsePrefix("10.20.0.0/24")}
	err = constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", Layout: layout,
			Spec: NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, TrainingSubnet: "10.20.0.0/24", VnetName: "-bad", Isolation: "vpn"}})
		return err
	})
	wantProblems(t, err, "layout: was planned for westeurope, not for the location eastus2",
		`spec.vnetName: virtual network name "-bad" is not allowed`,
		`spec.isolation: "vpn" is not an isolation mode`)

	// A managed network is Azure's: there is nothing for Network to create,
	// and no address plan.
	err = constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", Spec: NetworkSpec{Isolation: IsolationManaged}})
		return err
	})
	wantProblems(t, err, "spec.isolation: is managed: Azure ML creates and runs the workspace's managed network, so there is no Network to create")
	if err := (&pulumitest.Mocks{}).Run(func(ctx *pulumi.Context) error {
		layout, ps := PlanNetwork(ctx, NetworkSpec{Isolation: IsolationManaged}, "eastus2", NewPath("n"))
		if layout != nil || len(ps) != 0 {
			t.Errorf("PlanNetwork of a managed network: %v, %v", layout, ps)
		}
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}

	// One CIDR is reported at addressSpace itself, not at addressSpace[0].
	err = constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: NetworkSpec{AddressSpace: StringList{"172.17.0.0/16"}, TrainingSubnet: "172.17.0.0/24"}})
		return err
	})
	wantProblems(t, err, "spec.addressSpace: 172.17.0.0/16 overlaps 172.17.0.0/16, the default Docker bridge")
}

func TestNetworkPrivateEndpointSubnet(t *testing.T) {
	m := &pulumitest.Mocks{}
	var n *Network
	run(t, m, func(ctx *pulumi.Context) error {
		var err error
		n, err = NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			Spec: NetworkSpec{
				AddressSpace:          StringList{"10.20.0.0/16"},
				TrainingSubnet:        "10.20.0.0/24",
				AksSubnet:             "10.20.4.0/22",
				PrivateEndpointSubnet: "10.20.1.0/27",
				Isolation:             IsolationPrivateEndpoints,
			},
		})
		return err
	})
	if n := len(m.OfType("azure-native:network:Subnet")); n != 3 {
		t.Fatalf("want 3 subnets, got %d", n)
	}
	training := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "training"}))
	aks := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "aks"}))
	pe := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "private-endpoints"}))
	if pe.String("addressPrefix") != "10.20.1.0/27" || pe.String("networkSecurityGroup.id") == "" {
		t.Errorf("private-endpoint subnet %v", pe.Inputs)
	}
	if !dependsOn(pe, aks) || !dependsOn(aks, training) {
		t.Errorf("subnet writes must be chained: pe deps %v, aks deps %v", pe.DependsOn, aks.DependsOn)
	}
	for _, sn := range []pulumitest.Resource{training, aks, pe} {
		if got := serviceEndpoints(sn); len(got) > 0 {
			t.Errorf("%s: service endpoints %v; none on the private-endpoint path", sn.String("subnetName"), got)
		}
	}
	if n := len(m.OfType("azure-native:network:NetworkSecurityGroup")); n != 3 {
		t.Errorf("want one NSG per subnet, got %d", n)
	}
	if n.PrivateEndpoints == nil || n.PrivateEndpoints.Prefix.String() != "10.20.1.0/27" || n.PrivateEndpoints.Name != "private-endpoints" {
		t.Errorf("private-endpoint handle %+v", n.PrivateEndpoints)
	}

	err := constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, TrainingSubnet: "10.20.0.0/24",
				PrivateEndpointSubnet: "10.20.0.64/27", Isolation: IsolationPrivateEndpoints}})
		return err
	})
	wantProblems(t, err, "spec.privateEndpointSubnet: 10.20.0.64/27 overlaps trainingSubnet (10.20.0.0/24)")
}

// NetworkSpec.Validate checks what the spec says by itself; the address
// plan is checked by PlanNetwork.
func TestNetworkSpecValidate(t *testing.T) {
	p := NewPath("amlvnet:network")
	for _, tt := range []struct {
		name string
		spec NetworkSpec
		want []string
	}{
		{"a created VNet needs an address space", NetworkSpec{TrainingSubnet: "10.20.0.0/24"},
			[]string{"amlvnet:network.addressSpace: is required to create a VNet"}},
		{"unknown isolation", NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, Isolation: "vpn"},
			[]string{`amlvnet:network.isolation: "vpn" is not an isolation mode; use serviceEndpoints`}},
		{"private endpoints need their subnet", NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, Isolation: IsolationPrivateEndpoints},
			[]string{"amlvnet:network.privateEndpointSubnet: is required with isolation privateEndpoints"}},
		{"a private-endpoint subnet without private endpoints", NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, PrivateEndpointSubnet: "10.20.1.0/27"},
			[]string{"amlvnet:network.privateEndpointSubnet: has no effect with isolation serviceEndpoints"}},
		{"bad VNet name", NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, VnetName: "-vnet"},
			[]string{`amlvnet:network.vnetName: virtual network name "-vnet" is not allowed`}},
		{"reuse: what a reused VNet needs", NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, Existing: &ExistingNetwork{}},
			[]string{
				"amlvnet:network.addressSpace: must be empty when existing is set",
				"amlvnet:network.existing.resourceGroup: is required to reuse a VNet",
				"amlvnet:network.existing.name: is required to reuse a VNet",
				"amlvnet:network.trainingSubnet: the name of an existing subnet of  is required",
			}},
		{"reuse: subnets are names, distinct", NetworkSpec{
			Existing:       &ExistingNetwork{ResourceGroup: "corp", Name: "vnet"},
			TrainingSubnet: "10.50.1.0/24", AksSubnet: "ml", PrivateEndpointSubnet: "ml", Isolation: IsolationPrivateEndpoints},
			[]string{
				"amlvnet:network.trainingSubnet: 10.50.1.0/24 is a CIDR: give the name of an existing subnet of vnet",
				`amlvnet:network.privateEndpointSubnet: must differ from aksSubnet ("ml")`,
			}},
		{"reuse: valid", NetworkSpec{Existing: &ExistingNetwork{ResourceGroup: "corp", Name: "vnet"}, TrainingSubnet: "ml", AksSubnet: "aks"}, nil},
		{"managed: no address space nor subnets", NetworkSpec{Isolation: IsolationManaged}, nil},
		{"managed: whatever would shape our VNet", NetworkSpec{Isolation: IsolationManaged, AddressSpace: StringList{"10.20.0.0/16"}, VnetName: "v",
			TrainingSubnet: "10.20.0.0/24", AksSubnet: "10.20.4.0/22", PrivateEndpointSubnet: "10.20.1.0/27", Existing: &ExistingNetwork{ResourceGroup: "corp", Name: "vnet"}},
			[]string{
				"amlvnet:network.addressSpace: has no effect with isolation managed: Azure ML creates and runs the workspace's network; remove it",
				"amlvnet:network.vnetName: has no effect with isolation managed",
				"amlvnet:network.existing: has no effect with isolation managed",
				"amlvnet:network.trainingSubnet: has no effect with isolation managed",
				"amlvnet:network.aksSubnet: has no effect with isolation managed",
				"amlvnet:network.privateEndpointSubnet: has no effect with isolation managed",
			}},
		{"create: valid", NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, TrainingSubnet: "10.20.0.0/24"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wantSpecProblems(t, tt.spec.Validate(p), tt.want...)
		})
	}
}

func TestNetworkSpecWithDefaultsAndPurity(t *testing.T) {
	spec := NetworkSpec{AddressSpace: StringList{"10.20.0.0/16", "bad"}, Isolation: "vpn"}
	saved := NetworkSpec{AddressSpace: StringList{"10.20.0.0/16", "bad"}, Isolation: "vpn"}
	d := NetworkSpec{}.WithDefaults()
	if d.VnetName != DefaultVnetName || d.Isolation != IsolationServiceEndpoints {
		t.Errorf("defaults %+v", d)
	}
	if got := spec.WithDefaults(); got.Isolation != "vpn" {
		t.Errorf("a value given is kept: %+v", got)
	}
	first := spec.Validate(NewPath("spec"))
	second := spec.Validate(NewPath("spec"))
	if len(first) == 0 || !reflect.DeepEqual(first, second) {
		t.Errorf("Validate twice gives %v then %v", first, second)
	}
	if !reflect.DeepEqual(spec, saved) {
		t.Errorf("WithDefaults or Validate changed the spec: %+v", spec)
	}
}

func TestNetworkLayoutAllSubnets(t *testing.T) {
	l := NetworkLayout{
		Training:     netip.MustParsePrefix("10.20.0.0/24"),
		OtherSubnets: []netip.Prefix{netip.MustParsePrefix("10.20.8.0/21")},
	}
	if got := l.AllSubnets(); !reflect.DeepEqual(got, []netip.Prefix{l.Training, l.OtherSubnets[0]}) {
		t.Errorf("absent subnets are left out: %v", got)
	}
	if got := testLayout().AllSubnets(); len(got) != 3 {
		t.Errorf("training, AKS and private-endpoint subnets: %v", got)
	}
}

// The stack file may write one CIDR or a list of them.
func TestStringListJSON(t *testing.T) {
	var s NetworkSpec
	if err := json.Unmarshal([]byte(`{"addressSpace":"10.20.0.0/16","trainingSubnet":"10.20.0.0/24"}`), &s); err != nil ||
		!reflect.DeepEqual(s.AddressSpace, StringList{"10.20.0.0/16"}) {
		t.Errorf("one string: %v %v", s.AddressSpace, err)
	}
	if err := json.Unmarshal([]byte(`{"addressSpace":["10.20.0.0/16","10.30.0.0/16"]}`), &s); err != nil ||
		!reflect.DeepEqual(s.AddressSpace, StringList{"10.20.0.0/16", "10.30.0.0/16"}) {
		t.Errorf("a list: %v %v", s.AddressSpace, err)
	}
	var bad StringList
	if err := json.Unmarshal([]byte(`16`), &bad); err == nil {
		t.Errorf("a number is neither a string nor a list, got %v", bad)
	}
}

// A NAT gateway with a static Standard public IP gives the training subnet
// its outbound path; the other subnets do not get it.
func TestNetworkTrainingNatGateway(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, TrainingSubnet: "10.20.0.0/24", AksSubnet: "10.20.4.0/22", TrainingNatGateway: true}})
		return err
	})
	ip := one(t, m.OfType("azure-native:network:PublicIPAddress"))
	if ip.String("sku.name") != "Standard" || ip.String("publicIPAllocationMethod") != "Static" {
		t.Errorf("NAT public IP: %v", ip.Inputs)
	}
	nat := one(t, m.OfType("azure-native:network:NatGateway"))
	if nat.String("sku.name") != "Standard" || !strings.HasSuffix(firstID(nat, "publicIpAddresses"), "/"+ip.String("publicIpAddressName")) {
		t.Errorf("NAT gateway: %v", nat.Inputs)
	}
	training := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "training"}))
	if !strings.HasSuffix(training.String("natGateway.id"), "/natGateways/"+nat.String("natGatewayName")) {
		t.Errorf("training subnet NAT gateway %q", training.String("natGateway.id"))
	}
	aks := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "aks"}))
	if aks.String("natGateway.id") != "" {
		t.Error("the AKS subnet must not get the training NAT gateway")
	}
}

// firstID is the id of the first entry of a list of sub-resources.
func firstID(r pulumitest.Resource, path string) string {
	v, _ := r.Input(path)
	if !v.IsArray() || len(v.ArrayValue()) == 0 || !v.ArrayValue()[0].IsObject() {
		return ""
	}
	id := v.ArrayValue()[0].ObjectValue()["id"]
	if id.IsString() {
		return id.StringValue()
	}
	return ""
}

// A subnet adopted with its own NSG and route table keeps them: nothing of
// ours is created for it, its rules are the handle's existing rules, its
// default route is reported, and its service endpoint policies stay.
func TestNetworkAdoptsASubnetWithItsOwnNSGAndRoutes(t *testing.T) {
	fixtures, err := standin.LoadFixtures(filepath.Join("..", "tests", "testdata", "existing-vnets.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := &pulumitest.Mocks{VirtualNetworks: fixtures}
	var n *Network
	run(t, m, func(ctx *pulumi.Context) error {
		var err error
		n, err = NewNetwork(ctx, "net", &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "westeurope",
			Spec: NetworkSpec{Existing: &ExistingNetwork{ResourceGroup: "corp-network", Name: "corp-vnet"}, TrainingSubnet: "ml-firewalled",
				TrainingRouteTable: true, TrainingNatGateway: true}})
		return err
	})
	for _, typ := range []string{"azure-native:network:NetworkSecurityGroup", "azure-native:network:RouteTable"} {
		if len(m.OfType(typ)) != 0 {
			t.Errorf("a %s was created for a subnet that has its own", typ)
		}
	}
	sn := one(t, m.OfType("azure-native:network:Subnet"))
	if !strings.HasSuffix(sn.String("networkSecurityGroup.id"), "/networkSecurityGroups/corp-ml-nsg") ||
		!strings.HasSuffix(sn.String("routeTable.id"), "/routeTables/corp-to-firewall") {
		t.Errorf("the adopted subnet lost its NSG or route table: %v", sn.Inputs)
	}
	if policies, _ := sn.Input("serviceEndpointPolicies"); !policies.IsArray() || len(policies.ArrayValue()) != 1 {
		t.Errorf("service endpoint policies not kept: %v", policies)
	}
	if len(n.Training.ExistingRules) != 2 || n.Training.DefaultRoute != "VirtualAppliance" || n.Layout.TrainingDefaultRoute != "VirtualAppliance" {
		t.Errorf("handle: rules %v, default route %q", n.Training.ExistingRules, n.Training.DefaultRoute)
	}
	// Forced tunneling off under a default route to an appliance: warned.
	_, warnings := AmlComputeSpec{}.Validate(NewPath("compute"), ComputeSite{Region: "westeurope", DefaultRoute: "VirtualAppliance"}).Split()
	if len(warnings) != 1 || !strings.Contains(warnings[0].String(), "compute.forcedTunneling: is false, but the training subnet's route table sends 0.0.0.0/0 to VirtualAppliance") {
		t.Errorf("warnings %v", warnings)
	}
}
