package standin

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/amlvnet/amlvnet/internal/azureschema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

const (
	workspaceTok = "azure-native:machinelearningservices:Workspace"
	computeTok   = "azure-native:machinelearningservices:Compute"
	identityTok  = "azure-native:managedidentity:UserAssignedIdentity"
)

// The inputs below are plain values, as toPlain hands them to a SchemaChecker
// (numbers are float64).

func validWorkspace() map[string]any {
	return map[string]any{
		"resourceGroupName":               "rg",
		"workspaceName":                   "mlw",
		"location":                        "eastus2",
		"allowPublicAccessWhenBehindVnet": false,
		"hbiWorkspace":                    false,
		"v1LegacyMode":                    false,
		"publicNetworkAccess":             "Disabled",
		"storageAccount":                  "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa",
		"keyVault":                        "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
		"identity": map[string]any{
			"type":                   "SystemAssigned,UserAssigned",
			"userAssignedIdentities": []any{"/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id"},
		},
		"sku":  map[string]any{"name": "Basic", "tier": "Basic"},
		"tags": map[string]any{"env": "dev"},
	}
}

func validAmlCompute() map[string]any {
	return map[string]any{
		"resourceGroupName": "rg",
		"workspaceName":     "mlw",
		"computeName":       "cpucluster",
		"location":          "eastus2",
		"tags":              map[string]any{"env": "dev"},
		"properties": map[string]any{
			"computeType":      "AmlCompute",
			"computeLocation":  "eastus2",
			"disableLocalAuth": true,
			"properties": map[string]any{
				"vmSize":                      "STANDARD_D2_V2",
				"vmPriority":                  "Dedicated",
				"osType":                      "Linux",
				"enableNodePublicIp":          false,
				"remoteLoginPortPublicAccess": "Disabled",
				"propertyBag":                 map[string]any{"anything": []any{1.0, "x"}},
				"scaleSettings": map[string]any{
					"minNodeCount": 0.0, "maxNodeCount": 4.0, "nodeIdleTimeBeforeScaleDown": "PT5M",
				},
				"subnet":                 map[string]any{"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/training"},
				"userAccountCredentials": map[string]any{"adminUserName": "azureuser", "adminUserSshPublicKey": "ssh-rsa AAAA"},
			},
		},
	}
}

func validVMCompute() map[string]any {
	return map[string]any{
		"resourceGroupName": "rg",
		"workspaceName":     "mlw",
		"computeName":       "dsvm",
		"location":          "eastus2",
		"properties": map[string]any{
			"computeType": "VirtualMachine",
			"resourceId":  "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/dsvm",
			"properties": map[string]any{
				"address": "10.20.0.4",
				"sshPort": 22.0,
				"administratorAccount": map[string]any{
					"username": "azureuser", "password": "hunter2",
				},
			},
		},
	}
}

func validAKSCompute() map[string]any {
	return map[string]any{
		"resourceGroupName": "rg",
		"workspaceName":     "mlw",
		"properties": map[string]any{
			"computeType": "AKS",
			"resourceId":  "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks",
			"properties": map[string]any{
				"clusterPurpose":   "FastProd",
				"loadBalancerType": "InternalLoadBalancer",
				"aksNetworkingConfiguration": map[string]any{
					"subnetId": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/aks",
				},
			},
		},
	}
}

func validHDInsightCompute() map[string]any {
	return map[string]any{
		"resourceGroupName": "rg",
		"workspaceName":     "mlw",
		"properties": map[string]any{
			"computeType": "HDInsight",
			"properties": map[string]any{
				"address": "10.20.0.5", "sshPort": 22.0,
				"administratorAccount": map[string]any{"username": "admin", "privateKeyData": "KEY"},
			},
		},
	}
}

func validIdentity() map[string]any {
	return map[string]any{"resourceGroupName": "rg", "resourceName": "aks-identity", "location": "eastus2", "tags": map[string]any{"env": "dev"}}
}

var validInputs = []struct {
	name, token string
	inputs      func() map[string]any
}{
	{"workspace", workspaceTok, validWorkspace},
	{"amlcompute", computeTok, validAmlCompute},
	{"vm compute", computeTok, validVMCompute},
	{"aks compute", computeTok, validAKSCompute},
	{"hdinsight compute", computeTok, validHDInsightCompute},
	{"identity", identityTok, validIdentity},
}

// props returns the nested map at path (keys separated by dots).
func props(m map[string]any, path string) map[string]any {
	for _, k := range strings.Split(path, ".") {
		m = m[k].(map[string]any)
	}
	return m
}

func wantProblems(t *testing.T, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Fatalf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestBindingCheckerValid(t *testing.T) {
	for _, v := range validInputs {
		if got := (BindingChecker{}).CheckInputs(v.token, v.inputs()); len(got) != 0 {
			t.Errorf("%s: unexpected problems %q", v.name, got)
		}
	}
}

func TestBindingCheckerUnknownProperty(t *testing.T) {
	in := validAmlCompute()
	in["computeNmae"] = "x"
	props(in, "properties.properties")["vmSzie"] = "STANDARD_D2_V2"
	props(in, "properties.properties.scaleSettings")["maxNodes"] = 3.0
	props(in, "properties")["adminPwd"] = "hunter2"
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in),
		"computeNmae: unknown property",
		"properties.adminPwd: unknown property",
		"properties.properties.scaleSettings.maxNodes: unknown property",
		"properties.properties.vmSzie: unknown property",
	)

	// A key of another union member is unknown in the selected one.
	in = validVMCompute()
	props(in, "properties.properties")["scaleSettings"] = map[string]any{"maxNodeCount": 1.0}
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in), "properties.properties.scaleSettings: unknown property")

	ws := validWorkspace()
	ws["managedNetwork"] = map[string]any{}
	wantProblems(t, BindingChecker{}.CheckInputs(workspaceTok, ws), "managedNetwork: unknown property")
}

func TestBindingCheckerWrongType(t *testing.T) {
	ws := validWorkspace()
	ws["hbiWorkspace"] = "false"
	ws["tags"] = map[string]any{"env": 1.0}
	props(ws, "identity")["userAssignedIdentities"] = "/subscriptions/x/id"
	ws["sku"] = "Basic"
	ws["location"] = []any{"eastus2"}
	wantProblems(t, BindingChecker{}.CheckInputs(workspaceTok, ws),
		"hbiWorkspace: expected boolean, got string",
		"identity.userAssignedIdentities: expected array, got string",
		"location: expected string, got array",
		"sku: expected object, got string",
		"tags.env: expected string, got number",
	)

	in := validAmlCompute()
	scale := props(in, "properties.properties.scaleSettings")
	scale["maxNodeCount"] = "4"
	scale["minNodeCount"] = 0.5
	props(in, "properties.properties")["subnet"] = "/subscriptions/x/subnets/s"
	in["properties"].(map[string]any)["disableLocalAuth"] = 1.0
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in),
		"properties.disableLocalAuth: expected boolean, got number",
		"properties.properties.scaleSettings.maxNodeCount: expected integer, got string",
		"properties.properties.scaleSettings.minNodeCount: expected integer, got 0.5",
		"properties.properties.subnet: expected object, got string",
	)

	in = validVMCompute()
	props(in, "properties.properties.administratorAccount")["username"] = []any{"a"}
	in["properties"] = []any{}
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in), "properties: expected object, got array")
}

func TestBindingCheckerMissingRequired(t *testing.T) {
	ws := validWorkspace()
	delete(ws, "resourceGroupName")
	delete(props(ws, "identity"), "type")
	props(ws, "sku")["name"] = nil // null counts as absent
	wantProblems(t, BindingChecker{}.CheckInputs(workspaceTok, ws),
		"identity.type: required",
		"resourceGroupName: required",
		"sku.name: required",
	)

	in := validAmlCompute()
	delete(in, "workspaceName")
	delete(props(in, "properties.properties.scaleSettings"), "maxNodeCount")
	delete(props(in, "properties.properties.userAccountCredentials"), "adminUserName")
	props(in, "properties.properties")["subnet"] = map[string]any{}
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in),
		"properties.properties.scaleSettings.maxNodeCount: required",
		"properties.properties.subnet.id: required",
		"properties.properties.userAccountCredentials.adminUserName: required",
		"workspaceName: required",
	)

	wantProblems(t, BindingChecker{}.CheckInputs(identityTok, map[string]any{}), "resourceGroupName: required")
}

func TestBindingCheckerComputeType(t *testing.T) {
	in := validAmlCompute()
	props(in, "properties")["computeType"] = "Kubernetes"
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in),
		`properties.computeType: unknown union member "Kubernetes" (allowed: AKS, AmlCompute, HDInsight, VirtualMachine)`)

	delete(props(in, "properties"), "computeType")
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in), "properties.computeType: required")

	props(in, "properties")["computeType"] = true
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in), "properties.computeType: expected string, got boolean")

	// The union is optional: a compute without properties passes.
	in = validAmlCompute()
	delete(in, "properties")
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in))
}

func TestBindingCheckerSkipsUnknowns(t *testing.T) {
	in := validAmlCompute()
	in["resourceGroupName"] = sig.UnknownStringValue // required, present though unknown
	in["tags"] = sig.UnknownStringValue
	p := props(in, "properties.properties")
	p["enableNodePublicIp"] = sig.UnknownStringValue
	p["subnet"] = sig.UnknownStringValue
	props(p, "scaleSettings")["maxNodeCount"] = sig.UnknownStringValue
	props(p, "userAccountCredentials")["adminUserName"] = sig.UnknownStringValue
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in))

	props(in, "properties")["properties"] = sig.UnknownStringValue
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in))

	// An unknown discriminator: the member cannot be chosen, nothing to judge.
	in = validAmlCompute()
	props(in, "properties")["computeType"] = sig.UnknownStringValue
	props(in, "properties.properties")["notAField"] = 1.0
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in))

	in["properties"] = sig.UnknownStringValue
	wantProblems(t, BindingChecker{}.CheckInputs(computeTok, in))
}

func TestBindingCheckerTokens(t *testing.T) {
	var b BindingChecker
	for _, tok := range []string{workspaceTok, computeTok, identityTok} {
		if !b.Handles(tok) || !slices.Contains(SchemaTokens, tok) {
			t.Errorf("%s: handled %v, in SchemaTokens %v", tok, b.Handles(tok), slices.Contains(SchemaTokens, tok))
		}
	}
	if b.Handles("azure-native:containerservice:ManagedCluster") {
		t.Error("ManagedCluster is left to the built-in table")
	}
	wantProblems(t, b.CheckInputs("azure-native:network:PrivateZone", map[string]any{}),
		"azure-native:network:PrivateZone: unknown resource token")
}

// TestBindingCheckerAgreesWithSchema runs both checkers on the same inputs
// both accept the valid ones, and both report the same problems on invalid
// ones that need no enum knowledge.
func TestBindingCheckerAgreesWithSchema(t *testing.T) {
	schema := azureschema.Default()
	var b BindingChecker
	for _, v := range validInputs {
		if got := schema.CheckInputs(v.token, v.inputs()); len(got) != 0 {
			t.Errorf("%s: the schema rejects the valid inputs: %q", v.name, got)
		}
		if got := b.CheckInputs(v.token, v.inputs()); len(got) != 0 {
			t.Errorf("%s: the binding rejects the valid inputs: %q", v.name, got)
		}
	}

	invalid := []struct {
		name, token string
		inputs      func() map[string]any
	}{
		{"workspace", workspaceTok, func() map[string]any {
			ws := validWorkspace()
			delete(ws, "resourceGroupName")
			ws["hbiWorkspace"] = "no"
			ws["lcoation"] = "eastus2"
			delete(props(ws, "sku"), "name")
			ws["tags"] = map[string]any{"n": 1.0}
			return ws
		}},
		{"amlcompute", computeTok, func() map[string]any {
			in := validAmlCompute()
			delete(in, "workspaceName")
			p := props(in, "properties.properties")
			p["vmSzie"] = "x"
			p["subnet"] = map[string]any{}
			delete(props(p, "scaleSettings"), "maxNodeCount")
			props(p, "scaleSettings")["minNodeCount"] = 1.5
			return in
		}},
		{"vm compute", computeTok, func() map[string]any {
			in := validVMCompute()
			props(in, "properties.properties")["sshPort"] = "22"
			props(in, "properties.properties.administratorAccount")["user"] = "x"
			return in
		}},
		{"no computeType", computeTok, func() map[string]any {
			in := validAKSCompute()
			delete(props(in, "properties"), "computeType")
			return in
		}},
		{"identity", identityTok, func() map[string]any {
			return map[string]any{"location": 1.0, "name": "x"}
		}},
	}
	for _, v := range invalid {
		want := schema.CheckInputs(v.token, v.inputs())
		got := b.CheckInputs(v.token, v.inputs())
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\nbinding %q\n schema %q", v.name, got, want)
		}
	}
}
