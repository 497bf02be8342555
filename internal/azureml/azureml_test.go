package azureml

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// mocks records every registered resource. NewResource is called concurrently, hence the mutex.
type mocks struct {
	mu        sync.Mutex
	resources map[string]pulumi.MockResourceArgs
}

func newMocks() *mocks { return &mocks{resources: map[string]pulumi.MockResourceArgs{}} }

func (m *mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.mu.Lock()
	m.resources[args.Name] = args
	m.mu.Unlock()

	outs := args.Inputs.Copy()
	id := "/subscriptions/0000/resourceGroups/rg/providers/mock/" + args.Name
	switch args.TypeToken {
	case ExtensionToken:
		outs["aksAssignedIdentity"] = resource.NewProperty(resource.PropertyMap{"principalId": resource.NewProperty("principal-" + args.Name)})
	case WorkspaceToken, WorkspaceV20241001Token:
		outs["name"] = resource.NewProperty(args.Name)
		outs["workspaceId"] = resource.NewProperty("00000000-1111-2222-3333-444444444444")
		outs["provisioningState"] = resource.NewProperty("Succeeded")
		outs["identity"] = resource.NewProperty(resource.PropertyMap{
			"principalId": resource.NewProperty("principal-" + args.Name),
			"tenantId":    resource.NewProperty("tenant"),
			"type":        resource.NewProperty("SystemAssigned"),
		})
	case ComputeToken:
		outs["name"] = resource.NewProperty(args.Name)
		ct := ""
		if p := args.Inputs["properties"]; p.IsObject() {
			ct = p.ObjectValue()["computeType"].StringValue()
		}
		outs["properties"] = resource.NewProperty(resource.PropertyMap{
			"computeType":       resource.NewProperty(ct),
			"provisioningState": resource.NewProperty("Succeeded"),
			"isAttachedCompute": resource.NewProperty(ct != ComputeTypeAmlCompute),
		})
	}
	return id, outs, nil
}

func (m *mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return args.Args, nil
}

func (m *mocks) get(t *testing.T, name string) pulumi.MockResourceArgs {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.resources[name]
	if !ok {
		t.Fatalf("resource %q was not registered", name)
	}
	return r
}

// at walks an input property map along a dotted path, stepping through secrets and outputs.
func at(t *testing.T, pm resource.PropertyMap, path string) resource.PropertyValue {
	t.Helper()
	v := resource.NewProperty(pm)
	for _, k := range strings.Split(path, ".") {
		v = reveal(v)
		if !v.IsObject() {
			t.Fatalf("%s: %q is not reached through an object (got %v)", path, k, v)
		}
		next, ok := v.ObjectValue()[resource.PropertyKey(k)]
		if !ok {
			t.Fatalf("%s: no %q in %v", path, k, v)
		}
		v = next
	}
	return v
}

func reveal(v resource.PropertyValue) resource.PropertyValue {
	for {
		switch {
		case v.IsSecret():
			v = v.SecretValue().Element
		case v.IsOutput():
			v = v.OutputValue().Element
		default:
			return v
		}
	}
}

func isSecret(v resource.PropertyValue) bool {
	return v.IsSecret() || (v.IsOutput() && v.OutputValue().Secret)
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
	m := newMocks()
	got := map[string]chan string{}
	for _, k := range []string{"principalId", "workspaceId", "clusterState", "vmState"} {
		got[k] = make(chan string, 1)
	}
	if err := pulumi.RunErr(program(got), pulumi.WithMocks("amlvnet", "test", m)); err != nil {
		t.Fatal(err)
	}

	// Workspace.
	ws := m.get(t, "ws")
	if ws.TypeToken != WorkspaceToken {
		t.Errorf("workspace type = %s", ws.TypeToken)
	}
	for path, want := range map[string]any{
		"resourceGroupName":               "rg",
		"publicNetworkAccess":             "Disabled",
		"identity.type":                   "SystemAssigned",
		"sku.name":                        "Basic",
		"sku.tier":                        "Basic",
		"allowPublicAccessWhenBehindVnet": false, // SDK defaults applied
		"hbiWorkspace":                    false,
		"v1LegacyMode":                    false,
	} {
		if v := reveal(at(t, ws.Inputs, path)).V; v != want {
			t.Errorf("workspace %s = %v, want %v", path, v, want)
		}
	}

	// AmlCompute cluster.
	cl := m.get(t, "cpucluster")
	if cl.TypeToken != ComputeToken {
		t.Errorf("cluster type = %s", cl.TypeToken)
	}
	for path, want := range map[string]any{
		"workspaceName":          "ws",
		"properties.computeType": "AmlCompute",
		"properties.properties.scaleSettings.maxNodeCount":  4.0,
		"properties.properties.scaleSettings.minNodeCount":  0.0,
		"properties.properties.subnet.id":                   subnetID,
		"properties.properties.enableNodePublicIp":          false,
		"properties.properties.vmPriority":                  "Dedicated",
		"properties.properties.remoteLoginPortPublicAccess": "Disabled",
	} {
		if v := reveal(at(t, cl.Inputs, path)).V; v != want {
			t.Errorf("cluster %s = %v (%T), want %v", path, v, v, want)
		}
	}

	// Attached VM: computeType filled in, password secret at the leaf only.
	vm := m.get(t, "dsvm")
	if v := reveal(at(t, vm.Inputs, "properties.computeType")).V; v != "VirtualMachine" {
		t.Errorf("vm computeType = %v", v)
	}
	pw := at(t, vm.Inputs, "properties.properties.administratorAccount.password")
	if !isSecret(pw) {
		t.Errorf("password input is not secret: %v", pw)
	}
	if reveal(pw).V != "s3cret!" {
		t.Errorf("password = %v", reveal(pw))
	}
	if user := at(t, vm.Inputs, "properties.properties.administratorAccount.username"); isSecret(user) {
		t.Errorf("username should not be secret")
	}
	if isSecret(at(t, vm.Inputs, "properties")) {
		t.Errorf("the whole properties input became secret; only the password should be")
	}

	// Provider version and secret outputs, as the engine would see them.
	for _, r := range []pulumi.MockResourceArgs{ws, cl, vm} {
		if r.RegisterRPC == nil {
			t.Fatalf("%s: no RegisterRPC recorded", r.Name)
		}
		if v := r.RegisterRPC.GetVersion(); v != ProviderVersion {
			t.Errorf("%s: provider version %q, want %q", r.Name, v, ProviderVersion)
		}
	}
	for _, r := range []pulumi.MockResourceArgs{cl, vm} {
		if aso := r.RegisterRPC.GetAdditionalSecretOutputs(); !slices.Contains(aso, "properties") {
			t.Errorf("%s: additionalSecretOutputs = %v, want properties", r.Name, aso)
		}
	}

	// Outputs.
	for key, want := range map[string]string{
		"principalId":  "principal-ws",
		"workspaceId":  "00000000-1111-2222-3333-444444444444",
		"clusterState": "Succeeded",
		"vmState":      "Succeeded",
	} {
		select {
		case v := <-got[key]:
			if v != want {
				t.Errorf("%s = %q, want %q", key, v, want)
			}
		default:
			t.Errorf("%s never resolved", key)
		}
	}

	// The recorded inputs pass the input checker, as the stand-in provider runs it on the binding.
	resources := map[string]reflect.Type{}
	for tok, in := range Inputs {
		resources[tok] = in.ElementType()
	}
	c := &azureschema.Checker{Resources: resources, Unions: Unions, Schema: azureschema.Default()}
	for _, r := range []pulumi.MockResourceArgs{ws, cl, vm} {
		if problems, known := c.Check(r.TypeToken, plain(r.Inputs)); len(problems) > 0 || !known {
			t.Errorf("%s: problems %v (token known: %v)", r.Name, problems, known)
		}
	}
}

// plain turns recorded inputs into JSON-like values, revealing secrets.
func plain(pm resource.PropertyMap) map[string]any {
	var repl func(v resource.PropertyValue) (any, bool)
	repl = func(v resource.PropertyValue) (any, bool) {
		switch {
		case v.IsComputed() || (v.IsOutput() && !v.OutputValue().Known):
			return sig.UnknownStringValue, true
		case v.IsSecret() || v.IsOutput():
			return reveal(v).MapRepl(nil, repl), true
		}
		return nil, false
	}
	return pm.MapRepl(nil, repl)
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
	}, pulumi.WithMocks("amlvnet", "test", newMocks()))
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewComputeRequiredInputs(t *testing.T) {
	m := newMocks()
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
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
	}, pulumi.WithMocks("amlvnet", "test", m))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.resources) != 0 {
		t.Errorf("resources registered despite invalid args: %v", reflect.ValueOf(m.resources).MapKeys())
	}
}

// TestCallerArgsUntouched checks that NewWorkspace and NewCompute apply defaults and fill in
// computeType on copies, never on the caller's structs.
func TestCallerArgsUntouched(t *testing.T) {
	wargs := &WorkspaceArgs{ResourceGroupName: pulumi.String("rg")}
	member := &AKSArgs{ResourceId: pulumi.String("/subscriptions/0000/.../managedClusters/aks")}
	cargs := &ComputeArgs{ResourceGroupName: pulumi.String("rg"), WorkspaceName: pulumi.String("ws"), Properties: member}
	m := newMocks()
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		if _, err := NewWorkspace(ctx, "ws", wargs); err != nil {
			return err
		}
		_, err := NewCompute(ctx, "aks", cargs)
		return err
	}, pulumi.WithMocks("amlvnet", "test", m))
	if err != nil {
		t.Fatal(err)
	}
	if wargs.HbiWorkspace != nil || member.ComputeType != "" || cargs.Properties != member {
		t.Error("caller's args were modified")
	}
	if v := reveal(at(t, m.get(t, "aks").Inputs, "properties.computeType")).V; v != "AKS" {
		t.Errorf("aks computeType = %v", v)
	}
}

// TestAKSSecretKey attaches an AKS cluster whose sslConfiguration holds a secret key: the key must
// reach the engine as a secret, at the leaf or at an enclosing object.
func TestAKSSecretKey(t *testing.T) {
	m := newMocks()
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
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
	}, pulumi.WithMocks("amlvnet", "test", m))
	if err != nil {
		t.Fatal(err)
	}
	in := m.get(t, "aks").Inputs
	secret := false
	path := ""
	for _, k := range strings.Split("properties.properties.sslConfiguration.key", ".") {
		path = strings.TrimPrefix(path+"."+k, ".")
		secret = secret || isSecret(at(t, in, path))
	}
	if !secret {
		t.Errorf("sslConfiguration.key reached the engine without a secret marker")
	}
	if v := reveal(at(t, in, "properties.properties.sslConfiguration.key")).V; v != "-----BEGIN PRIVATE KEY-----" {
		t.Errorf("key = %v", v)
	}
	for path, want := range map[string]any{
		"properties.computeType": "AKS",
		"properties.properties.aksNetworkingConfiguration.dnsServiceIP": "10.0.0.10",
		"properties.properties.loadBalancerType":                        "InternalLoadBalancer",
		"properties.properties.sslConfiguration.status":                 "Enabled",
	} {
		if v := reveal(at(t, in, path)).V; v != want {
			t.Errorf("%s = %v, want %v", path, v, want)
		}
	}
}
