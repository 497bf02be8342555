package policyrules

import (
	"regexp"
	"strings"
	"testing"
)

const u = Unknown

const (
	storageType = "azure-native:storage:StorageAccount"
	vaultType   = "azure-native:keyvault:Vault"
	ruleType    = "azure-native:network:SecurityRule"
	nsgType     = "azure-native:network:NetworkSecurityGroup"
	subnetType  = "azure-native:network:Subnet"
	computeType = "azure-native:machinelearningservices:Compute"
	aksType     = "azure-native:containerservice:ManagedCluster"
)

func urn(typ, name string) string { return "urn:pulumi:test::amlvnet::" + typ + "::" + name }

// res builds a resource; typ may carry its parents' types, as URNs do
// ("amlvnet:index:Network$azure-native:network:Subnet").
func res(typ, name string, inputs map[string]any) Resource {
	t := typ[strings.LastIndex(typ, "$")+1:]
	return Resource{URN: urn(typ, name), Type: t, Inputs: inputs}
}

// secureStorage is what components.SecureStorage registers.
func secureStorage() map[string]any {
	return map[string]any{
		"enableHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2", "allowBlobPublicAccess": false,
		"networkRuleSet": map[string]any{"defaultAction": "Deny", "bypass": "AzureServices", "virtualNetworkRules": []any{map[string]any{"virtualNetworkResourceId": u}}},
	}
}

func with(m map[string]any, path string, v any) map[string]any {
	keys := strings.Split(path, ".")
	cur := m
	for _, k := range keys[:len(keys)-1] {
		next, ok := cur[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[k] = next
		}
		cur = next
	}
	if v == nil {
		delete(cur, keys[len(keys)-1])
	} else {
		cur[keys[len(keys)-1]] = v
	}
	return m
}

type resourceCase struct {
	name string
	r    Resource
	// want is a regexp every message must match; "" means no violation.
	want string
}

func runResourceCases(t *testing.T, policy string, cases []resourceCase) {
	t.Helper()
	p, ok := Lookup(policy)
	if !ok || p.Resource == nil {
		t.Fatalf("no resource policy %q", policy)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msgs := p.Resource(c.r)
			if c.want == "" {
				if len(msgs) > 0 {
					t.Fatalf("want no violation, got %q", msgs)
				}
				return
			}
			if len(msgs) == 0 {
				t.Fatalf("want a violation matching %q, got none", c.want)
			}
			re := regexp.MustCompile(c.want)
			for _, m := range msgs {
				if !re.MatchString(m) {
					t.Errorf("message %q does not match %q", m, c.want)
				}
			}
		})
	}
}

func TestStorageDenyByDefault(t *testing.T) {
	runResourceCases(t, "storage-deny-by-default", []resourceCase{
		{"secure account passes", res(storageType, "workspacestorage", secureStorage()), ""},
		{"bypass with more services passes", res(storageType, "ws", with(secureStorage(), "networkRuleSet.bypass", "Logging, AzureServices")), ""},
		{"missing bypass is Azure's default AzureServices", res(storageType, "ws", with(secureStorage(), "networkRuleSet.bypass", nil)), ""},
		{"default action Allow fails", res(storageType, "workspacestorage", with(secureStorage(), "networkRuleSet.defaultAction", "Allow")), `defaultAction is Allow`},
		{"missing default action fails", res(storageType, "ws", with(secureStorage(), "networkRuleSet.defaultAction", nil)), `Azure's default is Allow`},
		{"no rule set fails", res(storageType, "ws", with(secureStorage(), "networkRuleSet", nil)), `networkRuleSet is not set`},
		{"bypass without AzureServices fails", res(storageType, "ws", with(secureStorage(), "networkRuleSet.bypass", "None")), `bypass is "None"`},
		{"unknown rule set cannot tell", res(storageType, "ws", with(secureStorage(), "networkRuleSet", u)), ""},
		{"public network access disabled passes", res(storageType, "ws", with(with(secureStorage(), "networkRuleSet", nil), "publicNetworkAccess", "Disabled")), ""},
		{"public network access enabled still needs Deny", res(storageType, "ws", with(with(secureStorage(), "networkRuleSet.defaultAction", "Allow"), "publicNetworkAccess", "Enabled")), `defaultAction is Allow`},
		{"unknown default action cannot tell", res(storageType, "ws", with(secureStorage(), "networkRuleSet.defaultAction", u)), ""},
		{"program's inference account is open on purpose", res("amlvnet:index:SecureStorage$"+storageType, "inferencestorage", with(secureStorage(), "networkRuleSet.defaultAction", "Allow")), ""},
		{"tagged inference account is open on purpose", res(storageType, "scoring", with(with(secureStorage(), "networkRuleSet.defaultAction", "Allow"), "tags", map[string]any{"amlvnet:purpose": "Inference"})), ""},
		{"other tag value does not exempt", res(storageType, "scoring", with(with(secureStorage(), "networkRuleSet.defaultAction", "Allow"), "tags", map[string]any{"amlvnet:purpose": "training"})), `defaultAction is Allow`},
		{"other types are ignored", res(vaultType, "v", map[string]any{}), ""},
	})
}

func TestStorageMinTLS(t *testing.T) {
	runResourceCases(t, "storage-min-tls-1-2", []resourceCase{
		{"TLS1_2 passes", res(storageType, "s", secureStorage()), ""},
		{"TLS1_3 passes", res(storageType, "s", with(secureStorage(), "minimumTlsVersion", "TLS1_3")), ""},
		{"TLS1_0 fails", res(storageType, "s", with(secureStorage(), "minimumTlsVersion", "TLS1_0")), `"TLS1_0"`},
		{"missing fails", res(storageType, "s", with(secureStorage(), "minimumTlsVersion", nil)), `not set`},
		{"unknown cannot tell", res(storageType, "s", with(secureStorage(), "minimumTlsVersion", u)), ""},
		{"applies to the inference account too", res(storageType, "inferencestorage", with(secureStorage(), "minimumTlsVersion", "TLS1_1")), `TLS1_1`},
	})
}

func TestStorageHTTPSOnly(t *testing.T) {
	runResourceCases(t, "storage-https-only", []resourceCase{
		{"true passes", res(storageType, "s", secureStorage()), ""},
		{"missing is Azure's default true", res(storageType, "s", with(secureStorage(), "enableHttpsTrafficOnly", nil)), ""},
		{"false fails", res(storageType, "s", with(secureStorage(), "enableHttpsTrafficOnly", false)), `clear HTTP`},
		{"unknown cannot tell", res(storageType, "s", with(secureStorage(), "enableHttpsTrafficOnly", u)), ""},
	})
}

func TestStorageNoPublicBlobAccess(t *testing.T) {
	runResourceCases(t, "storage-no-public-blob-access", []resourceCase{
		{"false passes", res(storageType, "s", secureStorage()), ""},
		{"true fails", res(storageType, "s", with(secureStorage(), "allowBlobPublicAccess", true)), `anonymously`},
		{"missing fails", res(storageType, "s", with(secureStorage(), "allowBlobPublicAccess", nil)), `not set`},
		{"unknown cannot tell", res(storageType, "s", with(secureStorage(), "allowBlobPublicAccess", u)), ""},
	})
}

func secureVault() map[string]any {
	return map[string]any{"properties": map[string]any{
		"tenantId": u, "enableSoftDelete": true, "enablePurgeProtection": true, "enableRbacAuthorization": true,
		"networkAcls": map[string]any{"defaultAction": "Deny", "bypass": "AzureServices"},
	}}
}

func TestKeyVaultDenyByDefault(t *testing.T) {
	runResourceCases(t, "keyvault-deny-by-default", []resourceCase{
		{"secure vault passes", res(vaultType, "v", secureVault()), ""},
		{"missing bypass is Azure's default AzureServices", res(vaultType, "v", with(secureVault(), "properties.networkAcls.bypass", nil)), ""},
		{"Allow fails", res(vaultType, "v", with(secureVault(), "properties.networkAcls.defaultAction", "Allow")), `defaultAction is Allow`},
		{"no ACLs fails", res(vaultType, "v", with(secureVault(), "properties.networkAcls", nil)), `networkAcls is not set`},
		{"bypass None fails", res(vaultType, "v", with(secureVault(), "properties.networkAcls.bypass", "None")), `bypass is "None"`},
		{"properties unknown (preview) cannot tell", res(vaultType, "v", map[string]any{"properties": u}), ""},
		{"public network access disabled passes", res(vaultType, "v", with(with(secureVault(), "properties.networkAcls", nil), "properties.publicNetworkAccess", "Disabled")), ""},
		{"ACLs unknown cannot tell", res(vaultType, "v", with(secureVault(), "properties.networkAcls", u)), ""},
	})
}

func TestKeyVaultPurgeProtection(t *testing.T) {
	runResourceCases(t, "keyvault-purge-protection", []resourceCase{
		{"on passes", res(vaultType, "v", secureVault()), ""},
		{"off fails", res(vaultType, "v", with(secureVault(), "properties.enablePurgeProtection", false)), `enablePurgeProtection is false`},
		{"missing fails", res(vaultType, "v", with(secureVault(), "properties.enablePurgeProtection", nil)), `not set`},
		{"soft delete off fails", res(vaultType, "v", with(secureVault(), "properties.enableSoftDelete", false)), `enableSoftDelete is false`},
		{"unknown cannot tell", res(vaultType, "v", with(secureVault(), "properties.enablePurgeProtection", u)), ""},
		{"properties unknown cannot tell", res(vaultType, "v", map[string]any{"properties": u}), ""},
	})
}

func sshRule(source any, ports any, protocol string) map[string]any {
	m := map[string]any{"access": "Allow", "direction": "Inbound", "protocol": protocol, "priority": 120.0,
		"networkSecurityGroupName": u, "securityRuleName": "AllowSshInbound0", "sourcePortRange": "*", "destinationAddressPrefix": "VirtualNetwork"}
	switch p := ports.(type) {
	case []any:
		m["destinationPortRanges"] = p
	default:
		m["destinationPortRange"] = p
	}
	switch s := source.(type) {
	case []any:
		m["sourceAddressPrefixes"] = s
	default:
		m["sourceAddressPrefix"] = s
	}
	return m
}

func TestNSGNoInternetSSH(t *testing.T) {
	runResourceCases(t, "nsg-no-internet-ssh", []resourceCase{
		{"SSH from a bastion CIDR passes", res(ruleType, "r", sshRule("10.50.255.0/27", "22", "Tcp")), ""},
		{"SSH from AzureMachineLearning passes", res(ruleType, "r", sshRule("AzureMachineLearning", "22", "*")), ""},
		{"HTTPS from Internet passes", res(ruleType, "r", sshRule("Internet", []any{"80", "443"}, "Tcp")), ""},
		{"UDP 22 from Internet passes", res(ruleType, "r", sshRule("Internet", "22", "Udp")), ""},
		{"deny from Internet passes", res(ruleType, "r", with(sshRule("Internet", "22", "Tcp"), "access", "Deny")), ""},
		{"outbound passes", res(ruleType, "r", with(sshRule("*", "22", "Tcp"), "direction", "Outbound")), ""},
		{"22 from Internet fails", res(ruleType, "r", sshRule("Internet", "22", "Tcp")), `AllowSshInbound0 allows TCP 22 \(SSH\) from "Internet"`},
		{"range from * fails", res(ruleType, "r", sshRule("*", "1-1024", "*")), `from "\*"`},
		{"any port from 0.0.0.0/0 fails", res(ruleType, "r", sshRule("0.0.0.0/0", "*", "Tcp")), `0.0.0.0/0`},
		{"port list from Any fails", res(ruleType, "r", sshRule([]any{"10.0.0.0/8", "Any"}, []any{"443", "22"}, "Tcp")), `"Any"`},
		{"unknown source cannot tell", res(ruleType, "r", sshRule(u, "22", "Tcp")), ""},
		{"unknown port cannot tell", res(ruleType, "r", sshRule("Internet", u, "Tcp")), ""},
		{"inline rule of an NSG fails", res(nsgType, "nsg", map[string]any{"networkSecurityGroupName": "n", "securityRules": []any{
			map[string]any{"name": "ok", "access": "Allow", "direction": "Inbound", "protocol": "Tcp", "sourceAddressPrefix": "10.0.0.0/8", "destinationPortRange": "22", "priority": 100.0},
			map[string]any{"name": "open-ssh", "access": "Allow", "direction": "Inbound", "protocol": "Tcp", "sourceAddressPrefix": "Internet", "destinationPortRange": "22", "priority": 110.0},
		}}), `open-ssh`},
		{"inline rule in ARM properties envelope fails", res(nsgType, "nsg", map[string]any{"securityRules": []any{
			map[string]any{"name": "arm", "properties": map[string]any{"access": "Allow", "direction": "Inbound", "protocol": "*", "sourceAddressPrefix": "*", "destinationPortRange": "*"}},
		}}), `arm`},
		{"NSG without rules passes", res(nsgType, "nsg", map[string]any{"networkSecurityGroupName": "n"}), ""},
		{"NSG with unknown rules cannot tell", res(nsgType, "nsg", map[string]any{"securityRules": u}), ""},
	})
}

func TestAKSDNSServiceIP(t *testing.T) {
	cluster := func(svc, dns any) Resource {
		np := map[string]any{"networkPlugin": "azure"}
		if svc != nil {
			np["serviceCidr"] = svc
		}
		if dns != nil {
			np["dnsServiceIP"] = dns
		}
		return res(aksType, "aks", map[string]any{"networkProfile": np})
	}
	mlAKS := func(svc, dns string) Resource {
		return res(computeType, "aks-compute", map[string]any{"properties": map[string]any{"computeType": "AKS",
			"properties": map[string]any{"aksNetworkingConfiguration": map[string]any{"serviceCidr": svc, "dnsServiceIP": dns}}}})
	}
	runResourceCases(t, "aks-dns-service-ip", []resourceCase{
		{".10 in the range passes", cluster("10.0.0.0/16", "10.0.0.10"), ""},
		{"no DNS IP passes", cluster("10.0.0.0/16", nil), ""},
		{"DNS IP alone inside the default range passes", cluster(nil, "10.0.0.10"), ""},
		{"outside the range fails", cluster("10.2.0.0/16", "10.0.0.10"), `outside the service range`},
		{"network address fails", cluster("10.0.0.0/16", "10.0.0.0"), `network address`},
		{".1 fails", cluster("10.0.0.0/16", "10.0.0.1"), `API server`},
		{"DNS IP alone outside the default range fails", cluster(nil, "10.1.0.10"), `AKS's default`},
		{"bad CIDR fails", cluster("10.0.0.0/33", "10.0.0.10"), `not a CIDR`},
		{"unknown range cannot tell", cluster(u, "10.0.0.1"), ""},
		{"unknown DNS IP cannot tell", cluster("10.0.0.0/16", u), ""},
		{"unknown network profile cannot tell", res(aksType, "aks", map[string]any{"networkProfile": u}), ""},
		{"ML AKS compute passes", mlAKS("10.0.0.0/16", "10.0.0.10"), ""},
		{"ML AKS compute .1 fails", mlAKS("10.0.0.0/16", "10.0.0.1"), `aksNetworkingConfiguration`},
	})
}

// trainingStack is the shape the root program deploys with outbound
// "restricted": an NSG, standalone rules naming it, a subnet using it and an
// AmlCompute cluster in the subnet. Names are known, as after `up`.
func trainingStack() []Resource {
	rule := func(name, dir, access, proto, src, dst string, ports []any, prio int) Resource {
		in := map[string]any{"networkSecurityGroupName": "amlvnet-vnet-training-nsg", "resourceGroupName": "amlvnet-prod",
			"securityRuleName": name, "direction": dir, "access": access, "protocol": proto, "sourceAddressPrefix": src,
			"destinationAddressPrefix": dst, "priority": float64(prio), "sourcePortRange": "*"}
		if len(ports) == 1 {
			in["destinationPortRange"] = ports[0]
		} else {
			in["destinationPortRanges"] = ports
		}
		return res("amlvnet:index:AmlComputeInVnet$"+ruleType, "training-"+name, in)
	}
	nsgID := "/subscriptions/s/resourceGroups/amlvnet-prod/providers/Microsoft.Network/networkSecurityGroups/amlvnet-vnet-training-nsg"
	subnetID := "/subscriptions/s/resourceGroups/amlvnet-prod/providers/Microsoft.Network/virtualNetworks/amlvnet-vnet/subnets/training"
	nsg := res("amlvnet:index:Network$"+nsgType, "network-training-nsg", map[string]any{"networkSecurityGroupName": "amlvnet-vnet-training-nsg", "resourceGroupName": "amlvnet-prod"})
	nsg.ID = nsgID
	subnet := res("amlvnet:index:Network$"+subnetType, "network-training-subnet", map[string]any{"subnetName": "training", "virtualNetworkName": "amlvnet-vnet",
		"resourceGroupName": "amlvnet-prod", "networkSecurityGroup": map[string]any{"id": nsgID}})
	subnet.ID = subnetID
	return []Resource{
		nsg, subnet,
		res("amlvnet:index:AmlComputeInVnet$"+computeType, "training-cluster", map[string]any{"computeName": "cpucluster", "properties": map[string]any{
			"computeType": "AmlCompute", "properties": map[string]any{"enableNodePublicIp": true, "subnet": map[string]any{"id": subnetID}}}}),
		rule("AllowBatchNodeManagementInbound", "Inbound", "Allow", "Tcp", "BatchNodeManagement", "VirtualNetwork", []any{"29876-29877"}, 100),
		rule("AllowAzureMachineLearningInbound", "Inbound", "Allow", "Tcp", "AzureMachineLearning", "VirtualNetwork", []any{"44224"}, 110),
		rule("AllowStorageOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "Storage.EastUS2", []any{"443", "445"}, 100),
		rule("AllowContainerRegistryOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "AzureContainerRegistry.EastUS2", []any{"443"}, 110),
		rule("AllowAzureMachineLearningOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "AzureMachineLearning", []any{"443", "8787", "18881"}, 120),
		rule("AllowAzureMachineLearningUdpOutbound", "Outbound", "Allow", "Udp", "VirtualNetwork", "AzureMachineLearning", []any{"5831"}, 130),
		rule("AllowAzureActiveDirectoryOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "AzureActiveDirectory", []any{"80", "443"}, 140),
		rule("AllowAzureResourceManagerOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "AzureResourceManager", []any{"443"}, 150),
		rule("AllowBatchNodeManagementOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "BatchNodeManagement.eastus2", []any{"443"}, 160),
		rule("AllowMicrosoftContainerRegistryOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "MicrosoftContainerRegistry", []any{"443"}, 170),
		rule("AllowFrontDoorFirstPartyOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "AzureFrontDoor.FirstParty", []any{"443"}, 180),
		rule("AllowFrontDoorFrontEndOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "AzureFrontDoor.FrontEnd", []any{"443"}, 190),
		rule("AllowAzureMonitorOutbound", "Outbound", "Allow", "Tcp", "VirtualNetwork", "AzureMonitor", []any{"443"}, 200),
		rule("DenyInternetOutbound", "Outbound", "Deny", "*", "VirtualNetwork", "Internet", []any{"*"}, 4096),
	}
}

// plus returns a new slice: the stack and more resources.
func plus(rs []Resource, more ...Resource) []Resource {
	return append(append([]Resource(nil), rs...), more...)
}

// edit returns the stack with the named resource changed or, with a nil
// change, removed.
func edit(rs []Resource, name string, change func(*Resource)) []Resource {
	var out []Resource
	found := false
	for _, r := range rs {
		if urnName(r.URN) == name {
			found = true
			if change == nil {
				continue
			}
			r.Inputs = clone(r.Inputs)
			change(&r)
		}
		out = append(out, r)
	}
	if !found {
		panic("no resource " + name)
	}
	return out
}

func clone(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if mm, ok := v.(map[string]any); ok {
			v = clone(mm)
		}
		out[k] = v
	}
	return out
}

// unknownNames makes every name and ID unknown, as in a preview of a new
// stack.
func unknownNames(rs []Resource) []Resource {
	var out []Resource
	for _, r := range rs {
		r.Inputs = clone(r.Inputs)
		r.ID = ""
		for _, k := range []string{"networkSecurityGroupName", "resourceGroupName", "virtualNetworkName"} {
			if _, ok := r.Inputs[k]; ok && !isNSG(r) {
				r.Inputs[k] = u
			}
		}
		if isSubnet(r) {
			r.Inputs["networkSecurityGroup"] = map[string]any{"id": u}
		}
		if isMLCompute(r) {
			with(r.Inputs, "properties.properties.subnet.id", u)
		}
		out = append(out, r)
	}
	return out
}

// withRefs adds the property dependencies the engine reports.
func withRefs(rs []Resource) []Resource {
	var nsg, subnet string
	for _, r := range rs {
		switch {
		case isNSG(r):
			nsg = r.URN
		case isSubnet(r):
			subnet = r.URN
		}
	}
	var out []Resource
	for _, r := range rs {
		switch {
		case isSecurityRule(r):
			r.Refs = map[string][]string{"networkSecurityGroupName": {nsg}}
		case isSubnet(r):
			r.Refs = map[string][]string{"networkSecurityGroup": {nsg}}
		case isMLCompute(r):
			r.Refs = map[string][]string{"properties": {subnet}}
		}
		out = append(out, r)
	}
	return out
}

type stackCase struct {
	name      string
	resources []Resource
	want      string // regexp of the single violation's message; "" for none
}

// runStackCases runs an NSG stack policy over each case: the violation, if
// any, is on the NSG.
func runStackCases(t *testing.T, policy string, cases []stackCase) {
	t.Helper()
	runStackCasesOn(t, policy, cases, func(_ int, urn string) (bool, string) {
		return strings.Contains(urn, "NetworkSecurityGroup"), "the NSG"
	})
}

// runStackCasesOn runs a stack policy over each case: want is a regexp of the
// single violation's message ("" for none), reported by that policy on a
// resource whose URN on accepts (on names it for the error).
func runStackCasesOn(t *testing.T, policy string, cases []stackCase, on func(i int, urn string) (bool, string)) {
	t.Helper()
	p, ok := Lookup(policy)
	if !ok || p.Stack == nil {
		t.Fatalf("no stack policy %q", policy)
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vs := Run(p, c.resources)
			if c.want == "" {
				if len(vs) > 0 {
					t.Fatalf("want no violation, got %+v", vs)
				}
				return
			}
			if len(vs) != 1 {
				t.Fatalf("want one violation matching %q, got %+v", c.want, vs)
			}
			if onIt, where := on(i, vs[0].URN); vs[0].Policy != policy || !onIt {
				t.Errorf("violation %+v: want policy %s on %s", vs[0], policy, where)
			}
			if !regexp.MustCompile(c.want).MatchString(vs[0].Message) {
				t.Errorf("message %q does not match %q", vs[0].Message, c.want)
			}
		})
	}
}

func TestAmlComputeNSGInbound(t *testing.T) {
	noBatch := edit(trainingStack(), "training-AllowBatchNodeManagementInbound", nil)
	runStackCases(t, "amlcompute-nsg-inbound", []stackCase{
		{"program's rules pass", trainingStack(), ""},
		{"missing Batch rule fails", noBatch, `no inbound rule allowing TCP 29876-29877 from BatchNodeManagement`},
		{"missing 44224 rule fails", edit(trainingStack(), "training-AllowAzureMachineLearningInbound", nil), `TCP 44224 from AzureMachineLearning`},
		{"Batch rule on one port only fails", edit(trainingStack(), "training-AllowBatchNodeManagementInbound", func(r *Resource) { r.Inputs["destinationPortRange"] = "29876" }), `29876-29877`},
		{"Batch rule as Deny fails", edit(trainingStack(), "training-AllowBatchNodeManagementInbound", func(r *Resource) { r.Inputs["access"] = "Deny" }), `BatchNodeManagement`},
		{"regional tag passes", edit(trainingStack(), "training-AllowBatchNodeManagementInbound", func(r *Resource) { r.Inputs["sourceAddressPrefix"] = "BatchNodeManagement.EastUS2" }), ""},
		{"rule on another NSG does not count", edit(trainingStack(), "training-AllowBatchNodeManagementInbound", func(r *Resource) { r.Inputs["networkSecurityGroupName"] = "other-nsg" }), `BatchNodeManagement`},
		{"compute without public IP needs no inbound rule", edit(noBatch, "training-cluster", func(r *Resource) {
			with(r.Inputs, "properties.properties.enableNodePublicIp", false)
		}), ""},
		{"non-AmlCompute is ignored", edit(noBatch, "training-cluster", func(r *Resource) { with(r.Inputs, "properties.computeType", "VirtualMachine") }), ""},
		{"matched by VNet and subnet name when IDs are unknown", func() []Resource {
			rs := edit(noBatch, "network-training-subnet", func(r *Resource) { r.ID = "" })
			return rs
		}(), `BatchNodeManagement`},
		{"NSG matched by name when its ID is unknown", edit(noBatch, "network-training-nsg", func(r *Resource) { r.ID = "" }), `BatchNodeManagement`},
		{"subnet without NSG has nothing to check", edit(noBatch, "network-training-subnet", func(r *Resource) { delete(r.Inputs, "networkSecurityGroup") }), ""},
		{"preview with unknown names cannot tell", unknownNames(noBatch), ""},
		{"preview with property dependencies still tells", withRefs(unknownNames(noBatch)), `BatchNodeManagement`},
		{"preview with property dependencies passes the program's rules", withRefs(unknownNames(trainingStack())), ""},
		{"a rule whose NSG is unknown may be the missing one", plus(noBatch, res(ruleType, "late-batch-rule", map[string]any{
			"networkSecurityGroupName": u, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
			"sourceAddressPrefix": "BatchNodeManagement", "destinationPortRange": "29876-29877", "priority": 300.0})), ""},
		{"a rule on an unknown NSG that cannot match changes nothing", plus(noBatch, res(ruleType, "late-https-rule", map[string]any{
			"networkSecurityGroupName": u, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
			"sourceAddressPrefix": "Internet", "destinationPortRange": "443", "priority": 300.0})), `BatchNodeManagement`},
	})
}

func TestRestrictedOutboundAllowsAzureML(t *testing.T) {
	runStackCases(t, "restricted-outbound-allows-azureml", []stackCase{
		{"program's rules pass", trainingStack(), ""},
		{"no deny, nothing to check", edit(edit(trainingStack(), "training-DenyInternetOutbound", nil), "training-AllowStorageOutbound", nil), ""},
		{"missing Storage allow fails", edit(trainingStack(), "training-AllowStorageOutbound", nil), `below 4096 for Storage \(TCP 443\);`},
		{"missing AAD and ARM allows fail in one message", edit(edit(trainingStack(), "training-AllowAzureActiveDirectoryOutbound", nil), "training-AllowAzureResourceManagerOutbound", nil), `AzureActiveDirectory \(TCP 80, 443\), AzureResourceManager \(TCP 443\)`},
		{"allow after the deny fails", edit(trainingStack(), "training-DenyInternetOutbound", func(r *Resource) { r.Inputs["priority"] = 130.0 }), `below 130 for AzureMachineLearning \(UDP 5831\), AzureActiveDirectory.*AzureResourceManager.*BatchNodeManagement`},
		{"allow on the wrong port fails", edit(trainingStack(), "training-AllowContainerRegistryOutbound", func(r *Resource) { r.Inputs["destinationPortRange"] = "80" }), `AzureContainerRegistry`},
		{"Entra ID on 443 only fails", edit(trainingStack(), "training-AllowAzureActiveDirectoryOutbound", func(r *Resource) { r.Inputs["destinationPortRanges"] = []any{"443"} }), `AzureActiveDirectory \(TCP 80, 443\)`},
		{"missing UDP 5831 fails", edit(trainingStack(), "training-AllowAzureMachineLearningUdpOutbound", nil), `AzureMachineLearning \(UDP 5831\)`},
		{"missing Azure Monitor fails", edit(trainingStack(), "training-AllowAzureMonitorOutbound", nil), `AzureMonitor \(TCP 443\)`},
		{"Front Door front end is not needed in 21Vianet's cloud", edit(edit(trainingStack(), "training-AllowFrontDoorFrontEndOutbound", nil), "network-training-nsg", func(r *Resource) { r.Inputs["location"] = "chinanorth3" }), ""},
		{"Front Door front end is needed elsewhere", edit(edit(trainingStack(), "training-AllowFrontDoorFrontEndOutbound", nil), "network-training-nsg", func(r *Resource) { r.Inputs["location"] = "eastus2" }), `AzureFrontDoor.FrontEnd`},
		{"deny to * counts as a deny to the Internet", edit(edit(trainingStack(), "training-DenyInternetOutbound", func(r *Resource) { r.Inputs["destinationAddressPrefix"] = "*" }), "training-AllowStorageOutbound", nil), `Storage`},
		{"deny of port 25 only is not a restriction", edit(edit(trainingStack(), "training-DenyInternetOutbound", func(r *Resource) { r.Inputs["destinationPortRange"] = "25" }), "training-AllowStorageOutbound", nil), ""},
		{"unknown deny priority cannot tell", edit(edit(trainingStack(), "training-DenyInternetOutbound", func(r *Resource) { r.Inputs["priority"] = u }), "training-AllowStorageOutbound", nil), ""},
		{"unknown allow priority cannot tell", edit(trainingStack(), "training-AllowStorageOutbound", func(r *Resource) { r.Inputs["priority"] = u }), ""},
		{"preview with unknown names cannot tell", unknownNames(edit(trainingStack(), "training-AllowStorageOutbound", nil)), ""},
		{"preview with property dependencies still tells", withRefs(unknownNames(edit(trainingStack(), "training-AllowStorageOutbound", nil))), `Storage`},
		{"inline rules count", []Resource{res(nsgType, "inline-nsg", map[string]any{"networkSecurityGroupName": "n", "securityRules": []any{
			map[string]any{"name": "deny", "direction": "Outbound", "access": "Deny", "protocol": "*", "destinationAddressPrefix": "Internet", "destinationPortRange": "*", "priority": 4000.0},
			map[string]any{"name": "storage", "direction": "Outbound", "access": "Allow", "protocol": "Tcp", "destinationAddressPrefix": "Storage", "destinationPortRange": "443", "priority": 100.0},
		}})}, `AzureContainerRegistry \(TCP 443\), AzureMachineLearning \(TCP 443, 8787, 18881\), AzureMachineLearning \(UDP 5831\), AzureActiveDirectory \(TCP 80, 443\), AzureResourceManager \(TCP 443\), BatchNodeManagement`},
	})
}

func TestAllPoliciesWellFormed(t *testing.T) {
	names := map[string]bool{}
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, p := range All() {
		if !kebab.MatchString(p.Name) || names[p.Name] {
			t.Errorf("policy name %q is not kebab-case or is repeated", p.Name)
		}
		names[p.Name] = true
		if (p.Resource == nil) == (p.Stack == nil) {
			t.Errorf("%s: exactly one of Resource and Stack must be set", p.Name)
		}
		if p.Enforcement != Mandatory && p.Enforcement != Advisory {
			t.Errorf("%s: enforcement %q", p.Name, p.Enforcement)
		}
		if p.Description == "" || p.Source == "" {
			t.Errorf("%s: description and source are required", p.Name)
		}
	}
}

func TestCheckProgramShapedStackIsClean(t *testing.T) {
	rs := plus(trainingStack(),
		res("amlvnet:index:SecureStorage$"+storageType, "workspacestorage", secureStorage()),
		res("amlvnet:index:SecureStorage$"+storageType, "inferencestorage", with(secureStorage(), "networkRuleSet", map[string]any{"defaultAction": "Allow", "bypass": "AzureServices"})),
		res("amlvnet:index:SecureKeyVault$"+vaultType, "key-vault", secureVault()),
		res(aksType, "inference-cluster", map[string]any{"networkProfile": map[string]any{"serviceCidr": "10.0.0.0/16", "dnsServiceIP": "10.0.0.10"}}),
	)
	if vs := Check(rs); len(vs) > 0 {
		t.Fatalf("want no violations, got %+v", vs)
	}
	bad := edit(rs, "workspacestorage", func(r *Resource) { r.Inputs["minimumTlsVersion"] = "TLS1_0" })
	vs := Check(bad)
	if len(vs) != 1 || vs[0].Policy != "storage-min-tls-1-2" || !strings.HasSuffix(vs[0].URN, "::workspacestorage") {
		t.Fatalf("want one storage-min-tls-1-2 violation on workspacestorage, got %+v", vs)
	}
}

const (
	registryType  = "azure-native:containerregistry:Registry"
	workspaceType = "azure-native:machinelearningservices:Workspace"
	endpointType  = "azure-native:network:PrivateEndpoint"
	isolatedRG    = "/subscriptions/s/resourceGroups/amlvnet-isolated"
)

// isolatedStack is what the root program deploys with isolation
// privateEndpoints, as after `up` (IDs known): the four targets with public
// network access off, and an endpoint per sub-resource.
func isolatedStack() []Resource {
	target := func(typ, name, id string, inputs map[string]any) Resource {
		r := res(typ, name, inputs)
		r.ID = isolatedRG + "/providers/" + id
		return r
	}
	storageID := isolatedRG + "/providers/Microsoft.Storage/storageAccounts/workspacestorage1a2b"
	endpoint := func(name, group, id string) Resource {
		return res("amlvnet:index:PrivateEndpoints$"+endpointType, "private-endpoints-"+name, map[string]any{
			"resourceGroupName": "amlvnet-isolated", "subnet": map[string]any{"id": u},
			"privateLinkServiceConnections": []any{map[string]any{"name": name, "groupIds": []any{group}, "privateLinkServiceId": id}},
		})
	}
	return []Resource{
		target("amlvnet:index:SecureStorage$"+storageType, "workspacestorage", "Microsoft.Storage/storageAccounts/workspacestorage1a2b",
			with(with(secureStorage(), "publicNetworkAccess", "Disabled"), "networkRuleSet.virtualNetworkRules", []any{})),
		target("amlvnet:index:SecureKeyVault$"+vaultType, "key-vault", "Microsoft.KeyVault/vaults/key-vault9f8e",
			with(secureVault(), "properties.publicNetworkAccess", "Disabled")),
		target("amlvnet:index:MLWorkspace$"+registryType, "workspaceacr", "Microsoft.ContainerRegistry/registries/workspaceacr77aa",
			map[string]any{"sku": map[string]any{"name": "Premium"}, "publicNetworkAccess": "Disabled", "networkRuleSet": map[string]any{"defaultAction": "Deny"}}),
		target("amlvnet:index:MLWorkspace$"+workspaceType, "workspace", "Microsoft.MachineLearningServices/workspaces/amlvnet-isolated-ws",
			map[string]any{"workspaceName": "amlvnet-isolated-ws", "resourceGroupName": "amlvnet-isolated", "publicNetworkAccess": "Disabled"}),
		endpoint("workspace", "amlworkspace", isolatedRG+"/providers/Microsoft.MachineLearningServices/workspaces/amlvnet-isolated-ws"),
		endpoint("storage-blob", "blob", storageID),
		endpoint("storage-file", "file", storageID),
		endpoint("keyvault", "vault", isolatedRG+"/providers/Microsoft.KeyVault/vaults/key-vault9f8e"),
		endpoint("registry", "registry", isolatedRG+"/providers/Microsoft.ContainerRegistry/registries/workspaceacr77aa"),
	}
}

// previewed turns the stack into a preview of a new stack: IDs unknown, the
// endpoints' privateLinkServiceId unknown; with refs, the engine's property
// dependencies name each endpoint's target.
func previewed(rs []Resource, refs bool) []Resource {
	byID := map[string]string{}
	for _, r := range rs {
		if r.ID != "" {
			byID[r.ID] = r.URN
		}
	}
	var out []Resource
	for _, r := range rs {
		r.Inputs = clone(r.Inputs)
		r.ID = ""
		if isPrivateEndpoint(r) {
			conn := clone(r.Inputs["privateLinkServiceConnections"].([]any)[0].(map[string]any))
			if refs {
				r.Refs = map[string][]string{"privateLinkServiceConnections": {byID[conn["privateLinkServiceId"].(string)]}, "subnet": {urn(subnetType, "pe-subnet")}}
			}
			conn["privateLinkServiceId"] = u
			r.Inputs["privateLinkServiceConnections"] = []any{conn}
		}
		out = append(out, r)
	}
	return out
}

func TestNoPublicAccessWithPrivateEndpoint(t *testing.T) {
	const policy = "no-public-access-with-private-endpoint"
	p, ok := Lookup(policy)
	if !ok || p.Stack == nil || p.Enforcement != Mandatory {
		t.Fatalf("want a mandatory stack policy %q", policy)
	}
	set := func(name, path string, v any) func([]Resource) []Resource {
		return func(rs []Resource) []Resource {
			return edit(rs, name, func(r *Resource) { with(r.Inputs, path, v) })
		}
	}
	// open admits a developer range through the storage account's firewall:
	// with public access on, it is then reachable from a public network.
	open := set("workspacestorage", "networkRuleSet.ipRules", []any{map[string]any{"iPAddressOrRange": "203.0.113.0/29"}})
	cases := []struct {
		name string
		rs   []Resource
		// onURN is the name of the resource the single violation is on; ""
		// for no violation.
		onURN, want string
	}{
		{"program's isolated stack passes", isolatedStack(), "", ""},
		{"lower-case disabled passes", set("key-vault", "properties.publicNetworkAccess", "disabled")(isolatedStack()), "", ""},
		{"storage with public access Enabled fails, naming both endpoints", open(set("workspacestorage", "publicNetworkAccess", "Enabled")(isolatedStack())),
			"workspacestorage", `^storage account workspacestorage is reached through private endpoint\(s\) private-endpoints-storage-blob, private-endpoints-storage-file but its publicNetworkAccess is "Enabled".*set publicNetworkAccess to Disabled`},
		{"storage with public access not set fails", open(set("workspacestorage", "publicNetworkAccess", nil)(isolatedStack())),
			"workspacestorage", `publicNetworkAccess is not set \(Azure's default is Enabled\)`},
		{"vault with public access Enabled fails", set("key-vault", "properties.publicNetworkAccess", "Enabled")(isolatedStack()),
			"key-vault", `^key vault key-vault .*private-endpoints-keyvault.*properties.publicNetworkAccess is "Enabled"`},
		{"vault with publicNetworkAccess outside properties fails", set("key-vault", "publicNetworkAccess", "Disabled")(set("key-vault", "properties.publicNetworkAccess", nil)(isolatedStack())),
			"key-vault", `properties.publicNetworkAccess is not set`},
		{"registry with public access not set fails", set("workspaceacr", "publicNetworkAccess", nil)(isolatedStack()),
			"workspaceacr", `^container registry workspaceacr .*private-endpoints-registry`},
		{"workspace with public access Enabled fails", set("workspace", "publicNetworkAccess", "Enabled")(isolatedStack()),
			"workspace", `^ML workspace amlvnet-isolated-ws .*private-endpoints-workspace.*"Enabled"`},
		{"unknown public access cannot tell", set("workspacestorage", "publicNetworkAccess", u)(isolatedStack()), "", ""},
		{"storage with public access on behind a closed firewall passes", set("workspacestorage", "publicNetworkAccess", "Enabled")(isolatedStack()), "", ""},
		{"storage firewall allowing by default fails", set("workspacestorage", "networkRuleSet.defaultAction", "Allow")(set("workspacestorage", "publicNetworkAccess", "Enabled")(isolatedStack())),
			"workspacestorage", `publicNetworkAccess is "Enabled"`},
		{"storage firewall admitting a subnet fails", set("workspacestorage", "networkRuleSet.virtualNetworkRules", []any{map[string]any{"virtualNetworkResourceId": "x"}})(set("workspacestorage", "publicNetworkAccess", "Enabled")(isolatedStack())),
			"workspacestorage", `publicNetworkAccess is "Enabled"`},
		{"unknown storage firewall rules cannot tell", set("workspacestorage", "networkRuleSet.ipRules", u)(set("workspacestorage", "publicNetworkAccess", "Enabled")(isolatedStack())), "", ""},
		{"unknown vault properties cannot tell", edit(isolatedStack(), "key-vault", func(r *Resource) { r.Inputs["properties"] = u }), "", ""},
		{"an account no endpoint reaches may stay public", plus(isolatedStack(), res(storageType, "inferencestorage", secureStorage())), "", ""},
		{"an endpoint to a resource outside the stack changes nothing", set("private-endpoints-registry", "privateLinkServiceConnections",
			[]any{map[string]any{"privateLinkServiceId": "/subscriptions/s/resourceGroups/other/providers/Microsoft.ContainerRegistry/registries/shared"}})(
			set("workspaceacr", "publicNetworkAccess", "Enabled")(isolatedStack())), "", ""},
		{"preview without dependencies cannot tell", previewed(open(set("workspacestorage", "publicNetworkAccess", "Enabled")(isolatedStack())), false), "", ""},
		{"preview with dependencies still tells", previewed(open(set("workspacestorage", "publicNetworkAccess", "Enabled")(isolatedStack())), true),
			"workspacestorage", `private-endpoints-storage-blob, private-endpoints-storage-file`},
		{"preview with dependencies passes the program's stack", previewed(isolatedStack(), true), "", ""},
		{"whole connection list unknown, one dependency, still tells", edit(previewed(set("workspace", "publicNetworkAccess", nil)(isolatedStack()), true),
			"private-endpoints-workspace", func(r *Resource) { r.Inputs["privateLinkServiceConnections"] = u }), "workspace", `private-endpoints-workspace`},
		{"two unknown connections cannot tell which is which", edit(previewed(set("workspace", "publicNetworkAccess", nil)(isolatedStack()), true),
			"private-endpoints-workspace", func(r *Resource) {
				c := r.Inputs["privateLinkServiceConnections"].([]any)[0]
				r.Inputs["manualPrivateLinkServiceConnections"] = []any{c}
			}), "", ""},
		{"target ID unknown, matched by name and resource group", edit(set("workspace", "publicNetworkAccess", "Enabled")(isolatedStack()), "workspace",
			func(r *Resource) { r.ID = "" }), "workspace", `amlvnet-isolated-ws`},
		{"a Log Analytics workspace ID does not match an ML workspace", edit(edit(set("workspace", "publicNetworkAccess", "Enabled")(isolatedStack()), "workspace",
			func(r *Resource) { r.ID = "" }), "private-endpoints-workspace", func(r *Resource) {
			r.Inputs["privateLinkServiceConnections"] = []any{map[string]any{"privateLinkServiceId": isolatedRG + "/providers/Microsoft.OperationalInsights/workspaces/amlvnet-isolated-ws"}}
		}), "", ""},
		{"manual connections count", edit(open(set("workspacestorage", "publicNetworkAccess", "Enabled")(isolatedStack())), "private-endpoints-storage-blob", func(r *Resource) {
			r.Inputs["manualPrivateLinkServiceConnections"], r.Inputs["privateLinkServiceConnections"] = r.Inputs["privateLinkServiceConnections"], nil
		}), "workspacestorage", `private-endpoints-storage-blob, private-endpoints-storage-file`},
		{"ARM properties envelope counts", edit(set("workspaceacr", "publicNetworkAccess", "Enabled")(isolatedStack()), "private-endpoints-registry", func(r *Resource) {
			r.Inputs["privateLinkServiceConnections"] = []any{map[string]any{"name": "registry", "properties": map[string]any{
				"privateLinkServiceId": isolatedRG + "/providers/Microsoft.ContainerRegistry/registries/workspaceacr77aa", "groupIds": []any{"registry"}}}}
		}), "workspaceacr", `private-endpoints-registry`},
		{"explicit API version in the type token", edit(open(set("workspacestorage", "publicNetworkAccess", "Enabled")(isolatedStack())), "workspacestorage", func(r *Resource) {
			r.Type = "azure-native:storage/v20230101:StorageAccount"
		}), "workspacestorage", `storage account`},
		{"IDs compare case-insensitively", edit(set("workspaceacr", "publicNetworkAccess", "Enabled")(isolatedStack()), "workspaceacr", func(r *Resource) {
			r.ID = strings.ToUpper(r.ID)
		}), "workspaceacr", `container registry`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vs := Run(p, c.rs)
			if c.onURN == "" {
				if len(vs) > 0 {
					t.Fatalf("want no violation, got %+v", vs)
				}
				return
			}
			if len(vs) != 1 {
				t.Fatalf("want one violation on %s, got %+v", c.onURN, vs)
			}
			if vs[0].Policy != policy || urnName(vs[0].URN) != c.onURN {
				t.Errorf("violation %+v: want policy %s on %s", vs[0], policy, c.onURN)
			}
			if !regexp.MustCompile(c.want).MatchString(vs[0].Message) {
				t.Errorf("message %q does not match %q", vs[0].Message, c.want)
			}
		})
	}
	// Every policy passes the program's isolated stack.
	if vs := Check(isolatedStack()); len(vs) > 0 {
		t.Errorf("the isolated stack violates %+v", vs)
	}
}

func TestInferenceComputeKubernetes(t *testing.T) {
	compute := func(ct any, tags map[string]any) Resource {
		in := map[string]any{"computeName": "aks-scoring", "properties": map[string]any{"computeType": ct}}
		if tags != nil {
			in["tags"] = tags
		}
		return res(computeType, "inference-compute", in)
	}
	runResourceCases(t, "inference-compute-kubernetes", []resourceCase{
		{"Kubernetes passes", compute("Kubernetes", nil), ""},
		{"AmlCompute is not inference", compute("AmlCompute", nil), ""},
		{"legacy AKS fails", compute("AKS", nil), `compute aks-scoring attaches its AKS cluster as the legacy AKS compute.*aks.computeType Kubernetes.*amlvnet:computeType=AKS`},
		{"legacy AKS with other tags fails", compute("AKS", map[string]any{"env": "prod"}), `legacy AKS compute`},
		{"legacy AKS chosen on purpose passes", compute("AKS", map[string]any{LegacyComputeTag: "AKS"}), ""},
		{"unknown type cannot tell", compute(u, nil), ""},
		{"unknown tag cannot tell", compute("AKS", map[string]any{LegacyComputeTag: u}), ""},
		{"not a compute", res(aksType, "aks", map[string]any{"properties": map[string]any{"computeType": "AKS"}}), ""},
	})
}

// inferenceStack is the root program's AKS inference after up: the
// workspace's storage, the cluster in the AKS subnet, its Kubernetes compute.
func inferenceStack(admitted ...any) []Resource {
	const rg = "/subscriptions/s/resourceGroups/amlvnet-prod/providers/"
	storageID, clusterID := rg+"Microsoft.Storage/storageAccounts/workspacestorage1a2b", rg+"Microsoft.ContainerService/managedClusters/amlvnet-prod-aks"
	var rules []any
	for _, a := range admitted {
		rules = append(rules, map[string]any{"virtualNetworkResourceId": a, "action": "Allow"})
	}
	account := res(storageType, "workspacestorage", with(secureStorage(), "networkRuleSet.virtualNetworkRules", rules))
	account.ID = storageID
	ws := res(workspaceType, "workspace", map[string]any{"workspaceName": "amlvnet-prod-ws", "resourceGroupName": "amlvnet-prod", "storageAccount": storageID})
	ws.ID = rg + "Microsoft.MachineLearningServices/workspaces/amlvnet-prod-ws"
	cluster := res(aksType, "inference-cluster", map[string]any{"resourceName": "amlvnet-prod-aks", "resourceGroupName": "amlvnet-prod",
		"agentPoolProfiles": []any{map[string]any{"name": "system", "vnetSubnetID": aksSubnetID}}})
	cluster.ID = clusterID
	compute := res(computeType, "inference-compute", map[string]any{"workspaceName": "amlvnet-prod-ws", "resourceGroupName": "amlvnet-prod", "computeName": "aks-scoring",
		"properties": map[string]any{"computeType": "Kubernetes", "resourceId": clusterID}})
	return []Resource{account, ws, cluster, compute}
}

const (
	trainingSubnetID = "/subscriptions/s/resourceGroups/amlvnet-prod/providers/Microsoft.Network/virtualNetworks/amlvnet-vnet/subnets/training"
	aksSubnetID      = "/subscriptions/s/resourceGroups/amlvnet-prod/providers/Microsoft.Network/virtualNetworks/amlvnet-vnet/subnets/aks"
)

func TestAKSSubnetAdmittedToStorage(t *testing.T) {
	p, _ := Lookup("aks-subnet-admitted-to-storage")
	clean := inferenceStack(trainingSubnetID, strings.ToUpper(aksSubnetID))
	if vs := Run(p, clean); len(vs) != 0 {
		t.Errorf("the AKS subnet is admitted (IDs compare case-insensitively): %+v", vs)
	}
	vs := Run(p, inferenceStack(trainingSubnetID))
	if len(vs) != 1 || !strings.HasSuffix(vs[0].URN, "::workspacestorage") ||
		!strings.Contains(vs[0].Message, "no VNet rule for subnet "+aksSubnetID+" of AKS cluster amlvnet-prod-aks") {
		t.Fatalf("want one violation on the workspace storage naming the AKS subnet, got %+v", vs)
	}
	legacy := edit(inferenceStack(trainingSubnetID), "inference-compute", func(r *Resource) { r.Inputs["properties"].(map[string]any)["computeType"] = "AKS" })
	if vs := Run(p, legacy); len(vs) != 1 {
		t.Errorf("the legacy compute reads the storage too: %+v", vs)
	}
	for name, stack := range map[string][]Resource{
		"private account": edit(inferenceStack(trainingSubnetID), "workspacestorage", func(r *Resource) { r.Inputs["publicNetworkAccess"] = "Disabled" }),
		"open account": edit(inferenceStack(trainingSubnetID), "workspacestorage", func(r *Resource) {
			r.Inputs["networkRuleSet"] = map[string]any{"defaultAction": "Allow"}
		}),
		"rules unknown": edit(inferenceStack(trainingSubnetID), "workspacestorage", func(r *Resource) {
			r.Inputs["networkRuleSet"].(map[string]any)["virtualNetworkRules"] = u
		}),
		"a rule unknown": inferenceStack(trainingSubnetID, u),
		"subnet unknown": edit(inferenceStack(trainingSubnetID), "inference-cluster", func(r *Resource) {
			r.Inputs["agentPoolProfiles"] = []any{map[string]any{"vnetSubnetID": u}}
		}),
		"cluster not attached": inferenceStack(trainingSubnetID)[:3],
		// Microsoft's secure template keeps public access on behind a closed
		// firewall when the account has private endpoints.
		"account behind a private endpoint": plus(inferenceStack(trainingSubnetID), res(endpointType, "private-endpoints-storage-blob", map[string]any{
			"privateLinkServiceConnections": []any{map[string]any{"groupIds": []any{"blob"}, "privateLinkServiceId": "/subscriptions/s/resourceGroups/amlvnet-prod/providers/Microsoft.Storage/storageAccounts/workspacestorage1a2b"}}})),
		"an endpoint's target unknown": plus(inferenceStack(trainingSubnetID), res(endpointType, "private-endpoints-storage-blob", map[string]any{
			"privateLinkServiceConnections": []any{map[string]any{"groupIds": []any{"blob"}, "privateLinkServiceId": u}}})),
		"training compute only": edit(inferenceStack(trainingSubnetID), "inference-compute", func(r *Resource) {
			r.Inputs["properties"] = map[string]any{"computeType": "AmlCompute"}
		}),
	} {
		if vs := Run(p, stack); len(vs) != 0 {
			t.Errorf("%s: cannot tell or not concerned, got %+v", name, vs)
		}
	}
	// An endpoint to another resource leaves the account to the rule.
	vault := plus(inferenceStack(trainingSubnetID), res(endpointType, "private-endpoints-keyvault", map[string]any{
		"privateLinkServiceConnections": []any{map[string]any{"groupIds": []any{"vault"}, "privateLinkServiceId": "/subscriptions/s/resourceGroups/amlvnet-prod/providers/Microsoft.KeyVault/vaults/kv"}}}))
	if vs := Run(p, vault); len(vs) != 1 {
		t.Errorf("an endpoint to the vault does not reach the storage: want the violation, got %+v", vs)
	}
	// In a preview of a new stack, IDs are unknown and the engine's
	// property dependencies link the compute, cluster, workspace and account.
	preview := edit(inferenceStack(trainingSubnetID), "inference-compute", func(r *Resource) {
		r.Inputs["properties"].(map[string]any)["resourceId"] = u
		r.Refs = map[string][]string{"properties": {urn(aksType, "inference-cluster")}}
	})
	preview = edit(preview, "workspace", func(r *Resource) {
		r.Inputs["storageAccount"] = u
		r.Refs = map[string][]string{"storageAccount": {urn(storageType, "workspacestorage")}}
	})
	if vs := Run(p, preview); len(vs) != 1 {
		t.Errorf("linked by property dependencies: want the violation, got %+v", vs)
	}
}

// TestCheckOrdersByURN: Check reports grouped by policy in All's order,
// then in URN order whatever the order of the resources.
func TestCheckOrdersByURN(t *testing.T) {
	weak := func(name string) Resource {
		return res(storageType, name, with(with(secureStorage(), "minimumTlsVersion", "TLS1_0"), "enableHttpsTrafficOnly", false))
	}
	vs := Check([]Resource{weak("zeta"), weak("alpha")})
	var got []string
	for _, v := range vs {
		got = append(got, urnName(v.URN)+" "+v.Policy)
	}
	want := []string{"alpha storage-min-tls-1-2", "zeta storage-min-tls-1-2", "alpha storage-https-only", "zeta storage-https-only"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestValuesAsAzureAndTheEngineGiveThem: numbers come as float64 or Go
// integers, and Azure takes a priority as a numeric string too; lists as
// []any, []string or []map[string]any; an unknown element makes a list
// incomplete, a null one does not.
func TestValuesAsAzureAndTheEngineGiveThem(t *testing.T) {
	for _, c := range []struct {
		v    any
		want int
		st   state
	}{
		{100, 100, known}, {int32(110), 110, known}, {int64(120), 120, known}, {130.0, 130, known},
		{" 4096 ", 4096, known}, {"100", 100, known},
		{130.5, 0, unknown}, {"1e3", 0, unknown}, {"x", 0, unknown}, {true, 0, unknown}, {u, 0, unknown},
	} {
		if n, st := getInt(map[string]any{"priority": c.v}, "priority"); n != c.want || st != c.st {
			t.Errorf("getInt(%#v) = %d, %v; want %d, %v", c.v, n, st, c.want, c.st)
		}
	}
	if _, st := getInt(map[string]any{}, "priority"); st != missing {
		t.Errorf("a missing priority: %v", st)
	}
	for _, c := range []struct {
		list     any
		want     string
		complete bool
	}{
		{[]any{"a", "b"}, "s,a,b", true},
		{[]string{"a"}, "s,a", true},
		{[]any{"a", nil}, "s,a", true},
		{[]any{"a", u}, "s,a", false},
		{[]any{"a", 3.0}, "s,a", false},
		{u, "s", false},
		{7.0, "s", false},
	} {
		got, complete := stringsOf(map[string]any{"one": "s", "many": c.list}, "one", "many")
		if strings.Join(got, ",") != c.want || complete != c.complete {
			t.Errorf("stringsOf(%#v) = %v, %v; want %s, %v", c.list, got, complete, c.want, c.complete)
		}
	}
	if l, st := getList(map[string]any{"l": []map[string]any{{"id": "x"}}}, "l"); st != known || len(l) != 1 || l[0].(map[string]any)["id"] != "x" {
		t.Errorf("a []map[string]any list: %v %v", l, st)
	}
}

// TestRuleMembershipByIDAndName: with no property dependencies, a
// standalone rule belongs to an NSG by its ID under the NSG's, else by the
// NSG's name in its inputs; a rule with neither belongs to none.
func TestRuleMembershipByIDAndName(t *testing.T) {
	p, _ := Lookup("restricted-outbound-allows-azureml")
	const nsgID = "/subscriptions/s/resourceGroups/amlvnet-prod/providers/Microsoft.Network/networkSecurityGroups/amlvnet-vnet-training-nsg"
	byID := func(under string) []Resource {
		var out []Resource
		for _, r := range trainingStack() {
			if r.Type == ruleType {
				r.Inputs = clone(r.Inputs)
				delete(r.Inputs, "networkSecurityGroupName")
				r.ID = under + "/securityRules/" + urnName(r.URN)
			}
			out = append(out, r)
		}
		return out
	}
	// The allows are the NSG's: clean. Without its allow to Storage, the
	// deny still is, and the rule reports.
	if vs := Run(p, byID(strings.ToUpper(nsgID))); len(vs) != 0 {
		t.Errorf("rules under the NSG's ID (compared without case): %+v", vs)
	}
	if vs := Run(p, edit(byID(nsgID), "training-AllowStorageOutbound", nil)); len(vs) != 1 {
		t.Errorf("want the missing Storage allow reported, got %+v", vs)
	}
	// Rules under another NSG's ID are not this NSG's: nothing to judge.
	if vs := Run(p, edit(byID(nsgID+"-other"), "training-AllowStorageOutbound", nil)); len(vs) != 0 {
		t.Errorf("rules of another NSG: %+v", vs)
	}
	// No name, no ID: the rule is nobody's.
	orphans := edit(byID(""), "training-AllowStorageOutbound", nil)
	for i := range orphans {
		if orphans[i].Type == ruleType {
			orphans[i].ID = ""
		}
	}
	if vs := Run(p, orphans); len(vs) != 0 {
		t.Errorf("rules naming no NSG: %+v", vs)
	}
}

// TestStorageFoundByNameWhenItsIDIsUnknown: the workspace names its account
// by an ID while the account's own ID is not known yet (a preview that
// replaces it): the account is found by its name and resource group.
func TestStorageFoundByNameWhenItsIDIsUnknown(t *testing.T) {
	p, _ := Lookup("aks-subnet-admitted-to-storage")
	named := func(rg string) []Resource {
		return edit(inferenceStack(trainingSubnetID), "workspacestorage", func(r *Resource) {
			r.ID = ""
			r.Inputs["accountName"], r.Inputs["resourceGroupName"] = "workspacestorage1a2b", rg
		})
	}
	if vs := Run(p, named("amlvnet-prod")); len(vs) != 1 || !strings.HasSuffix(vs[0].URN, "::workspacestorage") {
		t.Errorf("the account found by name: want its violation, got %+v", vs)
	}
	if vs := Run(p, named("other-rg")); len(vs) != 0 {
		t.Errorf("an account of that name in another resource group is not the workspace's: %+v", vs)
	}
	// Two accounts that could be it: cannot tell.
	twice := named("amlvnet-prod")
	second := twice[0]
	second.URN = urn(storageType, "workspacestorage2")
	if vs := Run(p, append(twice, second)); len(vs) != 0 {
		t.Errorf("two candidates: %+v", vs)
	}
	// Node pools not known yet, or none: nothing to judge.
	for name, pools := range map[string]any{"unknown": u, "absent": nil} {
		stack := edit(inferenceStack(trainingSubnetID), "inference-cluster", func(r *Resource) { with(r.Inputs, "agentPoolProfiles", pools) })
		if vs := Run(p, stack); len(vs) != 0 {
			t.Errorf("node pools %s: %+v", name, vs)
		}
	}
}
