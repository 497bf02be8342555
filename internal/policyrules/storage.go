package policyrules

import (
	"fmt"
	"strings"
)

// InferencePurposeTag marks a storage account as deliberately open for
// inference (model scoring): tag amlvnet:purpose with value inference. Put it
// on that account only, never on every resource of a stack.
const (
	InferencePurposeTag   = "amlvnet:purpose"
	InferencePurposeValue = "inference"
)

// inferenceLogicalName is the logical name of the inference account that the
// root program creates: component "inference-storage", whose account is
// named with letters and digits only (components.storageLogicalName).
const inferenceLogicalName = "inferencestorage"

// IsInferenceStorage tells whether a storage account is the one deliberately
// open for inference: it carries the tag amlvnet:purpose=inference, or its
// logical name, letters and digits only, is "inferencestorage" (the root
// program's inference-storage component, program/program.go).
func IsInferenceStorage(r Resource) bool {
	if v, st := getString(r.Inputs, "tags", InferencePurposeTag); st == known && strings.EqualFold(strings.TrimSpace(v), InferencePurposeValue) {
		return true
	}
	var b strings.Builder
	for _, c := range strings.ToLower(urnName(r.URN)) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String() == inferenceLogicalName
}

func isStorageAccount(r Resource) bool { return isType(r.Type, "storage", "StorageAccount") }

// bypassLacksAzureServices checks a firewall's bypass list ("AzureServices,
// Logging"); a missing bypass is Azure's default, AzureServices.
func bypassLacksAzureServices(m map[string]any, path ...string) (string, bool) {
	s, st := getString(m, path...)
	if st != known {
		return "", false
	}
	for _, part := range strings.Split(s, ",") {
		if strings.EqualFold(strings.TrimSpace(part), "AzureServices") {
			return "", false
		}
	}
	return s, true
}

var storageDenyByDefault = Policy{
	Name:        "storage-deny-by-default",
	Description: "Storage accounts deny network access by default (firewall default action Deny) and let trusted Microsoft services through (bypass AzureServices), or have public network access disabled; only the account deliberately open for inference is exempt.",
	Enforcement: Mandatory,
	Source:      "the 2019 article \"Secure Azure ML experimentation and inference jobs within an Azure Virtual Network\" (docs.microsoft.com/azure/machine-learning/service/how-to-enable-virtual-network): storage firewall, and the open account for inference",
	Resource: func(r Resource) []string {
		if !isStorageAccount(r) || IsInferenceStorage(r) {
			return nil
		}
		// Public network access off (private endpoints only): no firewall
		// rule is reachable from a public network at all.
		if v, st := getString(r.Inputs, "publicNetworkAccess"); st == known && strings.EqualFold(v, "Disabled") {
			return nil
		}
		rules, st := getMap(r.Inputs, "networkRuleSet")
		switch st {
		case unknown:
			return nil
		case missing:
			return []string{"networkRuleSet is not set, so Azure lets every network in; set defaultAction Deny, bypass AzureServices and a VNet rule for the training subnet (or tag the account " + InferencePurposeTag + "=" + InferencePurposeValue + " if it is the scoring account, which must stay open)"}
		}
		var out []string
		action, ast := getString(rules, "defaultAction")
		if ast == missing || ast == known && !strings.EqualFold(action, "Deny") {
			shown := action
			if ast == missing {
				shown = "not set (Azure's default is Allow)"
			}
			out = append(out, fmt.Sprintf("networkRuleSet.defaultAction is %s; set it to Deny so only the VNet, trusted services and listed IPs reach the account", shown))
		}
		if s, bad := bypassLacksAzureServices(rules, "bypass"); bad {
			out = append(out, fmt.Sprintf("networkRuleSet.bypass is %q; include AzureServices so the workspace (a trusted Microsoft service) still reaches the account", s))
		}
		return out
	},
}

var storageMinTLS = Policy{
	Name:        "storage-min-tls-1-2",
	Description: "Storage accounts refuse TLS below 1.2 (minimumTlsVersion TLS1_2).",
	Enforcement: Mandatory,
	Source:      "https://learn.microsoft.com/azure/storage/common/security-recommendations",
	Resource: func(r Resource) []string {
		if !isStorageAccount(r) {
			return nil
		}
		// If chains rather than tagless switches here and below: a
		// switch's case conditions lie outside Go's coverage blocks, so
		// the mutation tester (docs/testing.md) would not try them.
		v, st := getString(r.Inputs, "minimumTlsVersion")
		if st == unknown {
			return nil
		}
		if st == missing {
			return []string{"minimumTlsVersion is not set, and Azure's default for the API versions in use accepts TLS 1.0; set it to TLS1_2"}
		}
		if strings.EqualFold(v, "TLS1_2") || strings.EqualFold(v, "TLS1_3") {
			return nil
		}
		return []string{fmt.Sprintf("minimumTlsVersion is %q; set it to TLS1_2", v)}
	},
}

var storageHTTPSOnly = Policy{
	Name:        "storage-https-only",
	Description: "Storage accounts accept HTTPS only (enableHttpsTrafficOnly true).",
	Enforcement: Mandatory,
	Source:      "https://learn.microsoft.com/azure/storage/common/security-recommendations",
	Resource: func(r Resource) []string {
		if !isStorageAccount(r) {
			return nil
		}
		// Missing is fine: Azure's default has been true since API 2019-04-01.
		if v, st := getBool(r.Inputs, "enableHttpsTrafficOnly"); st == known && !v {
			return []string{"enableHttpsTrafficOnly is false, so data can travel in clear HTTP; set it to true"}
		}
		return nil
	},
}

var storageNoPublicBlobAccess = Policy{
	Name:        "storage-no-public-blob-access",
	Description: "Storage accounts forbid anonymous (public) blob access (allowBlobPublicAccess false).",
	Enforcement: Mandatory,
	Source:      "https://learn.microsoft.com/azure/storage/common/security-recommendations",
	Resource: func(r Resource) []string {
		if !isStorageAccount(r) {
			return nil
		}
		v, st := getBool(r.Inputs, "allowBlobPublicAccess")
		if st == unknown || st == known && !v {
			return nil
		}
		if st == missing {
			return []string{"allowBlobPublicAccess is not set, and its default depends on the API version and the account's age; set it to false"}
		}
		return []string{"allowBlobPublicAccess is true, so any container can be made readable anonymously; set it to false"}
	},
}
