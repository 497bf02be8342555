package main

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// MLWorkspaceInputs are MLWorkspace's inputs in every language: the fields
// of components.MLWorkspaceArgs, with the spec behind a pointer. Its
// outputs resourceGroupName, workspaceName, principalId, registryId and
// storageAccountId are the parts of the WorkspaceRef that computes take.
type MLWorkspaceInputs struct {
	// Spec of the workspace. Optional: the zero spec is a workspace named
	// "amlvnet-ws" with a Basic registry.
	Spec *components.MLWorkspaceSpec `pulumi:"spec,optional"`
	// ResourceGroupName of the workspace.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region, e.g. eastus2.
	Location string `pulumi:"location"`
	// StorageAccountID is the default storage account, e.g. SecureStorage's
	// accountId; Azure does not let it change after creation.
	StorageAccountID pulumi.StringInput `pulumi:"storageAccountId"`
	// KeyVaultID is the workspace's vault, e.g. SecureKeyVault's vaultId;
	// fixed after creation.
	KeyVaultID pulumi.StringInput `pulumi:"keyVaultId"`
	// Protect marks the workspace protected. Optional. Defaults to false.
	Protect bool `pulumi:"protect,optional"`
	// PreviousNames are names this component had before a rename; see
	// SecureStorage's previousNames (the registry is named the same way).
	// Optional.
	PreviousNames []string `pulumi:"previousNames,optional"`
	// Tags for every resource created. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
	// RuleTargets are resources that a private-endpoint rule of the managed
	// network (spec.managedNetwork.rules) may name by key instead of an ARM
	// ID, e.g. a storage account created in the same program. Optional.
	RuleTargets map[string]RuleTarget `pulumi:"ruleTargets,optional"`
}

// RuleTarget is a resource that a managed network's private-endpoint rule
// may name by its key in ruleTargets.
type RuleTarget struct {
	// Type is the ARM resource type, e.g. Microsoft.Storage/storageAccounts.
	Type string `pulumi:"type"`
	// ID is the resource's ARM ID, e.g. SecureStorage's accountId.
	ID pulumi.StringInput `pulumi:"id"`
}

// Annotate gives the type its token.
func (*RuleTarget) Annotate(a infer.Annotator) { a.SetToken("index", "RuleTarget") }

// MLWorkspace is components.MLWorkspace under a type of this package, which gives it
// its token.
type MLWorkspace components.MLWorkspace

// Annotate gives the token. (infer would name the module after the Go
// package, which is "main" in the plugin but the import path in its tests.)
func (*MLWorkspace) Annotate(an infer.Annotator) { an.SetToken("index", "MLWorkspace") }

func newMLWorkspace(ctx *pulumi.Context, name string, in MLWorkspaceInputs, opts ...pulumi.ResourceOption) (*MLWorkspace, error) {
	args := &components.MLWorkspaceArgs{
		ResourceGroupName: in.ResourceGroupName,
		Location:          in.Location,
		StorageAccountID:  in.StorageAccountID,
		KeyVaultID:        in.KeyVaultID,
		Protect:           in.Protect,
		PreviousNames:     in.PreviousNames,
		Tags:              in.Tags,
	}
	for k, t := range in.RuleTargets {
		if args.RuleTargets == nil {
			args.RuleTargets = map[string]components.RuleTarget{}
		}
		args.RuleTargets[k] = components.RuleTarget{Type: t.Type, ID: t.ID}
	}
	if in.Spec != nil {
		args.Spec = *in.Spec
	}
	comp, err := components.NewMLWorkspace(ctx, name, args, opts...)
	if err != nil {
		return nil, err
	}
	return (*MLWorkspace)(comp), nil
}
