package netplan

import (
	"bytes"
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
	})
}

func FuzzCheckAKSNetwork(f *testing.F) {
	f.Add("10.20.0.0/16", "10.20.0.0/24", "10.20.4.0/22", "10.0.0.0/16", "10.0.0.10", "172.17.0.1/16")
	f.Add("10.20.0.0/16", "10.20.0.0/24", "10.20.4.0/22", "10.20.0.0/16", "10.20.0.10", "")
	f.Add("10.0.0.0/8", "10.1.0.0/16", "", "", "10.0.0.10", "10.0.0.1/24")
	f.Add("172.16.0.0/12", "172.30.0.0/24", "x", "172.31.0.0/16", "172.31.0.1", "172.17.0.1")
	f.Add("", "10.0.0.0/24", "10.0.1.0/24", "10.0.0.0/31", "10.0.0.1", "0.0.0.0/0")
	f.Add("fd00::/8", "", "", "::/0", "::1", "::/0")
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
	})
}
