package policyrules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// The managed virtual network of an Azure ML workspace (API 2024-10-01 and
// later: managedNetwork on the workspace, outbound rules inline or as
// ManagedNetworkSettingsRule resources). Azure's rules, from "Workspace
// managed virtual network isolation",
// https://learn.microsoft.com/azure/machine-learning/how-to-managed-network:
// with AllowInternetOutbound only private-endpoint rules can be added;
// service-tag and FQDN rules need AllowOnlyApprovedOutbound; FQDN rules
// cannot reach storage accounts (private-endpoint rules do); Azure itself
// adds private-endpoint rules to the workspace's own storage account, key
// vault and registry, and nothing for any other resource.

const managedNetworkSource = "https://learn.microsoft.com/azure/machine-learning/how-to-managed-network: rule types per outbound mode, FQDN rules and storage accounts, the rules Azure adds"

// Isolation modes and rule types as Azure names them.
const (
	modeDisabled = "Disabled"
	modeInternet = "AllowInternetOutbound"
	modeApproved = "AllowOnlyApprovedOutbound"
	ruleFQDN     = "FQDN"
	rulePE       = "PrivateEndpoint"
	ruleTag      = "ServiceTag"
)

func isMLWorkspace(r Resource) bool { return isType(r.Type, "machinelearningservices", "Workspace") }
func isOutboundRule(r Resource) bool {
	return isType(r.Type, "machinelearningservices", "ManagedNetworkSettingsRule")
}

// isolationMode is a workspace's managed network mode: Disabled when not
// set (Azure's default), "" when unknown.
func isolationMode(ws Resource) string {
	mode, st := getString(ws.Inputs, "managedNetwork", "isolationMode")
	switch st {
	case missing:
		return modeDisabled
	case unknown:
		return ""
	}
	for _, m := range []string{modeDisabled, modeInternet, modeApproved} {
		if strings.EqualFold(strings.TrimSpace(mode), m) {
			return m
		}
	}
	return "" // a value this rule does not know: cannot tell
}

// outboundRule is one rule of a managed network: inline (name is its key in
// outboundRules) or a rule resource.
type outboundRule struct {
	name string
	rule map[string]any
}

// inlineRules lists a workspace's inline rules by name; complete is false
// when the rules are not known yet.
func inlineRules(ws Resource) (rules []outboundRule, complete bool) {
	m, st := getMap(ws.Inputs, "managedNetwork", "outboundRules")
	if st == unknown {
		return nil, false
	}
	complete = true
	for _, name := range sortedURNs(m) {
		r, ok := m[name].(map[string]any)
		if !ok {
			complete = false
			continue
		}
		rules = append(rules, outboundRule{name: name, rule: r})
	}
	return rules, complete
}

// ruleWorkspace finds the workspace a rule resource belongs to: by the
// engine's property dependencies, else by name and resource group.
func ruleWorkspace(rule Resource, workspaces []Resource) (Resource, bool) {
	if ws, ok := onlyRef(rule.Refs["workspaceName"], workspaces); ok {
		return ws, true
	}
	var found []Resource
	for _, ws := range workspaces {
		name := knownString(ws, "workspaceName")
		if name == "" {
			name = idSegment(ws.ID, "workspaces")
		}
		if sameName(knownString(rule, "workspaceName"), name) == yes && sameName(resourceGroup(rule), resourceGroup(ws)) != no {
			found = append(found, ws)
		}
	}
	if len(found) != 1 {
		return Resource{}, false
	}
	return found[0], true
}

// modeProblems says what Azure refuses of one rule under mode ("" unknown).
func modeProblems(r outboundRule, mode string) []string {
	typ, _ := getString(r.rule, "type")
	var out []string
	switch {
	case mode == "" || typ == "":
	case mode == modeDisabled:
		out = append(out, fmt.Sprintf("outbound rule %s (%s) needs a managed network, but the workspace's managedNetwork.isolationMode is %s: set %s or %s, or remove the rule", r.name, typ, modeDisabled, modeInternet, modeApproved))
	case mode == modeInternet && (strings.EqualFold(typ, ruleFQDN) || strings.EqualFold(typ, ruleTag)):
		out = append(out, fmt.Sprintf("outbound rule %s is a %s rule on a workspace with isolationMode %s, which takes %s rules only (everything may go out already): Azure refuses it; use %s or remove the rule", r.name, typ, modeInternet, rulePE, modeApproved))
	}
	if strings.EqualFold(typ, ruleFQDN) {
		if dest, st := getString(r.rule, "destination"); st == known {
			if _, storage := netplan.StorageHost(dest); storage {
				out = append(out, fmt.Sprintf("outbound rule %s is an FQDN rule to %s, a storage endpoint: Azure refuses FQDN rules to storage accounts; use a %s rule to the account", r.name, dest, rulePE))
			}
		}
	}
	return out
}

var managedNetworkRulesFitMode = Policy{
	Name:        "managed-network-rules-fit-mode",
	Description: "The outbound rules of an ML workspace's managed network (managedNetwork.outboundRules, and machinelearningservices:ManagedNetworkSettingsRule resources of the stack's workspaces) fit its isolationMode: no FQDN or ServiceTag rule with AllowInternetOutbound, no rule at all without a managed network (isolationMode Disabled, Azure's default), and no FQDN rule to a storage account's endpoint.",
	Enforcement: Mandatory,
	Source:      managedNetworkSource,
	Stack: func(resources []Resource) []Violation {
		var workspaces, rules []Resource
		for _, r := range resources {
			switch {
			case isMLWorkspace(r):
				workspaces = append(workspaces, r)
			case isOutboundRule(r):
				rules = append(rules, r)
			}
		}
		var out []Violation
		for _, ws := range workspaces {
			inline, _ := inlineRules(ws)
			mode := isolationMode(ws)
			for _, r := range inline {
				for _, m := range modeProblems(r, mode) {
					out = append(out, Violation{URN: ws.URN, Message: fmt.Sprintf("workspace %s: %s", label(ws, "workspaceName"), m)})
				}
			}
		}
		for _, rr := range rules {
			props, st := getMap(rr.Inputs, "properties")
			if st != known {
				continue
			}
			mode := ""
			if ws, ok := ruleWorkspace(rr, workspaces); ok {
				mode = isolationMode(ws)
			}
			for _, m := range modeProblems(outboundRule{name: label(rr, "ruleName"), rule: props}, mode) {
				out = append(out, Violation{URN: rr.URN, Message: m})
			}
		}
		return out
	},
}

// workspaceRules lists a workspace's rules, inline and as rule resources of
// the stack; complete is false when some are not known yet.
func workspaceRules(ws Resource, ruleResources, workspaces []Resource) ([]outboundRule, bool) {
	rules, complete := inlineRules(ws)
	for _, rr := range ruleResources {
		owner, ok := ruleWorkspace(rr, workspaces)
		if !ok {
			if knownString(rr, "workspaceName") == "" {
				complete = false // may be this workspace's
			}
			continue
		}
		if owner.URN != ws.URN {
			continue
		}
		props, st := getMap(rr.Inputs, "properties")
		if st != known {
			complete = false
			continue
		}
		rules = append(rules, outboundRule{name: label(rr, "ruleName"), rule: props})
	}
	return rules, complete
}

// isDefaultStorage tells whether sa is the workspace's own storage account
// (its storageAccount input), for which Azure adds the rules itself.
func isDefaultStorage(ws, sa Resource) tri {
	if refs := ws.Refs["storageAccount"]; len(refs) > 0 {
		return triOf(contains(refs, sa.URN))
	}
	id, st := getString(ws.Inputs, "storageAccount")
	switch st {
	case unknown:
		return maybe
	case missing:
		return no
	}
	if sa.ID != "" {
		return triOf(strings.EqualFold(id, sa.ID))
	}
	name, rg := armName(id, "Microsoft.Storage/storageAccounts")
	if name == "" {
		return no // not a storage account's ID
	}
	byName := sameName(name, knownString(sa, "accountName"))
	if byName == no {
		return no
	}
	return min(byName, sameName(rg, resourceGroup(sa)))
}

// storageReach tells whether a workspace's rules reach storage account sa:
// a private-endpoint rule to it (by ID, by name and resource group, or,
// its ID unknown in a preview, by the engine's property dependencies of
// managedNetwork), or a service-tag rule to Storage or Storage.<region>.
func storageReach(ws, sa Resource, rules []outboundRule, complete bool) tri {
	out := no
	if !complete {
		out = maybe
	}
	for _, r := range rules {
		typ, _ := getString(r.rule, "type")
		switch {
		case strings.EqualFold(typ, ruleTag):
			tag, st := getString(r.rule, "destination", "serviceTag")
			if st == unknown {
				out = maybe
			} else if strings.EqualFold(tag, "Storage") || strings.HasPrefix(strings.ToLower(tag), "storage.") {
				return yes
			}
		case strings.EqualFold(typ, rulePE):
			id, st := getString(r.rule, "destination", "serviceResourceId")
			switch st {
			case known:
				if sa.ID != "" && strings.EqualFold(id, sa.ID) {
					return yes
				}
				if sa.ID == "" {
					name, rg := armName(id, "Microsoft.Storage/storageAccounts")
					switch sameName(name, knownString(sa, "accountName")) {
					case yes:
						if sameName(rg, resourceGroup(sa)) != no {
							return yes
						}
					case maybe:
						if name != "" {
							out = maybe // the account's name is not known yet
						}
					}
				}
			case unknown:
				refs := ws.Refs["managedNetwork"]
				if contains(refs, sa.URN) {
					return yes
				}
				if len(refs) == 0 {
					out = maybe
				}
			}
		}
	}
	return out
}

var approvedOutboundReachesStackStorage = Policy{
	Name:        "approved-outbound-reaches-stack-storage",
	Description: "An ML workspace whose managed network allows only approved outbound (managedNetwork.isolationMode AllowOnlyApprovedOutbound) has an outbound rule reaching every other storage account of the stack (the inference account, say): a PrivateEndpoint rule to it, or a ServiceTag rule to Storage. Azure adds rules for the workspace's own storage account, key vault and registry only, and FQDN rules cannot reach storage, so without such a rule the workspace's computes cannot reach the account.",
	Enforcement: Advisory,
	Source:      managedNetworkSource,
	Stack: func(resources []Resource) []Violation {
		var workspaces, ruleResources, accounts []Resource
		for _, r := range resources {
			switch {
			case isMLWorkspace(r):
				workspaces = append(workspaces, r)
			case isOutboundRule(r):
				ruleResources = append(ruleResources, r)
			case isStorageAccount(r):
				accounts = append(accounts, r)
			}
		}
		var out []Violation
		for _, ws := range workspaces {
			if isolationMode(ws) != modeApproved {
				continue
			}
			rules, complete := workspaceRules(ws, ruleResources, workspaces)
			var missed []string
			for _, sa := range accounts {
				if isDefaultStorage(ws, sa) != no || storageReach(ws, sa, rules, complete) != no {
					continue
				}
				missed = append(missed, label(sa, "accountName"))
			}
			if len(missed) == 0 {
				continue
			}
			slices.Sort(missed)
			out = append(out, Violation{URN: ws.URN, Message: fmt.Sprintf(
				"workspace %s allows only approved outbound, and no outbound rule reaches storage account(s) %s of the stack: Azure adds rules for the workspace's own storage only, and FQDN rules cannot reach storage; add a %s rule to each (subresource blob, for instance), or leave the account out if the workspace's jobs never use it",
				label(ws, "workspaceName"), strings.Join(missed, ", "), rulePE)})
		}
		return out
	},
}
