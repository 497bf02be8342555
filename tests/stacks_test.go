package tests

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/netplan"
	"github.com/amlvnet/amlvnet/internal/policyrules"
	"github.com/amlvnet/amlvnet/internal/pulumitest"
	"github.com/amlvnet/amlvnet/internal/stackfile"
	"github.com/amlvnet/amlvnet/program"
)

// decodeConfig reads a stack's config the way the program does.
func decodeConfig(t *testing.T, st *stackfile.Stack) *program.Config {
	t.Helper()
	var cfg *program.Config
	m := &pulumitest.Mocks{}
	err := m.Run(func(ctx *pulumi.Context) error {
		var err error
		cfg, err = program.LoadConfig(ctx)
		return err
	}, st.Config, st.SecretKeys...)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestEveryStackUnderMocks runs each file in stacks/ through the root program,
// runs the policy rules over what it registered (the network rules of the
// 2019 article and of the current docs live there, once), and checks that
// the resources follow the stack's own config, so a new stack file is
// checked without editing this test.
func TestEveryStackUnderMocks(t *testing.T) {
	files := stackFiles(t)
	names := map[string]bool{}
	for _, f := range files {
		n, _ := stackfile.StackName(f)
		names[n] = true
	}
	for _, want := range []string{"dev", "prod", "existing", "isolated", "managed"} {
		if !names[want] {
			t.Errorf("stacks/ lacks Pulumi.%s.yaml", want)
		}
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			st, m := runStack(t, f)
			cfg := decodeConfig(t, st)
			checkStack(t, st, cfg, m)
		})
	}
}

func checkStack(t *testing.T, st *stackfile.Stack, cfg *program.Config, m *pulumitest.Mocks) {
	region, err := netplan.CanonicalRegion(cfg.Location)
	if err != nil {
		t.Fatal(err)
	}
	rg := one(t, "resource group", m.OfType("azure-native:resources:ResourceGroup"))
	if rg.Protect != cfg.Protect {
		t.Errorf("resource group protect=%v, want %v", rg.Protect, cfg.Protect)
	}
	rgName := rg.String("resourceGroupName")

	// The rules the policy pack enforces hold on every stack.
	for _, v := range policyrules.Check(m.PolicyResources()) {
		t.Errorf("policy %s: %s: %s", v.Policy, v.URN, v.Message)
	}

	isolated := cfg.Network.Isolation == components.IsolationPrivateEndpoints
	// Everything sits in the stack's region (the VNet's, for a reused one);
	// private DNS zones and their links are global.
	for _, r := range m.Resources() {
		if r.Type == "azure-native:network:PrivateZone" || r.Type == "azure-native:network:VirtualNetworkLink" {
			if r.String("location") != "Global" {
				t.Errorf("%s %s in %q, want Global", r.Type, r.Name, r.String("location"))
			}
			continue
		}
		if loc := r.String("location"); loc != "" && loc != region {
			t.Errorf("%s %s in %q, want %q", r.Type, r.Name, loc, region)
		}
	}
	// Children are parented to their component.
	for _, r := range m.Resources() {
		if r.Custom && r.Type != "azure-native:resources:ResourceGroup" && !strings.Contains(r.Parent, "amlvnet:index:") {
			t.Errorf("%s %s is not parented to an amlvnet component (parent %q)", r.Type, r.Name, r.Parent)
		}
	}

	if cfg.Network.Isolation == components.IsolationManaged {
		checkManagedStack(t, cfg, m)
		checkNoPlaintextSecrets(t, st, m)
		return
	}

	// Network: the training subnet, its NSG, its endpoints, its routes.
	training := one(t, "training subnet", m.Find("azure-native:network:Subnet", map[string]string{"subnetName": trainingSubnetName(cfg)}))
	trainingID := subnetID(training)
	var endpoints []string
	if v, _ := training.Input("serviceEndpoints"); v.IsArray() {
		for _, e := range v.ArrayValue() {
			endpoints = append(endpoints, e.ObjectValue()["service"].StringValue())
		}
	}
	for _, want := range []string{"Microsoft.Storage", "Microsoft.KeyVault"} {
		// A resource behind a private endpoint gets no service endpoint on
		// the same path (Azure ML network isolation docs).
		if slices.Contains(endpoints, want) == isolated {
			t.Errorf("training subnet service endpoints %v (isolation %q)", endpoints, cfg.Network.Isolation)
		}
	}
	if training.String("networkSecurityGroup.id") == "" {
		t.Error("training subnet has no NSG")
	}
	if (training.String("routeTable.id") != "") != cfg.Compute.ForcedTunneling {
		t.Errorf("training route table present=%v, forcedTunneling=%v", training.String("routeTable.id") != "", cfg.Compute.ForcedTunneling)
	}
	if cfg.Network.Existing != nil {
		if len(m.OfType("azure-native:network:VirtualNetwork")) != 0 {
			t.Error("a reused VNet must not be created")
		}
		if training.Import == "" || !training.Retain {
			t.Errorf("a reused subnet is adopted (import %q) and retained (%v)", training.Import, training.Retain)
		}
	} else {
		one(t, "VNet", m.OfType("azure-native:network:VirtualNetwork"))
	}

	// The subnets the storage and vault firewalls admit: the training
	// subnet, and the AKS subnet when AKS is on.
	wantAdmitted := []string{trainingID}
	if cfg.Aks.Enabled {
		aksSubnet := one(t, "AKS subnet", m.Find("azure-native:network:Subnet", map[string]string{"addressPrefix": cfg.Network.AksSubnet}))
		wantAdmitted = append(wantAdmitted, subnetID(aksSubnet))
		aksEndpoints := serviceEndpointsOf(aksSubnet)
		if !isolated && !reflect.DeepEqual(aksEndpoints, []string{"Microsoft.KeyVault", "Microsoft.Storage"}) {
			t.Errorf("AKS subnet service endpoints %v: its inference reads the storage and vault through their VNet rules", aksEndpoints)
		}
		if isolated && len(aksEndpoints) != 0 {
			t.Errorf("AKS subnet service endpoints %v on the private-endpoint path", aksEndpoints)
		}
	}

	// Storage: deny by default for the workspace, open for inference.
	accounts := m.OfType("azure-native:storage:StorageAccount")
	wantAccounts := 1
	if cfg.InferenceStorage.Enabled {
		wantAccounts = 2
	}
	if len(accounts) != wantAccounts {
		t.Fatalf("want %d storage accounts, got %d", wantAccounts, len(accounts))
	}
	for _, sa := range accounts {
		if sa.Protect != cfg.Protect {
			t.Errorf("%s protect=%v, want %v", sa.Name, sa.Protect, cfg.Protect)
		}
		if sa.Name == "inferencestorage" {
			if sa.String("networkRuleSet.defaultAction") != "Allow" {
				t.Error("inference storage must allow unrestricted network access")
			}
			continue
		}
		if isolated {
			if v, _ := sa.Input("networkRuleSet.virtualNetworkRules"); v.IsArray() && len(v.ArrayValue()) > 0 {
				t.Error("isolated storage takes no VNet rules (no service endpoint on the path)")
			}
			continue
		}
		rules, _ := sa.Input("networkRuleSet.virtualNetworkRules")
		var admitted []string
		for _, r := range rules.ArrayValue() {
			admitted = append(admitted, r.ObjectValue()["virtualNetworkResourceId"].StringValue())
		}
		if !reflect.DeepEqual(admitted, wantAdmitted) {
			t.Errorf("workspace storage VNet rules %v, want %v (the training subnet, and the AKS subnet whose inference reads the storage)", admitted, wantAdmitted)
		}
		ips, _ := sa.Input("networkRuleSet.ipRules")
		if len(ips.ArrayValue()) < len(cfg.Storage.ClientIPRanges) {
			t.Errorf("storage IP rules %v for client ranges %v", ips, cfg.Storage.ClientIPRanges)
		}
	}

	// Key vault.
	kv := one(t, "key vault", m.OfType("azure-native:keyvault:Vault"))
	vrules, _ := kv.Input("properties.networkAcls.virtualNetworkRules")
	if isolated {
		if len(vrules.ArrayValue()) != 0 {
			t.Errorf("isolated vault: no VNet rules: %v", kv.Inputs)
		}
	} else {
		var admitted []string
		for _, r := range vrules.ArrayValue() {
			admitted = append(admitted, r.ObjectValue()["id"].StringValue())
		}
		if !reflect.DeepEqual(admitted, wantAdmitted) {
			t.Errorf("vault VNet rules %v, want %v", admitted, wantAdmitted)
		}
	}
	for _, flag := range []string{"properties.enableRbacAuthorization", "properties.enableSoftDelete"} {
		if b, _ := kv.Bool(flag); !b {
			t.Errorf("vault %s must be true", flag)
		}
	}
	if kv.Protect != cfg.Protect {
		t.Errorf("vault protect=%v, want %v", kv.Protect, cfg.Protect)
	}
	if kv.String("properties.tenantId") != pulumitest.TenantID {
		t.Errorf("vault tenant %q", kv.String("properties.tenantId"))
	}

	// Workspace wired to its storage and vault.
	ws := one(t, "workspace", m.OfType(azureml.WorkspaceV20241001Token))
	if !strings.Contains(ws.String("storageAccount"), "/storageAccounts/") || !strings.Contains(ws.String("keyVault"), "/vaults/") || ws.Protect != cfg.Protect {
		t.Errorf("workspace %v protect=%v", ws.Inputs, ws.Protect)
	}
	if ws.String("resourceGroupName") != rgName {
		t.Errorf("workspace in %q, want %q", ws.String("resourceGroupName"), rgName)
	}

	if isolated {
		if ws.String("imageBuildCompute") == "" {
			t.Errorf("isolated workspace: an image build compute: %v", ws.Inputs)
		}
		// Private endpoints need the Premium tier (registry private link docs).
		acr := one(t, "registry", m.OfType("azure-native:containerregistry:Registry"))
		if acr.String("sku.name") != "Premium" {
			t.Errorf("isolated registry: Premium: %v", acr.Inputs)
		}
		checkPrivateEndpoints(t, cfg, m)
	} else if len(m.OfType("azure-native:network:PrivateEndpoint")) != 0 {
		t.Error("private endpoints without isolation privateEndpoints")
	}
	if cfg.Workspace.Diagnostics {
		targets := map[string]bool{}
		for _, d := range m.OfType("azure-native:insights:DiagnosticSetting") {
			for _, kind := range []string{"workspaces", "vaults", "storageAccounts"} {
				if strings.Contains(d.String("resourceUri"), "/"+kind+"/") {
					targets[kind] = true
				}
			}
			if !strings.Contains(d.String("workspaceId"), "/Microsoft.OperationalInsights/workspaces/") {
				t.Errorf("diagnostics of %s do not go to Log Analytics", d.String("resourceUri"))
			}
		}
		for _, kind := range []string{"workspaces", "vaults", "storageAccounts"} {
			if !targets[kind] {
				t.Errorf("no diagnostic setting for the %s (have %v)", kind, targets)
			}
		}
	}

	checkTrainingRules(t, cfg, region, m, training)
	checkAttached(t, cfg, m)
	checkAks(t, cfg, m)
	checkNoPlaintextSecrets(t, st, m)
}

// checkNoPlaintextSecrets: secrets never appear in plain text in any input.
func checkNoPlaintextSecrets(t *testing.T, st *stackfile.Stack, m *pulumitest.Mocks) {
	for _, secret := range st.Secrets {
		for _, r := range m.Resources() {
			if r.PlaintextOutsideSecrets(secret) {
				t.Errorf("%s %s carries a secret from the stack file in plain text", r.Type, r.Name)
			}
		}
	}
}

// checkManagedStack checks a stack whose workspace has Azure ML's managed
// network: nothing of a network of ours, the workspace's managedNetwork as
// the config says, storage and vault reached through Azure's private
// endpoints (outbound approved) or with public access off (internet), the
// cluster without subnet or public IP, no AKS and no attached machine.
func checkManagedStack(t *testing.T, cfg *program.Config, m *pulumitest.Mocks) {
	for _, typ := range []string{"azure-native:network:VirtualNetwork", "azure-native:network:Subnet", "azure-native:network:NetworkSecurityGroup",
		"azure-native:network:SecurityRule", "azure-native:network:RouteTable", "azure-native:network:Route", "azure-native:network:NatGateway",
		"azure-native:network:PrivateEndpoint", "azure-native:containerservice:ManagedCluster"} {
		if n := len(m.OfType(typ)); n != 0 {
			t.Errorf("%d %s in a stack with a managed network", n, typ)
		}
	}
	mn := cfg.Network.Managed
	if mn == nil {
		mn = &components.ManagedNetworkSpec{}
	}
	spec := mn.WithDefaults()
	approved := spec.Outbound == components.ManagedOutboundApproved

	ws := one(t, "workspace", m.OfType(azureml.WorkspaceV20241001Token))
	if ws.String("managedNetwork.isolationMode") != spec.IsolationMode() || ws.String("managedNetwork.firewallSku") != spec.FirewallSku {
		t.Errorf("managedNetwork %v, want mode %s, firewall %q", ws.Inputs["managedNetwork"], spec.IsolationMode(), spec.FirewallSku)
	}
	if b, _ := ws.Bool("serverlessComputeSettings.serverlessComputeNoPublicIP"); !b {
		t.Error("serverless compute in the managed network gets no public IP")
	}
	if ws.String("imageBuildCompute") != cfg.Compute.WithDefaults().Name || ws.String("publicNetworkAccess") == "Disabled" {
		t.Errorf("workspace: images built on the cluster, reachable with Entra ID: %v", ws.Inputs)
	}
	types := map[string]string{components.RuleTypeFQDN: "FQDN", components.RuleTypePrivateEndpoint: "PrivateEndpoint", components.RuleTypeServiceTag: "ServiceTag"}
	for _, r := range spec.Rules {
		base := "managedNetwork.outboundRules." + r.Name
		if got := ws.String(base + ".type"); got != types[r.Type] {
			t.Errorf("rule %s is %q, want %s", r.Name, got, types[r.Type])
		}
		switch r.Type {
		case components.RuleTypeFQDN:
			if ws.String(base+".destination") != r.Destination {
				t.Errorf("rule %s to %q", r.Name, ws.String(base+".destination"))
			}
		case components.RuleTypePrivateEndpoint:
			id := ws.String(base + ".destination.serviceResourceId")
			if r.ResourceID == "inferenceStorage" {
				if !strings.Contains(id, "/providers/Microsoft.Storage/storageAccounts/inferencestorage") {
					t.Errorf("rule %s names the inference account, got %q", r.Name, id)
				}
			} else if id != r.ResourceID {
				t.Errorf("rule %s to %q", r.Name, id)
			}
			if ws.String(base+".destination.subresourceTarget") != r.Subresource {
				t.Errorf("rule %s sub-resource %q", r.Name, ws.String(base+".destination.subresourceTarget"))
			}
		case components.RuleTypeServiceTag:
			if ws.String(base+".destination.serviceTag") != r.ServiceTag || ws.String(base+".destination.portRanges") != r.Ports {
				t.Errorf("rule %s: %v", r.Name, ws.Inputs["managedNetwork"])
			}
		}
	}
	acr := one(t, "registry", m.OfType("azure-native:containerregistry:Registry"))
	if acr.String("sku.name") != "Premium" || (acr.String("publicNetworkAccess") == "Disabled") == approved {
		t.Errorf("registry: Premium, public access off with outbound internet only: %v", acr.Inputs)
	}

	for _, sa := range m.OfType("azure-native:storage:StorageAccount") {
		if sa.Name == "inferencestorage" {
			if sa.String("networkRuleSet.defaultAction") != "Allow" {
				t.Error("inference storage must allow unrestricted network access")
			}
			continue
		}
		if sa.String("networkRuleSet.defaultAction") != "Deny" || sa.String("networkRuleSet.bypass") != "AzureServices" {
			t.Errorf("workspace storage keeps deny by default and trusted services: %v", sa.Inputs["networkRuleSet"])
		}
		if v, _ := sa.Input("networkRuleSet.virtualNetworkRules"); v.IsArray() && len(v.ArrayValue()) > 0 {
			t.Errorf("workspace storage: VNet rules %v without a VNet", v)
		}
		ips, _ := sa.Input("networkRuleSet.ipRules")
		if approved && len(ips.ArrayValue()) < len(cfg.Storage.ClientIPRanges) {
			t.Errorf("storage IP rules %v for client ranges %v", ips, cfg.Storage.ClientIPRanges)
		}
		if (sa.String("publicNetworkAccess") == "Disabled") == approved {
			t.Errorf("storage public access %q with outbound %s", sa.String("publicNetworkAccess"), spec.Outbound)
		}
	}
	kv := one(t, "key vault", m.OfType("azure-native:keyvault:Vault"))
	if kv.String("properties.networkAcls.defaultAction") != "Deny" || kv.String("properties.networkAcls.bypass") != "AzureServices" ||
		(kv.String("properties.publicNetworkAccess") == "Disabled") == approved {
		t.Errorf("vault with outbound %s: %v", spec.Outbound, kv.Inputs)
	}

	computes := m.OfType("azure-native:machinelearningservices:Compute")
	cluster := one(t, "compute cluster", computes)
	if v, _ := cluster.Input("properties.properties.subnet"); !v.IsNull() {
		t.Errorf("cluster in a subnet of ours: %v", v)
	}
	if b, ok := cluster.Bool("properties.properties.enableNodePublicIp"); !ok || b {
		t.Error("a cluster in the managed network gets no public IP")
	}
}

func checkTrainingRules(t *testing.T, cfg *program.Config, region string, m *pulumitest.Mocks, training pulumitest.Resource) {
	nsgName := ""
	for _, nsg := range m.OfType("azure-native:network:NetworkSecurityGroup") {
		if strings.HasSuffix(training.String("networkSecurityGroup.id"), "/"+nsg.String("networkSecurityGroupName")) {
			nsgName = nsg.String("networkSecurityGroupName")
		}
	}
	if nsgName == "" {
		t.Fatal("the training subnet's NSG was not created by the stack")
	}
	rules := m.Find("azure-native:network:SecurityRule", map[string]string{"networkSecurityGroupName": nsgName})
	find := func(direction, source, dest, port string) []pulumitest.Resource {
		var out []pulumitest.Resource
		for _, r := range rules {
			ports := append(r.Strings("destinationPortRanges"), r.String("destinationPortRange"))
			dests := append(r.Strings("destinationAddressPrefixes"), r.String("destinationAddressPrefix"))
			if r.String("direction") == direction && (source == "" || r.String("sourceAddressPrefix") == source) &&
				(dest == "" || slices.Contains(dests, dest)) && (port == "" || slices.Contains(ports, port)) {
				out = append(out, r)
			}
		}
		return out
	}
	publicIP := cfg.Compute.PublicIP == nil || *cfg.Compute.PublicIP
	// The policies ask for the inbound rules a public IP needs; without
	// one the docs need none, and the stack adds none.
	if !publicIP {
		for _, tag := range []string{"BatchNodeManagement", "AzureMachineLearning"} {
			for _, r := range find("Inbound", tag, "", "") {
				if r.String("destinationPortRange") != "22" {
					t.Errorf("compute without public IP has inbound rule %s from %s", r.Name, tag)
				}
			}
		}
	}
	var ssh []pulumitest.Resource
	for _, r := range find("Inbound", "", "", "22") {
		if r.String("sourceAddressPrefix") != "AzureMachineLearning" {
			ssh = append(ssh, r)
		}
	}
	if cfg.Compute.SSHAccess != (len(ssh) > 0) {
		t.Errorf("sshAccess=%v but %d SSH rules", cfg.Compute.SSHAccess, len(ssh))
	}
	// The policy checks what a deny to the Internet needs before it; the
	// deny itself is what outbound restricted asks for.
	deny := find("Outbound", "", "Internet", "*")
	if cfg.Compute.Outbound == "restricted" {
		if len(deny) != 1 || deny[0].String("access") != "Deny" {
			t.Fatalf("restricted outbound needs one deny to Internet, got %d", len(deny))
		}
		// Regional tags where the docs give them, so the rule admits the
		// region's ranges only.
		for _, tag := range []string{"Storage", "AzureContainerRegistry", "BatchNodeManagement"} {
			want, _ := netplan.RegionalTag(tag, region)
			if len(find("Outbound", "", want, "443")) != 1 {
				t.Errorf("restricted outbound lacks an allow to %s", want)
			}
		}
	} else if publicIP && len(find("Outbound", "", "", "")) != 0 {
		t.Error("default outbound adds no outbound rules")
	}
	if !publicIP {
		for _, tag := range []string{"AzureActiveDirectory", "AzureResourceManager", "MicrosoftContainerRegistry", "AzureFrontDoor.FirstParty", "AzureMachineLearning"} {
			if len(find("Outbound", "", tag, "443")) == 0 {
				t.Errorf("compute without public IP lacks the outbound allow to %s", tag)
			}
		}
	}

	routes := map[string]string{}
	for _, r := range m.OfType("azure-native:network:Route") {
		routes[r.String("addressPrefix")] = r.String("nextHopType")
	}
	if cfg.Compute.ForcedTunneling {
		batch, _ := netplan.RegionalTag("BatchNodeManagement", region)
		for _, p := range append([]string{}, cfg.Compute.BatchPrefixes...) {
			if routes[p] != "Internet" {
				t.Errorf("no Internet route for batch prefix %s", p)
			}
		}
		if len(cfg.Compute.BatchPrefixes) == 0 && routes[batch] != "Internet" {
			t.Errorf("no Internet route for %s: %v", batch, routes)
		}
		if len(cfg.Compute.MachineLearningPrefixes) == 0 && routes["AzureMachineLearning"] != "Internet" {
			t.Errorf("no Internet route for AzureMachineLearning: %v", routes)
		}
		if !publicIP {
			for _, tag := range []string{"AzureActiveDirectory", "AzureResourceManager", "MicrosoftContainerRegistry", "AzureFrontDoor.FirstParty"} {
				if routes[tag] != "Internet" {
					t.Errorf("compute without public IP: no Internet route for %s", tag)
				}
			}
		}
		// Storage goes past the firewall only when asked for.
		storage, _ := netplan.RegionalTag("Storage", region)
		if (routes[storage] == "Internet") != cfg.Compute.TunnelStorage {
			t.Errorf("Storage route %q with tunnelStorage %v", routes[storage], cfg.Compute.TunnelStorage)
		}
	} else if len(routes) != 0 {
		t.Errorf("routes without forced tunneling: %v", routes)
	}

	cluster := one(t, "compute cluster", m.Find("azure-native:machinelearningservices:Compute", map[string]string{"properties.computeType": "AmlCompute"}))
	if cluster.String("properties.properties.subnet.id") != subnetID(training) {
		t.Errorf("cluster subnet %q", cluster.String("properties.properties.subnet.id"))
	}
	if n, _ := cluster.Number("properties.properties.scaleSettings.maxNodeCount"); int(n) != *cfg.Compute.WithDefaults().MaxNodes {
		t.Errorf("maxNodeCount %v, config %v", n, cfg.Compute.MaxNodes)
	}
	if n, _ := cluster.Number("properties.properties.scaleSettings.minNodeCount"); int(n) != cfg.Compute.MinNodes {
		t.Errorf("minNodeCount %v, config %d", n, cfg.Compute.MinNodes)
	}
	if b, _ := cluster.Bool("properties.properties.enableNodePublicIp"); b != publicIP {
		t.Errorf("enableNodePublicIp %v, want %v", b, publicIP)
	}
	wantLogin := "Disabled"
	if cfg.Compute.SSHAccess {
		wantLogin = "Enabled"
	}
	if got := cluster.String("properties.properties.remoteLoginPortPublicAccess"); got != wantLogin {
		t.Errorf("remote login %q, want %q", got, wantLogin)
	}
}

func checkAttached(t *testing.T, cfg *program.Config, m *pulumitest.Mocks) {
	var addresses []string
	for _, a := range cfg.Attach {
		c := one(t, "attached "+a.Name, m.Find("azure-native:machinelearningservices:Compute", map[string]string{"computeName": a.Name}))
		if c.String("properties.computeType") != a.Kind || c.String("properties.resourceId") != a.ResourceID || c.String("properties.properties.address") != a.Address {
			t.Errorf("attach %s: %v", a.Name, c.Inputs)
		}
		if a.SSHPassword != nil {
			if _, secret := c.Input("properties.properties.administratorAccount.password"); !secret {
				t.Errorf("attach %s: the SSH password must be a secret", a.Name)
			}
		}
		dest := a.PrivateAddress
		if dest == "" {
			dest = cfg.Network.TrainingSubnet
		}
		addresses = append(addresses, dest)
	}
	rules := m.Find("azure-native:network:SecurityRule", map[string]string{"sourceAddressPrefix": "AzureMachineLearning", "destinationPortRange": "22"})
	if len(cfg.Attach) == 0 {
		if len(rules) != 0 {
			t.Error("SSH from AzureMachineLearning without attached machines")
		}
		return
	}
	r := one(t, "SSH to attached machines", rules)
	got := r.Strings("destinationAddressPrefixes")
	sort.Strings(got)
	sort.Strings(addresses)
	if !reflect.DeepEqual(got, addresses) {
		t.Errorf("SSH from AzureMachineLearning to %v, want %v", got, addresses)
	}
}

func checkAks(t *testing.T, cfg *program.Config, m *pulumitest.Mocks) {
	clusters := m.OfType("azure-native:containerservice:ManagedCluster")
	if !cfg.Aks.Enabled {
		if len(clusters) != 0 {
			t.Error("AKS created while disabled")
		}
		if n := len(m.OfType("azure-native:kubernetesconfiguration:Extension")) + len(m.OfType("azure-native:machinelearningservices:Datastore")); n != 0 {
			t.Errorf("%d extensions or datastores without AKS", n)
		}
		return
	}
	mc := one(t, "AKS cluster", clusters)
	aksSubnet := one(t, "AKS subnet", m.Find("azure-native:network:Subnet", map[string]string{"addressPrefix": cfg.Network.AksSubnet}))
	pools, _ := mc.Input("agentPoolProfiles")
	if len(pools.ArrayValue()) == 0 || pools.ArrayValue()[0].ObjectValue()["vnetSubnetID"].StringValue() != subnetID(aksSubnet) {
		t.Errorf("AKS pool not in the AKS subnet: %v", pools)
	}
	aks := cfg.Aks.WithDefaults()
	if mc.String("networkProfile.serviceCidr") != aks.ServiceCidr ||
		mc.String("networkProfile.dnsServiceIP") != aks.DNSServiceIP ||
		mc.String("networkProfile.networkPlugin") != "azure" {
		t.Errorf("AKS network profile %v", mc.Inputs["networkProfile"])
	}
	if v, _ := mc.Input("networkProfile.dockerBridgeCidr"); !v.IsNull() {
		t.Error("the cluster must not carry dockerBridgeCidr (API 2023-04-01)")
	}
	if b, _ := mc.Bool("apiServerAccessProfile.enablePrivateCluster"); b != aks.PrivateCluster {
		t.Errorf("private API server %v, want %v", b, aks.PrivateCluster)
	}
	if aks.PrivateCluster {
		if b, ok := mc.Bool("apiServerAccessProfile.enablePrivateClusterPublicFQDN"); !ok || b {
			t.Error("Azure ML does not support a private cluster's public FQDN")
		}
	}
	roles := m.OfType("azure-native:authorization:RoleAssignment")
	byRole := map[string][]pulumitest.Resource{}
	for _, r := range roles {
		def := r.String("roleDefinitionId")
		byRole[def[strings.LastIndex(def, "/")+1:]] = append(byRole[def[strings.LastIndex(def, "/")+1:]], r)
	}
	subnetRole := one(t, "subnet role", byRole["4d97b98b-1d4f-4787-a291-c67834d212e7"])
	if subnetRole.String("scope") != subnetID(aksSubnet) {
		t.Errorf("Network Contributor on the AKS subnet: %v", subnetRole.Inputs)
	}
	for _, src := range aks.ScoringSources {
		if len(m.Find("azure-native:network:SecurityRule", map[string]string{"sourceAddressPrefix": src, "direction": "Inbound"})) != 1 {
			t.Errorf("no scoring rule from %s", src)
		}
	}
	var fromAML int
	for _, r := range m.Find("azure-native:network:SecurityRule", map[string]string{"sourceAddressPrefix": "AzureMachineLearning", "direction": "Inbound"}) {
		if strings.HasSuffix(aksSubnet.String("networkSecurityGroup.id"), "/"+r.String("networkSecurityGroupName")) {
			fromAML++
		}
	}
	if fromAML != 1 {
		t.Errorf("the AKS NSG needs one inbound rule from AzureMachineLearning, has %d", fromAML)
	}
	datastores := m.OfType("azure-native:machinelearningservices:Datastore")
	if cfg.InferenceStorage.Enabled != (len(datastores) == 1) {
		t.Errorf("%d datastores; the inference storage (enabled %v) is registered as one", len(datastores), cfg.InferenceStorage.Enabled)
	}
	for _, ds := range datastores {
		if ds.String("datastoreProperties.credentials.credentialsType") != "None" || !strings.HasPrefix(ds.String("datastoreProperties.accountName"), "inferencestorage") {
			t.Errorf("inference datastore %v: identity-based access to the inference account", ds.Inputs)
		}
	}

	if aks.ComputeType == components.AksComputeLegacy {
		compute := one(t, "AKS compute", m.Find("azure-native:machinelearningservices:Compute", map[string]string{"properties.computeType": "AKS"}))
		if aks.LoadBalancerType == "InternalLoadBalancer" && compute.String("properties.properties.loadBalancerSubnet") != aksSubnet.String("subnetName") {
			t.Errorf("the internal load balancer goes in the AKS subnet: %q", compute.String("properties.properties.loadBalancerSubnet"))
		}
		if compute.String("properties.properties.aksNetworkingConfiguration.subnetId") != subnetID(aksSubnet) {
			t.Errorf("AKS compute networking %v", compute.Inputs)
		}
		if want := aks.DockerBridgeCidr; compute.String("properties.properties.aksNetworkingConfiguration.dockerBridgeCidr") != want {
			t.Errorf("the docker bridge goes with the workspace's AKS compute: want %s", want)
		}
		if compute.String("tags."+components.ComputeTypeTag) != "AKS" {
			t.Error("the legacy compute says it was chosen on purpose")
		}
		if n := len(m.OfType("azure-native:kubernetesconfiguration:Extension")); n != 0 {
			t.Errorf("%d extensions with the legacy compute", n)
		}
		return
	}

	ext := one(t, "Azure ML extension", m.OfType("azure-native:kubernetesconfiguration:Extension"))
	if ext.String("extensionType") != "Microsoft.AzureML.Kubernetes" || ext.String("scope.cluster.releaseNamespace") != "azureml" || ext.String("clusterName") != mc.String("resourceName") {
		t.Errorf("extension %v", ext.Inputs)
	}
	want := map[string]string{
		"enableInference": "True", "inferenceRouterServiceType": aks.Inference.RouterServiceType,
		"inferenceRouterHA":        map[bool]string{true: "True", false: "False"}[*aks.Inference.HighAvailability],
		"allowInsecureConnections": map[bool]string{true: "True", false: "False"}[aks.Inference.AllowInsecureConnections],
	}
	if aks.Inference.InternalLoadBalancer {
		want["internalLoadBalancerProvider"] = "azure"
	}
	if !aks.Inference.AllowInsecureConnections {
		want["sslCname"] = aks.Inference.SslCname
		if _, secret := ext.Input("configurationProtectedSettings"); !secret {
			t.Error("the scoring certificate and key reach the extension only as secrets")
		}
	}
	for k, v := range want {
		if got := ext.String("configurationSettings." + k); got != v {
			t.Errorf("extension setting %s = %q, want %q", k, got, v)
		}
	}
	compute := one(t, "Kubernetes compute", m.Find("azure-native:machinelearningservices:Compute", map[string]string{"properties.computeType": "Kubernetes"}))
	if compute.String("computeName") != aks.ComputeName || compute.String("properties.properties.namespace") != aks.Namespace ||
		!strings.HasSuffix(compute.String("properties.resourceId"), "/managedClusters/"+mc.String("resourceName")) {
		t.Errorf("Kubernetes compute %v", compute.Inputs)
	}
	if !dependsOnRes(compute, ext) {
		t.Error("the compute is attached after the extension exists")
	}
	for role, scopeOf := range map[string]func() string{
		"acdd72a7-3385-48ef-bd42-f606fba81ae7": func() string { return "/managedClusters/" + mc.String("resourceName") },
		"85cb6faf-e071-4c9b-8136-154b5a04f717": func() string { return "/managedClusters/" + mc.String("resourceName") },
		"0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8": func() string { return "/managedClusters/" + mc.String("resourceName") },
		"7f951dda-4ed3-4680-a7ca-43fe172d538d": func() string { return "/registries/" },
		"2a2b9908-6ea1-4ae2-8e65-a410df84e7d1": func() string { return "/storageAccounts/" },
	} {
		rs := byRole[role]
		if len(rs) == 0 {
			t.Errorf("no assignment of role %s", role)
		}
		for _, r := range rs {
			if !strings.Contains(r.String("scope"), scopeOf()) {
				t.Errorf("role %s on %q, want on %s", role, r.String("scope"), scopeOf())
			}
			if !dependsOnRes(compute, r) {
				t.Errorf("the compute is attached after role %s (%s) exists", r.Name, role)
			}
		}
	}
	if n := len(byRole["2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"]); n != 1+len(datastores) {
		t.Errorf("%d Storage Blob Data Reader assignments, want the workspace storage and the inference datastore's", n)
	}
}

// dependsOnRes tells whether r lists dep among its dependencies.
func dependsOnRes(r, dep pulumitest.Resource) bool {
	for _, d := range r.DependsOn {
		if strings.HasSuffix(d, "::"+dep.Name) {
			return true
		}
	}
	return false
}

// serviceEndpointsOf lists a subnet's service endpoints, sorted.
func serviceEndpointsOf(sn pulumitest.Resource) []string {
	var out []string
	if v, _ := sn.Input("serviceEndpoints"); v.IsArray() {
		for _, e := range v.ArrayValue() {
			out = append(out, e.ObjectValue()["service"].StringValue())
		}
	}
	sort.Strings(out)
	return out
}

// TestSecretConfigStaysSecret checks that secret config values (attached
// machines' SSH passwords) reach Azure only as secrets, and that the program
// reads them from secret config keys.
func TestSecretConfigStaysSecret(t *testing.T) {
	for _, f := range stackFiles(t) {
		st, err := stackfile.Load(f, "amlvnet", passphrase())
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Secrets) == 0 {
			continue
		}
		_, m := runStack(t, f)
		cfg := decodeConfig(t, st)
		sshPassword, tlsKey := false, false
		for _, r := range m.Resources() {
			for _, s := range st.Secrets {
				if r.PlaintextOutsideSecrets(s) {
					t.Errorf("%s: %s %s leaks a secret", filepath.Base(f), r.Type, r.Name)
				}
			}
			if _, secret := r.Input("properties.properties.administratorAccount.password"); secret {
				sshPassword = true
			}
			// The key holds a dot, so it is looked up in the map.
			if v, secret := r.Input("configurationProtectedSettings"); secret && v.IsObject() && v.ObjectValue().HasValue("scoringFe.sslKey") {
				tlsKey = true
			}
		}
		if len(cfg.Attach) > 0 && !sshPassword {
			t.Errorf("%s: no secret SSH password reached an attached compute", filepath.Base(f))
		}
		if cfg.Aks.Enabled && cfg.Aks.Inference.SslKey != nil && !tlsKey {
			t.Errorf("%s: the scoring TLS key did not reach the Azure ML extension as a secret", filepath.Base(f))
		}
	}
}

func trainingSubnetName(cfg *program.Config) string {
	if cfg.Network.Existing != nil {
		return cfg.Network.TrainingSubnet
	}
	return components.DefaultTrainingSubnetName
}

// subnetID is the ID the mocks gave a subnet resource.
func subnetID(r pulumitest.Resource) string {
	if r.Import != "" {
		return r.Import
	}
	return "/subscriptions/" + pulumitest.SubscriptionID + "/resourceGroups/" + r.String("resourceGroupName") +
		"/providers/Microsoft.Network/virtualNetworks/" + r.String("virtualNetworkName") + "/subnets/" + r.String("subnetName")
}

// TestPlaintextCredentialsRefused: SSH passwords and keys written in plain
// text in a stack file are refused; set with --secret, they are accepted.
func TestPlaintextCredentialsRefused(t *testing.T) {
	cfg := map[string]string{
		"azure-native:location": "eastus2",
		"amlvnet:network":       `{"addressSpace":"10.20.0.0/16","trainingSubnet":"10.20.0.0/24"}`,
		"amlvnet:storage":       `{"clientIpRanges":["203.0.113.0/29"]}`,
		"amlvnet:compute":       `{"sshAccess":true,"sshSources":["10.20.255.0/27"],"adminPassword":"Plain-Passw0rd"}`,
		"amlvnet:attach": `[{"name":"vm1","kind":"VirtualMachine","address":"vm1.example.com","privateAddress":"10.20.0.10","sshUser":"u","sshPrivateKey":"PRIVATE-KEY-DATA-123",` +
			`"resourceId":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"}]`,
	}
	m, err := runConfig(t, cfg)
	for _, key := range []string{"amlvnet:attach[0].sshPrivateKey", "amlvnet:compute.adminPassword"} {
		if !containsKey(err, key) {
			t.Errorf("plain-text credential %s not refused: %v", key, err)
		}
	}
	if len(m.Resources()) != 0 {
		t.Error("nothing may be registered")
	}
	m, err = runConfig(t, cfg, "amlvnet:attach", "amlvnet:compute")
	if err != nil {
		t.Fatalf("secret credentials must be accepted: %v", err)
	}
	for _, r := range m.Resources() {
		for _, s := range []string{"Plain-Passw0rd", "PRIVATE-KEY-DATA-123"} {
			if r.PlaintextOutsideSecrets(s) {
				t.Errorf("%s %s carries %q outside a secret", r.Type, r.Name, s)
			}
		}
	}
	c := one(t, "cluster", m.Find("azure-native:machinelearningservices:Compute", map[string]string{"computeName": "cpucluster"}))
	if _, secret := c.Input("properties.properties.userAccountCredentials.adminUserPassword"); !secret {
		t.Error("the admin password must reach the cluster as a secret")
	}
}

// checkPrivateEndpoints: an endpoint per target with its sub-resource, both
// workspace zones, every zone global and linked to the VNet, and a zone
// group on every endpoint naming the zones of its sub-resource.
func checkPrivateEndpoints(t *testing.T, cfg *program.Config, m *pulumitest.Mocks) {
	cloud := cfg.Network.Cloud
	if cloud == "" {
		cloud = components.CloudPublic
	}
	groups := map[string]string{}
	for _, pe := range m.OfType("azure-native:network:PrivateEndpoint") {
		conns, _ := pe.Input("privateLinkServiceConnections")
		if len(conns.ArrayValue()) != 1 {
			t.Fatalf("%s: want one connection, got %v", pe.Name, conns)
		}
		c := conns.ArrayValue()[0].ObjectValue()
		group := c["groupIds"].ArrayValue()[0].StringValue()
		groups[group] = c["privateLinkServiceId"].StringValue()
		if !strings.Contains(pe.String("subnet.id"), "/subnets/"+components.DefaultPrivateEndpointSubnetName) {
			t.Errorf("%s not in the private-endpoint subnet: %q", pe.Name, pe.String("subnet.id"))
		}
	}
	want := map[string]string{
		components.GroupWorkspace: "/workspaces/", components.GroupBlob: "/storageAccounts/", components.GroupFile: "/storageAccounts/",
		components.GroupVault: "/vaults/", components.GroupRegistry: "/registries/",
	}
	if cfg.Workspace.BatchEndpoints {
		want[components.GroupQueue], want[components.GroupTable] = "/storageAccounts/", "/storageAccounts/"
	}
	if len(groups) != len(want) {
		t.Errorf("private endpoints for %v, want %v", groups, want)
	}
	for g, kind := range want {
		if !strings.Contains(groups[g], kind) {
			t.Errorf("private endpoint %s targets %q, want a %s resource", g, groups[g], kind)
		}
	}
	zones := map[string]bool{}
	for _, z := range m.OfType("azure-native:network:PrivateZone") {
		zones[z.String("privateZoneName")] = true
	}
	for g := range want {
		for _, z := range components.PrivateDNSZones(cloud, g) {
			if !zones[z] {
				t.Errorf("missing private DNS zone %s for %s", z, g)
			}
		}
	}
	if !zones["privatelink.api.azureml.ms"] || !zones["privatelink.notebooks.azure.net"] {
		t.Error("the workspace needs both of its zones")
	}
	links := m.OfType("azure-native:network:VirtualNetworkLink")
	if len(links) != len(zones) {
		t.Errorf("%d VNet links for %d zones", len(links), len(zones))
	}
	for _, l := range links {
		if !strings.Contains(l.String("virtualNetwork.id"), "/virtualNetworks/") {
			t.Errorf("link %s not to the VNet", l.Name)
		}
	}
	zoneGroups := m.OfType("azure-native:network:PrivateDnsZoneGroup")
	if len(zoneGroups) != len(want) {
		t.Errorf("%d zone groups for %d endpoints", len(zoneGroups), len(want))
	}
	for _, zg := range zoneGroups {
		if v, _ := zg.Input("privateDnsZoneConfigs"); !v.IsArray() || len(v.ArrayValue()) == 0 {
			t.Errorf("zone group %s names no zone", zg.Name)
		}
	}
}

// TestMisspelledTopLevelKeyUnderLanguageHost: run as `pulumi up` does, with
// every key in PULUMI_CONFIG, a misspelled top-level key is refused.
func TestMisspelledTopLevelKeyUnderLanguageHost(t *testing.T) {
	t.Setenv("PULUMI_CONFIG", `{"azure-native:location":"eastus2","amlvnet:computee":"{}","aws:region":"x"}`)
	m, err := runConfig(t, map[string]string{"azure-native:location": "eastus2"})
	if !containsKey(err, "amlvnet:computee") || len(m.Resources()) != 0 {
		t.Fatalf("want amlvnet:computee refused before anything is registered, got %v", err)
	}
	// Reported with the config's other problems, not instead of them.
	if !containsKey(err, "amlvnet:network.trainingSubnet") {
		t.Errorf("the other problems of the config must be reported too: %v", err)
	}
	if containsKey(err, "aws:region") {
		t.Error("keys of other namespaces are not ours to judge")
	}
}

// TestLegacyAKSComputeUnderMocks keeps the seed's path working: the prod
// stack switched to aks.computeType AKS (its inference settings dropped, as
// they are the extension's) passes every check of the stacks, with the
// legacy compute in place of the extension and the Kubernetes compute.
func TestLegacyAKSComputeUnderMocks(t *testing.T) {
	st, err := stackfile.Load(filepath.Join("..", "stacks", "Pulumi.prod.yaml"), "amlvnet", passphrase())
	if err != nil {
		t.Fatal(err)
	}
	var aks map[string]any
	if err := json.Unmarshal([]byte(st.Config["amlvnet:aks"]), &aks); err != nil {
		t.Fatal(err)
	}
	aks["computeType"] = "AKS"
	delete(aks, "inference")
	raw, err := json.Marshal(aks)
	if err != nil {
		t.Fatal(err)
	}
	st.Config["amlvnet:aks"] = string(raw)
	m, err := runConfig(t, st.Config, st.SecretKeys...)
	if err != nil {
		t.Fatalf("the legacy compute must stay available: %v", err)
	}
	cfg := decodeConfig(t, st)
	if cfg.Aks.ComputeType != components.AksComputeLegacy {
		t.Fatalf("compute type %q", cfg.Aks.ComputeType)
	}
	checkStack(t, st, cfg, m)
	one(t, "legacy compute", m.Find("azure-native:machinelearningservices:Compute", map[string]string{"properties.computeType": "AKS"}))
}

// TestPlaintextTLSKeyRefused: the scoring certificate and key written in
// plain text are refused; set with --secret, they reach Azure as secrets.
func TestPlaintextTLSKeyRefused(t *testing.T) {
	cfg, _ := render(aksBase())
	m, err := runConfig(t, cfg, "amlvnet:attach")
	for _, key := range []string{"amlvnet:aks.inference.sslCertificate", "amlvnet:aks.inference.sslKey"} {
		if !containsKey(err, key) {
			t.Errorf("plain-text %s not refused: %v", key, err)
		}
	}
	if len(m.Resources()) != 0 {
		t.Error("nothing may be registered")
	}
	m, err = runConfig(t, cfg, "amlvnet:aks")
	if err != nil {
		t.Fatalf("secret TLS material must be accepted: %v", err)
	}
	for _, r := range m.Resources() {
		if r.PlaintextOutsideSecrets("SAMPLE") || r.PlaintextOutsideSecrets(base64.StdEncoding.EncodeToString([]byte("-----BEGIN PRIVATE KEY-----\nSAMPLE\n-----END PRIVATE KEY-----\n"))) {
			t.Errorf("%s %s carries TLS material outside a secret", r.Type, r.Name)
		}
	}
}

// TestFixedSettingsComparedWithTheLastDeployment: the program reads the
// settings its stack last deployed and refuses a change Azure refuses.
func TestFixedSettingsComparedWithTheLastDeployment(t *testing.T) {
	cfg, secrets := render(devBase())
	cfg["amlvnet:keyVault"] = `{"softDeleteRetentionDays": 30}`
	m := &pulumitest.Mocks{VirtualNetworks: fixtureVnets(t), StackOutputs: resource.PropertyMap{
		"fixedSettings": resource.NewObjectProperty(resource.PropertyMap{"amlvnet:keyVault.softDeleteRetentionDays": resource.NewStringProperty("90")}),
	}}
	err := m.Run(program.Run, cfg, secrets...)
	if !containsKey(err, "amlvnet:keyVault.softDeleteRetentionDays") {
		t.Fatalf("want the change refused naming its key, got %v", err)
	}
	for _, r := range m.Resources() {
		if r.Type != "pulumi:pulumi:StackReference" {
			t.Errorf("%s %s registered despite the refusal", r.Type, r.Name)
		}
	}
	// Unchanged, or never deployed, it is accepted.
	cfg["amlvnet:keyVault"] = `{"softDeleteRetentionDays": 90}`
	if err := m.Run(program.Run, cfg, secrets...); err != nil {
		t.Errorf("the deployed value must be accepted: %v", err)
	}
}

// TestManagedNetworkInternetOutbound runs the dev stack switched to a managed
// network with outbound internet and a private endpoint rule to the
// inference account: storage, vault and registry have public access off (so
// that Azure adds its private endpoints), and the rest as for approved.
func TestManagedNetworkInternetOutbound(t *testing.T) {
	cfg, secrets := BadConfigCase{Set: managed("internet", []any{storeRule}, "amlvnet:inferenceStorage.enabled", true)}.Config()
	m, err := runConfig(t, cfg, secrets...)
	if err != nil {
		t.Fatal(err)
	}
	st := &stackfile.Stack{Name: "dev", Config: cfg, SecretKeys: secrets}
	checkManagedStack(t, decodeConfig(t, st), m)
	if sa := m.Find("azure-native:storage:StorageAccount", map[string]string{"publicNetworkAccess": "Disabled"}); len(sa) != 1 {
		t.Errorf("want the workspace account, and it alone, with public access off: %d", len(sa))
	}
}

// TestManagedNetworkOneWay: a deployed stack's managed network only moves
// the ways Azure allows. Leaving it (for any other isolation) or going from
// approved back to internet is refused at preview, naming the key, with
// nothing registered but the read of the last deployment; moving forward is
// accepted.
func TestManagedNetworkOneWay(t *testing.T) {
	deployed := func(isolation, outbound string) resource.PropertyMap {
		return resource.PropertyMap{"fixedSettings": resource.NewObjectProperty(resource.PropertyMap{
			"amlvnet:keyVault.softDeleteRetentionDays": resource.NewStringProperty("90"),
			"amlvnet:network.isolation":                resource.NewStringProperty(isolation),
			"amlvnet:network.managed.outbound":         resource.NewStringProperty(outbound),
		})}
	}
	cases := []struct {
		name     string
		was      resource.PropertyMap
		now      map[string]any // a BadConfigCase's Set; nil is the dev base
		refuseAt string         // "" accepts
		message  string
	}{
		{"managed to serviceEndpoints", deployed("managed", "approved"), nil,
			"amlvnet:network.isolation", "was managed when the stack was deployed, and Azure never takes a workspace out of its managed virtual network"},
		{"managed to privateEndpoints", deployed("managed", "internet"), isolated(),
			"amlvnet:network.isolation", "keep managed, or deploy a new stack for privateEndpoints"},
		{"approved to internet", deployed("managed", "approved"), managed("internet", nil),
			"amlvnet:network.managed.outbound", "was approved when the stack was deployed, and Azure never lets a managed network go from AllowOnlyApprovedOutbound back to AllowInternetOutbound"},
		{"approved by default to internet", deployed("managed", "approved"), map[string]any{
			"amlvnet:network": map[string]any{"isolation": "managed", "managed": map[string]any{"outbound": "internet"}}, "amlvnet:storage.clientIpRanges": Unset},
			"amlvnet:network.managed.outbound", "AllowOnlyApprovedOutbound back to AllowInternetOutbound"},
		{"internet to approved", deployed("managed", "internet"), managed("approved", nil), "", ""},
		{"approved stays approved", deployed("managed", "approved"), managed("approved", []any{pypiRule}), "", ""},
		{"serviceEndpoints to managed", deployed("serviceEndpoints", ""), managed("approved", nil), "", ""},
		{"serviceEndpoints to privateEndpoints", deployed("serviceEndpoints", ""), isolated(), "", ""},
		{"deployed before the settings were kept", resource.PropertyMap{}, nil, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, secrets := BadConfigCase{Set: c.now}.Config()
			m := &pulumitest.Mocks{VirtualNetworks: fixtureVnets(t), StackOutputs: c.was}
			err := m.Run(program.Run, cfg, secrets...)
			if c.refuseAt == "" {
				if err != nil {
					t.Fatalf("want the change accepted, got %v", err)
				}
				return
			}
			var ce *program.ConfigError
			if !errors.As(err, &ce) || len(ce.Problems) != 1 || ce.Problems[0].Path != c.refuseAt || !strings.Contains(ce.Problems[0].Message, c.message) {
				t.Fatalf("want one problem at %s saying %q, got %v", c.refuseAt, c.message, err)
			}
			for _, r := range m.Resources() {
				if r.Type != "pulumi:pulumi:StackReference" {
					t.Errorf("%s %s registered despite the refusal", r.Type, r.Name)
				}
			}
		})
	}
}

// TestPoliciesCatchABrokenStackUnderMocks: the policy check of
// TestEveryStackUnderMocks sees the mocked resources as the policy pack sees
// a preview's (IDs, names and references connect a rule to its NSG, subnet
// and cluster): with the rules a stack needs taken out, it reports them.
func TestPoliciesCatchABrokenStackUnderMocks(t *testing.T) {
	for _, f := range stackFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			st, m := runStack(t, f)
			cfg := decodeConfig(t, st)
			// In the workspace's managed network the nodes never have a public IP.
			managedNet := cfg.Network.NetworkSpec.WithDefaults().Isolation == components.IsolationManaged
			publicIP := !managedNet && (cfg.Compute.PublicIP == nil || *cfg.Compute.PublicIP)
			restricted := cfg.Compute.Outbound == "restricted"
			var broken []policyrules.Resource
			for _, r := range m.PolicyResources() {
				if r.Type == "azure-native:network:SecurityRule" {
					port, _ := r.Inputs["destinationPortRange"].(string)
					if port == "29876-29877" || port == "44224" || (r.Inputs["direction"] == "Outbound" && r.Inputs["access"] == "Allow") {
						continue
					}
				}
				if r.Type == "azure-native:storage:StorageAccount" {
					r.Inputs["minimumTlsVersion"] = "TLS1_0"
				}
				broken = append(broken, r)
			}
			got := map[string]int{}
			for _, v := range policyrules.Check(broken) {
				got[v.Policy]++
			}
			want := map[string]int{"storage-min-tls-1-2": len(m.OfType("azure-native:storage:StorageAccount"))}
			if publicIP {
				want["amlcompute-nsg-inbound"] = 2 // one per service tag
			}
			if restricted {
				want["restricted-outbound-allows-azureml"] = 1
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("violations per policy %v, want %v", got, want)
			}
		})
	}
}
