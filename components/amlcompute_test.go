package components

import (
	"fmt"
	"maps"
	"net/netip"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

func computeArgs() *AmlComputeInVnetArgs {
	return &AmlComputeInVnetArgs{
		Location:  "eastus2",
		Workspace: workspaceRef(),
		Subnet:    trainingSubnetRef(),
	}
}

// computeErr constructs a compute from args and returns its validation error.
func computeErr(t *testing.T, args *AmlComputeInVnetArgs) error {
	t.Helper()
	return constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
}

// computeSite is what the constructor validates the spec against.
func computeSite(args *AmlComputeInVnetArgs) ComputeSite {
	return ComputeSite{Region: "eastus2", Subnet: args.Subnet.Prefix, Attached: args.Attached, AttachedPath: NewPath("attached")}
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
	if p, _ := batch.Number("priority"); p != DefaultRulePriority {
		t.Errorf("the first rule takes the default priority %d, got %v", DefaultRulePriority, p)
	}
	aml := rules["AllowAzureMachineLearningInbound"]
	if aml.String("sourceAddressPrefix") != "AzureMachineLearning" || aml.String("destinationPortRange") != "44224" {
		t.Errorf("AzureMachineLearning rule %v", aml.Inputs)
	}
	for _, r := range rules {
		if r.String("destinationPortRange") == "22" {
			t.Error("no SSH rule unless sshAccess")
		}
		if r.String("networkSecurityGroupName") != "training-nsg" || r.String("resourceGroupName") != "rg" {
			t.Errorf("rule on NSG %q in %q, want the subnet's training-nsg in rg", r.String("networkSecurityGroupName"), r.String("resourceGroupName"))
		}
	}
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	for path, want := range map[string]string{
		"properties.computeType":                                          "AmlCompute",
		"properties.properties.vmSize":                                    "STANDARD_D2_V2",
		"properties.properties.subnet.id":                                 trainingSubnetID,
		"properties.properties.remoteLoginPortPublicAccess":               "Disabled",
		"properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown": "PT120S",
		"computeName":       "cpucluster",
		"workspaceName":     "ws",
		"resourceGroupName": "rg",
	} {
		if got := c.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if n, _ := c.Number("properties.properties.scaleSettings.maxNodeCount"); n != 4 {
		t.Errorf("maxNodeCount %v, want the default 4", n)
	}
	if c.Inputs.HasValue("properties") {
		if v, _ := c.Input("properties.properties.userAccountCredentials"); !v.IsNull() {
			t.Error("no credentials without sshAccess")
		}
	}
	if len(m.OfType("azure-native:network:Route")) != 0 {
		t.Error("no routes without forced tunneling")
	}
	parentedTo(t, m, AmlComputeInVnetType)
}

func TestAmlComputeRestrictedOutboundSshAndForcedTunneling(t *testing.T) {
	m := &pulumitest.Mocks{}
	args := computeArgs()
	args.Spec = AmlComputeSpec{
		Outbound:        OutboundRestricted,
		SSHAccess:       true,
		SSHSources:      []string{"10.99.0.0/27"},
		SSHPublicKey:    "ssh-ed25519 AAAA test",
		ForcedTunneling: true,
	}
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
		if r.String("routeTableName") != "training-rt" || r.String("resourceGroupName") != "rg" {
			t.Errorf("route on table %q in %q, want the subnet's training-rt in rg", r.String("routeTableName"), r.String("resourceGroupName"))
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
	// The cluster waits for every NSG rule and route.
	for _, r := range append(slices.Collect(maps.Values(rules)), m.OfType("azure-native:network:Route")...) {
		if !dependsOn(c, r) {
			t.Errorf("the cluster does not wait for %s %s", r.Type, r.Name)
		}
	}
}

func TestAmlComputeBatchPrefixRoutes(t *testing.T) {
	m := &pulumitest.Mocks{}
	args := computeArgs()
	args.Spec = AmlComputeSpec{ForcedTunneling: true, BatchPrefixes: []string{"20.41.0.0/24", "40.70.1.0/25"}}
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
	// Writes to one route table are chained: one route waits for nothing,
	// each other for exactly one route, and no two wait for the same one,
	// so they form a single line.
	routes := m.OfType("azure-native:network:Route")
	roots, waitedFor := 0, map[string]int{}
	for _, r := range routes {
		switch {
		case len(r.DependsOn) == 0:
			roots++
		case len(r.DependsOn) == 1 && slices.ContainsFunc(routes, func(o pulumitest.Resource) bool { return dependsOn(r, o) }):
			waitedFor[r.DependsOn[0]]++
		default:
			t.Errorf("route %s depends on %v, want one other route", r.Name, r.DependsOn)
		}
	}
	if roots != 1 || len(waitedFor) != len(routes)-1 {
		t.Errorf("routes are not one chain: %d without dependencies, %d waited for, of %d", roots, len(waitedFor), len(routes))
	}
}

func TestAmlComputeAttachedVMKeepsSecrets(t *testing.T) {
	m := &pulumitest.Mocks{}
	args := computeArgs()
	args.Spec = AmlComputeSpec{SSHAccess: true, SSHSources: []string{"10.99.0.0/27"}, AdminPassword: pulumi.String("Adm1n-Secret!")}
	args.Attached = []AttachSpec{{
		Name: "dsvm", Kind: AttachVirtualMachine, Address: "52.174.10.20", PrivateAddress: "10.20.0.10", SSHUser: "azureuser",
		ResourceID:  "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/dsvm",
		SSHPassword: pulumi.String("Sup3r-Secret!"),
	}, {
		Name: "spark", Kind: AttachHDInsight, Address: "spark-ssh.azurehdinsight.net", PrivateAddress: "10.20.0.11", SSHUser: "sshuser",
		ResourceID:    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.HDInsight/clusters/spark",
		SSHPrivateKey: pulumi.String("-----BEGIN KEY-----"),
		SSHPort:       ptr(2222),
	}}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
	vm := one(t, m.Find("azure-native:machinelearningservices:Compute", map[string]string{"computeName": "dsvm"}))
	if vm.String("properties.computeType") != "VirtualMachine" || vm.String("properties.properties.address") != "52.174.10.20" ||
		!strings.HasSuffix(vm.String("properties.resourceId"), "/virtualMachines/dsvm") || vm.String("workspaceName") != "ws" {
		t.Errorf("VM attach %v", vm.Inputs)
	}
	if n, _ := vm.Number("properties.properties.sshPort"); n != 22 {
		t.Errorf("ssh port %v, want the default 22", n)
	}
	pw, secret := vm.Input("properties.properties.administratorAccount.password")
	if !secret || pw.StringValue() != "Sup3r-Secret!" {
		t.Errorf("password must arrive as a secret (secret=%v)", secret)
	}
	hdi := one(t, m.Find("azure-native:machinelearningservices:Compute", map[string]string{"computeName": "spark"}))
	if hdi.String("properties.computeType") != "HDInsight" {
		t.Errorf("HDInsight attach %v", hdi.Inputs)
	}
	if n, _ := hdi.Number("properties.properties.sshPort"); n != 2222 {
		t.Errorf("ssh port %v, want the 2222 given", n)
	}
	if _, secret := hdi.Input("properties.properties.administratorAccount.privateKeyData"); !secret {
		t.Error("private key must arrive as a secret")
	}
	cluster := one(t, m.Find("azure-native:machinelearningservices:Compute", map[string]string{"computeName": "cpucluster"}))
	if pw, secret := cluster.Input("properties.properties.userAccountCredentials.adminUserPassword"); !secret || pw.StringValue() != "Adm1n-Secret!" {
		t.Errorf("admin password must arrive as a secret (secret=%v)", secret)
	}
	// One rule per SSH port, to the machines' private addresses.
	for name, want := range map[string]struct{ port, dest string }{
		"AllowAzureMachineLearningSshToAttached":     {"22", "10.20.0.10"},
		"AllowAzureMachineLearningSshToAttached2222": {"2222", "10.20.0.11"},
	} {
		ssh := rulesByName(m)[name]
		if ssh.String("sourceAddressPrefix") != "AzureMachineLearning" || ssh.String("destinationPortRange") != want.port || ssh.String("protocol") != "*" {
			t.Errorf("attached SSH rule %s: %v", name, ssh.Inputs)
		}
		if got := ssh.Strings("destinationAddressPrefixes"); !reflect.DeepEqual(got, []string{want.dest}) {
			t.Errorf("attached SSH rule %s destinations %v, want %s", name, got, want.dest)
		}
	}
	for _, r := range m.Resources() {
		for _, s := range []string{"Sup3r-Secret!", "-----BEGIN KEY-----", "Adm1n-Secret!"} {
			if r.PlaintextOutsideSecrets(s) {
				t.Errorf("%s %s carries %q outside a secret", r.Type, r.Name, s)
			}
		}
	}
}

func TestAmlComputeValidation(t *testing.T) {
	args := computeArgs()
	args.Subnet.Prefix = netip.MustParsePrefix("10.20.0.0/28")
	args.Spec = AmlComputeSpec{
		Name:                    "x",
		MinNodes:                5,
		MaxNodes:                ptr(3),
		Outbound:                "open",
		SSHAccess:               true,
		SSHSources:              []string{"Internet"},
		IdleTimeBeforeScaleDown: "2 minutes",
		BatchPrefixes:           []string{"10.0.0.0/8"},
	}
	args.Attached = []AttachSpec{
		{Name: "x", Kind: "Databricks", Address: "10.30.0.4", PrivateAddress: "10.30.0.4", ResourceID: "/bad"},
		{Name: "vm2", Kind: AttachVirtualMachine, Address: "10.20.0.300", PrivateAddress: "10.20.0.0", SSHUser: "u", SSHPassword: pulumi.String("p"),
			ResourceID: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm2"},
	}
	want := []string{
		"spec.name: ML compute name \"x\" is 1 character long; Azure allows 2-16",
		"spec.minNodes: is 5, above maxNodes (3)",
		"spec.outbound: \"open\" is not allowed",
		"spec.sshSources[0]: \"Internet\" opens SSH to the whole Internet",
		"spec.sshPublicKey: sshAccess needs",
		"spec.idleTimeBeforeScaleDown:",
		"spec.batchPrefixes: has no effect while forcedTunneling is false",
		"spec.batchPrefixes[0]: 10.0.0.0/8 is in the RFC 1918 private range",
		"attached[0].name: ML compute name \"x\" is 1 character long",
		"attached[0].name: \"x\" is already used by the training cluster",
		"attached[0].kind: \"Databricks\" is not a kind we can attach",
		"attached[0].address: 10.30.0.4 is in the RFC 1918 private range 10.0.0.0/8: Azure ML connects from its own addresses and cannot reach it",
		"attached[0].privateAddress: 10.30.0.4 is outside the training subnet 10.20.0.0/28",
		"attached[0].sshUser: is required",
		"attached[0].sshPassword: an SSH password or private key",
		`attached[1].address: "10.20.0.300" is neither an IPv4 address nor a DNS name`,
		"attached[1].privateAddress: 10.20.0.0 is address 0 of 10.20.0.0/28",
	}
	wantProblems(t, computeErr(t, args), want...)
	// The pure spec check finds the same, under the paths it is given.
	wantSpecProblems(t, args.Spec.Validate(NewPath("spec"), computeSite(args)), want...)
}

func TestAmlComputeCapacityCountsAttachedMachines(t *testing.T) {
	args := computeArgs()
	args.Subnet.Prefix = netip.MustParsePrefix("10.20.0.0/28") // 16 - 5 = 11 usable
	args.Spec.MaxNodes = ptr(10)
	args.Attached = []AttachSpec{{Name: "vm1", Kind: AttachVirtualMachine, Address: "vm1.example.com", PrivateAddress: "10.20.0.9", SSHUser: "u", SSHPassword: pulumi.String("p"),
		ResourceID: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"}}
	if ps := args.Spec.Validate(NewPath("spec"), computeSite(args)); len(ps) != 0 {
		t.Fatalf("10 nodes + 1 VM fit 11 usable addresses: %v", ps)
	}
	run(t, &pulumitest.Mocks{}, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
	args.Spec.MaxNodes = ptr(11)
	wantProblems(t, computeErr(t, args), "spec.maxNodes: 11 nodes + 1 attached machines do not fit the training subnet")
}

// An explicit zero is a value the user wrote: it is refused at its path,
// while nil means the default of 4.
func TestAmlComputeExplicitZeroMaxNodes(t *testing.T) {
	args := computeArgs()
	args.Spec.MaxNodes = ptr(0)
	wantProblems(t, computeErr(t, args), "spec.maxNodes: is 0; a cluster needs at least 1 node (leave it out for the default, 4)")
	wantSpecProblems(t, AmlComputeSpec{MaxNodes: ptr(0)}.Validate(NewPath("amlvnet:compute"), ComputeSite{}),
		"amlvnet:compute.maxNodes: is 0; a cluster needs at least 1 node")
	wantSpecProblems(t, AmlComputeSpec{}.Validate(NewPath("spec"), ComputeSite{}))
	// A refused maxNodes is not also held against minNodes.
	wantSpecProblems(t, AmlComputeSpec{MaxNodes: ptr(0), MinNodes: 1}.Validate(NewPath("spec"), ComputeSite{}), "spec.maxNodes: is 0")
}

// The wiring inputs are named by their own paths, not the spec's.
func TestAmlComputeWiringChecks(t *testing.T) {
	for _, tt := range []struct {
		name   string
		mutate func(a *AmlComputeInVnetArgs)
		want   []string
	}{
		{"subnet ID", func(a *AmlComputeInVnetArgs) { a.Subnet.ID = nil }, []string{"subnet.id: is required"}},
		{"subnet prefix", func(a *AmlComputeInVnetArgs) { a.Subnet.Prefix = netip.Prefix{} }, []string{"subnet.prefix: is required"}},
		{"subnet NSG", func(a *AmlComputeInVnetArgs) { a.Subnet.NsgName = nil }, []string{"subnet.nsgName: is required"}},
		{"subnet resource group", func(a *AmlComputeInVnetArgs) { a.Subnet.ResourceGroupName = nil }, []string{"subnet.resourceGroupName: is required"}},
		{"workspace name", func(a *AmlComputeInVnetArgs) { a.Workspace.Name = nil }, []string{"workspace.name: is required"}},
		{"workspace resource group", func(a *AmlComputeInVnetArgs) { a.Workspace.ResourceGroupName = nil }, []string{"workspace.resourceGroupName: is required"}},
		{"forced tunneling without a route table", func(a *AmlComputeInVnetArgs) {
			a.Spec.ForcedTunneling = true
			a.Subnet.RouteTableName = nil
		}, []string{"subnet.routeTableName: is required when forcedTunneling is true"}},
		{"location", func(a *AmlComputeInVnetArgs) { a.Location = "middle-earth" }, []string{"location: "}},
		{"nothing at all", func(a *AmlComputeInVnetArgs) { *a = AmlComputeInVnetArgs{} }, []string{
			"location: ", "subnet.id: is required", "subnet.prefix: is required", "subnet.nsgName: is required",
			"subnet.resourceGroupName: is required", "workspace.name: is required", "workspace.resourceGroupName: is required",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := computeArgs()
			tt.mutate(args)
			wantProblems(t, computeErr(t, args), tt.want...)
		})
	}
	// A route table is only needed with forced tunneling.
	args := computeArgs()
	args.Subnet.RouteTableName = nil
	run(t, &pulumitest.Mocks{}, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
}

func TestAmlComputeSpecWithDefaultsAndPurity(t *testing.T) {
	d := AmlComputeSpec{}.WithDefaults()
	if d.Name != DefaultComputeName || d.VMSize != DefaultComputeVMSize || d.VMPriority != DefaultComputeVMPriority ||
		*d.MaxNodes != DefaultComputeMaxNodes || d.IdleTimeBeforeScaleDown != DefaultIdleTimeBeforeScaleDown ||
		d.AdminUser != DefaultAdminUser || d.Outbound != OutboundDefault || !*d.PublicIP || *d.RulePriority != DefaultRulePriority {
		t.Errorf("defaults %+v", d)
	}
	maxNodes, publicIP := 0, false
	spec := AmlComputeSpec{MaxNodes: &maxNodes, PublicIP: &publicIP, SSHSources: []string{"*"}}
	d = spec.WithDefaults()
	if d.MaxNodes != &maxNodes || d.PublicIP != &publicIP {
		t.Errorf("values given are kept: %+v", d)
	}
	site := ComputeSite{Region: "eastus2", Subnet: netip.MustParsePrefix("10.20.0.0/24"),
		Attached: []AttachSpec{{Name: "vm"}}, AttachedPath: NewPath("attached")}
	first, second := spec.Validate(NewPath("spec"), site), spec.Validate(NewPath("spec"), site)
	if len(first) == 0 || !reflect.DeepEqual(first, second) {
		t.Errorf("Validate twice gives %v then %v", first, second)
	}
	if spec.MaxNodes != &maxNodes || maxNodes != 0 || spec.PublicIP != &publicIP || publicIP || spec.Name != "" || spec.RulePriority != nil ||
		!reflect.DeepEqual(spec.SSHSources, []string{"*"}) || !reflect.DeepEqual(site.Attached, []AttachSpec{{Name: "vm"}}) {
		t.Errorf("WithDefaults or Validate changed the spec or site: %+v %+v", spec, site)
	}
}

func TestAmlComputeWithoutPublicIP(t *testing.T) {
	outbound := []string{"AllowStorageOutbound", "AllowContainerRegistryOutbound", "AllowAzureMachineLearningOutbound", "AllowAzureMachineLearningUdpOutbound",
		"AllowAzureActiveDirectoryOutbound", "AllowAzureResourceManagerOutbound", "AllowBatchNodeManagementOutbound",
		"AllowMicrosoftContainerRegistryOutbound", "AllowFrontDoorFirstPartyOutbound", "AllowFrontDoorFrontEndOutbound", "AllowAzureMonitorOutbound"}

	// Outbound default: the allows are there all the same, and no deny.
	m := &pulumitest.Mocks{}
	args := computeArgs()
	args.Spec.PublicIP = ptr(false)
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
	args.Spec = AmlComputeSpec{PublicIP: ptr(false), Outbound: OutboundRestricted, ForcedTunneling: true}
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
	// Storage is not among them: routing it past the firewall is opt-in.
	for _, tag := range []string{"AzureActiveDirectory", "AzureResourceManager", "MicrosoftContainerRegistry",
		"AzureFrontDoor.FirstParty", "AzureFrontDoor.FrontEnd", "BatchNodeManagement.eastus2", "AzureMachineLearning"} {
		want[tag] = "Internet"
	}
	if !reflect.DeepEqual(routes, want) {
		t.Errorf("routes %v, want %v", routes, want)
	}
}

// The restricted-outbound table of the current docs: Entra ID on 80 and
// 443, Front Door's front end and Azure Monitor, and no Front Door front end
// in Azure operated by 21Vianet, in the rules and in the routes alike.
func TestAmlComputeRestrictedOutboundTable(t *testing.T) {
	rules := func(region string) map[string]securityRule {
		out := map[string]securityRule{}
		for _, r := range (AmlComputeSpec{Outbound: OutboundRestricted}).WithDefaults().rules(region, nil, netip.Prefix{}) {
			out[r.Name] = r
		}
		return out
	}
	public := rules("eastus2")
	if got := public["AllowAzureActiveDirectoryOutbound"].Ports; !reflect.DeepEqual(got, []string{"80", "443"}) {
		t.Errorf("Entra ID ports %v, want 80 and 443", got)
	}
	for name, dest := range map[string]string{"AllowFrontDoorFrontEndOutbound": "AzureFrontDoor.FrontEnd", "AllowAzureMonitorOutbound": "AzureMonitor"} {
		if r, ok := public[name]; !ok || r.Destination != dest || !reflect.DeepEqual(r.Ports, []string{"443"}) || r.Priority >= public["DenyInternetOutbound"].Priority {
			t.Errorf("%s: %+v", name, r)
		}
	}
	china := rules("chinanorth3")
	if _, ok := china["AllowFrontDoorFrontEndOutbound"]; ok {
		t.Error("AzureFrontDoor.FrontEnd is not needed in Azure operated by 21Vianet")
	}
	if _, ok := china["AllowAzureMonitorOutbound"]; !ok {
		t.Error("Azure Monitor is needed in every cloud")
	}
	// The routes of nodes without a public IP follow the same table.
	private := AmlComputeSpec{Outbound: OutboundRestricted, ForcedTunneling: true, PublicIP: ptr(false)}.WithDefaults()
	for region, frontEnd := range map[string]bool{"eastus2": true, "chinanorth3": false} {
		var prefixes []string
		for _, r := range private.routes(region) {
			prefixes = append(prefixes, r.AddressPrefix)
		}
		if !slices.Contains(prefixes, "AzureFrontDoor.FirstParty") || slices.Contains(prefixes, "AzureFrontDoor.FrontEnd") != frontEnd {
			t.Errorf("%s routes %v: FirstParty always, FrontEnd %v", region, prefixes, frontEnd)
		}
	}
}

// tunnelStorage adds the Storage.<region> route, and only with forced
// tunneling.
func TestAmlComputeTunnelStorage(t *testing.T) {
	routes := func(s AmlComputeSpec) []string {
		var out []string
		for _, r := range s.WithDefaults().routes("eastus2") {
			out = append(out, r.AddressPrefix)
		}
		return out
	}
	if got := routes(AmlComputeSpec{ForcedTunneling: true}); slices.Contains(got, "Storage.EastUS2") {
		t.Errorf("Storage routed without tunnelStorage: %v", got)
	}
	if got := routes(AmlComputeSpec{ForcedTunneling: true, TunnelStorage: true}); !slices.Contains(got, "Storage.EastUS2") {
		t.Errorf("tunnelStorage did not route Storage: %v", got)
	}
	wantSpecProblems(t, AmlComputeSpec{TunnelStorage: true}.Validate(NewPath("compute"), ComputeSite{Region: "eastus2"}),
		"compute.tunnelStorage: has no effect while forcedTunneling is false")
}

// The cluster takes Entra ID authentication only, and a NAT gateway is the
// default exactly when its nodes have no public IP.
func TestAmlComputeLocalAuthAndNatGatewayDefault(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", computeArgs())
		return err
	})
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	if b, ok := c.Bool("properties.disableLocalAuth"); !ok || !b {
		t.Errorf("disableLocalAuth %v (set %v), want true", b, ok)
	}
	if *(AmlComputeSpec{}).WithDefaults().NatGateway || !*(AmlComputeSpec{PublicIP: ptr(false)}).WithDefaults().NatGateway {
		t.Error("natGateway defaults to true exactly when publicIp is false")
	}
	if *(AmlComputeSpec{PublicIP: ptr(false), NatGateway: ptr(false)}).WithDefaults().NatGateway {
		t.Error("an explicit natGateway: false is kept")
	}
}

// Network's training handle feeds the compute directly: its NSG receives the
// rules and its route table the forced-tunneling routes.
func TestAmlComputeOnNetworkHandles(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		n, err := NewNetwork(ctx, "net", &NetworkArgs{ResourceGroupName: pulumi.String("rg"), Location: "eastus2",
			Spec: NetworkSpec{AddressSpace: StringList{"10.20.0.0/16"}, TrainingSubnet: "10.20.0.0/24", TrainingRouteTable: true}})
		if err != nil {
			return err
		}
		_, err = NewAmlComputeInVnet(ctx, "training", &AmlComputeInVnetArgs{Location: "eastus2", Workspace: workspaceRef(), Subnet: n.Training,
			Spec: AmlComputeSpec{ForcedTunneling: true}})
		return err
	})
	nsg := one(t, m.OfType("azure-native:network:NetworkSecurityGroup"))
	for name, r := range rulesByName(m) {
		if r.String("networkSecurityGroupName") != nsg.String("networkSecurityGroupName") {
			t.Errorf("rule %s on NSG %q, want the training subnet's %q", name, r.String("networkSecurityGroupName"), nsg.String("networkSecurityGroupName"))
		}
	}
	rt := one(t, m.OfType("azure-native:network:RouteTable"))
	routes := m.OfType("azure-native:network:Route")
	if len(routes) != 2 {
		t.Errorf("want the two forced-tunneling routes, got %d", len(routes))
	}
	for _, r := range routes {
		if r.String("routeTableName") != rt.String("routeTableName") {
			t.Errorf("route %s on table %q, want %q", r.Name, r.String("routeTableName"), rt.String("routeTableName"))
		}
	}
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	sn := one(t, m.OfType("azure-native:network:Subnet"))
	if !strings.HasSuffix(c.String("properties.properties.subnet.id"), "/subnets/training") || !dependsOn(c, sn) {
		t.Errorf("the cluster sits in the training subnet: %q, deps %v", c.String("properties.properties.subnet.id"), c.DependsOn)
	}
}

// Without a private address, Azure ML is let in to the whole training
// subnet on the machine's SSH port; a machine without one takes no subnet
// address in the capacity count.
func TestAmlComputeAttachedWithoutPrivateAddress(t *testing.T) {
	at := AttachSpec{Name: "vm1", Kind: AttachVirtualMachine, Address: "vm1.example.com", SSHUser: "u", SSHPassword: pulumi.String("p"), SSHPort: ptr(2200),
		ResourceID: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"}
	subnet := netip.MustParsePrefix("10.20.0.0/28")
	rules := attachedRules([]AttachSpec{at}, subnet)
	if len(rules) != 1 || !reflect.DeepEqual(rules[0].Destinations, []string{"10.20.0.0/28"}) || !reflect.DeepEqual(rules[0].Ports, []string{"2200"}) {
		t.Errorf("rules %+v, want one to the subnet on 2200", rules)
	}
	spec := AmlComputeSpec{MaxNodes: ptr(11)}
	if ps := spec.Validate(NewPath("spec"), ComputeSite{Region: "eastus2", Subnet: subnet, Attached: []AttachSpec{at}, AttachedPath: NewPath("attached")}); len(ps) != 0 {
		t.Errorf("11 nodes fit 11 addresses when the attached machine takes none: %v", ps)
	}
}

// A retired size is a warning, not an error: it names the retirement and
// its notice, and the cluster is still built (Azure, not we, refuses it).
func TestAmlComputeRetiredSizeWarns(t *testing.T) {
	ps := AmlComputeSpec{VMSize: "STANDARD_NC6S_V3"}.Validate(NewPath("spec"), ComputeSite{Region: "eastus2"})
	errs, warnings := ps.Split()
	if len(errs) != 0 || len(warnings) != 1 || !strings.Contains(warnings[0].String(), "spec.vmSize: STANDARD_NC6S_V3 is an NCv3-series size, which Azure retired on 2025-09-30 (https://learn.microsoft.com/") {
		t.Fatalf("errors %v, warnings %v", errs, warnings)
	}
	if ps.Err("AmlComputeInVnet") != nil {
		t.Error("a warning alone is no error")
	}
	for _, current := range []string{"Standard_NC4as_T4_v3", "STANDARD_D2_V2", "Standard_A2_v2", "Standard_NC24ads_A100_v4"} {
		if _, w := (AmlComputeSpec{VMSize: current}).Validate(NewPath("spec"), ComputeSite{}).Split(); len(w) != 0 {
			t.Errorf("%s is current, got %v", current, w)
		}
	}
	args := computeArgs()
	args.Spec.VMSize = "Standard_NC6"
	run(t, &pulumitest.Mocks{}, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
}

// TestAmlComputeInManagedNetwork: in the workspace's managed network the
// cluster has no subnet of ours, no public IP, no NSG rule and no route.
func TestAmlComputeInManagedNetwork(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", &AmlComputeInVnetArgs{Location: "eastus2", Workspace: workspaceRef(), ManagedNetwork: true,
			Spec: AmlComputeSpec{Location: "East US 2"}})
		return err
	})
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	if v, _ := c.Input("properties.properties.subnet"); !v.IsNull() {
		t.Errorf("a subnet of ours in a managed network: %v", v)
	}
	if b, ok := c.Bool("properties.properties.enableNodePublicIp"); !ok || b {
		t.Errorf("nodes in a managed network get no public IP: %v", c.Inputs["properties"])
	}
	if c.String("properties.computeLocation") != "eastus2" || c.String("location") != "eastus2" {
		t.Errorf("the cluster sits in the workspace's region: %v", c.Inputs)
	}
	for _, typ := range []string{"azure-native:network:SecurityRule", "azure-native:network:Route"} {
		if n := len(m.OfType(typ)); n != 0 {
			t.Errorf("%d %s in a managed network", n, typ)
		}
	}
	parentedTo(t, m, AmlComputeInVnetType)
}

// TestAmlComputeManagedNetworkRefusals: whatever needs a network of ours, a
// public IP or an attached machine is refused, each at its key, all at once;
// so is a cluster outside the workspace's region.
func TestAmlComputeManagedNetworkRefusals(t *testing.T) {
	spec := AmlComputeSpec{SSHAccess: true, SSHSources: []string{"203.0.113.0/29"}, SSHPublicKey: "ssh-rsa AAAA",
		Outbound: OutboundRestricted, ForcedTunneling: true, TunnelStorage: true, PublicIP: ptr(true), NatGateway: ptr(true),
		RulePriority: ptr(200), Location: "westeurope"}
	site := ComputeSite{Region: "eastus2", ManagedNetwork: true, Attached: []AttachSpec{{Name: "dsvm"}}, AttachedPath: NewPath("amlvnet:attach")}
	wantSpecProblems(t, spec.Validate(NewPath("amlvnet:compute"), site),
		"amlvnet:compute.sshAccess: is not possible in the workspace's managed network",
		"amlvnet:compute.outbound: is not possible in the workspace's managed network",
		"amlvnet:compute.forcedTunneling: is not possible",
		"amlvnet:compute.tunnelStorage: is not possible",
		"amlvnet:compute.publicIp: is not possible",
		"amlvnet:compute.natGateway: is not possible",
		"amlvnet:compute.rulePriority: is not possible",
		"amlvnet:compute.location: is westeurope but the workspace is in eastus2: Azure refuses a compute cluster in another region than its workspace in a managed virtual network",
		"amlvnet:attach: attached VMs and HDInsight clusters are not supported in a workspace's managed virtual network",
	)
	// What the managed network implies may be said: no public IP, no NAT
	// gateway, default outbound, the workspace's region.
	ok := AmlComputeSpec{PublicIP: ptr(false), NatGateway: ptr(false), Outbound: OutboundDefault, Location: "eastus2"}
	wantSpecProblems(t, ok.Validate(NewPath("spec"), ComputeSite{Region: "eastus2", ManagedNetwork: true}))

	// The component: a subnet handed over anyway is refused.
	args := computeArgs()
	args.ManagedNetwork = true
	wantProblems(t, computeErr(t, args), "subnet: has no effect with managedNetwork")

	// In a VNet of ours, the cluster is in its VNet's region too.
	wantSpecProblems(t, AmlComputeSpec{Location: "westeurope"}.Validate(NewPath("spec"), ComputeSite{Region: "eastus2"}),
		"spec.location: is westeurope but the workspace and its VNet are in eastus2")
	wantSpecProblems(t, AmlComputeSpec{Location: "mars"}.Validate(NewPath("spec"), ComputeSite{Region: "eastus2"}),
		`spec.location: `)
}

// The cluster and the attached machines wait for what the workspace needs
// first (its private endpoint): the handle's Ready resources.
func TestAmlComputeWaitsForTheWorkspace(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		endpoint, err := NewSecureStorage(ctx, "stand-in-for-an-endpoint", &SecureStorageArgs{
			ResourceGroupName: pulumi.String("rg"), Location: "eastus2", Spec: SecureStorageSpec{Unrestricted: true}})
		if err != nil {
			return err
		}
		args := computeArgs()
		args.Workspace.Ready = []pulumi.Resource{endpoint}
		_, err = NewAmlComputeInVnet(ctx, "training", args)
		return err
	})
	account := one(t, m.OfType("azure-native:storage:StorageAccount"))
	cluster := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	if !dependsOn(cluster, account) {
		t.Errorf("the cluster does not wait for the workspace's Ready resources: %v", cluster.DependsOn)
	}
}

// Azure ML ignores a change of these settings in place: the engine is told
// to replace the cluster instead.
func TestAmlComputeReplacesOnImmutableSettings(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAmlComputeInVnet(ctx, "training", computeArgs())
		return err
	})
	c := one(t, m.Find("azure-native:machinelearningservices:Compute", map[string]string{"computeName": DefaultComputeName}))
	for _, path := range []string{"properties.properties.vmSize", "properties.properties.vmPriority", "properties.properties.subnet", "properties.properties.enableNodePublicIp"} {
		if !slices.Contains(c.ReplaceOnChanges, path) {
			t.Errorf("%s does not replace the cluster: %v", path, c.ReplaceOnChanges)
		}
	}
}

// A route table takes 400 routes: one route per prefix cannot exceed it.
func TestAmlComputeRouteLimit(t *testing.T) {
	var prefixes []string
	for i := 0; i < 400; i++ {
		prefixes = append(prefixes, fmt.Sprintf("20.%d.%d.0/24", 100+i/256, i%256))
	}
	spec := AmlComputeSpec{ForcedTunneling: true, BatchPrefixes: prefixes}
	wantSpecProblems(t, spec.Validate(NewPath("compute"), ComputeSite{Region: "eastus2"}),
		"compute.forcedTunneling: needs 401 routes, but a route table takes at most 400")
	spec.BatchPrefixes = prefixes[:399]
	wantSpecProblems(t, spec.Validate(NewPath("compute"), ComputeSite{Region: "eastus2"}))
}
