package main

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// AksInVnetInputs are AksInVnet's inputs in every language:
// components.AksInVnetArgs with the handles as objects wired part by part
// (handles.go).
type AksInVnetInputs struct {
	// Spec of the cluster: at least its scoringSources and, for HTTPS
	// scoring on a Kubernetes compute, its inference TLS settings.
	Spec components.AksSpec `pulumi:"spec"`
	// ResourceGroupName of the cluster and its identities.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region; it must be the VNet's.
	Location string `pulumi:"location"`
	// Workspace the cluster is attached to, from MLWorkspace's outputs; a
	// Kubernetes compute also needs its principalId, registryId and
	// storageAccountId.
	Workspace WorkspaceRef `pulumi:"workspace"`
	// Subnet is the AKS subnet, from Network's aks outputs; its NSG
	// receives the rules.
	Subnet SubnetRef `pulumi:"subnet"`
	// Layout is the VNet's address plan, from Network's outputs, which the
	// service range and the docker bridge must avoid.
	Layout *NetworkLayout `pulumi:"layout"`
	// ScoringStorage is registered with the workspace as a datastore that
	// scoring reads. Optional.
	ScoringStorage *ScoringStorageRef `pulumi:"scoringStorage,optional"`
	// Tags for the cluster and the compute. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

// AksInVnet is components.AksInVnet under a type of this package.
type AksInVnet components.AksInVnet

// Annotate gives the token.
func (*AksInVnet) Annotate(an infer.Annotator) { an.SetToken("index", "AksInVnet") }

func newAksInVnet(ctx *pulumi.Context, name string, in AksInVnetInputs, opts ...pulumi.ResourceOption) (*AksInVnet, error) {
	r := newReader(ctx)
	args := &components.AksInVnetArgs{
		Spec:              in.Spec,
		ResourceGroupName: in.ResourceGroupName,
		Location:          in.Location,
		Workspace:         workspace(in.Workspace),
		Subnet:            r.subnet(components.NewPath("subnet"), in.Subnet),
		Layout:            r.layout(components.NewPath("layout"), in.Layout),
		Tags:              in.Tags,
	}
	if s := in.ScoringStorage; s != nil {
		args.ScoringStorage = &components.ScoringStorageRef{ResourceGroupName: s.ResourceGroupName, AccountName: s.AccountName, AccountID: s.AccountID}
	}
	if err := r.check("AksInVnet", args.Validate); err != nil {
		return nil, err
	}
	comp, err := components.NewAksInVnet(ctx, name, args, opts...)
	if err != nil {
		return nil, err
	}
	return (*AksInVnet)(comp), nil
}
