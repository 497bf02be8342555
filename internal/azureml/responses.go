package azureml

import (
	"context"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Response (output) types. Value fields are always set by Azure; pointer fields may be absent.

// ManagedServiceIdentityResponse is the identity of a workspace or compute as Azure returns it.
type ManagedServiceIdentityResponse struct {
	// Object id of the system-assigned identity.
	PrincipalId string `pulumi:"principalId"`
	// Entra ID tenant of the system-assigned identity.
	TenantId string `pulumi:"tenantId"`
	// The identity kind.
	Type string `pulumi:"type"`
	// The user-assigned identities, keyed by ARM id.
	UserAssignedIdentities map[string]UserAssignedIdentityResponse `pulumi:"userAssignedIdentities"`
}

// ManagedServiceIdentityResponseOutput is an output of ManagedServiceIdentityResponse values.
type ManagedServiceIdentityResponseOutput struct{ *pulumi.OutputState }

func (ManagedServiceIdentityResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*ManagedServiceIdentityResponse)(nil)).Elem()
}

func (o ManagedServiceIdentityResponseOutput) ToManagedServiceIdentityResponseOutput() ManagedServiceIdentityResponseOutput {
	return o
}

func (o ManagedServiceIdentityResponseOutput) ToManagedServiceIdentityResponseOutputWithContext(ctx context.Context) ManagedServiceIdentityResponseOutput {
	return o
}

// PrincipalId is the object id of the system-assigned identity.
func (o ManagedServiceIdentityResponseOutput) PrincipalId() pulumi.StringOutput {
	return o.ApplyT(func(v ManagedServiceIdentityResponse) string { return v.PrincipalId }).(pulumi.StringOutput)
}

// TenantId is the tenant of the system-assigned identity.
func (o ManagedServiceIdentityResponseOutput) TenantId() pulumi.StringOutput {
	return o.ApplyT(func(v ManagedServiceIdentityResponse) string { return v.TenantId }).(pulumi.StringOutput)
}

// Type is the identity kind.
func (o ManagedServiceIdentityResponseOutput) Type() pulumi.StringOutput {
	return o.ApplyT(func(v ManagedServiceIdentityResponse) string { return v.Type }).(pulumi.StringOutput)
}

// UserAssignedIdentities are the user-assigned identities keyed by ARM id.
func (o ManagedServiceIdentityResponseOutput) UserAssignedIdentities() UserAssignedIdentityResponseMapOutput {
	return o.ApplyT(func(v ManagedServiceIdentityResponse) map[string]UserAssignedIdentityResponse {
		return v.UserAssignedIdentities
	}).(UserAssignedIdentityResponseMapOutput)
}

// ManagedServiceIdentityResponsePtrOutput is an output of optional ManagedServiceIdentityResponse values.
type ManagedServiceIdentityResponsePtrOutput struct{ *pulumi.OutputState }

func (ManagedServiceIdentityResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**ManagedServiceIdentityResponse)(nil)).Elem()
}

func (o ManagedServiceIdentityResponsePtrOutput) ToManagedServiceIdentityResponsePtrOutput() ManagedServiceIdentityResponsePtrOutput {
	return o
}

func (o ManagedServiceIdentityResponsePtrOutput) ToManagedServiceIdentityResponsePtrOutputWithContext(ctx context.Context) ManagedServiceIdentityResponsePtrOutput {
	return o
}

// Elem returns the identity, or the zero value when there is none.
func (o ManagedServiceIdentityResponsePtrOutput) Elem() ManagedServiceIdentityResponseOutput {
	return o.ApplyT(func(v *ManagedServiceIdentityResponse) ManagedServiceIdentityResponse {
		if v != nil {
			return *v
		}
		var ret ManagedServiceIdentityResponse
		return ret
	}).(ManagedServiceIdentityResponseOutput)
}

// PrincipalId is the object id of the system-assigned identity, nil when there is no identity.
func (o ManagedServiceIdentityResponsePtrOutput) PrincipalId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *ManagedServiceIdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.PrincipalId
	}).(pulumi.StringPtrOutput)
}

// TenantId is the tenant of the system-assigned identity, nil when there is no identity.
func (o ManagedServiceIdentityResponsePtrOutput) TenantId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *ManagedServiceIdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.TenantId
	}).(pulumi.StringPtrOutput)
}

// UserAssignedIdentityResponse is one user-assigned identity as Azure returns it.
type UserAssignedIdentityResponse struct {
	ClientId    string  `pulumi:"clientId"`
	PrincipalId string  `pulumi:"principalId"`
	TenantId    *string `pulumi:"tenantId"`
}

// UserAssignedIdentityResponseOutput is an output of UserAssignedIdentityResponse values.
type UserAssignedIdentityResponseOutput struct{ *pulumi.OutputState }

func (UserAssignedIdentityResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*UserAssignedIdentityResponse)(nil)).Elem()
}

func (o UserAssignedIdentityResponseOutput) ToUserAssignedIdentityResponseOutput() UserAssignedIdentityResponseOutput {
	return o
}

func (o UserAssignedIdentityResponseOutput) ToUserAssignedIdentityResponseOutputWithContext(ctx context.Context) UserAssignedIdentityResponseOutput {
	return o
}

// ClientId is the client (application) id of the identity.
func (o UserAssignedIdentityResponseOutput) ClientId() pulumi.StringOutput {
	return o.ApplyT(func(v UserAssignedIdentityResponse) string { return v.ClientId }).(pulumi.StringOutput)
}

// PrincipalId is the object id of the identity.
func (o UserAssignedIdentityResponseOutput) PrincipalId() pulumi.StringOutput {
	return o.ApplyT(func(v UserAssignedIdentityResponse) string { return v.PrincipalId }).(pulumi.StringOutput)
}

// UserAssignedIdentityResponseMapOutput is an output of maps of UserAssignedIdentityResponse.
type UserAssignedIdentityResponseMapOutput struct{ *pulumi.OutputState }

func (UserAssignedIdentityResponseMapOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*map[string]UserAssignedIdentityResponse)(nil)).Elem()
}

func (o UserAssignedIdentityResponseMapOutput) ToUserAssignedIdentityResponseMapOutput() UserAssignedIdentityResponseMapOutput {
	return o
}

func (o UserAssignedIdentityResponseMapOutput) ToUserAssignedIdentityResponseMapOutputWithContext(ctx context.Context) UserAssignedIdentityResponseMapOutput {
	return o
}

// MapIndex returns the identity with the given ARM id.
func (o UserAssignedIdentityResponseMapOutput) MapIndex(k pulumi.StringInput) UserAssignedIdentityResponseOutput {
	return pulumi.All(o, k).ApplyT(func(vs []interface{}) UserAssignedIdentityResponse {
		return vs[0].(map[string]UserAssignedIdentityResponse)[vs[1].(string)]
	}).(UserAssignedIdentityResponseOutput)
}

// NotebookResourceInfoResponse locates a workspace's notebook resource.
type NotebookResourceInfoResponse struct {
	Fqdn       *string `pulumi:"fqdn"`
	ResourceId *string `pulumi:"resourceId"`
}

// NotebookResourceInfoResponseOutput is an output of NotebookResourceInfoResponse values.
type NotebookResourceInfoResponseOutput struct{ *pulumi.OutputState }

func (NotebookResourceInfoResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*NotebookResourceInfoResponse)(nil)).Elem()
}

func (o NotebookResourceInfoResponseOutput) ToNotebookResourceInfoResponseOutput() NotebookResourceInfoResponseOutput {
	return o
}

func (o NotebookResourceInfoResponseOutput) ToNotebookResourceInfoResponseOutputWithContext(ctx context.Context) NotebookResourceInfoResponseOutput {
	return o
}

// Fqdn is the notebook resource's FQDN.
func (o NotebookResourceInfoResponseOutput) Fqdn() pulumi.StringPtrOutput {
	return o.ApplyT(func(v NotebookResourceInfoResponse) *string { return v.Fqdn }).(pulumi.StringPtrOutput)
}

// NotebookResourceInfoResponsePtrOutput is an output of optional NotebookResourceInfoResponse values.
type NotebookResourceInfoResponsePtrOutput struct{ *pulumi.OutputState }

func (NotebookResourceInfoResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**NotebookResourceInfoResponse)(nil)).Elem()
}

func (o NotebookResourceInfoResponsePtrOutput) ToNotebookResourceInfoResponsePtrOutput() NotebookResourceInfoResponsePtrOutput {
	return o
}

func (o NotebookResourceInfoResponsePtrOutput) ToNotebookResourceInfoResponsePtrOutputWithContext(ctx context.Context) NotebookResourceInfoResponsePtrOutput {
	return o
}

// Elem returns the value, or the zero value when it is nil.
func (o NotebookResourceInfoResponsePtrOutput) Elem() NotebookResourceInfoResponseOutput {
	return o.ApplyT(func(v *NotebookResourceInfoResponse) NotebookResourceInfoResponse {
		if v != nil {
			return *v
		}
		var ret NotebookResourceInfoResponse
		return ret
	}).(NotebookResourceInfoResponseOutput)
}

// ComputePropertiesResponse is the part of the Compute "properties" output that every member of
// the response union (AmlComputeResponse, AKSResponse, VirtualMachineResponse, HDInsightResponse,
// ComputeInstanceResponse, ...) has. The member-specific settings are left untyped in Properties.
type ComputePropertiesResponse struct {
	ComputeLocation   *string `pulumi:"computeLocation"`
	ComputeType       string  `pulumi:"computeType"`
	CreatedOn         string  `pulumi:"createdOn"`
	Description       *string `pulumi:"description"`
	DisableLocalAuth  *bool   `pulumi:"disableLocalAuth"`
	IsAttachedCompute bool    `pulumi:"isAttachedCompute"`
	ModifiedOn        string  `pulumi:"modifiedOn"`
	// The member-specific settings (e.g. AmlComputePropertiesResponse), as a generic value.
	Properties        interface{} `pulumi:"properties"`
	ProvisioningState string      `pulumi:"provisioningState"`
	ResourceId        *string     `pulumi:"resourceId"`
}

// ComputePropertiesResponseOutput is an output of ComputePropertiesResponse values.
type ComputePropertiesResponseOutput struct{ *pulumi.OutputState }

func (ComputePropertiesResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*ComputePropertiesResponse)(nil)).Elem()
}

func (o ComputePropertiesResponseOutput) ToComputePropertiesResponseOutput() ComputePropertiesResponseOutput {
	return o
}

func (o ComputePropertiesResponseOutput) ToComputePropertiesResponseOutputWithContext(ctx context.Context) ComputePropertiesResponseOutput {
	return o
}

// ComputeType is the union discriminator, e.g. "AmlCompute".
func (o ComputePropertiesResponseOutput) ComputeType() pulumi.StringOutput {
	return o.ApplyT(func(v ComputePropertiesResponse) string { return v.ComputeType }).(pulumi.StringOutput)
}

// IsAttachedCompute is true for attached (not AML-created) compute.
func (o ComputePropertiesResponseOutput) IsAttachedCompute() pulumi.BoolOutput {
	return o.ApplyT(func(v ComputePropertiesResponse) bool { return v.IsAttachedCompute }).(pulumi.BoolOutput)
}

// ProvisioningState is the compute's provisioning state, e.g. "Succeeded".
func (o ComputePropertiesResponseOutput) ProvisioningState() pulumi.StringOutput {
	return o.ApplyT(func(v ComputePropertiesResponse) string { return v.ProvisioningState }).(pulumi.StringOutput)
}

// ResourceId is the ARM id of the underlying (attached) resource.
func (o ComputePropertiesResponseOutput) ResourceId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v ComputePropertiesResponse) *string { return v.ResourceId }).(pulumi.StringPtrOutput)
}

// Properties are the member-specific settings as a generic value.
func (o ComputePropertiesResponseOutput) Properties() pulumi.AnyOutput {
	return o.ApplyT(func(v ComputePropertiesResponse) interface{} { return v.Properties }).(pulumi.AnyOutput)
}

// ComputePropertiesResponsePtrOutput is an output of optional ComputePropertiesResponse values.
type ComputePropertiesResponsePtrOutput struct{ *pulumi.OutputState }

func (ComputePropertiesResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**ComputePropertiesResponse)(nil)).Elem()
}

func (o ComputePropertiesResponsePtrOutput) ToComputePropertiesResponsePtrOutput() ComputePropertiesResponsePtrOutput {
	return o
}

func (o ComputePropertiesResponsePtrOutput) ToComputePropertiesResponsePtrOutputWithContext(ctx context.Context) ComputePropertiesResponsePtrOutput {
	return o
}

// Elem returns the value, or the zero value when it is nil.
func (o ComputePropertiesResponsePtrOutput) Elem() ComputePropertiesResponseOutput {
	return o.ApplyT(func(v *ComputePropertiesResponse) ComputePropertiesResponse {
		if v != nil {
			return *v
		}
		var ret ComputePropertiesResponse
		return ret
	}).(ComputePropertiesResponseOutput)
}

func init() {
	pulumi.RegisterOutputType(ManagedServiceIdentityResponseOutput{})
	pulumi.RegisterOutputType(ManagedServiceIdentityResponsePtrOutput{})
	pulumi.RegisterOutputType(UserAssignedIdentityResponseOutput{})
	pulumi.RegisterOutputType(UserAssignedIdentityResponseMapOutput{})
	pulumi.RegisterOutputType(NotebookResourceInfoResponseOutput{})
	pulumi.RegisterOutputType(NotebookResourceInfoResponsePtrOutput{})
	pulumi.RegisterOutputType(ComputePropertiesResponseOutput{})
	pulumi.RegisterOutputType(ComputePropertiesResponsePtrOutput{})
}
