package components

import "regexp"

// retiredSize is a family of VM sizes Azure no longer runs: a cluster asking
// for one is never allocated.
type retiredSize struct {
	pattern *regexp.Regexp
	series  string
	retired string // the date Azure retired it
	source  string
}

// retiredSizes are the series Microsoft has retired, each with its
// retirement notice.
var retiredSizes = []retiredSize{
	{regexp.MustCompile(`(?i)^standard_nc(6|12|24)s_v3$`), "NCv3", "2025-09-30",
		"https://learn.microsoft.com/azure/virtual-machines/ncv3-nc6s-nc12s-nc24s-retirement"},
	{regexp.MustCompile(`(?i)^standard_nc(6|12|24|24r)$`), "NC", "2023-09-06",
		"https://learn.microsoft.com/azure/virtual-machines/sizes/migration-guides/nc-series-retirement"},
	{regexp.MustCompile(`(?i)^standard_nc(6|12|24|24r)s_v2$`), "NCv2", "2023-09-06",
		"https://learn.microsoft.com/azure/virtual-machines/sizes/migration-guides/ncv2-series-retirement"},
	{regexp.MustCompile(`(?i)^standard_nd(6|12|24|24r)s$`), "ND", "2023-09-06",
		"https://learn.microsoft.com/azure/virtual-machines/sizes/migration-guides/nd-series-retirement"},
	{regexp.MustCompile(`(?i)^standard_nv(6|12|24)(_promo)?$`), "NV", "2023-09-06",
		"https://learn.microsoft.com/azure/virtual-machines/sizes/migration-guides/nv-series-retirement"},
	{regexp.MustCompile(`(?i)^(standard_a[0-7]|basic_a[0-4])$`), "Av1", "2024-08-31",
		"https://learn.microsoft.com/azure/virtual-machines/sizes/migration-guides/av1-series-retirement"},
}

// warnRetiredSize warns at p when size belongs to a retired series.
func warnRetiredSize(ps *Problems, p *Path, size string) {
	for _, r := range retiredSizes {
		if r.pattern.MatchString(size) {
			ps.Warn(p, "%s is an %s-series size, which Azure retired on %s (%s): nodes of it are never allocated; pick a current size, e.g. Standard_NC4as_T4_v3 for a GPU or Standard_D4s_v5", size, r.series, r.retired, r.source)
			return
		}
	}
}

// vmCores holds the vCPU count of the sizes people usually pick for AKS
// inference (Azure VM size docs). Unknown sizes skip the core check.
var vmCores = map[string]int{
	"standard_d2s_v3": 2, "standard_d4s_v3": 4, "standard_d8s_v3": 8, "standard_d16s_v3": 16,
	"standard_d2_v2": 2, "standard_d3_v2": 4, "standard_d4_v2": 8, "standard_d5_v2": 16,
	"standard_ds2_v2": 2, "standard_ds3_v2": 4, "standard_ds4_v2": 8, "standard_ds5_v2": 16,
	"standard_d2s_v5": 2, "standard_d4s_v5": 4, "standard_d8s_v5": 8, "standard_d16s_v5": 16,
	"standard_d2ds_v5": 2, "standard_d4ds_v5": 4, "standard_d8ds_v5": 8,
	"standard_e2s_v3": 2, "standard_e4s_v3": 4, "standard_e8s_v3": 8, "standard_e16s_v3": 16,
	"standard_f2s_v2": 2, "standard_f4s_v2": 4, "standard_f8s_v2": 8, "standard_f16s_v2": 16,
	"standard_b2s": 2, "standard_b2ms": 2, "standard_b4ms": 4, "standard_b8ms": 8,
	"standard_nc4as_t4_v3": 4, "standard_nc8as_t4_v3": 8, "standard_nc16as_t4_v3": 16,
	"standard_nc24ads_a100_v4": 24, "standard_nc48ads_a100_v4": 48,
}
