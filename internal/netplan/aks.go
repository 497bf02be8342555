package netplan

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
)

// aksReserved are the ranges AKS refuses for the service range, the pod
// range and the cluster's virtual network (Azure/AKS #2234).
var aksReserved = []netip.Prefix{
	netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("172.30.0.0/16"),
	netip.MustParsePrefix("172.31.0.0/16"),
	netip.MustParsePrefix("192.0.2.0/24"),
}

// DefaultDockerBridge is Docker's default bridge network; a VNet that uses it
// collides with the nodes' docker0 interface.
const DefaultDockerBridge = "172.17.0.0/16"

// DefaultServiceCidr is the service range AKS uses when none is given; a DNS
// service IP given alone is checked against it (bicep-registry-modules #1469).
const DefaultServiceCidr = "10.0.0.0/16"

var defaultServiceCidr = netip.MustParsePrefix(DefaultServiceCidr)

// largestServiceBits is the widest service range Kubernetes accepts: the API
// server refuses IPv4 service ranges larger than /12.
const largestServiceBits = 12

// AKSReservedRanges returns the ranges AKS refuses (Azure/AKS #2234). The
// slice is a fresh copy.
func AKSReservedRanges() []netip.Prefix {
	return append([]netip.Prefix(nil), aksReserved...)
}

// AKSReservedOverlap returns the first AKS-reserved range that p overlaps.
func AKSReservedOverlap(p netip.Prefix) (netip.Prefix, bool) {
	for _, r := range aksReserved {
		if Overlaps(r, p) {
			return r, true
		}
	}
	return netip.Prefix{}, false
}

// CheckDNSServiceIP checks the Kubernetes DNS service IP against the service
// range: it must be inside the range and be neither its network address, its
// first address (Kubernetes gives .1 to the API server service) nor its last
// (broadcast) address. Host bits of service are ignored.
func CheckDNSServiceIP(service netip.Prefix, dns netip.Addr) error {
	if !service.IsValid() || !service.Addr().Is4() {
		return errors.New("the service range is not a valid IPv4 prefix")
	}
	if !dns.IsValid() || !dns.Is4() {
		return errors.New("not a valid IPv4 address")
	}
	svc := service.Masked()
	network := svc.Addr()
	last := LastAddr(svc)
	hint := "use another address inside it, " + dnsHint(svc)
	if AddressCount(svc) < 4 {
		hint = fmt.Sprintf("a /%d service range leaves no address for the DNS service IP; use a larger one such as %s", svc.Bits(), defaultServiceCidr)
	}
	switch {
	case !svc.Contains(dns):
		return fmt.Errorf("%s is outside the service range %s; %s", dns, svc, hint)
	case dns == network:
		return fmt.Errorf("%s is the network address of the service range %s; %s", dns, svc, hint)
	case dns == network.Next():
		return fmt.Errorf("%s is the first address of the service range %s, which Kubernetes gives to the API server service; %s", dns, svc, hint)
	case dns == last:
		return fmt.Errorf("%s is the last (broadcast) address of the service range %s; %s", dns, svc, hint)
	}
	return nil
}

// LastAddr is the highest address of an IPv4 prefix.
func LastAddr(p netip.Prefix) netip.Addr {
	a := p.Masked().Addr().As4()
	v := be32(a) | uint32((uint64(1)<<(32-p.Bits()))-1)
	return addrFrom32(v)
}

func be32(a [4]byte) uint32 {
	return uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
}

func addrFrom32(v uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

// dnsHint suggests a DNS service IP inside svc (at least 4 addresses): .10
// as in Azure's examples when the range is big enough, else the first
// address after the API server's.
func dnsHint(svc netip.Prefix) string {
	base := be32(svc.Addr().As4())
	if AddressCount(svc) >= 16 {
		return fmt.Sprintf("e.g. %s", addrFrom32(base+10))
	}
	return fmt.Sprintf("e.g. %s", addrFrom32(base+2))
}

// AKSNetwork is what CheckAKSNetwork checks: the virtual network as planned
// and the three AKS networking values as written in config. The *Field
// strings name the values in problems.
type AKSNetwork struct {
	AddressSpace, Subnets                                  []NamedPrefix
	ServiceCidr, DNSServiceIP, DockerBridgeCidr            string
	ServiceCidrField, DNSServiceIPField, DockerBridgeField string
}

// CheckAKSNetwork checks the AKS networking values against the virtual
// network and each other, and returns every problem at once:
//   - the service range is a valid masked IPv4 CIDR no larger than /12, and
//     overlaps no subnet, no address-space prefix and no AKS-reserved range
//     (Azure: ServiceCidrOverlapExistingSubnetsCidr; it can't change later);
//   - the DNS service IP passes CheckDNSServiceIP; with no service range it is
//     checked against AKS's default 10.0.0.0/16;
//   - the docker bridge (host bits allowed, compared masked; empty = not set)
//     overlaps no subnet, no address-space prefix, not the service range and
//     no AKS-reserved range;
//   - no address-space prefix or subnet overlaps an AKS-reserved range, which
//     AKS refuses for the cluster's virtual network too (Azure/AKS #2234).
func CheckAKSNetwork(n AKSNetwork) []Problem {
	var probs []Problem
	add := func(field, format string, args ...any) {
		probs = append(probs, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
	}

	vnet := validIPv4(n.Subnets, n.AddressSpace)

	svcGiven := strings.TrimSpace(n.ServiceCidr) != ""
	var svc netip.Prefix
	if svcGiven {
		p, err := ParsePrefix(n.ServiceCidr)
		if err != nil {
			add(n.ServiceCidrField, "%v", err)
		} else {
			svc = p
		}
	}
	// The range AKS will actually use, for the DNS IP and docker bridge checks.
	effSvc := svc
	if !svcGiven {
		effSvc = defaultServiceCidr
	}

	// The bridge is compared masked but shown as written (172.17.0.1/16).
	var bridge, bridgeWritten netip.Prefix
	if strings.TrimSpace(n.DockerBridgeCidr) != "" {
		p, err := ParseAddrPrefix(n.DockerBridgeCidr)
		if err != nil {
			add(n.DockerBridgeField, "%v", err)
		} else {
			bridge, bridgeWritten = p.Masked(), p
		}
	}

	if svc.IsValid() {
		avoid := append(prefixesOf(vnet), aksReserved...)
		if bridge.IsValid() {
			avoid = append(avoid, bridge)
		}
		// One suggestion for every problem of the range, so they agree.
		hint := rangeHint(max(svc.Bits(), largestServiceBits), avoid, false)
		if svc.Bits() < largestServiceBits {
			sizeHint := hint
			if sizeHint == "" {
				sizeHint = "; e.g. use " + defaultServiceCidr.String()
			}
			add(n.ServiceCidrField, "%s is larger than /%d, the largest service range Kubernetes accepts%s",
				svc, largestServiceBits, sizeHint)
		}
		if hits := overlapping(vnet, svc); len(hits) > 0 {
			add(n.ServiceCidrField, "%s overlaps %s; the Kubernetes service range must lie outside the virtual network (Azure refuses it with ServiceCidrOverlapExistingSubnetsCidr and it can't be changed later)%s",
				svc, strings.Join(hits, ", "), hint)
		}
		if r, ok := AKSReservedOverlap(svc); ok {
			add(n.ServiceCidrField, "%s overlaps %s, a range AKS reserves%s", svc, r, hint)
		}
	}

	if strings.TrimSpace(n.DNSServiceIP) != "" {
		dns, err := ParseAddr(n.DNSServiceIP)
		switch {
		case err != nil:
			add(n.DNSServiceIPField, "%v", err)
		case !svcGiven:
			if err := CheckDNSServiceIP(defaultServiceCidr, dns); err != nil {
				add(n.DNSServiceIPField, "%v (no service range is given, so AKS uses its default %s)", err, defaultServiceCidr)
			}
		case svc.IsValid():
			if err := CheckDNSServiceIP(svc, dns); err != nil {
				add(n.DNSServiceIPField, "%v", err)
			}
		}
	}

	if bridge.IsValid() {
		avoid := append(prefixesOf(vnet), aksReserved...)
		if effSvc.IsValid() {
			avoid = append(avoid, effSvc)
		}
		hint := rangeHint(bridge.Bits(), avoid, true)
		if hits := overlapping(vnet, bridge); len(hits) > 0 {
			add(n.DockerBridgeField, "%s overlaps %s; the docker bridge must lie outside the virtual network%s",
				bridgeWritten, strings.Join(hits, ", "), hint)
		}
		if effSvc.IsValid() && Overlaps(effSvc, bridge) {
			what := "the service range " + effSvc.String()
			if !svcGiven {
				what = "AKS's default service range " + effSvc.String()
			}
			add(n.DockerBridgeField, "%s overlaps %s; the docker bridge must lie outside it%s", bridgeWritten, what, hint)
		}
		if r, ok := AKSReservedOverlap(bridge); ok {
			add(n.DockerBridgeField, "%s overlaps %s, a range AKS reserves%s", bridgeWritten, r, hint)
		}
	}

	// Report a reserved range once: on every address-space prefix that
	// touches it, and on subnets only when no address-space prefix did.
	reported := map[netip.Prefix]bool{}
	for gi, group := range [][]NamedPrefix{n.AddressSpace, n.Subnets} {
		seen := map[netip.Prefix]bool{}
		for _, np := range validIPv4(group) {
			for _, r := range aksReserved {
				if Overlaps(r, np.Prefix) && !reported[r] {
					add(np.Field, "%s overlaps %s, a range AKS refuses for the cluster's virtual network", np.Prefix.Masked(), r)
					seen[r] = true
				}
			}
		}
		if gi == 0 {
			reported = seen
		}
	}
	return probs
}

// validIPv4 keeps the valid IPv4 entries of the given lists, in order.
func validIPv4(lists ...[]NamedPrefix) []NamedPrefix {
	var out []NamedPrefix
	for _, l := range lists {
		for _, np := range l {
			if np.Prefix.IsValid() && np.Prefix.Addr().Is4() {
				out = append(out, np)
			}
		}
	}
	return out
}

func prefixesOf(nps []NamedPrefix) []netip.Prefix {
	out := make([]netip.Prefix, 0, len(nps)+len(aksReserved)+1)
	for _, np := range nps {
		out = append(out, np.Prefix)
	}
	return out
}

// overlapping names the entries of nps that overlap p, as `field (prefix)`.
func overlapping(nps []NamedPrefix, p netip.Prefix) []string {
	var hits []string
	for _, np := range nps {
		if Overlaps(np.Prefix, p) {
			hits = append(hits, fmt.Sprintf("%s (%s)", np.name(), np.Prefix.Masked()))
		}
	}
	return hits
}

// rangeHint suggests a private range of the given size that overlaps none of
// avoid, as "; e.g. use 10.1.0.0/16". For the docker bridge the suggestion is
// written as the bridge's address, e.g. 172.16.0.1/16, and tried in 172.16/12
// first, where docker's own default lives.
func rangeHint(bits int, avoid []netip.Prefix, bridge bool) string {
	blocks := []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"),
		netip.MustParsePrefix("172.16.0.0/12"),
		netip.MustParsePrefix("192.168.0.0/16"),
	}
	if bridge {
		blocks[0], blocks[1] = blocks[1], blocks[0]
	}
	if bits < 8 || bits > 30 {
		return ""
	}
	for _, b := range blocks {
		if b.Bits() > bits {
			continue
		}
		base := be32(b.Addr().As4())
		step := uint64(1) << (32 - bits)
		count := uint64(1) << (bits - b.Bits())
		for i := range min(count, 256) {
			cand := netip.PrefixFrom(addrFrom32(base+uint32(i*step)), bits)
			if overlapsAny(avoid, cand) {
				continue
			}
			if bridge {
				return fmt.Sprintf("; e.g. use %s/%d", cand.Addr().Next(), bits)
			}
			return fmt.Sprintf("; e.g. use %s", cand)
		}
	}
	return ""
}

func overlapsAny(list []netip.Prefix, p netip.Prefix) bool {
	for _, q := range list {
		if Overlaps(q, p) {
			return true
		}
	}
	return false
}
