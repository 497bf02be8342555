package pulumitest

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/standin"
)

// TestMocksAnswerAsTheStandIn: IDs, outputs and VNet lookups come from the
// stand-in's code, for the mocks' subscription and tenant.
func TestMocksAnswerAsTheStandIn(t *testing.T) {
	m := &Mocks{VirtualNetworks: standin.VirtualNetworkFixtures{
		"corp/vnet": {Location: "eastus2", AddressSpace: []string{"10.50.0.0/16"}, Subnets: map[string]string{"ml": "10.50.1.0/24", "web": "10.50.2.0/24"}, Delegated: []string{"web"}},
	}}
	ids := map[string]chan string{"subnet": make(chan string, 1), "ws": make(chan string, 1), "principal": make(chan string, 1)}
	send := func(key string, o pulumi.StringOutput) { o.ApplyT(func(s string) string { ids[key] <- s; return s }) }
	var delegations int
	err := m.Run(func(ctx *pulumi.Context) error {
		vnet, err := network.LookupVirtualNetwork(ctx, &network.LookupVirtualNetworkArgs{ResourceGroupName: "CORP", VirtualNetworkName: "vnet"})
		if err != nil {
			return err
		}
		for _, s := range vnet.Subnets {
			delegations += len(s.Delegations)
		}
		sn, err := network.NewSubnet(ctx, "training", &network.SubnetArgs{
			ResourceGroupName: pulumi.String("rg"), VirtualNetworkName: pulumi.String("v"), AddressPrefix: pulumi.String("10.20.0.0/24"),
		})
		if err != nil {
			return err
		}
		send("subnet", sn.ID().ToStringOutput())
		ws, err := azureml.NewWorkspace(ctx, "ws", &azureml.WorkspaceArgs{
			ResourceGroupName: pulumi.String("rg"), WorkspaceName: pulumi.String("mlw"),
			Identity: &azureml.ManagedServiceIdentityArgs{Type: azureml.ManagedServiceIdentityTypeSystemAssigned},
		})
		if err != nil {
			return err
		}
		send("ws", ws.ID().ToStringOutput())
		send("principal", ws.PrincipalId())
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if delegations != 1 {
		t.Errorf("the delegated subnet comes with %d delegations in all, want 1", delegations)
	}
	prefix := "/subscriptions/" + SubscriptionID + "/resourceGroups/rg/providers/"
	for key, want := range map[string]string{
		"subnet": prefix + "Microsoft.Network/virtualNetworks/v/subnets/training", // no name input: the resource's name
		"ws":     prefix + "Microsoft.MachineLearningServices/workspaces/mlw",
	} {
		if got := <-ids[key]; got != want {
			t.Errorf("%s id %q, want %q", key, got, want)
		}
	}
	if p := <-ids["principal"]; p == "" {
		t.Error("the workspace's system-assigned identity has no principal id")
	}
}

// TestMocksCheckInputs: a resource azure-native would refuse fails its
// registration, as in the stand-in.
func TestMocksCheckInputs(t *testing.T) {
	m := &Mocks{}
	err := m.Run(func(ctx *pulumi.Context) error {
		_, err := network.NewSecurityRule(ctx, "ssh", &network.SecurityRuleArgs{
			ResourceGroupName: pulumi.String("rg"), NetworkSecurityGroupName: pulumi.String("nsg"),
			Access: pulumi.String("Allow"), Direction: pulumi.String("Inbound"), Protocol: pulumi.String("TCP"), Priority: pulumi.Int(5000),
		})
		return err
	}, nil)
	for _, want := range []string{`azure-native:network:SecurityRule "ssh"`, `property "priority": 5000 is out of range`, `property "protocol": invalid value "TCP"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %s", err, want)
		}
	}
}
