package azureml

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The response (output) objects the code reads, each with only the fields it reads: the engine
// fills in the fields a struct declares and ignores the rest of Azure's answer.

// ResponsePtrOutput is an output of an optional response object of type T, such as a resource's
// identity.
type ResponsePtrOutput[T any] struct{ *pulumi.OutputState }

func (ResponsePtrOutput[T]) ElementType() reflect.Type { return reflect.TypeFor[*T]() }

// stringOf is one string field of the response ("" while there is none).
func stringOf[T any](o ResponsePtrOutput[T], field func(*T) string) pulumi.StringOutput {
	return o.ApplyT(func(v *T) string {
		if v == nil {
			return ""
		}
		return field(v)
	}).(pulumi.StringOutput)
}

// ManagedServiceIdentityResponse is the identity of a workspace or compute as Azure returns it.
type ManagedServiceIdentityResponse struct {
	// Object id of the system-assigned identity.
	PrincipalId string `pulumi:"principalId"`
}

// ComputePropertiesResponse is the part of the Compute "properties" output that every member of
// the response union (AmlComputeResponse, AKSResponse, ...) has and the code reads.
type ComputePropertiesResponse struct {
	// The compute's provisioning state, e.g. "Succeeded".
	ProvisioningState string `pulumi:"provisioningState"`
}

// ExtensionResponseAksAssignedIdentity is the identity AKS assigns to an extension, as Azure
// returns it.
type ExtensionResponseAksAssignedIdentity struct {
	// Object id of the identity.
	PrincipalId string `pulumi:"principalId"`
}
