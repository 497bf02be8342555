package azureml

import (
	"context"
	"errors"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Compute is a compute target of an Azure Machine Learning workspace
// (azure-native:machinelearningservices:Compute, Azure REST API 2023-04-01): an AmlCompute
// training cluster, or an attached AKS cluster, VM or HDInsight cluster.
type Compute struct {
	pulumi.CustomResourceState

	// The compute's identity.
	Identity ManagedServiceIdentityResponsePtrOutput `pulumi:"identity"`
	// Azure region.
	Location pulumi.StringPtrOutput `pulumi:"location"`
	// Name of the compute.
	Name pulumi.StringOutput `pulumi:"name"`
	// The compute definition as Azure returns it (provisioningState, isAttachedCompute, ...).
	// NewCompute marks the whole "properties" output secret (see NewCompute), so this output and
	// ProvisioningState() are secret.
	Properties ComputePropertiesResponsePtrOutput `pulumi:"properties"`
	// Resource tags.
	Tags pulumi.StringMapOutput `pulumi:"tags"`
	// ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

// ProvisioningState is properties.provisioningState, e.g. "Succeeded" ("" before Azure answers).
func (c *Compute) ProvisioningState() pulumi.StringOutput {
	return c.Properties.Elem().ProvisioningState()
}

type computeArgs struct {
	ComputeName       *string                 `pulumi:"computeName"`
	Identity          *ManagedServiceIdentity `pulumi:"identity"`
	Location          *string                 `pulumi:"location"`
	Properties        interface{}             `pulumi:"properties"`
	ResourceGroupName string                  `pulumi:"resourceGroupName"`
	Sku               *Sku                    `pulumi:"sku"`
	Tags              map[string]string       `pulumi:"tags"`
	WorkspaceName     string                  `pulumi:"workspaceName"`
}

// ComputeArgs are the inputs of a Compute.
type ComputeArgs struct {
	// Compute name inside the workspace; auto-named from the resource name when omitted.
	// Changing it replaces the compute.
	ComputeName pulumi.StringPtrInput `pulumi:"computeName"`
	// Managed identity of the compute.
	Identity ManagedServiceIdentityPtrInput `pulumi:"identity"`
	// Azure region; use the workspace's.
	Location pulumi.StringPtrInput `pulumi:"location"`
	// The compute definition, a union selected by computeType: one of AmlComputeArgs, AKSArgs,
	// VirtualMachineArgs, HDInsightArgs (value or pointer), or an output of one of their plain
	// types. Optional in the schema, but a compute without it is meaningless.
	Properties pulumi.Input `pulumi:"properties"`
	// Required. Resource group of the workspace. Changing it replaces the compute.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// SKU (rarely used for compute).
	Sku SkuPtrInput `pulumi:"sku"`
	// Resource tags.
	Tags pulumi.StringMapInput `pulumi:"tags"`
	// Required. Name of the workspace. Changing it replaces the compute.
	WorkspaceName pulumi.StringInput `pulumi:"workspaceName"`
}

func (ComputeArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*computeArgs)(nil)).Elem()
}

// computeSecretOutputs are the outputs NewCompute marks secret. The engine applies
// AdditionalSecretOutputs to top-level output keys only (it looks each name up in the outputs
// map), so nested paths such as properties.properties.administratorAccount.password cannot be
// named: the whole "properties" output is marked instead, which covers administratorAccount
// (password, privateKeyData), userAccountCredentials.adminUserPassword and sslConfiguration.key.
var computeSecretOutputs = []string{"properties"}

// NewCompute registers a new Compute. It checks the required inputs (ResourceGroupName,
// WorkspaceName, and the required fields of the union member and of Identity/Sku when given as
// Args), fills in the member's computeType when empty (on a copy; an inconsistent one is an
// error), marks the "properties" output secret, and adds pulumi.Version(ProviderVersion) before
// opts. Input values are never read, so secret inputs stay secret.
func NewCompute(ctx *pulumi.Context, name string, args *ComputeArgs, opts ...pulumi.ResourceOption) (*Compute, error) {
	if args == nil {
		return nil, errors.New("azureml: NewCompute " + name + ": missing one or more required arguments (ResourceGroupName, WorkspaceName)")
	}
	var problems []string
	if args.ResourceGroupName == nil {
		problems = append(problems, "invalid value for required argument 'ResourceGroupName'")
	}
	if args.WorkspaceName == nil {
		problems = append(problems, "invalid value for required argument 'WorkspaceName'")
	}
	props, err := withDiscriminator(ComputeProperties, args.Properties)
	if err != nil {
		problems = append(problems, "properties."+err.Error())
	}
	problems = append(problems, missingRequired("properties", props)...)
	problems = append(problems, missingRequired("identity", args.Identity)...)
	problems = append(problems, missingRequired("sku", args.Sku)...)
	if err := argsError("NewCompute", name, problems); err != nil {
		return nil, err
	}

	a := *args
	a.Properties = props
	opts = append(defaultOpts(opts), pulumi.AdditionalSecretOutputs(computeSecretOutputs))
	var resource Compute
	if err := ctx.RegisterResource(ComputeToken, name, &a, &resource, opts...); err != nil {
		return nil, err
	}
	return &resource, nil
}

// ComputeInput accepts *Compute and ComputeOutput values.
type ComputeInput interface {
	pulumi.Input

	ToComputeOutput() ComputeOutput
	ToComputeOutputWithContext(ctx context.Context) ComputeOutput
}

func (*Compute) ElementType() reflect.Type {
	return reflect.TypeOf((**Compute)(nil)).Elem()
}

func (c *Compute) ToComputeOutput() ComputeOutput {
	return c.ToComputeOutputWithContext(context.Background())
}

func (c *Compute) ToComputeOutputWithContext(ctx context.Context) ComputeOutput {
	return pulumi.ToOutputWithContext(ctx, c).(ComputeOutput)
}

// ComputeOutput is an output of *Compute values.
type ComputeOutput struct{ *pulumi.OutputState }

func (ComputeOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**Compute)(nil)).Elem()
}

func (o ComputeOutput) ToComputeOutput() ComputeOutput {
	return o
}

func (o ComputeOutput) ToComputeOutputWithContext(ctx context.Context) ComputeOutput {
	return o
}

// Name is the compute's name.
func (o ComputeOutput) Name() pulumi.StringOutput {
	return o.ApplyT(func(v *Compute) pulumi.StringOutput { return v.Name }).(pulumi.StringOutput)
}

// GetCompute reads an existing Compute by its ARM id.
func GetCompute(ctx *pulumi.Context, name string, id pulumi.IDInput, state *ComputeState, opts ...pulumi.ResourceOption) (*Compute, error) {
	var resource Compute
	if err := ctx.ReadResource(ComputeToken, name, id, state, &resource, defaultOpts(opts)...); err != nil {
		return nil, err
	}
	return &resource, nil
}

type computeState struct{}

// ComputeState is the (empty) state used to look up a Compute with GetCompute.
type ComputeState struct{}

func (ComputeState) ElementType() reflect.Type {
	return reflect.TypeOf((*computeState)(nil)).Elem()
}

func init() {
	pulumi.RegisterOutputType(ComputeOutput{})
}
