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
		best, bestDist := "", len(k)
		for _, candidate := range ours {
			if d := netplan.EditDistance(k, candidate); d < bestDist {
				best, bestDist = candidate, d
			}
		}
		hint := ""
		if bestDist <= 3 {
			hint = " (did you mean " + best + "?)"
		}
		ps.Add(components.NewPath(k), "unknown key%s; the program reads %s", hint, strings.Join(ours, ", "))
	}
	return ps
}
