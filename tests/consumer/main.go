// Command amlvnet-consumer is a Go Pulumi program of a user of amlvnet's
// components. tests/consumer_test.go lists what it compiles: the
// component package's plugin (pulumi-go-provider, pkg/v3) must not be
// among it.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		store, err := components.NewSecureStorage(ctx, "ml-storage", &components.SecureStorageArgs{
			ResourceGroupName: pulumi.String("amlvnet"),
			Location:          "westeurope",
			SubnetIDs:         pulumi.StringArray{pulumi.String("/subscriptions/s/resourceGroups/amlvnet/providers/Microsoft.Network/virtualNetworks/v/subnets/training")},
		})
		if err != nil {
			return err
		}
		ctx.Export("storageAccountId", store.AccountID)
		return nil
	})
}
