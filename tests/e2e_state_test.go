package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// intendedChanges lists, per sample stack, the steps besides "same" and
// "update" that a preview of an earlier release's deployed state may show,
// keyed by "<op> <resource name>", each with the reason a release made the
// change on purpose. Anything else a user's existing deployment would see
// as created, deleted or replaced fails TestEngineEarlierStatesPreview.
var intendedChanges = map[string]map[string]string{
	"prod": {
		"create training-AllowAzureMonitorOutbound":      restrictedOutboundTable,
		"create training-AllowFrontDoorFrontEndOutbound": restrictedOutboundTable,
	},
	"existing": {
		"replace training-cluster": "the sample stack moves off the retired NCv3 size, and Azure ML changes a cluster's vmSize only by recreating it",
	},
	"isolated": {
		"create training-AllowAzureMonitorOutbound":      restrictedOutboundTable,
		"create training-AllowFrontDoorFrontEndOutbound": restrictedOutboundTable,
		"delete training-route-Storage-EastUS2":          "forced tunneling no longer routes Storage.<region> past the firewall unless compute.tunnelStorage asks for it",
		"create network-training-nat":                    natGatewayForPrivateNodes,
		"create network-training-nat-ip":                 natGatewayForPrivateNodes,
	},
}

const (
	restrictedOutboundTable   = "restricted outbound now allows the whole service-tag table of the current docs"
	natGatewayForPrivateNodes = "nodes without a public IP get a NAT gateway by default, as Azure retires default outbound access"
)

// TestEngineEarlierStatesPreview imports the state each sample stack had
// after `up` with an earlier release (testdata/state) into a fresh backend
// and previews it with today's code: existing deployments must be updated
// in place, never replaced, deleted or grown by accident.
func TestEngineEarlierStatesPreview(t *testing.T) {
	requireCLI(t)
	fixtures, err := filepath.Glob(filepath.Join("testdata", "state", "*.json"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no state fixtures in testdata/state (err %v)", err)
	}
	for _, f := range fixtures {
		stack := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(stack, func(t *testing.T) {
			t.Parallel()
			state, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Deployment struct {
					Resources []json.RawMessage `json:"resources"`
				} `json:"deployment"`
			}
			if err := json.Unmarshal(state, &doc); err != nil || len(doc.Deployment.Resources) < 10 {
				t.Fatalf("%s holds no deployment worth the name (err %v)", f, err)
			}
			ctx := context.Background()
			var log bytes.Buffer
			s := openSession(t, filepath.Join("..", "stacks", "Pulumi."+stack+".yaml"), &log)
			if err := s.Import(ctx, state); err != nil {
				t.Fatalf("import: %v\n%s", err, log.String())
			}
			preview, err := s.Preview(ctx, &log)
			if err != nil {
				t.Fatalf("preview: %v\n%s", err, log.String())
			}
			same := 0
			for _, st := range preview.Steps {
				switch st.Op {
				case "same":
					same++
					continue
				case "update":
					continue
				}
				name := st.URN[strings.LastIndex(st.URN, "::")+2:]
				op := st.Op
				if op == "create-replacement" || op == "delete-replaced" {
					op = "replace" // the two halves of one replacement
				}
				if _, ok := intendedChanges[stack][op+" "+name]; ok {
					continue
				}
				t.Errorf("%s %s (%s): an existing deployment would see this; list it in intendedChanges with its reason if it is meant", st.Op, st.URN, strings.Join(st.Diffs, ", "))
			}
			if same == 0 {
				t.Errorf("no resource kept as it was: the import did not take (%d steps)", len(preview.Steps))
			}
		})
	}
}
