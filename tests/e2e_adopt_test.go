package tests

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEngineAdoptedSubnetDestroy deploys and destroys, unprotected, a stack
// that adopts an existing subnet: one without an NSG or route table of its
// own (ours are created, and stay with the retained subnet, since Azure
// refuses to delete an NSG or route table a subnet uses), and one with a
// company's NSG and forced-tunneling route table (ours join them).
func TestEngineAdoptedSubnetDestroy(t *testing.T) {
	requireCLI(t)
	base, err := os.ReadFile(filepath.Join("..", "stacks", "Pulumi.existing.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name, subnet string
		edits        [][2]string
	}{
		{"own-nsg", "ml-training", [][2]string{{"amlvnet:protect: true", "amlvnet:protect: false"}, {"    outbound: default", "    outbound: default\n    forcedTunneling: true"}}},
		{"company-nsg", "ml-firewalled", [][2]string{{"amlvnet:protect: true", "amlvnet:protect: false"}, {"trainingSubnet: ml-training", "trainingSubnet: ml-firewalled"},
			{"10.50.1.20", "10.50.2.20"}, {"    outbound: default", "    outbound: default\n    forcedTunneling: true\n    rulePriority: 200"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			file := string(base)
			for _, e := range c.edits {
				if !strings.Contains(file, e[0]) {
					t.Fatalf("the existing stack no longer contains %q", e[0])
				}
				file = strings.Replace(file, e[0], e[1], 1)
			}
			path := filepath.Join(dir, "Pulumi."+c.name+".yaml")
			if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			var log bytes.Buffer
			s := openSession(t, path, &log)
			if _, err := s.Up(ctx); err != nil {
				t.Fatalf("up: %v\n%s", err, log.String())
			}
			state, _ := export(t, s)
			nsgs, tables := 0, 0
			for _, r := range state.Deployment.Resources {
				switch r.Type {
				case "azure-native:network:NetworkSecurityGroup":
					nsgs++
				case "azure-native:network:RouteTable":
					tables++
				case "azure-native:network:Subnet":
					nsg, _ := r.Inputs["networkSecurityGroup"].(map[string]any)
					if c.subnet == "ml-firewalled" && !strings.HasSuffix(nsg["id"].(string), "/networkSecurityGroups/corp-ml-nsg") {
						t.Errorf("the adopted subnet lost its own NSG: %v", nsg)
					}
				case "azure-native:network:Route":
					if c.subnet == "ml-firewalled" && r.Inputs["routeTableName"] != "corp-to-firewall" {
						t.Errorf("route %s not added to the subnet's own route table: %v", r.URN, r.Inputs["routeTableName"])
					}
				}
			}
			if c.subnet == "ml-firewalled" && (nsgs != 0 || tables != 0) {
				t.Errorf("%d NSGs and %d route tables created for a subnet that has its own", nsgs, tables)
			}
			if c.subnet == "ml-training" && (nsgs != 1 || tables != 1) {
				t.Errorf("%d NSGs and %d route tables created for a subnet without its own, want 1 and 1", nsgs, tables)
			}
			if err := s.Destroy(ctx); err != nil {
				t.Fatalf("destroy: %v\n%s", err, log.String())
			}
		})
	}
}
