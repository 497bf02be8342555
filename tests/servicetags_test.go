package tests

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/amlvnet/amlvnet/program"
)

// TestServiceTagsFileGivesOneRoutePerPrefix: with amlvnet:compute.serviceTagsFile,
// forced tunneling lists the IPv4 prefixes of BatchNodeManagement.<Region>
// and AzureMachineLearning.<Region> (the regional ranges the current docs
// route) from Microsoft's service-tags file.
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
		// AzureMachineLearning.EastUS2, IPv4 only
		"20.36.106.80/28", "40.70.146.192/28",
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

// writeServiceTags writes a service-tags file with the given tags and
// prefixes, and returns its path.
func writeServiceTags(t *testing.T, tags map[string][]string) string {
	t.Helper()
	var values []map[string]any
	for name, prefixes := range tags {
		values = append(values, map[string]any{"name": name, "id": name, "properties": map[string]any{"addressPrefixes": prefixes}})
	}
	data, err := json.Marshal(map[string]any{"changeNumber": 1, "cloud": "Public", "values": values})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ServiceTags_Public.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestServiceTagsFileLimits: a file without the regional Azure ML tag falls
// back to the global one, and more prefixes than a route table holds are
// refused, naming the key, before anything exists.
func TestServiceTagsFileLimits(t *testing.T) {
	config := func(file string) map[string]string {
		compute, _ := json.Marshal(map[string]any{"forcedTunneling": true, "serviceTagsFile": file})
		return map[string]string{
			"azure-native:location": "eastus2",
			"amlvnet:network":       `{"addressSpace":"10.20.0.0/16","trainingSubnet":"10.20.0.0/24"}`,
			"amlvnet:compute":       string(compute),
		}
	}
	m, err := runConfig(t, config(writeServiceTags(t, map[string][]string{
		"BatchNodeManagement.EastUS2": {"20.44.16.96/27"}, "AzureMachineLearning": {"13.66.87.135/32"},
	})))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Find("azure-native:network:Route", map[string]string{"addressPrefix": "13.66.87.135/32"})) != 1 {
		t.Error("without AzureMachineLearning.EastUS2, the global tag's prefixes are routed")
	}
	var many []string
	for i := 0; i < 401; i++ {
		many = append(many, fmt.Sprintf("20.%d.%d.0/24", 100+i/256, i%256))
	}
	m, err = runConfig(t, config(writeServiceTags(t, map[string][]string{
		"BatchNodeManagement.EastUS2": many, "AzureMachineLearning.EastUS2": {"20.36.106.80/28"},
	})))
	if !containsKey(err, "amlvnet:compute.serviceTagsFile") || !strings.Contains(err.Error(), "at most 400 routes") || len(m.Resources()) != 0 {
		t.Errorf("402 routes must be refused naming serviceTagsFile, before anything exists; got %v", err)
	}
}
