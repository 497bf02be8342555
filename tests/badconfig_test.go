package tests

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/amlvnet/amlvnet/program"
)

// This file is the catalogue of invalid configurations. Each case is a small
// change to a valid base config (the dev stack, or the dev stack with AKS),
// and says which config keys the program must name and what each message
// must suggest. The catalogue is data: adding a case is one entry in
// badConfigCases. BadConfigCases exports it so other tests in this package
// (e.g. an engine end-to-end test) can run the same inputs.

// Unset, as a value in BadConfigCase.Set, removes the key or field.
var Unset = unset{}

type unset struct{}

// BadConfigCase is one invalid configuration.
type BadConfigCase struct {
	Name string
	// AKS starts from the AKS-enabled base instead of the dev base.
	AKS bool
	// Set overrides config values by path: a top-level key
	// ("azure-native:location", "amlvnet:compute"), a field under it
	// ("amlvnet:compute.maxNodes", "amlvnet:network.existing.name") or a
	// list entry ("amlvnet:attach[0].kind"). Values are Go values that are
	// encoded as JSON (a raw string for scalar top-level keys); Unset
	// removes the key.
	Set map[string]any
	// Want maps every config key that must be named in a Problem to a
	// fragment its message must contain (what would be valid).
	Want map[string]string
	// Combined marks a case with several mistakes: every key of Want must be
	// reported in the same run, so the user fixes them in one go.
	Combined bool
}

// Config renders the case as the program receives it: config values as
// strings (JSON for objects), and the secret keys.
func (c BadConfigCase) Config() (map[string]string, []string) {
	base := devBase()
	if c.AKS {
		base = aksBase()
	}
	for _, path := range sortedPaths(c.Set) {
		setPath(base, path, c.Set[path])
	}
	return render(base)
}

// BadConfigCases returns the catalogue of invalid configurations.
func BadConfigCases() []BadConfigCase {
	return append(append([]BadConfigCase(nil), badConfigCases...), explicitZeroCases()...)
}

// explicitZeroCases: where a number left out means "the default", a zero
// written in the stack file is a mistake, not the default; each is refused,
// naming its key, with the range Azure takes.
func explicitZeroCases() []BadConfigCase {
	zeros := []struct {
		key  string
		aks  bool
		want string
	}{
		{key: "amlvnet:compute.maxNodes", want: "is 0; a cluster needs at least 1 node (leave it out for the default, 4)"},
		{key: "amlvnet:compute.rulePriority", want: "is 0, which puts"},
		{key: "amlvnet:attach[0].sshPort", want: "is 0; use a TCP port 1-65535"},
		{key: "amlvnet:keyVault.softDeleteRetentionDays", want: "is 0; Azure allows 7-90 days"},
		{key: "amlvnet:workspace.logRetentionDays", want: "is 0; Log Analytics keeps 30-730 days"},
		{key: "amlvnet:aks.nodeCount", aks: true, want: "is 0; AKS takes 1-1000 nodes per pool"},
		{key: "amlvnet:aks.maxPods", aks: true, want: "is 0; Azure CNI takes 10-250 pods per node"},
		{key: "amlvnet:aks.rulePriority", aks: true, want: "is 0, which puts"},
	}
	var cases []BadConfigCase
	for _, z := range zeros {
		set := map[string]any{z.key: 0}
		if strings.HasPrefix(z.key, "amlvnet:attach[0].") {
			set = map[string]any{"amlvnet:attach": []any{with(vm("dsvm", "10.20.0.10"), "sshPort", 0)}}
		}
		cases = append(cases, BadConfigCase{
			Name: "explicit zero " + z.key,
			AKS:  z.aks,
			Set:  set,
			Want: map[string]string{z.key: z.want},
		})
	}
	return cases
}

// devBase is stacks/Pulumi.dev.yaml as Go values.
func devBase() map[string]any {
	return map[string]any{
		"azure-native:location": "eastus2",
		"amlvnet:resourceGroup": "amlvnet-dev",
		"amlvnet:network": map[string]any{
			"addressSpace":   "10.20.0.0/16",
			"trainingSubnet": "10.20.0.0/24",
		},
		"amlvnet:storage": map[string]any{
			"clientIpRanges": []any{"203.0.113.0/29"},
		},
		"amlvnet:inferenceStorage": map[string]any{"enabled": false},
		"amlvnet:compute": map[string]any{
			"name":            "cpucluster",
			"vmSize":          "STANDARD_D2_V2",
			"minNodes":        0,
			"maxNodes":        2,
			"sshAccess":       false,
			"outbound":        "default",
			"forcedTunneling": false,
		},
		"amlvnet:aks":     map[string]any{"enabled": false},
		"amlvnet:protect": "false",
	}
}

// aksBase is the dev base with an AKS cluster for inference, as in the
// design notes' config contract.
func aksBase() map[string]any {
	c := devBase()
	c["amlvnet:network"].(map[string]any)["aksSubnet"] = "10.20.4.0/22"
	c["amlvnet:inferenceStorage"] = map[string]any{"enabled": true}
	c["amlvnet:aks"] = map[string]any{
		"enabled":          true,
		"name":             "myaks",
		"nodeCount":        3,
		"vmSize":           "Standard_D4s_v3",
		"serviceCidr":      "10.0.0.0/16",
		"dnsServiceIP":     "10.0.0.10",
		"dockerBridgeCidr": "172.17.0.1/16",
		"scoringSources":   []any{"198.51.100.0/24"},
		"inference": map[string]any{
			"sslCname":       "score.contoso.com",
			"sslCertificate": "-----BEGIN CERTIFICATE-----\nSAMPLE\n-----END CERTIFICATE-----\n",
			"sslKey":         "-----BEGIN PRIVATE KEY-----\nSAMPLE\n-----END PRIVATE KEY-----\n",
		},
	}
	return c
}

// legacyAKS is the Set of the AKS base switched to the legacy AKS compute,
// plus the given overrides (pairs of path, value).
func legacyAKS(kv ...any) map[string]any {
	set := map[string]any{"amlvnet:aks.computeType": "AKS", "amlvnet:aks.inference": Unset}
	for i := 0; i+1 < len(kv); i += 2 {
		set[kv[i].(string)] = kv[i+1]
	}
	return set
}

// vm is a valid attached VM with a private address in the dev base's
// training subnet, reached by Azure ML at its DNS name.
func vm(name, privateAddress string) map[string]any {
	return map[string]any{
		"name":           name,
		"kind":           "VirtualMachine",
		"resourceId":     "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/amlvnet-dev/providers/Microsoft.Compute/virtualMachines/" + name,
		"address":        name + ".eastus2.cloudapp.azure.com",
		"privateAddress": privateAddress,
		"sshUser":        "azureuser",
		"sshPassword":    "not-a-real-password",
	}
}

// without returns a copy of m without the given fields.
func without(m map[string]any, fields ...string) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	for _, f := range fields {
		delete(out, f)
	}
	return out
}

// with returns a copy of m with the given fields set (pairs of name, value).
func with(m map[string]any, kv ...any) map[string]any {
	out := without(m)
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// isolated is the Set of the dev base switched to network isolation with
// private endpoints, as stacks/Pulumi.isolated.yaml does, plus the given
// overrides (pairs of path, value). The developers' IP list goes: it has no
// effect once public network access is off, and the program says so.
func isolated(kv ...any) map[string]any {
	set := map[string]any{
		"amlvnet:network.isolation":             "privateEndpoints",
		"amlvnet:network.privateEndpointSubnet": "10.20.1.0/27",
		"amlvnet:storage.clientIpRanges":        Unset,
	}
	for i := 0; i+1 < len(kv); i += 2 {
		set[kv[i].(string)] = kv[i+1]
	}
	return set
}

// managed is the Set of the dev base switched to the workspace's managed
// network, as stacks/Pulumi.managed.yaml does (no address space, no subnet),
// with outbound mode outbound and the given rules, plus the given overrides
// (pairs of path, value). With outbound internet the developers' IP list
// goes, as storage then has public access off.
func managed(outbound string, rules []any, kv ...any) map[string]any {
	mn := map[string]any{"outbound": outbound}
	if rules != nil {
		mn["rules"] = rules
	}
	set := map[string]any{"amlvnet:network": map[string]any{"isolation": "managed", "managed": mn}}
	if outbound == "internet" {
		// Storage and vault then have public access off: no developer IPs.
		set["amlvnet:storage.clientIpRanges"] = Unset
	}
	for i := 0; i+1 < len(kv); i += 2 {
		set[kv[i].(string)] = kv[i+1]
	}
	return set
}

// reused is the Set of the dev base moved onto the corp-vnet fixture (an
// existing VNet in westeurope, tests/testdata/existing-vnets.json) with the
// named training subnet, plus the given overrides (pairs of path, value).
func reused(trainingSubnet string, kv ...any) map[string]any {
	set := map[string]any{
		"azure-native:location": "westeurope",
		"amlvnet:network": map[string]any{
			"existing":       map[string]any{"resourceGroup": "corp-network", "name": "corp-vnet"},
			"trainingSubnet": trainingSubnet,
		},
	}
	for i := 0; i+1 < len(kv); i += 2 {
		set[kv[i].(string)] = kv[i+1]
	}
	return set
}

// Rules of a managed network, as a stack file writes them.
var (
	pypiRule  = map[string]any{"name": "pypi", "type": "fqdn", "destination": "pypi.org"}
	storeRule = map[string]any{"name": "scoring-store", "type": "privateEndpoint", "resourceId": "inferenceStorage", "subresource": "blob"}
	tagRule   = map[string]any{"name": "monitor", "type": "serviceTag", "serviceTag": "AzureMonitor", "ports": "443"}
)

var badConfigCases = []BadConfigCase{
	// Address plan.
	{
		Name: "address space is not a CIDR",
		Set:  map[string]any{"amlvnet:network.addressSpace": "10.20.0.0/33"},
		Want: map[string]string{"amlvnet:network.addressSpace": "e.g. 10.20.0.0/16"},
	},
	{
		Name: "training subnet has host bits set",
		Set:  map[string]any{"amlvnet:network.trainingSubnet": "10.20.0.5/24"},
		Want: map[string]string{"amlvnet:network.trainingSubnet": "use 10.20.0.0/24"},
	},
	{
		Name: "training subnet outside the address space",
		Set:  map[string]any{"amlvnet:network.trainingSubnet": "10.21.0.0/24"},
		Want: map[string]string{"amlvnet:network.trainingSubnet": "choose a range inside it"},
	},
	{
		Name: "AKS subnet overlaps the training subnet",
		AKS:  true,
		Set:  map[string]any{"amlvnet:network.aksSubnet": "10.20.0.0/22"},
		Want: map[string]string{"amlvnet:network.aksSubnet": "10.20.0.0/22 overlaps trainingSubnet (10.20.0.0/24); subnets of a virtual network must not overlap"},
	},
	{
		Name: "training subnet too small for maxNodes",
		Set: map[string]any{
			"amlvnet:network.trainingSubnet": "10.20.0.0/28",
			"amlvnet:compute.maxNodes":       20,
		},
		Want: map[string]string{"amlvnet:compute.maxNodes": "use a /27 or larger"},
	},
	{
		Name: "training subnet too small for maxNodes plus attached VMs",
		Set: map[string]any{
			"amlvnet:network.trainingSubnet": "10.20.0.0/28",
			"amlvnet:compute.maxNodes":       10,
			"amlvnet:attach":                 []any{vm("vm1", "10.20.0.6"), vm("vm2", "10.20.0.7")},
		},
		Want: map[string]string{"amlvnet:compute.maxNodes": "use a /27 or larger"},
	},
	{
		Name: "training subnet smaller than /29",
		Set:  map[string]any{"amlvnet:network.trainingSubnet": "10.20.0.0/30"},
		Want: map[string]string{"amlvnet:network.trainingSubnet": "use a /29 or larger"},
	},

	// AKS networking.
	{
		Name: "AKS service range overlaps a subnet",
		AKS:  true,
		Set: map[string]any{
			"amlvnet:aks.serviceCidr":  "10.20.4.0/24",
			"amlvnet:aks.dnsServiceIP": "10.20.4.10",
		},
		Want: map[string]string{"amlvnet:aks.serviceCidr": "e.g. use 10.0.0.0/24"},
	},
	{
		Name: "AKS service range overlaps the address space",
		AKS:  true,
		Set: map[string]any{
			"amlvnet:aks.serviceCidr":  "10.20.128.0/20",
			"amlvnet:aks.dnsServiceIP": "10.20.128.10",
		},
		Want: map[string]string{"amlvnet:aks.serviceCidr": "must lie outside the virtual network"},
	},
	{
		Name: "AKS service range in 172.30.0.0/16",
		AKS:  true,
		Set: map[string]any{
			"amlvnet:aks.serviceCidr":  "172.30.0.0/16",
			"amlvnet:aks.dnsServiceIP": "172.30.0.10",
		},
		Want: map[string]string{"amlvnet:aks.serviceCidr": "e.g. use 10.0.0.0/16"},
	},
	{
		Name: "DNS service IP outside the service range",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.dnsServiceIP": "10.1.0.10"},
		Want: map[string]string{"amlvnet:aks.dnsServiceIP": "10.1.0.10 is outside the service range 10.0.0.0/16; use another address inside it, e.g. 10.0.0.10"},
	},
	{
		Name: "DNS service IP is the network address",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.dnsServiceIP": "10.0.0.0"},
		Want: map[string]string{"amlvnet:aks.dnsServiceIP": "10.0.0.0 is the network address of the service range 10.0.0.0/16; use another address inside it, e.g. 10.0.0.10"},
	},
	{
		Name: "DNS service IP is the .1 of the range",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.dnsServiceIP": "10.0.0.1"},
		Want: map[string]string{"amlvnet:aks.dnsServiceIP": "10.0.0.1 is the first address of the service range 10.0.0.0/16, which Kubernetes gives to the API server service"},
	},
	{
		Name: "docker bridge inside the AKS subnet",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.dockerBridgeCidr": "10.20.4.1/24"},
		Want: map[string]string{"amlvnet:aks.dockerBridgeCidr": "e.g. use 172.16.0.1/24"},
	},
	{
		Name: "docker bridge inside the service range",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.dockerBridgeCidr": "10.0.128.1/24"},
		Want: map[string]string{"amlvnet:aks.dockerBridgeCidr": "10.0.128.1/24 overlaps the service range 10.0.0.0/16; the docker bridge must lie outside it"},
	},
	{
		Name: "legacy AKS FastProd with too few cores",
		AKS:  true,
		Set:  legacyAKS("amlvnet:aks.vmSize", "Standard_D2s_v3"),
		Want: map[string]string{"amlvnet:aks.nodeCount": "3 x Standard_D2s_v3 gives 6 cores; clusterPurpose FastProd needs at least 12"},
	},
	{
		Name: "AKS FastProd on two nodes",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.nodeCount": 2, "amlvnet:aks.clusterPurpose": "FastProd", "amlvnet:aks.inference.highAvailability": false},
		Want: map[string]string{"amlvnet:aks.nodeCount": "clusterPurpose FastProd needs at least 3 nodes"},
	},

	// The Azure ML extension and the Kubernetes compute.
	{
		Name: "AKS compute type unknown",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.computeType": "Arc"},
		Want: map[string]string{"amlvnet:aks.computeType": "use Kubernetes (the Azure ML extension, v2 online endpoints) or AKS"},
	},
	{
		Name: "AKS namespace with capitals",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.namespace": "ML-Team"},
		Want: map[string]string{"amlvnet:aks.namespace": "1-63 lower-case letters, digits and '-'"},
	},
	{
		Name: "AKS router service type unknown",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.inference.routerServiceType": "Ingress"},
		Want: map[string]string{"amlvnet:aks.inference.routerServiceType": "use one of [LoadBalancer NodePort ClusterIP]"},
	},
	{
		Name: "AKS internal load balancer with NodePort",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.inference.routerServiceType": "NodePort", "amlvnet:aks.inference.internalLoadBalancer": true},
		Want: map[string]string{"amlvnet:aks.inference.internalLoadBalancer": "cannot go with routerServiceType NodePort"},
	},
	{
		Name: "AKS router HA on two nodes",
		AKS:  true,
		Set: map[string]any{"amlvnet:aks.nodeCount": 2, "amlvnet:aks.clusterPurpose": "DevTest",
			"amlvnet:aks.inference.highAvailability": true},
		Want: map[string]string{"amlvnet:aks.inference.highAvailability": "needs at least 3 nodes for its 3 router replicas"},
	},
	{
		Name: "AKS HTTPS without a certificate",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.inference.sslCertificate": Unset},
		Want: map[string]string{"amlvnet:aks.inference.sslCertificate": "is required for HTTPS scoring"},
	},
	{
		Name: "AKS HTTP with a certificate",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.inference.allowInsecureConnections": true},
		Want: map[string]string{
			"amlvnet:aks.inference.sslCname":       "has no effect with allowInsecureConnections true",
			"amlvnet:aks.inference.sslCertificate": "has no effect with allowInsecureConnections true",
			"amlvnet:aks.inference.sslKey":         "has no effect with allowInsecureConnections true",
		},
	},
	{
		Name: "AKS CNAME not a host name",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.inference.sslCname": "https://score.contoso.com/"},
		Want: map[string]string{"amlvnet:aks.inference.sslCname": `"https://score.contoso.com/" is not a host name such as score.contoso.com`},
	},
	{
		Name: "AKS load balancer type with a Kubernetes compute",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.loadBalancerType": "InternalLoadBalancer"},
		Want: map[string]string{"amlvnet:aks.loadBalancerType": "inference.internalLoadBalancer: true"},
	},
	{
		Name: "AKS namespace with the legacy compute",
		AKS:  true,
		Set:  legacyAKS("amlvnet:aks.namespace", "scoring"),
		Want: map[string]string{"amlvnet:aks.namespace": "applies to computeType Kubernetes only"},
	},
	{
		Name: "AKS private cluster with authorized ranges",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.privateCluster": true, "amlvnet:aks.apiServerAuthorizedRanges": []any{"203.0.113.0/24"}},
		Want: map[string]string{"amlvnet:aks.apiServerAuthorizedRanges": "cannot go with privateCluster"},
	},
	{
		Name: "AKS authorized range open to all",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.apiServerAuthorizedRanges": []any{"0.0.0.0/0"}},
		Want: map[string]string{"amlvnet:aks.apiServerAuthorizedRanges[0]": `"0.0.0.0/0" lets every address in, which is no restriction`},
	},
	{
		Name: "AKS identity not an ARM ID",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.identityId": "aks-identity"},
		Want: map[string]string{"amlvnet:aks.identityId": "is not the ARM ID of a user-assigned identity"},
	},
	{
		Name: "AKS node resource group too long",
		AKS:  true,
		Set:  map[string]any{"amlvnet:resourceGroup": "amlvnet-machine-learning-inference-dev", "amlvnet:aks.name": "amlvnet-machine-learning-scoring"},
		Want: map[string]string{"amlvnet:aks.name": "shorten the cluster name or amlvnet:resourceGroup"},
	},

	// Enums.
	{
		Name: "outbound open",
		Set:  map[string]any{"amlvnet:compute.outbound": "open"},
		Want: map[string]string{"amlvnet:compute.outbound": `use "default" or "restricted"`},
	},
	{
		Name: "vmPriority Spot",
		Set:  map[string]any{"amlvnet:compute.vmPriority": "Spot"},
		Want: map[string]string{"amlvnet:compute.vmPriority": "use Dedicated or LowPriority"},
	},
	{
		Name: "clusterPurpose Production",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.clusterPurpose": "Production"},
		Want: map[string]string{"amlvnet:aks.clusterPurpose": `"Production" is not allowed; use one of [FastProd DenseProd DevTest]`},
	},
	{
		Name: "attach kind BareMetal",
		Set:  map[string]any{"amlvnet:attach": []any{with(vm("dsvm", "10.20.0.10"), "kind", "BareMetal")}},
		Want: map[string]string{"amlvnet:attach[0].kind": "use VirtualMachine or HDInsight"},
	},

	// Types and keys.
	{
		Name: "maxNodes as a string",
		Set:  map[string]any{"amlvnet:compute.maxNodes": "4"},
		Want: map[string]string{"amlvnet:compute.maxNodes": `expected a whole number, got the string "4"`},
	},
	{
		Name: "vmSize as a number",
		Set:  map[string]any{"amlvnet:compute.vmSize": 42},
		Want: map[string]string{"amlvnet:compute.vmSize": "expected a string, got the number 42"},
	},
	{
		Name: "clientIpRanges as an object",
		Set:  map[string]any{"amlvnet:storage.clientIpRanges": map[string]any{"office": "203.0.113.0/29"}},
		Want: map[string]string{"amlvnet:storage.clientIpRanges": "expected a list of strings"},
	},
	{
		Name: "attach as an object",
		Set:  map[string]any{"amlvnet:attach": vm("dsvm", "10.20.0.10")},
		Want: map[string]string{"amlvnet:attach": "expected a list of objects"},
	},
	{
		Name: "network as a plain string",
		Set:  map[string]any{"amlvnet:network": "10.20.0.0/16"},
		Want: map[string]string{"amlvnet:network": "expected an object with keys addressSpace"},
	},
	{
		Name: "unknown key maxNode in compute",
		Set:  map[string]any{"amlvnet:compute.maxNode": 4},
		Want: map[string]string{"amlvnet:compute.maxNode": "unknown key (did you mean maxNodes?); amlvnet:compute takes"},
	},

	// Required keys.
	{
		Name: "location missing",
		Set:  map[string]any{"azure-native:location": Unset},
		Want: map[string]string{"azure-native:location": "is required: the Azure region of every resource, e.g. eastus2"},
	},
	{
		Name: "training subnet missing",
		Set:  map[string]any{"amlvnet:network.trainingSubnet": Unset},
		Want: map[string]string{"amlvnet:network.trainingSubnet": "e.g. 10.20.0.0/24"},
	},
	{
		Name: "AKS subnet missing while AKS is enabled",
		AKS:  true,
		Set:  map[string]any{"amlvnet:network.aksSubnet": Unset},
		Want: map[string]string{"amlvnet:network.aksSubnet": "e.g. 10.20.4.0/22"},
	},

	// Developer IPs for the firewalls.
	{
		Name: "private developer IP 10.x",
		Set:  map[string]any{"amlvnet:storage.clientIpRanges": []any{"203.0.113.0/29", "10.1.2.3"}},
		Want: map[string]string{"amlvnet:storage.clientIpRanges[1]": "10.1.2.3 is in the RFC 1918 private range 10.0.0.0/8; Azure firewalls take public internet addresses only"},
	},

	// Names.
	{
		Name: "compute name too long",
		Set:  map[string]any{"amlvnet:compute.name": "averyverylongclustername"},
		Want: map[string]string{"amlvnet:compute.name": `ML compute name "averyverylongclustername" is 24 characters long; Azure allows 2-16`},
	},
	{
		Name: "compute name with an underscore",
		Set:  map[string]any{"amlvnet:compute.name": "cpu_cluster"},
		Want: map[string]string{"amlvnet:compute.name": "use letters, digits and '-'"},
	},
	{
		Name: "workspace name too short",
		Set:  map[string]any{"amlvnet:workspace": map[string]any{"name": "ws"}},
		Want: map[string]string{"amlvnet:workspace.name": `ML workspace name "ws" is 2 characters long; Azure allows 3-33`},
	},
	{
		Name: "storage account name with capitals and a hyphen",
		Set:  map[string]any{"amlvnet:storage.accountName": "My-Storage"},
		Want: map[string]string{"amlvnet:storage.accountName": "lower-case letters and digits only"},
	},
	{
		Name: "key vault name with a double hyphen",
		Set:  map[string]any{"amlvnet:keyVault": map[string]any{"name": "kv--amlvnet"}},
		Want: map[string]string{"amlvnet:keyVault.name": "letters, digits and single hyphens"},
	},
	{
		Name: "resource group name ending in a dot",
		Set:  map[string]any{"amlvnet:resourceGroup": "amlvnet-dev."},
		Want: map[string]string{"amlvnet:resourceGroup": "letters, digits, '_', '-', '.', '(', ')'; not ending in '.'"},
	},

	// Attached compute.
	{
		Name: "attached VM without credentials",
		Set:  map[string]any{"amlvnet:attach": []any{without(vm("dsvm", "10.20.0.10"), "sshPassword")}},
		Want: map[string]string{"amlvnet:attach[0].sshPassword": "password or private key"},
	},
	{
		Name: "attached VM named like the cluster",
		Set:  map[string]any{"amlvnet:attach": []any{vm("cpucluster", "10.20.0.10")}},
		Want: map[string]string{"amlvnet:attach[0].name": "unique in a workspace"},
	},
	{
		Name: "two attached VMs with one address",
		Set:  map[string]any{"amlvnet:attach": []any{vm("vm1", "10.20.0.10"), vm("vm2", "10.20.0.10")}},
		Want: map[string]string{"amlvnet:attach[1].privateAddress": "each attached machine has its own IP"},
	},
	{
		Name: "AKS compute named like the cluster",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.computeName": "cpucluster"},
		Want: map[string]string{"amlvnet:aks.computeName": "unique in a workspace"},
	},
	{
		Name: "AKS compute named like an attached VM",
		AKS:  true,
		Set: map[string]any{
			"amlvnet:aks.computeName": "dsvm",
			"amlvnet:attach":          []any{vm("dsvm", "10.20.0.10")},
		},
		Want: map[string]string{"amlvnet:aks.computeName": "unique in a workspace"},
	},
	{
		Name: "inference storage named like the workspace storage",
		AKS:  true,
		Set: map[string]any{
			"amlvnet:storage.accountName":          "amlvnetstore",
			"amlvnet:inferenceStorage.accountName": "amlvnetstore",
		},
		Want: map[string]string{"amlvnet:inferenceStorage.accountName": "give the inference account another name"},
	},
	{
		Name: "attached VM outside the training subnet",
		Set:  map[string]any{"amlvnet:attach": []any{vm("dsvm", "10.20.1.10")}},
		Want: map[string]string{"amlvnet:attach[0].privateAddress": "10.20.1.10 is outside the training subnet 10.20.0.0/24; attached machines must sit in it"},
	},
	{
		Name: "attached VM reached at a private IP",
		Set:  map[string]any{"amlvnet:attach": []any{with(vm("dsvm", "10.20.0.10"), "address", "10.20.0.10")}},
		Want: map[string]string{"amlvnet:attach[0].address": "give the machine's public IP or DNS name here, and its private IP as privateAddress"},
	},

	// Compute cluster.
	{
		Name: "minNodes above maxNodes",
		Set:  map[string]any{"amlvnet:compute.minNodes": 3},
		Want: map[string]string{"amlvnet:compute.minNodes": "is 3, above maxNodes (2); minNodes must be <= maxNodes"},
	},
	{
		Name: "SSH without sources",
		Set: map[string]any{
			"amlvnet:compute.sshAccess":    true,
			"amlvnet:compute.sshPublicKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAmlvnetSampleKeyOnlyNotARealKey0000000000 azureuser",
		},
		Want: map[string]string{"amlvnet:compute.sshSources": "is required when sshAccess is true: name the CIDRs that may reach TCP 22"},
	},
	{
		Name: "SSH from the Internet",
		Set: map[string]any{
			"amlvnet:compute.sshAccess":    true,
			"amlvnet:compute.sshSources":   []any{"Internet"},
			"amlvnet:compute.sshPublicKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAmlvnetSampleKeyOnlyNotARealKey0000000000 azureuser",
		},
		Want: map[string]string{"amlvnet:compute.sshSources[0]": "give the CIDRs of your bastion"},
	},
	{
		Name: "SSH without key or password",
		Set: map[string]any{
			"amlvnet:compute.sshAccess":  true,
			"amlvnet:compute.sshSources": []any{"198.51.100.0/28"},
		},
		Want: map[string]string{"amlvnet:compute.sshPublicKey": "public key or an adminPassword"},
	},
	{
		Name: "batchPrefixes without forced tunneling",
		Set:  map[string]any{"amlvnet:compute.batchPrefixes": []any{"20.42.0.0/24"}},
		Want: map[string]string{"amlvnet:compute.batchPrefixes": "set forcedTunneling to true"},
	},
	{
		Name: "rule priority collides with the deny rule",
		Set: map[string]any{
			"amlvnet:compute.outbound":     "restricted",
			"amlvnet:compute.rulePriority": 3996,
		},
		Want: map[string]string{"amlvnet:compute.rulePriority": "on top of another rule; use a value from 100 to 3995"},
	},
	{
		Name: "rule priority below 100",
		Set:  map[string]any{"amlvnet:compute.rulePriority": 50},
		Want: map[string]string{"amlvnet:compute.rulePriority": "is 50, which puts"},
	},

	// Reused VNet.
	{
		Name: "reused VNet in another region",
		Set:  reused("ml-training", "azure-native:location", "eastus2"),
		Want: map[string]string{"amlvnet:network.existing": "in the workspace's region"},
	},
	{
		Name: "reused VNet without the named subnet",
		Set:  reused("ml-train"),
		Want: map[string]string{"amlvnet:network.trainingSubnet": "it has: [apps bastion ml-firewalled ml-training]"},
	},

	// The workspace's managed virtual network: what Azure refuses there.
	{
		Name: "AKS with a managed network",
		AKS:  true,
		Set:  managed("approved", nil),
		Want: map[string]string{"amlvnet:aks.enabled": "Kubernetes compute is not supported in a workspace's managed virtual network"},
	},
	{
		Name: "attached VM with a managed network",
		Set:  managed("approved", nil, "amlvnet:attach", []any{vm("dsvm", "10.20.0.10")}),
		Want: map[string]string{"amlvnet:attach": "attached VMs and HDInsight clusters are not supported in a workspace's managed virtual network"},
	},
	{
		Name: "compute in another region than the managed workspace",
		Set:  managed("approved", nil, "amlvnet:compute.location", "westeurope"),
		Want: map[string]string{"amlvnet:compute.location": "Azure refuses a compute cluster in another region than its workspace in a managed virtual network"},
	},
	{
		Name: "compute in another region than the workspace's VNet",
		Set:  map[string]any{"amlvnet:compute.location": "West Europe"},
		Want: map[string]string{"amlvnet:compute.location": "a cluster must be in its VNet's region"},
	},
	{
		Name: "fqdn rule with outbound internet",
		Set:  managed("internet", []any{pypiRule}),
		Want: map[string]string{"amlvnet:network.managed.rules[0].type": "a fqdn rule needs outbound approved"},
	},
	{
		Name: "serviceTag rule with outbound internet",
		Set:  managed("internet", []any{storeRule, tagRule}, "amlvnet:inferenceStorage.enabled", true),
		Want: map[string]string{"amlvnet:network.managed.rules[1].type": "a serviceTag rule needs outbound approved"},
	},
	{
		Name: "fqdn rule to a storage account",
		Set:  managed("approved", []any{with(pypiRule, "destination", "mystore.blob.core.windows.net")}),
		Want: map[string]string{"amlvnet:network.managed.rules[0].destination": "Azure refuses FQDN rules to storage accounts: use a privateEndpoint rule"},
	},
	{
		Name: "fqdn rule on another port than 80 and 443",
		Set:  managed("approved", []any{with(pypiRule, "ports", "8443")}),
		Want: map[string]string{"amlvnet:network.managed.rules[0].ports": "FQDN rules carry ports 80 and 443 only"},
	},
	{
		Name: "firewall SKU without fqdn rules",
		Set:  managed("approved", []any{tagRule}, "amlvnet:network.managed.firewallSku", "Standard"),
		Want: map[string]string{"amlvnet:network.managed.firewallSku": "has no effect without fqdn rules"},
	},
	{
		Name: "outbound mode unknown",
		Set:  managed("none", nil),
		Want: map[string]string{"amlvnet:network.managed.outbound": "use internet (Azure's AllowInternetOutbound) or approved"},
	},
	{
		Name: "private endpoint rule to the inference account when there is none",
		Set:  managed("approved", []any{storeRule}),
		Want: map[string]string{"amlvnet:network.managed.rules[0].resourceId": `"inferenceStorage" is not an ARM resource ID`},
	},
	{
		Name: "address space and subnets with a managed network",
		Set:  map[string]any{"amlvnet:network.isolation": "managed"},
		Want: map[string]string{
			"amlvnet:network.addressSpace":   "has no effect with isolation managed",
			"amlvnet:network.trainingSubnet": "has no effect with isolation managed",
		},
	},
	{
		Name: "managed network settings without isolation managed",
		Set:  map[string]any{"amlvnet:network.managed": map[string]any{"outbound": "approved"}},
		Want: map[string]string{"amlvnet:network.managed": "is read only with isolation managed"},
	},
	{
		Name: "developer IPs with outbound internet",
		Set:  managed("internet", nil, "amlvnet:storage.clientIpRanges", []any{"203.0.113.0/29"}),
		Want: map[string]string{"amlvnet:storage.clientIpRanges": "has no effect with amlvnet:network.managed.outbound internet"},
	},
	{
		Name:     "managed network: AKS, attached VM, region, SSH and tunneling",
		AKS:      true,
		Combined: true,
		Set: managed("approved", []any{pypiRule},
			"amlvnet:attach", []any{vm("dsvm", "10.20.0.10")},
			"amlvnet:compute.location", "westus2",
			"amlvnet:compute.sshAccess", true,
			"amlvnet:compute.sshSources", []any{"203.0.113.0/29"},
			"amlvnet:compute.sshPublicKey", "ssh-ed25519 AAAA",
			"amlvnet:compute.forcedTunneling", true,
			"amlvnet:compute.outbound", "restricted",
			"amlvnet:network.cloud", "public",
		),
		Want: map[string]string{
			"amlvnet:aks.enabled":             "not supported in a workspace's managed virtual network",
			"amlvnet:attach":                  "not supported in a workspace's managed virtual network",
			"amlvnet:compute.location":        "Azure refuses a compute cluster in another region",
			"amlvnet:compute.sshAccess":       "is not possible in the workspace's managed network",
			"amlvnet:compute.forcedTunneling": "is not possible in the workspace's managed network",
			"amlvnet:compute.outbound":        "is not possible in the workspace's managed network",
			"amlvnet:network.cloud":           "no effect with isolation managed",
		},
	},
	{
		Name: "adopted subnet's own NSG has a rule at the compute's priority",
		Set:  reused("ml-firewalled"),
		Want: map[string]string{"amlvnet:compute.rulePriority": "the subnet's NSG already has AllowBastionSsh Inbound 100"},
	},

	// Network isolation with private endpoints.
	{
		Name: "isolation value unknown",
		Set:  map[string]any{"amlvnet:network.isolation": "privateLink"},
		Want: map[string]string{"amlvnet:network.isolation": "use serviceEndpoints (service endpoints and firewalls, the 2019 article), privateEndpoints (private endpoints in a VNet of ours, current guidance) or managed"},
	},
	{
		Name: "privateEndpoints without privateEndpointSubnet",
		Set:  isolated("amlvnet:network.privateEndpointSubnet", Unset),
		Want: map[string]string{"amlvnet:network.privateEndpointSubnet": "is required with isolation privateEndpoints"},
	},
	{
		Name: "privateEndpointSubnet with serviceEndpoints",
		Set:  map[string]any{"amlvnet:network.privateEndpointSubnet": "10.20.1.0/27"},
		Want: map[string]string{"amlvnet:network.privateEndpointSubnet": "remove it or set isolation to privateEndpoints"},
	},
	{
		Name: "cloud with serviceEndpoints",
		Set:  map[string]any{"amlvnet:network.cloud": "usgovernment"},
		Want: map[string]string{"amlvnet:network.cloud": "no effect with isolation serviceEndpoints"},
	},
	{
		Name: "compute without public IP and without private endpoints",
		Set:  map[string]any{"amlvnet:compute.publicIp": false},
		Want: map[string]string{"amlvnet:compute.publicIp": "only with amlvnet:network.isolation privateEndpoints"},
	},
	{
		Name: "registrySku Basic with private endpoints",
		Set:  isolated("amlvnet:workspace.registrySku", "Basic"),
		Want: map[string]string{"amlvnet:workspace.registrySku": "is Basic; a registry behind private endpoints needs Premium"},
	},
	{
		Name: "clientIpRanges with private endpoints",
		Set:  isolated("amlvnet:storage.clientIpRanges", []any{"203.0.113.0/29"}),
		Want: map[string]string{"amlvnet:storage.clientIpRanges": "has no effect on an account reached through private endpoints only"},
	},
	{
		Name: "private-endpoint subnet too small for batch endpoints",
		Set:  isolated("amlvnet:network.privateEndpointSubnet", "10.20.1.0/29", "amlvnet:workspace.batchEndpoints", true),
		Want: map[string]string{"amlvnet:network.privateEndpointSubnet": "7 private endpoints need 10 addresses: 10.20.1.0/29 has 3 usable addresses (Azure keeps 5 of 8) but 10 are needed; use a /28 or larger"},
	},
	{
		Name: "private-endpoint subnet overlaps the training subnet",
		Set:  isolated("amlvnet:network.privateEndpointSubnet", "10.20.0.128/27"),
		Want: map[string]string{"amlvnet:network.privateEndpointSubnet": "overlaps trainingSubnet (10.20.0.0/24)"},
	},
	{
		Name: "cloud mars with private endpoints",
		Set:  isolated("amlvnet:network.cloud", "mars"),
		Want: map[string]string{"amlvnet:network.cloud": "use one of [china public usgovernment]"},
	},
	{
		Name: "cloud of another region with private endpoints",
		Set:  isolated("amlvnet:network.cloud", "china"),
		Want: map[string]string{"amlvnet:network.cloud": "region eastus2 is in the public cloud"},
	},
	{
		Name: "reused VNet with the training subnet for private endpoints",
		Set: reused("ml-training",
			"amlvnet:storage.clientIpRanges", Unset,
			"amlvnet:network.isolation", "privateEndpoints",
			"amlvnet:network.privateEndpointSubnet", "ml-training",
		),
		Want: map[string]string{"amlvnet:network.privateEndpointSubnet": "private endpoints get a subnet of their own"},
	},
	{
		Name: "diagnostics as a string",
		Set:  map[string]any{"amlvnet:workspace.diagnostics": "yes"},
		Want: map[string]string{"amlvnet:workspace.diagnostics": "expected true or false"},
	},

	// Rules the program checks across keys, which no component sees alone.
	{
		Name: "AKS subnet too small for maxPods",
		AKS:  true,
		Set:  map[string]any{"amlvnet:network.aksSubnet": "10.20.4.0/24", "amlvnet:aks.maxPods": 110},
		Want: map[string]string{"amlvnet:aks.maxPods": "(3 nodes + 1 for upgrades) x (110 pods + 1) = 444 addresses do not fit the AKS subnet"},
	},
	{
		Name: "VNet on Docker's default bridge network",
		Set:  map[string]any{"amlvnet:network.addressSpace": "172.17.0.0/16", "amlvnet:network.trainingSubnet": "172.17.0.0/24"},
		Want: map[string]string{"amlvnet:network.addressSpace": "172.17.0.0/16 overlaps 172.17.0.0/16, the default Docker bridge"},
	},
	{
		Name: "DNS service IP is the last address of the service range",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.dnsServiceIP": "10.0.255.255"},
		Want: map[string]string{"amlvnet:aks.dnsServiceIP": "10.0.255.255 is the last (broadcast) address of the service range 10.0.0.0/16"},
	},
	{
		Name: "VNet prefix in a range AKS refuses",
		AKS:  true,
		Set:  map[string]any{"amlvnet:network.addressSpace": []any{"10.20.0.0/16", "192.0.2.0/24"}},
		Want: map[string]string{"amlvnet:network.addressSpace[1]": "192.0.2.0/24 overlaps 192.0.2.0/24, a range AKS refuses for the cluster's virtual network"},
	},
	{
		Name: "AKS without scoring sources",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.scoringSources": Unset},
		Want: map[string]string{"amlvnet:aks.scoringSources": "name who may call the scoring endpoint: CIDRs, or the Internet service tag"},
	},
	{
		Name: "AKS scoring open to any source",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.scoringSources": []any{"198.51.100.0/24", "*"}},
		Want: map[string]string{"amlvnet:aks.scoringSources[1]": `"*" is any source; write Internet to make the endpoint public on purpose, or give CIDRs`},
	},
	{
		Name: "AKS scoring source neither a CIDR nor a tag",
		AKS:  true,
		Set:  map[string]any{"amlvnet:aks.scoringSources": []any{"corp network"}},
		Want: map[string]string{"amlvnet:aks.scoringSources[0]": `"corp network" is neither a CIDR nor a service tag`},
	},
	{
		Name: "reused subnet delegated to another service",
		Set:  reused("apps"),
		Want: map[string]string{"amlvnet:network.trainingSubnet": `subnet "apps" is delegated to another service; Azure ML compute and AKS need an undelegated subnet`},
	},
	{
		Name: "unknown region",
		Set:  map[string]any{"azure-native:location": "eastus3"},
		Want: map[string]string{"azure-native:location": `unknown Azure region "eastus3"; did you mean eastus`},
	},
	{
		Name: "batch endpoints without private endpoints",
		Set:  map[string]any{"amlvnet:workspace.batchEndpoints": true},
		Want: map[string]string{"amlvnet:workspace.batchEndpoints": "adds private endpoints, which isolation serviceEndpoints does not use; remove it or set amlvnet:network.isolation to privateEndpoints"},
	},
	{
		Name: "service-tags file that is not there",
		Set:  map[string]any{"amlvnet:compute.forcedTunneling": true, "amlvnet:compute.serviceTagsFile": "tests/testdata/ServiceTags_Public_missing.json"},
		Want: map[string]string{"amlvnet:compute.serviceTagsFile": "cannot read the service-tags file (a relative path is read from the project directory"},
	},
	{
		Name: "service-tags file without the region's Batch tag",
		Set:  map[string]any{"amlvnet:compute.forcedTunneling": true, "amlvnet:compute.serviceTagsFile": "tests/testdata/servicetags-no-batch.json"},
		Want: map[string]string{"amlvnet:compute.serviceTagsFile": `service tag "BatchNodeManagement.eastus2" is not in the file`},
	},
	{
		Name: "service-tags file without forced tunneling",
		Set:  map[string]any{"amlvnet:compute.serviceTagsFile": "tests/testdata/servicetags-no-batch.json"},
		Want: map[string]string{"amlvnet:compute.serviceTagsFile": "has no effect while forcedTunneling is false; remove it or set forcedTunneling to true"},
	},
	{
		Name: "service-tags file and prefixes by hand",
		Set: map[string]any{
			"amlvnet:compute.forcedTunneling": true,
			"amlvnet:compute.serviceTagsFile": "tests/testdata/servicetags-no-batch.json",
			"amlvnet:compute.batchPrefixes":   []any{"20.44.16.96/27"},
		},
		Want: map[string]string{"amlvnet:compute.serviceTagsFile": "give either serviceTagsFile or batchPrefixes/machineLearningPrefixes, not both"},
	},
	{
		Name: "idle time in words",
		Set:  map[string]any{"amlvnet:compute.idleTimeBeforeScaleDown": "15 minutes"},
		Want: map[string]string{"amlvnet:compute.idleTimeBeforeScaleDown": `"15 minutes" is not an ISO 8601 duration such as PT120S or PT15M`},
	},
	{
		Name: "key vault soft-delete retention above 90 days",
		Set:  map[string]any{"amlvnet:keyVault": map[string]any{"softDeleteRetentionDays": 120}},
		Want: map[string]string{"amlvnet:keyVault.softDeleteRetentionDays": "is 120; Azure allows 7-90 days"},
	},

	// Several mistakes at once: all reported in one run.
	{
		Name:     "three compute mistakes",
		Combined: true,
		Set: map[string]any{
			"amlvnet:compute.outbound":   "open",
			"amlvnet:compute.vmPriority": "Spot",
			"amlvnet:compute.minNodes":   5,
		},
		Want: map[string]string{
			"amlvnet:compute.outbound":   `"open" is not allowed; use "default" or "restricted"`,
			"amlvnet:compute.vmPriority": "use Dedicated or LowPriority",
			"amlvnet:compute.minNodes":   "is 5, above maxNodes (2); minNodes must be <= maxNodes",
		},
	},
	{
		Name:     "network, storage and compute name",
		Combined: true,
		Set: map[string]any{
			"amlvnet:network.trainingSubnet": "10.20.0.5/24",
			"amlvnet:storage.clientIpRanges": []any{"10.0.0.1"},
			"amlvnet:compute.name":           "c",
		},
		Want: map[string]string{
			"amlvnet:network.trainingSubnet":    `"10.20.0.5/24" has host bits set; use 10.20.0.0/24`,
			"amlvnet:storage.clientIpRanges[0]": "10.0.0.1 is in the RFC 1918 private range 10.0.0.0/8",
			"amlvnet:compute.name":              `ML compute name "c" is 1 character long; Azure allows 2-16`,
		},
	},
	{
		Name:     "AKS range, purpose and bridge",
		AKS:      true,
		Combined: true,
		Set: map[string]any{
			"amlvnet:aks.serviceCidr":      "172.31.0.0/16",
			"amlvnet:aks.dnsServiceIP":     "172.31.0.10",
			"amlvnet:aks.clusterPurpose":   "Prod",
			"amlvnet:aks.dockerBridgeCidr": "10.20.0.1/24",
		},
		Want: map[string]string{
			"amlvnet:aks.serviceCidr":      "172.31.0.0/16 overlaps 172.31.0.0/16, a range AKS reserves; e.g. use 10.0.0.0/16",
			"amlvnet:aks.clusterPurpose":   `"Prod" is not allowed; use one of [FastProd DenseProd DevTest]`,
			"amlvnet:aks.dockerBridgeCidr": "10.20.0.1/24 overlaps a VNet subnet (10.20.0.0/24), the address space (10.20.0.0/16); the docker bridge must lie outside the virtual network",
		},
	},
	{
		Name:     "AKS router, TLS and namespace",
		AKS:      true,
		Combined: true,
		Set: map[string]any{
			"amlvnet:aks.namespace":                      "Scoring",
			"amlvnet:aks.inference.routerServiceType":    "NodePort",
			"amlvnet:aks.inference.internalLoadBalancer": true,
			"amlvnet:aks.inference.sslKey":               Unset,
		},
		Want: map[string]string{
			"amlvnet:aks.namespace":                      "is not a Kubernetes namespace name",
			"amlvnet:aks.inference.internalLoadBalancer": "cannot go with routerServiceType NodePort",
			"amlvnet:aks.inference.sslKey":               "is required for HTTPS scoring",
		},
	},
	{
		Name:     "decoding mistakes in three keys",
		Combined: true,
		Set: map[string]any{
			"amlvnet:compute.maxNodes": "4",
			"amlvnet:keyVault":         map[string]any{"softDeleteRetentionDays": "90 days"},
			"amlvnet:workspace":        map[string]any{"descripton": "training"},
		},
		Want: map[string]string{
			"amlvnet:compute.maxNodes":                 `expected a whole number, got the string "4"`,
			"amlvnet:keyVault.softDeleteRetentionDays": `expected a whole number, got the string "90 days"`,
			"amlvnet:workspace.descripton":             "unknown key (did you mean description?)",
		},
	},
	{
		Name:     "two bad attached VMs",
		Combined: true,
		Set: map[string]any{"amlvnet:attach": []any{
			without(vm("dsvm", "10.20.0.10"), "sshPassword"),
			with(vm("hdi", "10.20.0.11"), "kind", "Spark"),
		}},
		Want: map[string]string{
			"amlvnet:attach[0].sshPassword": "password or private key",
			"amlvnet:attach[1].kind":        `"Spark" is not a kind we can attach; use VirtualMachine or HDInsight`,
		},
	},
	{
		Name:     "isolated registry, developer IPs and cloud",
		Combined: true,
		Set: isolated(
			"amlvnet:workspace.registrySku", "Standard",
			"amlvnet:storage.clientIpRanges", []any{"203.0.113.0/29"},
			"amlvnet:network.cloud", "azurestack",
		),
		Want: map[string]string{
			"amlvnet:workspace.registrySku":  "is Standard; a registry behind private endpoints needs Premium",
			"amlvnet:storage.clientIpRanges": "has no effect on an account reached through private endpoints only",
			"amlvnet:network.cloud":          `"azurestack" is not a cloud we know the private DNS zones of; use one of [china public usgovernment]`,
		},
	},
	{
		Name:     "SSH, tunneling and workspace name",
		Combined: true,
		Set: map[string]any{
			"amlvnet:compute.sshAccess":     true,
			"amlvnet:compute.batchPrefixes": []any{"20.42.0.0/24"},
			"amlvnet:workspace":             map[string]any{"name": "-ws"},
		},
		Want: map[string]string{
			"amlvnet:compute.sshSources":    "is required when sshAccess is true: name the CIDRs",
			"amlvnet:compute.sshPublicKey":  "public key or an adminPassword",
			"amlvnet:compute.batchPrefixes": "has no effect while forcedTunneling is false",
			"amlvnet:workspace.name":        "starting with a letter or digit",
		},
	},
}

// TestBadConfigBasesAreValid makes sure each case's failure comes from its
// own change: both bases, and the dev base switched to private endpoints
// (isolated()), run cleanly.
func TestBadConfigBasesAreValid(t *testing.T) {
	for name, config := range map[string]func() (map[string]string, []string){
		"dev":                 func() (map[string]string, []string) { return render(devBase()) },
		"aks":                 func() (map[string]string, []string) { return render(aksBase()) },
		"isolated":            BadConfigCase{Set: isolated()}.Config,
		"managed":             BadConfigCase{Set: managed("approved", []any{pypiRule, tagRule})}.Config,
		"managed, inference":  BadConfigCase{Set: managed("internet", []any{storeRule}, "amlvnet:inferenceStorage.enabled", true)}.Config,
		"managed, no setting": BadConfigCase{Set: map[string]any{"amlvnet:network": map[string]any{"isolation": "managed"}}}.Config,
	} {
		cfg, secrets := config()
		m, err := runConfig(t, cfg, secrets...)
		if err != nil {
			t.Fatalf("%s base: %v", name, err)
		}
		if len(m.Resources()) == 0 {
			t.Fatalf("%s base registered nothing", name)
		}
	}
}

// minFragment is the shortest fragment a case may require of a message.
const minFragment = 16

// TestBadConfigs runs the catalogue: every bad config fails with a
// *program.ConfigError before any resource is registered, names each
// offending key exactly, and says what would be valid.
func TestBadConfigs(t *testing.T) {
	cases := BadConfigCases()
	if len(cases) < 32 {
		t.Fatalf("the catalogue has %d cases, want at least 32", len(cases))
	}
	names := map[string]bool{}
	combined := 0
	for _, c := range cases {
		if names[c.Name] {
			t.Errorf("duplicate case name %q", c.Name)
		}
		names[c.Name] = true
		if c.Combined {
			combined++
		}
	}
	if combined < 5 {
		t.Errorf("%d combined cases, want at least 5", combined)
	}
	// A fragment says what is wrong or what would be valid, not a word that
	// any message could contain.
	for _, c := range cases {
		for key, fragment := range c.Want {
			if len(fragment) < minFragment {
				t.Errorf("%s: the fragment for %s, %q, is under %d characters: quote more of the message", c.Name, key, fragment, minFragment)
			}
		}
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			cfg, secrets := c.Config()
			m, err := runConfig(t, cfg, secrets...)
			var ce *program.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("want a *program.ConfigError, got %T: %v", err, err)
			}
			if n := len(m.Resources()); n != 0 {
				t.Errorf("%d resources were registered by an invalid config", n)
			}
			byKey := map[string][]string{}
			for _, p := range ce.Problems {
				if !strings.HasPrefix(p.Path, "azure-native:") && !strings.HasPrefix(p.Path, "amlvnet:") {
					t.Errorf("problem key %q is not a config key", p.Path)
				}
				byKey[p.Path] = append(byKey[p.Path], p.Message)
			}
			for key, fragment := range c.Want {
				msgs, ok := byKey[key]
				if !ok {
					t.Errorf("no problem names %s; got:\n%v", key, ce)
					continue
				}
				found := false
				for _, msg := range msgs {
					if strings.Contains(msg, fragment) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: no message contains %q: %q", key, fragment, msgs)
				}
			}
			// Exactly the case's keys: a change that trips another check
			// too, or a rule that names the wrong key, fails here.
			for key := range byKey {
				if _, want := c.Want[key]; !want {
					t.Errorf("%s is reported too; the case names only %v:\n%v", key, slices.Sorted(maps.Keys(c.Want)), ce)
				}
			}
			if c.Combined && len(c.Want) < 2 {
				t.Errorf("a combined case needs at least 2 keys")
			}
			if testing.Verbose() {
				t.Logf("%v", ce)
			}
		})
	}
}

// render turns a base config into the strings Pulumi hands a Go program:
// scalars as written, objects and lists as JSON. amlvnet:attach holds SSH
// passwords and amlvnet:aks a TLS key, so they are secret keys as
// `pulumi config set --secret --path` makes them.
func render(c map[string]any) (map[string]string, []string) {
	out := map[string]string{}
	var secrets []string
	for k, v := range c {
		switch v := v.(type) {
		case string:
			out[k] = v
		case bool:
			out[k] = strconv.FormatBool(v)
		default:
			b, err := json.Marshal(v)
			if err != nil {
				panic(fmt.Sprintf("%s: %v", k, err))
			}
			out[k] = string(b)
		}
		if k == "amlvnet:attach" || k == "amlvnet:aks" {
			secrets = append(secrets, k)
		}
	}
	return out, secrets
}

func sortedPaths(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	// Shorter paths first, so a whole object is set before its fields.
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) < len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// setPath sets (or with Unset, removes) the value at path in c. The
// top-level key runs to the first '.' or '[' after its namespace colon.
func setPath(c map[string]any, path string, v any) {
	colon := strings.Index(path, ":")
	end := strings.IndexAny(path[colon+1:], ".[")
	if end < 0 {
		if v == Unset {
			delete(c, path)
		} else {
			c[path] = v
		}
		return
	}
	top, rest := path[:colon+1+end], path[colon+1+end:]
	if _, ok := c[top]; !ok {
		c[top] = map[string]any{}
	}
	c[top] = setIn(c[top], rest, v)
}

// setIn sets the value at rest (".field..." or "[i]...") inside container
// and returns the updated container. Containers are copied, never shared
// with the bases.
func setIn(container any, rest string, v any) any {
	if rest == "" {
		return v
	}
	if rest[0] == '[' {
		closing := strings.Index(rest, "]")
		i, err := strconv.Atoi(rest[1:closing])
		if err != nil {
			panic(fmt.Sprintf("bad index in %q", rest))
		}
		list, _ := container.([]any)
		list = append([]any(nil), list...)
		for len(list) <= i {
			list = append(list, map[string]any{})
		}
		if v == Unset && rest[closing+1:] == "" {
			return append(list[:i], list[i+1:]...)
		}
		list[i] = setIn(list[i], rest[closing+1:], v)
		return list
	}
	name := rest[1:]
	next := ""
	if j := strings.IndexAny(name, ".["); j >= 0 {
		name, next = name[:j], name[j:]
	}
	obj := map[string]any{}
	if m, ok := container.(map[string]any); ok {
		for k, x := range m {
			obj[k] = x
		}
	}
	if v == Unset && next == "" {
		delete(obj, name)
		return obj
	}
	obj[name] = setIn(obj[name], next, v)
	return obj
}
