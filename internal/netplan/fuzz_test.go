package netplan

import (
	"bytes"
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
)

// maxFuzzString bounds fuzzed strings: config values are short, and long
// inputs only slow the fuzzer's minimization down.
const maxFuzzString = 64

func FuzzParsePrefix(f *testing.F) {
	for _, s := range []string{
		"10.0.0.0/16", "10.0.0.1/24", "0.0.0.0/0", "255.255.255.255/32", " 10.20.0.0/24 ",
		"10.0.0.5", "10.0.0.0/33", "10.0.0.0/08", "010.0.0.0/8", "fd00::/8", "::ffff:10.0.0.0/104",
		"", "/", "1.2.3.4/", "/24", "1.2.3.4/+8", "1.2.3.4%eth0/8",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Long inputs teach nothing new and make minimization stall the run.
		if len(s) > maxFuzzString {
			t.Skip()
		}
		p, err := ParsePrefix(s)
		if err == nil {
			if !p.IsValid() || !p.Addr().Is4() {
				t.Fatalf("ParsePrefix(%q) = %v: not IPv4", s, p)
			}
			if p.Masked() != p {
				t.Fatalf("ParsePrefix(%q) = %v: not masked", s, p)
			}
			q, err := ParsePrefix(p.String())
			if err != nil || q != p {
				t.Fatalf("round trip of %v: %v, %v", p, q, err)
			}
		} else if err.Error() == "" {
			t.Fatalf("ParsePrefix(%q): empty error message", s)
		}
		if ap, err := ParseAddrPrefix(s); err == nil {
			if !ap.Addr().Is4() || (p.IsValid() && ap.Masked() != p) {
				t.Fatalf("ParseAddrPrefix(%q) = %v disagrees with ParsePrefix %v", s, ap, p)
			}
		} else if p.IsValid() {
			t.Fatalf("ParseAddrPrefix(%q) failed where ParsePrefix succeeded: %v", s, err)
		}
		if a, err := ParseAddr(s); err == nil && !a.Is4() {
			t.Fatalf("ParseAddr(%q) = %v: not IPv4", s, a)
		}
	})
}

func FuzzOverlapContains(f *testing.F) {
	f.Add(uint32(0x0a000000), uint8(8), uint32(0x0a140000), uint8(16))   // 10/8 ⊃ 10.20/16
	f.Add(uint32(0x0a140000), uint8(24), uint32(0x0a140100), uint8(24))  // adjacent
	f.Add(uint32(0x0a140001), uint8(24), uint32(0x0a140000), uint8(24))  // host bits, equal
	f.Add(uint32(0), uint8(0), uint32(0xffffffff), uint8(32))            // everything ⊃ broadcast
	f.Add(uint32(0xac110001), uint8(16), uint32(0xac1f0000), uint8(200)) // bits out of range
	f.Fuzz(func(t *testing.T, av uint32, abits uint8, bv uint32, bbits uint8) {
		a := netip.PrefixFrom(addrFrom32(av), int(abits)%33)
		b := netip.PrefixFrom(addrFrom32(bv), int(bbits)%33)
		if Overlaps(a, b) != Overlaps(b, a) {
			t.Fatalf("Overlaps(%v, %v) not symmetric", a, b)
		}
		if Contains(a, b) && !Overlaps(a, b) {
			t.Fatalf("Contains(%v, %v) without Overlaps", a, b)
		}
		if (Contains(a, b) && Contains(b, a)) != (a.Masked() == b.Masked()) {
			t.Fatalf("mutual containment of %v and %v disagrees with equality", a, b)
		}
		if !Overlaps(a, a) || !Contains(a, a) {
			t.Fatalf("%v doesn't overlap or contain itself", a)
		}
		// Overlap means one contains the other for prefixes.
		if Overlaps(a, b) != (Contains(a, b) || Contains(b, a)) {
			t.Fatalf("Overlaps(%v, %v) disagrees with containment", a, b)
		}
		if UsableAddresses(a) > AddressCount(a) {
			t.Fatalf("UsableAddresses(%v) > AddressCount", a)
		}
		// The reference: plain integer ranges [lo, hi] of the masked prefixes.
		alo, ahi := span(a)
		blo, bhi := span(b)
		if want := alo <= bhi && blo <= ahi; Overlaps(a, b) != want {
			t.Fatalf("Overlaps(%v, %v) = %v, ranges [%d, %d] and [%d, %d] say %v", a, b, !want, alo, ahi, blo, bhi, want)
		}
		if want := alo <= blo && bhi <= ahi; Contains(a, b) != want {
			t.Fatalf("Contains(%v, %v) = %v, ranges [%d, %d] and [%d, %d] say %v", a, b, !want, alo, ahi, blo, bhi, want)
		}
		if n := ahi - alo + 1; AddressCount(a) != n || UsableAddresses(a) != n-min(n, AzureReservedAddresses) {
			t.Fatalf("%v: AddressCount %d, UsableAddresses %d for %d addresses", a, AddressCount(a), UsableAddresses(a), n)
		}
		if got := uint64(be32(LastAddr(a).As4())); got != ahi {
			t.Fatalf("LastAddr(%v) = %v, want address %d", a, LastAddr(a), ahi)
		}
	})
}

// span is the first and last address of an IPv4 prefix as integers,
// computed without netip: the start with the host bits cleared, the end
// that plus 2^(32-bits) - 1.
func span(p netip.Prefix) (lo, hi uint64) {
	a := p.Addr().As4()
	v := uint64(a[0])<<24 | uint64(a[1])<<16 | uint64(a[2])<<8 | uint64(a[3])
	size := uint64(1) << (32 - p.Bits())
	lo = v / size * size
	return lo, lo + size - 1
}

// disjoint tells whether two IPv4 prefixes share no address, by span.
func disjoint(a, b netip.Prefix) bool {
	alo, ahi := span(a)
	blo, bhi := span(b)
	return ahi < blo || bhi < alo
}

func FuzzCheckAKSNetwork(f *testing.F) {
	f.Add("10.20.0.0/16", "10.20.0.0/24", "10.20.4.0/22", "10.0.0.0/16", "10.0.0.10", "172.17.0.1/16")
	f.Add("10.20.0.0/16", "10.20.0.0/24", "10.20.4.0/22", "10.20.0.0/16", "10.20.0.10", "")
	f.Add("10.0.0.0/8", "10.1.0.0/16", "", "", "10.0.0.10", "10.0.0.1/24")
	f.Add("172.16.0.0/12", "172.30.0.0/24", "x", "172.31.0.0/16", "172.31.0.1", "172.17.0.1")
	f.Add("", "10.0.0.0/24", "10.0.1.0/24", "10.0.0.0/31", "10.0.0.1", "0.0.0.0/0")
	f.Add("fd00::/8", "", "", "::/0", "::1", "::/0")
	// The edges of the service range, where a DNS IP is refused, and a
	// bridge touching the default service range.
	for _, dns := range []string{"10.1.0.0", "10.1.0.1", "10.1.0.2", "10.1.0.254", "10.1.0.255", "10.1.1.0"} {
		f.Add("10.20.0.0/16", "10.20.0.0/24", "", "10.1.0.0/24", dns, "")
	}
	f.Add("10.20.0.0/16", "10.20.0.0/24", "", "", "10.0.0.10", "10.0.255.1/24")
	f.Fuzz(func(t *testing.T, space, sub1, sub2, svc, dns, bridge string) {
		if len(space)+len(sub1)+len(sub2)+len(svc)+len(dns)+len(bridge) > 4*maxFuzzString {
			t.Skip()
		}
		var n AKSNetwork
		if p, err := ParsePrefix(space); err == nil {
			n.AddressSpace = []NamedPrefix{{Field: "space", Prefix: p}}
		}
		for i, s := range []string{sub1, sub2} {
			if p, err := ParsePrefix(s); err == nil {
				n.Subnets = append(n.Subnets, NamedPrefix{Field: []string{"sub1", "sub2"}[i], Prefix: p})
			}
		}
		n.ServiceCidr, n.DNSServiceIP, n.DockerBridgeCidr = svc, dns, bridge
		n.ServiceCidrField, n.DNSServiceIPField, n.DockerBridgeField = "svc", "dns", "bridge"
		probs := CheckAKSNetwork(n)
		for _, p := range probs {
			if p.Message == "" {
				t.Fatalf("empty message in %v", probs)
			}
		}
		if len(probs) > 0 {
			return
		}
		// The reference for a clean network: the DNS IP lies inside the
		// service range AKS uses, past its network address and the API
		// server's, before its broadcast; the bridge shares no address
		// with that range, the network or a reserved range; nothing in the
		// network touches a reserved range.
		eff := netip.MustParsePrefix(DefaultServiceCidr)
		if strings.TrimSpace(svc) != "" {
			eff, _ = ParsePrefix(svc)
		}
		lo, hi := span(eff)
		if strings.TrimSpace(dns) != "" {
			a, err := ParseAddr(dns)
			if err != nil {
				t.Fatalf("no problems, yet the DNS IP %q doesn't parse: %v", dns, err)
			}
			if v := uint64(be32(a.As4())); v < lo+2 || v >= hi {
				t.Fatalf("no problems, yet the DNS IP %v is not an assignable address of %v", a, eff)
			}
		}
		network := append(append([]NamedPrefix(nil), n.Subnets...), n.AddressSpace...)
		if strings.TrimSpace(bridge) != "" {
			b, err := ParseAddrPrefix(bridge)
			if err != nil {
				t.Fatalf("no problems, yet the bridge %q doesn't parse: %v", bridge, err)
			}
			if !disjoint(b, eff) {
				t.Fatalf("no problems, yet the bridge %v overlaps the service range %v", b, eff)
			}
			for _, s := range network {
				if !disjoint(b, s.Prefix) {
					t.Fatalf("no problems, yet the bridge %v overlaps %s %v", b, s.Field, s.Prefix)
				}
			}
			for _, r := range AKSReservedRanges() {
				if !disjoint(b, r) {
					t.Fatalf("no problems, yet the bridge %v overlaps the reserved %v", b, r)
				}
			}
		}
		for _, s := range network {
			for _, r := range AKSReservedRanges() {
				if !disjoint(s.Prefix, r) {
					t.Fatalf("no problems, yet %s %v overlaps the reserved %v", s.Field, s.Prefix, r)
				}
			}
		}
		if sp, err := ParsePrefix(svc); err == nil {
			for _, s := range append(n.Subnets, n.AddressSpace...) {
				if Overlaps(sp, s.Prefix) {
					t.Fatalf("no problems, yet the service range %v overlaps %s %v", sp, s.Field, s.Prefix)
				}
			}
			if _, hit := AKSReservedOverlap(sp); hit {
				t.Fatalf("no problems, yet the service range %v is reserved", sp)
			}
		} else if strings.TrimSpace(svc) != "" {
			t.Fatalf("no problems, yet the service range %q doesn't parse: %v", svc, err)
		}
	})
}

func FuzzServiceTagPrefixes(f *testing.F) {
	// Small seeds in the file's shape: big ones make minimization crawl.
	f.Add([]byte(`{"changeNumber":1,"cloud":"Public","values":[{"name":"BatchNodeManagement.EastUS2","id":"BatchNodeManagement.EastUS2","properties":{"region":"eastus2","addressPrefixes":["40.70.146.64/28","20.44.16.96/27","2603:1030:40c:1::100/121"]}}]}`), "BatchNodeManagement.eastus2")
	f.Add([]byte(`{"values":[{"name":"AzureFrontDoor.FirstParty","properties":{"addressPrefixes":["2a01:111:2050::/44"]}}]}`), "AzureFrontDoor.FirstParty")
	f.Add([]byte(`{"values":[{"name":"X","properties":{"addressPrefixes":["20.1.2.0/24","20.1.2.0/24","::/0"]}}]}`), "x")
	f.Add([]byte(`{"values":[{"name":"X","properties":{"addressPrefixes":["20.1.2.1/24"]}}]}`), "X")
	f.Add([]byte(`{"values":[{"name":"Y","properties":{"addressPrefixes":["20.9.0.0/16"]}},{"name":"x","properties":{"addressPrefixes":["20.1.2.0/24"]}},{"name":"Z","properties":{"addressPrefixes":["20.8.0.0/16"]}}]}`), "X")
	f.Add([]byte(`{"values":null}`), "X")
	f.Add([]byte(`[1,2,3]`), "")
	f.Add([]byte{0xff, 0x00, '{'}, "X")
	f.Fuzz(func(t *testing.T, data []byte, tag string) {
		if len(data) > 512 || len(tag) > maxFuzzString {
			t.Skip()
		}
		got, err := ServiceTagPrefixes(bytes.NewReader(data), tag)
		if err != nil {
			if got != nil {
				t.Fatalf("prefixes returned with an error: %v", got)
			}
			return
		}
		if len(got) == 0 {
			t.Fatal("no prefixes and no error")
		}
		for i, p := range got {
			if !p.Addr().Is4() || p.Masked() != p {
				t.Fatalf("prefix %v is not masked IPv4", p)
			}
			if i > 0 && (got[i-1].Addr().Compare(p.Addr()) > 0 || got[i-1] == p) {
				t.Fatalf("not sorted and unique: %v", got)
			}
		}
		// The reference: the IPv4 prefixes the file lists under that tag
		// (names compared without case), masked. Every output is one of
		// them, and every one of them is in the output.
		var file struct {
			Values []struct {
				Name       string
				Properties struct{ AddressPrefixes []string }
			}
		}
		if err := json.NewDecoder(bytes.NewReader(data)).Decode(&file); err != nil {
			t.Fatalf("prefixes from a file encoding/json cannot read: %v", err)
		}
		listed := map[netip.Prefix]bool{}
		for _, v := range file.Values {
			if !strings.EqualFold(v.Name, strings.TrimSpace(tag)) {
				continue
			}
			for _, s := range v.Properties.AddressPrefixes {
				if p, err := netip.ParsePrefix(strings.TrimSpace(s)); err == nil && p.Addr().Is4() {
					listed[p.Masked()] = true
				}
			}
		}
		for _, p := range got {
			if !listed[p] {
				t.Fatalf("%v is not a prefix the file lists for %q (%v)", p, tag, listed)
			}
		}
		if len(got) != len(listed) {
			t.Fatalf("got %v, the file lists %v for %q", got, listed, tag)
		}
	})
}
