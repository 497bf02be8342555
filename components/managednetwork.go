package components

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// The workspace's managed virtual network: Azure ML creates and runs the
// network its managed computes (clusters, instances, serverless compute,
// managed online endpoints) use, and enforces outbound rules on it. Every
// Azure behaviour relied on below is from "Workspace managed virtual network
// isolation", https://learn.microsoft.com/azure/machine-learning/how-to-managed-network,
// unless another source is named.

// Outbound modes of a managed network (ManagedNetworkSpec.Outbound).
const (
	// ManagedOutboundInternet is Azure's AllowInternetOutbound: everything
	// may go out; the rules add private endpoints.
	ManagedOutboundInternet = "internet"
	// ManagedOutboundApproved is Azure's AllowOnlyApprovedOutbound: only
	// what the rules (and Azure's required rules) allow goes out.
	ManagedOutboundApproved = "approved"
)

// Types of outbound rules (ManagedOutboundRule.Type).
const (
	RuleTypeFQDN            = "fqdn"
	RuleTypePrivateEndpoint = "privateEndpoint"
	RuleTypeServiceTag      = "serviceTag"
)

// SKUs of the Azure Firewall that the first FQDN rule creates.
const (
	FirewallSkuStandard = "Standard"
	FirewallSkuBasic    = "Basic"
)

// Defaults of ManagedNetworkSpec and ManagedOutboundRule.
const (
	DefaultManagedOutbound = ManagedOutboundApproved
	DefaultFirewallSku     = FirewallSkuStandard
	DefaultRuleProtocol    = "TCP"
)

// ManagedNetworkSpec is a workspace's managed virtual network. In the root
// program it is amlvnet:network.managed, used with isolation managed.
type ManagedNetworkSpec struct {
	// Outbound is "internet" (AllowInternetOutbound) or "approved"
	// (AllowOnlyApprovedOutbound). Optional. Defaults to "approved". Azure
	// never lets a workspace go back: not from a managed network to none,
	// nor from approved to internet.
	Outbound string `json:"outbound,omitempty" pulumi:"outbound,optional"`
	// FirewallSku of the Azure Firewall that Azure creates for FQDN rules:
	// Standard or Basic (a preview in Azure). Only with FQDN rules.
	// Optional. Defaults to Standard when there are FQDN rules.
	FirewallSku string `json:"firewallSku,omitempty" pulumi:"firewallSku,optional"`
	// Rules are the user-defined outbound rules. Azure adds the rules the
	// workspace itself needs. Optional.
	Rules []ManagedOutboundRule `json:"rules,omitempty" pulumi:"rules,optional"`
}

// ManagedOutboundRule is one outbound rule of a managed network.
type ManagedOutboundRule struct {
	// Name of the rule: 3-33 letters, digits, '_' or '-', starting with a
	// letter or digit; unique in the workspace. Required.
	Name string `json:"name" pulumi:"name"`
	// Type is fqdn, privateEndpoint or serviceTag. Required. fqdn and
	// serviceTag rules need Outbound approved.
	Type string `json:"type" pulumi:"type"`
	// Destination of an fqdn rule: a host name, e.g. pypi.org or
	// *.anaconda.org; never a storage account's. Required for fqdn.
	Destination string `json:"destination,omitempty" pulumi:"destination,optional"`
	// ResourceID of a privateEndpoint rule's target: an ARM resource ID, or
	// the name of a resource created alongside the workspace (the root
	// program: inferenceStorage). Required for privateEndpoint.
	ResourceID string `json:"resourceId,omitempty" pulumi:"resourceId,optional"`
	// Subresource of a privateEndpoint rule: the target's private-link group,
	// e.g. blob. Required for privateEndpoint.
	Subresource string `json:"subresource,omitempty" pulumi:"subresource,optional"`
	// ServiceTag of a serviceTag rule, e.g. AzureMonitor. Required for
	// serviceTag.
	ServiceTag string `json:"serviceTag,omitempty" pulumi:"serviceTag,optional"`
	// Protocol of a serviceTag rule: TCP, UDP, ICMP or *. Optional. Defaults
	// to TCP.
	Protocol string `json:"protocol,omitempty" pulumi:"protocol,optional"`
	// Ports of a serviceTag rule: ports and ranges separated by commas
	// ("443", "80,8080-8089") or "*". Required for serviceTag. An fqdn rule
	// may say "80", "443" or "80,443": Azure's firewall opens nothing else
	// for it.
	Ports string `json:"ports,omitempty" pulumi:"ports,optional"`
}

// WithDefaults returns the spec with its documented defaults filled in.
func (s ManagedNetworkSpec) WithDefaults() ManagedNetworkSpec {
	if s.Outbound == "" {
		s.Outbound = DefaultManagedOutbound
	}
	if s.FirewallSku == "" && s.HasFQDNRules() {
		s.FirewallSku = DefaultFirewallSku
	}
	s.Rules = slices.Clone(s.Rules)
	for i := range s.Rules {
		if s.Rules[i].Type == RuleTypeServiceTag && s.Rules[i].Protocol == "" {
			s.Rules[i].Protocol = DefaultRuleProtocol
		}
	}
	return s
}

// HasFQDNRules tells whether any rule is an fqdn rule: the first one makes
// Azure create an Azure Firewall, billed while the network exists.
func (s ManagedNetworkSpec) HasFQDNRules() bool {
	return slices.ContainsFunc(s.Rules, func(r ManagedOutboundRule) bool { return r.Type == RuleTypeFQDN })
}

// IsolationMode is Azure's name of the outbound mode of a defaulted spec.
func (s ManagedNetworkSpec) IsolationMode() string {
	if s.Outbound == ManagedOutboundInternet {
		return "AllowInternetOutbound"
	}
	return "AllowOnlyApprovedOutbound"
}

// ManagedNetworkSite is what a managed network's validation needs to know
// of the resources around it.
type ManagedNetworkSite struct {
	// Targets maps the names a privateEndpoint rule may give as its
	// resourceId, instead of an ARM ID, to the ARM type of the resource they
	// name (e.g. "inferenceStorage": "Microsoft.Storage/storageAccounts").
	Targets map[string]string
}

var (
	// The pattern of an outbound rule's name in the REST API (ruleName,
	// machinelearningservices stable/2024-10-01 workspaceRP.json).
	outboundRuleName = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$`)
	armResourceID    = regexp.MustCompile(`(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/([^/]+/[^/]+)/[^/]+$`)
	serviceTagName   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$`)
	ruleProtocols    = []string{"TCP", "UDP", "ICMP", "*"}
)

// privateLinkGroups are the sub-resources a private endpoint can reach on
// the resource types a workspace's rules usually name ("Private-link
// resource", https://learn.microsoft.com/azure/private-link/private-endpoint-overview#private-link-resource).
// Other types are not checked.
var privateLinkGroups = map[string][]string{
	"microsoft.storage/storageaccounts":            {"blob", "blob_secondary", "dfs", "dfs_secondary", "file", "queue", "queue_secondary", "table", "table_secondary", "web", "web_secondary"},
	"microsoft.keyvault/vaults":                    {GroupVault},
	"microsoft.containerregistry/registries":       {GroupRegistry},
	"microsoft.machinelearningservices/workspaces": {GroupWorkspace},
}

// Validate reports every problem of the spec, named below p.
func (s ManagedNetworkSpec) Validate(p *Path, site ManagedNetworkSite) Problems {
	s = s.WithDefaults()
	var ps Problems
	internet := false
	switch s.Outbound {
	case ManagedOutboundApproved:
	case ManagedOutboundInternet:
		internet = true
	default:
		ps.Add(p.Child("outbound"), "%q is not an outbound mode; use %s (Azure's AllowInternetOutbound) or %s (AllowOnlyApprovedOutbound)", s.Outbound, ManagedOutboundInternet, ManagedOutboundApproved)
	}
	switch {
	case s.FirewallSku == "":
	case !s.HasFQDNRules():
		ps.Add(p.Child("firewallSku"), "has no effect without fqdn rules: Azure creates the firewall for the first fqdn rule; remove it")
	case s.FirewallSku == FirewallSkuBasic:
		ps.Warn(p.Child("firewallSku"), "Basic is a preview in Azure ML managed networks; Standard is the supported default")
	case s.FirewallSku != FirewallSkuStandard:
		ps.Add(p.Child("firewallSku"), "%q is not a firewall SKU; use %s or %s", s.FirewallSku, FirewallSkuStandard, FirewallSkuBasic)
	}
	names := map[string]string{}
	for i, r := range s.Rules {
		rp := p.Child("rules").Index(i)
		if !outboundRuleName.MatchString(r.Name) {
			ps.Add(rp.Child("name"), "%q is not a rule name: 3-33 letters, digits, '_' or '-', starting with a letter or digit", r.Name)
		} else if first, dup := names[strings.ToLower(r.Name)]; dup {
			ps.Add(rp.Child("name"), "%q is also the name of %s; rule names are unique in a workspace", r.Name, first)
		} else {
			names[strings.ToLower(r.Name)] = rp.String()
		}
		r.validate(&ps, rp, internet, site)
	}
	return ps
}

// validate checks one rule of a defaulted spec.
func (r ManagedOutboundRule) validate(ps *Problems, p *Path, internet bool, site ManagedNetworkSite) {
	var uses []string
	switch r.Type {
	case RuleTypeFQDN:
		uses = []string{"destination", "ports"}
		if err := netplan.CheckFQDN(r.Destination); err != nil {
			ps.Add(p.Child("destination"), "%v", err)
		} else if service, ok := netplan.StorageHost(r.Destination); ok {
			ps.Add(p.Child("destination"), "%s is a storage endpoint, and Azure refuses FQDN rules to storage accounts: use a %s rule with the account's resourceId and subresource %s", r.Destination, RuleTypePrivateEndpoint, orText(service, GroupBlob))
		}
		if r.Ports != "" {
			for _, port := range strings.Split(r.Ports, ",") {
				if port = strings.TrimSpace(port); port != "80" && port != "443" {
					ps.Add(p.Child("ports"), "%q: FQDN rules carry ports 80 and 443 only (Azure's managed firewall); use 80, 443 or 80,443, or a %s rule for other ports", port, RuleTypeServiceTag)
				}
			}
		}
	case RuleTypePrivateEndpoint:
		uses = []string{"resourceId", "subresource"}
		r.validatePrivateEndpoint(ps, p, site)
	case RuleTypeServiceTag:
		uses = []string{"serviceTag", "protocol", "ports"}
		if r.ServiceTag == "" {
			ps.Add(p.Child("serviceTag"), "is required for a %s rule, e.g. AzureMonitor or Storage.EastUS2", RuleTypeServiceTag)
		} else if !serviceTagName.MatchString(r.ServiceTag) {
			ps.Add(p.Child("serviceTag"), "%q is not a service tag name such as AzureMonitor or Storage.EastUS2", r.ServiceTag)
		}
		if !slices.Contains(ruleProtocols, r.Protocol) {
			ps.Add(p.Child("protocol"), "%q is not a protocol; use one of %v", r.Protocol, ruleProtocols)
		}
		if r.Ports == "" {
			ps.Add(p.Child("ports"), "is required for a %s rule: ports and ranges such as 443 or 80,8080-8089, or *", RuleTypeServiceTag)
		} else if err := checkPortRanges(r.Ports); err != nil {
			ps.Add(p.Child("ports"), "%v", err)
		}
	default:
		ps.Add(p.Child("type"), "%q is not a rule type; use %s, %s or %s", r.Type, RuleTypeFQDN, RuleTypePrivateEndpoint, RuleTypeServiceTag)
		return
	}
	if internet && r.Type != RuleTypePrivateEndpoint {
		ps.Add(p.Child("type"), "a %s rule needs outbound %s: with outbound %s everything may go out already, and Azure takes %s rules only", r.Type, ManagedOutboundApproved, ManagedOutboundInternet, RuleTypePrivateEndpoint)
	}
	for _, f := range []struct{ field, value string }{
		{"destination", r.Destination}, {"resourceId", r.ResourceID}, {"subresource", r.Subresource},
		{"serviceTag", r.ServiceTag}, {"protocol", r.Protocol}, {"ports", r.Ports},
	} {
		if f.value != "" && !slices.Contains(uses, f.field) {
			ps.Add(p.Child(f.field), "has no effect on a %s rule; remove it", r.Type)
		}
	}
}

func (r ManagedOutboundRule) validatePrivateEndpoint(ps *Problems, p *Path, site ManagedNetworkSite) {
	armType := ""
	switch target, named := site.Targets[r.ResourceID]; {
	case named:
		armType = target
	case r.ResourceID == "":
		ps.Add(p.Child("resourceId"), "is required for a %s rule: %s", RuleTypePrivateEndpoint, resourceIDHint(site))
	default:
		m := armResourceID.FindStringSubmatch(r.ResourceID)
		if m == nil {
			ps.Add(p.Child("resourceId"), "%q is not an ARM resource ID; give %s", r.ResourceID, resourceIDHint(site))
		} else {
			armType = m[1]
		}
	}
	groups := privateLinkGroups[strings.ToLower(armType)]
	switch {
	case r.Subresource == "":
		ps.Add(p.Child("subresource"), "is required for a %s rule: the target's private-link group, e.g. blob for a storage account", RuleTypePrivateEndpoint)
	case groups != nil && !slices.Contains(groups, r.Subresource):
		ps.Add(p.Child("subresource"), "%q is not a private-link group of %s; use one of %v", r.Subresource, armType, groups)
	}
}

func resourceIDHint(site ManagedNetworkSite) string {
	hint := "an ARM resource ID such as /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>"
	if len(site.Targets) > 0 {
		hint += fmt.Sprintf(", or one of %v", slices.Sorted(maps.Keys(site.Targets)))
	}
	return hint
}

// checkPortRanges checks Azure's port-range syntax: "*", or ports and
// ranges 1-65535 separated by commas.
func checkPortRanges(s string) error {
	if strings.TrimSpace(s) == "*" {
		return nil
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(part, "-")
		a, errA := strconv.Atoi(lo)
		b := a
		var errB error
		if isRange {
			b, errB = strconv.Atoi(hi)
		}
		if errA != nil || errB != nil || a < 1 || b > 65535 || a > b {
			return fmt.Errorf("%q is not a port or range 1-65535; write ports and ranges such as 443 or 80,8080-8089, or *", part)
		}
	}
	return nil
}
