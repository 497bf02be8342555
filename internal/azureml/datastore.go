package azureml

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// DatastoreToken is the token of a datastore of an Azure Machine Learning workspace (Azure REST
// API 2023-04-01 in every azure-native v2 release).
const DatastoreToken = "azure-native:machinelearningservices:Datastore"

// Datastore registers storage (a blob container, here) with a workspace, so jobs and the studio
// can reach its data by name.
type Datastore struct {
	pulumi.CustomResourceState
}

// DatastoreArgs are the inputs of a Datastore.
type DatastoreArgs struct {
	// Required. The datastore, a union selected by datastoreType (DatastoreProperties): an
	// AzureBlobDatastoreArgs, value or pointer. (ARM calls it "properties".)
	DatastoreProperties pulumi.Input `pulumi:"datastoreProperties"`
	// Datastore name; auto-named from the resource name when omitted. Changing it replaces the
	// datastore.
	Name pulumi.StringPtrInput `pulumi:"name"`
	// Required. Resource group of the workspace.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Skip Azure's check of the credentials on create and update.
	SkipValidation pulumi.BoolPtrInput `pulumi:"skipValidation"`
	// Required. Name of the workspace.
	WorkspaceName pulumi.StringInput `pulumi:"workspaceName"`
}

// NewDatastore registers a new Datastore (see register): the datastore and its credentials get
// their discriminators filled in, and the "datastoreProperties" output is marked secret.
func NewDatastore(ctx *pulumi.Context, name string, args *DatastoreArgs, opts ...pulumi.ResourceOption) (*Datastore, error) {
	var resource Datastore
	if err := register(ctx, DatastoreToken, name, args, &resource, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// Discriminator values of the datastore union (DatastoreProperties) and of the credentials union
// (DatastoreCredentials); the constructor fills them in.
const (
	DatastoreTypeAzureBlob          = "AzureBlob"
	CredentialsTypeNone             = "None"
	CredentialsTypeAccountKey       = "AccountKey"
	CredentialsTypeSas              = "Sas"
	CredentialsTypeServicePrincipal = "ServicePrincipal"
	CredentialsTypeCertificate      = "Certificate"
)

// AzureBlobDatastoreArgs is a blob container as a datastore (datastoreType "AzureBlob"). At API
// 2023-04-01 it has no resourceGroup or subscriptionId: the account is found by name.
type AzureBlobDatastoreArgs struct {
	// Storage account name.
	AccountName pulumi.StringPtrInput `pulumi:"accountName"`
	// Container name.
	ContainerName pulumi.StringPtrInput `pulumi:"containerName"`
	// Required. How Azure ML reaches the data, a union selected by credentialsType
	// (DatastoreCredentials): NoneDatastoreCredentialsArgs for identity-based access, or
	// AccountKey, Sas, ServicePrincipal or Certificate credentials.
	Credentials pulumi.Input `pulumi:"credentials"`
	// Filled in by NewDatastore ("AzureBlob").
	DatastoreType string `pulumi:"datastoreType"`
	// Free-text description.
	Description pulumi.StringPtrInput `pulumi:"description"`
	// Storage endpoint suffix, e.g. "core.windows.net".
	Endpoint pulumi.StringPtrInput `pulumi:"endpoint"`
	// Free-form properties.
	Properties pulumi.StringMapInput `pulumi:"properties"`
	// Protocol used to reach the account, e.g. "https".
	Protocol pulumi.StringPtrInput `pulumi:"protocol"`
	// Which identity the studio uses to preview the data; see the ServiceDataAccessAuthIdentity
	// constants. The generated SDK sends "None" when unset.
	ServiceDataAccessAuthIdentity pulumi.StringPtrInput `pulumi:"serviceDataAccessAuthIdentity"`
	// Tags of the datastore.
	Tags pulumi.StringMapInput `pulumi:"tags"`
}

// NoneDatastoreCredentialsArgs is identity-based access (credentialsType "None"): grant the
// workspace or compute identity a Storage Blob Data role instead.
type NoneDatastoreCredentialsArgs struct {
	// Filled in by NewDatastore ("None").
	CredentialsType string `pulumi:"credentialsType"`
}

// AccountKeyDatastoreCredentialsArgs is access with a storage account key (credentialsType
// "AccountKey").
type AccountKeyDatastoreCredentialsArgs struct {
	// Filled in by NewDatastore ("AccountKey").
	CredentialsType string `pulumi:"credentialsType"`
	// Required. The key.
	Secrets AccountKeyDatastoreSecretsArgs `pulumi:"secrets"`
}

// AccountKeyDatastoreSecretsArgs holds an account key; Azure never returns it.
type AccountKeyDatastoreSecretsArgs struct {
	// The account key; pass a secret (the SDK does not mark it).
	Key pulumi.StringPtrInput `pulumi:"key"`
	// Required. Must be "AccountKey".
	SecretsType pulumi.StringInput `pulumi:"secretsType"`
}

// SasDatastoreCredentialsArgs is access with a SAS token (credentialsType "Sas").
type SasDatastoreCredentialsArgs struct {
	// Filled in by NewDatastore ("Sas").
	CredentialsType string `pulumi:"credentialsType"`
	// Required. The token.
	Secrets SasDatastoreSecretsArgs `pulumi:"secrets"`
}

// SasDatastoreSecretsArgs holds a SAS token; Azure never returns it.
type SasDatastoreSecretsArgs struct {
	// The SAS token; pass a secret.
	SasToken pulumi.StringPtrInput `pulumi:"sasToken"`
	// Required. Must be "Sas".
	SecretsType pulumi.StringInput `pulumi:"secretsType"`
}

// ServicePrincipalDatastoreCredentialsArgs is access as a service principal with a client secret
// (credentialsType "ServicePrincipal").
type ServicePrincipalDatastoreCredentialsArgs struct {
	// Authority URL used for authentication.
	AuthorityUrl pulumi.StringPtrInput `pulumi:"authorityUrl"`
	// Required. Application (client) id, a GUID.
	ClientId pulumi.StringInput `pulumi:"clientId"`
	// Filled in by NewDatastore ("ServicePrincipal").
	CredentialsType string `pulumi:"credentialsType"`
	// Resource the service principal has access to.
	ResourceUrl pulumi.StringPtrInput `pulumi:"resourceUrl"`
	// Required. The client secret.
	Secrets ServicePrincipalDatastoreSecretsArgs `pulumi:"secrets"`
	// Required. Tenant id, a GUID.
	TenantId pulumi.StringInput `pulumi:"tenantId"`
}

// ServicePrincipalDatastoreSecretsArgs holds a client secret; Azure never returns it.
type ServicePrincipalDatastoreSecretsArgs struct {
	// The client secret; pass a secret.
	ClientSecret pulumi.StringPtrInput `pulumi:"clientSecret"`
	// Required. Must be "ServicePrincipal".
	SecretsType pulumi.StringInput `pulumi:"secretsType"`
}

// CertificateDatastoreCredentialsArgs is access as a service principal with a certificate
// (credentialsType "Certificate").
type CertificateDatastoreCredentialsArgs struct {
	// Authority URL used for authentication.
	AuthorityUrl pulumi.StringPtrInput `pulumi:"authorityUrl"`
	// Required. Application (client) id, a GUID.
	ClientId pulumi.StringInput `pulumi:"clientId"`
	// Filled in by NewDatastore ("Certificate").
	CredentialsType string `pulumi:"credentialsType"`
	// Resource the service principal has access to.
	ResourceUrl pulumi.StringPtrInput `pulumi:"resourceUrl"`
	// Required. The certificate.
	Secrets CertificateDatastoreSecretsArgs `pulumi:"secrets"`
	// Required. Tenant id, a GUID.
	TenantId pulumi.StringInput `pulumi:"tenantId"`
	// Required. Thumbprint of the certificate.
	Thumbprint pulumi.StringInput `pulumi:"thumbprint"`
}

// CertificateDatastoreSecretsArgs holds a certificate; Azure never returns it.
type CertificateDatastoreSecretsArgs struct {
	// The certificate; pass a secret.
	Certificate pulumi.StringPtrInput `pulumi:"certificate"`
	// Required. Must be "Certificate".
	SecretsType pulumi.StringInput `pulumi:"secretsType"`
}
