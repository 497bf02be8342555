package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"

	"github.com/amlvnet/amlvnet/internal/policyrules"
)

// fakeManager records what the policies report, as the engine's
// PolicyManager would.
type fakeManager struct{ reports []report }

type report struct{ message, urn string }

func (f *fakeManager) ReportViolation(message, urn string) {
	f.reports = append(f.reports, report{message, urn})
}

// computed marks an engine unknown in the fixtures below.
type computedT struct{}

var computed computedT

// pv builds a property value from plain Go values.
func pv(t *testing.T, v any) property.Value {
	t.Helper()
	switch x := v.(type) {
	case nil:
		return property.New(property.Null)
	case computedT:
		return property.New(property.Computed)
	case property.Value:
		return x
	case bool:
		return property.New(x)
	case int:
		return property.New(float64(x))
	case float64:
		return property.New(x)
	case string:
		return property.New(x)
	case []any:
		var out []property.Value
		for _, e := range x {
			out = append(out, pv(t, e))
		}
		return property.New(out)
	case map[string]any:
		return property.New(props(t, x))
	}
	t.Fatalf("no property value for %T", v)
	return property.Value{}
}

func props(t *testing.T, m map[string]any) property.Map {
	t.Helper()
	out := map[string]property.Value{}
	for k, v := range m {
		out[k] = pv(t, v)
	}
	return property.NewMap(out)
}

func resource(t *testing.T, typ, name string, m map[string]any) policyx.AnalyzerResource {
	return policyx.AnalyzerResource{Type: typ, Name: name, URN: "urn:pulumi:test::amlvnet::" + typ + "::" + name, Properties: props(t, m)}
}

// stateResource is how AnalyzeStack sees an azure-native resource: its
// outputs, with the inputs kept as a secret under __inputs.
func stateResource(t *testing.T, typ, name string, outputs, inputs map[string]any, deps map[string][]string) policyx.AnalyzerResource {
	r := resource(t, typ, name, outputs)
	r.Properties = r.Properties.Set("__inputs", pv(t, inputs).WithSecret(true))
	r.PropertyDependencies = deps
	return r
}

func secureStorage() map[string]any {
	return map[string]any{"enableHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2", "allowBlobPublicAccess": false,
		"networkRuleSet": map[string]any{"defaultAction": "Deny", "bypass": "AzureServices"}}
}

func secureVault(purge bool, action string) map[string]any {
	return map[string]any{"properties": map[string]any{"tenantId": computed, "enableSoftDelete": true, "enablePurgeProtection": purge,
		"networkAcls": map[string]any{"defaultAction": action, "bypass": "AzureServices"}}}
}

const (
	nsgURN    = "urn:pulumi:test::amlvnet::azure-native:network:NetworkSecurityGroup::training-nsg"
	subnetURN = "urn:pulumi:test::amlvnet::azure-native:network:Subnet::training-subnet"
)

// trainingStack is an NSG, its subnet and an AmlCompute cluster in it, as a
// preview shows them: names and IDs unknown, linked by the engine's property
// dependencies; rules are added by the caller.
func trainingStack(t *testing.T, rules ...map[string]any) []policyx.AnalyzerResource {
	rs := []policyx.AnalyzerResource{
		stateResource(t, "azure-native:network:NetworkSecurityGroup", "training-nsg", map[string]any{"name": "amlvnet-vnet-training-nsg"},
			map[string]any{"networkSecurityGroupName": "amlvnet-vnet-training-nsg", "resourceGroupName": computed}, nil),
		stateResource(t, "azure-native:network:Subnet", "training-subnet", map[string]any{"name": "training"},
			map[string]any{"subnetName": "training", "virtualNetworkName": computed, "networkSecurityGroup": map[string]any{"id": computed}},
			map[string][]string{"networkSecurityGroup": {nsgURN}}),
		stateResource(t, "azure-native:machinelearningservices:Compute", "training-cluster", map[string]any{},
			map[string]any{"computeName": "cpucluster", "properties": map[string]any{"computeType": "AmlCompute",
				"properties": map[string]any{"enableNodePublicIp": true, "subnet": map[string]any{"id": computed}}}},
			map[string][]string{"properties": {subnetURN}}),
	}
	for i, in := range rules {
		in["networkSecurityGroupName"] = computed
		rs = append(rs, stateResource(t, "azure-native:network:SecurityRule", "rule"+string(rune('a'+i)), map[string]any{}, in,
			map[string][]string{"networkSecurityGroupName": {nsgURN}}))
	}
	return rs
}

func rule(dir, access, proto, src, dst, port string, prio int) map[string]any {
	return map[string]any{"direction": dir, "access": access, "protocol": proto, "sourceAddressPrefix": src,
		"destinationAddressPrefix": dst, "destinationPortRange": port, "priority": prio}
}

const storageURN = "urn:pulumi:test::amlvnet::azure-native:storage:StorageAccount::workspacestorage"

// privateStack is a storage account and a private endpoint to its blob
// service as a preview shows them to a stack policy: the endpoint's
// privateLinkServiceId computed, linked to the account by the engine's
// property dependencies.
func privateStack(t *testing.T, publicNetworkAccess string) []policyx.AnalyzerResource {
	account := with(secureStorage(), "publicNetworkAccess", publicNetworkAccess)
	// A developer range through the firewall: public access then reaches it.
	account["networkRuleSet"].(map[string]any)["ipRules"] = []any{map[string]any{"iPAddressOrRange": "203.0.113.0/29"}}
	return []policyx.AnalyzerResource{
		stateResource(t, "azure-native:storage:StorageAccount", "workspacestorage", map[string]any{"id": computed}, account, nil),
		stateResource(t, "azure-native:network:PrivateEndpoint", "private-endpoints-storage-blob", map[string]any{"id": computed},
			map[string]any{"subnet": map[string]any{"id": computed}, "privateLinkServiceConnections": []any{
				map[string]any{"name": "storage-blob", "groupIds": []any{"blob"}, "privateLinkServiceId": computed}}},
			map[string][]string{"privateLinkServiceConnections": {storageURN}}),
	}
}

const (
	workspaceURN = "urn:pulumi:test::amlvnet::azure-native:machinelearningservices/v20241001:Workspace::workspace"
	storageRG    = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/"
	inferenceID  = storageRG + "inference"
)

// managedWorkspace is a deployed workspace with a managed network in mode,
// its storage account the deployed "workspace" account, and rules inline.
func managedWorkspace(t *testing.T, mode string, rules map[string]any) policyx.AnalyzerResource {
	return stateResource(t, "azure-native:machinelearningservices/v20241001:Workspace", "workspace", map[string]any{"id": "ws-id"},
		map[string]any{"workspaceName": "ws", "resourceGroupName": "rg", "storageAccount": storageRG + "workspace",
			"managedNetwork": map[string]any{"isolationMode": mode, "outboundRules": rules}}, nil)
}

// inferenceStack is a workspace, its storage account (admitting the
// training subnet only) and an AKS cluster attached as a Kubernetes compute,
// as a stack policy sees them after up.
func inferenceStack(t *testing.T) []policyx.AnalyzerResource {
	const rg = "/subscriptions/s/resourceGroups/amlvnet-prod/providers/"
	subnets := rg + "Microsoft.Network/virtualNetworks/amlvnet-vnet/subnets/"
	storageID, clusterID := rg+"Microsoft.Storage/storageAccounts/workspacestorage1a2b", rg+"Microsoft.ContainerService/managedClusters/amlvnet-prod-aks"
	account := secureStorage()
	account["networkRuleSet"].(map[string]any)["virtualNetworkRules"] = []any{map[string]any{"virtualNetworkResourceId": subnets + "training"}}
	return []policyx.AnalyzerResource{
		stateResource(t, "azure-native:storage:StorageAccount", "workspacestorage", map[string]any{"id": storageID}, account, nil),
		stateResource(t, "azure-native:machinelearningservices:Workspace", "workspace", map[string]any{"id": rg + "Microsoft.MachineLearningServices/workspaces/ws"},
			map[string]any{"workspaceName": "ws", "resourceGroupName": "amlvnet-prod", "storageAccount": storageID}, nil),
		stateResource(t, "azure-native:containerservice:ManagedCluster", "inference-cluster", map[string]any{"id": clusterID},
			map[string]any{"resourceName": "amlvnet-prod-aks", "agentPoolProfiles": []any{map[string]any{"vnetSubnetID": subnets + "aks"}}}, nil),
		stateResource(t, "azure-native:machinelearningservices:Compute", "inference-compute", map[string]any{"id": rg + "Microsoft.MachineLearningServices/workspaces/ws/computes/aks"},
			map[string]any{"workspaceName": "ws", "resourceGroupName": "amlvnet-prod", "properties": map[string]any{"computeType": "Kubernetes", "resourceId": clusterID}}, nil),
	}
}

// fixture is one failing input per policy: a resource for resource
// policies, the whole stack for stack policies; failURN names the resource
// the violation must be reported on.
type fixture struct {
	resource policyx.AnalyzerResource
	stack    []policyx.AnalyzerResource
	failURN  string
}

func fixtures(t *testing.T) map[string]fixture {
	one := func(r policyx.AnalyzerResource) fixture { return fixture{resource: r, failURN: r.URN} }
	storage := func(k string, v any) policyx.AnalyzerResource {
		m := secureStorage()
		m[k] = v
		return resource(t, "azure-native:storage:StorageAccount", "workspacestorage", m)
	}
	return map[string]fixture{
		"storage-deny-by-default":       one(storage("networkRuleSet", map[string]any{"defaultAction": "Allow", "bypass": "AzureServices"})),
		"storage-min-tls-1-2":           one(storage("minimumTlsVersion", "TLS1_0")),
		"storage-https-only":            one(storage("enableHttpsTrafficOnly", false)),
		"storage-no-public-blob-access": one(storage("allowBlobPublicAccess", true)),
		"keyvault-deny-by-default":      one(resource(t, "azure-native:keyvault:Vault", "key-vault", secureVault(true, "Allow"))),
		"keyvault-purge-protection":     one(resource(t, "azure-native:keyvault:Vault", "key-vault", secureVault(false, "Deny"))),
		"nsg-no-internet-ssh": one(resource(t, "azure-native:network:SecurityRule", "open-ssh",
			rule("Inbound", "Allow", "Tcp", "Internet", "VirtualNetwork", "22", 120))),
		"aks-dns-service-ip": one(resource(t, "azure-native:containerservice:ManagedCluster", "aks",
			map[string]any{"networkProfile": map[string]any{"serviceCidr": "10.0.0.0/16", "dnsServiceIP": "10.0.0.1"}})),
		"amlcompute-nsg-inbound": {stack: trainingStack(t,
			rule("Inbound", "Allow", "Tcp", "AzureMachineLearning", "VirtualNetwork", "44224", 110)), failURN: nsgURN},
		"no-public-access-with-private-endpoint": {stack: privateStack(t, "Enabled"), failURN: storageURN},
		"managed-network-rules-fit-mode": {stack: []policyx.AnalyzerResource{managedWorkspace(t, "AllowInternetOutbound", map[string]any{
			"pypi": map[string]any{"type": "FQDN", "destination": "pypi.org"}})}, failURN: workspaceURN},
		"approved-outbound-reaches-stack-storage": {stack: []policyx.AnalyzerResource{
			managedWorkspace(t, "AllowOnlyApprovedOutbound", map[string]any{"pypi": map[string]any{"type": "FQDN", "destination": "pypi.org"}}),
			stateResource(t, "azure-native:storage:StorageAccount", "inferencestorage", map[string]any{"id": inferenceID},
				with(secureStorage(), "accountName", "inference"), nil),
		}, failURN: workspaceURN},
		"inference-compute-kubernetes": one(resource(t, "azure-native:machinelearningservices:Compute", "inference-compute",
			map[string]any{"computeName": "aks", "properties": map[string]any{"computeType": "AKS", "resourceId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"}})),
		"aks-subnet-admitted-to-storage": {stack: inferenceStack(t), failURN: storageURN},
		"restricted-outbound-allows-azureml": {stack: trainingStack(t,
			rule("Inbound", "Allow", "Tcp", "BatchNodeManagement", "VirtualNetwork", "29876-29877", 100),
			rule("Inbound", "Allow", "Tcp", "AzureMachineLearning", "VirtualNetwork", "44224", 110),
			rule("Outbound", "Allow", "Tcp", "VirtualNetwork", "Storage.EastUS2", "443", 100),
			rule("Outbound", "Deny", "*", "VirtualNetwork", "Internet", "*", 4096)), failURN: nsgURN},
	}
}

func validate(t *testing.T, p policyx.Policy, f fixture) []report {
	t.Helper()
	m := &fakeManager{}
	var err error
	switch p := p.(type) {
	case policyx.ResourceValidationPolicy:
		err = p.Validate(context.Background(), policyx.ResourceValidationArgs{Manager: m, Resource: f.resource})
	case policyx.StackValidationPolicy:
		err = p.Validate(context.Background(), policyx.StackValidationArgs{Manager: m, Resources: f.stack})
	default:
		t.Fatalf("%s is neither a resource nor a stack validation policy", p.Name())
	}
	if err != nil {
		t.Fatalf("%s: Validate: %v", p.Name(), err)
	}
	return m.reports
}

// TestEveryPolicyIsWiredAndReports runs each wired policy's Validate on a
// failing input with a fake PolicyManager.
func TestEveryPolicyIsWiredAndReports(t *testing.T) {
	pack, err := newPack()
	if err != nil {
		t.Fatal(err)
	}
	if pack.Name() != packName || pack.Version().String() != packVersion {
		t.Errorf("pack %s %s", pack.Name(), pack.Version())
	}
	rules := policyrules.All()
	if len(pack.Policies()) != len(rules) {
		t.Fatalf("pack has %d policies, policyrules %d", len(pack.Policies()), len(rules))
	}
	fx := fixtures(t)
	for i, p := range pack.Policies() {
		rule := rules[i]
		t.Run(p.Name(), func(t *testing.T) {
			if p.Name() != rule.Name || p.Description() != rule.Description {
				t.Errorf("wired as %q, rule is %q", p.Name(), rule.Name)
			}
			want := policyx.EnforcementLevelAdvisory
			if rule.Enforcement == policyrules.Mandatory {
				want = policyx.EnforcementLevelMandatory
			}
			if p.EnforcementLevel() != want {
				t.Errorf("enforcement %v, want %v", p.EnforcementLevel(), want)
			}
			_, isStack := p.(policyx.StackValidationPolicy)
			if isStack != (rule.Stack != nil) {
				t.Errorf("stack policy %v, rule has Stack %v", isStack, rule.Stack != nil)
			}
			f, ok := fx[p.Name()]
			if !ok {
				t.Fatalf("no failing fixture for %s: add one", p.Name())
			}
			reports := validate(t, p, f)
			if len(reports) == 0 {
				t.Fatalf("no violation reported")
			}
			for _, r := range reports {
				if r.urn != f.failURN || r.message == "" {
					t.Errorf("reported %+v, want a message on %s", r, f.failURN)
				}
			}
		})
	}
}

// TestUnknownsAndCleanInputsReportNothing: computed values are "cannot
// tell", and the program's own settings pass.
func TestUnknownsAndCleanInputsReportNothing(t *testing.T) {
	pack, err := newPack()
	if err != nil {
		t.Fatal(err)
	}
	clean := map[string]fixture{
		"storage-deny-by-default": {resource: resource(t, "azure-native:storage:StorageAccount", "s", secureStorage())},
		"storage-min-tls-1-2": {resource: resource(t, "azure-native:storage:StorageAccount", "s",
			map[string]any{"minimumTlsVersion": computed})},
		"keyvault-deny-by-default": {resource: resource(t, "azure-native:keyvault:Vault", "v", map[string]any{"properties": computed})},
		"nsg-no-internet-ssh": {resource: resource(t, "azure-native:network:SecurityRule", "r",
			with(rule("Inbound", "Allow", "Tcp", "", "VirtualNetwork", "22", 120), "sourceAddressPrefix", computed))},
		"amlcompute-nsg-inbound": {stack: trainingStack(t,
			rule("Inbound", "Allow", "Tcp", "BatchNodeManagement", "VirtualNetwork", "29876-29877", 100),
			rule("Inbound", "Allow", "Tcp", "AzureMachineLearning", "VirtualNetwork", "44224", 110))},
		"no-public-access-with-private-endpoint": {stack: privateStack(t, "Disabled")},
	}
	for _, p := range pack.Policies() {
		f, ok := clean[p.Name()]
		if !ok {
			continue
		}
		if reports := validate(t, p, f); len(reports) > 0 {
			t.Errorf("%s reported %+v on clean or unknown input", p.Name(), reports)
		}
	}
}

func with(m map[string]any, k string, v any) map[string]any {
	m[k] = v
	return m
}

func TestToResourcePrefersCheckpointedInputs(t *testing.T) {
	r := stateResource(t, "azure-native:network:SecurityRule", "r",
		map[string]any{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n/securityRules/r", "priority": 200, "name": "r"},
		map[string]any{"priority": 100, "networkSecurityGroupName": "n", "secret": pv(t, "s3").WithSecret(true), "later": computed}, nil)
	got := toResource(r)
	if got.Inputs["priority"] != 100.0 || got.Inputs["name"] != "r" || got.Inputs["networkSecurityGroupName"] != "n" {
		t.Errorf("inputs %v: want __inputs over outputs, outputs filling the gaps", got.Inputs)
	}
	if got.Inputs["secret"] != "s3" || got.Inputs["later"] != policyrules.Unknown {
		t.Errorf("secret %v, computed %v", got.Inputs["secret"], got.Inputs["later"])
	}
	if !strings.HasSuffix(got.ID, "/securityRules/r") {
		t.Errorf("ID %q", got.ID)
	}
}

func TestPolicyPackProjectFile(t *testing.T) {
	proj, err := workspace.LoadPolicyPack("PulumiPolicy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if proj.Runtime.Name() != "go" || proj.Description == nil || proj.Version != packVersion {
		t.Errorf("PulumiPolicy.yaml: runtime %q, version %q, description set %v", proj.Runtime.Name(), proj.Version, proj.Description != nil)
	}
	if _, err := os.Stat("main.go"); err != nil {
		t.Error(err)
	}
}
