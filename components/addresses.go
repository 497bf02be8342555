package components

import (
	"encoding/json"
	"net/netip"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// StringList is a list of strings that a stack file may also write as a
// single string (addressSpace: 10.20.0.0/16).
type StringList []string

// UnmarshalJSON takes one string or a list of strings.
func (s *StringList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = StringList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return &json.UnmarshalTypeError{Value: "value", Type: reflect.TypeOf(many)}
	}
	*s = many
	return nil
}

// parseAddrOrPrefix takes "203.0.113.7" or "203.0.113.0/29".
func parseAddrOrPrefix(s string) (netip.Prefix, error) {
	if a, aerr := netplan.ParseAddr(s); aerr == nil {
		return a.Prefix(32)
	}
	return netplan.ParsePrefix(s)
}

// checkClientIPRanges accepts public IPv4 addresses or CIDRs only, as Azure's
// storage and vault firewalls do.
func checkClientIPRanges(ps *Problems, p *Path, ranges []string) {
	for i, r := range ranges {
		prefix, err := parseAddrOrPrefix(r)
		if err != nil {
			ps.Add(p.Index(i), "%v", err)
			continue
		}
		if reason, private := netplan.NonPublicReason(prefix); private {
			ps.Add(p.Index(i), "%s is in %s; Azure firewalls take public internet addresses only (MicrosoftDocs/azure-docs #114447): give the public IP your developers reach Azure from", r, reason)
		}
	}
}

// openToAllSources are NSG sources that mean "anyone".
var openToAllSources = []string{"*", "internet", "any", "0.0.0.0/0"}

func isOpenToAll(source string) bool {
	return slices.Contains(openToAllSources, strings.ToLower(source))
}

var serviceTagPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$`)

func looksLikeAddress(s string) bool {
	return s != "" && (s[0] >= '0' && s[0] <= '9')
}

// checkRegion returns the canonical region of location, or "" after adding a
// problem at p.
func checkRegion(ps *Problems, p *Path, location string) string {
	region, err := netplan.CanonicalRegion(location)
	if err != nil {
		ps.Add(p, "%v", err)
		return ""
	}
	return region
}

// mustRegion is used after validation has accepted the location.
func mustRegion(location string) string {
	r, err := netplan.CanonicalRegion(location)
	if err != nil {
		return location
	}
	return r
}
