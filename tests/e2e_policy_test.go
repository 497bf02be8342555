package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/amlvnet/amlvnet/internal/offline"
	"github.com/amlvnet/amlvnet/internal/policyrules"
)

// TestEngineIsolatedPublicAccessPolicy deploys the isolated stack to the
// throwaway backend and checks its exported state as `preview-offline
// -policy -state` does: clean as the program builds it. The program turns
// public network access off on every private-endpoint target, so it cannot
// build a violation of no-public-access-with-private-endpoint; turning the
// workspace storage account's firewall open in the exported state (what a
// hand edit or another program would leave) gives exactly one, on that
// account, naming its endpoints; likewise public access back on for the
// vault, registry and workspace.
func TestEngineIsolatedPublicAccessPolicy(t *testing.T) {
	requireCLI(t)
	var log bytes.Buffer
	s := openSession(t, filepath.Join("..", "stacks", "Pulumi.isolated.yaml"), &log)
	ctx := context.Background()
	doc, err := s.Preview(ctx, &log)
	if err != nil {
		t.Fatalf("preview: %v\n%s", err, log.String())
	}
	// A new stack's preview cannot tell: the endpoints' targets are unknown.
	if vs := offline.CheckPolicies(doc.Resources()); len(vs) != 0 {
		t.Errorf("preview violations %v", vs)
	}
	if _, err := s.Up(ctx); err != nil {
		t.Fatalf("up: %v\n%s", err, log.String())
	}
	_, raw := export(t, s)
	deployed, err := offline.StateResources(raw)
	if err != nil {
		t.Fatal(err)
	}
	if vs := offline.CheckPolicies(deployed); len(vs) != 0 {
		t.Fatalf("the isolated stack as deployed violates %v", vs)
	}

	// Each target kind in turn: public access back on gives exactly one
	// violation, on that resource, naming its endpoint(s).
	for _, tt := range []struct {
		typ, endpoint string
		path          []string
	}{
		{"azure-native:storage:StorageAccount", "private-endpoints-storage-queue", []string{"publicNetworkAccess"}},
		{"azure-native:keyvault:Vault", "private-endpoints-keyvault", []string{"properties", "publicNetworkAccess"}},
		{"azure-native:containerregistry:Registry", "private-endpoints-registry", []string{"publicNetworkAccess"}},
		{"azure-native:machinelearningservices/v20241001:Workspace", "private-endpoints-workspace", []string{"publicNetworkAccess"}},
	} {
		var state map[string]any
		if err := json.Unmarshal(raw, &state); err != nil {
			t.Fatal(err)
		}
		edited := ""
		for _, r := range state["deployment"].(map[string]any)["resources"].([]any) {
			r := r.(map[string]any)
			if r["type"] != tt.typ {
				continue
			}
			m := r["inputs"].(map[string]any)
			for _, k := range tt.path[:len(tt.path)-1] {
				m = m[k].(map[string]any)
			}
			last := tt.path[len(tt.path)-1]
			if tt.typ == "azure-native:storage:StorageAccount" {
				// The account keeps public access on behind a closed
				// firewall (Microsoft's secure template); opening the
				// firewall is what makes it public.
				rules := r["inputs"].(map[string]any)["networkRuleSet"].(map[string]any)
				if m[last] != nil || rules["defaultAction"] != "Deny" || rules["ipRules"] != nil || rules["virtualNetworkRules"] != nil {
					t.Fatalf("deployed %s: %s is %v, firewall %v", r["urn"], last, m[last], rules)
				}
				rules["ipRules"] = []any{map[string]any{"iPAddressOrRange": "203.0.113.0/29", "action": "Allow"}}
			} else if m[last] != "Disabled" {
				t.Fatalf("deployed %s: %s is %v", r["urn"], strings.Join(tt.path, "."), m[last])
			}
			m[last] = "Enabled"
			edited = r["urn"].(string)
		}
		if edited == "" {
			t.Fatalf("no %s in the state", tt.typ)
		}
		changed, err := json.Marshal(state)
		if err != nil {
			t.Fatal(err)
		}
		resources, err := offline.StateResources(changed)
		if err != nil {
			t.Fatal(err)
		}
		vs := offline.CheckPolicies(resources)
		if len(vs) != 1 {
			t.Fatalf("%s: want one violation, got %v", tt.typ, vs)
		}
		v := vs[0]
		if v.Policy != "no-public-access-with-private-endpoint" || v.Enforcement != policyrules.Mandatory || v.URN != edited ||
			!strings.Contains(v.Message, tt.endpoint) || !strings.Contains(v.Message, strings.Join(tt.path, ".")+` is "Enabled"`) {
			t.Errorf("violation %v", v)
		}
		t.Log(v)
	}
}
