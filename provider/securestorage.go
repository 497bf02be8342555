package main

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// SecureStorageArgs are SecureStorage's inputs in every language: the
// fields of components.SecureStorageArgs with the names the schema uses.
//
// Plain Go values (string, bool, []string, map) become plain inputs: SDKs
// take them only as prompt values, since the component branches on them.
// What comes from other resources is a pulumi.*Input.
type SecureStorageArgs struct {
	ResourceGroupName pulumi.StringInput      `pulumi:"resourceGroupName"`
	Location          string                  `pulumi:"location"`
	AccountName       string                  `pulumi:"accountName,optional"`
	SubnetIDs         pulumi.StringArrayInput `pulumi:"subnetIds,optional"`
	ClientIPRanges    []string                `pulumi:"clientIpRanges,optional"`
	Unrestricted      bool                    `pulumi:"unrestricted,optional"`
	PrivateOnly       bool                    `pulumi:"privateOnly,optional"`
	Sku               string                  `pulumi:"sku,optional"`
	Protect           bool                    `pulumi:"protect,optional"`
	PreviousNames     []string                `pulumi:"previousNames,optional"`
	Tags              map[string]string       `pulumi:"tags,optional"`
}

// Annotate describes each input in the schema, and so in every SDK.
func (a *SecureStorageArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.ResourceGroupName, "Resource group of the account.")
	an.Describe(&a.Location, "Azure region of the account, e.g. eastus2.")
	an.Describe(&a.AccountName, "Globally unique account name (3-24 lower-case letters and digits). Defaults to Pulumi's auto-naming from the component name.")
	an.Describe(&a.SubnetIDs, "Subnets that get a virtual-network rule each: the subnets that run experiments. Required unless unrestricted or privateOnly. Each subnet needs the Microsoft.Storage service endpoint.")
	an.Describe(&a.ClientIPRanges, "Developers' public IP addresses or CIDRs let through the firewall to use the SDK. Private ranges are refused, as Azure refuses them.")
	an.Describe(&a.Unrestricted, "Makes the account reachable from all networks, as an account used for inference (model scoring) must be. Defaults to false: deny by default.")
	an.Describe(&a.PrivateOnly, "Turns public network access off: the account is reached through private endpoints only, and takes no VNet or IP rules. Defaults to false.")
	an.Describe(&a.Sku, "SKU of the account. Defaults to Standard_LRS.")
	an.Describe(&a.Protect, "Marks the account protected in Pulumi. Defaults to false.")
	an.Describe(&a.PreviousNames, "Names this component had before a rename; pass them together with an alias on the component, since the account's logical name is derived from the component's.")
	an.Describe(&a.Tags, "Tags for the account.")
}

// SecureStorage is the component's outputs: components.SecureStorage under
// a type of this package, so that it can carry descriptions.
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
