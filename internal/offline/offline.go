// Package offline runs the root program through the real Pulumi engine with no
// Azure account: an installed Pulumi CLI or the one `make tools` builds (see
// FindCLI), a throwaway local file backend,
// the passphrase secrets provider, and the stand-in azure-native provider
// (internal/standin) put first on the engine's PATH.
//
// The stand-in is this very executable: the engine starts it under the name
// pulumi-resource-azure-native (a symlink in a temporary directory), and
// ServeIfProvider, called first thing in main or TestMain, turns it into the
// provider. So nothing extra is built.
package offline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/stackfile"
	"github.com/amlvnet/amlvnet/internal/standin"
	"github.com/amlvnet/amlvnet/program"
)

// ProviderBinary is the name the engine looks for on PATH.
const ProviderBinary = "pulumi-resource-azure-native"

// ServeIfProvider runs the stand-in provider and exits when this process was
// started under the provider's name; otherwise it returns at once.
func ServeIfProvider() {
	if filepath.Base(os.Args[0]) != ProviderBinary {
		return
	}
	opts := standin.OptionsFromEnvironment()
	if err := standin.Main(opts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// Options configures a Session.
type Options struct {
	// ConfigPath is the Pulumi.<stack>.yaml file to run. Required.
	ConfigPath string
	// Root is the repository root, holding Pulumi.yaml (and bin/pulumi
	// when `make tools` built it).
	// Optional. Defaults to the nearest parent of the working directory
	// with a Pulumi.yaml of project amlvnet.
	Root string
	// Fixtures describes existing VNets for stacks that reuse one.
	// Optional. Defaults to <root>/tests/testdata/existing-vnets.json.
	Fixtures string
	// Passphrase decrypts the file's secure values. Optional. Defaults to
	// PULUMI_CONFIG_PASSPHRASE, else the sample stacks' passphrase.
	Passphrase string
	// Program runs in place of program.Run (tests use it). Optional.
	Program pulumi.RunFunc
	// Log receives the engine's progress, after a first line naming the
	// Pulumi CLI in use. Optional. Defaults to io.Discard.
	Log io.Writer
}

// Session is one stack in a throwaway backend; Close removes everything.
type Session struct {
	Stack     auto.Stack
	StackName string
	dir       string
	cmd       auto.PulumiCommand
	env       []string

	mu         sync.Mutex
	programErr error
	log        io.Writer
}

// FindRoot returns the nearest parent of dir holding amlvnet's Pulumi.yaml.
func FindRoot(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if p, err := workspace.LoadProject(filepath.Join(d, "Pulumi.yaml")); err == nil && p.Name == "amlvnet" {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no amlvnet Pulumi.yaml above %s", dir)
		}
	}
}

// Setup is what a run through either engine needs: the resolved options,
// a throwaway directory (work/ with the stack file, state/ for the backend,
// home/ as PULUMI_HOME with the stand-in installed as the azure-native
// plugin), the project and the program.
type Setup struct {
	Options
	StackName string
	// Dir is the throwaway directory; Close removes it.
	Dir     string
	Project *workspace.Project
	// Env is the environment the engine and the plugin run with.
	Env map[string]string
}

// Close removes the throwaway directory.
func (st *Setup) Close() error { return os.RemoveAll(st.Dir) }

// WorkDir holds the project file and the stack file.
func (st *Setup) WorkDir() string { return filepath.Join(st.Dir, "work") }

// NewSetup resolves o's defaults and lays out the throwaway directory. The
// caller must Close it.
func NewSetup(o Options) (st *Setup, err error) {
	if o.Root == "" {
		wd, _ := os.Getwd()
		if o.Root, err = FindRoot(wd); err != nil {
			return nil, err
		}
	}
	// The engine runs in a temporary directory: relative paths would break.
	if o.Root, err = filepath.Abs(o.Root); err != nil {
		return nil, err
	}
	if o.ConfigPath, err = filepath.Abs(o.ConfigPath); err != nil {
		return nil, err
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	stackName, err := stackfile.StackName(o.ConfigPath)
	if err != nil {
		return nil, err
	}
	if o.Fixtures == "" {
		o.Fixtures = filepath.Join(o.Root, "tests", "testdata", "existing-vnets.json")
	} else if o.Fixtures, err = filepath.Abs(o.Fixtures); err != nil {
		return nil, err
	}
	if o.Passphrase == "" {
		o.Passphrase = os.Getenv("PULUMI_CONFIG_PASSPHRASE")
	}
	if o.Passphrase == "" {
		o.Passphrase = stackfile.SamplePassphrase
	}

	dir, err := os.MkdirTemp("", "amlvnet-offline-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	for _, d := range []string{"work", "state", "home", "live"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return nil, err
		}
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	// Installed where the engine keeps plugins, so it is found as
	// azure-native v2.92.3 itself rather than as an ambient binary on PATH.
	pluginDir := filepath.Join(dir, "home", "plugins", "resource-azure-native-v"+standin.Version)
	if err := os.MkdirAll(pluginDir, 0o755); err != nil {
		return nil, err
	}
	if err := os.Symlink(self, filepath.Join(pluginDir, ProviderBinary)); err != nil {
		return nil, err
	}
	// The project file as the repository has it, minus stackConfigDir: the
	// stack file is copied next to it.
	project, err := workspace.LoadProject(filepath.Join(o.Root, "Pulumi.yaml"))
	if err != nil {
		return nil, err
	}
	project.StackConfigDir = ""
	data, err := os.ReadFile(o.ConfigPath)
	if err != nil {
		return nil, err
	}
	// An inline program only asks for the keys it knows, so it would never
	// see a misspelled one: give it the file's keys to check.
	if o.Program == nil {
		st, err := stackfile.Load(o.ConfigPath, project.Name.String(), o.Passphrase)
		if err != nil {
			return nil, err
		}
		// The program runs against a copy of the project file, so relative
		// paths in config are read from the repository's project instead.
		o.Program = program.RunWithKeys(slices.Collect(maps.Keys(st.Config)), o.Root)
	}
	if err := os.WriteFile(filepath.Join(dir, "work", "Pulumi."+stackName+".yaml"), data, 0o600); err != nil {
		return nil, err
	}

	env := map[string]string{
		"PULUMI_BACKEND_URL":                          "file://" + filepath.Join(dir, "state"),
		"PULUMI_HOME":                                 filepath.Join(dir, "home"),
		"PULUMI_CONFIG_PASSPHRASE":                    o.Passphrase,
		"PULUMI_SKIP_UPDATE_CHECK":                    "1",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"PATH":              filepath.Join(dir, "plugins") + string(os.PathListSeparator) + os.Getenv("PATH"),
		standin.FixturesEnv: o.Fixtures,
		// The stand-in keeps what exists between the operations of the
		// session, to refuse what Azure refuses because of it.
		standin.LiveEnv: filepath.Join(dir, "live"),
	}
	return &Setup{Options: o, StackName: stackName, Dir: dir, Project: project, Env: env}, nil
}

// Open creates the throwaway backend and the stack, with the config file's
// values, driving the Pulumi CLI that FindCLI picks. The caller must Close
// the session.
func Open(ctx context.Context, o Options) (s *Session, err error) {
	st, err := NewSetup(o)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			st.Close()
		}
	}()
	o, dir, stackName, project, env := st.Options, st.Dir, st.StackName, st.Project, st.Env
	cli, err := FindCLI(o.Root)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(o.Log, cli)
	cmd, err := cli.command()
	if err != nil {
		return nil, err
	}
	s = &Session{StackName: stackName, dir: dir, log: o.Log, cmd: cmd}
	for k, v := range env {
		s.env = append(s.env, k+"="+v)
	}
	run := o.Program
	inline := func(ctx *pulumi.Context) error {
		err := run(ctx)
		s.mu.Lock()
		s.programErr = err
		s.mu.Unlock()
		return err
	}
	// The backend is a new, empty directory: the stack is created, not
	// looked up first.
	s.Stack, err = auto.NewStackInlineSource(ctx, stackName, project.Name.String(), inline,
		auto.Pulumi(cmd), auto.EnvVars(env), auto.WorkDir(filepath.Join(dir, "work")),
		auto.Project(*project), auto.SecretsProvider("passphrase"))
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Close deletes the backend, the copied config and the plugin link.
func (s *Session) Close() error { return os.RemoveAll(s.dir) }

// ProgramError is the root program's own error in the last operation (a
// *program.ConfigError for a bad config), or nil.
func (s *Session) ProgramError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.programErr
}

// wrap prefers the program's own error, which names the config keys, over
// the engine's wrapping of it.
func (s *Session) wrap(err error) error {
	if err == nil {
		return nil
	}
	if perr := s.ProgramError(); perr != nil {
		return perr
	}
	return err
}

// Step is one planned step, in the shape `pulumi preview --json` prints.
type Step struct {
	Op       string     `json:"op"`
	URN      string     `json:"urn"`
	Type     string     `json:"type"`
	Keys     []string   `json:"keys,omitempty"`
	Diffs    []string   `json:"diffs,omitempty"`
	NewState *StepState `json:"newState,omitempty"`
	OldState *StepState `json:"oldState,omitempty"`
}

// StepState is a resource's state in a step.
type StepState struct {
	Type    string         `json:"type"`
	URN     string         `json:"urn"`
	Custom  bool           `json:"custom,omitempty"`
	ID      string         `json:"id,omitempty"`
	Parent  string         `json:"parent,omitempty"`
	Protect bool           `json:"protect,omitempty"`
	Inputs  map[string]any `json:"inputs"`
}

// PreviewDoc is the JSON document of a preview.
type PreviewDoc struct {
	Steps         []Step         `json:"steps"`
	ChangeSummary map[string]int `json:"changeSummary"`
	Diagnostics   []string       `json:"diagnostics,omitempty"`
}

// Preview runs a preview and returns its steps. With human set, the usual
// progress display goes to w as well.
func (s *Session) Preview(ctx context.Context, progress io.Writer) (*PreviewDoc, error) {
	ch := make(chan events.EngineEvent)
	var mu sync.Mutex
	collected := &PreviewDoc{Steps: []Step{}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev := range ch {
			mu.Lock()
			CollectEvent(collected, ev.EngineEvent)
			mu.Unlock()
		}
	}()
	if progress == nil {
		progress = s.log
	}
	res, err := s.Stack.Preview(ctx, optpreview.EventStreams(ch), optpreview.ProgressStreams(progress), optpreview.ErrorProgressStreams(s.log))
	if err != nil {
		// When the CLI fails before the engine starts (e.g. it refuses the
		// stack file against Pulumi.yaml), the event stream is never
		// closed: take what has arrived rather than wait for it.
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
		mu.Lock()
		defer mu.Unlock()
		doc := &PreviewDoc{Steps: append([]Step{}, collected.Steps...), Diagnostics: append([]string(nil), collected.Diagnostics...)}
		return doc, s.wrap(err)
	}
	<-done
	doc := collected
	doc.ChangeSummary = map[string]int{}
	for op, n := range res.ChangeSummary {
		doc.ChangeSummary[string(op)] = n
	}
	sort.SliceStable(doc.Steps, func(i, j int) bool { return doc.Steps[i].URN < doc.Steps[j].URN })
	return doc, nil
}

// CollectEvent adds what an engine event tells about the plan to doc: a step
// for each resource pre-event, and the errors, warnings and infos.
func CollectEvent(doc *PreviewDoc, ev apitype.EngineEvent) {
	// Info too: `pulumi preview --json` lists it, and the program says there
	// what the plan costs and when Azure builds what (a managed network).
	if d := ev.DiagnosticEvent; d != nil && (d.Severity == "error" || d.Severity == "warning" || d.Severity == "info") {
		doc.Diagnostics = append(doc.Diagnostics, strings.TrimSpace(d.Severity+": "+d.Message))
	}
	pre := ev.ResourcePreEvent
	if pre == nil {
		return
	}
	md := pre.Metadata
	step := Step{Op: string(md.Op), URN: md.URN, Type: md.Type, Keys: md.Keys, Diffs: md.Diffs}
	state := func(st *apitype.StepEventStateMetadata) *StepState {
		if st == nil {
			return nil
		}
		return &StepState{Type: st.Type, URN: st.URN, Custom: st.Custom, ID: st.ID, Parent: st.Parent, Protect: st.Protect, Inputs: st.Inputs}
	}
	step.NewState, step.OldState = state(md.New), state(md.Old)
	doc.Steps = append(doc.Steps, step)
}

// Up deploys the stack against the stand-in provider.
func (s *Session) Up(ctx context.Context) (auto.UpResult, error) {
	res, err := s.Stack.Up(ctx, optup.ProgressStreams(s.log), optup.ErrorProgressStreams(s.log))
	return res, s.wrap(err)
}

// Deploy is Up for the Runner interface.
func (s *Session) Deploy(ctx context.Context) error {
	_, err := s.Up(ctx)
	return err
}

// Destroy deletes the stack's resources.
func (s *Session) Destroy(ctx context.Context) error {
	_, err := s.Stack.Destroy(ctx, optdestroy.ProgressStreams(s.log), optdestroy.ErrorProgressStreams(s.log))
	return err
}

// Export returns the deployment as `pulumi stack export` prints it, secrets
// encrypted. (The Automation API's own Export decrypts them, so the CLI is
// called directly.)
func (s *Session) Export(ctx context.Context) (json.RawMessage, error) {
	stdout, stderr, code, err := s.cmd.Run(ctx, filepath.Join(s.dir, "work"), nil, nil, nil, s.env,
		"stack", "export", "--stack", s.StackName, "--non-interactive")
	if err != nil || code != 0 {
		return nil, fmt.Errorf("pulumi stack export: exit %d: %v: %s", code, err, strings.TrimSpace(stderr))
	}
	if !json.Valid([]byte(stdout)) {
		return nil, errors.New("pulumi stack export printed no JSON")
	}
	return json.RawMessage(stdout), nil
}

// Import replaces the stack's deployment with state, as `pulumi stack
// import` does (state is what Export returns).
func (s *Session) Import(ctx context.Context, state json.RawMessage) error {
	var doc apitype.UntypedDeployment
	if err := json.Unmarshal(state, &doc); err != nil {
		return fmt.Errorf("reading the state to import: %w", err)
	}
	return s.Stack.Import(ctx, doc)
}

// SetConfig changes one config value of the stack (path syntax allowed, as
// with `pulumi config set --path`).
func (s *Session) SetConfig(ctx context.Context, key, value string, secret bool) error {
	return s.Stack.SetConfigWithOptions(ctx, key, auto.ConfigValue{Value: value, Secret: secret}, &auto.ConfigOptions{Path: true})
}

// RemoveConfig removes one config value of the stack (path syntax allowed,
// as with `pulumi config rm --path`).
func (s *Session) RemoveConfig(ctx context.Context, key string) error {
	return s.Stack.RemoveConfigWithOptions(ctx, key, &auto.ConfigOptions{Path: true})
}

// IsConfigError tells whether err is a refused configuration: the program
// refusing it, or the CLI refusing the stack file against the project's
// typed config declarations.
func IsConfigError(err error) bool {
	return program.IsConfigError(err) || err != nil && strings.Contains(err.Error(), "validating stack config")
}
