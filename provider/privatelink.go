package main

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// PrivateEndpointsInputs are PrivateEndpoints' inputs in every language:
// components.PrivateEndpointsArgs with the subnet handle as an object
// wired part by part (handles.go).
type PrivateEndpointsInputs struct {
	// Spec lists the endpoints.
	Spec components.PrivateEndpointsSpec `pulumi:"spec"`
	// ResourceGroupName receives the endpoints and zones.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location of the endpoints (the VNet's region).
	Location string `pulumi:"location"`
	// VnetID is linked to every private DNS zone, e.g. Network's vnetId.
	VnetID pulumi.StringInput `pulumi:"vnetId"`
	// Subnet hosts the endpoints: its id and prefix are used, e.g. Network's
	// privateEndpointSubnetId and privateEndpointSubnetPrefix.
	Subnet SubnetRef `pulumi:"subnet"`
	// Targets are the resource IDs the endpoints reach, by the names the
	// endpoints' target fields use.
	Targets map[string]pulumi.StringInput `pulumi:"targets"`
	// Tags for every resource created. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

// PrivateEndpoints is components.PrivateEndpoints under a type of this package.
type PrivateEndpoints components.PrivateEndpoints

// Annotate gives the token.
func (*PrivateEndpoints) Annotate(an infer.Annotator) { an.SetToken("index", "PrivateEndpoints") }

func newPrivateEndpoints(ctx *pulumi.Context, name string, in PrivateEndpointsInputs, opts ...pulumi.ResourceOption) (*PrivateEndpoints, error) {
	r := newReader(ctx)
	args := &components.PrivateEndpointsArgs{
		Spec:              in.Spec,
		ResourceGroupName: in.ResourceGroupName,
		Location:          in.Location,
		VnetID:            in.VnetID,
		Subnet:            r.subnet(components.NewPath("subnet"), in.Subnet),
		Targets:           in.Targets,
		Tags:              in.Tags,
	}
	if err := r.check("PrivateEndpoints", args.Validate); err != nil {
		return nil, err
	}
	comp, err := components.NewPrivateEndpoints(ctx, name, args, opts...)
	if err != nil {
		return nil, err
	}
	return (*PrivateEndpoints)(comp), nil
}
