package main

import (
	"reflect"
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/amlvnet/amlvnet/components"
)

func str(s string) property.Value { return property.New(s) }

const (
	subnetID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/training"
	aksID    = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/aks"
	peID     = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/private-endpoints"
)

func constructComponent(t *testing.T, rec *recorder, typ string, in map[string]property.Value) (p.ConstructResponse, error) {
	t.Helper()
	return amlvnet(t, rec).Construct(p.ConstructRequest{
		Urn:    presource.URN("urn:pulumi:test::proj::amlvnet:index:" + typ + "::c"),
		Inputs: property.NewMap(in),
	})
}

// at reads the property at a dotted path of m.
func at(m property.Map, path string) property.Value {
	keys := strings.Split(path, ".")
	v := m.Get(keys[0])
	for _, k := range keys[1:] {
		v = v.AsMap().Get(k)
	}
	return v
}

// TestEveryComponentConstructs: each component of the package, with
// inputs as another Pulumi program sends them (IDs and names as outputs of
// other resources), constructs and registers its Azure resources with
// what it was given.
func TestEveryComponentConstructs(t *testing.T) {
	workspaceRef := obj(map[string]property.Value{
		"resourceGroupName": fromResource(str("rg")),
		"name":              fromResource(str("ws")),
		"principalId":       fromResource(str("00000000-0000-0000-0000-000000000001")),
		"registryId":        fromResource(str("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr")),
		"storageAccountId":  fromResource(str("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st")),
	})
	for _, c := range []struct {
		typ   string
		in    map[string]property.Value
		state map[string]string // output -> value
		child string            // a resource type it registers
		check func(t *testing.T, rec *recorder)
	}{
		{
			typ: "Network",
			in: map[string]property.Value{
				"resourceGroupName": str("rg"),
				"location":          str("eastus2"),
				"spec": obj(map[string]property.Value{
					"addressSpace":   list("10.20.0.0/16"),
					"trainingSubnet": str("10.20.0.0/24"),
					"aksSubnet":      str("10.20.4.0/22"),
				}),
			},
			state: map[string]string{"trainingSubnetPrefix": "10.20.0.0/24", "aksSubnetPrefix": "10.20.4.0/22", "trainingSubnetName": "training", "privateEndpointSubnetPrefix": ""},
			child: "azure-native:network:VirtualNetwork",
		},
		{
			typ: "SecureKeyVault",
			in: map[string]property.Value{
				"resourceGroupName": str("rg"),
				"location":          str("eastus2"),
				"tenantId":          fromResource(str("00000000-0000-0000-0000-000000000002")),
				"subnetIds":         property.New(property.NewArray([]property.Value{fromResource(str(subnetID))})),
				"spec":              obj(map[string]property.Value{"sku": str("premium")}),
			},
			child: "azure-native:keyvault:Vault",
			check: func(t *testing.T, rec *recorder) {
				if got := at(rec.one(t, "azure-native:keyvault:Vault").Inputs, "properties.sku.name").AsString(); got != "premium" {
					t.Errorf("vault sku %q, want premium", got)
				}
			},
		},
		{
			typ: "MLWorkspace",
			in: map[string]property.Value{
				"resourceGroupName": str("rg"),
				"location":          str("eastus2"),
				"storageAccountId":  fromResource(str("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st")),
				"keyVaultId":        fromResource(str("/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv")),
				"spec":              obj(map[string]property.Value{"name": str("my-ws")}),
			},
			state: map[string]string{"resourceGroupName": "rg", "storageAccountId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st"},
			child: "azure-native:machinelearningservices/v20241001:Workspace",
		},
		{
			typ: "AmlComputeInVnet",
			in: map[string]property.Value{
				"location":  str("eastus2"),
				"workspace": workspaceRef,
				"subnet": obj(map[string]property.Value{
					"prefix":            fromResource(str("10.20.0.0/24")),
					"id":                fromResource(str(subnetID)),
					"resourceGroupName": fromResource(str("rg")),
					"nsgName":           fromResource(str("training-nsg")),
				}),
				"spec": obj(map[string]property.Value{"maxNodes": property.New(2.0)}),
			},
			child: "azure-native:network:SecurityRule",
			check: func(t *testing.T, rec *recorder) {
				compute := rec.one(t, "azure-native:machinelearningservices:Compute").Inputs
				if got := at(compute, "properties.properties.scaleSettings.maxNodeCount").AsNumber(); got != 2 {
					t.Errorf("maxNodeCount %v, want 2", got)
				}
				if got := at(compute, "properties.properties.subnet.id").AsString(); got != subnetID {
					t.Errorf("subnet %q, want %q", got, subnetID)
				}
				if got := compute.Get("workspaceName").AsString(); got != "ws" {
					t.Errorf("workspace %q, want ws", got)
				}
			},
		},
		{
			typ: "AmlComputeInVnet",
			in: map[string]property.Value{
				"location":       str("eastus2"),
				"workspace":      workspaceRef,
				"managedNetwork": property.New(true),
			},
			child: "azure-native:machinelearningservices:Compute",
			check: func(t *testing.T, rec *recorder) {
				for _, r := range rec.resources {
					if string(r.TypeToken) == "azure-native:network:SecurityRule" {
						t.Errorf("a cluster in the managed network got an NSG rule: %v", r.Name)
					}
				}
			},
		},
		{
			typ: "AksInVnet",
			in: map[string]property.Value{
				"resourceGroupName": str("rg"),
				"location":          str("eastus2"),
				"workspace":         workspaceRef,
				"subnet": obj(map[string]property.Value{
					"prefix":            fromResource(str("10.20.4.0/22")),
					"id":                fromResource(str(aksID)),
					"resourceGroupName": str("rg"),
					"nsgName":           fromResource(str("aks-nsg")),
				}),
				"layout": obj(map[string]property.Value{
					"addressSpace": property.New(property.NewArray([]property.Value{fromResource(str("10.20.0.0/16"))})),
					"training":     fromResource(str("10.20.0.0/24")),
					"aks":          fromResource(str("10.20.4.0/22")),
				}),
				"spec": obj(map[string]property.Value{
					"scoringSources": list("198.51.100.0/24"),
					"inference":      obj(map[string]property.Value{"allowInsecureConnections": property.New(true)}),
				}),
			},
			child: "azure-native:containerservice:ManagedCluster",
			check: func(t *testing.T, rec *recorder) {
				ext := rec.one(t, "azure-native:kubernetesconfiguration:Extension").Inputs
				if got := at(ext, "configurationSettings.allowInsecureConnections").AsString(); got != "True" {
					t.Errorf("extension allowInsecureConnections %q, want True", got)
				}
			},
		},
		{
			typ: "PrivateEndpoints",
			in: map[string]property.Value{
				"resourceGroupName": str("rg"),
				"location":          str("eastus2"),
				"vnetId":            fromResource(str("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v")),
				"subnet": obj(map[string]property.Value{
					"prefix": fromResource(str("10.20.1.0/24")),
					"id":     fromResource(str(peID)),
				}),
				"targets": obj(map[string]property.Value{"storage": fromResource(str("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st"))}),
				"spec": obj(map[string]property.Value{"endpoints": property.New(property.NewArray([]property.Value{
					obj(map[string]property.Value{"name": str("storage-blob"), "target": str("storage"), "group": str(components.GroupBlob)}),
				}))}),
			},
			state: map[string]string{},
			child: "azure-native:network:PrivateEndpoint",
			check: func(t *testing.T, rec *recorder) {
				if got := at(rec.one(t, "azure-native:network:PrivateEndpoint").Inputs, "subnet.id").AsString(); got != peID {
					t.Errorf("endpoint subnet %q, want %q", got, peID)
				}
			},
		},
	} {
		t.Run(c.typ, func(t *testing.T) {
			rec := &recorder{}
			resp, err := constructComponent(t, rec, c.typ, c.in)
			if err != nil {
				t.Fatal(err)
			}
			for k, want := range c.state {
				if got, ok := resp.State.GetOk(k); !ok || !got.IsString() || got.AsString() != want {
					t.Errorf("output %s = %v, want %q", k, got, want)
				}
			}
			found := false
			for _, r := range rec.resources {
				found = found || string(r.TypeToken) == c.child
			}
			if !found {
				t.Errorf("no %s registered", c.child)
			}
			if c.check != nil {
				c.check(t, rec)
			}
		})
	}
}

// TestHandleProblemsJoinTheComponents: a bad part of a handle is reported
// with the component's own problems, in one error, each by its path.
func TestHandleProblemsJoinTheComponents(t *testing.T) {
	rec := &recorder{}
	_, err := constructComponent(t, rec, "AmlComputeInVnet", map[string]property.Value{
		"location":  str("middle-earth"),
		"workspace": obj(map[string]property.Value{"resourceGroupName": str("rg")}),
		"subnet": obj(map[string]property.Value{
			"prefix":  fromResource(str("10.20.0.5/24")),
			"id":      fromResource(str(subnetID)),
			"nsgName": fromResource(str("training-nsg")),
		}),
		"spec": obj(map[string]property.Value{"vmPriority": str("Spot")}),
	})
	if err == nil {
		t.Fatal("Construct accepted bad inputs")
	}
	msg := err.Error()
	for _, want := range []string{
		"AmlComputeInVnet: 5 invalid input(s):",
		`- location: unknown Azure region "middle-earth"`,
		"- spec.vmPriority: ",
		`- subnet.prefix: "10.20.0.5/24" has host bits set; the range is 10.20.0.0/24`,
		"- subnet.resourceGroupName: is required",
		"- workspace.name: is required",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the error lacks %q:\n%s", want, msg)
		}
	}
	// The component's own "is required" for the unreadable prefix is not
	// repeated.
	if strings.Count(msg, "subnet.prefix") != 1 {
		t.Errorf("subnet.prefix is reported more than once:\n%s", msg)
	}
	if len(rec.resources) != 0 {
		t.Errorf("resources were registered despite the bad inputs: %v", rec.resources)
	}
}

// TestHandleUnknownPart: a part the component branches on that is unknown
// when it is constructed is a problem named by its path, not a crash or a
// guess.
func TestHandleUnknownPart(t *testing.T) {
	rec := &recorder{}
	_, err := constructComponent(t, rec, "AksInVnet", map[string]property.Value{
		"resourceGroupName": str("rg"),
		"location":          str("eastus2"),
		"workspace":         obj(map[string]property.Value{"resourceGroupName": str("rg"), "name": str("ws")}),
		"subnet": obj(map[string]property.Value{
			"prefix":            fromResource(property.New(property.Computed)),
			"id":                fromResource(str(aksID)),
			"resourceGroupName": str("rg"),
			"nsgName":           str("aks-nsg"),
		}),
		"layout": obj(map[string]property.Value{
			"addressSpace": list("10.20.0.0/16"),
			"training":     str("not-a-range"),
		}),
		"spec": obj(map[string]property.Value{
			"computeType":    str("AKS"),
			"scoringSources": list("198.51.100.0/24"),
			"inference":      obj(nil),
		}),
	})
	if err == nil {
		t.Fatal("Construct accepted an unknown subnet prefix")
	}
	for _, want := range []string{
		"- subnet.prefix: is unknown when the component is constructed",
		`- layout.training: "not-a-range" is not an address range`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q:\n%v", want, err)
		}
	}
	if len(rec.resources) != 0 {
		t.Errorf("resources were registered: %v", rec.resources)
	}
}

// TestInputsMirrorTheArgs: every input of a component's Go args is an
// input of the package under the same name, so the package cannot fall
// behind the library. Handles (untagged in Go) are checked by the tests
// above.
func TestInputsMirrorTheArgs(t *testing.T) {
	for args, inputs := range map[reflect.Type]reflect.Type{
		reflect.TypeFor[components.SecureStorageArgs]():    reflect.TypeFor[SecureStorageInputs](),
		reflect.TypeFor[components.SecureKeyVaultArgs]():   reflect.TypeFor[SecureKeyVaultInputs](),
		reflect.TypeFor[components.MLWorkspaceArgs]():      reflect.TypeFor[MLWorkspaceInputs](),
		reflect.TypeFor[components.AmlComputeInVnetArgs](): reflect.TypeFor[AmlComputeInVnetInputs](),
		reflect.TypeFor[components.AksInVnetArgs]():        reflect.TypeFor[AksInVnetInputs](),
		reflect.TypeFor[components.PrivateEndpointsArgs](): reflect.TypeFor[PrivateEndpointsInputs](),
	} {
		have := map[string]reflect.Type{}
		for _, f := range reflect.VisibleFields(inputs) {
			if tag, ok := f.Tag.Lookup("pulumi"); ok {
				have[strings.Split(tag, ",")[0]] = f.Type
			}
		}
		for _, f := range reflect.VisibleFields(args) {
			tag, ok := f.Tag.Lookup("pulumi")
			if !ok {
				if _, handle := have[lowerFirst(f.Name)]; !handle {
					t.Errorf("%s.%s has no input %q in %s", args.Name(), f.Name, lowerFirst(f.Name), inputs.Name())
				}
				continue
			}
			name := strings.Split(tag, ",")[0]
			got, ok := have[name]
			switch {
			case !ok:
				t.Errorf("%s's input %q is missing from %s", args.Name(), name, inputs.Name())
			case got != f.Type && got != reflect.PointerTo(f.Type):
				t.Errorf("%s's input %q is a %v in %s, a %v in Go", args.Name(), name, got, inputs.Name(), f.Type)
			}
		}
	}
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }
