package policyrules

import (
	"fmt"
	"sort"
	"strings"
)

// privateTarget is a kind of resource a private endpoint may reach whose
// public network access the policy checks.
type privateTarget struct {
	module, name string
	// kind names it in messages.
	kind string
	// provider is the ARM resource type in IDs ("Microsoft.Storage/storageAccounts").
	provider string
	// nameKey is the input holding its Azure name.
	nameKey string
	// access is the path of its publicNetworkAccess input.
	access []string
}

var privateTargets = []privateTarget{
	{module: "storage", name: "StorageAccount", kind: "storage account", provider: "Microsoft.Storage/storageAccounts", nameKey: "accountName", access: []string{"publicNetworkAccess"}},
	{module: "keyvault", name: "Vault", kind: "key vault", provider: "Microsoft.KeyVault/vaults", nameKey: "vaultName", access: []string{"properties", "publicNetworkAccess"}},
	{module: "containerregistry", name: "Registry", kind: "container registry", provider: "Microsoft.ContainerRegistry/registries", nameKey: "registryName", access: []string{"publicNetworkAccess"}},
	{module: "machinelearningservices", name: "Workspace", kind: "ML workspace", provider: "Microsoft.MachineLearningServices/workspaces", nameKey: "workspaceName", access: []string{"publicNetworkAccess"}},
}

func targetKind(r Resource) (privateTarget, bool) {
	for _, k := range privateTargets {
		if isType(r.Type, k.module, k.name) {
			return k, true
		}
	}
	return privateTarget{}, false
}

func isPrivateEndpoint(r Resource) bool { return isType(r.Type, "network", "PrivateEndpoint") }

// connectionProperties are the inputs of a PrivateEndpoint that list its
// connections, each with a privateLinkServiceId.
var connectionProperties = []string{"privateLinkServiceConnections", "manualPrivateLinkServiceConnections"}

// armName returns the name after /providers/<provider>/ in an ARM ID
// (case-insensitively), and the ID's resource group; "" when the ID is not
// of that type.
func armName(id, provider string) (name, rg string) {
	lower := strings.ToLower(id)
	marker := "/providers/" + strings.ToLower(provider) + "/"
	i := strings.Index(lower, marker)
	if i < 0 {
		return "", ""
	}
	name, _, _ = strings.Cut(id[i+len(marker):], "/")
	return name, idSegment(id[:i], "resourceGroups")
}

// endpointTargets finds the resources a private endpoint connects to: by the
// connection's privateLinkServiceId against their IDs, else against their
// type, name and resource group; when that ID is unknown (a preview) and the
// endpoint has a single connection, by the engine's property dependencies.
// A target it cannot pin down is left out: no guessing.
func endpointTargets(pe Resource, targets []Resource) []Resource {
	type conn struct {
		id   string
		st   state
		refs []string
	}
	var conns []conn
	for _, prop := range connectionProperties {
		list, st := getList(pe.Inputs, prop)
		if st == unknown {
			conns = append(conns, conn{st: unknown, refs: pe.Refs[prop]})
			continue
		}
		for _, e := range list {
			m, ok := e.(map[string]any)
			if !ok {
				conns = append(conns, conn{st: unknown, refs: pe.Refs[prop]})
				continue
			}
			id, st := getString(m, "privateLinkServiceId")
			if st == missing {
				id, st = getString(m, "properties", "privateLinkServiceId")
			}
			conns = append(conns, conn{id: id, st: st, refs: pe.Refs[prop]})
		}
	}
	var out []Resource
	for _, c := range conns {
		switch c.st {
		case missing:
			continue
		case unknown:
			if len(conns) != 1 {
				continue // cannot tell which dependency is which connection's
			}
			if t, ok := onlyRef(c.refs, targets); ok {
				out = append(out, t)
			}
			continue
		}
		if t, ok := targetByID(c.id, targets); ok {
			out = append(out, t)
		}
	}
	return out
}

// targetByID finds the one target whose ID is id or, IDs unknown, whose type,
// name and resource group are the ID's.
func targetByID(id string, targets []Resource) (Resource, bool) {
	for _, t := range targets {
		if t.ID != "" && strings.EqualFold(t.ID, id) {
			return t, true
		}
	}
	var found []Resource
	for _, t := range targets {
		if t.ID != "" {
			continue // compared above
		}
		k, _ := targetKind(t)
		name, rg := armName(id, k.provider)
		if name != "" && sameName(name, knownString(t, k.nameKey)) == yes && sameName(rg, resourceGroup(t)) != no {
			found = append(found, t)
		}
	}
	if len(found) != 1 {
		return Resource{}, false
	}
	return found[0], true
}

var noPublicAccessWithPrivateEndpoint = Policy{
	Name:        "no-public-access-with-private-endpoint",
	Description: "A storage account, key vault, container registry or ML workspace that a network:PrivateEndpoint connects to (its privateLinkServiceId) has public network access disabled (publicNetworkAccess Disabled; for a key vault properties.publicNetworkAccess), so the private endpoint is the only way in; a storage account may instead keep it on behind a firewall that denies by default and admits no IP range or subnet.",
	Enforcement: Mandatory,
	Source:      "https://learn.microsoft.com/azure/machine-learning/how-to-network-isolation-planning: the workspace, its storage, vault and registry reached through private endpoints with public network access off",
	Stack: func(resources []Resource) []Violation {
		var targets, endpoints []Resource
		for _, r := range resources {
			if _, ok := targetKind(r); ok {
				targets = append(targets, r)
			} else if isPrivateEndpoint(r) {
				endpoints = append(endpoints, r)
			}
		}
		reachedBy := map[string][]string{}
		byURN := map[string]Resource{}
		for _, pe := range endpoints {
			for _, t := range endpointTargets(pe, targets) {
				if !contains(reachedBy[t.URN], urnName(pe.URN)) {
					reachedBy[t.URN] = append(reachedBy[t.URN], urnName(pe.URN))
				}
				byURN[t.URN] = t
			}
		}
		var out []Violation
		for _, urn := range sortedURNs(reachedBy) {
			t := byURN[urn]
			k, _ := targetKind(t)
			v, st := getString(t.Inputs, k.access...)
			path := strings.Join(k.access, ".")
			if st == unknown || st == known && strings.EqualFold(strings.TrimSpace(v), "Disabled") {
				continue
			}
			// A storage account may keep public access on behind a firewall
			// that admits no network, as Microsoft's end-to-end secure
			// template does: Azure ML's own access goes through the trusted
			// services and resource-instance rules.
			if k.module == "storage" && closedFirewall(t) != no {
				continue
			}
			shown := fmt.Sprintf("%q", v)
			if st == missing {
				shown = "not set (Azure's default is Enabled)"
			}
			peList := reachedBy[urn]
			sort.Strings(peList)
			out = append(out, Violation{URN: urn, Message: fmt.Sprintf(
				"%s %s is reached through private endpoint(s) %s but its %s is %s, so it stays reachable from public networks too; set %s to Disabled so the private endpoints are the only way in",
				k.kind, label(t, k.nameKey), strings.Join(peList, ", "), path, shown, path)})
		}
		return out
	},
}

// closedFirewall tells whether a storage account's firewall denies by
// default and admits no IP range and no subnet.
func closedFirewall(r Resource) tri {
	action, st := getString(r.Inputs, "networkRuleSet", "defaultAction")
	closed := eqFold(action, st, "Deny")
	for _, list := range []string{"ipRules", "virtualNetworkRules"} {
		switch v, st := get(r.Inputs, "networkRuleSet", list); st {
		case unknown:
			closed = min(closed, maybe)
		case known:
			if l, ok := v.([]any); !ok || len(l) > 0 {
				closed = no
			}
		}
	}
	return closed
}

func sortedURNs[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
