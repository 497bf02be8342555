package program

import (
	"fmt"

	authorization "github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	resources "github.com/pulumi/pulumi-azure-native-sdk/resources/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// deploy creates the resources of a validated plan, each component taking
// the handles of the ones it builds on.
func (p *plan) deploy(ctx *pulumi.Context) error {
	cfg := p.cfg
	client, err := authorization.GetClientConfig(ctx)
	if err != nil {
		return fmt.Errorf("reading the Azure client configuration (tenant and subscription): %w", err)
	}
	rg, err := resources.NewResourceGroup(ctx, "resource-group", &resources.ResourceGroupArgs{
		ResourceGroupName: pulumi.String(cfg.ResourceGroup),
		Location:          pulumi.String(p.region),
		Tags:              pulumi.ToStringMap(cfg.Tags),
	}, pulumi.Protect(cfg.Protect))
	if err != nil {
		return err
	}

	net, err := components.NewNetwork(ctx, "network", &components.NetworkArgs{
		Spec:              cfg.Network.NetworkSpec,
		Location:          cfg.Location,
		ResourceGroupName: rg.Name,
		Tags:              cfg.Tags,
		Layout:            p.layout,
	})
	if err != nil {
		return err
	}
	training := pulumi.StringArray{net.Training.ID}

	store, err := components.NewSecureStorage(ctx, "workspace-storage", &components.SecureStorageArgs{
		Spec:              cfg.Storage,
		ResourceGroupName: rg.Name,
		Location:          cfg.Location,
		SubnetIDs:         training,
		Protect:           cfg.Protect,
		Tags:              cfg.Tags,
	})
	if err != nil {
		return err
	}
	if cfg.InferenceStorage.Enabled {
		inference, err := components.NewSecureStorage(ctx, "inference-storage", &components.SecureStorageArgs{
			Spec:              cfg.InferenceStorage.SecureStorageSpec,
			ResourceGroupName: rg.Name,
			Location:          cfg.Location,
			Protect:           cfg.Protect,
			Tags:              cfg.Tags,
		})
		if err != nil {
			return err
		}
		ctx.Export("inferenceStorageAccount", inference.AccountName)
	}
	vault, err := components.NewSecureKeyVault(ctx, "key-vault", &components.SecureKeyVaultArgs{
		Spec:              cfg.KeyVault,
		ResourceGroupName: rg.Name,
		Location:          cfg.Location,
		TenantID:          pulumi.String(client.TenantId),
		SubnetIDs:         training,
		Protect:           cfg.Protect,
		Tags:              cfg.Tags,
	})
	if err != nil {
		return err
	}
	ws, err := components.NewMLWorkspace(ctx, "workspace", &components.MLWorkspaceArgs{
		Spec:              cfg.Workspace.MLWorkspaceSpec,
		ResourceGroupName: rg.Name,
		Location:          cfg.Location,
		StorageAccountID:  store.AccountID,
		KeyVaultID:        vault.VaultID,
		Protect:           cfg.Protect,
		Tags:              cfg.Tags,
	})
	if err != nil {
		return err
	}

	// Behind private endpoints the computes wait for the workspace's.
	workspace := ws.Ref()
	if p.private != nil {
		private, err := components.NewPrivateEndpoints(ctx, "private-endpoints", &components.PrivateEndpointsArgs{
			Spec:              *p.private,
			ResourceGroupName: rg.Name,
			Location:          cfg.Location,
			VnetID:            net.VnetID,
			Subnet:            *net.PrivateEndpoints,
			Targets: map[string]pulumi.StringInput{
				targetWorkspace: ws.WorkspaceID,
				targetStorage:   store.AccountID,
				targetKeyVault:  vault.VaultID,
				targetRegistry:  ws.RegistryID,
			},
			Tags: cfg.Tags,
		})
		if err != nil {
			return err
		}
		ctx.Export("privateDnsZones", private.ZoneNames)
		workspace.Ready = []pulumi.Resource{private}
	}
	compute, err := components.NewAmlComputeInVnet(ctx, "training", &components.AmlComputeInVnetArgs{
		Spec:      cfg.Compute.AmlComputeSpec,
		Attached:  cfg.Attach,
		Location:  cfg.Location,
		Workspace: workspace,
		Subnet:    net.Training,
		Tags:      cfg.Tags,
	})
	if err != nil {
		return err
	}
	if cfg.Aks.Enabled {
		aks, err := components.NewAksInVnet(ctx, "inference", &components.AksInVnetArgs{
			Spec:              cfg.Aks.AksSpec,
			ResourceGroupName: rg.Name,
			Location:          cfg.Location,
			Workspace:         ws.Ref(),
			Subnet:            *net.Aks,
			Layout:            &net.Layout,
			Tags:              cfg.Tags,
		})
		if err != nil {
			return err
		}
		ctx.Export("aksClusterName", aks.ClusterName)
		ctx.Export("aksComputeId", aks.ComputeID)
	}

	ctx.Export("resourceGroup", rg.Name)
	ctx.Export("vnetId", net.VnetID)
	ctx.Export("trainingSubnetId", net.TrainingSubnetID)
	ctx.Export("storageAccount", store.AccountName)
	ctx.Export("keyVault", vault.VaultName)
	ctx.Export("workspaceName", ws.WorkspaceName)
	ctx.Export("workspaceId", ws.WorkspaceID)
	ctx.Export("discoveryUrl", ws.DiscoveryURL)
	ctx.Export("computeName", compute.ComputeName)
	ctx.Export("region", pulumi.String(p.region))
	return nil
}
