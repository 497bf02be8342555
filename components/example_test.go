package components_test

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

// A user's own Pulumi program: it already has a VNet and a subnet with the
// Microsoft.Storage and Microsoft.KeyVault service endpoints, and takes a
// locked-down storage account and key vault for its ML workspace from
// amlvnet. Here it runs under mocks; with `pulumi up` the same code deploys.
func Example_composeStorageAndVault() {
	const subnet = "/subscriptions/1111/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/corp/subnets/ml"
	program := func(ctx *pulumi.Context) error {
		store, err := components.NewSecureStorage(ctx, "ml-storage", &components.SecureStorageArgs{
			ResourceGroupName: pulumi.String("ml-rg"),
			Location:          "westeurope",
			SubnetIDs:         pulumi.StringArray{pulumi.String(subnet)},
			Spec:              components.SecureStorageSpec{ClientIPRanges: []string{"203.0.113.10"}},
		})
		if err != nil {
			return err
		}
		vault, err := components.NewSecureKeyVault(ctx, "ml-vault", &components.SecureKeyVaultArgs{
			ResourceGroupName: pulumi.String("ml-rg"),
			Location:          "westeurope",
			TenantID:          pulumi.String("00000000-0000-0000-0000-0000000000aa"),
			SubnetIDs:         pulumi.StringArray{pulumi.String(subnet)},
		})
		if err != nil {
			return err
		}
		ctx.Export("storage", store.AccountName)
		ctx.Export("vault", vault.VaultName)
		return nil
	}

	mocks := &pulumitest.Mocks{}
	if err := mocks.Run(program, nil); err != nil {
		fmt.Println("error:", err)
		return
	}
	sa := mocks.OfType("azure-native:storage:StorageAccount")[0]
	kv := mocks.OfType("azure-native:keyvault:Vault")[0]
	fmt.Println("storage default action:", sa.String("networkRuleSet.defaultAction"), "bypass:", sa.String("networkRuleSet.bypass"))
	fmt.Println("storage TLS:", sa.String("minimumTlsVersion"))
	fmt.Println("vault default action:", kv.String("properties.networkAcls.defaultAction"), "bypass:", kv.String("properties.networkAcls.bypass"))

	// A bad input never reaches Azure: every problem is reported at once.
	err := mocks.Run(func(ctx *pulumi.Context) error {
		_, err := components.NewSecureStorage(ctx, "bad", &components.SecureStorageArgs{
			ResourceGroupName: pulumi.String("ml-rg"),
			Location:          "westeurope",
			SubnetIDs:         pulumi.StringArray{pulumi.String(subnet)},
			Spec:              components.SecureStorageSpec{ClientIPRanges: []string{"10.1.2.3", "203.0.113.0/33"}},
		})
		return err
	}, nil)
	for _, p := range components.ProblemsOf(err) {
		fmt.Println("problem:", p.Path)
	}
	// Output:
	// storage default action: Deny bypass: AzureServices
	// storage TLS: TLS1_2
	// vault default action: Deny bypass: AzureServices
	// problem: spec.clientIpRanges[0]
	// problem: spec.clientIpRanges[1]
}
