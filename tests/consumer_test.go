package tests

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestConsumerDoesNotGetThePlugin lists what tests/consumer, a Go program
// importing only amlvnet's components, compiles and which modules its build
// needs: pulumi-go-provider and pkg/v3, which the component package's plugin
// (provider/, a module of its own) requires, must be in neither.
func TestConsumerDoesNotGetThePlugin(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	// A copy, with the replace directive made absolute and -mod=mod, so
	// that go.sum entries the library's newer dependencies need are added
	// to the copy, never to the repository.
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum", "main.go"} {
		data, err := os.ReadFile(filepath.Join("consumer", f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "go.mod" {
			data = []byte(strings.Replace(string(data), "=> ../..", "=> "+root, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	goList := func(args ...string) []string {
		cmd := exec.Command("go", append([]string{"list", "-mod=mod"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
		out, err := cmd.Output()
		if err != nil {
			var stderr string
			if ee, ok := err.(*exec.ExitError); ok {
				stderr = string(ee.Stderr)
			}
			t.Fatalf("go list %v: %v\n%s", args, err, stderr)
		}
		return strings.Fields(string(out))
	}
	packages := goList("-deps", ".")
	modules := goList("-m", "-f", "{{.Path}}", "all")
	if !slices.Contains(packages, "github.com/amlvnet/amlvnet/components") {
		t.Fatalf("the consumer does not compile the components: %v", packages)
	}
	for _, list := range [][]string{packages, modules} {
		for _, p := range list {
			if strings.HasPrefix(p, "github.com/pulumi/pulumi-go-provider") || strings.HasPrefix(p, "github.com/pulumi/pulumi/pkg/v3") {
				t.Errorf("a consumer of the components gets %s", p)
			}
		}
	}
}
