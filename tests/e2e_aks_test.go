package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/amlvnet/amlvnet/internal/stackfile"
)

// legacyProdStack writes the prod stack switched to the legacy AKS compute:
// computeType AKS, and its inference block (the extension's) dropped. The
// secure values stay encrypted as they are.
func legacyProdStack(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "stacks", "Pulumi.prod.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	start := strings.Index(text, "    inference:\n")
	end := strings.Index(text, "  amlvnet:attach:\n")
	if start < 0 || end < start || !strings.Contains(text, "    computeType: Kubernetes\n") {
		t.Fatal("stacks/Pulumi.prod.yaml no longer has the aks block this test edits")
	}
	text = text[:start] + text[end:]
	text = strings.Replace(text, "    computeType: Kubernetes\n", "    computeType: AKS\n", 1)
	path := filepath.Join(t.TempDir(), "Pulumi.prod.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEngineLegacyAKSComputeAndMigration keeps the legacy AKS compute
// working through the engine, then moves the same deployment to the
// Kubernetes compute as a user would: set computeType and the TLS settings.
// The stand-in refuses a Kubernetes compute whose cluster has no Azure ML
// extension, so the move succeeds only if the extension comes first.
func TestEngineLegacyAKSComputeAndMigration(t *testing.T) {
	requireCLI(t)
	t.Parallel()
	ctx := context.Background()
	var log bytes.Buffer
	s := openSession(t, legacyProdStack(t), &log)
	if _, err := s.Up(ctx); err != nil {
		t.Fatalf("up with the legacy compute: %v\n%s", err, log.String())
	}
	state, _ := export(t, s)
	types := map[string]int{}
	for _, r := range state.Deployment.Resources {
		types[r.Type]++
		if r.Type == "azure-native:machinelearningservices:Compute" && strings.HasSuffix(r.URN, "::inference-compute") {
			if ct := r.Inputs["properties"].(map[string]any)["computeType"]; ct != "AKS" {
				t.Errorf("the legacy stack attached a %v compute", ct)
			}
		}
	}
	if types["azure-native:kubernetesconfiguration:Extension"] != 0 {
		t.Error("the legacy compute needs no extension")
	}
	again, err := s.Preview(ctx, &log)
	if err != nil {
		t.Fatalf("second preview: %v\n%s", err, log.String())
	}
	for _, step := range again.Steps {
		if step.Op != "same" && !isSettingsRead(step) {
			t.Errorf("second preview of the legacy stack: %s %s", step.Op, step.URN)
		}
	}

	// The move, with the prod stack's own TLS material.
	st, err := stackfile.Load(filepath.Join("..", "stacks", "Pulumi.prod.yaml"), "amlvnet", passphrase())
	if err != nil {
		t.Fatal(err)
	}
	var aks struct {
		Inference struct {
			SslCname, SslCertificate, SslKey string
		}
	}
	if err := json.Unmarshal([]byte(st.Config["amlvnet:aks"]), &aks); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key, value string
		secret     bool
	}{
		{"amlvnet:aks.computeType", "Kubernetes", false},
		{"amlvnet:aks.inference.sslCname", aks.Inference.SslCname, false},
		{"amlvnet:aks.inference.sslCertificate", aks.Inference.SslCertificate, true},
		{"amlvnet:aks.inference.sslKey", aks.Inference.SslKey, true},
	} {
		if err := s.SetConfig(ctx, c.key, c.value, c.secret); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := s.Preview(ctx, &log)
	if err != nil {
		t.Fatalf("preview of the move: %v\n%s", err, log.String())
	}
	ops := map[string]string{}
	for _, step := range doc.Steps {
		name := step.URN[strings.LastIndex(step.URN, "::")+2:]
		if step.Op != "same" && !isSettingsRead(step) {
			ops[name] += step.Op + " "
		}
	}
	if !strings.Contains(ops["inference-compute"], "replace") || !strings.Contains(ops["inference-azureml-extension"], "create") {
		t.Errorf("the move replaces the compute and installs the extension: %v", ops)
	}
	for name, op := range ops {
		if !strings.HasPrefix(name, "inference-") || strings.Contains(op, "delete ") {
			t.Errorf("%s %s: the move touches the inference compute's resources only, and deletes none", op, name)
		}
	}
	if _, err := s.Up(ctx); err != nil {
		t.Fatalf("up of the move: %v\n%s", err, log.String())
	}
	state, raw := export(t, s)
	for _, r := range state.Deployment.Resources {
		if r.Type == "azure-native:machinelearningservices:Compute" && strings.HasSuffix(r.URN, "::inference-compute") {
			if ct := r.Inputs["properties"].(map[string]any)["computeType"]; ct != "Kubernetes" {
				t.Errorf("after the move the compute is %v", ct)
			}
		}
	}
	if bytes.Contains(raw, []byte(aks.Inference.SslKey)) || strings.Contains(log.String(), aks.Inference.SslKey) {
		t.Error("the TLS key appears in plain text in the state or the engine output")
	}
	again, err = s.Preview(ctx, &log)
	if err != nil {
		t.Fatalf("preview after the move: %v\n%s", err, log.String())
	}
	for _, step := range again.Steps {
		if step.Op != "same" && !isSettingsRead(step) {
			t.Errorf("preview after the move: %s %s", step.Op, step.URN)
		}
	}
}
