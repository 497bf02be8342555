package policyrules

import (
	"fmt"
	"sort"
	"strings"
)

// LegacyComputeTag marks an ML compute of type AKS that a stack chose on
// purpose: tag amlvnet:computeType with value AKS, as the root program sets
// it for aks.computeType AKS (components.ComputeTypeTag).
const (
	LegacyComputeTag   = "amlvnet:computeType"
	LegacyComputeValue = "AKS"
)

// inferenceComputeTypes are the compute types that attach an AKS cluster.
var inferenceComputeTypes = []string{"AKS", "Kubernetes"}

var inferenceComputeKubernetes = Policy{
	Name:        "inference-compute-kubernetes",
	Description: "An AKS cluster attached to a workspace for inference is a Kubernetes compute (the Azure ML extension, v2 online endpoints), not the legacy AKS compute, unless the stack chose the legacy one explicitly (tag amlvnet:computeType=AKS on the compute).",
	Enforcement: Mandatory,
	Source:      "https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-anywhere (the AKS compute serves CLI/SDK v1 only; Kubernetes compute is recommended) and https://learn.microsoft.com/azure/machine-learning/v1/introduction (CLI v1 support ended 2025-09-30, SDK v1 ends 2026-06-30)",
	Resource: func(r Resource) []string {
		if !isMLCompute(r) {
			return nil
		}
		ct, st := getString(r.Inputs, "properties", "computeType")
		if st != known || !strings.EqualFold(ct, "AKS") {
			return nil
		}
		if tag, tst := getString(r.Inputs, "tags", LegacyComputeTag); tst == unknown || tst == known && strings.EqualFold(strings.TrimSpace(tag), LegacyComputeValue) {
			return nil
		}
		return []string{fmt.Sprintf("compute %s attaches its AKS cluster as the legacy AKS compute, which serves only Azure ML CLI/SDK v1 and cannot host v2 online endpoints; "+
			"attach it as a Kubernetes compute with the Azure ML extension (aks.computeType Kubernetes), or tag it %s=%s if the stack keeps the legacy compute on purpose",
			label(r, "computeName"), LegacyComputeTag, LegacyComputeValue)}
	},
}

var aksSubnetAdmittedToStorage = Policy{
	Name:        "aks-subnet-admitted-to-storage",
	Description: "When an AKS cluster is attached to a workspace for inference (a Kubernetes or AKS compute), the workspace's default storage account, if it denies by default and takes VNet rules, admits the subnet of each of the cluster's node pools. Accounts reached through private endpoints (public network access off, or a private endpoint in the stack) or open to every network are not this rule's concern.",
	Enforcement: Mandatory,
	Source:      "https://learn.microsoft.com/azure/machine-learning/how-to-kubernetes-inference-routing-azureml-fe (the router reads its configuration from the storage account; nodes download models from blob storage) and https://learn.microsoft.com/azure/machine-learning/how-to-secure-kubernetes-inferencing-environment (service or private endpoints in the AKS cluster's VNet)",
	Stack: func(resources []Resource) []Violation {
		var clusters, computes, workspaces, accounts, endpoints []Resource
		for _, r := range resources {
			switch {
			case isPrivateEndpoint(r):
				endpoints = append(endpoints, r)
			case isType(r.Type, "containerservice", "ManagedCluster"):
				clusters = append(clusters, r)
			case isMLCompute(r):
				computes = append(computes, r)
			case isType(r.Type, "machinelearningservices", "Workspace"):
				workspaces = append(workspaces, r)
			case isStorageAccount(r):
				accounts = append(accounts, r)
			}
		}
		behind, certain := privateAccounts(endpoints, accounts)
		// One violation per account and missing subnet, naming the clusters.
		missing := map[string]map[string][]string{}
		for _, c := range computes {
			ct, st := getString(c.Inputs, "properties", "computeType")
			if st != known || !containsFold(inferenceComputeTypes, ct) {
				continue
			}
			cluster, ok := findByID(c, "properties", knownString(c, "properties", "resourceId"), "managedClusters", "resourceName", clusters)
			if !ok {
				continue
			}
			ws, ok := computeWorkspace(c, workspaces)
			if !ok {
				continue
			}
			account, ok := findByID(ws, "storageAccount", knownString(ws, "storageAccount"), "storageAccounts", "accountName", accounts)
			if !ok || behind[account.URN] || !certain {
				continue // the cluster reaches it through its private endpoint, or may
			}
			admitted, judged := admittedSubnets(account)
			if !judged {
				continue
			}
			subnets, complete := poolSubnets(cluster)
			if !complete {
				continue
			}
			for _, sn := range subnets {
				if !admitted[strings.ToLower(sn)] {
					if missing[account.URN] == nil {
						missing[account.URN] = map[string][]string{}
					}
					missing[account.URN][sn] = appendOnce(missing[account.URN][sn], label(cluster, "resourceName"))
				}
			}
		}
		var out []Violation
		for _, urn := range sortedURNs(missing) {
			subnets := make([]string, 0, len(missing[urn]))
			for sn := range missing[urn] {
				subnets = append(subnets, sn)
			}
			sort.Strings(subnets)
			for _, sn := range subnets {
				out = append(out, Violation{URN: urn, Message: fmt.Sprintf(
					"the workspace's storage account denies by default but has no VNet rule for subnet %s of AKS cluster %s, which serves the workspace's inference and reads models and configuration from this account: "+
						"add a VNet rule for the subnet (and the Microsoft.Storage service endpoint on it), or reach the account through private endpoints",
					sn, strings.Join(missing[urn][sn], ", "))})
			}
		}
		return out
	},
}

func containsFold(list []string, s string) bool {
	for _, e := range list {
		if strings.EqualFold(e, s) {
			return true
		}
	}
	return false
}

func appendOnce(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}

// findByID finds the resource an ID input of r points at: by ID, else by
// the name after /<kind>/ (and the resource group), else, the ID unknown,
// by the engine's property dependencies of input key.
func findByID(r Resource, key, id, kind, nameKey string, candidates []Resource) (Resource, bool) {
	if id == "" {
		if _, st := get(r.Inputs, key); st == unknown || len(r.Refs[key]) > 0 {
			return onlyRef(r.Refs[key], candidates)
		}
		return Resource{}, false
	}
	for _, c := range candidates {
		if c.ID != "" && strings.EqualFold(c.ID, id) {
			return c, true
		}
	}
	name, rg := idSegment(id, kind), idSegment(id, "resourceGroups")
	if name == "" {
		return Resource{}, false
	}
	var found []Resource
	for _, c := range candidates {
		if c.ID == "" && sameName(name, knownString(c, nameKey)) == yes && sameName(rg, resourceGroup(c)) != no {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		return Resource{}, false
	}
	return found[0], true
}

// computeWorkspace finds the workspace a compute belongs to, by name and
// resource group, else by the engine's property dependencies.
func computeWorkspace(c Resource, workspaces []Resource) (Resource, bool) {
	name := knownString(c, "workspaceName")
	if name == "" {
		return onlyRef(c.Refs["workspaceName"], workspaces)
	}
	var found []Resource
	for _, ws := range workspaces {
		wsName := knownString(ws, "workspaceName")
		if wsName == "" {
			wsName = idSegment(ws.ID, "workspaces")
		}
		if sameName(name, wsName) == yes && sameName(resourceGroup(c), resourceGroup(ws)) != no {
			found = append(found, ws)
		}
	}
	if len(found) != 1 {
		return Resource{}, false
	}
	return found[0], true
}

// admittedSubnets lists the subnet IDs an account's VNet rules admit
// (lower-case). judged is false when the rule has nothing to say: public
// network access off, an account that lets every network in, or rules not
// known yet.
func admittedSubnets(account Resource) (map[string]bool, bool) {
	if v, st := getString(account.Inputs, "publicNetworkAccess"); st == unknown || st == known && strings.EqualFold(v, "Disabled") {
		return nil, false
	}
	if action, st := getString(account.Inputs, "networkRuleSet", "defaultAction"); st != known || !strings.EqualFold(action, "Deny") {
		return nil, false
	}
	rules, st := getList(account.Inputs, "networkRuleSet", "virtualNetworkRules")
	if st == unknown {
		return nil, false
	}
	out := map[string]bool{}
	for _, e := range rules {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, false
		}
		id, st := getString(m, "virtualNetworkResourceId")
		if st != known {
			return nil, false
		}
		out[strings.ToLower(id)] = true
	}
	return out, true
}

// poolSubnets lists the subnets of a cluster's node pools; complete is false
// when one is not known yet.
func poolSubnets(cluster Resource) (subnets []string, complete bool) {
	pools, st := getList(cluster.Inputs, "agentPoolProfiles")
	if st != known {
		return nil, st == missing
	}
	for _, p := range pools {
		m, ok := p.(map[string]any)
		if !ok {
			return nil, false
		}
		switch id, st := getString(m, "vnetSubnetID"); st {
		case unknown:
			return nil, false
		case known:
			subnets = appendOnce(subnets, id)
		}
	}
	return subnets, true
}

// privateAccounts lists the accounts a private endpoint of the stack
// reaches. certain is false when an endpoint's target cannot be pinned down
// (unknown in a preview), so any account may be behind one.
func privateAccounts(endpoints, accounts []Resource) (map[string]bool, bool) {
	out := map[string]bool{}
	certain := true
	for _, pe := range endpoints {
		targets := endpointTargets(pe, accounts)
		for _, t := range targets {
			out[t.URN] = true
		}
		if len(targets) == 0 && endpointUnresolved(pe) {
			certain = false
		}
	}
	return out, certain
}

// endpointUnresolved tells whether a private endpoint names its target by
// an ID that is not known yet.
func endpointUnresolved(pe Resource) bool {
	for _, prop := range connectionProperties {
		list, st := getList(pe.Inputs, prop)
		if st == unknown {
			return true
		}
		for _, e := range list {
			m, ok := e.(map[string]any)
			if !ok {
				return true
			}
			if _, st := getString(m, "privateLinkServiceId"); st == unknown {
				return true
			}
		}
	}
	return false
}
