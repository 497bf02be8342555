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

	// A managed network is Azure ML's: no VNet, subnet, NSG or route of ours.
	var net *components.Network
	// The storage and vault firewalls admit the training subnet, and the
	// AKS subnet, whose inference reads them too; with private endpoints
	// they take no VNet rules. Nil with a managed network: no subnet of ours.
	var admitted pulumi.StringArrayInput
	if p.managed == nil {
		net, err = components.NewNetwork(ctx, "network", &components.NetworkArgs{
			Spec:              cfg.Network.NetworkSpec,
			Location:          cfg.Location,
			ResourceGroupName: rg.Name,
			Tags:              cfg.Tags,
			Layout:            p.layout,
		})
		if err != nil {
			return err
		}
		subnets := pulumi.StringArray{net.Training.ID}
		if net.Aks != nil && !p.isolated {
			subnets = append(subnets, net.Aks.ID)
		}
		admitted = subnets
	}
	if err := p.logWarnings(ctx); err != nil {
		return err
	}

	// The workspace is let through the storage firewall by its identity
	// (a resource-instance rule): its ID is known before it exists.
	workspaceID := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.MachineLearningServices/workspaces/%s",
		client.SubscriptionId, cfg.ResourceGroup, cfg.Workspace.WithDefaults().Name)
	store, err := components.NewSecureStorage(ctx, "workspace-storage", &components.SecureStorageArgs{
		Spec:              cfg.Storage,
		ResourceGroupName: rg.Name,
		Location:          cfg.Location,
		SubnetIDs:         admitted,
		TrustedResources:  pulumi.StringArray{pulumi.String(workspaceID)},
		TenantID:          pulumi.String(client.TenantId),
		Protect:           cfg.Protect,
		Tags:              cfg.Tags,
	})
	if err != nil {
		return err
	}
	ruleTargets := map[string]components.RuleTarget{}
	var scoring *components.ScoringStorageRef
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
		ruleTargets[targetInferenceStorage] = components.RuleTarget{Type: storageAccountType, ID: inference.AccountID}
		scoring = &components.ScoringStorageRef{ResourceGroupName: rg.Name, AccountName: inference.AccountName, AccountID: inference.AccountID}
	}
	vault, err := components.NewSecureKeyVault(ctx, "key-vault", &components.SecureKeyVaultArgs{
		Spec:              cfg.KeyVault,
		ResourceGroupName: rg.Name,
		Location:          cfg.Location,
		TenantID:          pulumi.String(client.TenantId),
		SubnetIDs:         admitted,
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
		RuleTargets:       ruleTargets,
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
	computeArgs := &components.AmlComputeInVnetArgs{
		Spec:           cfg.Compute.AmlComputeSpec,
		Attached:       cfg.Attach,
		Location:       cfg.Location,
		Workspace:      workspace,
		ManagedNetwork: p.managed != nil,
		Tags:           cfg.Tags,
	}
	if net != nil {
		computeArgs.Subnet = net.Training
	}
	compute, err := components.NewAmlComputeInVnet(ctx, "training", computeArgs)
	if err != nil {
		return err
	}
	if cfg.Aks.Enabled {
		aks, err := components.NewAksInVnet(ctx, "inference", &components.AksInVnetArgs{
			Spec:              cfg.Aks.AksSpec,
			ResourceGroupName: rg.Name,
			Location:          cfg.Location,
			Workspace:         workspace,
			Subnet:            *net.Aks,
			Layout:            &net.Layout,
			ScoringStorage:    scoring,
			Tags:              cfg.Tags,
		})
		if err != nil {
			return err
		}
		ctx.Export("aksClusterName", aks.ClusterName)
		ctx.Export("aksComputeId", aks.ComputeID)
		// The compute an online deployment names (README, "Deploying a
		// model to the Kubernetes compute").
		ctx.Export("aksComputeName", aks.ComputeName)
		if scoring != nil {
			ctx.Export("inferenceDatastore", aks.DatastoreName)
		}
	}

	ctx.Export("resourceGroup", rg.Name)
	if net != nil {
		ctx.Export("vnetId", net.VnetID)
		ctx.Export("trainingSubnetId", net.TrainingSubnetID)
	}
	ctx.Export("storageAccount", store.AccountName)
	ctx.Export("keyVault", vault.VaultName)
	ctx.Export("workspaceName", ws.WorkspaceName)
	ctx.Export("workspaceId", ws.WorkspaceID)
	ctx.Export("discoveryUrl", ws.DiscoveryURL)
	ctx.Export("computeName", compute.ComputeName)
	ctx.Export("region", pulumi.String(p.region))
	ctx.Export(fixedSettingsOutput, pulumi.ToStringMap(currentFixed(cfg)))
	return nil
}

// logWarnings shows the program's own warnings on the stack's console; they
// stop nothing.
func (p *plan) logWarnings(ctx *pulumi.Context) error {
	for _, w := range p.warnings.Sorted() {
		if err := ctx.Log.Warn(w.String(), nil); err != nil {
			return err
		}
	}
	return nil
}
