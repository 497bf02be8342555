package offline

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

var versionCases = []struct {
	version string
	ok      bool
}{
	{"v3.274.1", true},
	{"3.274.1", true},
	{"v3.274.2", true},
	{"v3.300.0-alpha.1+dirty", true},
	{"v3.1000.0", true},
	{"v3.274.1-dev.0", false}, // a pre-release of the minimum comes before it
	{"v3.274.0", false},
	{"v3.99.0", false},
	{"v2.99.0", false},
	{"v4.0.0-alpha.1", false},
	{"v4.0.0", false},
	{"v10.0.0", false},
	{"", false},
	{"v3.274", false},
	{"warning: something\nv3.274.1", false},
}

func TestSupportedCLIVersion(t *testing.T) {
	for _, c := range versionCases {
		if err := SupportedCLIVersion(c.version); (err == nil) != c.ok {
			t.Errorf("SupportedCLIVersion(%q) = %v, want ok %v", c.version, err, c.ok)
		}
	}
}

// The range's lower bound is the Go SDK the Automation API comes from, and
// the CLI `make tools` builds must be inside it.
func TestCLIRangeFollowsGoMod(t *testing.T) {
	modVersion := func(file, module string) string {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^\s*(?:require\s+)?` + regexp.QuoteMeta(module) + `\s+(v\S+)`).FindStringSubmatch(string(data))
		if m == nil {
			t.Fatalf("%s does not require %s", file, module)
		}
		return m[1]
	}
	if sdk := modVersion(filepath.Join("..", "..", "go.mod"), "github.com/pulumi/pulumi/sdk/v3"); sdk != "v"+MinCLIVersion {
		t.Errorf("go.mod has sdk/v3 %s but MinCLIVersion is %s: move them together", sdk, MinCLIVersion)
	}
	pinned := modVersion(filepath.Join("..", "..", "tools", "go.mod"), "github.com/pulumi/pulumi/pkg/v3")
	if err := SupportedCLIVersion(pinned); err != nil {
		t.Errorf("the CLI make tools builds (tools/go.mod, pkg/v3 %s) is not supported: %v", pinned, err)
	}
	makefile, err := os.ReadFile(filepath.Join("..", "..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(makefile), "PULUMI_VERSION := "+pinned+"\n") {
		t.Errorf("the Makefile's PULUMI_VERSION is not tools/go.mod's pkg/v3 %s", pinned)
	}
}

// tools/pulumi-cli, which decides whether `make tools` builds bin/pulumi,
// accepts exactly the versions FindCLI accepts.
func TestPulumiCLIScriptAgrees(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a POSIX shell script")
	}
	script, err := filepath.Abs(filepath.Join("..", "..", "tools", "pulumi-cli"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"MIN": MinCLIVersion, "MAX": MaxCLIVersion} {
		if !strings.Contains(string(data), "\n"+name+"="+want+"\n") {
			t.Errorf("tools/pulumi-cli does not set %s=%s", name, want)
		}
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "pulumi")
	for _, c := range versionCases {
		if err := os.WriteFile(fake, []byte("#!/bin/sh\nprintf '%s\\n' '"+c.version+"'\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("sh", script)
		cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+"/usr/bin:/bin")
		out, err := cmd.Output()
		if (err == nil) != c.ok {
			t.Errorf("tools/pulumi-cli with pulumi %q: %v (%q), want ok %v", c.version, err, out, c.ok)
		}
		if err == nil && !strings.HasPrefix(string(out), fake+" ") {
			t.Errorf("tools/pulumi-cli printed %q, want the path %s first", out, fake)
		}
	}
}

// FindCLI prefers a supported CLI on PATH, and falls back to bin/pulumi.
func TestFindCLI(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("fake CLIs are shell scripts")
	}
	fakeCLI := func(dir, version string) string {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "pulumi")
		if err := os.WriteFile(p, []byte("#!/bin/sh\necho "+version+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	root := t.TempDir()
	onPath := t.TempDir()
	t.Setenv("PATH", onPath)

	if _, err := findCLI(root); err == nil || !strings.Contains(err.Error(), "make tools") {
		t.Errorf("no CLI at all: want an error naming make tools, got %v", err)
	}
	built := fakeCLI(filepath.Join(root, "bin"), "v3.274.1")
	if cli, err := findCLI(root); err != nil || cli.Path != built || cli.Installed || cli.root() != root {
		t.Errorf("only bin/pulumi: got %+v, %v", cli, err)
	}
	fakeCLI(onPath, "v3.100.0")
	if cli, err := findCLI(root); err != nil || cli.Path != built {
		t.Errorf("an old CLI on PATH must be passed over for bin/pulumi: got %+v, %v", cli, err)
	}
	installed := fakeCLI(onPath, "v3.280.0")
	cli, err := findCLI(root)
	if err != nil || cli.Path != installed || !cli.Installed || cli.Version != "v3.280.0" {
		t.Errorf("a supported CLI on PATH comes first: got %+v, %v", cli, err)
	}
	if cli.root() != "" || !strings.Contains(cli.String(), "installed") || !strings.Contains(cli.String(), installed) {
		t.Errorf("installed CLI outside a bin directory: root %q, line %q", cli.root(), cli)
	}
}
