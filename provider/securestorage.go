package main

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// SecureStorageInputs are SecureStorage's inputs in every language: the
// fields of components.SecureStorageArgs, with the spec behind a pointer
// (the schema takes an optional object only so).
type SecureStorageInputs struct {
	// Spec of the account. Optional: the zero spec is a deny-by-default
	// Standard_LRS account.
	Spec *components.SecureStorageSpec `pulumi:"spec,optional"`
	// ResourceGroupName of the account.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region, e.g. eastus2.
	Location string `pulumi:"location"`
	// SubnetIDs get a virtual-network rule each: the subnets that run
	// experiments. Required unless spec.unrestricted or spec.privateOnly.
	// Each subnet needs the Microsoft.Storage service endpoint (Network
	// adds it).
	SubnetIDs pulumi.StringArrayInput `pulumi:"subnetIds,optional"`
	// TrustedResources get a resource-instance rule each, in tenantId:
	// resources the firewall lets in by identity, such as the workspace.
	// Optional; ignored when unrestricted.
	TrustedResources pulumi.StringArrayInput `pulumi:"trustedResources,optional"`
	// TenantID is the Entra ID tenant of trustedResources. Required with them.
	TenantID pulumi.StringInput `pulumi:"tenantId,optional"`
	// Protect marks the account protected in Pulumi. Optional. Defaults to false.
	Protect bool `pulumi:"protect,optional"`
	// PreviousNames are names this component had before a rename; give them
	// with an alias on the component, since the account's logical name is
	// derived from the component's. Optional.
	PreviousNames []string `pulumi:"previousNames,optional"`
	// Tags for the account. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

// SecureStorage is components.SecureStorage under a type of this package, which gives it
// its token.
type SecureStorage components.SecureStorage

// Annotate gives the token. (infer would name the module after the Go
// package, which is "main" in the plugin but the import path in its tests.)
func (*SecureStorage) Annotate(an infer.Annotator) { an.SetToken("index", "SecureStorage") }

func newSecureStorage(ctx *pulumi.Context, name string, in SecureStorageInputs, opts ...pulumi.ResourceOption) (*SecureStorage, error) {
	args := &components.SecureStorageArgs{
		ResourceGroupName: in.ResourceGroupName,
		Location:          in.Location,
		SubnetIDs:         in.SubnetIDs,
		TrustedResources:  in.TrustedResources,
		TenantID:          in.TenantID,
		Protect:           in.Protect,
		PreviousNames:     in.PreviousNames,
		Tags:              in.Tags,
	}
	if in.Spec != nil {
		args.Spec = *in.Spec
	}
	comp, err := components.NewSecureStorage(ctx, name, args, opts...)
	if err != nil {
		return nil, err
	}
	return (*SecureStorage)(comp), nil
}
