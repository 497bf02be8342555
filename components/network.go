package components

import (
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"sort"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// NetworkType is the type token of the network foundation.
const NetworkType = "amlvnet:index:Network"

// Service endpoints the training subnet needs so the storage account's and the
// key vault's VNet rules take effect (AZURE-FACTS: storage, key vault).
var defaultTrainingServiceEndpoints = []string{"Microsoft.Storage", "Microsoft.KeyVault"}

// SubnetSpec names one subnet of the foundation.
type SubnetSpec struct {
	// Name of the subnet. Optional when creating: defaults to "training" or
	// "aks". Required when reusing a VNet: the name of an existing subnet.
	Name string
	// Prefix is the subnet's CIDR, e.g. "10.20.0.0/24". Required when
	// creating; must be empty when reusing (the prefix is read from Azure).
	Prefix string
}

// ExistingNetwork points at a VNet that already exists (the 2019 article's
// prerequisite). It must be in the stack's subscription and region.
type ExistingNetwork struct {
	// ResourceGroup of the VNet. Required.
	ResourceGroup string
	// Name of the VNet. Required.
	Name string
}

// NetworkArgs configures the network foundation: a VNet (created or reused),
// a training subnet and an optional AKS subnet, one NSG per subnet, and a
// route table on the training subnet when forced tunneling is on.
type NetworkArgs struct {
	// ResourceGroupName receives everything the component creates. Required.
	ResourceGroupName pulumi.StringInput
	// Location is the Azure region, e.g. "eastus2". Required.
	Location string
	// VnetName names the VNet when it is created. Optional. Defaults to
	// "amlvnet-vnet". Ignored when Existing is set.
	VnetName string
	// AddressSpace of a new VNet, e.g. ["10.20.0.0/16"]. Required unless
	// Existing is set, and must be empty then.
	AddressSpace []string
	// Existing reuses a VNet instead of creating one. Optional. Its subnets
	// are adopted (imported, then updated with our NSG, service endpoints and
	// route table) and retained when the stack is destroyed.
	Existing *ExistingNetwork
	// TrainingSubnet hosts the compute cluster and attached VMs. Required.
	TrainingSubnet SubnetSpec
	// AksSubnet hosts the AKS nodes. Optional: nil means no AKS subnet.
	AksSubnet *SubnetSpec
	// PrivateEndpointSubnet hosts private endpoints (network isolation with
	// private endpoints). Optional: nil means none.
	PrivateEndpointSubnet *SubnetSpec
	// TrainingServiceEndpoints on the training subnet. Optional. Defaults to
	// Microsoft.Storage and Microsoft.KeyVault.
	TrainingServiceEndpoints []string
	// ForcedTunneling creates a route table on the training subnet; the
	// compute component adds its routes. Optional. Defaults to false.
	ForcedTunneling bool
	// Tags for every resource created. Optional.
	Tags map[string]string

	layout *NetworkLayout
}

// NetworkLayout is the resolved address plan: what the foundation's subnets
// are, whether created or read from an existing VNet. The other components
// validate against it (capacity, overlaps, the AKS service range).
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

	existingVnetID string
	existing       map[string]network.SubnetResponse
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

func (a *NetworkArgs) applyDefaults() {
	if a.VnetName == "" {
		a.VnetName = "amlvnet-vnet"
	}
	if a.Existing == nil && a.TrainingSubnet.Name == "" {
		a.TrainingSubnet.Name = "training"
	}
	if a.Existing == nil && a.AksSubnet != nil && a.AksSubnet.Name == "" {
		a.AksSubnet.Name = "aks"
	}
	if a.Existing == nil && a.PrivateEndpointSubnet != nil && a.PrivateEndpointSubnet.Name == "" {
		a.PrivateEndpointSubnet.Name = "private-endpoints"
	}
	if a.TrainingServiceEndpoints == nil {
		a.TrainingServiceEndpoints = defaultTrainingServiceEndpoints
	}
}

// Validate checks the Args without calling Azure. For a reused VNet it checks
// only what is written; Resolve checks the rest against the real VNet.
func (a *NetworkArgs) Validate() error {
	a.applyDefaults()
	var ps problems
	a.validateStatic(&ps)
	if a.Existing != nil {
		return ps.err("Network")
	}
	layout, more := a.createLayout()
	ps = append(ps, more...)
	if len(ps) == 0 {
		a.layout = layout
	}
	return ps.err("Network")
}

func (a *NetworkArgs) validateStatic(ps *problems) {
	if a.ResourceGroupName == nil {
		ps.add("resourceGroupName", "is required")
	}
	if _, err := netplan.CanonicalRegion(a.Location); err != nil {
		ps.add("location", "%v", err)
	}
	checkSubnetName := func(field, name string) {
		if name == "" && a.Existing != nil {
			ps.add(field, "the name of an existing subnet of %s is required", a.Existing.Name)
		} else if _, err := netip.ParsePrefix(name); err == nil && a.Existing != nil {
			ps.add(field, "%s is a CIDR: give the name of an existing subnet of %s, not a prefix, when reusing a VNet", name, a.Existing.Name)
		} else if name != "" {
			subnetName.check(ps, field, name)
		}
	}
	checkSubnetName("trainingSubnet", a.TrainingSubnet.Name)
	if a.AksSubnet != nil {
		checkSubnetName("aksSubnet", a.AksSubnet.Name)
		if a.AksSubnet.Name == a.TrainingSubnet.Name {
			ps.add("aksSubnet", "must differ from trainingSubnet (%q); AKS and the training cluster need subnets of their own", a.AksSubnet.Name)
		}
	}
	if pe := a.PrivateEndpointSubnet; pe != nil {
		checkSubnetName("privateEndpointSubnet", pe.Name)
		if pe.Name == a.TrainingSubnet.Name || (a.AksSubnet != nil && pe.Name == a.AksSubnet.Name) {
			ps.add("privateEndpointSubnet", "must differ from the training and AKS subnets (%q): private endpoints get a subnet of their own", pe.Name)
		}
	}
	if a.Existing != nil {
		if len(a.AddressSpace) > 0 {
			ps.add("addressSpace", "must be empty when existing is set: the address space is read from the existing VNet")
		}
		if a.Existing.ResourceGroup == "" {
			ps.add("existing.resourceGroup", "is required to reuse a VNet")
		} else {
			resourceGroupName.check(ps, "existing.resourceGroup", a.Existing.ResourceGroup)
		}
		if a.Existing.Name == "" {
			ps.add("existing.name", "is required to reuse a VNet")
		} else {
			vnetName.check(ps, "existing.name", a.Existing.Name)
		}
		if a.TrainingSubnet.Prefix != "" {
			ps.add("trainingSubnet", "give the name of an existing subnet, not a prefix, when reusing a VNet")
		}
		if a.PrivateEndpointSubnet != nil && a.PrivateEndpointSubnet.Prefix != "" {
			ps.add("privateEndpointSubnet", "give the name of an existing subnet, not a prefix, when reusing a VNet")
		}
		if a.AksSubnet != nil && a.AksSubnet.Prefix != "" {
			ps.add("aksSubnet", "give the name of an existing subnet, not a prefix, when reusing a VNet")
		}
		return
	}
	vnetName.check(ps, "vnetName", a.VnetName)
	if len(a.AddressSpace) == 0 {
		ps.add("addressSpace", "is required to create a VNet (or set existing to reuse one), e.g. 10.20.0.0/16")
	}
}

// createLayout parses and checks the address plan of a VNet we create.
func (a *NetworkArgs) createLayout() (*NetworkLayout, []Problem) {
	var ps problems
	layout := &NetworkLayout{Location: mustRegion(a.Location)}
	var space, subnets []netplan.NamedPrefix
	for i, s := range a.AddressSpace {
		field := fmt.Sprintf("addressSpace[%d]", i)
		if len(a.AddressSpace) == 1 {
			field = "addressSpace"
		}
		p, err := netplan.ParsePrefix(s)
		if err != nil {
			ps.add(field, "%v", err)
			continue
		}
		if netplan.Overlaps(p, mustPrefix(netplan.DefaultDockerBridge)) {
			ps.add(field, "%s overlaps %s, the default Docker bridge of AKS nodes and Docker hosts: containers there could not reach the VNet (Azure/AKS docs); pick another range", p, netplan.DefaultDockerBridge)
		}
		layout.AddressSpace = append(layout.AddressSpace, p)
		space = append(space, netplan.NamedPrefix{Field: field, Prefix: p})
	}
	parse := func(field, s, example string) netip.Prefix {
		if s == "" {
			ps.add(field, "a CIDR is required, e.g. %s", example)
			return netip.Prefix{}
		}
		p, err := netplan.ParsePrefix(s)
		if err != nil {
			ps.add(field, "%v", err)
			return netip.Prefix{}
		}
		subnets = append(subnets, netplan.NamedPrefix{Field: field, Prefix: p})
		return p
	}
	layout.Training = parse("trainingSubnet", a.TrainingSubnet.Prefix, "10.20.0.0/24")
	if a.AksSubnet != nil {
		layout.Aks = parse("aksSubnet", a.AksSubnet.Prefix, "10.20.4.0/22")
	}
	if a.PrivateEndpointSubnet != nil {
		layout.PrivateEndpoints = parse("privateEndpointSubnet", a.PrivateEndpointSubnet.Prefix, "10.20.1.0/27")
	}
	for _, p := range netplan.CheckLayout(space, subnets) {
		ps.add(p.Field, "%s", p.Message)
	}
	return layout, ps
}

// Resolve validates the Args and returns the address plan. For a reused VNet
// it reads the VNet from Azure (an invoke, answered by mocks in tests) and
// checks the region, the subnet names and the subnets' fitness.
func (a *NetworkArgs) Resolve(ctx *pulumi.Context) (*NetworkLayout, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if a.layout != nil {
		return a.layout, nil
	}
	vnet, err := network.LookupVirtualNetwork(ctx, &network.LookupVirtualNetworkArgs{
		ResourceGroupName:  a.Existing.ResourceGroup,
		VirtualNetworkName: a.Existing.Name,
	})
	if err != nil {
		var ps problems
		ps.add("existing", "cannot read VNet %s in resource group %s: %v", a.Existing.Name, a.Existing.ResourceGroup, err)
		return nil, ps.err("Network")
	}
	layout, ps := existingLayout(a, vnet)
	if err := ps.err("Network"); err != nil {
		return nil, err
	}
	a.layout = layout
	return layout, nil
}

func existingLayout(a *NetworkArgs, vnet *network.LookupVirtualNetworkResult) (*NetworkLayout, problems) {
	var ps problems
	layout := &NetworkLayout{Location: mustRegion(a.Location), existing: map[string]network.SubnetResponse{}}
	if vnet.Id != nil {
		layout.existingVnetID = *vnet.Id
	}
	if vnet.Location == nil {
		ps.add("existing", "VNet %s reports no location", a.Existing.Name)
	} else if region, err := netplan.CanonicalRegion(*vnet.Location); err != nil || region != layout.Location {
		ps.add("existing", "VNet %s is in %s but the stack deploys to %s; Azure ML needs the VNet in the workspace's region (set azure-native:location to the VNet's region, or reuse a VNet there)", a.Existing.Name, *vnet.Location, layout.Location)
	}
	if vnet.AddressSpace != nil {
		for _, s := range vnet.AddressSpace.AddressPrefixes {
			if p, err := netplan.ParsePrefix(s); err == nil {
				layout.AddressSpace = append(layout.AddressSpace, p)
			}
		}
	}
	byName := map[string]network.SubnetResponse{}
	for _, s := range vnet.Subnets {
		if s.Name != nil {
			byName[*s.Name] = s
		}
	}
	want := func(field, name string) netip.Prefix {
		s, ok := byName[name]
		if !ok {
			ps.add(field, "VNet %s has no subnet %q (it has: %v)", a.Existing.Name, name, slices.Sorted(maps.Keys(byName)))
			return netip.Prefix{}
		}
		if len(s.Delegations) > 0 {
			ps.add(field, "subnet %q is delegated to another service; Azure ML compute and AKS need an undelegated subnet", name)
		}
		layout.existing[name] = s
		prefix := ""
		if s.AddressPrefix != nil {
			prefix = *s.AddressPrefix
		} else if len(s.AddressPrefixes) == 1 {
			prefix = s.AddressPrefixes[0]
		}
		p, err := netplan.ParsePrefix(prefix)
		if err != nil {
			ps.add(field, "subnet %q has no single IPv4 prefix we can plan with (%q): %v", name, prefix, err)
			return netip.Prefix{}
		}
		return p
	}
	layout.Training = want("trainingSubnet", a.TrainingSubnet.Name)
	if a.AksSubnet != nil {
		layout.Aks = want("aksSubnet", a.AksSubnet.Name)
	}
	if a.PrivateEndpointSubnet != nil {
		layout.PrivateEndpoints = want("privateEndpointSubnet", a.PrivateEndpointSubnet.Name)
	}
	for name, s := range byName {
		if name == a.TrainingSubnet.Name || (a.AksSubnet != nil && name == a.AksSubnet.Name) ||
			(a.PrivateEndpointSubnet != nil && name == a.PrivateEndpointSubnet.Name) || s.AddressPrefix == nil {
			continue
		}
		if p, err := netplan.ParsePrefix(*s.AddressPrefix); err == nil {
			layout.OtherSubnets = append(layout.OtherSubnets, p)
		}
	}
	sort.Slice(layout.OtherSubnets, func(i, j int) bool { return layout.OtherSubnets[i].String() < layout.OtherSubnets[j].String() })
	return layout, ps
}

// Network is the foundation component. Its outputs feed the other components.
type Network struct {
	pulumi.ResourceState

	Layout NetworkLayout

	ResourceGroupName pulumi.StringOutput `pulumi:"resourceGroupName"`
	VnetID            pulumi.StringOutput `pulumi:"vnetId"`
	VnetName          pulumi.StringOutput `pulumi:"vnetName"`
	TrainingSubnetID  pulumi.StringOutput `pulumi:"trainingSubnetId"`
	TrainingNsgName   pulumi.StringOutput `pulumi:"trainingNsgName"`
	// AksSubnetID and AksNsgName are empty when there is no AKS subnet.
	AksSubnetID pulumi.StringOutput `pulumi:"aksSubnetId"`
	// PrivateEndpointSubnetID is empty when there is no such subnet.
	PrivateEndpointSubnetID pulumi.StringOutput `pulumi:"privateEndpointSubnetId"`
	AksNsgName              pulumi.StringOutput `pulumi:"aksNsgName"`
	// RouteTableName is empty unless forced tunneling is on.
	RouteTableName pulumi.StringOutput `pulumi:"routeTableName"`
}

// NewNetwork validates args and creates (or adopts) the network foundation.
func NewNetwork(ctx *pulumi.Context, name string, args *NetworkArgs, opts ...pulumi.ResourceOption) (*Network, error) {
	if args == nil {
		args = &NetworkArgs{}
	}
	layout, err := args.Resolve(ctx)
	if err != nil {
		return nil, err
	}
	comp := &Network{Layout: *layout}
	if err := ctx.RegisterComponentResource(NetworkType, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	tags := pulumi.ToStringMap(args.Tags)
	rg := args.ResourceGroupName
	loc := pulumi.String(layout.Location)

	vnetNameOut, vnetID := pulumi.String(args.VnetName).ToStringOutput(), pulumi.String(layout.existingVnetID).ToStringOutput()
	var subnetDeps []pulumi.Resource
	if args.Existing == nil {
		space := make(pulumi.StringArray, 0, len(layout.AddressSpace))
		for _, p := range layout.AddressSpace {
			space = append(space, pulumi.String(p.String()))
		}
		// No inline subnets: they are standalone resources below, and
		// azure-native keeps standalone subnets when the VNet omits them.
		vnet, err := network.NewVirtualNetwork(ctx, name+"-vnet", &network.VirtualNetworkArgs{
			ResourceGroupName:  rg,
			Location:           loc,
			VirtualNetworkName: pulumi.String(args.VnetName),
			AddressSpace:       &network.AddressSpaceArgs{AddressPrefixes: space},
			Tags:               tags,
		}, parent)
		if err != nil {
			return nil, err
		}
		vnetNameOut, vnetID = vnet.Name, vnet.ID().ToStringOutput()
		subnetDeps = append(subnetDeps, vnet)
	} else {
		vnetNameOut = pulumi.String(args.Existing.Name).ToStringOutput()
	}
	vnetRG := rg
	if args.Existing != nil {
		vnetRG = pulumi.String(args.Existing.ResourceGroup)
	}

	var routeTable *network.RouteTable
	if args.ForcedTunneling {
		routeTable, err = network.NewRouteTable(ctx, name+"-training-rt", &network.RouteTableArgs{
			ResourceGroupName: rg,
			Location:          loc,
			RouteTableName:    pulumi.String(args.VnetName + "-training-rt"),
			Tags:              tags,
		}, parent)
		if err != nil {
			return nil, err
		}
	}

	subnet := func(key string, spec SubnetSpec, prefix netip.Prefix, endpoints []string, rt *network.RouteTable) (pulumi.StringOutput, pulumi.StringOutput, error) {
		nsg, err := network.NewNetworkSecurityGroup(ctx, name+"-"+key+"-nsg", &network.NetworkSecurityGroupArgs{
			ResourceGroupName:        rg,
			Location:                 loc,
			NetworkSecurityGroupName: pulumi.String(args.VnetName + "-" + spec.Name + "-nsg"),
			Tags:                     tags,
		}, parent)
		if err != nil {
			return pulumi.StringOutput{}, pulumi.StringOutput{}, err
		}
		sargs := &network.SubnetArgs{
			ResourceGroupName:    vnetRG,
			VirtualNetworkName:   vnetNameOut,
			SubnetName:           pulumi.String(spec.Name),
			AddressPrefix:        pulumi.String(prefix.String()),
			NetworkSecurityGroup: &network.NetworkSecurityGroupTypeArgs{Id: nsg.ID()},
		}
		if rt != nil {
			sargs.RouteTable = &network.RouteTableTypeArgs{Id: rt.ID()}
		}
		subnetOpts := []pulumi.ResourceOption{parent, pulumi.DependsOn(subnetDeps)}
		if existing, ok := layout.existing[spec.Name]; ok {
			endpoints = mergeEndpoints(existing.ServiceEndpoints, endpoints)
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
		sn, err := network.NewSubnet(ctx, name+"-"+key+"-subnet", sargs, subnetOpts...)
		if err != nil {
			return pulumi.StringOutput{}, pulumi.StringOutput{}, err
		}
		// Subnets of one VNet are written one after the other: parallel
		// writes fail with AnotherOperationInProgress (AZURE-FACTS).
		subnetDeps = []pulumi.Resource{sn}
		return sn.ID().ToStringOutput(), nsg.Name, nil
	}

	comp.ResourceGroupName = rg.ToStringOutput()
	comp.VnetName = vnetNameOut
	comp.VnetID = vnetID
	comp.TrainingSubnetID, comp.TrainingNsgName, err = subnet("training", args.TrainingSubnet, layout.Training, args.TrainingServiceEndpoints, routeTable)
	if err != nil {
		return nil, err
	}
	comp.AksSubnetID, comp.AksNsgName = pulumi.String("").ToStringOutput(), pulumi.String("").ToStringOutput()
	if args.AksSubnet != nil {
		comp.AksSubnetID, comp.AksNsgName, err = subnet("aks", *args.AksSubnet, layout.Aks, nil, nil)
		if err != nil {
			return nil, err
		}
	}
	comp.PrivateEndpointSubnetID = pulumi.String("").ToStringOutput()
	if args.PrivateEndpointSubnet != nil {
		comp.PrivateEndpointSubnetID, _, err = subnet("pe", *args.PrivateEndpointSubnet, layout.PrivateEndpoints, nil, nil)
		if err != nil {
			return nil, err
		}
	}
	comp.RouteTableName = pulumi.String("").ToStringOutput()
	if routeTable != nil {
		comp.RouteTableName = routeTable.Name
	}
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"resourceGroupName":       comp.ResourceGroupName,
		"vnetId":                  comp.VnetID,
		"vnetName":                comp.VnetName,
		"trainingSubnetId":        comp.TrainingSubnetID,
		"trainingNsgName":         comp.TrainingNsgName,
		"aksSubnetId":             comp.AksSubnetID,
		"privateEndpointSubnetId": comp.PrivateEndpointSubnetID,
		"aksNsgName":              comp.AksNsgName,
		"routeTableName":          comp.RouteTableName,
	}); err != nil {
		return nil, err
	}
	return comp, nil
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

// mustRegion is used after validation has accepted the location.
func mustRegion(location string) string {
	r, err := netplan.CanonicalRegion(location)
	if err != nil {
		return location
	}
	return r
}

func mustPrefix(s string) netip.Prefix {
	p, err := netplan.ParsePrefix(s)
	if err != nil {
		panic(err)
	}
	return p
}
