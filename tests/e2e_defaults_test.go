package tests

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/amlvnet/amlvnet/components"
)

// TestEngineMinimalStackAndOmittedKeys: a stack file holding only the
// required keys, and the dev stack without each optional top-level key in
// turn, preview and deploy through the engine with the documented defaults.
func TestEngineMinimalStackAndOmittedKeys(t *testing.T) {
	requireCLI(t)
	dir := t.TempDir()
	minimal := filepath.Join(dir, "Pulumi.minimal.yaml")
	if err := os.WriteFile(minimal, []byte(`config:
  azure-native:location: eastus2
  amlvnet:network:
    addressSpace: 10.20.0.0/16
    trainingSubnet: 10.20.0.0/24
`), 0o600); err != nil {
		t.Fatal(err)
	}
	dev, err := os.ReadFile(filepath.Join("..", "stacks", "Pulumi.dev.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// checks say what the documented default of each omitted key looks
	// like in the deployed state.
	cases := []struct {
		name  string
		omit  string
		check func(t *testing.T, stack string, e exported)
	}{
		{"minimal", "", func(t *testing.T, stack string, e exported) {
			wantInput(t, e, "azure-native:resources:ResourceGroup", "resourceGroupName", "amlvnet-"+stack)
			wantInput(t, e, "azure-native:machinelearningservices:Compute", "computeName", components.DefaultComputeName)
		}},
		{"no-resource-group", "amlvnet:resourceGroup", func(t *testing.T, stack string, e exported) {
			wantInput(t, e, "azure-native:resources:ResourceGroup", "resourceGroupName", "amlvnet-"+stack)
		}},
		{"no-storage", "amlvnet:storage", func(t *testing.T, stack string, e exported) {
			wantInput(t, e, "azure-native:storage:StorageAccount", "sku.name", components.DefaultStorageSku)
		}},
		{"no-inference-storage", "amlvnet:inferenceStorage", func(t *testing.T, stack string, e exported) {
			if n := countType(e, "azure-native:storage:StorageAccount"); n != 1 {
				t.Errorf("%d storage accounts, want only the workspace's", n)
			}
		}},
		{"no-compute", "amlvnet:compute", func(t *testing.T, stack string, e exported) {
			wantInput(t, e, "azure-native:machinelearningservices:Compute", "computeName", components.DefaultComputeName)
		}},
		{"no-aks", "amlvnet:aks", func(t *testing.T, stack string, e exported) {
			if n := countType(e, "azure-native:containerservice:ManagedCluster"); n != 0 {
				t.Errorf("%d AKS clusters without amlvnet:aks", n)
			}
		}},
		{"no-protect", "amlvnet:protect", func(t *testing.T, stack string, e exported) {
			for _, r := range e.Deployment.Resources {
				if r.Protect {
					t.Errorf("%s is protected without amlvnet:protect", r.URN)
				}
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			path := minimal
			if c.omit != "" {
				path = filepath.Join(dir, "Pulumi."+c.name+".yaml")
				if err := os.WriteFile(path, withoutTopKey(t, dev, c.omit), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			ctx := context.Background()
			var log bytes.Buffer
			s := openSession(t, path, &log)
			if _, err := s.Preview(ctx, &log); err != nil {
				t.Fatalf("preview: %v\n%s", err, log.String())
			}
			if _, err := s.Up(ctx); err != nil {
				t.Fatalf("up: %v\n%s", err, log.String())
			}
			e, _ := export(t, s)
			c.check(t, s.StackName, e)
		})
	}
}

// withoutTopKey removes a top-level config key, with its nested lines, from
// a stack file.
func withoutTopKey(t *testing.T, file []byte, key string) []byte {
	t.Helper()
	var out []string
	skipping, found := false, false
	for _, line := range strings.Split(string(file), "\n") {
		if strings.HasPrefix(line, "  "+key+":") {
			skipping, found = true, true
			continue
		}
		if skipping && strings.HasPrefix(line, "    ") {
			continue
		}
		skipping = false
		out = append(out, line)
	}
	if !found {
		t.Fatalf("the stack file has no key %s", key)
	}
	return []byte(strings.Join(out, "\n"))
}

func wantInput(t *testing.T, e exported, typ, path, want string) {
	t.Helper()
	for _, r := range e.Deployment.Resources {
		if r.Type != typ {
			continue
		}
		var v any = r.Inputs
		for _, k := range strings.Split(path, ".") {
			m, _ := v.(map[string]any)
			v = m[k]
		}
		if v == want {
			return
		}
	}
	t.Errorf("no %s with %s = %q", typ, path, want)
}

func countType(e exported, typ string) int {
	n := 0
	for _, r := range e.Deployment.Resources {
		if r.Type == typ {
			n++
		}
	}
	return n
}
