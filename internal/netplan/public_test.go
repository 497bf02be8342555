package netplan

import (
	"net/netip"
	"reflect"
	"strings"
	"testing"
)

func TestNonPublicReason(t *testing.T) {
	tests := []struct {
		p      string
		reason string // substring; "" means public
	}{
		{"203.0.113.0/29", ""},
		{"198.51.100.0/24", ""},
		{"192.0.2.10/32", ""},
		{"20.36.106.80/28", ""},
		{"8.8.8.8/32", ""},
		{"172.15.255.255/32", ""},
		{"172.32.0.0/11", ""},
		{"10.1.2.3/32", "RFC 1918 private range 10.0.0.0/8"},
		{"172.20.0.0/16", "172.16.0.0/12"},
		{"192.168.1.0/24", "192.168.0.0/16"},
		{"192.160.0.0/12", "192.168.0.0/16"}, // public start, private inside
		{"100.64.0.1/32", "carrier-grade NAT"},
		{"127.0.0.1/32", "loopback"},
		{"169.254.169.254/32", "link-local"},
		{"0.0.0.0/8", "this network"},
		{"0.0.0.0/0", "10.0.0.0/8"},
		{"224.0.0.251/32", "multicast"},
		{"255.255.255.255/32", "reserved range 240.0.0.0/4"},
		{"240.0.0.0/4", "reserved"},
		{"fd00::/8", "not a valid IPv4 prefix"},
	}
	for _, tt := range tests {
		reason, ok := NonPublicReason(mp(tt.p))
		if tt.reason == "" {
			if ok {
				t.Errorf("NonPublicReason(%s) = %q, true; want public", tt.p, reason)
			}
			continue
		}
		if !ok || !strings.Contains(reason, tt.reason) {
			t.Errorf("NonPublicReason(%s) = %q, %v; want a reason containing %q", tt.p, reason, ok, tt.reason)
		}
	}
	if _, ok := NonPublicReason(netip.Prefix{}); !ok {
		t.Error("zero prefix reported public")
	}
}

func TestStorageIPRules(t *testing.T) {
	tests := []struct {
		p    netip.Prefix
		want []string
	}{
		{mp("203.0.113.7/32"), []string{"203.0.113.7"}},
		{mp("203.0.113.6/31"), []string{"203.0.113.6", "203.0.113.7"}},
		{mp("203.0.113.7/31"), []string{"203.0.113.6", "203.0.113.7"}},
		{mp("203.0.113.0/30"), []string{"203.0.113.0/30"}},
		{mp("198.51.100.0/24"), []string{"198.51.100.0/24"}},
		{mp("fd00::/64"), nil},
		{netip.Prefix{}, nil},
	}
	for _, tt := range tests {
		if got := StorageIPRules(tt.p); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("StorageIPRules(%s) = %q, want %q", tt.p, got, tt.want)
		}
	}
}
