package netplan

import "net/netip"

// nonPublic lists the IPv4 ranges that aren't public internet addresses, in
// the order a reason is picked when a prefix touches several. Azure Storage
// refuses them in IP rules ("IP network rules are allowed only for public
// internet IP addresses"). The documentation ranges (192.0.2.0/24,
// 198.51.100.0/24, 203.0.113.0/24) are deliberately absent: our examples use
// them as stand-ins for public addresses.
var nonPublic = []struct {
	prefix netip.Prefix
	name   string
}{
	{netip.MustParsePrefix("10.0.0.0/8"), "the RFC 1918 private range 10.0.0.0/8"},
	{netip.MustParsePrefix("172.16.0.0/12"), "the RFC 1918 private range 172.16.0.0/12"},
	{netip.MustParsePrefix("192.168.0.0/16"), "the RFC 1918 private range 192.168.0.0/16"},
	{netip.MustParsePrefix("100.64.0.0/10"), "the shared carrier-grade NAT range 100.64.0.0/10"},
	{netip.MustParsePrefix("127.0.0.0/8"), "the loopback range 127.0.0.0/8"},
	{netip.MustParsePrefix("169.254.0.0/16"), "the link-local range 169.254.0.0/16"},
	{netip.MustParsePrefix("0.0.0.0/8"), `the "this network" range 0.0.0.0/8`},
	{netip.MustParsePrefix("224.0.0.0/4"), "the multicast range 224.0.0.0/4"},
	{netip.MustParsePrefix("240.0.0.0/4"), "the reserved range 240.0.0.0/4 (including broadcast 255.255.255.255)"},
}

// NonPublicReason reports whether p touches a range that isn't public
// internet address space. ok is false when p is entirely public; otherwise
// reason names the non-public range it touches, e.g. "the RFC 1918 private
// range 10.0.0.0/8". An invalid or IPv6 prefix is reported as not public.
func NonPublicReason(p netip.Prefix) (reason string, ok bool) {
	if !p.IsValid() || !p.Addr().Is4() {
		return "not a valid IPv4 prefix", true
	}
	for _, r := range nonPublic {
		if Overlaps(r.prefix, p) {
			return r.name, true
		}
	}
	return "", false
}

// StorageIPRules turns a public prefix into Azure Storage IP rule values.
// Storage refuses /31 and /32 prefixes ("small address ranges using /31 or
// /32 prefix sizes aren't supported") and wants single addresses instead: a
// /32 becomes its address, a /31 its two addresses, anything else stays a
// CIDR. An invalid or IPv6 prefix gives nil.
func StorageIPRules(p netip.Prefix) []string {
	if !p.IsValid() || !p.Addr().Is4() {
		return nil
	}
	m := p.Masked()
	switch m.Bits() {
	case 32:
		return []string{m.Addr().String()}
	case 31:
		return []string{m.Addr().String(), m.Addr().Next().String()}
	}
	return []string{m.String()}
}
