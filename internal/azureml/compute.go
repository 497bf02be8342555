package azureml

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Compute is a compute target of an Azure Machine Learning workspace
// (azure-native:machinelearningservices:Compute, Azure REST API 2023-04-01): an AmlCompute
// training cluster, or an attached AKS, Kubernetes, VM or HDInsight cluster.
type Compute struct {
	pulumi.CustomResourceState

	// Name of the compute.
	Name pulumi.StringOutput `pulumi:"name"`
	// The compute definition as Azure returns it. The whole "properties" output is secret (see
	// secretOutputs), so this output and ProvisioningState() are secret.
	Properties ResponsePtrOutput[ComputePropertiesResponse] `pulumi:"properties"`
}

// ProvisioningState is properties.provisioningState, e.g. "Succeeded" ("" before Azure answers).
func (c *Compute) ProvisioningState() pulumi.StringOutput {
	return stringOf(c.Properties, func(v *ComputePropertiesResponse) string { return v.ProvisioningState })
}

// ComputeArgs are the inputs of a Compute.
type ComputeArgs struct {
	// Compute name inside the workspace; auto-named from the resource name when omitted.
	// Changing it replaces the compute.
	ComputeName pulumi.StringPtrInput `pulumi:"computeName"`
	// Managed identity of the compute.
	Identity *ManagedServiceIdentityArgs `pulumi:"identity"`
	// Azure region; use the workspace's.
	Location pulumi.StringPtrInput `pulumi:"location"`
	// The compute definition, a union selected by computeType (ComputeProperties): one of
	// AmlComputeArgs, AKSArgs, KubernetesArgs, VirtualMachineArgs or HDInsightArgs, value or
	// pointer. Optional in the schema, but a compute without it is meaningless.
	Properties pulumi.Input `pulumi:"properties"`
	// Required. Resource group of the workspace. Changing it replaces the compute.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// SKU (rarely used for compute).
	Sku *SkuArgs `pulumi:"sku"`
	// Resource tags.
	Tags pulumi.StringMapInput `pulumi:"tags"`
	// Required. Name of the workspace. Changing it replaces the compute.
	WorkspaceName pulumi.StringInput `pulumi:"workspaceName"`
}

// NewCompute registers a new Compute (see register): the member in Properties gets its
// computeType filled in, and the "properties" output is marked secret.
func NewCompute(ctx *pulumi.Context, name string, args *ComputeArgs, opts ...pulumi.ResourceOption) (*Compute, error) {
	var resource Compute
	if err := register(ctx, ComputeToken, name, args, &resource, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
