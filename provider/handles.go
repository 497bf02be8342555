package main

// The handles of the package. In Go, AmlComputeInVnet, AksInVnet and
// PrivateEndpoints take typed handles (components.SubnetRef,
// components.WorkspaceRef, *components.NetworkLayout) that Network and
// MLWorkspace return as Go values. A handle cannot cross the language
// boundary as one value: in a preview, an output of another component that
// holds any unknown (a subnet's ID before the subnet exists) reaches the
// plugin unknown as a whole, and the component could not check the
// subnet's range then. So in the package a handle is an object whose parts
// the program wires one by one from the flat outputs of Network and
// MLWorkspace (network.trainingSubnetId, network.trainingSubnetPrefix, ...):
// the IDs and names stay outputs, which orders the creation; the parts the
// component branches on (a subnet's name and range, the VNet's plan) are
// read when the component is constructed, and must be known then, as
// Network's are (from its plan, also in a preview).

import (
	"context"
	"net/netip"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/amlvnet/amlvnet/components"
)

// SubnetRef is a subnet as a component placed in it takes it: wire its
// parts from Network's outputs (trainingSubnetId, trainingSubnetPrefix,
// trainingNsgName, ...) or give those of a subnet of your own.
type SubnetRef struct {
	// Name of the subnet. Read when the component is constructed. Optional;
	// AksInVnet's legacy AKS compute needs it with an internal load balancer.
	Name pulumi.StringInput `pulumi:"name,optional"`
	// Prefix is the subnet's address range (CIDR), e.g. Network's
	// trainingSubnetPrefix. Read when the component is constructed, to check
	// capacity and rules: it must be known then, also in a preview.
	Prefix pulumi.StringInput `pulumi:"prefix"`
	// ID is the subnet's ARM ID, e.g. Network's trainingSubnetId.
	ID pulumi.StringInput `pulumi:"id"`
	// ResourceGroupName holds the subnet's NSG, e.g. Network's
	// trainingNsgResourceGroupName. Required by AmlComputeInVnet and
	// AksInVnet.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName,optional"`
	// NsgName is the subnet's NSG, which receives the component's rules,
	// e.g. Network's trainingNsgName. Required by AmlComputeInVnet and
	// AksInVnet.
	NsgName pulumi.StringInput `pulumi:"nsgName,optional"`
	// RouteTableName is the subnet's route table, e.g. Network's
	// routeTableName; required by AmlComputeInVnet with forced tunneling.
	// Optional.
	RouteTableName pulumi.StringInput `pulumi:"routeTableName,optional"`
	// RouteTableResourceGroupName holds the route table. Optional. Defaults
	// to resourceGroupName.
	RouteTableResourceGroupName pulumi.StringInput `pulumi:"routeTableResourceGroupName,optional"`
	// ExistingRules are rules already on the subnet's NSG (an adopted
	// subnet's own), which the component's rules must not collide with.
	// Optional.
	ExistingRules []ExistingRule `pulumi:"existingRules,optional"`
	// DefaultRoute is the next hop type of the subnet's own default route
	// (0.0.0.0/0), e.g. VirtualAppliance; empty when it has none. Optional.
	DefaultRoute string `pulumi:"defaultRoute,optional"`
}

// Annotate gives the type its token.
func (*SubnetRef) Annotate(a infer.Annotator) { a.SetToken("index", "SubnetRef") }

// ExistingRule is a rule already on the NSG of an adopted subnet.
type ExistingRule struct {
	// Name of the rule.
	Name string `pulumi:"name"`
	// Direction is Inbound or Outbound.
	Direction string `pulumi:"direction"`
	// Priority of the rule (100-4096).
	Priority int `pulumi:"priority"`
}

// Annotate gives the type its token.
func (*ExistingRule) Annotate(a infer.Annotator) { a.SetToken("index", "ExistingRule") }

// WorkspaceRef is a workspace as a compute attached to it takes it: wire
// its parts from MLWorkspace's outputs (resourceGroupName, workspaceName,
// principalId, registryId, storageAccountId).
type WorkspaceRef struct {
	// ResourceGroupName of the workspace.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Name of the workspace.
	Name pulumi.StringInput `pulumi:"name"`
	// PrincipalID of the workspace's identity. Required by a Kubernetes
	// inference compute, which grants roles with it.
	PrincipalID pulumi.StringInput `pulumi:"principalId,optional"`
	// RegistryID of the workspace's container registry. Required by a
	// Kubernetes inference compute.
	RegistryID pulumi.StringInput `pulumi:"registryId,optional"`
	// StorageAccountID of the workspace's default storage. Required by a
	// Kubernetes inference compute.
	StorageAccountID pulumi.StringInput `pulumi:"storageAccountId,optional"`
}

// Annotate gives the type its token.
func (*WorkspaceRef) Annotate(a infer.Annotator) { a.SetToken("index", "WorkspaceRef") }

// NetworkLayout is the VNet's address plan, which AKS's service range and
// docker bridge must avoid: wire it from Network's outputs (addressSpace,
// trainingSubnetPrefix, aksSubnetPrefix, privateEndpointSubnetPrefix,
// otherSubnetPrefixes). Every part is read when the component is
// constructed and must be known then.
type NetworkLayout struct {
	// AddressSpace is the VNet's address prefixes.
	AddressSpace pulumi.StringArrayInput `pulumi:"addressSpace"`
	// Training is the training subnet's range.
	Training pulumi.StringInput `pulumi:"training"`
	// Aks is the AKS subnet's range. Optional.
	Aks pulumi.StringInput `pulumi:"aks,optional"`
	// PrivateEndpoints is the private-endpoint subnet's range. Optional.
	PrivateEndpoints pulumi.StringInput `pulumi:"privateEndpoints,optional"`
	// OtherSubnets are the ranges of the VNet's other subnets. Optional.
	OtherSubnets pulumi.StringArrayInput `pulumi:"otherSubnets,optional"`
}

// Annotate gives the type its token.
func (*NetworkLayout) Annotate(a infer.Annotator) { a.SetToken("index", "NetworkLayout") }

// ScoringStorageRef is a storage account that scoring reads from, e.g. a
// SecureStorage with unrestricted: true.
type ScoringStorageRef struct {
	// ResourceGroupName of the account.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// AccountName of the account, e.g. SecureStorage's accountName.
	AccountName pulumi.StringInput `pulumi:"accountName"`
	// AccountID of the account, e.g. SecureStorage's accountId.
	AccountID pulumi.StringInput `pulumi:"accountId"`
}

// Annotate gives the type its token.
func (*ScoringStorageRef) Annotate(a infer.Annotator) { a.SetToken("index", "ScoringStorageRef") }

// reader reads the parts of handles that a component branches on, and
// collects the problems of what it reads.
type reader struct {
	ctx context.Context
	ps  components.Problems
}

func newReader(ctx *pulumi.Context) *reader { return &reader{ctx: ctx.Context()} }

// await resolves o; ok is false, with a problem at p, when it is unknown.
func (r *reader) await(p *components.Path, o pulumi.Output) (any, bool) {
	res, err := internals.UnsafeAwaitOutput(r.ctx, o)
	switch {
	case err != nil:
		r.ps.Add(p, "cannot be read: %v", err)
		return nil, false
	case !res.Known:
		r.ps.Add(p, "is unknown when the component is constructed; give a value known then, also in a preview, such as Network's outputs of its plan")
		return nil, false
	}
	return res.Value, true
}

// str reads a string input; "" when it is not given.
func (r *reader) str(p *components.Path, in pulumi.StringInput) string {
	if in == nil {
		return ""
	}
	v, ok := r.await(p, in.ToStringOutput())
	if !ok {
		return ""
	}
	s, _ := v.(string)
	return s
}

// prefix reads an address range; the zero Prefix when it is not given (the
// component reports it if required) or not a range (reported here).
func (r *reader) prefix(p *components.Path, in pulumi.StringInput) netip.Prefix {
	s := r.str(p, in)
	if s == "" {
		return netip.Prefix{}
	}
	pf, err := netip.ParsePrefix(s)
	if err != nil {
		r.ps.Add(p, "%q is not an address range in CIDR notation, e.g. 10.20.0.0/24", s)
		return netip.Prefix{}
	}
	if pf.Masked() != pf {
		r.ps.Add(p, "%q has host bits set; the range is %s", s, pf.Masked())
		return netip.Prefix{}
	}
	return pf
}

// prefixes reads a list of address ranges.
func (r *reader) prefixes(p *components.Path, in pulumi.StringArrayInput) []netip.Prefix {
	if in == nil {
		return nil
	}
	v, ok := r.await(p, in.ToStringArrayOutput())
	if !ok {
		return nil
	}
	ss, _ := v.([]string)
	var out []netip.Prefix
	for i, s := range ss {
		if pf := r.prefix(p.Index(i), pulumi.String(s)); pf.IsValid() {
			out = append(out, pf)
		}
	}
	return out
}

// subnet converts the handle at p.
func (r *reader) subnet(p *components.Path, s SubnetRef) components.SubnetRef {
	ref := components.SubnetRef{
		Name:                        r.str(p.Child("name"), s.Name),
		Prefix:                      r.prefix(p.Child("prefix"), s.Prefix),
		ID:                          s.ID,
		ResourceGroupName:           s.ResourceGroupName,
		NsgName:                     s.NsgName,
		RouteTableName:              s.RouteTableName,
		RouteTableResourceGroupName: s.RouteTableResourceGroupName,
		DefaultRoute:                s.DefaultRoute,
	}
	for _, e := range s.ExistingRules {
		ref.ExistingRules = append(ref.ExistingRules, components.ExistingRule{Name: e.Name, Direction: e.Direction, Priority: e.Priority})
	}
	return ref
}

// layout converts the handle at p; nil when it is not given.
func (r *reader) layout(p *components.Path, l *NetworkLayout) *components.NetworkLayout {
	if l == nil {
		return nil
	}
	return &components.NetworkLayout{
		AddressSpace:     r.prefixes(p.Child("addressSpace"), l.AddressSpace),
		Training:         r.prefix(p.Child("training"), l.Training),
		Aks:              r.prefix(p.Child("aks"), l.Aks),
		PrivateEndpoints: r.prefix(p.Child("privateEndpoints"), l.PrivateEndpoints),
		OtherSubnets:     r.prefixes(p.Child("otherSubnets"), l.OtherSubnets),
	}
}

// workspace converts the handle.
func workspace(w WorkspaceRef) components.WorkspaceRef {
	return components.WorkspaceRef{
		ResourceGroupName: w.ResourceGroupName,
		Name:              w.Name,
		PrincipalID:       w.PrincipalID,
		RegistryID:        w.RegistryID,
		StorageAccountID:  w.StorageAccountID,
	}
}

// check returns, when reading the handles found problems, one error with
// those and every problem of the component's own validation, named
// component; nil when the handles were read without problems (the
// component then validates itself as it is constructed). A part the reader
// could not read is left empty, so the component's own problem at the same
// path ("is required") is dropped.
func (r *reader) check(component string, validate func() components.Problems) error {
	if len(r.ps) == 0 {
		return nil
	}
	seen := map[string]bool{}
	for _, p := range r.ps {
		seen[p.Path] = true
	}
	all := r.ps
	for _, p := range validate() {
		if !seen[p.Path] {
			all = append(all, p)
		}
	}
	return all.Err(component)
}
