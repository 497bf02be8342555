package tests

import (
	"bytes"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestEngineForcedTunnelingRoutes runs, through the engine, the two ways a
// stack file gives forced tunneling its prefixes instead of the service-tag
// routes: batchPrefixes and machineLearningPrefixes written by hand, and a
// service-tags file at a path relative to the project directory (on nodes
// without a public IP, which adds the routes of the services their
// outbound rules allow). The routes in the state after up must be exactly
// these, each to the Internet, written one after another.
func TestEngineForcedTunnelingRoutes(t *testing.T) {
	requireCLI(t)
	for _, tc := range []struct {
		file string
		// routes maps route name to address prefix, from the stack file
		// (and, for the service-tags file, its eastus2 entries).
		routes map[string]string
	}{
		{"Pulumi.tunnel-prefixes.yaml", map[string]string{
			"batch-20-44-16-96-27":  "20.44.16.96/27",
			"batch-40-70-146-64-28": "40.70.146.64/28",
			"aml-20-36-106-80-28":   "20.36.106.80/28",
		}},
		{"Pulumi.tunnel-tags.yaml", map[string]string{
			// BatchNodeManagement.EastUS2 of the sample file, IPv4 only.
			"batch-104-208-144-128-26": "104.208.144.128/26",
			"batch-20-44-16-96-27":     "20.44.16.96/27",
			"batch-40-70-146-64-28":    "40.70.146.64/28",
			"batch-40-79-153-0-27":     "40.79.153.0/27",
			// AzureMachineLearning.EastUS2 of the sample file, IPv4 only.
			"aml-20-36-106-80-28":  "20.36.106.80/28",
			"aml-40-70-146-192-28": "40.70.146.192/28",
			// No public IP: what the outbound rules allow goes past the
			// firewall too.
			"AzureActiveDirectory":       "AzureActiveDirectory",
			"AzureResourceManager":       "AzureResourceManager",
			"MicrosoftContainerRegistry": "MicrosoftContainerRegistry",
			"AzureFrontDoor-FirstParty":  "AzureFrontDoor.FirstParty",
			"AzureFrontDoor-FrontEnd":    "AzureFrontDoor.FrontEnd",
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			var log bytes.Buffer
			s := upSession(t, filepath.Join("testdata", "stacks", tc.file), &log)
			state, _ := export(t, s)
			got := map[string]string{}
			routeURNs := map[string]bool{}
			for _, r := range state.Deployment.Resources {
				if r.Type == "azure-native:network:Route" {
					routeURNs[r.URN] = true
				}
			}
			// One chain: a single first route, and every other one waits
			// for exactly one route, none waited for twice.
			heads, waitedFor := 0, map[string]int{}
			for _, r := range state.Deployment.Resources {
				if r.Type != "azure-native:network:Route" {
					continue
				}
				name, _ := r.Inputs["routeName"].(string)
				prefix, _ := r.Inputs["addressPrefix"].(string)
				if hop := r.Inputs["nextHopType"]; hop != "Internet" {
					t.Errorf("route %s: next hop %v, want Internet", name, hop)
				}
				got[name] = prefix
				var before []string
				for _, d := range r.Dependencies {
					if routeURNs[d] {
						before = append(before, d)
						waitedFor[d]++
					}
				}
				switch len(before) {
				case 0:
					heads++
				case 1:
				default:
					t.Errorf("route %s waits for %d routes: %v", name, len(before), before)
				}
			}
			if !reflect.DeepEqual(got, tc.routes) {
				t.Errorf("routes %v,\nwant %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(tc.routes)))
				for name, prefix := range tc.routes {
					if got[name] != prefix {
						t.Errorf("route %s: prefix %q, want %q", name, got[name], prefix)
					}
				}
			}
			if heads != 1 {
				t.Errorf("%d routes wait for no other route, want 1 (one chain)", heads)
			}
			for urn, n := range waitedFor {
				if n > 1 {
					t.Errorf("%d routes wait for %s, want one chain", n, urn[strings.LastIndex(urn, "::")+2:])
				}
			}
		})
	}
}
