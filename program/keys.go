package program

import (
	"slices"
	"strings"

	"github.com/amlvnet/amlvnet/components"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

// checkKnownKeys refuses keys in the amlvnet namespace that the program does
// not read (a typo such as amlvnet:computee), naming the closest known key.
// Keys of other namespaces (providers) are not ours to judge.
func checkKnownKeys(keys []string) components.Problems {
	known := configKeys()
	var ours []string
	for _, k := range known {
		if strings.HasPrefix(k, "amlvnet:") {
			ours = append(ours, k)
		}
	}
	var ps components.Problems
	for _, k := range keys {
		if !strings.HasPrefix(k, "amlvnet:") || slices.Contains(known, k) {
			continue
		}
		ps.Add(components.NewPath(k), "unknown key%s; the program reads %s", didYouMean(k, ours), strings.Join(ours, ", "))
	}
	return ps
}

// didYouMean suggests the known key closest to a mistyped one, as
// " (did you mean maxNodes?)", when it is within three edits; else "".
func didYouMean(key string, known []string) string {
	best, bestDist := "", 4
	for _, candidate := range known {
		if d := netplan.EditDistance(key, candidate); d < bestDist {
			best, bestDist = candidate, d
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + best + "?)"
}
