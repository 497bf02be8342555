package main

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// SecureKeyVaultInputs are SecureKeyVault's inputs in every language: the
// fields of components.SecureKeyVaultArgs, with the spec behind a pointer.
type SecureKeyVaultInputs struct {
	// Spec of the vault. Optional: the zero spec is a deny-by-default vault.
	Spec *components.SecureKeyVaultSpec `pulumi:"spec,optional"`
	// ResourceGroupName of the vault.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region, e.g. eastus2.
	Location string `pulumi:"location"`
	// TenantID is the Entra ID tenant of the vault.
	TenantID pulumi.StringInput `pulumi:"tenantId"`
	// SubnetIDs get a virtual-network rule each. Required unless
	// spec.privateOnly: at least the training subnet, which needs the
	// Microsoft.KeyVault service endpoint.
	SubnetIDs pulumi.StringArrayInput `pulumi:"subnetIds,optional"`
	// Protect marks the vault protected in Pulumi. Optional. Defaults to false.
	Protect bool `pulumi:"protect,optional"`
	// Tags for the vault. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

// SecureKeyVault is components.SecureKeyVault under a type of this package, which gives it
// its token.
type SecureKeyVault components.SecureKeyVault

// Annotate gives the token. (infer would name the module after the Go
// package, which is "main" in the plugin but the import path in its tests.)
func (*SecureKeyVault) Annotate(an infer.Annotator) { an.SetToken("index", "SecureKeyVault") }

func newSecureKeyVault(ctx *pulumi.Context, name string, in SecureKeyVaultInputs, opts ...pulumi.ResourceOption) (*SecureKeyVault, error) {
	args := &components.SecureKeyVaultArgs{
		ResourceGroupName: in.ResourceGroupName,
		Location:          in.Location,
		TenantID:          in.TenantID,
		SubnetIDs:         in.SubnetIDs,
		Protect:           in.Protect,
		Tags:              in.Tags,
	}
	if in.Spec != nil {
		args.Spec = *in.Spec
	}
	comp, err := components.NewSecureKeyVault(ctx, name, args, opts...)
	if err != nil {
		return nil, err
	}
	return (*SecureKeyVault)(comp), nil
}
