package components

import (
	"strings"

	authorization "github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	containerservice "github.com/pulumi/pulumi-azure-native-sdk/containerservice/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
)

// Built-in role definitions the inference cluster's identities get
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
const (
	// networkContributorRole: the AKS identity needs it on the subnet, or
	// creation fails with LinkedAuthorizationFailed (azure-aks-docs #110).
	networkContributorRole = "4d97b98b-1d4f-4787-a291-c67834d212e7"
	readerRole             = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
	// kubernetesExtensionContributorRole: without it the attach fails with
	// "extension not installed".
	kubernetesExtensionContributorRole = "85cb6faf-e071-4c9b-8136-154b5a04f717"
	// aksClusterAdminRole ("Azure Kubernetes Service Cluster Admin Role"):
	// without it the attach fails with "internal server" error.
	aksClusterAdminRole = "0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8"
	acrPullRole         = "7f951dda-4ed3-4680-a7ca-43fe172d538d"
	blobDataReaderRole  = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"
)

// ScoringStorageRef is a storage account that scoring reads from: the
// inference cluster registers a container of it with the workspace as a
// datastore and lets its compute identity read it.
type ScoringStorageRef struct {
	// ResourceGroupName of the account.
	ResourceGroupName pulumi.StringInput
	// AccountName and AccountID of the account.
	AccountName pulumi.StringInput
	AccountID   pulumi.StringInput
}

// AksInVnetArgs configures an AksInVnet.
type AksInVnetArgs struct {
	// Spec of the cluster. Required: at least its ScoringSources (and, for
	// HTTPS scoring on a Kubernetes compute, its TLS settings).
	Spec AksSpec `pulumi:"spec"`
	// ResourceGroupName of the cluster and its identities. Required.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location is the Azure region; it must be the VNet's. Required.
	Location string `pulumi:"location"`
	// Workspace the cluster is attached to. Required; a Kubernetes compute
	// also needs its PrincipalID, RegistryID and StorageAccountID.
	Workspace WorkspaceRef
	// Subnet is the AKS subnet; its NSG receives the rules. Required.
	Subnet SubnetRef
	// Layout is the VNet's address plan, which the service range and the
	// docker bridge must avoid. Required.
	Layout *NetworkLayout
	// ScoringStorage is registered with the workspace as a datastore.
	// Optional.
	ScoringStorage *ScoringStorageRef
	// Tags for the cluster and compute. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

func (a *AksInVnetArgs) problems() Problems {
	var ps Problems
	site := AksSite{Region: checkRegion(&ps, NewPath("location"), a.Location), Subnet: a.Subnet.Prefix, NetworkPath: NewPath("layout"), ExistingRules: a.Subnet.ExistingRules}
	if a.Layout == nil {
		ps.Add(NewPath("layout"), "is required: the VNet's address plan, to check the service range and docker bridge against it")
	} else {
		site.AddressSpace, site.Subnets = a.Layout.AddressSpace, a.Layout.AllSubnets()
	}
	ps = append(ps, a.Spec.Validate(NewPath("spec"), site)...)
	if a.ResourceGroupName == nil {
		ps.Add(NewPath("resourceGroupName"), "is required")
	}
	checkWorkspaceRef(&ps, NewPath("workspace"), a.Workspace)
	checkSubnetRef(&ps, NewPath("subnet"), a.Subnet)
	spec := a.Spec.WithDefaults()
	if spec.legacy() {
		if spec.LoadBalancerType == string(azureml.LoadBalancerTypeInternalLoadBalancer) && a.Subnet.Name == "" {
			ps.Add(NewPath("subnet", "name"), "is required with an internal load balancer: the subnet it goes in (Azure ML otherwise looks for one named aks-subnet)")
		}
	} else {
		for field, v := range map[string]pulumi.Input{
			"principalId":      a.Workspace.PrincipalID,
			"registryId":       a.Workspace.RegistryID,
			"storageAccountId": a.Workspace.StorageAccountID,
		} {
			if v == nil {
				ps.Add(NewPath("workspace", field), "is required for a Kubernetes compute: the cluster and the compute identity are granted roles with it")
			}
		}
	}
	if s := a.ScoringStorage; s != nil {
		for field, v := range map[string]pulumi.Input{"resourceGroupName": s.ResourceGroupName, "accountName": s.AccountName, "accountId": s.AccountID} {
			if v == nil {
				ps.Add(NewPath("scoringStorage", field), "is required")
			}
		}
	}
	return ps
}

// AksInVnet is the inference cluster in the VNet, attached to the workspace:
// with the Azure ML extension as a Kubernetes compute, or as a legacy AKS
// compute.
type AksInVnet struct {
	pulumi.ResourceState

	ClusterID   pulumi.StringOutput `pulumi:"clusterId"`
	ClusterName pulumi.StringOutput `pulumi:"clusterName"`
	// Fqdn of the API server ("" for a private cluster, which has no
	// public one).
	Fqdn pulumi.StringOutput `pulumi:"fqdn"`
	// IdentityPrincipalID of the cluster's identity; "" when it was given
	// (Spec.IdentityID).
	IdentityPrincipalID pulumi.StringOutput `pulumi:"identityPrincipalId"`
	ComputeID           pulumi.StringOutput `pulumi:"computeId"`
	// ComputeName is the compute's name in the workspace, e.g. the compute
	// of an online endpoint's deployment.
	ComputeName pulumi.StringOutput `pulumi:"computeName"`
	// ExtensionID of the Azure ML extension; "" for the legacy AKS compute.
	ExtensionID pulumi.StringOutput `pulumi:"extensionId"`
	// DatastoreName is the scoring storage's datastore; "" without one.
	DatastoreName pulumi.StringOutput `pulumi:"datastoreName"`
}

// NewAksInVnet validates args and creates the cluster identity and its
// subnet role, the NSG rules, the cluster, and the attachment: the Azure ML
// extension, its roles and a Kubernetes compute, or a legacy AKS compute.
func NewAksInVnet(ctx *pulumi.Context, name string, args *AksInVnetArgs, opts ...pulumi.ResourceOption) (*AksInVnet, error) {
	if args == nil {
		args = &AksInVnetArgs{}
	}
	if err := validated(ctx, "AksInVnet", args.problems()); err != nil {
		return nil, err
	}
	spec := args.Spec.WithDefaults()
	region := mustRegion(args.Location)
	comp := &AksInVnet{}
	if err := ctx.RegisterComponentResource(AksInVnetType, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	tags := pulumi.ToStringMap(args.Tags)
	subnetID := args.Subnet.ID.ToStringOutput()

	identityID, principalID := pulumi.String(spec.IdentityID).ToStringOutput(), pulumi.String("").ToStringOutput()
	var clusterDeps []pulumi.Resource
	if spec.IdentityID == "" {
		// A user-assigned identity exists before the cluster, so its subnet
		// role can be granted before AKS first touches the subnet.
		identity, err := azureml.NewUserAssignedIdentity(ctx, name+"-identity", &azureml.UserAssignedIdentityArgs{
			ResourceGroupName: args.ResourceGroupName,
			Location:          pulumi.String(region),
			Tags:              tags,
		}, parent)
		if err != nil {
			return nil, err
		}
		role, err := newRoleAssignment(ctx, name+"-subnet-join", identity.PrincipalId, subnetID, networkContributorRole,
			"AKS joins its nodes and load balancer to the subnet", parent)
		if err != nil {
			return nil, err
		}
		identityID, principalID = identity.ID().ToStringOutput(), identity.PrincipalId
		clusterDeps = append(clusterDeps, role)
	}
	rules, err := newSecurityRules(ctx, name, args.Subnet, spec.rules(), parent)
	if err != nil {
		return nil, err
	}
	cluster, err := newCluster(ctx, name, args, spec, region, identityID, subnetID, tags, parent, pulumi.DependsOn(clusterDeps))
	if err != nil {
		return nil, err
	}

	att := attachment{name: name, args: args, spec: spec, region: region, cluster: cluster, rules: rules, tags: tags, parent: parent}
	var compute *azureml.Compute
	comp.ExtensionID, comp.DatastoreName = pulumi.String("").ToStringOutput(), pulumi.String("").ToStringOutput()
	if args.ScoringStorage != nil {
		if comp.DatastoreName, err = att.newScoringDatastore(ctx); err != nil {
			return nil, err
		}
	}
	if spec.legacy() {
		compute, err = att.newLegacyCompute(ctx)
	} else {
		var ext *azureml.Extension
		compute, ext, err = att.newKubernetesCompute(ctx)
		if ext != nil {
			comp.ExtensionID = ext.ID().ToStringOutput()
		}
	}
	if err != nil {
		return nil, err
	}

	comp.ClusterID = cluster.ID().ToStringOutput()
	comp.ClusterName = cluster.Name
	comp.Fqdn = cluster.Fqdn
	comp.IdentityPrincipalID = principalID
	comp.ComputeID = compute.ID().ToStringOutput()
	comp.ComputeName = compute.Name
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"clusterId":           comp.ClusterID,
		"clusterName":         comp.ClusterName,
		"fqdn":                comp.Fqdn,
		"identityPrincipalId": comp.IdentityPrincipalID,
		"computeId":           comp.ComputeID,
		"computeName":         comp.ComputeName,
		"extensionId":         comp.ExtensionID,
		"datastoreName":       comp.DatastoreName,
	}); err != nil {
		return nil, err
	}
	return comp, nil
}

// newCluster creates the AKS cluster: Azure CNI in the AKS subnet, the
// configured service range, the given user-assigned identity, and the API
// server's access settings.
func newCluster(ctx *pulumi.Context, name string, args *AksInVnetArgs, spec AksSpec, region string, identityID, subnetID pulumi.StringOutput,
	tags pulumi.StringMap, opts ...pulumi.ResourceOption) (*containerservice.ManagedCluster, error) {
	cargs := &containerservice.ManagedClusterArgs{
		ResourceGroupName: args.ResourceGroupName,
		ResourceName:      pulumi.String(spec.Name),
		Location:          pulumi.String(region),
		DnsPrefix:         pulumi.String(dnsPrefix(spec.Name)),
		EnableRBAC:        pulumi.Bool(true),
		// Azure ML needs a managed identity (no service principal) and the
		// cluster's local accounts, which AKS keeps by default
		// (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension, Limitations).
		Identity: &containerservice.ManagedClusterIdentityArgs{
			Type:                   containerservice.ResourceIdentityTypeUserAssigned,
			UserAssignedIdentities: pulumi.StringArray{identityID},
		},
		AgentPoolProfiles: containerservice.ManagedClusterAgentPoolProfileArray{
			&containerservice.ManagedClusterAgentPoolProfileArgs{
				Name:         pulumi.String("system"),
				Mode:         pulumi.String(string(containerservice.AgentPoolModeSystem)),
				Count:        pulumi.Int(*spec.NodeCount),
				VmSize:       pulumi.String(spec.VMSize),
				MaxPods:      pulumi.Int(*spec.MaxPods),
				OsType:       pulumi.String(string(containerservice.OSTypeLinux)),
				Type:         pulumi.String(string(containerservice.AgentPoolTypeVirtualMachineScaleSets)),
				VnetSubnetID: subnetID,
			},
		},
		// Azure CNI puts pods in the subnet; no docker bridge here: API
		// 2023-04-01 refuses the field.
		NetworkProfile: &containerservice.ContainerServiceNetworkProfileArgs{
			NetworkPlugin:   pulumi.String(string(containerservice.NetworkPluginAzure)),
			ServiceCidr:     pulumi.String(spec.ServiceCidr),
			DnsServiceIP:    pulumi.String(spec.DNSServiceIP),
			LoadBalancerSku: pulumi.String(string(containerservice.LoadBalancerSkuStandard)),
			OutboundType:    pulumi.String(string(containerservice.OutboundTypeLoadBalancer)),
		},
		Tags: tags,
	}
	if spec.KubernetesVersion != "" {
		cargs.KubernetesVersion = pulumi.String(spec.KubernetesVersion)
	}
	switch {
	case spec.PrivateCluster:
		// AKS gives a private cluster a public FQDN too unless told not
		// to, and Azure ML does not support that FQDN
		// (https://learn.microsoft.com/azure/machine-learning/how-to-secure-kubernetes-inferencing-environment, Limitations).
		cargs.ApiServerAccessProfile = &containerservice.ManagedClusterAPIServerAccessProfileArgs{
			EnablePrivateCluster:           pulumi.Bool(true),
			EnablePrivateClusterPublicFQDN: pulumi.Bool(false),
		}
	case len(spec.APIServerAuthorizedRanges) > 0:
		cargs.ApiServerAccessProfile = &containerservice.ManagedClusterAPIServerAccessProfileArgs{
			AuthorizedIPRanges: pulumi.ToStringArray(spec.APIServerAuthorizedRanges),
		}
	}
	// A cluster's name is fixed, so a replacement must delete the old one
	// first. enablePrivateCluster is set at creation only ("Whether to
	// create the cluster as a private cluster", ManagedClusterAPIServerAccessProfile
	// in Azure/azure-rest-api-specs aks/stable/2023-04-01/managedClusters.json),
	// which azure-native does not mark as forcing a replacement.
	opts = append(opts, pulumi.DeleteBeforeReplace(true), pulumi.ReplaceOnChanges([]string{"apiServerAccessProfile.enablePrivateCluster"}))
	return containerservice.NewManagedCluster(ctx, name+"-cluster", cargs, opts...)
}

// newRoleAssignment grants principal the built-in role at scope.
func newRoleAssignment(ctx *pulumi.Context, name string, principal, scope pulumi.StringInput, role, why string, opts ...pulumi.ResourceOption) (*authorization.RoleAssignment, error) {
	return authorization.NewRoleAssignment(ctx, name, &authorization.RoleAssignmentArgs{
		PrincipalId:      principal,
		PrincipalType:    pulumi.String(string(authorization.PrincipalTypeServicePrincipal)),
		Scope:            scope,
		RoleDefinitionId: roleDefinitionID(scope, role),
		Description:      pulumi.String(why),
	}, opts...)
}

// roleDefinitionID is the ID of a built-in role in the subscription of scope.
func roleDefinitionID(scope pulumi.StringInput, role string) pulumi.StringOutput {
	return scope.ToStringOutput().ApplyT(func(id string) string {
		return "/subscriptions/" + subscriptionOf(id) + "/providers/Microsoft.Authorization/roleDefinitions/" + role
	}).(pulumi.StringOutput)
}

// subscriptionOf returns the subscription ID in an ARM resource ID.
func subscriptionOf(id string) string {
	parts := strings.Split(id, "/")
	for i := 0; i+1 < len(parts); i++ {
		if strings.EqualFold(parts[i], "subscriptions") {
			return parts[i+1]
		}
	}
	return ""
}
