package offline

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/amlvnet/amlvnet/internal/policyrules"
)

// Runner is a stack in a throwaway backend, run through the engine: the
// Pulumi CLI (Session) or the engine's packages in-process
// (cmd/preview-engine).
type Runner interface {
	// Preview plans the stack; progress receives the human display.
	Preview(ctx context.Context, progress io.Writer) (*PreviewDoc, error)
	// Deploy runs `up` against the stand-in provider.
	Deploy(ctx context.Context) error
	// Export returns the deployment as `pulumi stack export` prints it.
	Export(ctx context.Context) (json.RawMessage, error)
	// Close removes the throwaway backend.
	Close() error
}

// OpenFunc opens a Runner.
type OpenFunc func(ctx context.Context, o Options) (Runner, error)

// OpenCLI opens a Session, driving the Pulumi CLI.
func OpenCLI(ctx context.Context, o Options) (Runner, error) {
	s, err := Open(ctx, o)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Main is the offline preview command (cmd/preview-offline) over the engine
// that open gives; it returns the exit status.
func Main(name string, args []string, stdout, stderr io.Writer, open OpenFunc) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", "", "path to a Pulumi.<stack>.yaml file (required)")
	asJSON := fs.Bool("json", false, "print the preview as JSON")
	asState := fs.Bool("state", false, "deploy to the throwaway backend and print the exported state")
	checkPolicy := fs.Bool("policy", false, "check amlvnet's policies; exit 3 on a mandatory violation")
	fixtures := fs.String("fixtures", "", "JSON file describing existing VNets that stacks reuse (default tests/testdata/existing-vnets.json)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *configPath == "" || *asJSON && *asState {
		fmt.Fprintf(stderr, "usage: %s -config <Pulumi.<stack>.yaml> [-json | -state] [-policy]\n", name)
		return 2
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	fail := func(err error) int {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		if IsConfigError(err) {
			return 2
		}
		return 1
	}
	s, err := open(ctx, Options{ConfigPath: *configPath, Fixtures: *fixtures, Log: stderr})
	if err != nil {
		return fail(err)
	}
	defer s.Close()

	switch {
	case *asState:
		if err := s.Deploy(ctx); err != nil {
			return fail(err)
		}
		state, err := s.Export(ctx)
		if err != nil {
			return fail(err)
		}
		var violations []PolicyViolation
		if *checkPolicy {
			resources, err := StateResources(state)
			if err != nil {
				return fail(err)
			}
			violations = CheckPolicies(resources)
		}
		return withPolicy(*checkPolicy, violations, stderr, printJSON(stdout, state))
	case *asJSON:
		doc, err := s.Preview(ctx, stderr)
		if err != nil {
			return fail(err)
		}
		if !*checkPolicy {
			return printJSON(stdout, doc)
		}
		violations := CheckPolicies(doc.Resources())
		withViolations := struct {
			*PreviewDoc
			PolicyViolations []PolicyViolation `json:"policyViolations"`
		}{doc, violations}
		return withPolicy(true, violations, stderr, printJSON(stdout, withViolations))
	default:
		doc, err := s.Preview(ctx, stdout)
		if err != nil {
			return fail(err)
		}
		if *checkPolicy {
			return withPolicy(true, CheckPolicies(doc.Resources()), stderr, 0)
		}
	}
	return 0
}

// withPolicy reports the violations on stderr and turns the exit status into
// 3 when a mandatory policy is violated (unless printing already failed).
func withPolicy(checked bool, violations []PolicyViolation, stderr io.Writer, status int) int {
	if !checked {
		return status
	}
	mandatory := 0
	for _, v := range violations {
		fmt.Fprintln(stderr, v)
		if v.Enforcement == policyrules.Mandatory {
			mandatory++
		}
	}
	fmt.Fprintf(stderr, "policy: %d policies checked, %d violations (%d mandatory)\n", len(policyrules.All()), len(violations), mandatory)
	if status == 0 && mandatory > 0 {
		return 3
	}
	return status
}

func printJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return 1
	}
	return 0
}
