package netplan

import (
	"net/netip"
	"strings"
	"testing"
)

func TestAKSReservedRanges(t *testing.T) {
	got := AKSReservedRanges()
	want := []string{"169.254.0.0/16", "172.30.0.0/16", "172.31.0.0/16", "192.0.2.0/24"}
	if len(got) != len(want) {
		t.Fatalf("AKSReservedRanges() = %v", got)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("AKSReservedRanges()[%d] = %s, want %s", i, got[i], want[i])
		}
	}
	got[0] = netip.Prefix{}
	if AKSReservedRanges()[0] != mp("169.254.0.0/16") {
		t.Error("AKSReservedRanges must return a copy")
	}
}

func TestAKSReservedOverlap(t *testing.T) {
	tests := []struct {
		p, want string
	}{
		{"172.30.0.0/16", "172.30.0.0/16"},
		{"172.16.0.0/12", "172.30.0.0/16"},
		{"172.31.255.0/24", "172.31.0.0/16"},
		{"192.0.2.10/32", "192.0.2.0/24"},
		{"169.254.169.254/32", "169.254.0.0/16"},
		{"10.0.0.0/16", ""},
		{"172.17.0.0/16", ""},
	}
	for _, tt := range tests {
		got, ok := AKSReservedOverlap(mp(tt.p))
		if tt.want == "" {
			if ok {
				t.Errorf("AKSReservedOverlap(%s) = %s, true; want none", tt.p, got)
			}
			continue
		}
		if !ok || got.String() != tt.want {
			t.Errorf("AKSReservedOverlap(%s) = %s, %v; want %s", tt.p, got, ok, tt.want)
		}
	}
}

func TestCheckDNSServiceIP(t *testing.T) {
	tests := []struct {
		svc, dns string
		wantErr  string
	}{
		{"10.0.0.0/16", "10.0.0.10", ""},
		{"10.0.0.0/16", "10.0.0.2", ""},
		{"10.0.0.0/16", "10.0.255.254", ""},
		{"10.0.0.0/30", "10.0.0.2", ""},
		{"10.0.0.0/16", "10.1.0.10", "10.1.0.10 is outside the service range 10.0.0.0/16; use another address inside it, e.g. 10.0.0.10"},
		{"10.0.0.0/16", "10.0.0.0", "10.0.0.0 is the network address of the service range 10.0.0.0/16; use another address inside it, e.g. 10.0.0.10"},
		{"10.0.0.0/16", "10.0.0.1", "first address of the service range 10.0.0.0/16, which Kubernetes gives to the API server service"},
		{"10.0.0.0/16", "10.0.255.255", "10.0.255.255 is the last (broadcast) address"},
		{"10.0.0.0/29", "10.0.0.7", "last (broadcast) address of the service range 10.0.0.0/29; use another address inside it, e.g. 10.0.0.2"},
		{"10.0.0.0/31", "10.0.0.1", "a /31 service range leaves no address for the DNS service IP; use a larger one such as 10.0.0.0/16"},
		{"10.0.0.0/32", "10.0.0.0", "network address"},
		{"10.0.0.5/16", "10.0.0.10", ""}, // host bits of the range ignored
	}
	for _, tt := range tests {
		err := CheckDNSServiceIP(mp(tt.svc), netip.MustParseAddr(tt.dns))
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("CheckDNSServiceIP(%s, %s) = %v", tt.svc, tt.dns, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("CheckDNSServiceIP(%s, %s) = %v; want error containing %q", tt.svc, tt.dns, err, tt.wantErr)
		}
	}
	if CheckDNSServiceIP(netip.Prefix{}, netip.MustParseAddr("10.0.0.10")) == nil {
		t.Error("invalid service range accepted")
	}
	if CheckDNSServiceIP(mp("10.0.0.0/16"), netip.Addr{}) == nil {
		t.Error("invalid DNS IP accepted")
	}
	if CheckDNSServiceIP(mp("10.0.0.0/16"), netip.MustParseAddr("::1")) == nil {
		t.Error("IPv6 DNS IP accepted")
	}
}

func TestCheckAKSNetwork(t *testing.T) {
	vnet := []NamedPrefix{np("addressSpace", "10.20.0.0/16")}
	subnets := []NamedPrefix{np("trainingSubnet", "10.20.0.0/24"), np("aksSubnet", "10.20.4.0/22")}
	base := AKSNetwork{
		AddressSpace: vnet, Subnets: subnets,
		ServiceCidr: "10.0.0.0/16", DNSServiceIP: "10.0.0.10", DockerBridgeCidr: "172.17.0.1/16",
		ServiceCidrField: "serviceCidr", DNSServiceIPField: "dnsServiceIP", DockerBridgeField: "dockerBridgeCidr",
	}
	with := func(f func(*AKSNetwork)) AKSNetwork { n := base; f(&n); return n }
	tests := []struct {
		name string
		n    AKSNetwork
		want []Problem
	}{
		{name: "design example", n: base},
		{name: "docker bridge written as a network address", n: with(func(n *AKSNetwork) { n.DockerBridgeCidr = DefaultDockerBridge })},
		{name: "no docker bridge", n: with(func(n *AKSNetwork) { n.DockerBridgeCidr = "" })},
		{name: "nothing set", n: with(func(n *AKSNetwork) { n.ServiceCidr, n.DNSServiceIP, n.DockerBridgeCidr = "", "", "" })},
		{name: "DNS IP alone inside the default range", n: with(func(n *AKSNetwork) { n.ServiceCidr = "" })},
		{
			name: "DNS IP alone outside the default range",
			n:    with(func(n *AKSNetwork) { n.ServiceCidr, n.DNSServiceIP = "", "10.2.0.10" }),
			want: []Problem{{"dnsServiceIP", "10.2.0.10 is outside the service range 10.0.0.0/16; use another address inside it, e.g. 10.0.0.10 (no service range is given, so AKS uses its default 10.0.0.0/16)"}},
		},
		{
			name: "service range overlaps the subnets and the space",
			n:    with(func(n *AKSNetwork) { n.ServiceCidr, n.DNSServiceIP = "10.20.0.0/16", "10.20.0.10" }),
			want: []Problem{{"serviceCidr", "10.20.0.0/16 overlaps trainingSubnet (10.20.0.0/24), aksSubnet (10.20.4.0/22), addressSpace (10.20.0.0/16); the Kubernetes service range must lie outside the virtual network (Azure refuses it with ServiceCidrOverlapExistingSubnetsCidr and it can't be changed later); e.g. use 10.0.0.0/16"}},
		},
		{
			name: "service range nested inside a subnet",
			n:    with(func(n *AKSNetwork) { n.ServiceCidr, n.DNSServiceIP = "10.20.4.0/24", "10.20.4.10" }),
			want: []Problem{{"serviceCidr", "10.20.4.0/24 overlaps aksSubnet (10.20.4.0/22), addressSpace (10.20.0.0/16);"}},
		},
		{
			name: "service range equal to a reserved range",
			n:    with(func(n *AKSNetwork) { n.ServiceCidr, n.DNSServiceIP = "172.30.0.0/16", "172.30.0.10" }),
			want: []Problem{{"serviceCidr", "172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves; e.g. use 10.0.0.0/16"}},
		},
		{
			name: "service range with host bits",
			n:    with(func(n *AKSNetwork) { n.ServiceCidr = "10.0.0.10/16" }),
			want: []Problem{{"serviceCidr", `"10.0.0.10/16" has host bits set; use 10.0.0.0/16`}},
		},
		{
			name: "service range too large",
			n:    with(func(n *AKSNetwork) { n.ServiceCidr = "100.0.0.0/8"; n.DNSServiceIP = "100.0.0.10" }),
			want: []Problem{{"serviceCidr", "100.0.0.0/8 is larger than /12, the largest service range Kubernetes accepts"}},
		},
		{
			name: "DNS IP on the API server address",
			n:    with(func(n *AKSNetwork) { n.DNSServiceIP = "10.0.0.1" }),
			want: []Problem{{"dnsServiceIP", "API server"}},
		},
		{
			name: "DNS IP not an address",
			n:    with(func(n *AKSNetwork) { n.DNSServiceIP = "10.0.0.10/32" }),
			want: []Problem{{"dnsServiceIP", "is a CIDR"}},
		},
		{
			name: "docker bridge with host bits inside the VNet",
			n:    with(func(n *AKSNetwork) { n.DockerBridgeCidr = "10.20.8.1/24" }),
			want: []Problem{{"dockerBridgeCidr", "10.20.8.1/24 overlaps addressSpace (10.20.0.0/16); the docker bridge must lie outside the virtual network; e.g. use 172.16.0.1/24"}},
		},
		{
			name: "docker bridge inside the service range",
			n:    with(func(n *AKSNetwork) { n.DockerBridgeCidr = "10.0.128.1/17" }),
			want: []Problem{{"dockerBridgeCidr", "10.0.128.1/17 overlaps the service range 10.0.0.0/16; the docker bridge must lie outside it; e.g. use 172.16.0.1/17"}},
		},
		{
			name: "docker bridge inside the default service range",
			n:    with(func(n *AKSNetwork) { n.ServiceCidr, n.DNSServiceIP, n.DockerBridgeCidr = "", "", "10.0.0.1/24" }),
			want: []Problem{{"dockerBridgeCidr", "overlaps AKS's default service range 10.0.0.0/16"}},
		},
		{
			name: "docker bridge on a reserved range",
			n:    with(func(n *AKSNetwork) { n.DockerBridgeCidr = "172.31.0.1/16" }),
			want: []Problem{{"dockerBridgeCidr", "172.31.0.1/16 overlaps 172.31.0.0/16, a range AKS reserves; e.g. use 172.16.0.1/16"}},
		},
		{
			name: "docker bridge unparsable",
			n:    with(func(n *AKSNetwork) { n.DockerBridgeCidr = "172.17.0.1" }),
			want: []Problem{{"dockerBridgeCidr", "no prefix length"}},
		},
		{
			name: "VNet on the default docker bridge",
			n: with(func(n *AKSNetwork) {
				n.AddressSpace = []NamedPrefix{np("addressSpace", "172.17.0.0/16")}
				n.Subnets = []NamedPrefix{np("aksSubnet", "172.17.0.0/22")}
			}),
			want: []Problem{{"dockerBridgeCidr", "172.17.0.1/16 overlaps aksSubnet (172.17.0.0/22), addressSpace (172.17.0.0/16); the docker bridge must lie outside the virtual network; e.g. use 172.16.0.1/16"}},
		},
		{
			name: "VNet covering reserved ranges",
			n: with(func(n *AKSNetwork) {
				n.AddressSpace = []NamedPrefix{np("addressSpace", "172.16.0.0/12")}
				n.Subnets = []NamedPrefix{np("aksSubnet", "172.30.0.0/22"), np("other", "192.0.2.0/29")}
				n.DockerBridgeCidr = ""
			}),
			want: []Problem{
				{"addressSpace", "172.16.0.0/12 overlaps 172.30.0.0/16, a range AKS refuses for the cluster's virtual network"},
				{"addressSpace", "172.16.0.0/12 overlaps 172.31.0.0/16"},
				{"other", "192.0.2.0/29 overlaps 192.0.2.0/24"},
			},
		},
		{
			name: "everything wrong at once",
			n: AKSNetwork{
				AddressSpace: vnet, Subnets: subnets,
				ServiceCidr: "10.20.0.0/16", DNSServiceIP: "10.20.0.0", DockerBridgeCidr: "10.20.0.1/16",
				ServiceCidrField: "svc", DNSServiceIPField: "dns", DockerBridgeField: "bridge",
			},
			want: []Problem{
				{"svc", "10.20.0.0/16 overlaps trainingSubnet"},
				{"dns", "network address"},
				{"bridge", "10.20.0.1/16 overlaps trainingSubnet"},
				{"bridge", "overlaps the service range 10.20.0.0/16"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, CheckAKSNetwork(tt.n), tt.want)
		})
	}
}

// TestServiceRangeTooLargeWithNoFreeSuggestion: when the virtual network
// covers every private block a /12 could come from, the size problem still
// suggests AKS's default range.
func TestServiceRangeTooLargeWithNoFreeSuggestion(t *testing.T) {
	probs := CheckAKSNetwork(AKSNetwork{
		AddressSpace: []NamedPrefix{
			{Field: "space[0]", Prefix: netip.MustParsePrefix("10.0.0.0/8")},
			{Field: "space[1]", Prefix: netip.MustParsePrefix("172.16.0.0/12")},
		},
		ServiceCidr: "100.64.0.0/10", ServiceCidrField: "svc",
	})
	// 172.16.0.0/12 also holds ranges AKS refuses (two more problems).
	want := "100.64.0.0/10 is larger than /12, the largest service range Kubernetes accepts; e.g. use 10.0.0.0/16"
	if len(probs) != 3 || probs[0].Field != "svc" || probs[0].Message != want || probs[1].Field != "space[1]" || probs[2].Field != "space[1]" {
		t.Errorf("got %+v\nwant on svc: %s, then the reserved ranges on space[1]", probs, want)
	}
}
