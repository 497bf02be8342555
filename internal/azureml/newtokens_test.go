package azureml_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	. "github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// TestRound2Tokens registers each token added in round 2 with the members of its unions: the
// constructors fill in every discriminator, keep secrets secret and mark secret outputs, and what
// reaches the mocks passes their input checker.
func TestRound2Tokens(t *testing.T) {
	principal := make(chan string, 2)
	m, err := run(t, func(ctx *pulumi.Context) error {
		ws, err := NewWorkspaceV20241001(ctx, "hub", &WorkspaceV20241001Args{
			ResourceGroupName: pulumi.String("rg"),
			Kind:              pulumi.String("Default"),
			Identity:          &ManagedServiceIdentityArgs{Type: ManagedServiceIdentityTypeSystemAssigned},
			ManagedNetwork: &ManagedNetworkSettingsArgs{
				IsolationMode: IsolationModeAllowOnlyApprovedOutbound,
				FirewallSku:   FirewallSkuStandard,
				OutboundRules: map[string]pulumi.Input{
					"pypi": FqdnOutboundRuleArgs{Destination: pulumi.String("pypi.org")},
					"blob": &PrivateEndpointOutboundRuleArgs{Destination: &PrivateEndpointDestinationArgs{
						ServiceResourceId: pulumi.String("/subscriptions/0000/.../storageAccounts/st"), SubresourceTarget: pulumi.String("blob"),
					}},
					"monitor": &ServiceTagOutboundRuleArgs{Category: RuleCategoryUserDefined, Destination: &ServiceTagDestinationArgs{
						ServiceTag: pulumi.String("AzureMonitor"), Protocol: pulumi.String("TCP"), PortRanges: pulumi.String("443"), Action: RuleActionAllow,
					}},
				},
			},
			ServerlessComputeSettings: &ServerlessComputeSettingsArgs{ServerlessComputeNoPublicIP: pulumi.Bool(true)},
		}, AliasFromWorkspace())
		if err != nil {
			return err
		}
		ws.PrincipalId().ApplyT(func(s string) string { principal <- s; return s })
		if _, err := NewManagedNetworkSettingsRule(ctx, "rule", &ManagedNetworkSettingsRuleArgs{
			ResourceGroupName: pulumi.String("rg"),
			WorkspaceName:     ws.Name,
			RuleName:          pulumi.String("pypi-files"),
			Properties:        FqdnOutboundRuleArgs{Destination: pulumi.String("files.pythonhosted.org")},
		}); err != nil {
			return err
		}
		if _, err := NewDatastore(ctx, "blob", &DatastoreArgs{
			ResourceGroupName: pulumi.String("rg"),
			WorkspaceName:     ws.Name,
			Name:              pulumi.String("projectblob"),
			DatastoreProperties: &AzureBlobDatastoreArgs{
				AccountName:   pulumi.String("st"),
				ContainerName: pulumi.String("data"),
				Credentials: &AccountKeyDatastoreCredentialsArgs{Secrets: AccountKeyDatastoreSecretsArgs{
					SecretsType: pulumi.String("AccountKey"),
					Key:         pulumi.ToSecret(pulumi.String("account-key")).(pulumi.StringOutput),
				}},
				ServiceDataAccessAuthIdentity: ServiceDataAccessAuthIdentityWorkspaceSystemAssignedIdentity,
			},
		}); err != nil {
			return err
		}
		ext, err := NewExtension(ctx, "azureml", &ExtensionArgs{
			ResourceGroupName:              pulumi.String("rg"),
			ClusterRp:                      pulumi.String("Microsoft.ContainerService"),
			ClusterResourceName:            pulumi.String("managedClusters"),
			ClusterName:                    pulumi.String("aks"),
			ExtensionName:                  pulumi.String("azureml"),
			ExtensionType:                  pulumi.String("Microsoft.AzureML.Kubernetes"),
			Scope:                          &ScopeArgs{Cluster: &ScopeClusterArgs{ReleaseNamespace: pulumi.String("azureml")}},
			ConfigurationSettings:          pulumi.StringMap{"enableInference": pulumi.String("true")},
			ConfigurationProtectedSettings: pulumi.StringMap{"scoringFe.sslKey": pulumi.String("PEM")},
		})
		if err != nil {
			return err
		}
		ext.AksPrincipalId().ApplyT(func(s string) string { principal <- s; return s })
		_, err = NewCompute(ctx, "k8s", &ComputeArgs{
			ResourceGroupName: pulumi.String("rg"),
			WorkspaceName:     ws.Name,
			Identity:          &ManagedServiceIdentityArgs{Type: ManagedServiceIdentityTypeSystemAssigned},
			Properties: KubernetesArgs{
				ResourceId: pulumi.String("/subscriptions/0000/.../managedClusters/aks"),
				Properties: &KubernetesPropertiesArgs{
					Namespace: pulumi.String("default"),
					InstanceTypes: map[string]InstanceTypeSchemaArgs{"gpu": {
						NodeSelector: pulumi.StringMap{"pool": pulumi.String("gpu")},
						Resources:    &InstanceTypeSchemaResourcesArgs{Limits: pulumi.StringMap{"nvidia.com/gpu": pulumi.String("1")}},
					}},
				},
			},
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	ws := named(t, m, "hub")
	wantValues(t, ws, map[string]any{
		"managedNetwork.outboundRules.pypi.type":                          "FQDN",
		"managedNetwork.outboundRules.blob.type":                          "PrivateEndpoint",
		"managedNetwork.outboundRules.blob.destination.subresourceTarget": "blob",
		"managedNetwork.outboundRules.monitor.type":                       "ServiceTag",
		"managedNetwork.isolationMode":                                    "AllowOnlyApprovedOutbound",
		"hbiWorkspace":                                                    false,
	})
	if !slices.Equal(ws.AliasTypes, []string{WorkspaceToken}) {
		t.Errorf("workspace aliases = %v, want the default token", ws.AliasTypes)
	}
	wantValues(t, named(t, m, "rule"), map[string]any{"properties.type": "FQDN", "ruleName": "pypi-files"})
	ds := named(t, m, "blob")
	wantValues(t, ds, map[string]any{
		"datastoreProperties.datastoreType":                   "AzureBlob",
		"datastoreProperties.credentials.credentialsType":     "AccountKey",
		"datastoreProperties.credentials.secrets.secretsType": "AccountKey",
	})
	if !secretAt(ds, "datastoreProperties.credentials.secrets.key") {
		t.Errorf("account key reached the engine in plain text")
	}
	ext := named(t, m, "azureml")
	wantValues(t, ext, map[string]any{"scope.cluster.releaseNamespace": "azureml", "autoUpgradeMinorVersion": true, "releaseTrain": "Stable"})
	if !secretAt(ext, "configurationProtectedSettings") || secretAt(ext, "configurationSettings") {
		t.Errorf("only the protected settings are secret: %v", ext.Inputs)
	}
	k8s := named(t, m, "k8s")
	wantValues(t, k8s, map[string]any{
		"properties.computeType":                                    "Kubernetes",
		"properties.properties.instanceTypes.gpu.nodeSelector.pool": "gpu",
	})

	for tok, want := range map[string][]string{DatastoreToken: {"datastoreProperties"}, ExtensionToken: {"configurationProtectedSettings"}, ComputeToken: {"properties"}} {
		for _, r := range m.OfType(tok) {
			if !slices.Equal(r.SecretOutputs, want) {
				t.Errorf("%s: secret outputs %v, want %v", tok, r.SecretOutputs, want)
			}
		}
	}
	for _, r := range m.Resources() {
		if r.Version != ProviderVersion {
			t.Errorf("%s: provider version %q", r.Name, r.Version)
		}
	}
	if got := []string{<-principal, <-principal}; got[0] == "" || got[1] == "" || got[0] == got[1] {
		t.Errorf("principal ids %v: want the workspace's and the extension's", got)
	}
}

// TestRound2Refusals: what the constructors refuse before registering anything.
func TestRound2Refusals(t *testing.T) {
	m, err := run(t, func(ctx *pulumi.Context) error {
		_, err := NewManagedNetworkSettingsRule(ctx, "norule", &ManagedNetworkSettingsRuleArgs{ResourceGroupName: pulumi.String("rg"), WorkspaceName: pulumi.String("ws")})
		wantErr(t, err, `property "properties": missing required property`)
		_, err = NewDatastore(ctx, "nocreds", &DatastoreArgs{ResourceGroupName: pulumi.String("rg"), WorkspaceName: pulumi.String("ws"),
			DatastoreProperties: &AzureBlobDatastoreArgs{AccountName: pulumi.String("st")}})
		wantErr(t, err, `property "datastoreProperties.credentials": missing required property`)
		_, err = NewDatastore(ctx, "nosecret", &DatastoreArgs{ResourceGroupName: pulumi.String("rg"), WorkspaceName: pulumi.String("ws"),
			DatastoreProperties: AzureBlobDatastoreArgs{Credentials: SasDatastoreCredentialsArgs{}}})
		wantErr(t, err, `property "datastoreProperties.credentials.secrets.secretsType": missing required property`)
		_, err = NewDatastore(ctx, "mismatch", &DatastoreArgs{ResourceGroupName: pulumi.String("rg"), WorkspaceName: pulumi.String("ws"),
			DatastoreProperties: AzureBlobDatastoreArgs{Credentials: &NoneDatastoreCredentialsArgs{CredentialsType: "AccountKey"}}})
		wantErr(t, err, `"datastoreProperties.credentials.credentialsType": is "AccountKey", but the value is the "None" member`)
		_, err = NewExtension(ctx, "noext", nil)
		for _, p := range []string{"clusterName", "clusterResourceName", "clusterRp", "resourceGroupName"} {
			wantErr(t, err, `property "`+p+`": missing required property`)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Resources()) != 0 {
		t.Errorf("registered despite the errors: %v", m.Resources())
	}
}

func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want it to contain %s", err, want)
	}
}

// TestConstructorsApplySDKDefaults: every top-level input default of the schema data (the ones
// the generated SDK fills in on the client side) is what the constructor sends when it is unset.
func TestConstructorsApplySDKDefaults(t *testing.T) {
	rg, ws := pulumi.String("rg"), pulumi.String("ws")
	m, err := run(t, func(ctx *pulumi.Context) error {
		_, err1 := NewWorkspace(ctx, WorkspaceToken, &WorkspaceArgs{ResourceGroupName: rg})
		_, err2 := NewWorkspaceV20241001(ctx, WorkspaceV20241001Token, &WorkspaceV20241001Args{ResourceGroupName: rg})
		_, err3 := NewCompute(ctx, ComputeToken, &ComputeArgs{ResourceGroupName: rg, WorkspaceName: ws})
		_, err4 := NewUserAssignedIdentity(ctx, UserAssignedIdentityToken, &UserAssignedIdentityArgs{ResourceGroupName: rg})
		_, err5 := NewDatastore(ctx, DatastoreToken, &DatastoreArgs{ResourceGroupName: rg, WorkspaceName: ws,
			DatastoreProperties: AzureBlobDatastoreArgs{Credentials: NoneDatastoreCredentialsArgs{}}})
		_, err6 := NewManagedNetworkSettingsRule(ctx, ManagedNetworkSettingsRuleToken, &ManagedNetworkSettingsRuleArgs{ResourceGroupName: rg, WorkspaceName: ws,
			Properties: FqdnOutboundRuleArgs{}})
		_, err7 := NewExtension(ctx, ExtensionToken, &ExtensionArgs{ResourceGroupName: rg, ClusterName: ws, ClusterResourceName: ws, ClusterRp: ws, ExtensionType: ws})
		for _, err := range []error{err1, err2, err3, err4, err5, err6, err7} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s := azureschema.Default()
	for tok := range Inputs {
		r := named(t, m, tok) // each resource is named after its token
		for name, p := range s.Resources[tok].Inputs {
			if p.Default != nil {
				wantValues(t, r, map[string]any{name: p.Default})
			}
		}
	}
}
