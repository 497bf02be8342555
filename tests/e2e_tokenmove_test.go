package tests

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/amlvnet/amlvnet/internal/azureml"
)

// TestEngineWorkspaceTokenMove: a workspace that an earlier release deployed
// under the default token (azure-native:machinelearningservices:Workspace,
// API 2023-04-01) is taken over by today's explicit-version token
// (.../v20241001:Workspace, API 2024-10-01) in place. The state in
// testdata/state/dev.json is the dev stack after `up` with that release;
// today's preview of it must show the workspace as an update at most, under
// the new token, never a replacement nor a create-and-delete pair.
func TestEngineWorkspaceTokenMove(t *testing.T) {
	requireCLI(t)
	state, err := os.ReadFile(filepath.Join("testdata", "state", "dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(state, []byte(`"type": "`+azureml.WorkspaceToken+`"`)) {
		t.Fatalf("testdata/state/dev.json holds no workspace under %s", azureml.WorkspaceToken)
	}
	ctx := context.Background()
	var log bytes.Buffer
	s := openSession(t, filepath.Join("..", "stacks", "Pulumi.dev.yaml"), &log)
	if err := s.Import(ctx, state); err != nil {
		t.Fatalf("import: %v\n%s", err, log.String())
	}
	doc, err := s.Preview(ctx, &log)
	if err != nil {
		t.Fatalf("preview: %v\n%s", err, log.String())
	}
	moved := 0
	for _, st := range doc.Steps {
		isWorkspace := st.Type == azureml.WorkspaceV20241001Token || st.Type == azureml.WorkspaceToken
		if !isWorkspace {
			continue
		}
		switch {
		case st.Type != azureml.WorkspaceV20241001Token:
			t.Errorf("%s %s: the workspace must be under %s now", st.Op, st.URN, azureml.WorkspaceV20241001Token)
		case st.Op != "update" && st.Op != "same":
			t.Errorf("%s %s (diffs %v): moving the token must update the workspace in place", st.Op, st.URN, st.Diffs)
		case st.OldState == nil || st.OldState.Type != azureml.WorkspaceToken:
			t.Errorf("%s %s: the step does not continue the deployed %s (old state %+v)", st.Op, st.URN, azureml.WorkspaceToken, st.OldState)
		default:
			moved++
			t.Logf("%s %s (from %s)", st.Op, st.URN, st.OldState.Type)
		}
	}
	if moved != 1 {
		t.Errorf("want the one workspace moved in place, got %d; steps %v", moved, doc.ChangeSummary)
	}
	for _, op := range []string{"create", "delete", "replace"} {
		if n := doc.ChangeSummary[op]; n > 0 {
			t.Errorf("the preview plans %d %s: %v", n, op, doc.ChangeSummary)
		}
	}
}
