package offline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
)

// The Pulumi CLI versions the offline preview drives: from MinCLIVersion up
// to, not including, MaxCLIVersion.
//
// The lower bound is the version of the Go SDK (sdk/v3) in go.mod, which a
// test keeps equal. The Automation API of that SDK drives the CLI with the
// flags and the event log of its own release, and the program's SDK asks the
// engine for the resource monitor features of its own release; Pulumi keeps
// a newer CLI working with an older SDK, not the other way round, so an
// older CLI may refuse a flag or miss a feature. The upper bound is the next
// major version: within v3 the CLI's flags, its event log and the state
// format only grow, while a new major version may change any of them.
//
// tools/pulumi-cli, which `make tools` runs to decide whether to build
// bin/pulumi, holds the same bounds (a test checks it).
const (
	MinCLIVersion = "3.274.1"
	MaxCLIVersion = "4.0.0"
)

// CLI is the Pulumi CLI a session drives.
type CLI struct {
	// Path is the executable.
	Path string
	// Version is what `pulumi version` printed, e.g. v3.274.1.
	Version string
	// Installed is true for a CLI found on PATH, false for <root>/bin/pulumi
	// (built by `make cli`, which `make preview` and `make tools` run).
	Installed bool
}

// String is the preview's first log line.
func (c CLI) String() string {
	how := "built by make cli"
	if c.Installed {
		how = "installed, found on PATH"
	}
	return fmt.Sprintf("Pulumi CLI %s (%s): %s", c.Version, how, c.Path)
}

// root is what auto.PulumiCommandOptions.Root wants: the directory whose
// bin/pulumi is the CLI, or "" to run "pulumi" from PATH.
func (c CLI) root() string {
	dir := filepath.Dir(c.Path)
	if filepath.Base(c.Path) == "pulumi" && filepath.Base(dir) == "bin" {
		return filepath.Dir(dir)
	}
	return ""
}

// command is the Automation API's handle on the CLI, made once per
// process and CLI: making one runs `pulumi version`, which FindCLI has
// already checked against our own range.
func (c CLI) command() (auto.PulumiCommand, error) {
	if cmd, ok := commandCache.Load(c.Path); ok {
		return cmd.(auto.PulumiCommand), nil
	}
	cmd, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: c.root(), SkipVersionCheck: true})
	if err != nil {
		return nil, err
	}
	commandCache.Store(c.Path, cmd)
	return cmd, nil
}

var (
	cliCache     sync.Map // root -> cliResult
	commandCache sync.Map // CLI path -> auto.PulumiCommand
)

type cliResult struct {
	cli CLI
	err error
}

// FindCLI returns the CLI the offline preview uses under the repository root:
// a `pulumi` on PATH at a supported version, else <root>/bin/pulumi (which
// `make tools` builds only when there is no such CLI). It runs `pulumi
// version` once per process and root.
func FindCLI(root string) (CLI, error) {
	if r, ok := cliCache.Load(root); ok {
		return r.(cliResult).cli, r.(cliResult).err
	}
	cli, err := findCLI(root)
	cliCache.Store(root, cliResult{cli, err})
	return cli, err
}

func findCLI(root string) (CLI, error) {
	var refused []string
	if path, err := exec.LookPath("pulumi"); err == nil {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		v, err := cliVersion(path)
		if err == nil {
			err = SupportedCLIVersion(v)
		}
		if err == nil {
			return CLI{Path: path, Version: v, Installed: true}, nil
		}
		refused = append(refused, fmt.Sprintf("%s: %v", path, err))
	}
	built := filepath.Join(root, "bin", "pulumi")
	if _, err := os.Stat(built); err == nil {
		v, err := cliVersion(built)
		if err == nil {
			err = SupportedCLIVersion(v)
		}
		if err == nil {
			return CLI{Path: built, Version: v}, nil
		}
		refused = append(refused, fmt.Sprintf("%s: %v", built, err))
	}
	msg := fmt.Sprintf("no Pulumi CLI from v%s up to (not including) v%s: install one, or run `make tools` to build %s", MinCLIVersion, MaxCLIVersion, built)
	if len(refused) > 0 {
		msg += " (refused " + strings.Join(refused, "; ") + ")"
	}
	return CLI{}, errors.New(msg)
}

func cliVersion(path string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "version")
	cmd.Env = append(os.Environ(), "PULUMI_SKIP_UPDATE_CHECK=1")
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("pulumi version: %w", err)
	}
	return strings.TrimSpace(out.String()), nil
}

// SupportedCLIVersion tells whether the offline preview drives a CLI that
// prints this version (v3.274.1, 3.280.0-alpha.x...).
func SupportedCLIVersion(v string) error {
	got, ok := parseVersion(v)
	if !ok {
		return fmt.Errorf("unreadable version %q", v)
	}
	lo, _ := parseVersion(MinCLIVersion)
	hi, _ := parseVersion(MaxCLIVersion)
	// A pre-release of the next major version is refused too.
	if compareVersions(got, lo) < 0 || compareVersions(version{n: got.n}, hi) >= 0 {
		return fmt.Errorf("version %s is outside v%s up to (not including) v%s", v, MinCLIVersion, MaxCLIVersion)
	}
	return nil
}

// version is a semantic version; pre is the pre-release ("" for a release).
type version struct {
	n   [3]int
	pre string
}

func parseVersion(s string) (version, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "v")
	if i := strings.IndexByte(s, '+'); i >= 0 {
		s = s[:i]
	}
	var v version
	core, pre, _ := strings.Cut(s, "-")
	v.pre = pre
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return v, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return v, false
		}
		v.n[i] = n
	}
	return v, true
}

// compareVersions orders versions as semver does, except that pre-releases
// compare by their text (enough to put 3.275.0-alpha below 3.275.0).
func compareVersions(a, b version) int {
	for i := range a.n {
		if a.n[i] != b.n[i] {
			if a.n[i] < b.n[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case a.pre == b.pre:
		return 0
	case a.pre == "":
		return 1
	case b.pre == "":
		return -1
	}
	return strings.Compare(a.pre, b.pre)
}
