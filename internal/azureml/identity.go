package azureml

import (
	"errors"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

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

	// Application (client) id of the identity.
	ClientId pulumi.StringOutput `pulumi:"clientId"`
	// Azure region.
	Location pulumi.StringOutput `pulumi:"location"`
	// Name of the identity.
	Name pulumi.StringOutput `pulumi:"name"`
	// Object (principal) id, used in role assignments.
	PrincipalId pulumi.StringOutput `pulumi:"principalId"`
	// Resource tags.
	Tags pulumi.StringMapOutput `pulumi:"tags"`
	// Entra ID tenant.
	TenantId pulumi.StringOutput `pulumi:"tenantId"`
	// ARM resource type.
	Type pulumi.StringOutput `pulumi:"type"`
}

type userAssignedIdentityArgs struct {
	Location          *string           `pulumi:"location"`
	ResourceGroupName string            `pulumi:"resourceGroupName"`
	ResourceName      *string           `pulumi:"resourceName"`
	Tags              map[string]string `pulumi:"tags"`
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

func (UserAssignedIdentityArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*userAssignedIdentityArgs)(nil)).Elem()
}

// NewUserAssignedIdentity registers a new UserAssignedIdentity.
func NewUserAssignedIdentity(ctx *pulumi.Context, name string, args *UserAssignedIdentityArgs, opts ...pulumi.ResourceOption) (*UserAssignedIdentity, error) {
	if args == nil || args.ResourceGroupName == nil {
		return nil, errors.New("azureml: NewUserAssignedIdentity " + name + ": invalid value for required argument 'ResourceGroupName'")
	}
	var resource UserAssignedIdentity
	if err := ctx.RegisterResource(UserAssignedIdentityToken, name, args, &resource, defaultOpts(opts)...); err != nil {
		return nil, err
	}
	return &resource, nil
}
