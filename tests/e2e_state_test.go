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

// intendedChanges lists, per sample stack ("*": every stack), the steps
// besides "same" and "update" that a preview of an earlier release's
// deployed state may show, keyed by "<op> <resource name>" (a provider by
// its type), each with the reason a release made the change on purpose.
// Anything else a user's existing deployment would see as created, deleted
// or replaced fails TestEngineEarlierStatesPreview.
var intendedChanges = map[string]map[string]string{
	"*": {
		"create pulumi:providers:pulumi": "the stack reference that reads the last deployment's fixed settings needs Pulumi's built-in provider",
	},
	"prod": withInference(map[string]string{
		"create training-AllowAzureMonitorOutbound":      restrictedOutboundTable,
		"create training-AllowFrontDoorFrontEndOutbound": restrictedOutboundTable,
		"create inference-scoring-container":             scoringDatastore,
		"create inference-scoring-datastore":             scoringDatastore,
		"create inference-compute-scoring-reader":        scoringDatastore,
	}),
	"existing": {
		"replace training-cluster": "the sample stack moves off the retired NCv3 size, and Azure ML changes a cluster's vmSize only by recreating it",
	},
	"isolated": withInference(map[string]string{
		"create training-AllowAzureMonitorOutbound":      restrictedOutboundTable,
		"create training-AllowFrontDoorFrontEndOutbound": restrictedOutboundTable,
		"delete training-route-Storage-EastUS2":          "forced tunneling no longer routes Storage.<region> past the firewall unless compute.tunnelStorage asks for it",
		"create training-route-AzureFrontDoor-FrontEnd":  "nodes without a public IP route both Front Door tags their outbound rules allow past the firewall, FrontEnd as well as FirstParty",
		"create network-training-nat":                    natGatewayForPrivateNodes,
		"create network-training-nat-ip":                 natGatewayForPrivateNodes,
		"delete-replaced inference-cluster":              privateAPIServer,
		"replace inference-cluster":                      privateAPIServer,
		"create-replacement inference-cluster":           privateAPIServer,
	}),
}

// withInference adds to a stack's intended changes those of its move from
// the legacy AKS compute to the Azure ML extension and a Kubernetes compute.
func withInference(changes map[string]string) map[string]string {
	for step, why := range map[string]string{
		"create inference-azureml-extension":               "a Kubernetes compute needs the Azure ML extension on its cluster",
		"create inference-workspace-reader":                workspaceOnCluster,
		"create inference-workspace-extension-contributor": workspaceOnCluster,
		"create inference-workspace-cluster-admin":         workspaceOnCluster,
		"create inference-compute-identity":                computeIdentity,
		"create inference-compute-acr-pull":                computeIdentity,
		"create inference-compute-storage-reader":          computeIdentity,
		"delete-replaced inference-compute":                kubernetesCompute,
		"replace inference-compute":                        kubernetesCompute,
		"create-replacement inference-compute":             kubernetesCompute,
	} {
		changes[step] = why
	}
	return changes
}

const (
	restrictedOutboundTable   = "restricted outbound now allows the whole service-tag table of the current docs"
	natGatewayForPrivateNodes = "nodes without a public IP get a NAT gateway by default, as Azure retires default outbound access"
	kubernetesCompute         = "the inference compute moves from the legacy AKS compute (CLI/SDK v1 only) to a Kubernetes compute; Azure ML cannot change a compute's type in place, so the old one is deleted and the new one attached under the same name"
	workspaceOnCluster        = "the workspace identity gets the roles the Kubernetes attach needs on the cluster"
	computeIdentity           = "the Kubernetes compute's own identity pulls images and reads models, with its roles granted before the compute exists"
	scoringDatastore          = "the inference storage account is registered with the workspace as a datastore the compute identity reads"
	privateAPIServer          = "the isolated stack's cluster gets a private API server, which AKS sets only when it creates a cluster: the cluster is deleted and created again"
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
				switch {
				case st.Op == "same":
					same++
					continue
				case st.Op == "update", isSettingsRead(st):
					continue
				}
				name := st.URN[strings.LastIndex(st.URN, "::")+2:]
				if strings.HasPrefix(st.Type, "pulumi:providers:") {
					name = st.Type // a default provider is named "default"
				}
				op := st.Op
				if op == "create-replacement" || op == "delete-replaced" {
					op = "replace" // the two halves of one replacement
				}
				if _, ok := intendedChanges[stack][op+" "+name]; ok {
					continue
				}
				if _, ok := intendedChanges["*"][op+" "+name]; ok {
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
