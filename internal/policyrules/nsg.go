package policyrules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// openSources are the NSG address prefixes that mean "anyone".
var openSources = []string{"*", "internet", "any", "0.0.0.0/0", "::/0"}

func isOpen(prefix string) bool {
	p := strings.ToLower(strings.TrimSpace(prefix))
	for _, o := range openSources {
		if p == o {
			return true
		}
	}
	return false
}

// tagMatcher matches a service tag with or without its region suffix
// ("Storage", "Storage.EastUS2"); Azure compares tags case-insensitively.
func tagMatcher(tag string) func(string) bool {
	return func(s string) bool {
		s = strings.TrimSpace(s)
		return strings.EqualFold(s, tag) || len(s) > len(tag) && strings.EqualFold(s[:len(tag)+1], tag+".")
	}
}

// tagOrOpen matches the tag or any source that includes it (*, Internet).
func tagOrOpen(tag string) func(string) bool {
	m := tagMatcher(tag)
	return func(s string) bool { return m(s) || isOpen(s) }
}

// nsgRule is one security rule: a standalone SecurityRule or an inline entry
// of a NetworkSecurityGroup's securityRules.
type nsgRule struct {
	name  string
	props map[string]any
	// member says whether the rule belongs to the NSG under examination.
	member tri
}

// opaqueRule stands for rules that exist but cannot be read (an unknown
// securityRules list): every question about it is "maybe".
func opaqueRule() nsgRule {
	props := map[string]any{}
	for _, k := range []string{"direction", "access", "protocol", "priority", "sourceAddressPrefix", "destinationAddressPrefix", "destinationPortRange"} {
		props[k] = Unknown
	}
	return nsgRule{name: "(unknown)", props: props, member: yes}
}

// flatRule reads an inline rule, flattened as azure-native takes it or with
// the ARM "properties" envelope.
func flatRule(e any) (nsgRule, bool) {
	m, ok := e.(map[string]any)
	if !ok {
		return opaqueRule(), isUnknown(e)
	}
	props := map[string]any{}
	if inner, st := getMap(m, "properties"); st == known {
		for k, v := range inner {
			props[k] = v
		}
	}
	for k, v := range m {
		if k != "properties" {
			props[k] = v
		}
	}
	name, _ := getString(m, "name")
	return nsgRule{name: name, props: props, member: yes}, true
}

func (r nsgRule) is(key string, want ...string) tri {
	s, st := getString(r.props, key)
	return eqFold(s, st, want...)
}

func (r nsgRule) protocolCovers(proto string) tri { return r.is("protocol", "*", proto) }

func (r nsgRule) portsCover(ports ...int) tri {
	specs, complete := stringsOf(r.props, "destinationPortRange", "destinationPortRanges")
	out := yes
	for _, p := range ports {
		out = min(out, anyOf(specs, complete, func(s string) bool { return portCovers(s, p) }))
	}
	return out
}

func (r nsgRule) source(ok func(string) bool) tri {
	v, complete := stringsOf(r.props, "sourceAddressPrefix", "sourceAddressPrefixes")
	return anyOf(v, complete, ok)
}

func (r nsgRule) destination(ok func(string) bool) tri {
	v, complete := stringsOf(r.props, "destinationAddressPrefix", "destinationAddressPrefixes")
	return anyOf(v, complete, ok)
}

func (r nsgRule) priorityBelow(limit int) tri {
	p, st := getInt(r.props, "priority")
	switch st {
	case unknown:
		return maybe
	case missing:
		return no
	}
	return triOf(p < limit)
}

func isSecurityRule(r Resource) bool { return isType(r.Type, "network", "SecurityRule") }
func isNSG(r Resource) bool          { return isType(r.Type, "network", "NetworkSecurityGroup") }
func isSubnet(r Resource) bool       { return isType(r.Type, "network", "Subnet") }
func isMLCompute(r Resource) bool    { return isType(r.Type, "machinelearningservices", "Compute") }

func standaloneRule(r Resource) nsgRule {
	name, st := getString(r.Inputs, "securityRuleName")
	if st != known {
		name = urnName(r.URN)
	}
	return nsgRule{name: name, props: r.Inputs, member: yes}
}

// rulesOf lists the rules a resource declares itself: a SecurityRule, or a
// NetworkSecurityGroup's inline rules.
func rulesOf(r Resource) []nsgRule {
	switch {
	case isSecurityRule(r):
		return []nsgRule{standaloneRule(r)}
	case isNSG(r):
		list, st := getList(r.Inputs, "securityRules")
		if st == unknown {
			return []nsgRule{opaqueRule()}
		}
		var out []nsgRule
		for _, e := range list {
			if rule, ok := flatRule(e); ok {
				out = append(out, rule)
			}
		}
		return out
	}
	return nil
}

var nsgNoInternetSSH = Policy{
	Name:        "nsg-no-internet-ssh",
	Description: "No NSG rule allows inbound SSH (TCP 22, or a range or * covering it) from the whole Internet (Internet, *, Any, 0.0.0.0/0).",
	Enforcement: Mandatory,
	Source:      "the 2019 article \"Secure Azure ML experimentation and inference jobs within an Azure Virtual Network\" (docs.microsoft.com/azure/machine-learning/service/how-to-enable-virtual-network): TCP 22 only when remote login is wanted; attached VMs take SSH from AzureMachineLearning",
	Resource: func(r Resource) []string {
		var out []string
		for _, rule := range rulesOf(r) {
			var src string
			t := all(
				rule.is("direction", "Inbound"),
				rule.is("access", "Allow"),
				rule.protocolCovers("Tcp"),
				rule.portsCover(22),
				rule.source(func(s string) bool {
					if isOpen(s) && src == "" {
						src = s
					}
					return isOpen(s)
				}),
			)
			if t == yes {
				out = append(out, fmt.Sprintf("inbound rule %s allows TCP 22 (SSH) from %q, the whole Internet; allow SSH only from named CIDRs (a bastion, an office) or from AzureMachineLearning for attached compute, and keep port 22 out of public port lists", rule.name, src))
			}
		}
		return out
	},
}

// stack indexes the resources the stack rules connect.
type stack struct {
	nsgs, subnets, rules, computes []Resource
}

func newStack(resources []Resource) *stack {
	s := &stack{}
	for _, r := range resources {
		switch {
		case isNSG(r):
			s.nsgs = append(s.nsgs, r)
		case isSubnet(r):
			s.subnets = append(s.subnets, r)
		case isSecurityRule(r):
			s.rules = append(s.rules, r)
		case isMLCompute(r):
			s.computes = append(s.computes, r)
		}
	}
	return s
}

// idSegment returns the value after /<kind>/ in an ARM ID, case-insensitively.
func idSegment(id, kind string) string {
	parts := strings.Split(id, "/")
	for i := 0; i+1 < len(parts); i++ {
		if strings.EqualFold(parts[i], kind) {
			return parts[i+1]
		}
	}
	return ""
}

// sameName compares names that may be unknown ("").
func sameName(a, b string) tri {
	if a == "" || b == "" {
		return maybe
	}
	return triOf(strings.EqualFold(a, b))
}

// knownString is a known string input, or "".
func knownString(r Resource, path ...string) string {
	s, st := getString(r.Inputs, path...)
	if st != known {
		return ""
	}
	return s
}

func nsgName(n Resource) string {
	if s := knownString(n, "networkSecurityGroupName"); s != "" {
		return s
	}
	return idSegment(n.ID, "networkSecurityGroups")
}

func resourceGroup(r Resource) string {
	if s := knownString(r, "resourceGroupName"); s != "" {
		return s
	}
	return idSegment(r.ID, "resourceGroups")
}

func label(r Resource, key string) string {
	if s := knownString(r, key); s != "" {
		return s
	}
	return urnName(r.URN)
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// member tells whether the standalone rule belongs to the NSG.
func (s *stack) member(rule, nsg Resource) tri {
	if refs := rule.Refs["networkSecurityGroupName"]; len(refs) > 0 {
		return triOf(contains(refs, nsg.URN))
	}
	if rule.ID != "" && nsg.ID != "" {
		return triOf(strings.HasPrefix(strings.ToLower(rule.ID), strings.ToLower(nsg.ID)+"/securityrules/"))
	}
	name, st := getString(rule.Inputs, "networkSecurityGroupName")
	switch st {
	case unknown:
		return maybe
	case missing:
		if name = idSegment(rule.ID, "networkSecurityGroups"); name == "" {
			return no
		}
	}
	rg := knownString(rule, "resourceGroupName")
	if rg == "" {
		rg = idSegment(rule.ID, "resourceGroups")
	}
	byName := sameName(name, nsgName(nsg))
	if byName == no {
		return no
	}
	return min(byName, sameName(rg, resourceGroup(nsg)))
}

// rulesOfNSG lists the NSG's inline rules and every standalone rule that
// belongs, or may belong, to it.
func (s *stack) rulesOfNSG(nsg Resource) []nsgRule {
	out := rulesOf(nsg)
	for _, r := range s.rules {
		if m := s.member(r, nsg); m != no {
			rule := standaloneRule(r)
			rule.member = m
			out = append(out, rule)
		}
	}
	return out
}

// some is the best answer over the rules for a question about one rule.
func some(rules []nsgRule, q func(nsgRule) tri) tri {
	out := no
	for _, r := range rules {
		out = max(out, min(r.member, q(r)))
	}
	return out
}

// onlyRef returns the single resource among candidates whose URN is in refs.
func onlyRef(refs []string, candidates []Resource) (Resource, bool) {
	var found []Resource
	for _, c := range candidates {
		if contains(refs, c.URN) {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		return Resource{}, false
	}
	return found[0], true
}

// computeSubnet finds the subnet a compute's properties.properties.subnet.id
// points at: by ID, else by VNet and subnet name, else (ID unknown) by the
// engine's property dependencies.
func (s *stack) computeSubnet(c Resource) (Resource, bool) {
	id, st := getString(c.Inputs, "properties", "properties", "subnet", "id")
	switch st {
	case unknown:
		return onlyRef(c.Refs["properties"], s.subnets)
	case missing:
		return Resource{}, false
	}
	for _, sn := range s.subnets {
		if sn.ID != "" && strings.EqualFold(sn.ID, id) {
			return sn, true
		}
	}
	vnet, sub, rg := idSegment(id, "virtualNetworks"), idSegment(id, "subnets"), idSegment(id, "resourceGroups")
	if vnet == "" || sub == "" {
		return Resource{}, false
	}
	for _, sn := range s.subnets {
		if sameName(vnet, knownString(sn, "virtualNetworkName")) == yes &&
			sameName(sub, knownString(sn, "subnetName")) == yes &&
			sameName(rg, knownString(sn, "resourceGroupName")) != no {
			return sn, true
		}
	}
	return Resource{}, false
}

// subnetNSG finds the NSG a subnet's networkSecurityGroup.id points at.
func (s *stack) subnetNSG(sn Resource) (Resource, bool) {
	id, st := getString(sn.Inputs, "networkSecurityGroup", "id")
	switch st {
	case unknown:
		return onlyRef(sn.Refs["networkSecurityGroup"], s.nsgs)
	case missing:
		return Resource{}, false
	}
	for _, n := range s.nsgs {
		if n.ID != "" && strings.EqualFold(n.ID, id) {
			return n, true
		}
	}
	name, rg := idSegment(id, "networkSecurityGroups"), idSegment(id, "resourceGroups")
	var found []Resource
	for _, n := range s.nsgs {
		if sameName(name, nsgName(n)) == yes && sameName(rg, resourceGroup(n)) != no {
			found = append(found, n)
		}
	}
	if len(found) != 1 {
		return Resource{}, false
	}
	return found[0], true
}

type inboundNeed struct {
	tag, ports, why string
	portList        []int
}

var amlComputeInbound = []inboundNeed{
	{tag: "BatchNodeManagement", ports: "29876-29877", portList: []int{29876, 29877}, why: "the Batch service cannot reach the nodes (2019 article)"},
	{tag: "AzureMachineLearning", ports: "44224", portList: []int{44224}, why: "Azure ML cannot reach nodes that have a public IP (current docs)"},
}

var amlComputeNSGInbound = Policy{
	Name:        "amlcompute-nsg-inbound",
	Description: "The NSG of a subnet that hosts an AmlCompute cluster with public node IPs allows inbound TCP 29876-29877 from BatchNodeManagement and TCP 44224 from AzureMachineLearning.",
	Enforcement: Mandatory,
	Source:      "the 2019 article \"Secure Azure ML experimentation and inference jobs within an Azure Virtual Network\" (docs.microsoft.com/azure/machine-learning/service/how-to-enable-virtual-network) (29876-29877 from BatchNodeManagement); https://learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall (44224 from AzureMachineLearning)",
	Stack: func(resources []Resource) []Violation {
		s := newStack(resources)
		var out []Violation
		seen := map[string]bool{}
		for _, c := range s.computes {
			if ct, st := getString(c.Inputs, "properties", "computeType"); st != known || !strings.EqualFold(ct, "AmlCompute") {
				continue
			}
			// Current docs: compute without a public IP needs no inbound rule.
			if pub, st := getBool(c.Inputs, "properties", "properties", "enableNodePublicIp"); st == known && !pub {
				continue
			}
			sn, ok := s.computeSubnet(c)
			if !ok {
				continue
			}
			nsg, ok := s.subnetNSG(sn)
			if !ok {
				continue
			}
			rules := s.rulesOfNSG(nsg)
			for _, need := range amlComputeInbound {
				if seen[nsg.URN+need.tag] {
					continue
				}
				t := some(rules, func(r nsgRule) tri {
					return all(r.is("direction", "Inbound"), r.is("access", "Allow"), r.protocolCovers("Tcp"),
						r.source(tagOrOpen(need.tag)), r.portsCover(need.portList...))
				})
				if t == no {
					seen[nsg.URN+need.tag] = true
					out = append(out, Violation{URN: nsg.URN, Message: fmt.Sprintf(
						"NSG %s, on subnet %s where AmlCompute %s runs, has no inbound rule allowing TCP %s from %s, so %s; add it",
						label(nsg, "networkSecurityGroupName"), label(sn, "subnetName"), label(c, "computeName"), need.ports, need.tag, need.why)})
				}
			}
		}
		return out
	},
}

// outboundNeed is a service tag compute must still reach when the Internet
// is denied, on a protocol and ports.
type outboundNeed struct {
	tag, protocol string
	ports         []int
	// notIn names a cloud where the tag is not needed.
	notIn string
}

func (n outboundNeed) String() string {
	ports := make([]string, len(n.ports))
	for i, p := range n.ports {
		ports[i] = strconv.Itoa(p)
	}
	return fmt.Sprintf("%s (%s %s)", n.tag, strings.ToUpper(n.protocol), strings.Join(ports, ", "))
}

// outboundNeeds are the service tags of the 2019 article (Storage,
// AzureContainerRegistry, AzureMachineLearning) and of the current table in
// "Configure inbound and outbound network traffic" (the rest, with ports).
var outboundNeeds = []outboundNeed{
	{tag: "Storage", protocol: "Tcp", ports: []int{443}},
	{tag: "AzureContainerRegistry", protocol: "Tcp", ports: []int{443}},
	{tag: "AzureMachineLearning", protocol: "Tcp", ports: []int{443, 8787, 18881}},
	{tag: "AzureMachineLearning", protocol: "Udp", ports: []int{5831}},
	{tag: "AzureActiveDirectory", protocol: "Tcp", ports: []int{80, 443}},
	{tag: "AzureResourceManager", protocol: "Tcp", ports: []int{443}},
	{tag: "BatchNodeManagement", protocol: "Tcp", ports: []int{443}},
	{tag: "MicrosoftContainerRegistry", protocol: "Tcp", ports: []int{443}},
	{tag: "AzureFrontDoor.FirstParty", protocol: "Tcp", ports: []int{443}},
	{tag: "AzureFrontDoor.FrontEnd", protocol: "Tcp", ports: []int{443}, notIn: netplan.CloudChina},
	{tag: "AzureMonitor", protocol: "Tcp", ports: []int{443}},
}

var restrictedOutboundAllowsAzureML = Policy{
	Name:        "restricted-outbound-allows-azureml",
	Description: "An NSG that denies outbound Internet traffic allows, at a higher precedence (lower priority number), outbound TCP 443 to Storage.<Region>, AzureContainerRegistry.<Region>, AzureResourceManager, BatchNodeManagement.<Region>, MicrosoftContainerRegistry, AzureFrontDoor.FirstParty, AzureFrontDoor.FrontEnd (not in Azure operated by 21Vianet) and AzureMonitor, TCP 80 and 443 to AzureActiveDirectory, and TCP 443, 8787, 18881 and UDP 5831 to AzureMachineLearning.",
	Enforcement: Mandatory,
	Source:      "the 2019 article \"Secure Azure ML experimentation and inference jobs within an Azure Virtual Network\" (docs.microsoft.com/azure/machine-learning/service/how-to-enable-virtual-network) (deny Internet, allow Storage, AzureContainerRegistry, AzureMachineLearning); https://learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall (the table of service tags and ports)",
	Stack: func(resources []Resource) []Violation {
		s := newStack(resources)
		var out []Violation
	nsgs:
		for _, nsg := range s.nsgs {
			rules := s.rulesOfNSG(nsg)
			deny := -1
			for _, r := range rules {
				if all(r.member, r.is("direction", "Outbound"), r.is("access", "Deny"), r.protocolCovers("Tcp"),
					r.portsCover(443), r.destination(isOpen)) != yes {
					continue
				}
				p, st := getInt(r.props, "priority")
				if st != known {
					continue nsgs // cannot tell which rules come first
				}
				if deny < 0 || p < deny {
					deny = p
				}
			}
			if deny < 0 {
				continue
			}
			cloud := ""
			if loc, st := getString(nsg.Inputs, "location"); st == known {
				if region, err := netplan.CanonicalRegion(loc); err == nil {
					cloud = netplan.RegionCloud(region)
				}
			}
			var lacking []string
			for _, need := range outboundNeeds {
				if need.notIn != "" && need.notIn == cloud {
					continue
				}
				t := some(rules, func(r nsgRule) tri {
					return all(r.is("direction", "Outbound"), r.is("access", "Allow"), r.protocolCovers(need.protocol),
						r.portsCover(need.ports...), r.destination(tagMatcher(need.tag)), r.priorityBelow(deny))
				})
				if t == no {
					lacking = append(lacking, need.String())
				}
			}
			if len(lacking) > 0 {
				out = append(out, Violation{URN: nsg.URN, Message: fmt.Sprintf(
					"NSG %s denies outbound Internet at priority %d but has no outbound allow at a priority number below %d for %s; Azure ML compute behind it cannot reach its storage, images, identity, monitoring or control plane",
					label(nsg, "networkSecurityGroupName"), deny, deny, strings.Join(lacking, ", "))})
			}
		}
		return out
	},
}
