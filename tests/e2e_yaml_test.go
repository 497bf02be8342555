package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"

	"github.com/amlvnet/amlvnet/internal/offline"
	"github.com/amlvnet/amlvnet/internal/standin"
)

// The YAML programs run through the real engine with amlvnet's component
// package (bin/pulumi-resource-amlvnet, `make plugin`), the YAML language host
// (bin/pulumi-language-yaml, `make tools`) and, for the azure-native children
// the components register, the stand-in provider served by this very test
// binary (TestMain calls offline.ServeIfProvider). No Go code of the plugin is
// linked here: the root module stays free of pulumi-go-provider and pkg/v3.

// yamlSession is one YAML project in a throwaway backend and PULUMI_HOME.
type yamlSession struct {
	stack auto.Stack
	log   bytes.Buffer
}

// requireYAMLTools skips when the binaries are not built; `make test-yaml`
// builds them first.
func requireYAMLTools(t *testing.T) (root string) {
	t.Helper()
	requireCLI(t)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, bin := range []string{"pulumi-language-yaml", "pulumi-resource-amlvnet"} {
		if _, err := os.Stat(filepath.Join(root, "bin", bin)); err != nil {
			t.Fatalf("bin/%s is missing: run `make tools plugin` (make test does) to run the YAML engine tests", bin)
		}
	}
	return root
}

// openYAML copies examples/yaml/<example> into a temporary directory and
// opens its stack "test" there.
func openYAML(t *testing.T, root, example string) *yamlSession {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	work, home, path := filepath.Join(dir, "work"), filepath.Join(dir, "home"), filepath.Join(dir, "path")
	for _, d := range []string{work, home, path, filepath.Join(dir, "state")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	src, err := os.ReadFile(filepath.Join(root, "examples", "yaml", example, "Pulumi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "Pulumi.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}

	// Plugins go where `pulumi plugin install` puts them, one directory per
	// name and version, so the engine finds the versions it asks for: the
	// stand-in as azure-native 2.92.3 (the version the components pin), and
	// the component package under the version its schema declares.
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	plugin := filepath.Join(root, "bin", "pulumi-resource-amlvnet")
	link(t, self, filepath.Join(home, "plugins", "resource-azure-native-v"+standin.Version, offline.ProviderBinary))
	link(t, plugin, filepath.Join(home, "plugins", "resource-amlvnet-v"+pluginVersion(t, root, plugin), "pulumi-resource-amlvnet"))
	// The language host is looked up on PATH first, then next to the CLI,
	// then in the plugin cache (sdk/go/common/workspace GetPluginPath); bin/
	// holds the CLI as a symlink, which the CLI resolves, so PATH it is.
	link(t, filepath.Join(root, "bin", "pulumi-language-yaml"), filepath.Join(path, "pulumi-language-yaml"))

	env := map[string]string{
		"PULUMI_BACKEND_URL":                          "file://" + filepath.Join(dir, "state"),
		"PULUMI_HOME":                                 home,
		"PULUMI_CONFIG_PASSPHRASE":                    "amlvnet-yaml-test",
		"PULUMI_SKIP_UPDATE_CHECK":                    "1",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"PATH": path + string(os.PathListSeparator) + os.Getenv("PATH"),
	}
	cmd, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: root, SkipVersionCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	stack, err := auto.UpsertStackLocalSource(ctx, "test", work, auto.Pulumi(cmd), auto.EnvVars(env), auto.SecretsProvider("passphrase"))
	if err != nil {
		t.Fatal(err)
	}
	return &yamlSession{stack: stack}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// pluginVersion is the version the plugin's schema declares, which the
// engine expects of the plugin directory it loads.
func pluginVersion(t *testing.T, root, plugin string) string {
	t.Helper()
	cmd, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: root, SkipVersionCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"PULUMI_HOME=" + t.TempDir(), "PULUMI_SKIP_UPDATE_CHECK=1"}
	stdout, stderr, code, err := cmd.Run(context.Background(), root, nil, nil, nil, env, "package", "get-schema", plugin)
	if err != nil || code != 0 {
		t.Fatalf("pulumi package get-schema %s: exit %d: %v: %s", plugin, code, err, stderr)
	}
	var schema struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal([]byte(stdout), &schema); err != nil || schema.Version == "" {
		t.Fatalf("the plugin's schema declares no version (%v)", err)
	}
	return schema.Version
}

// resources returns the types of the stack's resources, as exported.
func (s *yamlSession) resources(t *testing.T) []string {
	t.Helper()
	dep, err := s.stack.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var state struct {
		Resources []struct {
			Type string `json:"type"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(dep.Deployment, &state); err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, r := range state.Resources {
		types = append(types, r.Type)
	}
	return types
}

// TestEngineYAMLRoundTrip runs examples/yaml/training through the engine:
// preview, up, a second preview that proposes nothing, destroy.
func TestEngineYAMLRoundTrip(t *testing.T) {
	root := requireYAMLTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	s := openYAML(t, root, "training")

	pre, err := s.stack.Preview(ctx, optpreview.ProgressStreams(&s.log))
	if err != nil {
		t.Fatalf("preview: %v\n%s", err, s.log.String())
	}

	up, err := s.stack.Up(ctx, optup.ProgressStreams(&s.log))
	if err != nil {
		t.Fatalf("up: %v\n%s", err, s.log.String())
	}
	if name := up.Outputs["computeName"].Value; name != "cpucluster" {
		t.Errorf("output computeName = %v, want cpucluster", name)
	}
	id, ok := up.Outputs["workspaceId"].Value.(string)
	if !ok || !strings.Contains(id, "/providers/Microsoft.MachineLearningServices/workspaces/") {
		t.Errorf("output workspaceId = %v, want the workspace's ARM ID", up.Outputs["workspaceId"].Value)
	}
	types := s.resources(t)
	got := map[string]int{}
	for _, typ := range types {
		got[typ]++
	}
	for typ, want := range map[string]int{
		"amlvnet:index:Network": 1, "amlvnet:index:SecureStorage": 1, "amlvnet:index:SecureKeyVault": 1,
		"amlvnet:index:MLWorkspace": 1, "amlvnet:index:AmlComputeInVnet": 1,
		"azure-native:network:Subnet": 1, "azure-native:storage:StorageAccount": 1, "azure-native:keyvault:Vault": 1,
		"azure-native:machinelearningservices/v20241001:Workspace": 1, "azure-native:machinelearningservices:Compute": 1,
	} {
		if got[typ] != want {
			t.Errorf("after up the stack holds %d %s, want %d", got[typ], typ, want)
		}
	}
	if got["azure-native:network:SecurityRule"] == 0 {
		t.Error("after up the training subnet's NSG has no rules of the cluster")
	}
	// The first preview planned what up created: every resource but the
	// default providers, which a preview does not count.
	created := 0
	for _, typ := range types {
		if !strings.HasPrefix(typ, "pulumi:providers:") {
			created++
		}
	}
	if n := pre.ChangeSummary["create"]; n != created {
		t.Errorf("first preview plans %d creates, up created %d: %v\n%s", n, created, pre.ChangeSummary, s.log.String())
	}

	again, err := s.stack.Preview(ctx, optpreview.ProgressStreams(&s.log))
	if err != nil {
		t.Fatalf("second preview: %v\n%s", err, s.log.String())
	}
	for op, n := range again.ChangeSummary {
		if op != "same" && n > 0 {
			t.Errorf("second preview proposes %d %s: %v\n%s", n, op, again.ChangeSummary, s.log.String())
		}
	}

	if _, err := s.stack.Destroy(ctx, optdestroy.ProgressStreams(&s.log)); err != nil {
		t.Fatalf("destroy: %v\n%s", err, s.log.String())
	}
	if left := s.resources(t); len(left) != 0 {
		t.Errorf("resources left after destroy: %v", left)
	}
}

// TestEngineYAMLBadInput runs examples/yaml/bad-input: the update fails with one
// error naming every bad input, and nothing but the stack and the providers
// is created.
func TestEngineYAMLBadInput(t *testing.T) {
	root := requireYAMLTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	s := openYAML(t, root, "bad-input")

	ch := make(chan events.EngineEvent)
	var errs []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev := range ch {
			if d := ev.DiagnosticEvent; d != nil && d.Severity == "error" {
				errs = append(errs, d.Message)
			}
		}
	}()
	_, err := s.stack.Up(ctx, optup.ProgressStreams(&s.log), optup.EventStreams(ch))
	if err == nil {
		t.Fatalf("up of bad-input succeeded\n%s", s.log.String())
	}
	<-done
	// One error diagnostic from the engine, listing every problem by the
	// input's path in the schema.
	if len(errs) != 1 {
		t.Fatalf("the engine reported %d errors, want one listing every problem: %q", len(errs), errs)
	}
	for _, want := range []string{
		"amlvnet:index:AmlComputeInVnet resource 'training' has a problem: AmlComputeInVnet: ",
		"\n  - location: unknown Azure region \"middle-earth\"",
		"\n  - spec.sshSources: ",
		"\n  - spec.vmPriority: \"Spot\" is not allowed",
		"\n  - subnet.prefix: \"10.20.0.5/24\" has host bits set",
	} {
		if !strings.Contains(errs[0], want) {
			t.Errorf("the error lacks %q:\n%s", want, errs[0])
		}
	}
	for _, typ := range s.resources(t) {
		if typ != "pulumi:pulumi:Stack" && !strings.HasPrefix(typ, "pulumi:providers:") {
			t.Errorf("%s was created despite the bad input", typ)
		}
	}
}

// TestReadmeYAMLIsTheTestedExample: the YAML in the README's "Using the
// components" section is copied from examples/yaml/training, which
// TestEngineYAMLRoundTrip runs, so the README shows a program that works.
func TestReadmeYAMLIsTheTestedExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join("..", "examples", "yaml", "training", "Pulumi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "**YAML**")
	if !ok {
		t.Fatal("the README has no **YAML** example")
	}
	_, block, ok := strings.Cut(section, "```yaml\n")
	block, _, closed := strings.Cut(block, "```")
	if !ok || !closed || !strings.Contains(block, "amlvnet:index:AmlComputeInVnet") {
		t.Fatalf("the README's YAML example is not a yaml block using AmlComputeInVnet:\n%s", block)
	}
	if !strings.Contains(string(example), block) {
		t.Errorf("the README's YAML example is not a part of examples/yaml/training/Pulumi.yaml:\n%s", block)
	}
}
