package tests

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/amlvnet/amlvnet/program"
)

// TestServiceTagsFileGivesOneRoutePerPrefix: with amlvnet:compute.serviceTagsFile,
// forced tunneling lists the IPv4 prefixes of BatchNodeManagement.<Region>
// and AzureMachineLearning from Microsoft's service-tags file.
func TestServiceTagsFileGivesOneRoutePerPrefix(t *testing.T) {
	file, err := filepath.Abs(filepath.Join("..", "internal", "netplan", "testdata", "ServiceTags_Public_sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	compute, _ := json.Marshal(map[string]any{"forcedTunneling": true, "serviceTagsFile": file, "maxNodes": 2})
	cfg := map[string]string{
		"azure-native:location": "eastus2",
		"amlvnet:network":       `{"addressSpace":"10.20.0.0/16","trainingSubnet":"10.20.0.0/24"}`,
		"amlvnet:storage":       `{"clientIpRanges":["203.0.113.0/29"]}`,
		"amlvnet:compute":       string(compute),
	}
	m, err := runConfig(t, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range m.OfType("azure-native:network:Route") {
		if r.String("nextHopType") != "Internet" {
			t.Errorf("route %s has next hop %q", r.String("routeName"), r.String("nextHopType"))
		}
		got = append(got, r.String("addressPrefix"))
	}
	sort.Strings(got)
	want := []string{
		// BatchNodeManagement.EastUS2, IPv4 only
		"104.208.144.128/26", "20.44.16.96/27", "40.70.146.64/28", "40.79.153.0/27",
		// AzureMachineLearning, IPv4 only, deduplicated
		"13.66.87.135/32", "20.36.106.80/28", "40.74.24.0/28",
	}
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("routes %v, want %v", got, want)
	}

	// Both ways of giving prefixes at once is refused, naming the key.
	compute, _ = json.Marshal(map[string]any{"forcedTunneling": true, "serviceTagsFile": file, "batchPrefixes": []string{"20.1.2.0/24"}})
	cfg["amlvnet:compute"] = string(compute)
	m, err = runConfig(t, cfg)
	if err == nil || len(m.Resources()) != 0 {
		t.Fatalf("want a config error and nothing registered, got %v", err)
	}
	if !containsKey(err, "amlvnet:compute.serviceTagsFile") {
		t.Errorf("error does not name amlvnet:compute.serviceTagsFile: %v", err)
	}
}

// containsKey tells whether err is a config error with a problem under key.
func containsKey(err error, key string) bool {
	var ce *program.ConfigError
	if !errors.As(err, &ce) {
		return false
	}
	for _, p := range ce.Problems {
		if p.Path == key {
			return true
		}
	}
	return false
}
