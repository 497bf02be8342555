package azureml_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	. "github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

// These tests run programs under the project's mocks (internal/pulumitest), which answer as the
// stand-in provider does and check every resource's inputs with the same input checker: a
// registration azure-native would refuse fails the program.

// run runs program under fresh mocks.
func run(t *testing.T, program pulumi.RunFunc) (*pulumitest.Mocks, error) {
	t.Helper()
	m := &pulumitest.Mocks{}
	return m, m.Run(program, nil)
}

// named returns the resource registered under name.
func named(t *testing.T, m *pulumitest.Mocks, name string) pulumitest.Resource {
	t.Helper()
	for _, r := range m.Resources() {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("resource %q was not registered", name)
	return pulumitest.Resource{}
}

// wantValues checks the inputs of r at each dotted path.
func wantValues(t *testing.T, r pulumitest.Resource, values map[string]any) {
	t.Helper()
	for path, want := range values {
		if v, _ := r.Input(path); v.V != want {
			t.Errorf("%s %s = %v (%T), want %v", r.Name, path, v.V, v.V, want)
		}
	}
}

// secretAt tells whether the input at path was a secret on the way to it.
func secretAt(r pulumitest.Resource, path string) bool {
	_, secret := r.Input(path)
	return secret
}

const subnetID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/training"

// program registers a workspace, an AmlCompute cluster and an attached VM with a secret password.
func program(got map[string]chan string) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		ws, err := NewWorkspace(ctx, "ws", &WorkspaceArgs{
			ResourceGroupName:   pulumi.String("rg"),
			Location:            pulumi.String("eastus2"),
			Identity:            &ManagedServiceIdentityArgs{Type: ManagedServiceIdentityTypeSystemAssigned},
			StorageAccount:      pulumi.String("/subscriptions/0000/.../storageAccounts/st"),
			KeyVault:            pulumi.String("/subscriptions/0000/.../vaults/kv"),
			ApplicationInsights: pulumi.String("/subscriptions/0000/.../components/ai"),
			PublicNetworkAccess: PublicNetworkAccessDisabled,
			ImageBuildCompute:   pulumi.String("cpucluster"),
			Sku:                 &SkuArgs{Name: pulumi.String("Basic"), Tier: SkuTierBasic},
			Tags:                pulumi.StringMap{"env": pulumi.String("dev")},
		})
		if err != nil {
			return err
		}
		cluster, err := NewCompute(ctx, "cpucluster", &ComputeArgs{
			ResourceGroupName: pulumi.String("rg"),
			WorkspaceName:     ws.Name,
			ComputeName:       pulumi.String("cpucluster"),
			Location:          pulumi.String("eastus2"),
			Properties: AmlComputeArgs{
				ComputeType: ComputeTypeAmlCompute,
				Properties: &AmlComputePropertiesArgs{
					VmSize:                      pulumi.String("STANDARD_D2_V2"),
					VmPriority:                  VmPriorityDedicated,
					OsType:                      OsTypeLinux,
					EnableNodePublicIp:          pulumi.Bool(false),
					RemoteLoginPortPublicAccess: RemoteLoginPortPublicAccessDisabled,
					ScaleSettings: &ScaleSettingsArgs{
						MaxNodeCount:                pulumi.Int(4),
						MinNodeCount:                pulumi.Int(0),
						NodeIdleTimeBeforeScaleDown: pulumi.String("PT5M"),
					},
					Subnet: &ResourceIdArgs{Id: pulumi.String(subnetID)},
				},
			},
		})
		if err != nil {
			return err
		}
		vm, err := NewCompute(ctx, "dsvm", &ComputeArgs{
			ResourceGroupName: pulumi.String("rg"),
			WorkspaceName:     ws.Name,
			// A pointer member with ComputeType left empty: NewCompute fills it in.
			Properties: &VirtualMachineArgs{
				ResourceId: pulumi.String("/subscriptions/0000/.../virtualMachines/dsvm"),
				Properties: &VirtualMachineSchemaPropertiesArgs{
					Address: pulumi.String("10.20.0.10"),
					SshPort: pulumi.Int(22),
					AdministratorAccount: &VirtualMachineSshCredentialsArgs{
						Username: pulumi.String("azureuser"),
						Password: pulumi.ToSecret(pulumi.String("s3cret!")).(pulumi.StringOutput),
					},
				},
			},
		})
		if err != nil {
			return err
		}
		send := func(key string, o pulumi.StringOutput) {
			o.ApplyT(func(s string) string { got[key] <- s; return s })
		}
		send("principalId", ws.PrincipalId())
		send("workspaceId", ws.WorkspaceId)
		send("clusterState", cluster.ProvisioningState())
		send("vmState", vm.ProvisioningState())
		return nil
	}
}

func TestMockedProgram(t *testing.T) {
	got := map[string]chan string{}
	for _, k := range []string{"principalId", "workspaceId", "clusterState", "vmState"} {
		got[k] = make(chan string, 1)
	}
	m, err := run(t, program(got))
	if err != nil {
		t.Fatal(err)
	}

	// Workspace.
	ws := named(t, m, "ws")
	if ws.Type != WorkspaceToken {
		t.Errorf("workspace type = %s", ws.Type)
	}
	wantValues(t, ws, map[string]any{
		"resourceGroupName":               "rg",
		"publicNetworkAccess":             "Disabled",
		"identity.type":                   "SystemAssigned",
		"sku.name":                        "Basic",
		"sku.tier":                        "Basic",
		"allowPublicAccessWhenBehindVnet": false, // SDK defaults applied
		"hbiWorkspace":                    false,
		"v1LegacyMode":                    false,
	})

	// AmlCompute cluster.
	cl := named(t, m, "cpucluster")
	if cl.Type != ComputeToken {
		t.Errorf("cluster type = %s", cl.Type)
	}
	wantValues(t, cl, map[string]any{
		"workspaceName":          "ws",
		"properties.computeType": "AmlCompute",
		"properties.properties.scaleSettings.maxNodeCount":  4.0,
		"properties.properties.scaleSettings.minNodeCount":  0.0,
		"properties.properties.subnet.id":                   subnetID,
		"properties.properties.enableNodePublicIp":          false,
		"properties.properties.vmPriority":                  "Dedicated",
		"properties.properties.remoteLoginPortPublicAccess": "Disabled",
	})

	// Attached VM: computeType filled in, password secret at the leaf only.
	vm := named(t, m, "dsvm")
	wantValues(t, vm, map[string]any{
		"properties.computeType":                              "VirtualMachine",
		"properties.properties.administratorAccount.password": "s3cret!",
	})
	if !secretAt(vm, "properties.properties.administratorAccount.password") {
		t.Errorf("password input is not secret")
	}
	if secretAt(vm, "properties.properties.administratorAccount.username") {
		t.Errorf("username should not be secret")
	}
	if secretAt(vm, "properties") {
		t.Errorf("the whole properties input became secret; only the password should be")
	}

	// Provider version and secret outputs, as the engine would see them.
	for _, r := range []pulumitest.Resource{ws, cl, vm} {
		if r.Version != ProviderVersion {
			t.Errorf("%s: provider version %q, want %q", r.Name, r.Version, ProviderVersion)
		}
	}
	for _, r := range []pulumitest.Resource{cl, vm} {
		if !slices.Contains(r.SecretOutputs, "properties") {
			t.Errorf("%s: additionalSecretOutputs = %v, want properties", r.Name, r.SecretOutputs)
		}
	}

	// Outputs, as the stand-in answers them.
	for key, want := range map[string]string{"principalId": "", "workspaceId": "", "clusterState": "Succeeded", "vmState": "Succeeded"} {
		select {
		case v := <-got[key]:
			if v == "" || (want != "" && v != want) {
				t.Errorf("%s = %q, want %q", key, v, want)
			}
		default:
			t.Errorf("%s never resolved", key)
		}
	}
}

func TestNewWorkspaceRequiredInputs(t *testing.T) {
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		if _, err := NewWorkspace(ctx, "nil", nil); err == nil || !strings.Contains(err.Error(), `property "resourceGroupName": missing required property`) {
			t.Errorf("nil args: err = %v", err)
		}
		_, err := NewWorkspace(ctx, "bad", &WorkspaceArgs{
			Identity: &ManagedServiceIdentityArgs{},
			Sku:      &SkuArgs{Tier: SkuTierFree},
		})
		for _, want := range []string{`"resourceGroupName": missing required property`, `"identity.type": missing required property`, `"sku.name": missing required property`} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v, want it to mention %s", err, want)
			}
		}
		return nil
	}, pulumi.WithMocks("amlvnet", "test", &pulumitest.Mocks{}))
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewComputeRequiredInputs(t *testing.T) {
	m, err := run(t, func(ctx *pulumi.Context) error {
		if _, err := NewCompute(ctx, "nil", nil); err == nil || !strings.Contains(err.Error(), `property "workspaceName": missing required property`) {
			t.Errorf("nil args: err = %v", err)
		}
		_, err := NewCompute(ctx, "bad", &ComputeArgs{
			Properties: AmlComputeArgs{Properties: &AmlComputePropertiesArgs{
				ScaleSettings:          &ScaleSettingsArgs{MinNodeCount: pulumi.Int(0)},
				Subnet:                 &ResourceIdArgs{},
				UserAccountCredentials: &UserAccountCredentialsArgs{},
			}},
		})
		for _, want := range []string{
			`"resourceGroupName": missing required property`, `"workspaceName": missing required property`,
			`"properties.properties.scaleSettings.maxNodeCount": missing required property`,
			`"properties.properties.subnet.id": missing required property`,
			`"properties.properties.userAccountCredentials.adminUserName": missing required property`,
		} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v, want it to mention %s", err, want)
			}
		}
		_, err = NewCompute(ctx, "mismatch", &ComputeArgs{
			ResourceGroupName: pulumi.String("rg"),
			WorkspaceName:     pulumi.String("ws"),
			Properties:        &AKSArgs{ComputeType: ComputeTypeAmlCompute},
		})
		if err == nil || !strings.Contains(err.Error(), "computeType") {
			t.Errorf("mismatched computeType: err = %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Resources()) != 0 {
		t.Errorf("resources registered despite invalid args: %v", m.Resources())
	}
}

// TestCallerArgsUntouched checks that NewWorkspace and NewCompute apply defaults and fill in
// computeType on copies, never on the caller's structs.
func TestCallerArgsUntouched(t *testing.T) {
	wargs := &WorkspaceArgs{ResourceGroupName: pulumi.String("rg")}
	member := &AKSArgs{ResourceId: pulumi.String("/subscriptions/0000/.../managedClusters/aks")}
	cargs := &ComputeArgs{ResourceGroupName: pulumi.String("rg"), WorkspaceName: pulumi.String("ws"), Properties: member}
	m, err := run(t, func(ctx *pulumi.Context) error {
		if _, err := NewWorkspace(ctx, "ws", wargs); err != nil {
			return err
		}
		_, err := NewCompute(ctx, "aks", cargs)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if wargs.HbiWorkspace != nil || member.ComputeType != "" || cargs.Properties != member {
		t.Error("caller's args were modified")
	}
	wantValues(t, named(t, m, "aks"), map[string]any{"properties.computeType": "AKS"})
}

// TestAKSSecretKey attaches an AKS cluster whose sslConfiguration holds a secret key: the key must
// reach the engine as a secret, at the leaf or at an enclosing object.
func TestAKSSecretKey(t *testing.T) {
	m, err := run(t, func(ctx *pulumi.Context) error {
		ssl := &SslConfigurationArgs{
			Status: SslConfigStatusEnabled,
			Cert:   pulumi.String("-----BEGIN CERTIFICATE-----"),
			Key:    pulumi.ToSecret(pulumi.String("-----BEGIN PRIVATE KEY-----")).(pulumi.StringOutput),
			Cname:  pulumi.String("scoring.example.com"),
		}
		_, err := NewCompute(ctx, "aks", &ComputeArgs{
			ResourceGroupName: pulumi.String("rg"),
			WorkspaceName:     pulumi.String("ws"),
			Properties: AKSArgs{
				ResourceId: pulumi.String("/subscriptions/0000/.../managedClusters/aks"),
				Properties: &AKSSchemaPropertiesArgs{
					ClusterPurpose:     ClusterPurposeDevTest,
					LoadBalancerType:   LoadBalancerTypeInternalLoadBalancer,
					LoadBalancerSubnet: pulumi.String("aks-subnet"),
					AksNetworkingConfiguration: &AksNetworkingConfigurationArgs{
						SubnetId:     pulumi.String(subnetID),
						ServiceCidr:  pulumi.String("10.0.0.0/16"),
						DnsServiceIP: pulumi.String("10.0.0.10"),
					},
					SslConfiguration: ssl,
				},
			},
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	aks := named(t, m, "aks")
	if !secretAt(aks, "properties.properties.sslConfiguration.key") {
		t.Errorf("sslConfiguration.key reached the engine without a secret marker")
	}
	wantValues(t, aks, map[string]any{
		"properties.properties.sslConfiguration.key":                    "-----BEGIN PRIVATE KEY-----",
		"properties.computeType":                                        "AKS",
		"properties.properties.aksNetworkingConfiguration.dnsServiceIP": "10.0.0.10",
		"properties.properties.loadBalancerType":                        "InternalLoadBalancer",
		"properties.properties.sslConfiguration.status":                 "Enabled",
	})
}
