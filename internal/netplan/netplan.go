// Package netplan holds the pure address-planning rules of the project:
// parsing IPv4 prefixes, overlap and containment, Azure subnet capacity,
// AKS network ranges, service-tag names and NSG rule priorities.
//
// It imports nothing from Pulumi so that the rules can be table-tested and
// fuzzed in isolation, and so that every component checks them the same way
// before a single resource is registered. Everything is IPv4: the virtual
// networks this project builds are IPv4-only.
//
// Error and problem messages are written for platform engineers and never name
// a config key; the caller prefixes the key.
package netplan

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// AzureReservedAddresses is how many addresses Azure keeps in every subnet:
// the first four and the last (Azure VNet FAQ).
const AzureReservedAddresses = 5

// SmallestSubnetBits is the prefix length of Azure's smallest subnet.
const SmallestSubnetBits = 29

// ParsePrefix parses an IPv4 CIDR whose host bits are zero. Azure refuses
// prefixes with host bits set for subnets and address spaces, so we refuse
// them here with the masked form as the suggestion. Surrounding spaces are
// ignored.
func ParsePrefix(s string) (netip.Prefix, error) {
	p, err := parseIPv4Prefix(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	if m := p.Masked(); m != p {
		return netip.Prefix{}, fmt.Errorf("%q has host bits set; use %s", strings.TrimSpace(s), m)
	}
	return p, nil
}

// ParseAddrPrefix parses an IPv4 CIDR that may name an address inside its
// range, such as the docker bridge "172.17.0.1/16". The prefix is returned as
// written (not masked) because the address itself is meaningful.
func ParseAddrPrefix(s string) (netip.Prefix, error) {
	return parseIPv4Prefix(s)
}

// ParseAddr parses a single IPv4 address.
func ParseAddr(s string) (netip.Addr, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return netip.Addr{}, errors.New("empty value; expected an IPv4 address such as 10.0.0.10")
	}
	if before, _, found := strings.Cut(t, "/"); found {
		if a, err := netip.ParseAddr(before); err == nil && a.Is4() {
			return netip.Addr{}, fmt.Errorf("%q is a CIDR; give the address alone, e.g. %s", t, a)
		}
		return netip.Addr{}, fmt.Errorf("%q is not an IPv4 address; expected four numbers 0-255 separated by dots, e.g. 10.0.0.10", t)
	}
	a, err := netip.ParseAddr(t)
	if err != nil {
		return netip.Addr{}, fmt.Errorf("%q is not an IPv4 address; expected four numbers 0-255 separated by dots with no leading zeros, e.g. 10.0.0.10", t)
	}
	if a.Is4In6() {
		return netip.Addr{}, fmt.Errorf("%q is an IPv4-mapped IPv6 address; write it as %s", t, a.Unmap())
	}
	if !a.Is4() {
		return netip.Addr{}, fmt.Errorf("%q is an IPv6 address; only IPv4 is supported here (e.g. 10.0.0.10)", t)
	}
	return a, nil
}

// parseIPv4Prefix parses an IPv4 CIDR without masking it and explains what is
// wrong when it can't, since netip's errors speak to programmers.
func parseIPv4Prefix(s string) (netip.Prefix, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return netip.Prefix{}, errors.New("empty value; expected an IPv4 CIDR such as 10.0.0.0/16")
	}
	p, err := netip.ParsePrefix(t)
	if err == nil {
		if p.Addr().Is4In6() {
			return netip.Prefix{}, fmt.Errorf("%q is an IPv4-mapped IPv6 range; write it in IPv4 form, e.g. %s", t,
				netip.PrefixFrom(p.Addr().Unmap(), max(p.Bits()-96, 0)))
		}
		if !p.Addr().Is4() {
			return netip.Prefix{}, fmt.Errorf("%q is an IPv6 range; only IPv4 is supported here (e.g. 10.0.0.0/16)", t)
		}
		return p, nil
	}
	addrPart, bitsPart, found := strings.Cut(t, "/")
	if strings.Contains(addrPart, ":") {
		return netip.Prefix{}, fmt.Errorf("%q is not an IPv4 CIDR (it looks like IPv6); only IPv4 is supported here (e.g. 10.0.0.0/16)", t)
	}
	a, aerr := netip.ParseAddr(addrPart)
	if !found {
		if aerr == nil && a.Is4() {
			return netip.Prefix{}, fmt.Errorf("%q has no prefix length; write %s/32 for a single address, or the range's length, e.g. 10.0.0.0/16", t, a)
		}
		return netip.Prefix{}, fmt.Errorf("%q is not an IPv4 CIDR; expected address/length, e.g. 10.0.0.0/16", t)
	}
	if aerr != nil || !a.Is4() {
		return netip.Prefix{}, fmt.Errorf("%q is not a valid IPv4 CIDR: %q is not an IPv4 address (four numbers 0-255, no leading zeros), e.g. 10.0.0.0/16", t, addrPart)
	}
	if n, err := strconv.Atoi(bitsPart); err != nil || n < 0 || n > 32 || bitsPart != strconv.Itoa(n) {
		return netip.Prefix{}, fmt.Errorf("%q is not a valid IPv4 CIDR: the prefix length must be a number from 0 to 32, e.g. %s/16", t, a)
	}
	return netip.Prefix{}, fmt.Errorf("%q is not a valid IPv4 CIDR; expected address/length, e.g. 10.0.0.0/16", t)
}

// Overlaps reports whether a and b share any address. Host bits are ignored.
// Invalid prefixes and prefixes of different families never overlap.
func Overlaps(a, b netip.Prefix) bool {
	if !a.IsValid() || !b.IsValid() {
		return false
	}
	return a.Masked().Overlaps(b.Masked())
}

// Contains reports whether inner lies entirely inside outer. Host bits are
// ignored.
func Contains(outer, inner netip.Prefix) bool {
	if !outer.IsValid() || !inner.IsValid() || outer.Addr().Is4() != inner.Addr().Is4() {
		return false
	}
	return outer.Bits() <= inner.Bits() && outer.Masked().Contains(inner.Addr())
}

// AddressCount is the number of addresses in an IPv4 prefix; 0 for an
// invalid or IPv6 prefix.
func AddressCount(p netip.Prefix) uint64 {
	if !p.IsValid() || !p.Addr().Is4() {
		return 0
	}
	return uint64(1) << (32 - p.Bits())
}

// UsableAddresses is what Azure leaves for resources in a subnet of prefix p:
// AddressCount minus the five reserved addresses, 0 when smaller.
func UsableAddresses(p netip.Prefix) uint64 {
	n := AddressCount(p)
	if n < AzureReservedAddresses {
		return 0
	}
	return n - AzureReservedAddresses
}

// SmallestPrefixFor returns the largest prefix length (the smallest subnet,
// never above SmallestSubnetBits) with at least needed usable addresses. It
// returns -1 when no IPv4 subnet is large enough.
func SmallestPrefixFor(needed int) int {
	for bits := SmallestSubnetBits; bits >= 0; bits-- {
		if (uint64(1)<<(32-bits))-AzureReservedAddresses >= uint64(max(needed, 0)) {
			return bits
		}
	}
	return -1
}

// CheckSubnetCapacity reports an error when p can't be an Azure subnet (smaller
// than /29) or leaves fewer than needed usable addresses, e.g. for a compute
// cluster's maximum node count; a short subnet only half-allocates the cluster.
func CheckSubnetCapacity(p netip.Prefix, needed int) error {
	if !p.IsValid() || !p.Addr().Is4() {
		return errors.New("not a valid IPv4 prefix")
	}
	want := SmallestPrefixFor(needed)
	if want < 0 {
		return fmt.Errorf("%d addresses needed, more than any IPv4 subnet can hold", needed)
	}
	m := p.Masked()
	if p.Bits() > SmallestSubnetBits {
		return fmt.Errorf("%s is smaller than /%d, Azure's smallest subnet; use a /%d or larger", m, SmallestSubnetBits, want)
	}
	if usable := UsableAddresses(p); usable < uint64(needed) {
		return fmt.Errorf("%s has %d usable addresses (Azure keeps %d of %d) but %d are needed; use a /%d or larger",
			m, usable, AzureReservedAddresses, AddressCount(p), needed, want)
	}
	return nil
}

// NamedPrefix is a prefix with the field a problem about it is reported on,
// and the name messages about other prefixes call it by (Label; the Field
// when empty).
type NamedPrefix struct {
	Field  string
	Label  string
	Prefix netip.Prefix
}

func (n NamedPrefix) name() string {
	if n.Label != "" {
		return n.Label
	}
	return n.Field
}

// Problem is one broken rule, on the field the caller named.
type Problem struct {
	Field, Message string
}

// CheckLayout checks a virtual network's address space against its subnets:
// every prefix is a valid masked IPv4 prefix, the address-space prefixes don't
// overlap each other, every subnet is /29 or larger, lies inside one
// address-space prefix and overlaps no other subnet. With an empty space
// (e.g. an existing VNet whose space isn't known) containment isn't checked.
//
// All problems are returned, in input order: first the address space, then
// each subnet. An overlap is reported on the later of the two entries.
func CheckLayout(space []NamedPrefix, subnets []NamedPrefix) []Problem {
	var probs []Problem
	add := func(field, format string, args ...any) {
		probs = append(probs, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
	}

	goodSpace := make([]bool, len(space))
	for i, s := range space {
		if msg := prefixProblem(s.Prefix); msg != "" {
			add(s.Field, "%s", msg)
			continue
		}
		goodSpace[i] = true
		for j := range i {
			if goodSpace[j] && Overlaps(space[j].Prefix, s.Prefix) {
				add(s.Field, "%s overlaps %s (%s); address-space prefixes of a virtual network must not overlap",
					s.Prefix, space[j].name(), space[j].Prefix)
			}
		}
	}

	goodSub := make([]bool, len(subnets))
	for i, s := range subnets {
		if msg := prefixProblem(s.Prefix); msg != "" {
			add(s.Field, "%s", msg)
			continue
		}
		goodSub[i] = true
		if s.Prefix.Bits() > SmallestSubnetBits {
			add(s.Field, "%s is smaller than /%d, Azure's smallest subnet; use a /%d or larger",
				s.Prefix, SmallestSubnetBits, SmallestSubnetBits)
		}
		if msg := containmentProblem(space, goodSpace, s.Prefix); msg != "" {
			add(s.Field, "%s", msg)
		}
		for j := range i {
			if !goodSub[j] || !Overlaps(subnets[j].Prefix, s.Prefix) {
				continue
			}
			if subnets[j].Prefix == s.Prefix {
				add(s.Field, "%s is the same range as %s; each subnet needs its own range", s.Prefix, subnets[j].name())
			} else {
				add(s.Field, "%s overlaps %s (%s); subnets of a virtual network must not overlap",
					s.Prefix, subnets[j].name(), subnets[j].Prefix)
			}
		}
	}
	return probs
}

// prefixProblem says why p can't be used as a subnet or address space, or "".
func prefixProblem(p netip.Prefix) string {
	switch {
	case !p.IsValid():
		return "not set or not a valid prefix; expected an IPv4 CIDR such as 10.0.0.0/16"
	case !p.Addr().Is4():
		return fmt.Sprintf("%s is IPv6; only IPv4 is supported here", p)
	case p.Masked() != p:
		return fmt.Sprintf("%q has host bits set; use %s", p.String(), p.Masked())
	}
	return ""
}

// containmentProblem says why p isn't inside a single address-space prefix, or "".
func containmentProblem(space []NamedPrefix, good []bool, p netip.Prefix) string {
	var names []string
	var straddles []string
	for i, s := range space {
		if !good[i] {
			continue
		}
		if Contains(s.Prefix, p) {
			return ""
		}
		names = append(names, s.Prefix.String())
		if Overlaps(s.Prefix, p) {
			straddles = append(straddles, s.Prefix.String())
		}
	}
	if len(names) == 0 {
		return ""
	}
	if len(straddles) > 0 {
		return fmt.Sprintf("%s extends beyond the address space %s; a subnet must lie entirely inside one address-space prefix",
			p, strings.Join(straddles, ", "))
	}
	return fmt.Sprintf("%s is outside the virtual network's address space (%s); choose a range inside it",
		p, strings.Join(names, ", "))
}
