package components

import (
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"sort"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// NetworkType is the type token of the network foundation.
const NetworkType = "amlvnet:index:Network"

// Defaults of NetworkSpec.
const (
	DefaultVnetName                  = "amlvnet-vnet"
	DefaultTrainingSubnetName        = "training"
	DefaultAksSubnetName             = "aks"
	DefaultPrivateEndpointSubnetName = "private-endpoints"
)

// Isolation modes of NetworkSpec.Isolation: how the workspace's storage,
// vault, registry and the workspace itself are reached from the VNet.
const (
	// IsolationServiceEndpoints: service endpoints on the training subnet
	// and resource firewalls that admit it (the 2019 article).
	IsolationServiceEndpoints = "serviceEndpoints"
	// IsolationPrivateEndpoints: private endpoints in a subnet of their own
	// and public network access off (Azure's current guidance).
	IsolationPrivateEndpoints = "privateEndpoints"
	// IsolationManaged: the workspace's managed virtual network, which Azure
	// ML creates and runs; no VNet of ours, so no Network component
	// (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network).
	IsolationManaged = "managed"
)

// trainingServiceEndpoints let the storage account's and the key vault's VNet
// rules admit the training subnet ("Secure Azure ML experimentation and
// inference jobs within an Azure Virtual Network", 2019), and the AKS subnet.
var trainingServiceEndpoints = []string{"Microsoft.Storage", "Microsoft.KeyVault"}

// NetworkSpec is the address plan of the network foundation: a VNet, created
// or reused, with a training subnet and optional AKS and private-endpoint
// subnets. In the root program it is amlvnet:network.
type NetworkSpec struct {
	// AddressSpace of a new VNet: one CIDR or several, e.g. 10.20.0.0/16.
	// Required unless Existing is set, and must be empty then.
	AddressSpace StringList `json:"addressSpace,omitempty" pulumi:"addressSpace,optional"`
	// VnetName names a new VNet; it also prefixes the NSG and route table
	// names. Optional. Defaults to "amlvnet-vnet".
	VnetName string `json:"vnetName,omitempty" pulumi:"vnetName,optional"`
	// TrainingSubnet hosts the compute cluster and the attached machines: a
	// CIDR such as 10.20.0.0/24 (the subnet is named "training"), or the name
	// of a subnet of the Existing VNet. Required.
	TrainingSubnet string `json:"trainingSubnet" pulumi:"trainingSubnet"`
	// AksSubnet hosts the AKS nodes and pods: a CIDR (named "aks") or the
	// name of a subnet of the Existing VNet. Optional: empty means none.
	AksSubnet string `json:"aksSubnet,omitempty" pulumi:"aksSubnet,optional"`
	// PrivateEndpointSubnet hosts the private endpoints: a CIDR (named
	// "private-endpoints") or a subnet name when reusing. Required with
	// Isolation privateEndpoints, and only then.
	PrivateEndpointSubnet string `json:"privateEndpointSubnet,omitempty" pulumi:"privateEndpointSubnet,optional"`
	// Existing reuses a VNet instead of creating one. Optional. Its subnets
	// are adopted (imported, then given our NSG, service endpoints and route
	// table) and retained when the stack is destroyed.
	Existing *ExistingNetwork `json:"existing,omitempty" pulumi:"existing,optional"`
	// Isolation is serviceEndpoints or privateEndpoints. Optional. Defaults
	// to serviceEndpoints: the training subnet gets the Microsoft.Storage and
	// Microsoft.KeyVault service endpoints; with privateEndpoints it gets
	// none (a resource is not reached both ways on one path). The root
	// program also takes managed, the workspace's managed virtual network,
	// which needs no Network at all: the spec then takes no address space,
	// VNet nor subnet, and NewNetwork refuses it.
	Isolation string `json:"isolation,omitempty" pulumi:"isolation,optional"`
	// TrainingRouteTable creates a route table on the training subnet, for
	// the compute's forced-tunneling routes. Optional. Defaults to false. The
	// root program sets it from amlvnet:compute.forcedTunneling.
	TrainingRouteTable bool `json:"-" pulumi:"trainingRouteTable,optional"`
	// TrainingNatGateway gives the training subnet a NAT gateway with a
	// static public IP for outbound traffic (a reused subnet that has one
	// keeps its own). Optional. Defaults to false. The root program sets it
	// from amlvnet:compute.natGateway.
	TrainingNatGateway bool `json:"-" pulumi:"trainingNatGateway,optional"`
}

// ExistingNetwork points at a VNet that already exists (the 2019 article's
// prerequisite). It must be in the stack's subscription and region.
type ExistingNetwork struct {
	// ResourceGroup of the VNet. Required.
	ResourceGroup string `json:"resourceGroup" pulumi:"resourceGroup"`
	// Name of the VNet. Required.
	Name string `json:"name" pulumi:"name"`
}

// WithDefaults returns the spec with its documented defaults filled in.
func (s NetworkSpec) WithDefaults() NetworkSpec {
	if s.VnetName == "" {
		s.VnetName = DefaultVnetName
	}
	if s.Isolation == "" {
		s.Isolation = IsolationServiceEndpoints
	}
	return s
}

// subnet names what a subnet is called in Azure: the default name of a
// subnet we create, or the named subnet of a reused VNet.
func (s NetworkSpec) subnetName(value, defaultName string) string {
	if s.Existing != nil {
		return value
	}
	return defaultName
}

// NetworkLayout is the resolved address plan: the foundation's subnets,
// whether created or read from an existing VNet. The other components check
// themselves against it (capacity, overlaps, the AKS service range).
type NetworkLayout struct {
	Location     string
	AddressSpace []netip.Prefix
	Training     netip.Prefix
	// Aks is the zero Prefix when there is no AKS subnet.
	Aks netip.Prefix
	// PrivateEndpoints is the zero Prefix when there is no such subnet.
	PrivateEndpoints netip.Prefix
	// OtherSubnets are subnets of a reused VNet that we do not manage; the
	// AKS service range must not overlap them either.
	OtherSubnets []netip.Prefix
	// TrainingRules and AksRules are the rules already on the NSG of an
	// adopted training or AKS subnet, which ours join and must not collide
	// with. TrainingDefaultRoute is the next hop of the default route
	// (0.0.0.0/0) of an adopted training subnet's own route table, "" when
	// it has none.
	TrainingRules, AksRules []ExistingRule
	TrainingDefaultRoute    string

	existingVnetID string
	existing       map[string]network.SubnetResponse
}

// ExistingRule is a rule already on the NSG of an adopted subnet.
type ExistingRule struct {
	Name, Direction string
	Priority        int
}

// AllSubnets lists every subnet prefix of the VNet known to the plan.
func (l *NetworkLayout) AllSubnets() []netip.Prefix {
	out := []netip.Prefix{l.Training}
	for _, p := range []netip.Prefix{l.Aks, l.PrivateEndpoints} {
		if p.IsValid() {
			out = append(out, p)
		}
	}
	return append(out, l.OtherSubnets...)
}

// SubnetRef is a handle on one subnet: what a component placed in it needs.
// Network returns one per subnet; a program with its own VNet fills one in.
type SubnetRef struct {
	// Name of the subnet.
	Name string
	// Prefix is the subnet's address range.
	Prefix netip.Prefix
	// ID is the subnet's ARM ID.
	ID pulumi.StringInput
	// ResourceGroupName holds the subnet's NSG and route table.
	ResourceGroupName pulumi.StringInput
	// NsgName is the subnet's NSG, which receives the components' rules.
	NsgName pulumi.StringInput
	// RouteTableName is the subnet's route table; nil when it has none.
	// RouteTableResourceGroupName holds it; nil means ResourceGroupName.
	RouteTableName              pulumi.StringInput
	RouteTableResourceGroupName pulumi.StringInput
	// ExistingRules are rules already on the NSG (an adopted subnet's own
	// NSG), which the components' rules must not collide with.
	ExistingRules []ExistingRule
	// DefaultRoute is the next hop of the subnet's own default route
	// (0.0.0.0/0), "" when it has none.
	DefaultRoute string
}

// routeTableGroup is the resource group of the subnet's route table.
func (s SubnetRef) routeTableGroup() pulumi.StringInput {
	if s.RouteTableResourceGroupName != nil {
		return s.RouteTableResourceGroupName
	}
	return s.ResourceGroupName
}

// checkSubnetRef reports the handle's missing parts at p.
func checkSubnetRef(ps *Problems, p *Path, s SubnetRef) {
	if !s.Prefix.IsValid() {
		ps.Add(p.Child("prefix"), "is required: the subnet's address range, to check its capacity")
	}
	for field, v := range map[string]pulumi.Input{"id": s.ID, "resourceGroupName": s.ResourceGroupName, "nsgName": s.NsgName} {
		if v == nil {
			ps.Add(p.Child(field), "is required")
		}
	}
}

// Validate checks what the spec says by itself, without calling Azure.
func (s NetworkSpec) Validate(p *Path) Problems {
	s = s.WithDefaults()
	var ps Problems
	switch s.Isolation {
	case IsolationServiceEndpoints:
		if s.PrivateEndpointSubnet != "" {
			ps.Add(p.Child("privateEndpointSubnet"), "has no effect with isolation %s; remove it or set isolation to %s", IsolationServiceEndpoints, IsolationPrivateEndpoints)
		}
	case IsolationPrivateEndpoints:
		if s.PrivateEndpointSubnet == "" {
			ps.Add(p.Child("privateEndpointSubnet"), "is required with isolation %s: a CIDR such as 10.20.1.0/27 (a subnet name when reusing a VNet)", IsolationPrivateEndpoints)
		}
	case IsolationManaged:
		// Azure ML runs the network: whatever would shape ours is a mistake.
		for _, f := range []struct {
			field string
			set   bool
		}{
			{"addressSpace", len(s.AddressSpace) > 0}, {"vnetName", s.VnetName != DefaultVnetName}, {"existing", s.Existing != nil},
			{"trainingSubnet", s.TrainingSubnet != ""}, {"aksSubnet", s.AksSubnet != ""}, {"privateEndpointSubnet", s.PrivateEndpointSubnet != ""},
		} {
			if f.set {
				ps.Add(p.Child(f.field), "has no effect with isolation %s: Azure ML creates and runs the workspace's network; remove it", IsolationManaged)
			}
		}
		return ps
	default:
		ps.Add(p.Child("isolation"), "%q is not an isolation mode; use %s (service endpoints and firewalls, the 2019 article), %s (private endpoints in a VNet of ours, current guidance) or %s (the workspace's managed virtual network)", s.Isolation, IsolationServiceEndpoints, IsolationPrivateEndpoints, IsolationManaged)
	}
	if s.Existing == nil {
		vnetName.check(&ps, p.Child("vnetName"), s.VnetName)
		if len(s.AddressSpace) == 0 {
			ps.Add(p.Child("addressSpace"), "is required to create a VNet (or set existing to reuse one), e.g. 10.20.0.0/16")
		}
		return ps
	}
	ex := p.Child("existing")
	if len(s.AddressSpace) > 0 {
		ps.Add(p.Child("addressSpace"), "must be empty when existing is set: the address space is read from the existing VNet")
	}
	if s.Existing.ResourceGroup == "" {
		ps.Add(ex.Child("resourceGroup"), "is required to reuse a VNet")
	} else {
		resourceGroupName.check(&ps, ex.Child("resourceGroup"), s.Existing.ResourceGroup)
	}
	if s.Existing.Name == "" {
		ps.Add(ex.Child("name"), "is required to reuse a VNet")
	} else {
		vnetName.check(&ps, ex.Child("name"), s.Existing.Name)
	}
	named := map[string]string{}
	for _, sn := range s.subnetFields() {
		if sn.value == "" {
			if sn.field == "trainingSubnet" {
				ps.Add(p.Child(sn.field), "the name of an existing subnet of %s is required", s.Existing.Name)
			}
			continue
		}
		if _, err := netip.ParsePrefix(sn.value); err == nil {
			ps.Add(p.Child(sn.field), "%s is a CIDR: give the name of an existing subnet of %s, not a prefix, when reusing a VNet", sn.value, s.Existing.Name)
			continue
		}
		subnetName.check(&ps, p.Child(sn.field), sn.value)
		if other, dup := named[sn.value]; dup {
			ps.Add(p.Child(sn.field), "must differ from %s (%q): %s", other, sn.value, sn.distinct)
		}
		named[sn.value] = sn.field
	}
	return ps
}

type subnetField struct{ field, value, defaultName, key, distinct string }

// subnetFields lists the spec's subnets in the order they are written.
func (s NetworkSpec) subnetFields() []subnetField {
	return []subnetField{
		{"trainingSubnet", s.TrainingSubnet, DefaultTrainingSubnetName, "training", ""},
		{"aksSubnet", s.AksSubnet, DefaultAksSubnetName, "aks", "AKS and the training cluster need subnets of their own"},
		{"privateEndpointSubnet", s.PrivateEndpointSubnet, DefaultPrivateEndpointSubnetName, "pe", "private endpoints get a subnet of their own"},
	}
}

// PlanNetwork validates spec and returns its address plan, with problems
// named below p. region is the canonical region; "" (a location the caller
// reports as invalid) checks what can be checked without it. A reused VNet
// is read from Azure (an invoke, answered by mocks in tests) and checked for
// its region, the named subnets and their fitness.
func PlanNetwork(ctx *pulumi.Context, spec NetworkSpec, region string, p *Path) (*NetworkLayout, Problems) {
	spec = spec.WithDefaults()
	ps := spec.Validate(p)
	if spec.Isolation == IsolationManaged {
		return nil, ps // no address plan: Azure ML runs the network
	}
	if spec.Existing == nil {
		layout, more := createLayout(spec, region, p)
		if ps = append(ps, more...); len(ps) > 0 {
			return nil, ps
		}
		return layout, nil
	}
	if len(ps) > 0 || region == "" {
		return nil, ps
	}
	vnet, err := network.LookupVirtualNetwork(ctx, &network.LookupVirtualNetworkArgs{
		ResourceGroupName:  spec.Existing.ResourceGroup,
		VirtualNetworkName: spec.Existing.Name,
	})
	if err != nil {
		ps.Add(p.Child("existing"), "cannot read VNet %s in resource group %s: %v", spec.Existing.Name, spec.Existing.ResourceGroup, err)
		return nil, ps
	}
	return existingLayout(ctx, spec, region, vnet, p)
}

// addressSpaceField names the i-th of n address-space prefixes under the
// network's path p: "addressSpace" alone when it is the only one, as a stack
// file writes a single CIDR, else "addressSpace[i]".
func addressSpaceField(p *Path, i, n int) *Path {
	if n == 1 {
		return p.Child("addressSpace")
	}
	return p.Child("addressSpace").Index(i)
}

// createLayout parses and checks the address plan of a VNet we create.
func createLayout(s NetworkSpec, region string, p *Path) (*NetworkLayout, Problems) {
	var ps Problems
	layout := &NetworkLayout{Location: region}
	var space, subnets []netplan.NamedPrefix
	for i, cidr := range s.AddressSpace {
		field := addressSpaceField(p, i, len(s.AddressSpace))
		prefix, err := netplan.ParsePrefix(cidr)
		if err != nil {
			ps.Add(field, "%v", err)
			continue
		}
		if netplan.Overlaps(prefix, netip.MustParsePrefix(netplan.DefaultDockerBridge)) {
			ps.Add(field, "%s overlaps %s, the default Docker bridge of AKS nodes and Docker hosts: containers there could not reach the VNet (Azure/AKS docs); pick another range", prefix, netplan.DefaultDockerBridge)
		}
		layout.AddressSpace = append(layout.AddressSpace, prefix)
		space = append(space, netplan.NamedPrefix{Field: field.String(), Label: field.leaf(), Prefix: prefix})
	}
	parse := func(field, cidr, example string) netip.Prefix {
		if cidr == "" {
			ps.Add(p.Child(field), "a CIDR is required, e.g. %s", example)
			return netip.Prefix{}
		}
		prefix, err := netplan.ParsePrefix(cidr)
		if err != nil {
			ps.Add(p.Child(field), "%v", err)
			return netip.Prefix{}
		}
		subnets = append(subnets, netplan.NamedPrefix{Field: p.Child(field).String(), Label: field, Prefix: prefix})
		return prefix
	}
	layout.Training = parse("trainingSubnet", s.TrainingSubnet, "10.20.0.0/24")
	if s.AksSubnet != "" {
		layout.Aks = parse("aksSubnet", s.AksSubnet, "10.20.4.0/22")
	}
	if s.PrivateEndpointSubnet != "" {
		layout.PrivateEndpoints = parse("privateEndpointSubnet", s.PrivateEndpointSubnet, "10.20.1.0/27")
	}
	for _, pr := range netplan.CheckLayout(space, subnets) {
		ps = append(ps, Problem{Path: pr.Field, Message: pr.Message})
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return layout, nil
}

func existingLayout(ctx *pulumi.Context, s NetworkSpec, region string, vnet *network.LookupVirtualNetworkResult, p *Path) (*NetworkLayout, Problems) {
	var ps Problems
	layout := &NetworkLayout{Location: region, existing: map[string]network.SubnetResponse{}}
	if vnet.Id != nil {
		layout.existingVnetID = *vnet.Id
	}
	if vnet.Location == nil {
		ps.Add(p.Child("existing"), "VNet %s reports no location", s.Existing.Name)
	} else if r, err := netplan.CanonicalRegion(*vnet.Location); err != nil || r != region {
		ps.Add(p.Child("existing"), "VNet %s is in %s but the stack deploys to %s; Azure ML needs the VNet in the workspace's region (set azure-native:location to the VNet's region, or reuse a VNet there)", s.Existing.Name, *vnet.Location, region)
	}
	if vnet.AddressSpace != nil {
		for _, cidr := range vnet.AddressSpace.AddressPrefixes {
			if prefix, err := netplan.ParsePrefix(cidr); err == nil {
				layout.AddressSpace = append(layout.AddressSpace, prefix)
			}
		}
	}
	byName := map[string]network.SubnetResponse{}
	for _, sn := range vnet.Subnets {
		if sn.Name != nil {
			byName[*sn.Name] = sn
		}
	}
	want := func(field, name string) netip.Prefix {
		sn, ok := byName[name]
		if !ok {
			ps.Add(p.Child(field), "VNet %s has no subnet %q (it has: %v)", s.Existing.Name, name, slices.Sorted(maps.Keys(byName)))
			return netip.Prefix{}
		}
		if len(sn.Delegations) > 0 {
			ps.Add(p.Child(field), "subnet %q is delegated to another service; Azure ML compute and AKS need an undelegated subnet", name)
		}
		layout.existing[name] = sn
		cidr := ""
		if sn.AddressPrefix != nil {
			cidr = *sn.AddressPrefix
		} else if len(sn.AddressPrefixes) == 1 {
			cidr = sn.AddressPrefixes[0]
		}
		prefix, err := netplan.ParsePrefix(cidr)
		if err != nil {
			ps.Add(p.Child(field), "subnet %q has no single IPv4 prefix we can plan with (%q): %v", name, cidr, err)
			return netip.Prefix{}
		}
		return prefix
	}
	layout.Training = want("trainingSubnet", s.TrainingSubnet)
	if s.AksSubnet != "" {
		layout.Aks = want("aksSubnet", s.AksSubnet)
	}
	// What the adopted subnets already have and keep: the rules of their
	// NSGs (ours join them) and the default route of the training subnet's
	// route table.
	var err error
	if layout.TrainingRules, err = nsgRules(ctx, layout.existing[s.TrainingSubnet]); err != nil {
		ps.Add(p.Child("trainingSubnet"), "%v", err)
	}
	if s.AksSubnet != "" {
		if layout.AksRules, err = nsgRules(ctx, layout.existing[s.AksSubnet]); err != nil {
			ps.Add(p.Child("aksSubnet"), "%v", err)
		}
	}
	if layout.TrainingDefaultRoute, err = defaultRoute(ctx, layout.existing[s.TrainingSubnet]); err != nil {
		ps.Add(p.Child("trainingSubnet"), "%v", err)
	}
	if s.PrivateEndpointSubnet != "" {
		layout.PrivateEndpoints = want("privateEndpointSubnet", s.PrivateEndpointSubnet)
	}
	for name, sn := range byName {
		if _, ours := layout.existing[name]; ours || sn.AddressPrefix == nil {
			continue
		}
		if prefix, err := netplan.ParsePrefix(*sn.AddressPrefix); err == nil {
			layout.OtherSubnets = append(layout.OtherSubnets, prefix)
		}
	}
	sort.Slice(layout.OtherSubnets, func(i, j int) bool { return layout.OtherSubnets[i].String() < layout.OtherSubnets[j].String() })
	if len(ps) > 0 {
		return nil, ps
	}
	return layout, nil
}

// NetworkArgs configures the network foundation.
type NetworkArgs struct {
	// Spec is the address plan. Required.
	Spec NetworkSpec `pulumi:"spec"`
	// Location is the Azure region, e.g. "eastus2". Required.
	Location string `pulumi:"location"`
	// ResourceGroupName receives everything the component creates. Required.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Tags for every resource created. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
	// Layout is what PlanNetwork returned for this Spec and Location, so a
	// reused VNet is read once. Optional: nil plans again.
	Layout *NetworkLayout
}

// Network is the foundation component. Its handles feed the other components.
type Network struct {
	pulumi.ResourceState

	// Layout is the address plan.
	Layout NetworkLayout
	// Training is the training subnet; Aks and PrivateEndpoints are nil when
	// the spec has no such subnet.
	Training         SubnetRef
	Aks              *SubnetRef
	PrivateEndpoints *SubnetRef

	// ResourceGroupName receives what the component creates.
	ResourceGroupName pulumi.StringOutput `pulumi:"resourceGroupName"`
	// VnetID is the VNet's ARM ID, created or reused.
	VnetID pulumi.StringOutput `pulumi:"vnetId"`
	// VnetName is the VNet's name.
	VnetName pulumi.StringOutput `pulumi:"vnetName"`
	// AddressSpace is the VNet's address prefixes, as planned or read.
	AddressSpace pulumi.StringArrayOutput `pulumi:"addressSpace"`
	// OtherSubnetPrefixes are the ranges of a reused VNet's subnets that
	// the component does not manage.
	OtherSubnetPrefixes pulumi.StringArrayOutput `pulumi:"otherSubnetPrefixes"`

	// TrainingSubnetID is the training subnet's ARM ID.
	TrainingSubnetID pulumi.StringOutput `pulumi:"trainingSubnetId"`
	// TrainingSubnetName is the training subnet's name.
	TrainingSubnetName pulumi.StringOutput `pulumi:"trainingSubnetName"`
	// TrainingSubnetPrefix is the training subnet's range, known from the
	// plan (also in a preview).
	TrainingSubnetPrefix pulumi.StringOutput `pulumi:"trainingSubnetPrefix"`
	// TrainingNsgName is the training subnet's NSG.
	TrainingNsgName pulumi.StringOutput `pulumi:"trainingNsgName"`
	// TrainingNsgResourceGroupName holds the training subnet's NSG: the
	// component's resource group unless an adopted subnet brings its own.
	TrainingNsgResourceGroupName pulumi.StringOutput `pulumi:"trainingNsgResourceGroupName"`
	// RouteTableName is the training subnet's route table (ours, or an
	// adopted subnet's own); empty when it has none.
	RouteTableName pulumi.StringOutput `pulumi:"routeTableName"`
	// RouteTableResourceGroupName holds that route table; empty when there
	// is none.
	RouteTableResourceGroupName pulumi.StringOutput `pulumi:"routeTableResourceGroupName"`

	// AksSubnetID is the AKS subnet's ARM ID; empty when there is no AKS
	// subnet, as are the other Aks outputs.
	AksSubnetID pulumi.StringOutput `pulumi:"aksSubnetId"`
	// AksSubnetName is the AKS subnet's name.
	AksSubnetName pulumi.StringOutput `pulumi:"aksSubnetName"`
	// AksSubnetPrefix is the AKS subnet's range, known from the plan.
	AksSubnetPrefix pulumi.StringOutput `pulumi:"aksSubnetPrefix"`
	// AksNsgName is the AKS subnet's NSG.
	AksNsgName pulumi.StringOutput `pulumi:"aksNsgName"`
	// AksNsgResourceGroupName holds the AKS subnet's NSG.
	AksNsgResourceGroupName pulumi.StringOutput `pulumi:"aksNsgResourceGroupName"`

	// PrivateEndpointSubnetID is the private-endpoint subnet's ARM ID;
	// empty when there is no such subnet, as is its prefix.
	PrivateEndpointSubnetID pulumi.StringOutput `pulumi:"privateEndpointSubnetId"`
	// PrivateEndpointSubnetPrefix is the private-endpoint subnet's range,
	// known from the plan.
	PrivateEndpointSubnetPrefix pulumi.StringOutput `pulumi:"privateEndpointSubnetPrefix"`
}

// NewNetwork validates args and creates (or adopts) the network foundation.
func NewNetwork(ctx *pulumi.Context, name string, args *NetworkArgs, opts ...pulumi.ResourceOption) (*Network, error) {
	if args == nil {
		args = &NetworkArgs{}
	}
	var ps Problems
	region := checkRegion(&ps, NewPath("location"), args.Location)
	if args.ResourceGroupName == nil {
		ps.Add(NewPath("resourceGroupName"), "is required")
	}
	if args.Spec.Isolation == IsolationManaged {
		ps.Add(NewPath("spec", "isolation"), "is %s: Azure ML creates and runs the workspace's managed network, so there is no Network to create; give MLWorkspaceSpec.ManagedNetwork instead", IsolationManaged)
		return nil, validated(ctx, "Network", ps)
	}
	layout := args.Layout
	if layout == nil {
		var more Problems
		layout, more = PlanNetwork(ctx, args.Spec, region, NewPath("spec"))
		ps = append(ps, more...)
	} else {
		ps = append(ps, args.Spec.Validate(NewPath("spec"))...)
		if region != "" && layout.Location != region {
			ps.Add(NewPath("layout"), "was planned for %s, not for the location %s", layout.Location, region)
		}
	}
	if err := validated(ctx, "Network", ps); err != nil {
		return nil, err
	}
	spec := args.Spec.WithDefaults()
	comp := &Network{Layout: *layout}
	if err := ctx.RegisterComponentResource(NetworkType, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	tags := pulumi.ToStringMap(args.Tags)
	rg := args.ResourceGroupName
	loc := pulumi.String(layout.Location)

	vnetNameOut, vnetID := pulumi.String(spec.VnetName).ToStringOutput(), pulumi.String(layout.existingVnetID).ToStringOutput()
	vnetRG := rg
	var subnetDeps []pulumi.Resource
	if spec.Existing == nil {
		space := make(pulumi.StringArray, 0, len(layout.AddressSpace))
		for _, p := range layout.AddressSpace {
			space = append(space, pulumi.String(p.String()))
		}
		// No inline subnets: they are standalone resources below, and
		// azure-native keeps standalone subnets when the VNet omits them.
		vnet, err := network.NewVirtualNetwork(ctx, name+"-vnet", &network.VirtualNetworkArgs{
			ResourceGroupName:  rg,
			Location:           loc,
			VirtualNetworkName: pulumi.String(spec.VnetName),
			AddressSpace:       &network.AddressSpaceArgs{AddressPrefixes: space},
			Tags:               tags,
		}, parent)
		if err != nil {
			return nil, err
		}
		vnetNameOut, vnetID = vnet.Name, vnet.ID().ToStringOutput()
		subnetDeps = append(subnetDeps, vnet)
	} else {
		vnetNameOut = pulumi.String(spec.Existing.Name).ToStringOutput()
		vnetRG = pulumi.String(spec.Existing.ResourceGroup)
	}

	// An adopted subnet keeps what it has: its route table (often a
	// company's forced tunneling to its firewall), its NSG, NAT gateway and
	// service endpoint policies. Ours are created only where it has none, and
	// then stay with it when the stack is destroyed: Azure refuses to delete
	// an NSG or route table that a subnet still uses
	// (InUseNetworkSecurityGroupCannotBeDeleted, InUseRouteTableCannotBeDeleted;
	// pulumi-azure-native #3051).
	ours := func(adopted bool) []pulumi.ResourceOption {
		if adopted {
			return []pulumi.ResourceOption{parent, pulumi.RetainOnDelete(true)}
		}
		return []pulumi.ResourceOption{parent}
	}
	trainingExisting, trainingAdopted := layout.existing[spec.subnetName(spec.TrainingSubnet, DefaultTrainingSubnetName)]
	var routeTable *network.RouteTable
	if spec.TrainingRouteTable && trainingExisting.RouteTable == nil {
		var err error
		routeTable, err = network.NewRouteTable(ctx, name+"-training-rt", &network.RouteTableArgs{
			ResourceGroupName: rg,
			Location:          loc,
			RouteTableName:    pulumi.String(spec.VnetName + "-training-rt"),
			Tags:              tags,
		}, ours(trainingAdopted)...)
		if err != nil {
			return nil, err
		}
	}

	var natGateway *network.NatGateway
	if spec.TrainingNatGateway && trainingExisting.NatGateway == nil {
		var err error
		if natGateway, err = newNatGateway(ctx, name+"-training-nat", spec.VnetName+"-training-nat", rg, loc, tags, ours(trainingAdopted)...); err != nil {
			return nil, err
		}
	}

	subnet := func(f subnetField, prefix netip.Prefix, endpoints []string, rt *network.RouteTable, nat *network.NatGateway) (*SubnetRef, error) {
		subnetName := spec.subnetName(f.value, f.defaultName)
		existing, adopted := layout.existing[subnetName]
		sargs := &network.SubnetArgs{
			ResourceGroupName:  vnetRG,
			VirtualNetworkName: vnetNameOut,
			SubnetName:         pulumi.String(subnetName),
			AddressPrefix:      pulumi.String(prefix.String()),
		}
		ref := &SubnetRef{Name: subnetName, Prefix: prefix}
		if existing.NetworkSecurityGroup != nil && existing.NetworkSecurityGroup.Id != nil {
			id := *existing.NetworkSecurityGroup.Id
			nsgRG, nsgName := armGroupAndName(id)
			sargs.NetworkSecurityGroup = &network.NetworkSecurityGroupTypeArgs{Id: pulumi.String(id)}
			ref.ResourceGroupName, ref.NsgName = pulumi.String(nsgRG), pulumi.String(nsgName)
			ref.ExistingRules = map[string][]ExistingRule{"training": layout.TrainingRules, "aks": layout.AksRules}[f.key]
		} else {
			nsg, err := network.NewNetworkSecurityGroup(ctx, name+"-"+f.key+"-nsg", &network.NetworkSecurityGroupArgs{
				ResourceGroupName:        rg,
				Location:                 loc,
				NetworkSecurityGroupName: pulumi.String(spec.VnetName + "-" + subnetName + "-nsg"),
				Tags:                     tags,
			}, ours(adopted)...)
			if err != nil {
				return nil, err
			}
			sargs.NetworkSecurityGroup = &network.NetworkSecurityGroupTypeArgs{Id: nsg.ID()}
			ref.ResourceGroupName, ref.NsgName = rg, nsg.Name
		}
		if existing.RouteTable != nil && existing.RouteTable.Id != nil {
			id := *existing.RouteTable.Id
			rtRG, rtName := armGroupAndName(id)
			sargs.RouteTable = &network.RouteTableTypeArgs{Id: pulumi.String(id)}
			ref.RouteTableName, ref.RouteTableResourceGroupName = pulumi.String(rtName), pulumi.String(rtRG)
			if f.key == "training" {
				ref.DefaultRoute = layout.TrainingDefaultRoute
			}
		} else if rt != nil {
			sargs.RouteTable = &network.RouteTableTypeArgs{Id: rt.ID()}
			ref.RouteTableName = rt.Name
		}
		if nat != nil {
			sargs.NatGateway = &network.SubResourceArgs{Id: nat.ID()}
		}
		subnetOpts := []pulumi.ResourceOption{parent, pulumi.DependsOn(subnetDeps)}
		if adopted {
			endpoints = mergeEndpoints(existing.ServiceEndpoints, endpoints)
			var policies network.ServiceEndpointPolicyTypeArray
			for _, pol := range existing.ServiceEndpointPolicies {
				if pol.Id != nil {
					policies = append(policies, &network.ServiceEndpointPolicyTypeArgs{Id: pulumi.String(*pol.Id)})
				}
			}
			if len(policies) > 0 {
				sargs.ServiceEndpointPolicies = policies
			}
			if existing.NatGateway != nil && existing.NatGateway.Id != "" {
				sargs.NatGateway = &network.SubResourceArgs{Id: pulumi.String(existing.NatGateway.Id)}
			}
			sargs.PrivateEndpointNetworkPolicies = pulumi.StringPtrFromPtr(existing.PrivateEndpointNetworkPolicies)
			sargs.PrivateLinkServiceNetworkPolicies = pulumi.StringPtrFromPtr(existing.PrivateLinkServiceNetworkPolicies)
			// Adopt the user's subnet, and never delete it with the stack.
			if existing.Id != nil {
				subnetOpts = append(subnetOpts, pulumi.Import(pulumi.ID(*existing.Id)))
			}
			subnetOpts = append(subnetOpts, pulumi.RetainOnDelete(true))
		}
		var se network.ServiceEndpointPropertiesFormatArray
		for _, e := range endpoints {
			se = append(se, &network.ServiceEndpointPropertiesFormatArgs{Service: pulumi.String(e)})
		}
		sargs.ServiceEndpoints = se
		sn, err := network.NewSubnet(ctx, name+"-"+f.key+"-subnet", sargs, subnetOpts...)
		if err != nil {
			return nil, err
		}
		// Subnets of one VNet are written one after the other: parallel
		// writes fail with AnotherOperationInProgress (pulumi-azure-native #699).
		subnetDeps = []pulumi.Resource{sn}
		ref.ID = sn.ID().ToStringOutput()
		return ref, nil
	}

	fields := spec.subnetFields()
	var endpoints []string
	if spec.Isolation == IsolationServiceEndpoints {
		endpoints = trainingServiceEndpoints
	}
	training, err := subnet(fields[0], layout.Training, endpoints, routeTable, natGateway)
	if err != nil {
		return nil, err
	}
	comp.Training = *training
	if spec.AksSubnet != "" {
		// Inference reads the workspace's storage (models, the router's
		// configuration) and vault too, so their VNet rules must admit the
		// AKS subnet as well (how-to-kubernetes-inference-routing-azureml-fe,
		// connectivity requirements).
		if comp.Aks, err = subnet(fields[1], layout.Aks, endpoints, nil, nil); err != nil {
			return nil, err
		}
	}
	if spec.PrivateEndpointSubnet != "" {
		if comp.PrivateEndpoints, err = subnet(fields[2], layout.PrivateEndpoints, nil, nil, nil); err != nil {
			return nil, err
		}
	}

	empty := pulumi.String("").ToStringOutput()
	str := func(v string) pulumi.StringOutput { return pulumi.String(v).ToStringOutput() }
	prefixes := func(ps []netip.Prefix) pulumi.StringArrayOutput {
		out := pulumi.StringArray{}
		for _, p := range ps {
			out = append(out, pulumi.String(p.String()))
		}
		return out.ToStringArrayOutput()
	}
	comp.ResourceGroupName = rg.ToStringOutput()
	comp.VnetName = vnetNameOut
	comp.VnetID = vnetID
	comp.AddressSpace = prefixes(layout.AddressSpace)
	comp.OtherSubnetPrefixes = prefixes(layout.OtherSubnets)
	comp.TrainingSubnetID = training.ID.ToStringOutput()
	comp.TrainingSubnetName = str(training.Name)
	comp.TrainingSubnetPrefix = str(training.Prefix.String())
	comp.TrainingNsgName = training.NsgName.ToStringOutput()
	comp.TrainingNsgResourceGroupName = training.ResourceGroupName.ToStringOutput()
	comp.RouteTableName, comp.RouteTableResourceGroupName = empty, empty
	if training.RouteTableName != nil {
		comp.RouteTableName = training.RouteTableName.ToStringOutput()
		comp.RouteTableResourceGroupName = training.routeTableGroup().ToStringOutput()
	}
	comp.AksSubnetID, comp.AksSubnetName, comp.AksSubnetPrefix, comp.AksNsgName, comp.AksNsgResourceGroupName = empty, empty, empty, empty, empty
	if a := comp.Aks; a != nil {
		comp.AksSubnetID, comp.AksSubnetName, comp.AksSubnetPrefix = a.ID.ToStringOutput(), str(a.Name), str(a.Prefix.String())
		comp.AksNsgName, comp.AksNsgResourceGroupName = a.NsgName.ToStringOutput(), a.ResourceGroupName.ToStringOutput()
	}
	comp.PrivateEndpointSubnetID, comp.PrivateEndpointSubnetPrefix = empty, empty
	if pe := comp.PrivateEndpoints; pe != nil {
		comp.PrivateEndpointSubnetID, comp.PrivateEndpointSubnetPrefix = pe.ID.ToStringOutput(), str(pe.Prefix.String())
	}
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"resourceGroupName":            comp.ResourceGroupName,
		"vnetId":                       comp.VnetID,
		"vnetName":                     comp.VnetName,
		"addressSpace":                 comp.AddressSpace,
		"otherSubnetPrefixes":          comp.OtherSubnetPrefixes,
		"trainingSubnetId":             comp.TrainingSubnetID,
		"trainingSubnetName":           comp.TrainingSubnetName,
		"trainingSubnetPrefix":         comp.TrainingSubnetPrefix,
		"trainingNsgName":              comp.TrainingNsgName,
		"trainingNsgResourceGroupName": comp.TrainingNsgResourceGroupName,
		"routeTableName":               comp.RouteTableName,
		"routeTableResourceGroupName":  comp.RouteTableResourceGroupName,
		"aksSubnetId":                  comp.AksSubnetID,
		"aksSubnetName":                comp.AksSubnetName,
		"aksSubnetPrefix":              comp.AksSubnetPrefix,
		"aksNsgName":                   comp.AksNsgName,
		"aksNsgResourceGroupName":      comp.AksNsgResourceGroupName,
		"privateEndpointSubnetId":      comp.PrivateEndpointSubnetID,
		"privateEndpointSubnetPrefix":  comp.PrivateEndpointSubnetPrefix,
	}); err != nil {
		return nil, err
	}
	return comp, nil
}

// nsgRules reads the rules of an adopted subnet's own NSG; none when it has
// no NSG.
func nsgRules(ctx *pulumi.Context, sn network.SubnetResponse) ([]ExistingRule, error) {
	if sn.NetworkSecurityGroup == nil || sn.NetworkSecurityGroup.Id == nil {
		return nil, nil
	}
	rg, name := armGroupAndName(*sn.NetworkSecurityGroup.Id)
	nsg, err := network.LookupNetworkSecurityGroup(ctx, &network.LookupNetworkSecurityGroupArgs{ResourceGroupName: rg, NetworkSecurityGroupName: name})
	if err != nil {
		return nil, fmt.Errorf("cannot read its network security group %s: %v", name, err)
	}
	var out []ExistingRule
	for _, r := range nsg.SecurityRules {
		rule := ExistingRule{Direction: r.Direction, Priority: r.Priority}
		if r.Name != nil {
			rule.Name = *r.Name
		}
		out = append(out, rule)
	}
	return out, nil
}

// defaultRoute reads the next hop of the default route of an adopted
// subnet's own route table, "" when there is none.
func defaultRoute(ctx *pulumi.Context, sn network.SubnetResponse) (string, error) {
	if sn.RouteTable == nil || sn.RouteTable.Id == nil {
		return "", nil
	}
	rg, name := armGroupAndName(*sn.RouteTable.Id)
	rt, err := network.LookupRouteTable(ctx, &network.LookupRouteTableArgs{ResourceGroupName: rg, RouteTableName: name})
	if err != nil {
		return "", fmt.Errorf("cannot read its route table %s: %v", name, err)
	}
	for _, r := range rt.Routes {
		if r.AddressPrefix != nil && *r.AddressPrefix == "0.0.0.0/0" {
			return r.NextHopType, nil
		}
	}
	return "", nil
}

// armGroupAndName returns the resource group and the last name of an ARM ID.
func armGroupAndName(id string) (rg, name string) {
	parts := strings.Split(strings.Trim(id, "/"), "/")
	for i := 0; i+1 < len(parts); i++ {
		if strings.EqualFold(parts[i], "resourceGroups") {
			rg = parts[i+1]
		}
	}
	return rg, parts[len(parts)-1]
}

// newNatGateway creates a Standard NAT gateway with one static public IP.
// Nodes without a public IP have no Internet access without it, as Azure
// retires default outbound access for new VNets
// (https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access).
func newNatGateway(ctx *pulumi.Context, logical, name string, rg pulumi.StringInput, loc pulumi.StringInput, tags pulumi.StringMap, opts ...pulumi.ResourceOption) (*network.NatGateway, error) {
	ip, err := network.NewPublicIPAddress(ctx, logical+"-ip", &network.PublicIPAddressArgs{
		ResourceGroupName:        rg,
		Location:                 loc,
		PublicIpAddressName:      pulumi.String(name + "-ip"),
		Sku:                      &network.PublicIPAddressSkuArgs{Name: pulumi.String(string(network.PublicIPAddressSkuNameStandard))},
		PublicIPAllocationMethod: pulumi.String(string(network.IPAllocationMethodStatic)),
		PublicIPAddressVersion:   pulumi.String(string(network.IPVersionIPv4)),
		Tags:                     tags,
	}, opts...)
	if err != nil {
		return nil, err
	}
	return network.NewNatGateway(ctx, logical, &network.NatGatewayArgs{
		ResourceGroupName: rg,
		Location:          loc,
		NatGatewayName:    pulumi.String(name),
		Sku:               &network.NatGatewaySkuArgs{Name: pulumi.String(string(network.NatGatewaySkuNameStandard))},
		PublicIpAddresses: network.SubResourceArray{&network.SubResourceArgs{Id: ip.ID()}},
		Tags:              tags,
	}, opts...)
}

// mergeEndpoints keeps the service endpoints an adopted subnet already has
// and adds ours, without duplicates, in a stable order.
func mergeEndpoints(existing []network.ServiceEndpointPropertiesFormatResponse, ours []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range existing {
		if e.Service != nil && !seen[*e.Service] {
			seen[*e.Service] = true
			out = append(out, *e.Service)
		}
	}
	for _, e := range ours {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	sort.Strings(out)
	return out
}
