package main

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// SecureStorageArgs are SecureStorage's inputs in every language: the
// fields of components.SecureStorageArgs with the names the schema uses.
// The doc comments of the fields are the inputs' descriptions in the schema
// (go generate collects them into descriptions_gen.go).
//
// Plain Go values (string, bool, []string, map) become plain inputs: SDKs
// take them only as prompt values, since the component branches on them.
// What comes from other resources is a pulumi.*Input.
type SecureStorageArgs struct {
	// ResourceGroupName of the account.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region of the account, e.g. eastus2.
	Location string `pulumi:"location"`
	// AccountName is the globally unique account name (3-24 lower-case
	// letters and digits). Defaults to Pulumi's auto-naming from the
	// component name.
	AccountName string `pulumi:"accountName,optional"`
	// SubnetIDs get a virtual-network rule each: the subnets that run
	// experiments. Required unless unrestricted or privateOnly. Each subnet
	// needs the Microsoft.Storage service endpoint.
	SubnetIDs pulumi.StringArrayInput `pulumi:"subnetIds,optional"`
	// ClientIPRanges are developers' public IP addresses or CIDRs let
	// through the firewall to use the SDK. Private ranges are refused, as
	// Azure refuses them.
	ClientIPRanges []string `pulumi:"clientIpRanges,optional"`
	// Unrestricted makes the account reachable from all networks, as an
	// account used for inference (model scoring) must be. Defaults to
	// false: deny by default.
	Unrestricted bool `pulumi:"unrestricted,optional"`
	// PrivateOnly turns public network access off: the account is reached
	// through private endpoints only, and takes no VNet or IP rules.
	// Defaults to false.
	PrivateOnly bool `pulumi:"privateOnly,optional"`
	// Sku of the account. Defaults to Standard_LRS.
	Sku string `pulumi:"sku,optional"`
	// Protect marks the account protected in Pulumi. Defaults to false.
	Protect bool `pulumi:"protect,optional"`
	// PreviousNames are names this component had before a rename; pass them
	// together with an alias on the component, since the account's logical
	// name is derived from the component's.
	PreviousNames []string `pulumi:"previousNames,optional"`
	// Tags for the account.
	Tags map[string]string `pulumi:"tags,optional"`
}

// SecureStorage is the component's outputs: components.SecureStorage under
// a type of this package, so that it can carry a token and descriptions
// (the library's output fields have no doc comments yet).
type SecureStorage components.SecureStorage

// Annotate gives the token and describes the component and its outputs.
func (s *SecureStorage) Annotate(an infer.Annotator) {
	// Explicit: infer would name the module after the Go package, which is
	// "main" in the plugin but the import path in its tests.
	an.SetToken("index", "SecureStorage")
	an.Describe(s, "A storage account for an Azure ML workspace, locked to the VNet: deny by default, a VNet rule per subnet, trusted Azure services, developers' public IPs, HTTPS only, TLS 1.2, no anonymous blob access. Or, for inference, deliberately open. Every input is checked before anything is created, and all problems are reported together.")
	an.Describe(&s.AccountID, "ARM ID of the storage account.")
	an.Describe(&s.AccountName, "Name of the storage account.")
	an.Describe(&s.PrimaryBlobEndpoint, "Primary blob endpoint of the account.")
}

func newSecureStorage(ctx *pulumi.Context, name string, args SecureStorageArgs, opts ...pulumi.ResourceOption) (*SecureStorage, error) {
	comp, err := components.NewSecureStorage(ctx, name, &components.SecureStorageArgs{
		ResourceGroupName: args.ResourceGroupName,
		Location:          args.Location,
		AccountName:       args.AccountName,
		SubnetIDs:         args.SubnetIDs,
		ClientIPRanges:    args.ClientIPRanges,
		Unrestricted:      args.Unrestricted,
		PrivateOnly:       args.PrivateOnly,
		Sku:               args.Sku,
		Protect:           args.Protect,
		PreviousNames:     args.PreviousNames,
		Tags:              args.Tags,
	}, opts...)
	if err != nil {
		return nil, err
	}
	return (*SecureStorage)(comp), nil
}
