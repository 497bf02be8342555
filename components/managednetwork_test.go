package components

import (
	"testing"
)

// pypi, condaRule, storeRule and monitorRule are valid rules of each type.
func pypiRule() ManagedOutboundRule {
	return ManagedOutboundRule{Name: "pypi", Type: RuleTypeFQDN, Destination: "pypi.org"}
}

func storeRule() ManagedOutboundRule {
	return ManagedOutboundRule{Name: "scoring-store", Type: RuleTypePrivateEndpoint, ResourceID: storageID, Subresource: "blob"}
}

func monitorRule() ManagedOutboundRule {
	return ManagedOutboundRule{Name: "monitor", Type: RuleTypeServiceTag, ServiceTag: "AzureMonitor", Ports: "443"}
}

var inferenceTarget = ManagedNetworkSite{Targets: map[string]string{"inferenceStorage": "Microsoft.Storage/storageAccounts"}}

func TestManagedNetworkSpecDefaults(t *testing.T) {
	s := ManagedNetworkSpec{}.WithDefaults()
	if s.Outbound != ManagedOutboundApproved || s.FirewallSku != "" || s.IsolationMode() != "AllowOnlyApprovedOutbound" {
		t.Errorf("defaults without rules: %+v (%s)", s, s.IsolationMode())
	}
	s = ManagedNetworkSpec{Outbound: ManagedOutboundInternet, Rules: []ManagedOutboundRule{storeRule()}}.WithDefaults()
	if s.FirewallSku != "" || s.IsolationMode() != "AllowInternetOutbound" {
		t.Errorf("no firewall without fqdn rules: %+v", s)
	}
	in := ManagedNetworkSpec{Rules: []ManagedOutboundRule{pypiRule(), monitorRule()}}
	s = in.WithDefaults()
	if s.FirewallSku != FirewallSkuStandard || s.Rules[1].Protocol != "TCP" {
		t.Errorf("fqdn rules default to a Standard firewall, service tags to TCP: %+v", s)
	}
	if in.Rules[1].Protocol != "" {
		t.Error("WithDefaults changed the caller's rules")
	}
	valid := ManagedNetworkSpec{Outbound: ManagedOutboundApproved, FirewallSku: FirewallSkuStandard, Rules: []ManagedOutboundRule{
		pypiRule(), storeRule(), monitorRule(),
		{Name: "conda", Type: RuleTypeFQDN, Destination: "*.anaconda.org", Ports: "80,443"},
		{Name: "inference", Type: RuleTypePrivateEndpoint, ResourceID: "inferenceStorage", Subresource: "file"},
		{Name: "vault2", Type: RuleTypePrivateEndpoint, ResourceID: vaultID, Subresource: "vault"},
		{Name: "other", Type: RuleTypePrivateEndpoint, ResourceID: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/db", Subresource: "sqlServer"},
		{Name: "range", Type: RuleTypeServiceTag, ServiceTag: "Storage.EastUS2", Protocol: "*", Ports: "80, 8080-8089"},
	}}
	wantSpecProblems(t, valid.Validate(NewPath("spec"), inferenceTarget))
}

// TestManagedNetworkRulesFitTheMode: what Azure refuses of a managed
// network's rules is named by the rule's key, every problem at once.
func TestManagedNetworkRulesFitTheMode(t *testing.T) {
	internet := ManagedNetworkSpec{Outbound: ManagedOutboundInternet, FirewallSku: FirewallSkuStandard, Rules: []ManagedOutboundRule{
		pypiRule(), storeRule(), monitorRule(),
	}}
	wantSpecProblems(t, internet.Validate(NewPath("amlvnet:network", "managed"), ManagedNetworkSite{}),
		"amlvnet:network.managed.rules[0].type: a fqdn rule needs outbound approved",
		"amlvnet:network.managed.rules[2].type: a serviceTag rule needs outbound approved",
	)
	internet.Rules = internet.Rules[1:2]
	wantSpecProblems(t, internet.Validate(NewPath("m"), ManagedNetworkSite{}),
		"m.firewallSku: has no effect without fqdn rules")

	bad := ManagedNetworkSpec{Outbound: "allow", FirewallSku: "Premium", Rules: []ManagedOutboundRule{
		{Name: "store", Type: RuleTypeFQDN, Destination: "mystore.blob.core.windows.net", Ports: "443,8080"},
		{Name: "ipaddr", Type: RuleTypeFQDN, Destination: "10.1.2.3", ResourceID: storageID},
		{Name: "pe1", Type: RuleTypePrivateEndpoint, ResourceID: "mystore", Subresource: "blob"},
		{Name: "PE1", Type: RuleTypePrivateEndpoint, ResourceID: storageID, Subresource: "vault"},
		{Name: "pe2", Type: RuleTypePrivateEndpoint, Destination: "x.org"},
		{Name: "tag", Type: RuleTypeServiceTag, ServiceTag: "Azure Monitor", Protocol: "tcp", Ports: "0-80"},
		{Name: "tag2", Type: RuleTypeServiceTag},
		{Name: "x", Type: "port"},
	}}
	wantSpecProblems(t, bad.Validate(NewPath("spec"), ManagedNetworkSite{}),
		`spec.outbound: "allow" is not an outbound mode`,
		`spec.firewallSku: "Premium" is not a firewall SKU`,
		`spec.rules[0].destination: mystore.blob.core.windows.net is a storage endpoint, and Azure refuses FQDN rules to storage accounts: use a privateEndpoint rule`,
		`spec.rules[0].ports: "8080": FQDN rules carry ports 80 and 443 only`,
		`spec.rules[1].destination: 10.1.2.3 is an IP address`,
		`spec.rules[1].resourceId: has no effect on a fqdn rule`,
		`spec.rules[2].resourceId: "mystore" is not an ARM resource ID`,
		`spec.rules[3].name: "PE1" is also the name of spec.rules[2]`,
		`spec.rules[3].subresource: "vault" is not a private-link group of Microsoft.Storage/storageAccounts`,
		`spec.rules[4].destination: has no effect on a privateEndpoint rule`,
		`spec.rules[4].resourceId: is required for a privateEndpoint rule`,
		`spec.rules[4].subresource: is required`,
		`spec.rules[5].serviceTag: "Azure Monitor" is not a service tag name`,
		`spec.rules[5].protocol: "tcp" is not a protocol`,
		`spec.rules[5].ports: "0-80" is not a port or range`,
		`spec.rules[6].serviceTag: is required`,
		`spec.rules[6].ports: is required`,
		`spec.rules[7].name: "x" is not a rule name`,
		`spec.rules[7].type: "port" is not a rule type`,
	)

	// Basic is accepted with a warning: Azure marks it a preview.
	basic := ManagedNetworkSpec{FirewallSku: FirewallSkuBasic, Rules: []ManagedOutboundRule{pypiRule()}}
	errs, warnings := basic.Validate(NewPath("spec"), ManagedNetworkSite{}).Split()
	if len(errs) != 0 || len(warnings) != 1 || warnings[0].Path != "spec.firewallSku" {
		t.Errorf("Basic: errors %v, warnings %v", errs, warnings)
	}
}

func TestCheckPortRanges(t *testing.T) {
	for _, ok := range []string{"443", "80,443", "80, 8080-8089", "*", " * ", "1-65535"} {
		if err := checkPortRanges(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "0", "65536", "80-", "-80", "90-80", "80;443", "https", "80,,443"} {
		if err := checkPortRanges(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
