package azureml

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// UserAssignedIdentityToken is the token of a user-assigned managed identity
// (API 2023-01-31). Its Go module (managedidentity/v2) is not available to us
// either, and AKS needs the identity before the cluster exists so that its
// subnet role can be granted first.
const UserAssignedIdentityToken = "azure-native:managedidentity:UserAssignedIdentity"

// IdentityAPIVersion is the Azure REST API version azure-native v2 uses for
// UserAssignedIdentity.
const IdentityAPIVersion = "2023-01-31"

// UserAssignedIdentity is a user-assigned managed identity.
type UserAssignedIdentity struct {
	pulumi.CustomResourceState

	// Object (principal) id, used in role assignments.
	PrincipalId pulumi.StringOutput `pulumi:"principalId"`
}

// UserAssignedIdentityArgs are the inputs of a UserAssignedIdentity.
type UserAssignedIdentityArgs struct {
	// Azure region. Changing it replaces the identity.
	Location pulumi.StringPtrInput `pulumi:"location"`
	// Required. Resource group of the identity.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Name of the identity; auto-named from the resource name when omitted.
	ResourceName pulumi.StringPtrInput `pulumi:"resourceName"`
	// Resource tags.
	Tags pulumi.StringMapInput `pulumi:"tags"`
}

// NewUserAssignedIdentity registers a new UserAssignedIdentity (see register).
func NewUserAssignedIdentity(ctx *pulumi.Context, name string, args *UserAssignedIdentityArgs, opts ...pulumi.ResourceOption) (*UserAssignedIdentity, error) {
	var resource UserAssignedIdentity
	if err := register(ctx, UserAssignedIdentityToken, name, args, &resource, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
