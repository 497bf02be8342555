package components

import (
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

const (
	trainingSubnetID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/training"
	aksSubnetID      = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/aks"
)

func run(t *testing.T, m *pulumitest.Mocks, body pulumi.RunFunc) {
	t.Helper()
	if err := m.Run(body, nil); err != nil {
		t.Fatal(err)
	}
}

// problemsOf runs validate and returns "field: message" lines.
func problemsOf(err error) []string {
	var out []string
	for _, p := range ProblemsOf(err) {
		out = append(out, p.String())
	}
	return out
}

// wantProblems checks that every want fragment appears in some problem, and
// that there are exactly len(want) problems.
func wantProblems(t *testing.T, err error, want ...string) {
	t.Helper()
	got := problemsOf(err)
	if len(got) != len(want) {
		t.Fatalf("want %d problems, got %d:\n%s", len(want), len(got), strings.Join(got, "\n"))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.Contains(g, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem contains %q; got:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

func TestNetworkCreatesVnetSubnetsNsgsAndRouteTable(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "East US 2",
			AddressSpace:      []string{"10.20.0.0/16"},
			TrainingSubnet:    SubnetSpec{Prefix: "10.20.0.0/24"},
			AksSubnet:         &SubnetSpec{Prefix: "10.20.4.0/22"},
			ForcedTunneling:   true,
		})
		return err
	})
	vnet := one(t, m.OfType("azure-native:network:VirtualNetwork"))
	if got := vnet.Strings("addressSpace.addressPrefixes"); !reflect.DeepEqual(got, []string{"10.20.0.0/16"}) {
		t.Errorf("address space %v", got)
	}
	if vnet.String("location") != "eastus2" {
		t.Errorf("location %q, want the canonical eastus2", vnet.String("location"))
	}
	if _, inline := vnet.Input("subnets"); vnet.Inputs.HasValue("subnets") || inline {
		t.Error("subnets must not be inline in the VNet (they are standalone resources)")
	}
	training := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "training"}))
	aks := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "aks"}))
	if training.String("addressPrefix") != "10.20.0.0/24" || aks.String("addressPrefix") != "10.20.4.0/22" {
		t.Errorf("prefixes %q %q", training.String("addressPrefix"), aks.String("addressPrefix"))
	}
	var services []string
	v, _ := training.Input("serviceEndpoints")
	for _, e := range v.ArrayValue() {
		services = append(services, e.ObjectValue()["service"].StringValue())
	}
	sort.Strings(services)
	if !reflect.DeepEqual(services, []string{"Microsoft.KeyVault", "Microsoft.Storage"}) {
		t.Errorf("training service endpoints %v", services)
	}
	if aks.Inputs.HasValue("serviceEndpoints") {
		if v, _ := aks.Input("serviceEndpoints"); len(v.ArrayValue()) > 0 {
			t.Errorf("AKS subnet has service endpoints %v", v)
		}
	}
	if len(m.OfType("azure-native:network:NetworkSecurityGroup")) != 2 {
		t.Errorf("want one NSG per subnet")
	}
	if training.String("networkSecurityGroup.id") == "" || aks.String("networkSecurityGroup.id") == "" {
		t.Error("every subnet must carry its NSG")
	}
	if training.String("routeTable.id") == "" {
		t.Error("forced tunneling: the training subnet must carry the route table")
	}
	if aks.String("routeTable.id") != "" {
		t.Error("the AKS subnet must not get the training route table")
	}
	// Subnet writes are chained: the AKS subnet waits for the training one.
	if !dependsOn(aks, training) {
		t.Errorf("AKS subnet does not depend on the training subnet: %v", aks.DependsOn)
	}
	for _, r := range m.Resources() {
		if r.Custom && !strings.Contains(r.Parent, NetworkType) {
			t.Errorf("%s %s is not parented to the component (parent %q)", r.Type, r.Name, r.Parent)
		}
	}
}

func TestNetworkReusesExistingVnet(t *testing.T) {
	m := &pulumitest.Mocks{VirtualNetworks: map[string]pulumitest.ExistingVnet{
		"corp/vnet": {Location: "eastus2", AddressSpace: []string{"10.50.0.0/16"}, Subnets: map[string]string{"ml": "10.50.1.0/24", "apps": "10.50.8.0/21"}},
	}}
	var layout NetworkLayout
	run(t, m, func(ctx *pulumi.Context) error {
		n, err := NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			Existing:          &ExistingNetwork{ResourceGroup: "corp", Name: "vnet"},
			TrainingSubnet:    SubnetSpec{Name: "ml"},
		})
		if n != nil {
			layout = n.Layout
		}
		return err
	})
	if len(m.OfType("azure-native:network:VirtualNetwork")) != 0 {
		t.Error("an existing VNet must not be created")
	}
	sn := one(t, m.OfType("azure-native:network:Subnet"))
	if sn.Import == "" || !strings.HasSuffix(sn.Import, "/virtualNetworks/vnet/subnets/ml") {
		t.Errorf("subnet not adopted by import: %q", sn.Import)
	}
	if !sn.Retain {
		t.Error("an adopted subnet must be retained on delete")
	}
	if sn.String("addressPrefix") != "10.50.1.0/24" || sn.String("resourceGroupName") != "corp" || sn.String("virtualNetworkName") != "vnet" {
		t.Errorf("adopted subnet inputs: %v", sn.Inputs)
	}
	if layout.Training.String() != "10.50.1.0/24" || len(layout.OtherSubnets) != 1 || layout.OtherSubnets[0].String() != "10.50.8.0/21" {
		t.Errorf("layout %+v", layout)
	}
}

func TestNetworkReuseErrors(t *testing.T) {
	m := &pulumitest.Mocks{VirtualNetworks: map[string]pulumitest.ExistingVnet{
		"corp/vnet": {Location: "westeurope", AddressSpace: []string{"10.50.0.0/16"}, Subnets: map[string]string{"web": "10.50.1.0/24"}, Delegated: []string{"web"}},
	}}
	err := m.Run(func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			Existing:          &ExistingNetwork{ResourceGroup: "corp", Name: "vnet"},
			TrainingSubnet:    SubnetSpec{Name: "web"},
			AksSubnet:         &SubnetSpec{Name: "missing"},
		})
		return err
	}, nil)
	wantProblems(t, err,
		"existing: VNet vnet is in westeurope but the stack deploys to eastus2",
		"trainingSubnet: subnet \"web\" is delegated",
		"aksSubnet: VNet vnet has no subnet \"missing\"")
	if len(m.Resources()) != 0 {
		t.Errorf("resources registered despite errors: %d", len(m.Resources()))
	}
}

func TestNetworkValidation(t *testing.T) {
	args := &NetworkArgs{
		ResourceGroupName: pulumi.String("rg"),
		Location:          "moon-1",
		AddressSpace:      []string{"10.20.0.0/16", "172.17.5.0/24"},
		TrainingSubnet:    SubnetSpec{Prefix: "10.21.0.0/24"},
		AksSubnet:         &SubnetSpec{Prefix: "10.20.0.1/24"},
	}
	wantProblems(t, args.Validate(),
		"location:",
		"addressSpace[1]: 172.17.5.0/24 overlaps 172.17.0.0/16, the default Docker bridge",
		"trainingSubnet:",
		"aksSubnet:")
}

func TestSecureStorageDenyByDefault(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "ws-storage", &SecureStorageArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			SubnetIDs:         pulumi.StringArray{pulumi.String(trainingSubnetID)},
			ClientIPRanges:    []string{"203.0.113.0/29", "198.51.100.7", "198.51.100.8/31"},
			Protect:           true,
		})
		return err
	})
	sa := one(t, m.OfType("azure-native:storage:StorageAccount"))
	checks := map[string]string{
		"networkRuleSet.defaultAction": "Deny",
		"networkRuleSet.bypass":        "AzureServices",
		"minimumTlsVersion":            "TLS1_2",
		"kind":                         "StorageV2",
	}
	for path, want := range checks {
		if got := sa.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if b, _ := sa.Bool("enableHttpsTrafficOnly"); !b {
		t.Error("HTTPS only must be on")
	}
	if b, ok := sa.Bool("allowBlobPublicAccess"); !ok || b {
		t.Error("anonymous blob access must be off")
	}
	rules, _ := sa.Input("networkRuleSet.virtualNetworkRules")
	if len(rules.ArrayValue()) != 1 || rules.ArrayValue()[0].ObjectValue()["virtualNetworkResourceId"].StringValue() != trainingSubnetID {
		t.Errorf("VNet rules %v", rules)
	}
	var ips []string
	v, _ := sa.Input("networkRuleSet.ipRules")
	for _, r := range v.ArrayValue() {
		ips = append(ips, r.ObjectValue()["iPAddressOrRange"].StringValue())
	}
	// /32 and /31 become single addresses: Azure refuses those prefix sizes.
	if want := []string{"203.0.113.0/29", "198.51.100.7", "198.51.100.8", "198.51.100.9"}; !reflect.DeepEqual(ips, want) {
		t.Errorf("IP rules %v, want %v", ips, want)
	}
	if !sa.Protect {
		t.Error("Protect must reach the account")
	}
}

func TestSecureStorageUnrestrictedForInference(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "scoring", &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", Unrestricted: true})
		return err
	})
	sa := one(t, m.OfType("azure-native:storage:StorageAccount"))
	if sa.String("networkRuleSet.defaultAction") != "Allow" {
		t.Errorf("inference storage default action %q, want Allow", sa.String("networkRuleSet.defaultAction"))
	}
	if b, _ := sa.Bool("enableHttpsTrafficOnly"); !b || sa.String("minimumTlsVersion") != "TLS1_2" {
		t.Error("an open account still takes HTTPS and TLS 1.2 only")
	}
}

func TestSecureStorageValidation(t *testing.T) {
	args := &SecureStorageArgs{
		ResourceGroupName: pulumi.String("rg"),
		Location:          "eastus2",
		AccountName:       "Bad_Name",
		Sku:               "Cheap",
		ClientIPRanges:    []string{"10.1.2.3", "not-an-ip", "192.168.0.0/16"},
	}
	wantProblems(t, args.Validate(),
		"accountName: storage account name \"Bad_Name\" is not allowed",
		"sku: \"Cheap\" is not a storage SKU",
		"subnetIds: at least one subnet",
		"clientIpRanges[0]: 10.1.2.3 is in the RFC 1918 private range",
		"clientIpRanges[1]:",
		"clientIpRanges[2]: 192.168.0.0/16 is in the RFC 1918 private range")
}

func TestSecureKeyVault(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureKeyVault(ctx, "kv", &SecureKeyVaultArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			TenantID:          pulumi.String("tenant"),
			SubnetIDs:         pulumi.StringArray{pulumi.String(trainingSubnetID)},
		})
		return err
	})
	kv := one(t, m.OfType("azure-native:keyvault:Vault"))
	for path, want := range map[string]string{
		"properties.networkAcls.defaultAction": "Deny",
		"properties.networkAcls.bypass":        "AzureServices",
		"properties.tenantId":                  "tenant",
		"properties.sku.name":                  "standard",
	} {
		if got := kv.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	for _, flag := range []string{"properties.enableRbacAuthorization", "properties.enableSoftDelete", "properties.enablePurgeProtection"} {
		if b, _ := kv.Bool(flag); !b {
			t.Errorf("%s must be true", flag)
		}
	}
	if n, _ := kv.Number("properties.softDeleteRetentionInDays"); n != 90 {
		t.Errorf("soft delete retention %v, want the default 90", n)
	}
	rules, _ := kv.Input("properties.networkAcls.virtualNetworkRules")
	if len(rules.ArrayValue()) != 1 || rules.ArrayValue()[0].ObjectValue()["id"].StringValue() != trainingSubnetID {
		t.Errorf("VNet rules %v", rules)
	}
	if kv.Inputs.HasValue("properties") {
		if v, _ := kv.Input("properties.accessPolicies"); v.IsArray() && len(v.ArrayValue()) > 0 {
			t.Error("no inline access policies: they fight the workspace's own")
		}
	}
	args := &SecureKeyVaultArgs{Location: "eastus2", VaultName: "9vault--x", SoftDeleteRetentionDays: 3}
	wantProblems(t, args.Validate(), "resourceGroupName", "tenantId", "subnetIds", "vaultName:", "softDeleteRetentionDays: is 3")
}

func computeArgs() *AmlComputeInVnetArgs {
	return &AmlComputeInVnetArgs{
		ResourceGroupName: pulumi.String("rg"),
		WorkspaceName:     pulumi.String("ws"),
		Location:          "eastus2",
		SubnetID:          pulumi.String(trainingSubnetID),
		SubnetPrefix:      "10.20.0.0/24",
		NsgName:           pulumi.String("training-nsg"),
		RouteTableName:    pulumi.String("training-rt"),
	}
}

func rulesByName(m *pulumitest.Mocks) map[string]pulumitest.Resource {
	out := map[string]pulumitest.Resource{}
	for _, r := range m.OfType("azure-native:network:SecurityRule") {
		out[r.String("securityRuleName")] = r
	}
	return out
}

func TestAmlComputeDefaultRules(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", computeArgs())
		return err
	})
	rules := rulesByName(m)
	if len(rules) != 2 {
		t.Fatalf("want the two inbound rules only, got %v", slices.Sorted(maps.Keys(rules)))
	}
	batch := rules["AllowBatchNodeManagementInbound"]
	if batch.String("sourceAddressPrefix") != "BatchNodeManagement" || batch.String("destinationPortRange") != "29876-29877" ||
		batch.String("protocol") != "Tcp" || batch.String("direction") != "Inbound" || batch.String("access") != "Allow" {
		t.Errorf("batch rule %v", batch.Inputs)
	}
	aml := rules["AllowAzureMachineLearningInbound"]
	if aml.String("sourceAddressPrefix") != "AzureMachineLearning" || aml.String("destinationPortRange") != "44224" {
		t.Errorf("AzureMachineLearning rule %v", aml.Inputs)
	}
	for _, r := range rules {
		if r.String("destinationPortRange") == "22" {
			t.Error("no SSH rule unless sshAccess")
		}
		if r.String("networkSecurityGroupName") != "training-nsg" {
			t.Errorf("rule on NSG %q", r.String("networkSecurityGroupName"))
		}
	}
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	for path, want := range map[string]string{
		"properties.computeType":                                          "AmlCompute",
		"properties.properties.vmSize":                                    "STANDARD_D2_V2",
		"properties.properties.subnet.id":                                 trainingSubnetID,
		"properties.properties.remoteLoginPortPublicAccess":               "Disabled",
		"properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown": "PT120S",
		"computeName": "cpucluster",
	} {
		if got := c.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if n, _ := c.Number("properties.properties.scaleSettings.maxNodeCount"); n != 4 {
		t.Errorf("maxNodeCount %v", n)
	}
	if c.Inputs.HasValue("properties") {
		if v, _ := c.Input("properties.properties.userAccountCredentials"); !v.IsNull() {
			t.Error("no credentials without sshAccess")
		}
	}
	if len(m.OfType("azure-native:network:Route")) != 0 {
		t.Error("no routes without forced tunneling")
	}
}

func TestAmlComputeRestrictedOutboundSshAndForcedTunneling(t *testing.T) {
	m := &pulumitest.Mocks{}
	args := computeArgs()
	args.Outbound = OutboundRestricted
	args.SSHAccess = true
	args.SSHSources = []string{"10.99.0.0/27"}
	args.AdminSSHPublicKey = "ssh-ed25519 AAAA test"
	args.ForcedTunneling = true
	args.Location = "westeurope"
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
	rules := rulesByName(m)
	ssh := rules["AllowSshInbound0"]
	if ssh.String("sourceAddressPrefix") != "10.99.0.0/27" || ssh.String("destinationPortRange") != "22" {
		t.Errorf("SSH rule %v", ssh.Inputs)
	}
	wantOut := map[string]string{
		"AllowStorageOutbound":                    "Storage.WestEurope",
		"AllowContainerRegistryOutbound":          "AzureContainerRegistry.WestEurope",
		"AllowAzureMachineLearningOutbound":       "AzureMachineLearning",
		"AllowAzureMachineLearningUdpOutbound":    "AzureMachineLearning",
		"AllowAzureActiveDirectoryOutbound":       "AzureActiveDirectory",
		"AllowAzureResourceManagerOutbound":       "AzureResourceManager",
		"AllowBatchNodeManagementOutbound":        "BatchNodeManagement.westeurope",
		"AllowMicrosoftContainerRegistryOutbound": "MicrosoftContainerRegistry",
		"AllowFrontDoorFirstPartyOutbound":        "AzureFrontDoor.FirstParty",
	}
	deny := rules["DenyInternetOutbound"]
	if deny.String("access") != "Deny" || deny.String("destinationAddressPrefix") != "Internet" || deny.String("direction") != "Outbound" {
		t.Errorf("deny rule %v", deny.Inputs)
	}
	denyPriority, _ := deny.Number("priority")
	for name, dest := range wantOut {
		r, ok := rules[name]
		if !ok {
			t.Errorf("missing outbound rule %s", name)
			continue
		}
		if r.String("destinationAddressPrefix") != dest || r.String("access") != "Allow" || r.String("direction") != "Outbound" {
			t.Errorf("%s: %v", name, r.Inputs)
		}
		if p, _ := r.Number("priority"); p >= denyPriority {
			t.Errorf("%s priority %v must be below the deny rule's %v", name, p, denyPriority)
		}
	}
	if got := rules["AllowAzureMachineLearningOutbound"].Strings("destinationPortRanges"); !reflect.DeepEqual(got, []string{"443", "8787", "18881"}) {
		t.Errorf("AzureMachineLearning ports %v", got)
	}
	if got := rules["AllowAzureMachineLearningUdpOutbound"]; got.String("protocol") != "Udp" || got.String("destinationPortRange") != "5831" {
		t.Errorf("UDP rule %v", got.Inputs)
	}
	if got := rules["AllowStorageOutbound"].Strings("destinationPortRanges"); !reflect.DeepEqual(got, []string{"443", "445"}) {
		t.Errorf("storage ports %v", got)
	}
	routes := map[string]string{}
	for _, r := range m.OfType("azure-native:network:Route") {
		routes[r.String("addressPrefix")] = r.String("nextHopType")
		if r.String("routeTableName") != "training-rt" {
			t.Errorf("route on table %q", r.String("routeTableName"))
		}
	}
	if !reflect.DeepEqual(routes, map[string]string{"BatchNodeManagement.westeurope": "Internet", "AzureMachineLearning": "Internet"}) {
		t.Errorf("routes %v", routes)
	}
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	if c.String("properties.properties.remoteLoginPortPublicAccess") != "Enabled" ||
		c.String("properties.properties.userAccountCredentials.adminUserName") != "azureuser" ||
		c.String("properties.properties.userAccountCredentials.adminUserSshPublicKey") != "ssh-ed25519 AAAA test" {
		t.Errorf("SSH settings on the compute: %v", c.Inputs)
	}
	if len(c.DependsOn) < len(rules) {
		t.Errorf("the cluster must wait for its NSG rules and routes (%d deps)", len(c.DependsOn))
	}
}

func TestAmlComputeBatchPrefixRoutes(t *testing.T) {
	m := &pulumitest.Mocks{}
	args := computeArgs()
	args.ForcedTunneling = true
	args.BatchPrefixes = []string{"20.41.0.0/24", "40.70.1.0/25"}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
	var prefixes []string
	for _, r := range m.OfType("azure-native:network:Route") {
		prefixes = append(prefixes, r.String("addressPrefix"))
	}
	sort.Strings(prefixes)
	if want := []string{"20.41.0.0/24", "40.70.1.0/25", "AzureMachineLearning"}; !reflect.DeepEqual(prefixes, want) {
		t.Errorf("routes %v, want %v", prefixes, want)
	}
	routes := m.OfType("azure-native:network:Route")
	deps := 0
	for _, r := range routes {
		deps += len(r.DependsOn)
	}
	if deps != len(routes)-1 {
		t.Errorf("routes must be written one after another; %d dependencies among %d routes", deps, len(routes))
	}
}

func TestAmlComputeAttachedVMKeepsSecrets(t *testing.T) {
	m := &pulumitest.Mocks{}
	args := computeArgs()
	args.Attached = []AttachedCompute{{
		Name: "dsvm", Kind: AttachVirtualMachine, Address: "10.20.0.10", Username: "azureuser",
		ResourceID: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/dsvm",
		Password:   pulumi.String("Sup3r-Secret!"),
	}, {
		Name: "spark", Kind: AttachHDInsight, Address: "10.20.0.11", Username: "sshuser",
		ResourceID: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.HDInsight/clusters/spark",
		PrivateKey: pulumi.String("-----BEGIN KEY-----"),
	}}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
	vm := one(t, m.Find("azure-native:machinelearningservices:Compute", map[string]string{"computeName": "dsvm"}))
	if vm.String("properties.computeType") != "VirtualMachine" || vm.String("properties.properties.address") != "10.20.0.10" ||
		!strings.HasSuffix(vm.String("properties.resourceId"), "/virtualMachines/dsvm") {
		t.Errorf("VM attach %v", vm.Inputs)
	}
	if n, _ := vm.Number("properties.properties.sshPort"); n != 22 {
		t.Errorf("ssh port %v", n)
	}
	pw, secret := vm.Input("properties.properties.administratorAccount.password")
	if !secret || pw.StringValue() != "Sup3r-Secret!" {
		t.Errorf("password must arrive as a secret (secret=%v)", secret)
	}
	hdi := one(t, m.Find("azure-native:machinelearningservices:Compute", map[string]string{"computeName": "spark"}))
	if hdi.String("properties.computeType") != "HDInsight" {
		t.Errorf("HDInsight attach %v", hdi.Inputs)
	}
	if _, secret := hdi.Input("properties.properties.administratorAccount.privateKeyData"); !secret {
		t.Error("private key must arrive as a secret")
	}
	ssh := rulesByName(m)["AllowAzureMachineLearningSshToAttached"]
	if ssh.String("sourceAddressPrefix") != "AzureMachineLearning" || ssh.String("destinationPortRange") != "22" || ssh.String("protocol") != "*" {
		t.Errorf("attached SSH rule %v", ssh.Inputs)
	}
	if got := ssh.Strings("destinationAddressPrefixes"); !reflect.DeepEqual(got, []string{"10.20.0.10", "10.20.0.11"}) {
		t.Errorf("attached SSH rule destinations %v", got)
	}
	for _, r := range m.Resources() {
		for _, s := range []string{"Sup3r-Secret!", "-----BEGIN KEY-----"} {
			if r.PlaintextOutsideSecrets(s) {
				t.Errorf("%s %s carries %q outside a secret", r.Type, r.Name, s)
			}
		}
	}
}

func TestAmlComputeValidation(t *testing.T) {
	args := computeArgs()
	args.SubnetPrefix = "10.20.0.0/28"
	args.Name = "x"
	args.MinNodes, args.MaxNodes = 5, 3
	args.Outbound = "open"
	args.SSHAccess = true
	args.SSHSources = []string{"Internet"}
	args.IdleTimeBeforeScaleDown = "2 minutes"
	args.BatchPrefixes = []string{"10.0.0.0/8"}
	args.Attached = []AttachedCompute{
		{Name: "x", Kind: "Databricks", Address: "10.30.0.4", ResourceID: "/bad"},
		{Name: "vm2", Kind: AttachVirtualMachine, Address: "10.20.0.0", Username: "u", Password: pulumi.String("p"),
			ResourceID: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm2"},
	}
	wantProblems(t, args.Validate(),
		"name: ML compute name \"x\" is 1 character long; Azure allows 2-16",
		"minNodes: is 5, above maxNodes (3)",
		"outbound: \"open\" is not allowed",
		"sshSources[0]: \"Internet\" opens SSH to the whole Internet",
		"sshPublicKey: sshAccess needs",
		"idleTimeBeforeScaleDown:",
		"batchPrefixes: has no effect while forcedTunneling is false",
		"batchPrefixes[0]: 10.0.0.0/8 is in the RFC 1918 private range",
		"attach[0].name: ML compute name \"x\" is 1 character long",
		"attach[0].name: \"x\" is already used by the training cluster",
		"attach[0].kind: \"Databricks\" is not a kind we can attach",
		"attach[0].address: 10.30.0.4 is outside the training subnet 10.20.0.0/28",
		"attach[0].sshUser: is required",
		"attach[0].sshPassword: an SSH password or private key",
		"attach[1].address: 10.20.0.0 is address 0 of 10.20.0.0/28")
}

func TestAmlComputeCapacityCountsAttachedMachines(t *testing.T) {
	args := computeArgs()
	args.SubnetPrefix = "10.20.0.0/28" // 16 - 5 = 11 usable
	args.MaxNodes = 10
	args.Attached = []AttachedCompute{{Name: "vm1", Kind: AttachVirtualMachine, Address: "10.20.0.9", Username: "u", Password: pulumi.String("p"),
		ResourceID: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"}}
	if err := args.Validate(); err != nil {
		t.Fatalf("10 nodes + 1 VM fit 11 usable addresses: %v", err)
	}
	args.MaxNodes = 11
	wantProblems(t, args.Validate(), "maxNodes: 11 nodes + 1 attached machines do not fit the training subnet")
}

func aksArgs() *AksInVnetArgs {
	return &AksInVnetArgs{
		ResourceGroupName: pulumi.String("rg"),
		Location:          "eastus2",
		WorkspaceName:     pulumi.String("ws"),
		SubnetID:          pulumi.String(aksSubnetID),
		SubnetPrefix:      "10.20.4.0/22",
		AddressSpace:      []string{"10.20.0.0/16"},
		OtherSubnets:      []string{"10.20.0.0/24"},
		NsgName:           pulumi.String("aks-nsg"),
		ScoringSources:    []string{"198.51.100.0/24"},
	}
}

func TestAksInVnet(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAksInVnet(ctx, "inference", aksArgs())
		return err
	})
	mc := one(t, m.OfType("azure-native:containerservice:ManagedCluster"))
	for path, want := range map[string]string{
		"networkProfile.networkPlugin": "azure",
		"networkProfile.serviceCidr":   "10.0.0.0/16",
		"networkProfile.dnsServiceIP":  "10.0.0.10",
		"identity.type":                "UserAssigned",
	} {
		if got := mc.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if v, _ := mc.Input("networkProfile.dockerBridgeCidr"); !v.IsNull() {
		t.Error("API 2023-04-01 refuses dockerBridgeCidr on the cluster")
	}
	pools, _ := mc.Input("agentPoolProfiles")
	if len(pools.ArrayValue()) != 1 || pools.ArrayValue()[0].ObjectValue()["vnetSubnetID"].StringValue() != aksSubnetID {
		t.Errorf("agent pool %v", pools)
	}
	role := one(t, m.OfType("azure-native:authorization:RoleAssignment"))
	if role.String("scope") != aksSubnetID || !strings.HasSuffix(role.String("roleDefinitionId"), "/roleDefinitions/"+networkContributorRole) ||
		!strings.HasPrefix(role.String("roleDefinitionId"), "/subscriptions/s/") {
		t.Errorf("role assignment %v", role.Inputs)
	}
	if !dependsOn(mc, role) {
		t.Error("the cluster must wait for its subnet role")
	}
	rules := rulesByName(m)
	if r := rules["AllowAzureMachineLearningInbound"]; r.String("sourceAddressPrefix") != "AzureMachineLearning" || r.String("networkSecurityGroupName") != "aks-nsg" {
		t.Errorf("AKS AzureMachineLearning rule %v", r.Inputs)
	}
	scoring := rules["AllowScoringInbound0"]
	if scoring.String("sourceAddressPrefix") != "198.51.100.0/24" || !reflect.DeepEqual(scoring.Strings("destinationPortRanges"), []string{"80", "443"}) {
		t.Errorf("scoring rule %v", scoring.Inputs)
	}
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	for path, want := range map[string]string{
		"properties.computeType":                                            "AKS",
		"properties.properties.aksNetworkingConfiguration.subnetId":         aksSubnetID,
		"properties.properties.aksNetworkingConfiguration.dockerBridgeCidr": "172.17.0.1/16",
		"properties.properties.aksNetworkingConfiguration.serviceCidr":      "10.0.0.0/16",
		"properties.properties.clusterPurpose":                              "FastProd",
	} {
		if got := c.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if !strings.Contains(c.String("properties.resourceId"), "/managedClusters/amlvnet-aks") {
		t.Errorf("the compute must point at the cluster: %q", c.String("properties.resourceId"))
	}
}

func TestAksValidation(t *testing.T) {
	args := aksArgs()
	args.ServiceCidr = "10.20.0.0/16"
	args.DNSServiceIP = "10.20.0.1"
	args.DockerBridgeCidr = "10.20.4.1/24"
	args.NodeCount = 2
	args.ScoringSources = []string{"*"}
	args.SubnetPrefix = "10.20.4.0/26"
	got := problemsOf(args.Validate())
	for _, want := range []string{"serviceCidr:", "dnsServiceIP:", "dockerBridgeCidr:", "nodeCount: 2 x Standard_D4s_v3 gives 8 cores",
		"nodeCount: is 2; clusterPurpose FastProd needs at least 3 nodes", "scoringSources[0]: \"*\" is any source", "do not fit the AKS subnet"} {
		found := false
		for _, g := range got {
			found = found || strings.Contains(g, want)
		}
		if !found {
			t.Errorf("no problem contains %q; got:\n%s", want, strings.Join(got, "\n"))
		}
	}
	dev := aksArgs()
	dev.NodeCount, dev.ClusterPurpose, dev.VMSize = 1, "DevTest", "Standard_D2s_v3"
	if err := dev.Validate(); err != nil {
		t.Errorf("a one-node DevTest cluster is valid: %v", err)
	}
	ilb := aksArgs()
	ilb.LoadBalancerType = "InternalLoadBalancer"
	if !strings.Contains(strings.Join(problemsOf(ilb.Validate()), "\n"), "subnetName: is required with an internal load balancer") {
		t.Error("an internal load balancer needs the subnet's name")
	}
	ilb.SubnetName = "aks"
	if err := ilb.Validate(); err != nil {
		t.Errorf("an internal load balancer with its subnet is valid: %v", err)
	}
	reserved := aksArgs()
	reserved.ServiceCidr, reserved.DNSServiceIP = "172.30.0.0/16", "172.30.0.10"
	if !strings.Contains(strings.Join(problemsOf(reserved.Validate()), "\n"), "serviceCidr") {
		t.Error("172.30.0.0/16 is a range AKS refuses")
	}
}

func TestMLWorkspace(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			StorageAccountID:  pulumi.String("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st"),
			KeyVaultID:        pulumi.String("/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"),
			Protect:           true,
		})
		return err
	})
	ws := one(t, m.OfType("azure-native:machinelearningservices:Workspace"))
	if !strings.HasSuffix(ws.String("storageAccount"), "/storageAccounts/st") || !strings.HasSuffix(ws.String("keyVault"), "/vaults/kv") ||
		!strings.Contains(ws.String("containerRegistry"), "/Microsoft.ContainerRegistry/registries/") || !strings.Contains(ws.String("applicationInsights"), "/Microsoft.Insights/components/") {
		t.Errorf("workspace wiring %v", ws.Inputs)
	}
	if ws.String("identity.type") != "SystemAssigned" || ws.String("workspaceName") != "amlvnet-ws" || !ws.Protect || ws.Version != "2.92.3" {
		t.Errorf("workspace %v protect=%v version=%q", ws.Inputs, ws.Protect, ws.Version)
	}
	ai := one(t, m.OfType("azure-native:insights:Component"))
	if !strings.Contains(ai.String("workspaceResourceId"), "/Microsoft.OperationalInsights/workspaces/") || ai.String("ingestionMode") != "LogAnalytics" {
		t.Errorf("Application Insights must sit on Log Analytics: %v", ai.Inputs)
	}
	args := &MLWorkspaceArgs{Location: "eastus2", WorkspaceName: "w", RegistrySku: "Gold"}
	wantProblems(t, args.Validate(), "resourceGroupName", "storageAccountId", "keyVaultId", "name: ML workspace name \"w\" is 1 character long", "registrySku: \"Gold\"")
}

func one(t *testing.T, rs []pulumitest.Resource) pulumitest.Resource {
	t.Helper()
	if len(rs) != 1 {
		t.Fatalf("want exactly one resource, got %d", len(rs))
	}
	return rs[0]
}

// dependsOn tells whether r lists dep's URN among its dependencies.
func dependsOn(r, dep pulumitest.Resource) bool {
	for _, d := range r.DependsOn {
		if strings.HasSuffix(d, "::"+dep.Name) {
			return true
		}
	}
	return false
}

const (
	vnetID     = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
	peSubnetID = vnetID + "/subnets/private-endpoints"
	storageID  = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st"
	vaultID    = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
	registryID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr"
	wsID       = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"
)

// privateArgs reaches every group the program uses: the workspace, the four
// storage services, the vault and the registry (7 endpoints, 10 addresses).
func privateArgs() *PrivateEndpointsArgs {
	return &PrivateEndpointsArgs{
		ResourceGroupName: pulumi.String("rg"),
		Location:          "eastus2",
		VnetID:            pulumi.String(vnetID),
		SubnetID:          pulumi.String(peSubnetID),
		SubnetPrefix:      "10.20.1.0/27",
		Targets: []PrivateEndpointTarget{
			{Name: "storage-blob", ResourceID: pulumi.String(storageID), Group: GroupBlob},
			{Name: "storage-file", ResourceID: pulumi.String(storageID), Group: GroupFile},
			{Name: "storage-queue", ResourceID: pulumi.String(storageID), Group: GroupQueue},
			{Name: "storage-table", ResourceID: pulumi.String(storageID), Group: GroupTable},
			{Name: "keyvault", ResourceID: pulumi.String(vaultID), Group: GroupVault},
			{Name: "registry", ResourceID: pulumi.String(registryID), Group: GroupRegistry},
			{Name: "workspace", ResourceID: pulumi.String(wsID), Group: GroupWorkspace},
		},
	}
}

// zoneNameOf reads the zone name out of a private DNS zone ID.
func zoneNameOf(id string) string {
	if i := strings.Index(id, "/privateDnsZones/"); i >= 0 {
		return id[i+len("/privateDnsZones/"):]
	}
	return ""
}

func TestPrivateEndpoints(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewPrivateEndpoints(ctx, "pe", privateArgs())
		return err
	})
	targets := map[string]string{"storage-blob": storageID, "storage-file": storageID, "storage-queue": storageID, "storage-table": storageID,
		"keyvault": vaultID, "registry": registryID, "workspace": wsID}
	groups := map[string]string{"storage-blob": "blob", "storage-file": "file", "storage-queue": "queue", "storage-table": "table",
		"keyvault": "vault", "registry": "registry", "workspace": "amlworkspace"}

	// One endpoint per target, in the subnet, with its group and target.
	endpoints := m.OfType("azure-native:network:PrivateEndpoint")
	if len(endpoints) != len(targets) {
		t.Fatalf("%d endpoints for %d targets", len(endpoints), len(targets))
	}
	endpointOf := map[string]string{} // endpoint resource name -> target name
	for _, pe := range endpoints {
		conns, _ := pe.Input("privateLinkServiceConnections")
		if len(conns.ArrayValue()) != 1 {
			t.Fatalf("%s: want one connection, got %v", pe.Name, conns)
		}
		c := conns.ArrayValue()[0].ObjectValue()
		name := c["name"].StringValue()
		endpointOf[pe.Name] = name
		if pe.Name != "pe-"+name {
			t.Errorf("endpoint %s for connection %s", pe.Name, name)
		}
		var gids []string
		for _, g := range c["groupIds"].ArrayValue() {
			gids = append(gids, g.StringValue())
		}
		if !reflect.DeepEqual(gids, []string{groups[name]}) {
			t.Errorf("%s: groupIds %v, want [%s]", name, gids, groups[name])
		}
		if got := c["privateLinkServiceId"].StringValue(); got != targets[name] {
			t.Errorf("%s: privateLinkServiceId %q, want %q", name, got, targets[name])
		}
		if pe.String("subnet.id") != peSubnetID || pe.String("location") != "eastus2" {
			t.Errorf("%s: subnet %q location %q", name, pe.String("subnet.id"), pe.String("location"))
		}
	}
	if len(endpointOf) != len(targets) {
		t.Errorf("endpoints %v", endpointOf)
	}

	// Zones: one per name, shared (four storage zones, not eight), both of
	// the workspace's.
	wantZones := []string{
		"privatelink.api.azureml.ms", "privatelink.azurecr.io", "privatelink.blob.core.windows.net", "privatelink.file.core.windows.net",
		"privatelink.notebooks.azure.net", "privatelink.queue.core.windows.net", "privatelink.table.core.windows.net", "privatelink.vaultcore.azure.net",
	}
	var zones []string
	for _, z := range m.OfType("azure-native:network:PrivateZone") {
		zones = append(zones, z.String("privateZoneName"))
		if z.String("location") != "Global" {
			t.Errorf("zone %s in %q, want Global", z.String("privateZoneName"), z.String("location"))
		}
	}
	sort.Strings(zones)
	if !reflect.DeepEqual(zones, wantZones) {
		t.Errorf("zones %v, want %v", zones, wantZones)
	}

	// A link per zone to the VNet, without auto-registration.
	linked := map[string]bool{}
	for _, l := range m.OfType("azure-native:network:VirtualNetworkLink") {
		linked[l.String("privateZoneName")] = true
		if l.String("virtualNetwork.id") != vnetID || l.String("location") != "Global" {
			t.Errorf("link %s: VNet %q location %q", l.Name, l.String("virtualNetwork.id"), l.String("location"))
		}
		if b, ok := l.Bool("registrationEnabled"); !ok || b {
			t.Errorf("link %s: registrationEnabled must be false", l.Name)
		}
	}
	if len(m.OfType("azure-native:network:VirtualNetworkLink")) != len(wantZones) || len(linked) != len(wantZones) {
		t.Errorf("links to zones %v, want one per zone %v", slices.Sorted(maps.Keys(linked)), wantZones)
	}

	// A zone group per endpoint, naming exactly that group's zones.
	zoneGroups := m.OfType("azure-native:network:PrivateDnsZoneGroup")
	if len(zoneGroups) != len(targets) {
		t.Fatalf("%d zone groups for %d endpoints", len(zoneGroups), len(targets))
	}
	seen := map[string]bool{}
	for _, zg := range zoneGroups {
		target, ok := endpointOf[zg.String("privateEndpointName")]
		if !ok {
			t.Errorf("zone group %s on unknown endpoint %q", zg.Name, zg.String("privateEndpointName"))
			continue
		}
		seen[target] = true
		var got []string
		v, _ := zg.Input("privateDnsZoneConfigs")
		for _, c := range v.ArrayValue() {
			got = append(got, zoneNameOf(c.ObjectValue()["privateDnsZoneId"].StringValue()))
		}
		sort.Strings(got)
		want := PrivateDNSZones(CloudPublic, groups[target])
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s zone group names zones %v, want %v", target, got, want)
		}
	}
	if len(seen) != len(targets) {
		t.Errorf("zone groups on %v", slices.Sorted(maps.Keys(seen)))
	}
	for _, r := range m.Resources() {
		if r.Custom && !strings.Contains(r.Parent, PrivateEndpointsType) {
			t.Errorf("%s %s is not parented to the component", r.Type, r.Name)
		}
	}
}

func TestPrivateDNSZonesPerCloud(t *testing.T) {
	for _, tt := range []struct {
		cloud         string
		workspace     []string
		vault         string
		blob          string
		registryZones []string
	}{
		{CloudPublic, []string{"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"}, "privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net", []string{"privatelink.azurecr.io"}},
		{CloudUSGovernment, []string{"privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"}, "privatelink.vaultcore.usgovcloudapi.net", "privatelink.blob.core.usgovcloudapi.net", []string{"privatelink.azurecr.us"}},
		{CloudChina, []string{"privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"}, "privatelink.vaultcore.azure.cn", "privatelink.blob.core.chinacloudapi.cn", []string{"privatelink.azurecr.cn"}},
	} {
		t.Run(tt.cloud, func(t *testing.T) {
			if got := PrivateDNSZones(tt.cloud, GroupWorkspace); !reflect.DeepEqual(got, tt.workspace) {
				t.Errorf("workspace zones %v, want %v", got, tt.workspace)
			}
			if got := PrivateDNSZones(tt.cloud, GroupVault); !reflect.DeepEqual(got, []string{tt.vault}) {
				t.Errorf("vault zones %v, want %s", got, tt.vault)
			}
			if got := PrivateDNSZones(tt.cloud, GroupBlob); !reflect.DeepEqual(got, []string{tt.blob}) {
				t.Errorf("blob zones %v, want %s", got, tt.blob)
			}
			if got := PrivateDNSZones(tt.cloud, GroupRegistry); !reflect.DeepEqual(got, tt.registryZones) {
				t.Errorf("registry zones %v, want %v", got, tt.registryZones)
			}
			// The component creates those zones for a workspace and a vault.
			m := &pulumitest.Mocks{}
			args := privateArgs()
			args.Cloud = tt.cloud
			args.Targets = []PrivateEndpointTarget{
				{Name: "workspace", ResourceID: pulumi.String(wsID), Group: GroupWorkspace},
				{Name: "keyvault", ResourceID: pulumi.String(vaultID), Group: GroupVault},
			}
			run(t, m, func(ctx *pulumi.Context) error {
				_, err := NewPrivateEndpoints(ctx, "pe", args)
				return err
			})
			var zones []string
			for _, z := range m.OfType("azure-native:network:PrivateZone") {
				zones = append(zones, z.String("privateZoneName"))
			}
			sort.Strings(zones)
			want := append(append([]string(nil), tt.workspace...), tt.vault)
			sort.Strings(want)
			if !reflect.DeepEqual(zones, want) {
				t.Errorf("zones %v, want %v", zones, want)
			}
		})
	}
	if got := PrivateDNSZones("mars", GroupWorkspace); len(got) != 0 {
		t.Errorf("an unknown cloud has no zones, got %v", got)
	}
}

func TestPrivateEndpointsValidation(t *testing.T) {
	small := privateArgs()
	small.SubnetPrefix = "10.20.1.0/29"
	wantProblems(t, small.Validate(), "subnetPrefix: 7 private endpoints need 10 addresses: 10.20.1.0/29 has 3 usable addresses (Azure keeps 5 of 8) but 10 are needed; use a /28 or larger")
	if n := privateArgs().AddressesNeeded(); n != 10 {
		t.Errorf("7 endpoints take %d addresses, want 10 (workspace 3, registry 2, one each for the rest)", n)
	}
	fits := privateArgs()
	fits.SubnetPrefix = "10.20.1.0/28" // 11 usable
	if err := fits.Validate(); err != nil {
		t.Errorf("10 addresses fit a /28: %v", err)
	}

	cloud := privateArgs()
	cloud.Cloud = "mars"
	wantProblems(t, cloud.Validate(), `cloud: "mars" is not a cloud we know the private DNS zones of; use one of [china public usgovernment]`)

	group := privateArgs()
	group.Targets[0].Group = "dfs"
	wantProblems(t, group.Validate(), `targets[0].group: "dfs" is not a sub-resource we can reach privately`)

	dup := privateArgs()
	dup.Targets[1].Name = "storage-blob"
	wantProblems(t, dup.Validate(), `targets[1].name: "storage-blob": a unique endpoint name is required`)

	empty := &PrivateEndpointsArgs{Location: "eastus2", SubnetPrefix: "10.20.1.0/27"}
	wantProblems(t, empty.Validate(), "resourceGroupName: is required", "vnetId: is required", "subnetId: is required", "targets: at least one")
}

func TestSecureStoragePrivateOnly(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureStorage(ctx, "ws-storage", &SecureStorageArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			SubnetIDs:         pulumi.StringArray{pulumi.String(trainingSubnetID)},
			PrivateOnly:       true,
		})
		return err
	})
	sa := one(t, m.OfType("azure-native:storage:StorageAccount"))
	if sa.String("publicNetworkAccess") != "Disabled" || sa.String("networkRuleSet.defaultAction") != "Deny" {
		t.Errorf("private-only account: publicNetworkAccess %q, default action %q", sa.String("publicNetworkAccess"), sa.String("networkRuleSet.defaultAction"))
	}
	for _, path := range []string{"networkRuleSet.virtualNetworkRules", "networkRuleSet.ipRules"} {
		if v, _ := sa.Input(path); v.IsArray() && len(v.ArrayValue()) > 0 {
			t.Errorf("%s: %v; a private-only account takes no VNet or IP rules", path, v)
		}
	}
	if b, _ := sa.Bool("enableHttpsTrafficOnly"); !b || sa.String("minimumTlsVersion") != "TLS1_2" {
		t.Error("HTTPS only and TLS 1.2 still apply")
	}

	ips := &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", PrivateOnly: true, ClientIPRanges: []string{"203.0.113.0/29"}}
	wantProblems(t, ips.Validate(), "clientIpRanges: has no effect with public network access off")
	both := &SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", PrivateOnly: true, Unrestricted: true}
	wantProblems(t, both.Validate(), "privateOnly: an account cannot be both unrestricted (for inference) and private-only")
	if err := (&SecureStorageArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", PrivateOnly: true}).Validate(); err != nil {
		t.Errorf("a private-only account needs no subnet: %v", err)
	}
}

func TestSecureKeyVaultPrivateOnly(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewSecureKeyVault(ctx, "kv", &SecureKeyVaultArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			TenantID:          pulumi.String("tenant"),
			SubnetIDs:         pulumi.StringArray{pulumi.String(trainingSubnetID)},
			PrivateOnly:       true,
		})
		return err
	})
	kv := one(t, m.OfType("azure-native:keyvault:Vault"))
	if kv.String("properties.publicNetworkAccess") != "Disabled" || kv.String("properties.networkAcls.defaultAction") != "Deny" {
		t.Errorf("private-only vault: %v", kv.Inputs)
	}
	for _, path := range []string{"properties.networkAcls.virtualNetworkRules", "properties.networkAcls.ipRules"} {
		if v, _ := kv.Input(path); v.IsArray() && len(v.ArrayValue()) > 0 {
			t.Errorf("%s: %v; a private-only vault takes no VNet or IP rules", path, v)
		}
	}
	ips := &SecureKeyVaultArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", TenantID: pulumi.String("t"), PrivateOnly: true, ClientIPRanges: []string{"203.0.113.0/29"}}
	wantProblems(t, ips.Validate(), "clientIpRanges: has no effect with public network access off")
	if err := (&SecureKeyVaultArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", TenantID: pulumi.String("t"), PrivateOnly: true}).Validate(); err != nil {
		t.Errorf("a private-only vault needs no subnet: %v", err)
	}
}

func TestMLWorkspacePrivateOnlyAndDiagnostics(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewMLWorkspace(ctx, "workspace", &MLWorkspaceArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			StorageAccountID:  pulumi.String(storageID),
			KeyVaultID:        pulumi.String(vaultID),
			RegistrySku:       "Premium",
			ImageBuildCompute: "cpucluster",
			PrivateOnly:       true,
			Diagnostics:       true,
			DiagnosticTargets: map[string]pulumi.StringInput{"keyvault": pulumi.String(vaultID), "storage": pulumi.String(storageID)},
		})
		return err
	})
	ws := one(t, m.OfType("azure-native:machinelearningservices:Workspace"))
	if ws.String("publicNetworkAccess") != "Disabled" || ws.String("imageBuildCompute") != "cpucluster" {
		t.Errorf("private-only workspace: %v", ws.Inputs)
	}
	acr := one(t, m.OfType("azure-native:containerregistry:Registry"))
	if acr.String("sku.name") != "Premium" || acr.String("publicNetworkAccess") != "Disabled" || acr.String("networkRuleSet.defaultAction") != "Deny" {
		t.Errorf("private-only registry: %v", acr.Inputs)
	}

	logs := one(t, m.OfType("azure-native:operationalinsights:Workspace"))
	logsID := "/subscriptions/" + pulumitest.SubscriptionID + "/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/" + logs.Name
	settings := map[string]pulumitest.Resource{}
	for _, d := range m.OfType("azure-native:insights:DiagnosticSetting") {
		settings[d.String("resourceUri")] = d
	}
	wsURI := "/subscriptions/" + pulumitest.SubscriptionID + "/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/amlvnet-ws"
	if len(settings) != 3 {
		t.Fatalf("diagnostic settings on %v, want the workspace, the vault and the storage account", slices.Sorted(maps.Keys(settings)))
	}
	for _, uri := range []string{wsURI, vaultID, storageID} {
		d, ok := settings[uri]
		if !ok {
			t.Errorf("no diagnostic setting on %s (have %v)", uri, slices.Sorted(maps.Keys(settings)))
			continue
		}
		if d.String("workspaceId") != logsID {
			t.Errorf("%s: diagnostics go to %q, want the Log Analytics workspace %q", uri, d.String("workspaceId"), logsID)
		}
		var categories []string
		mv, _ := d.Input("metrics")
		for _, e := range mv.ArrayValue() {
			categories = append(categories, e.ObjectValue()["category"].StringValue())
		}
		lv, _ := d.Input("logs")
		if uri == storageID {
			// No logs on the account itself, and Azure refuses AllMetrics
			// there (supported: Capacity, Transaction).
			if lv.IsArray() && len(lv.ArrayValue()) > 0 {
				t.Errorf("storage account diagnostics take metrics only, got logs %v", lv)
			}
			if !reflect.DeepEqual(categories, []string{"Transaction"}) {
				t.Errorf("storage account metric categories %v, want [Transaction]", categories)
			}
			continue
		}
		if !reflect.DeepEqual(categories, []string{"AllMetrics"}) {
			t.Errorf("%s: metric categories %v", uri, categories)
		}
		if len(lv.ArrayValue()) != 1 || lv.ArrayValue()[0].ObjectValue()["categoryGroup"].StringValue() != "allLogs" {
			t.Errorf("%s: logs %v, want categoryGroup allLogs", uri, lv)
		}
	}

	args := &MLWorkspaceArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", StorageAccountID: pulumi.String(storageID),
		KeyVaultID: pulumi.String(vaultID), PrivateOnly: true}
	wantProblems(t, args.Validate(), "registrySku: is Basic; a registry behind private endpoints needs Premium", "imageBuildCompute: is required when the registry is private")
	args = &MLWorkspaceArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", StorageAccountID: pulumi.String(storageID),
		KeyVaultID: pulumi.String(vaultID), DiagnosticTargets: map[string]pulumi.StringInput{"storage": pulumi.String(storageID)}}
	wantProblems(t, args.Validate(), "diagnostics: diagnostic targets are given but diagnostics is off")
}

func TestAmlComputeWithoutPublicIP(t *testing.T) {
	outbound := []string{"AllowStorageOutbound", "AllowContainerRegistryOutbound", "AllowAzureMachineLearningOutbound", "AllowAzureMachineLearningUdpOutbound",
		"AllowAzureActiveDirectoryOutbound", "AllowAzureResourceManagerOutbound", "AllowBatchNodeManagementOutbound",
		"AllowMicrosoftContainerRegistryOutbound", "AllowFrontDoorFirstPartyOutbound"}

	// Outbound default: the allows are there all the same, and no deny.
	m := &pulumitest.Mocks{}
	args := computeArgs()
	args.NoPublicIP = true
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	if b, ok := c.Bool("properties.properties.enableNodePublicIp"); !ok || b {
		t.Errorf("enableNodePublicIp must be false, got %v (set %v)", b, ok)
	}
	rules := rulesByName(m)
	for name, r := range rules {
		if r.String("direction") == "Inbound" {
			t.Errorf("inbound rule %s: nodes without a public IP need none", name)
		}
		if p := r.String("destinationPortRange"); p == "44224" || p == "29876-29877" {
			t.Errorf("rule %s opens the public-IP node ports %s", name, p)
		}
	}
	for _, name := range outbound {
		if r, ok := rules[name]; !ok || r.String("direction") != "Outbound" || r.String("access") != "Allow" {
			t.Errorf("missing outbound allow %s (have %v)", name, slices.Sorted(maps.Keys(rules)))
		}
	}
	if _, ok := rules["DenyInternetOutbound"]; ok || len(rules) != len(outbound) {
		t.Errorf("outbound default: no deny rule, just the allows; got %v", slices.Sorted(maps.Keys(rules)))
	}
	if len(m.OfType("azure-native:network:Route")) != 0 {
		t.Error("no routes without forced tunneling")
	}

	// Restricted with forced tunneling: the deny too, and a route per service.
	m = &pulumitest.Mocks{}
	args = computeArgs()
	args.NoPublicIP, args.Outbound, args.ForcedTunneling = true, OutboundRestricted, true
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
	rules = rulesByName(m)
	deny, ok := rules["DenyInternetOutbound"]
	if !ok || deny.String("access") != "Deny" || deny.String("destinationAddressPrefix") != "Internet" {
		t.Fatalf("restricted: want the deny rule, got %v", slices.Sorted(maps.Keys(rules)))
	}
	denyPriority, _ := deny.Number("priority")
	for _, name := range outbound {
		if p, _ := rules[name].Number("priority"); p >= denyPriority {
			t.Errorf("%s priority %v is not below the deny's %v", name, p, denyPriority)
		}
	}
	routes := map[string]string{}
	for _, r := range m.OfType("azure-native:network:Route") {
		routes[r.String("addressPrefix")] = r.String("nextHopType")
	}
	want := map[string]string{}
	for _, tag := range []string{"Storage.EastUS2", "AzureActiveDirectory", "AzureResourceManager", "MicrosoftContainerRegistry",
		"AzureFrontDoor.FirstParty", "BatchNodeManagement.eastus2", "AzureMachineLearning"} {
		want[tag] = "Internet"
	}
	if !reflect.DeepEqual(routes, want) {
		t.Errorf("routes %v, want %v", routes, want)
	}
}

func TestNetworkPrivateEndpointSubnet(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "net", &NetworkArgs{
			ResourceGroupName:        pulumi.String("rg"),
			Location:                 "eastus2",
			AddressSpace:             []string{"10.20.0.0/16"},
			TrainingSubnet:           SubnetSpec{Prefix: "10.20.0.0/24"},
			AksSubnet:                &SubnetSpec{Prefix: "10.20.4.0/22"},
			PrivateEndpointSubnet:    &SubnetSpec{Prefix: "10.20.1.0/27"},
			TrainingServiceEndpoints: []string{},
		})
		return err
	})
	if n := len(m.OfType("azure-native:network:Subnet")); n != 3 {
		t.Fatalf("want 3 subnets, got %d", n)
	}
	training := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "training"}))
	aks := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "aks"}))
	pe := one(t, m.Find("azure-native:network:Subnet", map[string]string{"subnetName": "private-endpoints"}))
	if pe.String("addressPrefix") != "10.20.1.0/27" || pe.String("networkSecurityGroup.id") == "" {
		t.Errorf("private-endpoint subnet %v", pe.Inputs)
	}
	if !dependsOn(pe, aks) || !dependsOn(aks, training) {
		t.Errorf("subnet writes must be chained: pe deps %v, aks deps %v", pe.DependsOn, aks.DependsOn)
	}
	for _, sn := range []pulumitest.Resource{training, pe} {
		if v, _ := sn.Input("serviceEndpoints"); v.IsArray() && len(v.ArrayValue()) > 0 {
			t.Errorf("%s: service endpoints %v; none on the private-endpoint path", sn.String("subnetName"), v)
		}
	}
	if n := len(m.OfType("azure-native:network:NetworkSecurityGroup")); n != 3 {
		t.Errorf("want one NSG per subnet, got %d", n)
	}
	overlap := &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2", AddressSpace: []string{"10.20.0.0/16"},
		TrainingSubnet: SubnetSpec{Prefix: "10.20.0.0/24"}, PrivateEndpointSubnet: &SubnetSpec{Prefix: "10.20.0.64/27"}}
	wantProblems(t, overlap.Validate(), "privateEndpointSubnet: 10.20.0.64/27 overlaps trainingSubnet (10.20.0.0/24)")
}
