package tests

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
	"github.com/amlvnet/amlvnet/internal/stackfile"
	"github.com/amlvnet/amlvnet/internal/standin"
	"github.com/amlvnet/amlvnet/program"
)

// stackFiles lists every stack file in stacks/.
func stackFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "stacks", "Pulumi.*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no stack files in ../stacks (err %v)", err)
	}
	sort.Strings(files)
	return files
}

func passphrase() string {
	if p := os.Getenv("PULUMI_CONFIG_PASSPHRASE"); p != "" {
		return p
	}
	return stackfile.SamplePassphrase
}

// fixtureVnets reads the existing VNets the sample stacks reuse; the same
// file feeds the offline preview's stand-in provider.
func fixtureVnets(t testing.TB) standin.VirtualNetworkFixtures {
	t.Helper()
	vnets, err := standin.LoadFixtures(filepath.Join("testdata", "existing-vnets.json"))
	if err != nil {
		t.Fatal(err)
	}
	return vnets
}

// runConfig runs the root program under mocks with cfg, in the repository's
// project: relative paths in cfg are read from the repository root, as
// `pulumi up` and the offline preview read them.
func runConfig(t testing.TB, cfg map[string]string, secretKeys ...string) (*pulumitest.Mocks, error) {
	t.Helper()
	m := &pulumitest.Mocks{VirtualNetworks: fixtureVnets(t), ProjectDir: repoRoot(t)}
	err := m.Run(program.Run, cfg, secretKeys...)
	return m, err
}

// runStack loads a stack file and runs the program under mocks.
func runStack(t testing.TB, path string) (*stackfile.Stack, *pulumitest.Mocks) {
	t.Helper()
	st, err := stackfile.Load(path, "amlvnet", passphrase())
	if err != nil {
		t.Fatal(err)
	}
	m, err := runConfig(t, st.Config, st.SecretKeys...)
	if err != nil {
		t.Fatalf("%s: program failed: %v", path, err)
	}
	return st, m
}

// one returns the only resource in rs, failing the test otherwise.
func one(t testing.TB, what string, rs []pulumitest.Resource) pulumitest.Resource {
	t.Helper()
	if len(rs) != 1 {
		t.Fatalf("%s: want exactly 1 resource, got %d", what, len(rs))
	}
	return rs[0]
}
