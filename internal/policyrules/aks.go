package policyrules

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// checkDNS checks one pair of service range and DNS service IP found at
// where.
func checkDNS(m map[string]any, where string) []string {
	dns, dst := getString(m, "dnsServiceIP")
	if dst != known {
		return nil // unknown, or not set: AKS picks its own
	}
	svc, sst := getString(m, "serviceCidr")
	note := ""
	switch sst {
	case unknown:
		return nil
	case missing:
		svc, note = netplan.DefaultServiceCidr, " (AKS's default, as serviceCidr is not set)"
	}
	prefix, err := netip.ParsePrefix(strings.TrimSpace(svc))
	if err != nil {
		return []string{fmt.Sprintf("%s.serviceCidr %q is not a CIDR", where, svc)}
	}
	addr, err := netip.ParseAddr(strings.TrimSpace(dns))
	if err != nil {
		return []string{fmt.Sprintf("%s.dnsServiceIP %q is not an IPv4 address", where, dns)}
	}
	if err := netplan.CheckDNSServiceIP(prefix, addr); err != nil {
		return []string{fmt.Sprintf("%s.dnsServiceIP against serviceCidr %s%s: %v", where, svc, note, err)}
	}
	return nil
}

var aksDNSServiceIP = Policy{
	Name:        "aks-dns-service-ip",
	Description: "An AKS cluster's DNS service IP lies inside its service range and is neither the range's network address, its .1 (the API server's) nor its last address.",
	Enforcement: Mandatory,
	Source:      "the 2019 article \"Secure Azure ML experimentation and inference jobs within an Azure Virtual Network\" (docs.microsoft.com/azure/machine-learning/service/how-to-enable-virtual-network), AKS networking values; Azure/bicep-registry-modules #1469 for the default service range",
	Resource: func(r Resource) []string {
		switch {
		case isType(r.Type, "containerservice", "ManagedCluster"):
			np, st := getMap(r.Inputs, "networkProfile")
			if st != known {
				return nil
			}
			return checkDNS(np, "networkProfile")
		case isMLCompute(r):
			if ct, st := getString(r.Inputs, "properties", "computeType"); st != known || !strings.EqualFold(ct, "AKS") {
				return nil
			}
			cfg, st := getMap(r.Inputs, "properties", "properties", "aksNetworkingConfiguration")
			if st != known {
				return nil
			}
			return checkDNS(cfg, "properties.properties.aksNetworkingConfiguration")
		}
		return nil
	},
}
