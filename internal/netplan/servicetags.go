package netplan

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"slices"
	"strings"
)

// Azure clouds, as the regions below belong to them.
const (
	CloudPublic       = "public"
	CloudUSGovernment = "usgovernment"
	CloudChina        = "china"
)

// sovereignRegions are the regions of Azure Government and of Azure
// operated by 21Vianet, as the Azure SDKs' region lists name them
// (https://learn.microsoft.com/dotnet/api/azure.core.azurelocation; the Java
// SDK's com.azure.core.management.Region), with the capitalization of their
// service tags, by cloud.
var sovereignRegions = map[string]map[string]string{
	CloudUSGovernment: {
		"usgovvirginia": "USGovVirginia",
		"usgovtexas":    "USGovTexas",
		"usgovarizona":  "USGovArizona",
		"usdodeast":     "USDoDEast",
		"usdodcentral":  "USDoDCentral",
	},
	CloudChina: {
		"chinaeast":   "ChinaEast",
		"chinaeast2":  "ChinaEast2",
		"chinaeast3":  "ChinaEast3",
		"chinanorth":  "ChinaNorth",
		"chinanorth2": "ChinaNorth2",
		"chinanorth3": "ChinaNorth3",
	},
}

// RegionCloud returns the cloud a canonical region belongs to.
func RegionCloud(region string) string {
	for cloud, rs := range sovereignRegions {
		if _, ok := rs[region]; ok {
			return cloud
		}
	}
	return CloudPublic
}

func init() {
	for _, rs := range sovereignRegions {
		for k, v := range rs {
			regions[k] = v
		}
	}
}

// regions maps each region's short name to the capitalization Azure's
// service tags use for it (e.g. "Storage.EastUS2"): the public cloud's
// here, the sovereign clouds' added from sovereignRegions. Azure accepts
// tags case-insensitively, but plans and diffs read better with the
// canonical form, and an unknown region should fail here rather than at
// deployment time.
var regions = map[string]string{
	// United States
	"eastus":         "EastUS",
	"eastus2":        "EastUS2",
	"centralus":      "CentralUS",
	"northcentralus": "NorthCentralUS",
	"southcentralus": "SouthCentralUS",
	"westcentralus":  "WestCentralUS",
	"westus":         "WestUS",
	"westus2":        "WestUS2",
	"westus3":        "WestUS3",
	"eastus2euap":    "EastUS2EUAP",
	"centraluseuap":  "CentralUSEUAP",
	// Americas
	"canadacentral":   "CanadaCentral",
	"canadaeast":      "CanadaEast",
	"brazilsouth":     "BrazilSouth",
	"brazilsoutheast": "BrazilSoutheast",
	"mexicocentral":   "MexicoCentral",
	"chilecentral":    "ChileCentral",
	// Europe
	"northeurope":        "NorthEurope",
	"westeurope":         "WestEurope",
	"uksouth":            "UKSouth",
	"ukwest":             "UKWest",
	"francecentral":      "FranceCentral",
	"francesouth":        "FranceSouth",
	"germanywestcentral": "GermanyWestCentral",
	"germanynorth":       "GermanyNorth",
	"switzerlandnorth":   "SwitzerlandNorth",
	"switzerlandwest":    "SwitzerlandWest",
	"norwayeast":         "NorwayEast",
	"norwaywest":         "NorwayWest",
	"swedencentral":      "SwedenCentral",
	"swedensouth":        "SwedenSouth",
	"polandcentral":      "PolandCentral",
	"italynorth":         "ItalyNorth",
	"spaincentral":       "SpainCentral",
	"austriaeast":        "AustriaEast",
	"belgiumcentral":     "BelgiumCentral",
	// Middle East and Africa
	"uaenorth":         "UAENorth",
	"uaecentral":       "UAECentral",
	"qatarcentral":     "QatarCentral",
	"israelcentral":    "IsraelCentral",
	"southafricanorth": "SouthAfricaNorth",
	"southafricawest":  "SouthAfricaWest",
	// Asia Pacific
	"eastasia":           "EastAsia",
	"southeastasia":      "SoutheastAsia",
	"japaneast":          "JapanEast",
	"japanwest":          "JapanWest",
	"koreacentral":       "KoreaCentral",
	"koreasouth":         "KoreaSouth",
	"centralindia":       "CentralIndia",
	"southindia":         "SouthIndia",
	"westindia":          "WestIndia",
	"jioindiawest":       "JioIndiaWest",
	"jioindiacentral":    "JioIndiaCentral",
	"indonesiacentral":   "IndonesiaCentral",
	"malaysiawest":       "MalaysiaWest",
	"newzealandnorth":    "NewZealandNorth",
	"australiaeast":      "AustraliaEast",
	"australiasoutheast": "AustraliaSoutheast",
	"australiacentral":   "AustraliaCentral",
	"australiacentral2":  "AustraliaCentral2",
}

// CanonicalRegion turns a location as people write it ("East US 2",
// "eastus2", "EastUS2", "(US) East US 2", "east-us-2") into Azure's short
// region name ("eastus2"). An unknown region is an error that names the
// closest known ones.
func CanonicalRegion(location string) (string, error) {
	t := strings.TrimSpace(location)
	// The portal shows locations as "(US) East US 2".
	if strings.HasPrefix(t, "(") {
		if _, rest, ok := strings.Cut(t, ")"); ok {
			t = rest
		}
	}
	key := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '-', '_':
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, t)
	if key == "" {
		return "", errors.New("empty location; give an Azure region such as eastus2")
	}
	if _, ok := regions[key]; ok {
		return key, nil
	}
	return "", fmt.Errorf("unknown Azure region %q; did you mean %s? (use the short name, e.g. eastus2)",
		strings.TrimSpace(location), strings.Join(closestRegions(key, 3), ", "))
}

// closestRegions returns the n known regions nearest to key by edit distance,
// ties broken alphabetically so messages are stable.
func closestRegions(key string, n int) []string {
	names := make([]string, 0, len(regions))
	for name := range regions {
		names = append(names, name)
	}
	dist := make(map[string]int, len(names))
	for _, name := range names {
		dist[name] = EditDistance(key, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(dist[a], dist[b]), strings.Compare(a, b))
	})
	return names[:min(n, len(names))]
}

// EditDistance is the Levenshtein distance between a and b (bytes; region
// names are ASCII). Inputs are capped so that a pathological string stays
// cheap.
func EditDistance(a, b string) int {
	const limit = 64
	a, b = a[:min(len(a), limit)], b[:min(len(b), limit)]
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// knownTags gives the usual spelling of the service tags this project uses,
// whether each has regional variants, and whether its region is written in
// lower case (Microsoft's examples write BatchNodeManagement.eastus2 and
// Storage.EastUS2, https://learn.microsoft.com/azure/virtual-network/service-tags-overview;
// Azure accepts either).
var knownTags = map[string]struct {
	name      string
	regional  bool
	lowercase bool
}{
	"storage":                    {"Storage", true, false},
	"azurecontainerregistry":     {"AzureContainerRegistry", true, false},
	"azuremachinelearning":       {"AzureMachineLearning", true, false},
	"batchnodemanagement":        {"BatchNodeManagement", true, true},
	"microsoftcontainerregistry": {"MicrosoftContainerRegistry", true, false},
	"azuremonitor":               {"AzureMonitor", true, false},
	"azurekeyvault":              {"AzureKeyVault", true, false},
	"sql":                        {"Sql", true, false},
	"eventhub":                   {"EventHub", true, false},
	"azurecloud":                 {"AzureCloud", true, true},
	"azureactivedirectory":       {"AzureActiveDirectory", false, false},
	"azureresourcemanager":       {"AzureResourceManager", false, false},
	"azureloadbalancer":          {"AzureLoadBalancer", false, false},
	"virtualnetwork":             {"VirtualNetwork", false, false},
	"internet":                   {"Internet", false, false},
}

// RegionalTag returns the regional form of a service tag, e.g.
// ("Storage", "East US 2") -> "Storage.EastUS2" and ("BatchNodeManagement",
// "eastus2") -> "BatchNodeManagement.eastus2". Tags this package doesn't know
// are accepted when they look like a tag name and get the capitalized region.
func RegionalTag(tag, region string) (string, error) {
	t := strings.TrimSpace(tag)
	if t == "" {
		return "", errors.New("empty service tag name; expected e.g. Storage")
	}
	if strings.Contains(t, ".") {
		return "", fmt.Errorf("service tag %q already names a region or sub-tag; give the bare tag, e.g. %s", t, strings.SplitN(t, ".", 2)[0])
	}
	for _, r := range t {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return "", fmt.Errorf("%q is not a service tag name (letters and digits only, e.g. Storage)", t)
		}
	}
	short, err := CanonicalRegion(region)
	if err != nil {
		return "", err
	}
	reg := regions[short]
	if k, ok := knownTags[strings.ToLower(t)]; ok {
		if !k.regional {
			return "", fmt.Errorf("service tag %s has no regional variants; use %s alone", k.name, k.name)
		}
		t = k.name
		if k.lowercase {
			reg = short
		}
	}
	return t + "." + reg, nil
}

// serviceTagsFile is the part of Microsoft's weekly "Azure IP Ranges and
// Service Tags" file (ServiceTags_Public_*.json) that we read.
type serviceTagsFile struct {
	Values []struct {
		Name       string `json:"name"`
		Properties struct {
			AddressPrefixes []string `json:"addressPrefixes"`
		} `json:"properties"`
	} `json:"values"`
}

// ServiceTagPrefixes reads Microsoft's service-tags JSON and returns the IPv4
// prefixes of tagName (matched case-insensitively), sorted and without
// duplicates. IPv6 prefixes are skipped: they are used for IPv4 route
// tables. It is an error when the tag is absent, has no IPv4 prefix, or
// lists a prefix that doesn't parse.
func ServiceTagPrefixes(r io.Reader, tagName string) ([]netip.Prefix, error) {
	return serviceTagPrefixes(r, tagName)
}

// ErrTagNotInFile is what the error of ServiceTagPrefixes for a tag the
// file does not list is (errors.Is).
var ErrTagNotInFile = errors.New("service tag is not in the file")

type tagNotInFile string

func (e tagNotInFile) Error() string        { return string(e) }
func (e tagNotInFile) Is(target error) bool { return target == ErrTagNotInFile }

// MaxRoutesPerTable is how many routes Azure takes in one route table
// ("Azure subscription and service limits", networking limits,
// https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits).
const MaxRoutesPerTable = 400

func serviceTagPrefixes(r io.Reader, tagName string) ([]netip.Prefix, error) {
	want := strings.TrimSpace(tagName)
	if want == "" {
		return nil, errors.New("empty service tag name; expected e.g. BatchNodeManagement.eastus2")
	}
	var f serviceTagsFile
	if err := json.NewDecoder(r).Decode(&f); err != nil {
		return nil, fmt.Errorf("not a service-tags JSON file (ServiceTags_Public_*.json): %v", err)
	}
	if len(f.Values) == 0 {
		return nil, errors.New(`not a service-tags JSON file (ServiceTags_Public_*.json): it has no "values"`)
	}
	found := false
	var out []netip.Prefix
	for _, v := range f.Values {
		if !strings.EqualFold(v.Name, want) {
			continue
		}
		found = true
		for _, s := range v.Properties.AddressPrefixes {
			if p, err := netip.ParsePrefix(s); err == nil && p.Addr().Is6() {
				continue
			}
			p, err := ParsePrefix(s)
			if err != nil {
				return nil, fmt.Errorf("service tag %s: %v", v.Name, err)
			}
			out = append(out, p)
		}
	}
	if !found {
		return nil, tagNotInFile(fmt.Sprintf("service tag %q is not in the file%s", want, similarTags(f, want)))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("service tag %q has no IPv4 prefix in the file (IPv6 prefixes are skipped: routes go into an IPv4 route table)", want)
	}
	slices.SortFunc(out, func(a, b netip.Prefix) int {
		return cmp.Or(a.Addr().Compare(b.Addr()), cmp.Compare(a.Bits(), b.Bits()))
	})
	return slices.Compact(out), nil
}

// similarTags lists up to five tags of the file sharing want's part before
// the dot, so a misspelled region shows the regions that exist.
func similarTags(f serviceTagsFile, want string) string {
	base, _, _ := strings.Cut(want, ".")
	var names []string
	for _, v := range f.Values {
		b, _, _ := strings.Cut(v.Name, ".")
		if strings.EqualFold(b, base) && !slices.Contains(names, v.Name) {
			names = append(names, v.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	slices.Sort(names)
	more := ""
	if len(names) > 5 {
		more = fmt.Sprintf(" and %d more", len(names)-5)
		names = names[:5]
	}
	return fmt.Sprintf("; it has %s%s", strings.Join(names, ", "), more)
}
