package netplan

import (
	"fmt"
	"net/netip"
	"regexp"
	"strings"
)

// storageHost matches the host names of Azure Storage's endpoints in the
// public, US Government and 21Vianet clouds: <account>.<service>.core.<suffix>
// (a static website adds a zone, <account>.z13.web.core.windows.net), or a
// wildcard over them ("*.blob.core.windows.net", "*.core.windows.net").
// Endpoint names: https://learn.microsoft.com/azure/storage/common/storage-account-overview#standard-endpoints.
var storageHost = regexp.MustCompile(`(?i)(^|\.)(?:(blob|file|queue|table|dfs|web)\.)?core\.(windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)$`)

// StorageHost tells whether host (a host name, possibly a "*." wildcard) is
// an Azure Storage endpoint, and of which service ("blob", "file", ...; ""
// for a wildcard over all of them). An Azure ML managed network refuses FQDN
// outbound rules to storage accounts: they take private-endpoint rules
// (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network).
func StorageHost(host string) (service string, ok bool) {
	m := storageHost.FindStringSubmatch(strings.TrimSuffix(strings.TrimSpace(host), "."))
	if m == nil {
		return "", false
	}
	return strings.ToLower(m[2]), true
}

var hostLabel = regexp.MustCompile(`^(?i)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)

// CheckFQDN returns why dest is not a host name an FQDN outbound rule can
// name: a DNS name of at least two labels, each 1-63 letters, digits or
// inner hyphens, 253 characters at most, optionally with a leading "*."
// wildcard; not an IP address (a rule for addresses is a service-tag rule).
func CheckFQDN(dest string) error {
	if dest == "" {
		return fmt.Errorf("a host name is required, e.g. pypi.org or *.anaconda.org")
	}
	if _, err := netip.ParseAddr(dest); err == nil {
		return fmt.Errorf("%s is an IP address; FQDN rules name hosts, e.g. pypi.org", dest)
	}
	name := strings.TrimPrefix(dest, "*.")
	labels := strings.Split(name, ".")
	if len(dest) > 253 || len(labels) < 2 {
		return fmt.Errorf("%q is not a host name such as pypi.org or *.anaconda.org", dest)
	}
	for _, l := range labels {
		if !hostLabel.MatchString(l) {
			return fmt.Errorf("%q is not a host name such as pypi.org or *.anaconda.org (a wildcard is allowed only as a leading \"*.\")", dest)
		}
	}
	// A top-level domain is never all digits.
	if strings.Trim(labels[len(labels)-1], "0123456789") == "" {
		return fmt.Errorf("%q is not a host name such as pypi.org", dest)
	}
	return nil
}
