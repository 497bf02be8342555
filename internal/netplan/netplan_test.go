package netplan

import (
	"net/netip"
	"reflect"
	"strings"
	"testing"
)

func mp(s string) netip.Prefix { return netip.MustParsePrefix(s) }

func TestParsePrefix(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string // substring
	}{
		{in: "10.0.0.0/16", want: "10.0.0.0/16"},
		{in: " 10.20.0.0/24 ", want: "10.20.0.0/24"},
		{in: "0.0.0.0/0", want: "0.0.0.0/0"},
		{in: "203.0.113.7/32", want: "203.0.113.7/32"},
		{in: "10.0.0.1/24", wantErr: `"10.0.0.1/24" has host bits set; use 10.0.0.0/24`},
		{in: "172.17.0.1/16", wantErr: "use 172.17.0.0/16"},
		{in: "", wantErr: "empty value"},
		{in: "   ", wantErr: "empty value"},
		{in: "10.0.0.5", wantErr: "has no prefix length; write 10.0.0.5/32"},
		{in: "10.0.0.0/33", wantErr: "prefix length must be a number from 0 to 32"},
		{in: "10.0.0.0/08", wantErr: "prefix length must be a number from 0 to 32"},
		{in: "10.0.0.0/-1", wantErr: "prefix length"},
		{in: "10.0.0.0/", wantErr: "prefix length"},
		{in: "10.0.0.256/24", wantErr: `"10.0.0.256" is not an IPv4 address`},
		{in: "010.0.0.0/8", wantErr: "no leading zeros"},
		{in: "fd00::/8", wantErr: "IPv6"},
		{in: "2001:db8::1", wantErr: "IPv6"},
		{in: "::ffff:10.0.0.0/104", wantErr: "write it in IPv4 form, e.g. 10.0.0.0/8"},
		{in: "hello", wantErr: "is not an IPv4 CIDR"},
		{in: "10.0.0.0/8/8", wantErr: "prefix length"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParsePrefix(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParsePrefix(%q) = %v, %v; want error containing %q", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("ParsePrefix(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseAddrPrefix(t *testing.T) {
	tests := []struct {
		in, want, wantErr string
	}{
		{in: "172.17.0.1/16", want: "172.17.0.1/16"},
		{in: "172.17.0.0/16", want: "172.17.0.0/16"},
		{in: "10.0.0.0/33", wantErr: "prefix length"},
		{in: "fd00::1/64", wantErr: "IPv6"},
		{in: "172.17.0.1", wantErr: "no prefix length"},
	}
	for _, tt := range tests {
		got, err := ParseAddrPrefix(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseAddrPrefix(%q) = %v, %v; want error containing %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseAddrPrefix(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestParseAddr(t *testing.T) {
	tests := []struct {
		in, want, wantErr string
	}{
		{in: "10.0.0.10", want: "10.0.0.10"},
		{in: " 10.0.0.10\t", want: "10.0.0.10"},
		{in: "", wantErr: "empty value"},
		{in: "10.0.0.10/32", wantErr: "is a CIDR; give the address alone, e.g. 10.0.0.10"},
		{in: "10.0.0", wantErr: "is not an IPv4 address"},
		{in: "10.0.0.010", wantErr: "leading zeros"},
		{in: "fe80::1", wantErr: "IPv6"},
		{in: "fe80::1%eth0", wantErr: "IPv6"},
		{in: "::ffff:10.0.0.1", wantErr: "write it as 10.0.0.1"},
		{in: "a/b", wantErr: "is not an IPv4 address"},
	}
	for _, tt := range tests {
		got, err := ParseAddr(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseAddr(%q) = %v, %v; want error containing %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseAddr(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestOverlapsContains(t *testing.T) {
	tests := []struct {
		a, b         string
		overlaps     bool
		aHasB, bHasA bool
		desc         string
	}{
		{"10.0.0.0/16", "10.0.4.0/22", true, true, false, "nested"},
		{"10.0.0.0/24", "10.0.1.0/24", false, false, false, "adjacent"},
		{"10.0.0.0/24", "10.0.0.0/24", true, true, true, "equal"},
		{"10.0.0.1/24", "10.0.0.0/24", true, true, true, "host bits ignored"},
		{"172.16.0.0/12", "172.17.0.1/16", true, true, false, "nested with host bits"},
		{"0.0.0.0/0", "203.0.113.7/32", true, true, false, "everything"},
		{"10.0.0.0/31", "10.0.0.1/32", true, true, false, "/31 and /32"},
		{"10.0.0.0/8", "fd00::/8", false, false, false, "mixed families"},
	}
	for _, tt := range tests {
		a, b := mp(tt.a), mp(tt.b)
		if got := Overlaps(a, b); got != tt.overlaps {
			t.Errorf("%s: Overlaps(%s, %s) = %v", tt.desc, a, b, got)
		}
		if got := Overlaps(b, a); got != tt.overlaps {
			t.Errorf("%s: Overlaps(%s, %s) = %v (not symmetric)", tt.desc, b, a, got)
		}
		if got := Contains(a, b); got != tt.aHasB {
			t.Errorf("%s: Contains(%s, %s) = %v", tt.desc, a, b, got)
		}
		if got := Contains(b, a); got != tt.bHasA {
			t.Errorf("%s: Contains(%s, %s) = %v", tt.desc, b, a, got)
		}
	}
	var zero netip.Prefix
	if Overlaps(zero, mp("10.0.0.0/8")) || Contains(zero, mp("10.0.0.0/8")) || Contains(mp("0.0.0.0/0"), zero) {
		t.Error("the zero prefix must neither overlap nor contain anything")
	}
}

func TestAddressCounts(t *testing.T) {
	tests := []struct {
		p             string
		count, usable uint64
	}{
		{"10.0.0.0/16", 65536, 65531},
		{"10.0.0.0/24", 256, 251},
		{"10.0.0.0/29", 8, 3},
		{"10.0.0.0/30", 4, 0},
		{"10.0.0.0/32", 1, 0},
		{"0.0.0.0/0", 1 << 32, 1<<32 - 5},
		{"fd00::/64", 0, 0},
	}
	for _, tt := range tests {
		p := mp(tt.p)
		if got := AddressCount(p); got != tt.count {
			t.Errorf("AddressCount(%s) = %d, want %d", p, got, tt.count)
		}
		if got := UsableAddresses(p); got != tt.usable {
			t.Errorf("UsableAddresses(%s) = %d, want %d", p, got, tt.usable)
		}
	}
	if AddressCount(netip.Prefix{}) != 0 || UsableAddresses(netip.Prefix{}) != 0 {
		t.Error("zero prefix must count 0")
	}
}

func TestSmallestPrefixFor(t *testing.T) {
	tests := []struct{ needed, want int }{
		{-3, 29}, {0, 29}, {1, 29}, {3, 29}, {4, 28}, {11, 28}, {12, 27}, {27, 27},
		{28, 26}, {251, 24}, {252, 23}, {65531, 16}, {65532, 15},
		{1<<32 - 5, 0}, {1<<32 - 4, -1},
	}
	for _, tt := range tests {
		if got := SmallestPrefixFor(tt.needed); got != tt.want {
			t.Errorf("SmallestPrefixFor(%d) = %d, want %d", tt.needed, got, tt.want)
		}
	}
}

func TestCheckSubnetCapacity(t *testing.T) {
	tests := []struct {
		p       netip.Prefix
		needed  int
		wantErr []string
	}{
		{p: mp("10.0.0.0/24"), needed: 4},
		{p: mp("10.0.0.0/29"), needed: 3},
		{p: mp("10.0.0.0/29"), needed: 0},
		{p: mp("10.0.0.0/28"), needed: 11},
		{p: mp("10.0.0.0/29"), needed: 4, wantErr: []string{"10.0.0.0/29 has 3 usable addresses", "4 are needed", "use a /28 or larger"}},
		{p: mp("10.0.0.0/28"), needed: 20, wantErr: []string{"has 11 usable addresses (Azure keeps 5 of 16)", "20 are needed", "/27"}},
		{p: mp("10.0.0.0/30"), needed: 1, wantErr: []string{"10.0.0.0/30 is smaller than /29, Azure's smallest subnet; use a /29 or larger"}},
		{p: mp("10.0.0.0/30"), needed: 20, wantErr: []string{"smaller than /29", "use a /27 or larger"}},
		{p: mp("203.0.113.7/32"), needed: 1, wantErr: []string{"smaller than /29"}},
		{p: netip.Prefix{}, needed: 1, wantErr: []string{"not a valid IPv4 prefix"}},
		{p: mp("fd00::/64"), needed: 1, wantErr: []string{"not a valid IPv4 prefix"}},
		{p: mp("10.0.0.0/8"), needed: 1 << 33, wantErr: []string{"more than any IPv4 subnet"}},
	}
	for _, tt := range tests {
		err := CheckSubnetCapacity(tt.p, tt.needed)
		if len(tt.wantErr) == 0 {
			if err != nil {
				t.Errorf("CheckSubnetCapacity(%s, %d) = %v, want nil", tt.p, tt.needed, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("CheckSubnetCapacity(%s, %d) = nil, want error", tt.p, tt.needed)
			continue
		}
		for _, w := range tt.wantErr {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("CheckSubnetCapacity(%s, %d) = %q, want it to contain %q", tt.p, tt.needed, err, w)
			}
		}
	}
}

func np(field, p string) NamedPrefix {
	return NamedPrefix{Field: field, Prefix: netip.MustParsePrefix(p)}
}

func TestCheckLayout(t *testing.T) {
	space := []NamedPrefix{np("addressSpace", "10.20.0.0/16")}
	tests := []struct {
		name    string
		space   []NamedPrefix
		subnets []NamedPrefix
		want    []Problem // Message compared as substring
	}{
		{
			name:    "design example",
			space:   space,
			subnets: []NamedPrefix{np("trainingSubnet", "10.20.0.0/24"), np("aksSubnet", "10.20.4.0/22")},
		},
		{
			name:    "two address-space prefixes",
			space:   []NamedPrefix{np("space[0]", "10.20.0.0/16"), np("space[1]", "10.30.0.0/16")},
			subnets: []NamedPrefix{np("a", "10.20.0.0/24"), np("b", "10.30.0.0/24")},
		},
		{
			name:    "no address space known: only overlaps",
			subnets: []NamedPrefix{np("a", "10.20.0.0/24"), np("b", "192.168.0.0/24")},
		},
		{
			name:    "/29 is fine, /30 is not",
			space:   space,
			subnets: []NamedPrefix{np("ok", "10.20.0.0/29"), np("tiny", "10.20.0.8/30")},
			want:    []Problem{{"tiny", "10.20.0.8/30 is smaller than /29, Azure's smallest subnet; use a /29 or larger"}},
		},
		{
			name:    "/32 dev IP as a subnet",
			space:   space,
			subnets: []NamedPrefix{np("dev", "10.20.9.9/32")},
			want:    []Problem{{"dev", "smaller than /29"}},
		},
		{
			name:    "nested subnets overlap",
			space:   space,
			subnets: []NamedPrefix{np("trainingSubnet", "10.20.0.0/22"), np("aksSubnet", "10.20.1.0/24")},
			want:    []Problem{{"aksSubnet", "10.20.1.0/24 overlaps trainingSubnet (10.20.0.0/22); subnets of a virtual network must not overlap"}},
		},
		{
			name:    "same subnet twice",
			space:   space,
			subnets: []NamedPrefix{np("a", "10.20.0.0/24"), np("b", "10.20.0.0/24")},
			want:    []Problem{{"b", "10.20.0.0/24 is the same range as a"}},
		},
		{
			name:    "outside and straddling",
			space:   space,
			subnets: []NamedPrefix{np("out", "10.30.0.0/24"), np("straddle", "10.20.0.0/15")},
			want: []Problem{
				{"out", "10.30.0.0/24 is outside the virtual network's address space (10.20.0.0/16)"},
				{"straddle", "10.20.0.0/15 extends beyond the address space 10.20.0.0/16"},
			},
		},
		{
			name:    "subnet spanning two adjacent space prefixes",
			space:   []NamedPrefix{np("s0", "10.20.0.0/24"), np("s1", "10.20.1.0/24")},
			subnets: []NamedPrefix{np("wide", "10.20.0.0/23")},
			want:    []Problem{{"wide", "extends beyond the address space 10.20.0.0/24, 10.20.1.0/24"}},
		},
		{
			name:  "space prefixes overlap",
			space: []NamedPrefix{np("s0", "10.0.0.0/8"), np("s1", "10.20.0.0/16"), np("s2", "10.20.0.0/16")},
			want: []Problem{
				{"s1", "10.20.0.0/16 overlaps s0 (10.0.0.0/8)"},
				{"s2", "10.20.0.0/16 overlaps s0 (10.0.0.0/8)"},
				{"s2", "10.20.0.0/16 overlaps s1 (10.20.0.0/16)"},
			},
		},
		{
			name:    "invalid entries reported, not compared",
			space:   []NamedPrefix{{Field: "space", Prefix: netip.Prefix{}}},
			subnets: []NamedPrefix{{Field: "v6", Prefix: mp("fd00::/64")}, {Field: "host", Prefix: mp("10.20.0.1/24")}},
			want: []Problem{
				{"space", "not set or not a valid prefix"},
				{"v6", "IPv6"},
				{"host", `"10.20.0.1/24" has host bits set; use 10.20.0.0/24`},
			},
		},
		{
			name:    "all problems of one subnet, in order",
			space:   space,
			subnets: []NamedPrefix{np("a", "10.99.0.0/24"), np("b", "10.99.0.0/30")},
			want: []Problem{
				{"a", "outside"},
				{"b", "smaller than /29"},
				{"b", "outside"},
				{"b", "overlaps a"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckLayout(tt.space, tt.subnets)
			checkProblems(t, got, tt.want)
			if again := CheckLayout(tt.space, tt.subnets); !reflect.DeepEqual(got, again) {
				t.Errorf("not deterministic: %v vs %v", got, again)
			}
		})
	}
}

// checkProblems compares fields exactly and messages as substrings.
func checkProblems(t *testing.T, got, want []Problem) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n got: %q\nwant: %q", len(got), len(want), got, want)
	}
	for i := range want {
		if got[i].Field != want[i].Field || !strings.Contains(got[i].Message, want[i].Message) {
			t.Errorf("problem %d = %q, want field %q and a message containing %q", i, got[i], want[i].Field, want[i].Message)
		}
	}
}
