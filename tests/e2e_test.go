package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/offline"
	"github.com/amlvnet/amlvnet/internal/stackfile"
)

// TestMain lets the engine start this test binary as the stand-in
// azure-native provider (see offline.ServeIfProvider).
func TestMain(m *testing.M) {
	offline.ServeIfProvider()
	os.Exit(m.Run())
}

// requireCLI skips engine tests only when asked to (-short). Without a
// Pulumi CLI (offline.FindCLI: an installed one of a supported version, or
// bin/pulumi) they fail rather than skip, so a run that lacks it cannot pass
// unnoticed; `make test` and CI find or build one first. Engine tests are
// named TestEngine*: `make test` runs every other test first, without the
// CLI, and these after it (-skip and -run '^TestEngine'), so a test by
// another name that needs the CLI fails here.
func requireCLI(t testing.TB) {
	t.Helper()
	if _, isTest := t.(*testing.T); isTest && !strings.HasPrefix(t.Name(), "TestEngine") {
		t.Fatalf("%s drives the Pulumi CLI: name it TestEngine... so that make test runs it after the CLI is in place", t.Name())
	}
	if testing.Short() {
		t.Skip("engine end-to-end tests are skipped with -short")
	}
	if _, err := offline.FindCLI(repoRoot(t)); err != nil {
		t.Fatalf("%v: run `make tools` (make test does) to run the engine end-to-end tests", err)
	}
}

// repoRoot is the repository root, as an absolute path.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// upSession opens a session on the stack file at path and deploys it.
func upSession(t *testing.T, path string, log *bytes.Buffer) *offline.Session {
	t.Helper()
	s := openSession(t, path, log)
	if _, err := s.Up(context.Background()); err != nil {
		t.Fatalf("up: %v\n%s", err, log.String())
	}
	return s
}

func openSession(t testing.TB, configPath string, log *bytes.Buffer) *offline.Session {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s, err := offline.Open(ctx, offline.Options{ConfigPath: configPath, Root: "..", Log: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

type exported struct {
	Deployment struct {
		Resources []struct {
			URN     string `json:"urn"`
			Type    string `json:"type"`
			ID      string `json:"id"`
			Custom  bool   `json:"custom"`
			Protect bool   `json:"protect"`
			Parent  string `json:"parent"`
			// Dependencies are the URNs the resource waited for.
			Dependencies []string       `json:"dependencies"`
			Inputs       map[string]any `json:"inputs"`
			Outputs      map[string]any `json:"outputs"`
		} `json:"resources"`
	} `json:"deployment"`
}

func export(t *testing.T, s *offline.Session) (exported, []byte) {
	t.Helper()
	raw, err := s.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var e exported
	if err := json.Unmarshal(raw, &e); err != nil {
		t.Fatal(err)
	}
	return e, raw
}

// TestEngineRoundTrip runs every stack file through the real engine:
// preview, up, a second preview that must propose nothing, then destroy
// (which protected resources must survive).
func TestEngineRoundTrip(t *testing.T) {
	requireCLI(t)
	for _, f := range stackFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			st, err := stackfile.Load(f, "amlvnet", passphrase())
			if err != nil {
				t.Fatal(err)
			}
			cfg := decodeConfig(t, st)
			var log bytes.Buffer
			s := openSession(t, f, &log)

			doc, err := s.Preview(ctx, &log)
			if err != nil {
				t.Fatalf("preview: %v\n%s", err, log.String())
			}
			creates := 0
			for _, step := range doc.Steps {
				if step.Op == "create" {
					creates++
				}
			}
			if creates < 15 {
				t.Errorf("first preview plans %d creates: %v", creates, doc.ChangeSummary)
			}

			if _, err := s.Up(ctx); err != nil {
				t.Fatalf("up: %v\n%s", err, log.String())
			}
			state, rawUp := export(t, s)
			var protected []string
			for _, r := range state.Deployment.Resources {
				if r.Custom && r.ID == "" && !strings.HasPrefix(r.Type, "pulumi:providers:") {
					t.Errorf("%s has no ID after up", r.URN)
				}
				if r.Protect {
					protected = append(protected, r.URN)
				}
			}
			// What protect covers, per the README: the resource group, the
			// storage accounts, the key vault and the workspace.
			if cfg.Protect {
				for _, typ := range []string{"azure-native:resources:ResourceGroup", "azure-native:storage:StorageAccount", "azure-native:keyvault:Vault", azureml.WorkspaceV20241001Token} {
					if !slices.ContainsFunc(protected, func(urn string) bool {
						return strings.Contains(urn, "$"+typ+"::") || strings.Contains(urn, "::"+typ+"::")
					}) {
						t.Errorf("no protected %s after up: %v", typ, protected)
					}
				}
			} else if len(protected) != 0 {
				t.Errorf("protect is off, yet %v are protected", protected)
			}

			// Unchanged is every resource in the state reported same, not an
			// empty plan.
			again, err := s.Preview(ctx, &log)
			if err != nil {
				t.Fatalf("second preview: %v", err)
			}
			requireUnchanged(t, "second preview", again, state)

			err = s.Destroy(ctx)
			after, _ := export(t, s)
			left := map[string]bool{}
			for _, r := range after.Deployment.Resources {
				if r.Custom && !strings.HasPrefix(r.Type, "pulumi:providers:") {
					left[r.URN] = true
				}
			}
			if cfg.Protect {
				if err == nil || !strings.Contains(err.Error(), "protected") {
					t.Fatalf("destroy of a protected stack must fail on protected resources, got %v", err)
				}
				for _, urn := range protected {
					if !left[urn] {
						t.Errorf("protected %s did not survive destroy", urn)
					}
				}
			} else {
				if err != nil {
					t.Fatalf("destroy: %v", err)
				}
				if len(left) != 0 {
					t.Errorf("resources left after destroy: %v", left)
				}
			}

			// Secrets: checked last, over every state and all the engine
			// output of the previews, up and destroy.
			_, raw := export(t, s)
			for _, secret := range st.Secrets {
				if bytes.Contains(rawUp, []byte(secret)) || bytes.Contains(raw, []byte(secret)) || strings.Contains(log.String(), secret) {
					t.Errorf("a secret from %s appears in plain text in the state or the engine output", filepath.Base(f))
				}
			}
		})
	}
}

// TestEngineInPlaceUpdates changes config values Azure updates in place and
// checks the engine proposes updates, not replacements.
func TestEngineInPlaceUpdates(t *testing.T) {
	requireCLI(t)
	t.Parallel()
	ctx := context.Background()
	var log bytes.Buffer
	s := upSession(t, filepath.Join("..", "stacks", "Pulumi.dev.yaml"), &log)
	changes := []struct {
		key, value string
		wantType   string
	}{
		{"amlvnet:compute.maxNodes", "3", "azure-native:machinelearningservices:Compute"},
		{"amlvnet:storage.clientIpRanges[1]", "198.51.100.99", "azure-native:storage:StorageAccount"},
	}
	for _, c := range changes {
		if err := s.SetConfig(ctx, c.key, c.value, false); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := s.Preview(ctx, &log)
	if err != nil {
		t.Fatalf("preview: %v\n%s", err, log.String())
	}
	updated := map[string]bool{}
	for _, step := range doc.Steps {
		switch {
		case step.Op == "same", isSettingsRead(step):
		case step.Op == "update":
			updated[step.Type] = true
		default:
			t.Errorf("%s %s: want an in-place update or nothing (keys %v)", step.Op, step.URN, step.Keys)
		}
	}
	for _, c := range changes {
		if !updated[c.wantType] {
			t.Errorf("changing %s must update %s in place; steps: %v", c.key, c.wantType, doc.ChangeSummary)
		}
	}
	if _, err := s.Up(ctx); err != nil {
		t.Fatalf("second up: %v", err)
	}
	// A region change, by contrast, replaces what it touches.
	if err := s.SetConfig(ctx, "azure-native:location", "westeurope", false); err != nil {
		t.Fatal(err)
	}
	doc, err = s.Preview(ctx, &log)
	if err != nil {
		t.Fatalf("preview: %v", err)
	}
	if doc.ChangeSummary["replace"] == 0 {
		t.Errorf("moving the stack to another region must replace resources: %v", doc.ChangeSummary)
	}
}

// TestEngineRejectsBadConfigBeforeCreating runs invalid stack files through
// the engine: the program must fail on its config, naming the key, with
// nothing created.
func TestEngineRejectsBadConfigBeforeCreating(t *testing.T) {
	requireCLI(t)
	dir := t.TempDir()
	base, err := os.ReadFile(filepath.Join("..", "stacks", "Pulumi.dev.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, from, to, wantKey string
	}{
		{"string for maxNodes", "maxNodes: 2", `maxNodes: "two"`, "amlvnet:compute.maxNodes"},
		{"subnet outside the address space", "trainingSubnet: 10.20.0.0/24", "trainingSubnet: 10.99.0.0/24", "amlvnet:network.trainingSubnet"},
		{"private developer IP", "203.0.113.0/29", "192.168.1.0/29", "amlvnet:storage.clientIpRanges[0]"},
		{"unknown key", "outbound: default", "outbund: default", "amlvnet:compute.outbund"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if !bytes.Contains(base, []byte(c.from)) {
				t.Fatalf("the dev stack no longer contains %q", c.from)
			}
			path := filepath.Join(dir, "Pulumi."+strings.ReplaceAll(c.name, " ", "-")+".yaml")
			if err := os.WriteFile(path, bytes.Replace(base, []byte(c.from), []byte(c.to), 1), 0o600); err != nil {
				t.Fatal(err)
			}
			var log bytes.Buffer
			s := openSession(t, path, &log)
			_, err := s.Up(context.Background())
			if err == nil || !offline.IsConfigError(err) || !strings.Contains(err.Error(), c.wantKey) {
				t.Fatalf("want a config error naming %s, got %v", c.wantKey, err)
			}
			state, _ := export(t, s)
			for _, r := range state.Deployment.Resources {
				if r.Custom && !strings.HasPrefix(r.Type, "pulumi:providers:") {
					t.Errorf("%s was created despite the bad config", r.URN)
				}
			}
		})
	}
}

// TestEngineRefusesMisspelledKeysAndMistypedDeclarations: a misspelled
// top-level key is refused before the engine runs, and a value the CLI
// refuses against Pulumi.yaml's typed declarations fails promptly (it once
// left the preview waiting forever).
func TestEngineRefusesMisspelledKeysAndMistypedDeclarations(t *testing.T) {
	requireCLI(t)
	t.Parallel()
	dir := t.TempDir()
	base, err := os.ReadFile(filepath.Join("..", "stacks", "Pulumi.dev.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	typo := filepath.Join(dir, "Pulumi.typo.yaml")
	if err := os.WriteFile(typo, bytes.Replace(base, []byte("amlvnet:protect:"), []byte("amlvnet:protec:"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	s := openSession(t, typo, &log)
	_, err = s.Preview(context.Background(), &log)
	if !offline.IsConfigError(err) || !strings.Contains(err.Error(), "amlvnet:protec: unknown key (did you mean amlvnet:protect?)") {
		t.Errorf("want the misspelled key refused with a suggestion, got %v", err)
	}

	mistyped := filepath.Join(dir, "Pulumi.mistyped.yaml")
	if err := os.WriteFile(mistyped, bytes.Replace(base, []byte("amlvnet:protect: false"), []byte("amlvnet:protect: maybe"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	s = openSession(t, mistyped, &log)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	_, err = s.Preview(ctx, &log)
	if !offline.IsConfigError(err) || !strings.Contains(err.Error(), "protect") {
		t.Errorf("want the CLI's refusal of protect: maybe, got %v", err)
	}
}

// TestEngineComputeSettingsReplaceTheCluster: Azure ML ignores a change of a
// cluster's vmSize in place, so the engine must plan a new cluster, and
// nothing else.
func TestEngineComputeSettingsReplaceTheCluster(t *testing.T) {
	requireCLI(t)
	t.Parallel()
	ctx := context.Background()
	var log bytes.Buffer
	s := upSession(t, filepath.Join("..", "stacks", "Pulumi.dev.yaml"), &log)
	if err := s.SetConfig(ctx, "amlvnet:compute.vmSize", "Standard_D4s_v5", false); err != nil {
		t.Fatal(err)
	}
	doc, err := s.Preview(ctx, &log)
	if err != nil {
		t.Fatalf("preview: %v\n%s", err, log.String())
	}
	replaced := 0
	for _, step := range doc.Steps {
		switch step.Op {
		case "same", "read":
		case "replace", "create-replacement", "delete-replaced":
			if !strings.HasSuffix(step.URN, "::training-cluster") {
				t.Errorf("%s %s: only the cluster is replaced", step.Op, step.URN)
			}
			replaced++
		default:
			t.Errorf("%s %s: want the cluster replaced and nothing else", step.Op, step.URN)
		}
	}
	if replaced == 0 {
		t.Errorf("a new vmSize must replace the cluster: %v", doc.ChangeSummary)
	}
}

// TestEngineFixedSettingsRefusedAtPreview: a vault's soft-delete retention
// cannot change once deployed; the preview refuses it, naming the key, and
// the stand-in refuses the update as Azure does.
func TestEngineFixedSettingsRefusedAtPreview(t *testing.T) {
	requireCLI(t)
	t.Parallel()
	ctx := context.Background()
	var log bytes.Buffer
	s := upSession(t, filepath.Join("..", "stacks", "Pulumi.dev.yaml"), &log)
	if err := s.SetConfig(ctx, "amlvnet:keyVault.softDeleteRetentionDays", "30", false); err != nil {
		t.Fatal(err)
	}
	_, err := s.Preview(ctx, &log)
	if !offline.IsConfigError(err) || !strings.Contains(err.Error(), "amlvnet:keyVault.softDeleteRetentionDays: was 90 when the stack was deployed") {
		t.Fatalf("want the retention change refused at preview, naming its key; got %v", err)
	}
}

// TestEngineManagedNetworkOneWay: once stacks/Pulumi.managed.yaml is up, a
// preview refuses, naming the key, both changes Azure never makes to a
// workspace's managed network: from approved back to internet outbound, and
// out of the managed network altogether.
func TestEngineManagedNetworkOneWay(t *testing.T) {
	requireCLI(t)
	t.Parallel()
	ctx := context.Background()
	var log bytes.Buffer
	s := upSession(t, filepath.Join("..", "stacks", "Pulumi.managed.yaml"), &log)
	// Back to internet outbound, with the config otherwise valid for it: no
	// FQDN rules, no developer IPs.
	for _, key := range []string{"amlvnet:network.managed.rules", "amlvnet:network.managed.firewallSku", "amlvnet:storage.clientIpRanges"} {
		if err := s.RemoveConfig(ctx, key); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetConfig(ctx, "amlvnet:network.managed.outbound", "internet", false); err != nil {
		t.Fatal(err)
	}
	_, err := s.Preview(ctx, &log)
	if want := "amlvnet:network.managed.outbound: was approved when the stack was deployed"; !offline.IsConfigError(err) || !strings.Contains(err.Error(), want) {
		t.Fatalf("want the move to internet outbound refused at preview with %q; got %v", want, err)
	}
	// Out of the managed network: the default isolation, serviceEndpoints,
	// in a VNet as stacks/Pulumi.dev.yaml has it.
	if err := s.RemoveConfig(ctx, "amlvnet:network"); err != nil {
		t.Fatal(err)
	}
	for key, value := range map[string]string{"amlvnet:network.addressSpace": "10.20.0.0/16", "amlvnet:network.trainingSubnet": "10.20.0.0/24"} {
		if err := s.SetConfig(ctx, key, value, false); err != nil {
			t.Fatal(err)
		}
	}
	_, err = s.Preview(ctx, &log)
	if want := "amlvnet:network.isolation: was managed when the stack was deployed"; !offline.IsConfigError(err) || !strings.Contains(err.Error(), want) {
		t.Fatalf("want the move out of the managed network refused at preview with %q; got %v", want, err)
	}
}

// isSettingsRead is the one step every preview has besides "same": the stack
// reading its last deployment's fixed settings, which changes nothing.
// requireUnchanged checks that a preview proposes nothing: every resource
// of the state reported "same", and nothing else but the read of the last
// deployment's settings. A preview with no steps at all fails.
func requireUnchanged(t *testing.T, what string, doc *offline.PreviewDoc, state exported) {
	t.Helper()
	for op, n := range doc.ChangeSummary {
		if op != "same" && !(op == "read" && n == 1) && n > 0 {
			t.Errorf("%s proposes %d %s", what, n, op)
		}
	}
	same := 0
	for _, step := range doc.Steps {
		if step.Op == "same" {
			same++
		} else if !isSettingsRead(step) {
			t.Errorf("%s: %s %s (diffs %v)", what, step.Op, step.URN, step.Diffs)
		}
	}
	// The summary counts resources; the steps include the providers.
	inState, providers := 0, 0
	for _, r := range state.Deployment.Resources {
		switch {
		case strings.HasPrefix(r.Type, "pulumi:providers:"):
			providers++
		case r.Type != "pulumi:pulumi:StackReference":
			inState++
		}
	}
	if inState == 0 || doc.ChangeSummary["same"] != inState || same != inState+providers {
		t.Errorf("%s: %d same steps, summary %v, for %d resources and %d providers in the state", what, same, doc.ChangeSummary, inState, providers)
	}
}

func isSettingsRead(step offline.Step) bool {
	return step.Op == "read" && strings.HasSuffix(step.URN, "pulumi:pulumi:StackReference::deployed-settings")
}
