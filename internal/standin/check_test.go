package standin

import (
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

const (
	workspaceTok = "azure-native:machinelearningservices:Workspace"
	computeTok   = "azure-native:machinelearningservices:Compute"
	identityTok  = "azure-native:managedidentity:UserAssignedIdentity"
)

// The inputs below are plain values, as toPlain hands them to the Checker
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
	{"kubernetes compute", computeTok, validKubernetesCompute},
	{"workspace 2024-10-01", workspace2024Tok, validWorkspace2024},
	{"outbound rule", ruleTok, validRule2024},
	{"datastore", datastoreTok, validDatastore},
	{"extension", extensionTok, validExtension},
}

const (
	workspace2024Tok = "azure-native:machinelearningservices/v20241001:Workspace"
	ruleTok          = "azure-native:machinelearningservices/v20241001:ManagedNetworkSettingsRule"
	datastoreTok     = "azure-native:machinelearningservices:Datastore"
	extensionTok     = "azure-native:kubernetesconfiguration:Extension"
)

func validKubernetesCompute() map[string]any {
	return map[string]any{
		"resourceGroupName": "rg",
		"workspaceName":     "mlw",
		"identity":          map[string]any{"type": "SystemAssigned"},
		"properties": map[string]any{
			"computeType": "Kubernetes",
			"resourceId":  "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks",
			"properties": map[string]any{
				"namespace":     "default",
				"instanceTypes": map[string]any{"gpu": map[string]any{"resources": map[string]any{"limits": map[string]any{"nvidia.com/gpu": "1"}}}},
			},
		},
	}
}

func validWorkspace2024() map[string]any {
	ws := validWorkspace()
	ws["kind"] = "Default"
	ws["managedNetwork"] = map[string]any{
		"isolationMode": "AllowOnlyApprovedOutbound",
		"firewallSku":   "Standard",
		"outboundRules": map[string]any{
			"pypi": map[string]any{"type": "FQDN", "destination": "pypi.org", "category": "UserDefined"},
			"blob": map[string]any{"type": "PrivateEndpoint", "destination": map[string]any{
				"serviceResourceId": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa", "subresourceTarget": "blob"}},
			"monitor": map[string]any{"type": "ServiceTag", "destination": map[string]any{
				"serviceTag": "AzureMonitor", "protocol": "TCP", "portRanges": "443", "action": "Allow"}},
		},
	}
	ws["serverlessComputeSettings"] = map[string]any{"serverlessComputeNoPublicIP": true}
	return ws
}

func validRule2024() map[string]any {
	return map[string]any{"resourceGroupName": "rg", "workspaceName": "mlw", "ruleName": "pypi",
		"properties": map[string]any{"type": "FQDN", "destination": "pypi.org"}}
}

func validDatastore() map[string]any {
	return map[string]any{
		"resourceGroupName": "rg", "workspaceName": "mlw", "name": "projectblob",
		"datastoreProperties": map[string]any{
			"datastoreType": "AzureBlob", "accountName": "sa", "containerName": "data", "endpoint": "core.windows.net", "protocol": "https",
			"credentials":                   map[string]any{"credentialsType": "AccountKey", "secrets": map[string]any{"secretsType": "AccountKey", "key": "k"}},
			"serviceDataAccessAuthIdentity": "WorkspaceSystemAssignedIdentity",
		},
	}
}

func validExtension() map[string]any {
	return map[string]any{
		"resourceGroupName": "rg", "clusterRp": "Microsoft.ContainerService", "clusterResourceName": "managedClusters", "clusterName": "aks",
		"extensionName": "azureml", "extensionType": "Microsoft.AzureML.Kubernetes", "autoUpgradeMinorVersion": true, "releaseTrain": "Stable",
		"scope":                          map[string]any{"cluster": map[string]any{"releaseNamespace": "azureml"}},
		"configurationSettings":          map[string]any{"enableInference": "true", "inferenceRouterServiceType": "LoadBalancer"},
		"configurationProtectedSettings": map[string]any{"scoringFe.sslKey": "PEM"},
	}
}

// props returns the nested map at path (keys separated by dots).
func props(m map[string]any, path string) map[string]any {
	for _, k := range strings.Split(path, ".") {
		m = m[k].(map[string]any)
	}
	return m
}

// problems runs the Checker on a known token.
func problems(t *testing.T, token string, inputs map[string]any) []string {
	t.Helper()
	got, known := Checker.Check(token, inputs)
	if !known {
		t.Fatalf("%s: token not known to the Checker", token)
	}
	var out []string
	for _, p := range got {
		out = append(out, p.String())
	}
	return out
}

func wantProblems(t *testing.T, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Fatalf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestCheckBindingValid(t *testing.T) {
	for _, v := range validInputs {
		if got := problems(t, v.token, v.inputs()); len(got) != 0 {
			t.Errorf("%s: unexpected problems %q", v.name, got)
		}
	}
}

func TestCheckBindingUnknownProperty(t *testing.T) {
	in := validAmlCompute()
	in["computeNmae"] = "x"
	props(in, "properties.properties")["vmSzie"] = "STANDARD_D2_V2"
	props(in, "properties.properties.scaleSettings")["maxNodes"] = 3.0
	props(in, "properties")["adminPwd"] = "hunter2"
	wantProblems(t, problems(t, computeTok, in),
		`property "computeNmae": unknown property`,
		`property "properties.adminPwd": unknown property`,
		`property "properties.properties.scaleSettings.maxNodes": unknown property`,
		`property "properties.properties.vmSzie": unknown property`,
	)

	// A key of another union member is unknown in the selected one.
	in = validVMCompute()
	props(in, "properties.properties")["scaleSettings"] = map[string]any{"maxNodeCount": 1.0}
	wantProblems(t, problems(t, computeTok, in), `property "properties.properties.scaleSettings": unknown property`)

	ws := validWorkspace()
	ws["managedNetwork"] = map[string]any{}
	wantProblems(t, problems(t, workspaceTok, ws), `property "managedNetwork": unknown property`)
}

func TestCheckBindingWrongType(t *testing.T) {
	ws := validWorkspace()
	ws["hbiWorkspace"] = "false"
	ws["tags"] = map[string]any{"env": 1.0}
	props(ws, "identity")["userAssignedIdentities"] = "/subscriptions/x/id"
	ws["sku"] = "Basic"
	ws["location"] = []any{"eastus2"}
	wantProblems(t, problems(t, workspaceTok, ws),
		`property "hbiWorkspace": expected boolean, got string`,
		`property "identity.userAssignedIdentities": expected array, got string`,
		`property "location": expected string, got array`,
		`property "sku": expected object, got string`,
		`property "tags.env": expected string, got number`,
	)

	in := validAmlCompute()
	scale := props(in, "properties.properties.scaleSettings")
	scale["maxNodeCount"] = "4"
	scale["minNodeCount"] = 0.5
	props(in, "properties.properties")["subnet"] = "/subscriptions/x/subnets/s"
	in["properties"].(map[string]any)["disableLocalAuth"] = 1.0
	wantProblems(t, problems(t, computeTok, in),
		`property "properties.disableLocalAuth": expected boolean, got number`,
		`property "properties.properties.scaleSettings.maxNodeCount": expected integer, got string`,
		`property "properties.properties.scaleSettings.minNodeCount": expected integer, got 0.5`,
		`property "properties.properties.subnet": expected object, got string`,
	)

	in = validVMCompute()
	props(in, "properties.properties.administratorAccount")["username"] = []any{"a"}
	in["properties"] = []any{}
	wantProblems(t, problems(t, computeTok, in), `property "properties": expected object, got array`)
}

func TestCheckBindingMissingRequired(t *testing.T) {
	ws := validWorkspace()
	delete(ws, "resourceGroupName")
	delete(props(ws, "identity"), "type")
	props(ws, "sku")["name"] = nil // null counts as absent
	wantProblems(t, problems(t, workspaceTok, ws),
		`property "identity.type": missing required property`,
		`property "resourceGroupName": missing required property`,
		`property "sku.name": missing required property`,
	)

	in := validAmlCompute()
	delete(in, "workspaceName")
	delete(props(in, "properties.properties.scaleSettings"), "maxNodeCount")
	delete(props(in, "properties.properties.userAccountCredentials"), "adminUserName")
	props(in, "properties.properties")["subnet"] = map[string]any{}
	wantProblems(t, problems(t, computeTok, in),
		`property "properties.properties.scaleSettings.maxNodeCount": missing required property`,
		`property "properties.properties.subnet.id": missing required property`,
		`property "properties.properties.userAccountCredentials.adminUserName": missing required property`,
		`property "workspaceName": missing required property`,
	)

	wantProblems(t, problems(t, identityTok, map[string]any{}), `property "resourceGroupName": missing required property`)

	// Azure's rules beyond the schema: a Kubernetes compute names its
	// cluster, an extension its type.
	k8s := map[string]any{"resourceGroupName": "rg", "workspaceName": "mlw", "computeName": "k8s",
		"properties": map[string]any{"computeType": "Kubernetes", "properties": map[string]any{"namespace": "default"}}}
	wantProblems(t, problems(t, computeTok, k8s), `property "properties.resourceId": missing required property`)
	props(k8s, "properties")["resourceId"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
	wantProblems(t, problems(t, computeTok, k8s))
	ext := map[string]any{"resourceGroupName": "rg", "clusterRp": "Microsoft.ContainerService", "clusterResourceName": "managedClusters", "clusterName": "aks"}
	wantProblems(t, problems(t, "azure-native:kubernetesconfiguration:Extension", ext), `property "extensionType": missing required property`)
}

func TestCheckBindingComputeType(t *testing.T) {
	in := validAmlCompute()
	props(in, "properties")["computeType"] = "Robot"
	wantProblems(t, problems(t, computeTok, in),
		`property "properties.computeType": unknown union member "Robot" (allowed: AKS, AmlCompute, HDInsight, Kubernetes, VirtualMachine)`)

	delete(props(in, "properties"), "computeType")
	wantProblems(t, problems(t, computeTok, in), `property "properties.computeType": missing required property`)

	props(in, "properties")["computeType"] = true
	wantProblems(t, problems(t, computeTok, in), `property "properties.computeType": expected string, got boolean`)

	// The union is optional: a compute without properties passes.
	in = validAmlCompute()
	delete(in, "properties")
	wantProblems(t, problems(t, computeTok, in))
}

func TestCheckBindingSkipsUnknowns(t *testing.T) {
	in := validAmlCompute()
	in["resourceGroupName"] = sig.UnknownStringValue // required, present though unknown
	in["tags"] = sig.UnknownStringValue
	p := props(in, "properties.properties")
	p["enableNodePublicIp"] = sig.UnknownStringValue
	p["subnet"] = sig.UnknownStringValue
	props(p, "scaleSettings")["maxNodeCount"] = sig.UnknownStringValue
	props(p, "userAccountCredentials")["adminUserName"] = sig.UnknownStringValue
	wantProblems(t, problems(t, computeTok, in))

	props(in, "properties")["properties"] = sig.UnknownStringValue
	wantProblems(t, problems(t, computeTok, in))

	// An unknown discriminator: the member cannot be chosen, nothing to judge.
	in = validAmlCompute()
	props(in, "properties")["computeType"] = sig.UnknownStringValue
	props(in, "properties.properties")["notAField"] = 1.0
	wantProblems(t, problems(t, computeTok, in))

	in["properties"] = sig.UnknownStringValue
	wantProblems(t, problems(t, computeTok, in))

	// A managed network's mode not known yet: its rules are not judged against it.
	ws := validWorkspace2024()
	props(ws, "managedNetwork")["isolationMode"] = sig.UnknownStringValue
	props(ws, "managedNetwork.outboundRules.pypi")["destination"] = sig.UnknownStringValue
	wantProblems(t, problems(t, workspace2024Tok, ws))
}

// TestCheckTokens: the Checker knows the binding's tokens and every token of
// the typed SDK modules, and looks at no other.
func TestCheckTokens(t *testing.T) {
	for _, tok := range []string{workspaceTok, computeTok, identityTok,
		"azure-native:network:PrivateZone", "azure-native:network:NatGateway", "azure-native:containerservice:ManagedCluster",
		"azure-native:storage:BlobContainer", "azure-native:authorization:RoleAssignment", "azure-native:resources:ResourceGroup"} {
		if _, known := Checker.Check(tok, map[string]any{}); !known {
			t.Errorf("%s is not known", tok)
		}
	}
	if got, known := Checker.Check("azure-native:compute:VirtualMachine", map[string]any{"whatever": 1.0}); known || len(got) != 0 {
		t.Errorf("a module the project does not use: %v, known %v", got, known)
	}
	// A typed SDK token is checked by its own types: here the NAT gateway's.
	wantProblems(t, problems(t, "azure-native:network:NatGateway", map[string]any{"resourceGroupName": "rg", "idleTimeoutInMinute": 4.0}),
		`property "idleTimeoutInMinute": unknown property`)
}

// TestCheckBindingProblems: what the Checker reports on inputs of the binding's
// tokens that break several rules at once, strict enums from the schema data
// included.
func TestCheckBindingProblems(t *testing.T) {
	for _, v := range validInputs {
		wantProblems(t, problems(t, v.token, v.inputs()))
	}
	cases := []struct {
		name, token string
		inputs      func() map[string]any
		want        []string
	}{
		{"workspace", workspaceTok, func() map[string]any {
			ws := validWorkspace()
			delete(ws, "resourceGroupName")
			ws["hbiWorkspace"] = "no"
			ws["lcoation"] = "eastus2"
			delete(props(ws, "sku"), "name")
			props(ws, "sku")["tier"] = "Gold"
			ws["tags"] = map[string]any{"n": 1.0}
			return ws
		}, []string{
			`property "hbiWorkspace": expected boolean, got string`,
			`property "lcoation": unknown property`,
			`property "resourceGroupName": missing required property`,
			`property "sku.name": missing required property`,
			`property "sku.tier": invalid value "Gold": allowed values are Free, Basic, Standard, Premium`,
			`property "tags.n": expected string, got number`,
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
		}, []string{
			`property "properties.properties.scaleSettings.maxNodeCount": missing required property`,
			`property "properties.properties.scaleSettings.minNodeCount": expected integer, got 1.5`,
			`property "properties.properties.subnet.id": missing required property`,
			`property "properties.properties.vmSzie": unknown property`,
			`property "workspaceName": missing required property`,
		}},
		{"vm compute", computeTok, func() map[string]any {
			in := validVMCompute()
			props(in, "properties.properties")["sshPort"] = "22"
			props(in, "properties.properties.administratorAccount")["user"] = "x"
			return in
		}, []string{
			`property "properties.properties.administratorAccount.user": unknown property`,
			`property "properties.properties.sshPort": expected integer, got string`,
		}},
		{"no computeType", computeTok, func() map[string]any {
			in := validAKSCompute()
			delete(props(in, "properties"), "computeType")
			return in
		}, []string{`property "properties.computeType": missing required property`}},
		{"outbound rules", workspace2024Tok, func() map[string]any {
			ws := validWorkspace2024()
			rules := props(ws, "managedNetwork.outboundRules")
			rules["ssh"] = map[string]any{"type": "Port", "destination": "22"}
			delete(props(rules, "pypi"), "type")
			props(rules, "monitor")["destination"] = "AzureMonitor"
			return ws
		}, []string{
			`property "managedNetwork.outboundRules.monitor.destination": expected object, got string`,
			`property "managedNetwork.outboundRules.pypi.type": missing required property`,
			`property "managedNetwork.outboundRules.ssh.type": unknown union member "Port" (allowed: FQDN, PrivateEndpoint, ServiceTag)`,
		}},
		{"rules that break an internet-outbound network", workspace2024Tok, func() map[string]any {
			ws := validWorkspace2024()
			props(ws, "managedNetwork")["isolationMode"] = "AllowInternetOutbound"
			return ws
		}, []string{
			`property "managedNetwork.outboundRules.monitor.type": Azure refuses a ServiceTag rule with isolationMode AllowInternetOutbound, which takes PrivateEndpoint rules only: use AllowOnlyApprovedOutbound or remove the rule`,
			`property "managedNetwork.outboundRules.pypi.type": Azure refuses a FQDN rule with isolationMode AllowInternetOutbound, which takes PrivateEndpoint rules only: use AllowOnlyApprovedOutbound or remove the rule`,
		}},
		{"rules without a managed network", workspace2024Tok, func() map[string]any {
			ws := validWorkspace2024()
			delete(props(ws, "managedNetwork"), "isolationMode")
			delete(props(ws, "managedNetwork.outboundRules"), "pypi")
			delete(props(ws, "managedNetwork.outboundRules"), "monitor")
			return ws
		}, []string{
			`property "managedNetwork.outboundRules.blob.type": a PrivateEndpoint rule needs a managed network, but isolationMode is Disabled: set AllowInternetOutbound or AllowOnlyApprovedOutbound`,
		}},
		{"mode, firewall and rule values from the schema data", workspace2024Tok, func() map[string]any {
			ws := validWorkspace2024()
			props(ws, "managedNetwork")["isolationMode"] = "AllowApprovedOutbound"
			props(ws, "managedNetwork")["firewallSku"] = "Premium"
			props(ws, "managedNetwork.outboundRules.pypi")["category"] = "Custom"
			props(ws, "managedNetwork.outboundRules.monitor.destination")["action"] = "Block"
			return ws
		}, []string{
			`property "managedNetwork.firewallSku": invalid value "Premium": allowed values are Standard, Basic`,
			`property "managedNetwork.isolationMode": invalid value "AllowApprovedOutbound": allowed values are Disabled, AllowInternetOutbound, AllowOnlyApprovedOutbound`,
			`property "managedNetwork.outboundRules.monitor.destination.action": invalid value "Block": allowed values are Allow, Deny`,
			`property "managedNetwork.outboundRules.pypi.category": invalid value "Custom": allowed values are Required, Recommended, UserDefined, Dependency`,
		}},
		{"FQDN rule to storage", workspace2024Tok, func() map[string]any {
			ws := validWorkspace2024()
			props(ws, "managedNetwork.outboundRules.pypi")["destination"] = "sa.blob.core.windows.net"
			return ws
		}, []string{
			`property "managedNetwork.outboundRules.pypi.destination": Azure refuses FQDN rules to storage accounts (sa.blob.core.windows.net): reach the account with a PrivateEndpoint rule`,
		}},
		{"FQDN rule resource to storage", ruleTok, func() map[string]any {
			r := validRule2024()
			props(r, "properties")["destination"] = "*.core.windows.net"
			return r
		}, []string{
			`property "properties.destination": Azure refuses FQDN rules to storage accounts (*.core.windows.net): reach the account with a PrivateEndpoint rule`,
		}},
		{"datastore", datastoreTok, func() map[string]any {
			ds := validDatastore()
			p := props(ds, "datastoreProperties")
			p["subscriptionId"] = "x" // only from API 2023-10-01 on
			p["serviceDataAccessAuthIdentity"] = "Workspace"
			delete(props(p, "credentials.secrets"), "secretsType")
			return ds
		}, []string{
			`property "datastoreProperties.credentials.secrets.secretsType": missing required property`,
			`property "datastoreProperties.subscriptionId": unknown property`,
		}},
		{"extension", extensionTok, func() map[string]any {
			ext := validExtension()
			delete(ext, "clusterRp")
			ext["aksAssignedIdentity"] = map[string]any{"type": "Managed"}
			ext["configurationSettings"] = map[string]any{"enableInference": true}
			return ext
		}, []string{
			`property "aksAssignedIdentity.type": invalid value "Managed": allowed values are SystemAssigned, UserAssigned`,
			`property "clusterRp": missing required property`,
			`property "configurationSettings.enableInference": expected string, got boolean`,
		}},
		{"rule without properties", ruleTok, func() map[string]any {
			r := validRule2024()
			delete(r, "properties")
			return r
		}, []string{`property "properties": missing required property`}},
		{"identity", identityTok, func() map[string]any {
			return map[string]any{"location": 1.0, "name": "x"}
		}, []string{
			`property "location": expected string, got number`,
			`property "name": unknown property`,
			`property "resourceGroupName": missing required property`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantProblems(t, problems(t, c.token, c.inputs()), c.want...)
		})
	}
}
