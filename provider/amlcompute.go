package main

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// AmlComputeInVnetInputs are AmlComputeInVnet's inputs in every language:
// components.AmlComputeInVnetArgs with the handles as objects wired part
// by part (handles.go).
type AmlComputeInVnetInputs struct {
	// Spec of the cluster. Optional: the zero spec is a 0-4 node
	// STANDARD_D2_V2 cluster named "cpucluster" with default outbound.
	Spec *components.AmlComputeSpec `pulumi:"spec,optional"`
	// Attached VMs and HDInsight clusters, reached over SSH from the
	// training subnet. Optional.
	Attached []components.AttachSpec `pulumi:"attached,optional"`
	// Location is the workspace's Azure region, e.g. eastus2.
	Location string `pulumi:"location"`
	// Workspace the compute belongs to, from MLWorkspace's outputs.
	Workspace WorkspaceRef `pulumi:"workspace"`
	// Subnet is the training subnet, from Network's training outputs: its
	// NSG receives the rules and, with forced tunneling, its route table the
	// routes. Required unless managedNetwork, and empty then.
	Subnet *SubnetRef `pulumi:"subnet,optional"`
	// ManagedNetwork: the workspace has a managed virtual network
	// (MLWorkspace's spec.managedNetwork) and the cluster runs in it,
	// without a subnet of ours, public IP, NSG rules or routes, and with no
	// attached machine. Optional. Defaults to false.
	ManagedNetwork bool `pulumi:"managedNetwork,optional"`
	// Tags for the compute. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

// AmlComputeInVnet is components.AmlComputeInVnet under a type of this package.
type AmlComputeInVnet components.AmlComputeInVnet

// Annotate gives the token.
func (*AmlComputeInVnet) Annotate(an infer.Annotator) { an.SetToken("index", "AmlComputeInVnet") }

func newAmlComputeInVnet(ctx *pulumi.Context, name string, in AmlComputeInVnetInputs, opts ...pulumi.ResourceOption) (*AmlComputeInVnet, error) {
	r := newReader(ctx)
	args := &components.AmlComputeInVnetArgs{
		Attached:       in.Attached,
		Location:       in.Location,
		Workspace:      workspace(in.Workspace),
		Tags:           in.Tags,
		ManagedNetwork: in.ManagedNetwork,
	}
	if in.Subnet != nil {
		args.Subnet = r.subnet(components.NewPath("subnet"), *in.Subnet)
	}
	if in.Spec != nil {
		args.Spec = *in.Spec
	}
	if err := r.check("AmlComputeInVnet", args.Validate); err != nil {
		return nil, err
	}
	comp, err := components.NewAmlComputeInVnet(ctx, name, args, opts...)
	if err != nil {
		return nil, err
	}
	return (*AmlComputeInVnet)(comp), nil
}
