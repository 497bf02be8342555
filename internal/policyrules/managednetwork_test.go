package policyrules

import (
	"strings"
	"testing"
)

const (
	workspace2024Type = "azure-native:machinelearningservices/v20241001:Workspace"
	outboundRuleType  = "azure-native:machinelearningservices/v20241001:ManagedNetworkSettingsRule"
	managedRG         = "/subscriptions/s/resourceGroups/amlvnet-managed"
	workspaceStoreID  = managedRG + "/providers/Microsoft.Storage/storageAccounts/workspacestore"
	inferenceStoreID  = managedRG + "/providers/Microsoft.Storage/storageAccounts/inferencestore"
)

func fqdn(dest string) map[string]any { return map[string]any{"type": "FQDN", "destination": dest} }

func peRule(id any) map[string]any {
	return map[string]any{"type": "PrivateEndpoint", "destination": map[string]any{"serviceResourceId": id, "subresourceTarget": "blob"}}
}

func tagRule(tag string) map[string]any {
	return map[string]any{"type": "ServiceTag", "destination": map[string]any{"serviceTag": tag, "protocol": "TCP", "portRanges": "443"}}
}

// managedWS is a deployed workspace with a managed network in mode (nil:
// no managedNetwork at all) and the given inline rules.
func managedWS(mode any, rules map[string]any) Resource {
	in := map[string]any{"workspaceName": "ws", "resourceGroupName": "amlvnet-managed", "storageAccount": workspaceStoreID}
	if mode != nil {
		mn := map[string]any{"isolationMode": mode}
		if rules != nil {
			mn["outboundRules"] = rules
		}
		in["managedNetwork"] = mn
	}
	r := res("amlvnet:index:MLWorkspace$"+workspace2024Type, "workspace", in)
	r.ID = managedRG + "/providers/Microsoft.MachineLearningServices/workspaces/ws"
	return r
}

func account(name, id string) Resource {
	r := res("amlvnet:index:SecureStorage$"+storageType, name, with(secureStorage(), "accountName", name))
	r.ID = id
	return r
}

func ruleResource(workspace string, props map[string]any) Resource {
	return res(outboundRuleType, "rule", map[string]any{"resourceGroupName": "amlvnet-managed", "workspaceName": workspace, "ruleName": "extra", "properties": props})
}

// runManagedCases runs a stack policy (runStackCasesOn): the violation, if
// any, is on a resource whose URN ends with onURN.
func runManagedCases(t *testing.T, policy string, cases []struct {
	name      string
	resources []Resource
	want      string
	onURN     string
}) {
	t.Helper()
	stack := make([]stackCase, len(cases))
	for i, c := range cases {
		stack[i] = stackCase{c.name, c.resources, c.want}
	}
	runStackCasesOn(t, policy, stack, func(i int, urn string) (bool, string) {
		return strings.HasSuffix(urn, cases[i].onURN), "a resource ending " + cases[i].onURN
	})
}

func TestManagedNetworkRulesFitMode(t *testing.T) {
	const ws, rule = "::workspace", "::rule"
	runManagedCases(t, "managed-network-rules-fit-mode", []struct {
		name      string
		resources []Resource
		want      string
		onURN     string
	}{
		{"approved takes every type", []Resource{managedWS("AllowOnlyApprovedOutbound", map[string]any{
			"pypi": fqdn("pypi.org"), "store": peRule(inferenceStoreID), "monitor": tagRule("AzureMonitor")})}, "", ""},
		{"internet takes private endpoints", []Resource{managedWS("AllowInternetOutbound", map[string]any{"store": peRule(inferenceStoreID)})}, "", ""},
		{"no FQDN rule on an internet-outbound workspace", []Resource{managedWS("AllowInternetOutbound", map[string]any{
			"pypi": fqdn("pypi.org"), "store": peRule(u)})},
			`^workspace ws: outbound rule pypi is a FQDN rule on a workspace with isolationMode AllowInternetOutbound, which takes PrivateEndpoint rules only`, ws},
		{"no service-tag rule either", []Resource{managedWS("allowinternetoutbound", map[string]any{"monitor": tagRule("AzureMonitor")})},
			`outbound rule monitor is a ServiceTag rule`, ws},
		{"no rule without a managed network", []Resource{managedWS("Disabled", map[string]any{"store": peRule(inferenceStoreID)})},
			`outbound rule store \(PrivateEndpoint\) needs a managed network, but the workspace's managedNetwork.isolationMode is Disabled`, ws},
		{"no FQDN rule to storage", []Resource{managedWS("AllowOnlyApprovedOutbound", map[string]any{"blob": fqdn("inferencestore.blob.core.windows.net")})},
			`outbound rule blob is an FQDN rule to inferencestore.blob.core.windows.net, a storage endpoint`, ws},
		{"an unknown mode cannot tell", []Resource{managedWS(u, map[string]any{"pypi": fqdn("pypi.org")})}, "", ""},
		{"unknown rules cannot tell", []Resource{with2(managedWS("AllowInternetOutbound", nil), "managedNetwork.outboundRules", u)}, "", ""},
		{"a workspace of API 2023-04-01 has no managed network and no rule", []Resource{res(workspaceType, "old", map[string]any{"workspaceName": "old"})}, "", ""},
		{"a rule resource of an internet-outbound workspace", []Resource{managedWS("AllowInternetOutbound", nil), ruleResource("ws", fqdn("pypi.org"))},
			`^outbound rule extra is a FQDN rule on a workspace with isolationMode AllowInternetOutbound`, rule},
		{"a rule resource of another workspace is not judged by this one", []Resource{managedWS("AllowInternetOutbound", nil), ruleResource("other", fqdn("pypi.org"))}, "", ""},
		{"a rule resource to storage, whatever its workspace", []Resource{ruleResource("elsewhere", fqdn("*.blob.core.windows.net"))},
			`a storage endpoint: Azure refuses FQDN rules to storage accounts`, rule},
	})
}

func TestApprovedOutboundReachesStackStorage(t *testing.T) {
	const ws = "::workspace"
	stores := func(rs ...Resource) []Resource {
		return append(rs, account("workspacestore", workspaceStoreID), account("inferencestore", inferenceStoreID))
	}
	// A preview: IDs unknown, the rule's target known only through the
	// engine's property dependencies.
	preview := func(refs map[string][]string) []Resource {
		w := managedWS("AllowOnlyApprovedOutbound", map[string]any{"store": peRule(u)})
		w.ID, w.Inputs["storageAccount"], w.Refs = "", u, refs
		rs := stores(w)
		for i := range rs[1:] {
			rs[i+1].ID = ""
			rs[i+1].Inputs["accountName"] = u
		}
		return rs
	}
	inferenceURN := urn("amlvnet:index:SecureStorage$"+storageType, "inferencestore")
	workspaceURN := urn("amlvnet:index:SecureStorage$"+storageType, "workspacestore")
	runManagedCases(t, "approved-outbound-reaches-stack-storage", []struct {
		name      string
		resources []Resource
		want      string
		onURN     string
	}{
		{"a private-endpoint rule to the other account", stores(managedWS("AllowOnlyApprovedOutbound", map[string]any{"store": peRule(inferenceStoreID)})), "", ""},
		{"a service-tag rule to Storage", stores(managedWS("AllowOnlyApprovedOutbound", map[string]any{"st": tagRule("Storage.EastUS2")})), "", ""},
		{"a rule resource reaches it", stores(managedWS("AllowOnlyApprovedOutbound", nil), ruleResource("ws", peRule(inferenceStoreID))), "", ""},
		{"no rule reaches the other account", stores(managedWS("AllowOnlyApprovedOutbound", map[string]any{"pypi": fqdn("pypi.org")})),
			`^workspace ws allows only approved outbound, and no outbound rule reaches storage account\(s\) inferencestore of the stack`, ws},
		{"a rule to another account does not count", stores(managedWS("AllowOnlyApprovedOutbound", map[string]any{"store": peRule(workspaceStoreID)})),
			`storage account\(s\) inferencestore`, ws},
		{"internet outbound reaches storage anyway", stores(managedWS("AllowInternetOutbound", nil)), "", ""},
		{"no managed network", stores(managedWS(nil, nil)), "", ""},
		{"the workspace's own account alone", []Resource{managedWS("AllowOnlyApprovedOutbound", nil), account("workspacestore", workspaceStoreID)}, "", ""},
		{"preview: the rule's dependency is the account", preview(map[string][]string{"managedNetwork": {inferenceURN}, "storageAccount": {workspaceURN}}), "", ""},
		{"preview: the rule's dependency is another account", preview(map[string][]string{"managedNetwork": {workspaceURN}, "storageAccount": {workspaceURN}}),
			`storage account\(s\) inferencestore`, ws},
		{"preview without dependencies cannot tell", preview(nil), "", ""},
	})
}

// with2 is with for a Resource.
func with2(r Resource, path string, v any) Resource {
	with(r.Inputs, path, v)
	return r
}
