package azureml

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The response (output) types the code reads, each with only the fields it reads: the engine fills
// in the fields a struct declares and ignores the rest of Azure's answer.

// ManagedServiceIdentityResponse is the identity of a workspace or compute as Azure returns it.
type ManagedServiceIdentityResponse struct {
	// Object id of the system-assigned identity.
	PrincipalId string `pulumi:"principalId"`
}

// ManagedServiceIdentityResponsePtrOutput is an output of an optional identity.
type ManagedServiceIdentityResponsePtrOutput struct{ *pulumi.OutputState }

func (ManagedServiceIdentityResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeFor[*ManagedServiceIdentityResponse]()
}

// PrincipalId is the object id of the system-assigned identity ("" when there is none).
func (o ManagedServiceIdentityResponsePtrOutput) PrincipalId() pulumi.StringOutput {
	return o.ApplyT(func(v *ManagedServiceIdentityResponse) string {
		if v == nil {
			return ""
		}
		return v.PrincipalId
	}).(pulumi.StringOutput)
}

// ComputePropertiesResponse is the part of the Compute "properties" output that every member of
// the response union (AmlComputeResponse, AKSResponse, ...) has and the code reads.
type ComputePropertiesResponse struct {
	// The compute's provisioning state, e.g. "Succeeded".
	ProvisioningState string `pulumi:"provisioningState"`
}

// ComputePropertiesResponsePtrOutput is an output of optional compute properties.
type ComputePropertiesResponsePtrOutput struct{ *pulumi.OutputState }

func (ComputePropertiesResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeFor[*ComputePropertiesResponse]()
}

// ProvisioningState is properties.provisioningState ("" before Azure answers).
func (o ComputePropertiesResponsePtrOutput) ProvisioningState() pulumi.StringOutput {
	return o.ApplyT(func(v *ComputePropertiesResponse) string {
		if v == nil {
			return ""
		}
		return v.ProvisioningState
	}).(pulumi.StringOutput)
}
