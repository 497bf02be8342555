package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/pkg/v3/backend"
	"github.com/pulumi/pulumi/pkg/v3/backend/display"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pkgdisplay "github.com/pulumi/pulumi/pkg/v3/display"
	"github.com/pulumi/pulumi/pkg/v3/engine"
	pkghost "github.com/pulumi/pulumi/pkg/v3/host"
	"github.com/pulumi/pulumi/pkg/v3/resource/deploy"
	"github.com/pulumi/pulumi/pkg/v3/resource/plugin"
	"github.com/pulumi/pulumi/pkg/v3/secrets"
	"github.com/pulumi/pulumi/pkg/v3/secrets/passphrase"
	"github.com/pulumi/pulumi/pkg/v3/util/cancel"
	pkgWorkspace "github.com/pulumi/pulumi/pkg/v3/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/diag/colors"
	"github.com/pulumi/pulumi/sdk/v3/go/common/esc"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"

	"github.com/amlvnet/amlvnet/internal/offline"
)

// Session is a stack run by the engine packages in this process, with the
// same throwaway layout as offline.Session (offline.Setup): the stand-in is
// installed in PULUMI_HOME as azure-native and started by the engine's
// plugin host as a process, as the CLI starts it; the program runs in this
// process behind a language runtime server, as the Automation API runs an
// inline program; the state is kept in memory and exported as `pulumi stack
// export` does.
type Session struct {
	setup    *offline.Setup
	project  *workspace.Project
	stack    tokens.StackName
	config   config.Map
	secrets  secrets.Manager
	runtime  *languageRuntime
	snap     *deploy.Snapshot
	saved    *apitype.TypedDeployment // the checkpoint, as the file backend keeps it
	parallel int32
}

// Open loads the stack file as the CLI does (typed declarations of
// Pulumi.yaml checked, secure values decrypted with the passphrase and the
// file's salt) and starts the program's language runtime.
func Open(ctx context.Context, o offline.Options) (offline.Runner, error) {
	st, err := offline.NewSetup(o)
	if err != nil {
		return nil, err
	}
	s, err := open(ctx, st)
	if err != nil {
		st.Close()
		return nil, err
	}
	return s, nil
}

func open(ctx context.Context, st *offline.Setup) (*Session, error) {
	fmt.Fprintf(st.Log, "Pulumi engine %s (in-process, no CLI)\n", engineVersion)
	// The engine reads PULUMI_HOME and the rest from the environment; the
	// plugin inherits it.
	for k, v := range st.Env {
		if err := os.Setenv(k, v); err != nil {
			return nil, err
		}
	}
	name, err := tokens.ParseStackName(st.StackName)
	if err != nil {
		return nil, err
	}
	ps, err := workspace.LoadProjectStack(cmdutil.Diag(), st.Project, filepath.Join(st.WorkDir(), "Pulumi."+st.StackName+".yaml"))
	if err != nil {
		return nil, err
	}
	// As `pulumi stack init --secrets-provider passphrase` and the CLI's
	// secrets manager loader: the file's salt, or a new one.
	var sm secrets.Manager
	if ps.EncryptionSalt != "" {
		if sm, err = passphrase.GetPassphraseSecretsManager(st.Passphrase, ps.EncryptionSalt); err != nil {
			return nil, err
		}
	} else if _, sm, err = passphrase.NewPassphraseSecretsManager(st.Passphrase); err != nil {
		return nil, err
	}
	cfg := ps.Config
	if err := pkgWorkspace.ValidateStackConfigAndApplyProjectConfig(ctx, st.StackName, st.Project, esc.Value{},
		cfg, sm.Encrypter(), sm.Decrypter()); err != nil {
		return nil, fmt.Errorf("validating stack config: %w", err)
	}
	rt, err := startLanguageRuntime(st.Program)
	if err != nil {
		return nil, err
	}
	project := *st.Project
	project.Runtime = workspace.NewProjectRuntimeInfo("client", map[string]any{"address": rt.address})
	return &Session{
		setup: st, project: &project, stack: name, config: cfg, secrets: sm, runtime: rt,
		// The CLI's default: four per core.
		parallel: int32(4 * max(1, runtime.GOMAXPROCS(0))),
	}, nil
}

// Close stops the language runtime and removes the throwaway directory.
func (s *Session) Close() error {
	err := s.runtime.Close()
	return errors.Join(err, s.setup.Close())
}

// Preview plans the stack, with the CLI's non-interactive display on
// progress.
func (s *Session) Preview(ctx context.Context, progress io.Writer) (*offline.PreviewDoc, error) {
	if progress == nil {
		progress = s.setup.Log
	}
	doc := &offline.PreviewDoc{Steps: []offline.Step{}}
	changes, err := s.update(ctx, true, progress, doc)
	if err != nil {
		return doc, s.wrap(err)
	}
	doc.ChangeSummary = map[string]int{}
	for op, n := range changes {
		doc.ChangeSummary[string(op)] = n
	}
	sort.SliceStable(doc.Steps, func(i, j int) bool { return doc.Steps[i].URN < doc.Steps[j].URN })
	return doc, nil
}

// Deploy runs `up --skip-preview` against the stand-in.
func (s *Session) Deploy(ctx context.Context) error {
	_, err := s.update(ctx, false, s.setup.Log, nil)
	return s.wrap(err)
}

// Export returns the deployment as `pulumi stack export` prints it, secrets
// encrypted.
func (s *Session) Export(ctx context.Context) (json.RawMessage, error) {
	// As the file backend's ExportDeployment: the checkpoint's deployment.
	exported := apitype.UntypedDeployment{Version: apitype.DeploymentSchemaVersionCurrent}
	if s.saved != nil && s.saved.Deployment != nil {
		data, err := json.Marshal(s.saved.Deployment)
		if err != nil {
			return nil, err
		}
		exported.Version, exported.Features, exported.Deployment = s.saved.Version, s.saved.Features, data
	}
	return json.MarshalIndent(exported, "", "    ")
}

func (s *Session) wrap(err error) error {
	if err == nil {
		return nil
	}
	if perr := s.runtime.programError(); perr != nil {
		return perr
	}
	return err
}

// update is what the file backend's apply does for `pulumi preview` and
// `pulumi up --skip-preview`: the display, the snapshot manager, the engine.
func (s *Session) update(ctx context.Context, dryRun bool, progress io.Writer, doc *offline.PreviewDoc) (map[pkgdisplay.StepOp]int, error) {
	kind, label := apitype.UpdateUpdate, "Updating"
	if dryRun {
		kind, label = apitype.PreviewUpdate, "Previewing update"
	}
	fmt.Fprintf(progress, "%s (%s):\n", label, s.stack)

	displayEvents := make(chan engine.Event)
	displayDone := make(chan bool)
	opts := display.Options{
		Color:                colors.Never,
		ShowReplacementSteps: false,
		TruncateOutput:       true,
		SuppressPermalink:    true,
		// The CLI's heartbeat ("@ previewing update....", once a second
		// while the operation runs) goes to the process's own stdout:
		// under the CLI that is the progress stream, here it would be
		// the -json document.
		SuppressProgress: true,
		Type:             display.DisplayProgress,
		Stdout:           progress,
		Stderr:           s.setup.Log,
	}
	go display.ShowEvents(strings.ToLower(label), kind, s.stack,
		s.project.Name, "", displayEvents, displayDone, opts, dryRun)

	var mu sync.Mutex
	engineEvents := make(chan engine.Event)
	eventsDone := make(chan struct{})
	go func() {
		for e := range engineEvents {
			displayEvents <- e
			if doc == nil {
				continue
			}
			if ev, err := display.ConvertEngineEvent(e, false); err == nil {
				// As the CLI writes its event log (the events the
				// Automation API reads) with color off: the color
				// directives taken out of diagnostics.
				if d := ev.DiagnosticEvent; d != nil {
					d.Message, d.Prefix = colors.Never.Colorize(d.Message), colors.Never.Colorize(d.Prefix)
				}
				mu.Lock()
				offline.CollectEvent(doc, ev)
				mu.Unlock()
			}
		}
		close(eventsDone)
	}()

	cancelCtx, cancelSrc := cancel.NewContext(ctx)
	defer cancelSrc.Cancel()
	persister := &memoryPersister{}
	manager := backend.NewSnapshotManager(persister, s.secrets, s.snap, nil)
	engineCtx := &engine.Context{
		Cancel:                      cancelCtx,
		Events:                      engineEvents,
		SnapshotManager:             manager,
		SnapshotManagerCapabilities: engine.SnapshotManagerCapabilities{StateMigrations: true},
		BackendClient:               selfBackend{s},
	}
	target := &deploy.Target{
		Name:         s.stack,
		Organization: "organization",
		Config:       s.config,
		Decrypter:    s.secrets.Decrypter(),
		Snapshot:     s.snap,
		Tags:         map[apitype.StackTagName]string{},
	}
	update := engine.UpdateInfo{Root: s.setup.WorkDir(), Project: s.project, Target: target}
	updateOpts := engine.UpdateOptions{
		Parallel: s.parallel,
		// The CLI's host (backend.DefaultHostFactory) less the package
		// registry, which a file backend only reads for packages the
		// stand-in does not use: plugins load from PULUMI_HOME the same way.
		HostFactory: func(ctx context.Context, d, statusD diag.Sink, debug plugin.DebugContext) (plugin.Host, error) {
			return pkghost.New(ctx, d, statusD, debug, nil, schema.NewLoaderServerFromContext, nil, nil)
		},
		ExecKind: "auto.inline",
	}
	_, changes, updateErr := engine.Update(update, engineCtx, updateOpts, dryRun)

	<-displayDone
	close(engineEvents)
	snap := manager.Snap()
	closeErr := manager.Close()
	<-eventsDone
	close(displayEvents)
	if !dryRun {
		s.snap = snap
		if persister.last != nil {
			s.saved = persister.last
		}
	}
	if updateErr != nil {
		return changes, updateErr
	}
	if closeErr != nil {
		return changes, fmt.Errorf("writing snapshot: %w", closeErr)
	}
	out := map[pkgdisplay.StepOp]int{}
	for op, n := range changes {
		out[op] = n
	}
	return out, nil
}

// memoryPersister keeps the last deployment saved, as the file backend
// writes it to the stack's checkpoint (secrets encrypted).
type memoryPersister struct {
	mu   sync.Mutex
	last *apitype.TypedDeployment
}

func (p *memoryPersister) Save(d apitype.TypedDeployment) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = &d
	return nil
}
