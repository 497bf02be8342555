package netplan

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestCanonicalRegion(t *testing.T) {
	tests := []struct {
		in, want, wantErr string
	}{
		{in: "eastus2", want: "eastus2"},
		{in: "East US 2", want: "eastus2"},
		{in: "EastUS2", want: "eastus2"},
		{in: "EASTUS2", want: "eastus2"},
		{in: " east-us-2 ", want: "eastus2"},
		{in: "(US) East US 2", want: "eastus2"},
		{in: "West Europe", want: "westeurope"},
		{in: "UK South", want: "uksouth"},
		{in: "Southeast Asia", want: "southeastasia"},
		{in: "Germany West Central", want: "germanywestcentral"},
		{in: "Australia Central 2", want: "australiacentral2"},
		{in: "", wantErr: "empty location"},
		{in: "eastus9", wantErr: `unknown Azure region "eastus9"; did you mean eastus, eastus2`},
		{in: "West Erope", wantErr: "did you mean westeurope"},
		{in: "mars", wantErr: "unknown Azure region"},
	}
	for _, tt := range tests {
		got, err := CanonicalRegion(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("CanonicalRegion(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("CanonicalRegion(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestRegionTable(t *testing.T) {
	if len(regions) < 40 {
		t.Errorf("only %d regions known", len(regions))
	}
	for short, tag := range regions {
		if strings.ToLower(tag) != short {
			t.Errorf("region %q has tag form %q, which doesn't lower-case to it", short, tag)
		}
		if got, err := CanonicalRegion(tag); err != nil || got != short {
			t.Errorf("CanonicalRegion(%q) = %q, %v", tag, got, err)
		}
	}
}

func TestRegionalTag(t *testing.T) {
	tests := []struct {
		tag, region, want, wantErr string
	}{
		{tag: "Storage", region: "eastus2", want: "Storage.EastUS2"},
		{tag: "storage", region: "East US 2", want: "Storage.EastUS2"},
		{tag: "AzureContainerRegistry", region: "westeurope", want: "AzureContainerRegistry.WestEurope"},
		{tag: "Storage", region: "southeastasia", want: "Storage.SoutheastAsia"},
		{tag: "Storage", region: "UK South", want: "Storage.UKSouth"},
		{tag: "Storage", region: "southcentralus", want: "Storage.SouthCentralUS"},
		{tag: "AzureMachineLearning", region: "eastus2", want: "AzureMachineLearning.EastUS2"},
		{tag: "BatchNodeManagement", region: "EastUS2", want: "BatchNodeManagement.eastus2"},
		{tag: "BatchNodeManagement", region: "West Europe", want: "BatchNodeManagement.westeurope"},
		{tag: "SomeFutureTag", region: "eastus", want: "SomeFutureTag.EastUS"},
		{tag: "Storage", region: "eastus9", wantErr: "unknown Azure region"},
		{tag: "", region: "eastus2", wantErr: "empty service tag"},
		{tag: "Storage.EastUS2", region: "eastus2", wantErr: "give the bare tag, e.g. Storage"},
		{tag: "Stor age", region: "eastus2", wantErr: "not a service tag name"},
		{tag: "AzureActiveDirectory", region: "eastus2", wantErr: "no regional variants"},
		{tag: "Internet", region: "eastus2", wantErr: "no regional variants"},
	}
	for _, tt := range tests {
		got, err := RegionalTag(tt.tag, tt.region)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("RegionalTag(%q, %q) = %q, %v; want error containing %q", tt.tag, tt.region, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("RegionalTag(%q, %q) = %q, %v; want %q", tt.tag, tt.region, got, err, tt.want)
		}
	}
}

func TestServiceTagPrefixes(t *testing.T) {
	sample, err := os.ReadFile("testdata/ServiceTags_Public_sample.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, data, tag string
		want            []string
		wantErr         string
	}{
		{name: "regional tag, lower-case name", data: string(sample), tag: "BatchNodeManagement.eastus2",
			want: []string{"20.44.16.96/27", "40.70.146.64/28", "40.79.153.0/27", "104.208.144.128/26"}},
		{name: "sorted and deduplicated", data: string(sample), tag: "AzureMachineLearning",
			want: []string{"13.66.87.135/32", "20.36.106.80/28", "40.74.24.0/28"}},
		{name: "exact name", data: string(sample), tag: "Storage.EastUS2",
			want: []string{"20.38.100.0/23", "40.79.8.0/27", "52.167.104.0/21"}},
		{name: "tag missing, similar ones listed", data: string(sample), tag: "BatchNodeManagement.WestEurope",
			wantErr: `service tag "BatchNodeManagement.WestEurope" is not in the file; it has BatchNodeManagement.EastUS2`},
		{name: "tag missing, nothing similar", data: string(sample), tag: "Sql",
			wantErr: `service tag "Sql" is not in the file`},
		{name: "IPv6-only tag", data: string(sample), tag: "AzureFrontDoor.FirstParty",
			wantErr: "has no IPv4 prefix"},
		{name: "empty tag name", data: string(sample), tag: " ", wantErr: "empty service tag name"},
		{name: "bad prefix", data: `{"values":[{"name":"X","properties":{"addressPrefixes":["20.1.2.0/33"]}}]}`, tag: "x",
			wantErr: "service tag X: \"20.1.2.0/33\" is not a valid IPv4 CIDR"},
		{name: "prefix with host bits", data: `{"values":[{"name":"X","properties":{"addressPrefixes":["20.1.2.1/24"]}}]}`, tag: "X",
			wantErr: "use 20.1.2.0/24"},
		{name: "no prefixes at all", data: `{"values":[{"name":"X","properties":{}}]}`, tag: "X", wantErr: "has no IPv4 prefix"},
		{name: "not JSON", data: "<html>", tag: "X", wantErr: "not a service-tags JSON file"},
		{name: "no values", data: `{"cloud":"Public"}`, tag: "X", wantErr: `no "values"`},
		{name: "wrong shape", data: `{"values":{"name":"X"}}`, tag: "X", wantErr: "not a service-tags JSON file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ServiceTagPrefixes(strings.NewReader(tt.data), tt.tag)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, %v; want error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var gotS []string
			for _, p := range got {
				gotS = append(gotS, p.String())
			}
			if !reflect.DeepEqual(gotS, tt.want) {
				t.Errorf("got %v, want %v", gotS, tt.want)
			}
		})
	}
}

// Sovereign regions are known, with their cloud and tag spelling.
func TestSovereignRegions(t *testing.T) {
	for _, c := range []struct{ location, region, cloud, storage string }{
		{"East US 2", "eastus2", CloudPublic, "Storage.EastUS2"},
		{"US Gov Virginia", "usgovvirginia", CloudUSGovernment, "Storage.USGovVirginia"},
		{"chinanorth3", "chinanorth3", CloudChina, "Storage.ChinaNorth3"},
	} {
		r, err := CanonicalRegion(c.location)
		if err != nil || r != c.region {
			t.Errorf("%q: region %q, %v; want %q", c.location, r, err, c.region)
			continue
		}
		if got := RegionCloud(r); got != c.cloud {
			t.Errorf("%s is in cloud %q, want %q", r, got, c.cloud)
		}
		if tag, _ := RegionalTag("Storage", r); tag != c.storage {
			t.Errorf("%s: storage tag %q, want %q", r, tag, c.storage)
		}
	}
}

// TestTagNotInFileIsErrTagNotInFile: the program tells a tag missing from
// the file (a region the file lacks) from a broken file by errors.Is.
func TestTagNotInFileIsErrTagNotInFile(t *testing.T) {
	file := `{"values":[{"name":"Storage.EastUS2","properties":{"addressPrefixes":["20.1.0.0/24"]}}]}`
	_, err := ServiceTagPrefixes(strings.NewReader(file), "Storage.WestEurope")
	if !errors.Is(err, ErrTagNotInFile) {
		t.Errorf("a tag the file lacks: %v is not ErrTagNotInFile", err)
	}
	for _, broken := range []string{`{`, `{"values":[]}`, `{"values":[{"name":"Storage.WestEurope","properties":{"addressPrefixes":["x"]}}]}`} {
		if _, err := ServiceTagPrefixes(strings.NewReader(broken), "Storage.WestEurope"); err == nil || errors.Is(err, ErrTagNotInFile) {
			t.Errorf("%s: %v must fail, and not as a missing tag", broken, err)
		}
	}
}

// TestSimilarTagsListsFiveAndCounts: a file with many regions of the tag
// names the first five, sorted, and counts the rest.
func TestSimilarTagsListsFiveAndCounts(t *testing.T) {
	var values []string
	for _, r := range []string{"WestUS", "EastUS", "EastUS2", "NorthEurope", "WestEurope", "CentralUS", "EastUS"} {
		values = append(values, `{"name":"Storage.`+r+`","properties":{"addressPrefixes":["20.1.0.0/24"]}}`)
	}
	file := `{"values":[` + strings.Join(values, ",") + `]}`
	_, err := ServiceTagPrefixes(strings.NewReader(file), "Storage.SouthIndia")
	want := `service tag "Storage.SouthIndia" is not in the file; it has Storage.CentralUS, Storage.EastUS, Storage.EastUS2, Storage.NorthEurope, Storage.WestEurope and 1 more`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
