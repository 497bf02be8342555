// Command preview-offline previews a stack through the real Pulumi engine
// with no Azure account, against the stand-in azure-native provider:
//
//	go run ./cmd/preview-offline -config stacks/Pulumi.dev.yaml [-json | -state] [-policy]
//
// Without flags it prints the usual human preview. With -json it prints a
// document shaped like `pulumi preview --json`; with -state it goes on to
// `up` in the throwaway backend and prints the deployment as `pulumi stack
// export` does. Logs go to stderr. An invalid config exits with status 2,
// names the offending keys and creates nothing.
//
// With -policy it also checks amlvnet's policies (internal/policyrules, the
// rules of the policy pack in policy/) against the planned inputs, or with
// -state against the deployed inputs, prints each violation to stderr as
// `policy <name> (<enforcement>): <urn>: <message>`, adds them to the -json
// document as "policyViolations", and exits with status 3 when a mandatory
// policy is violated. Values still unknown in a preview are not judged.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/amlvnet/amlvnet/internal/offline"
	"github.com/amlvnet/amlvnet/internal/policyrules"
)

func main() {
	offline.ServeIfProvider()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("preview-offline", flag.ContinueOnError)
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
		fmt.Fprintln(stderr, "usage: preview-offline -config <Pulumi.<stack>.yaml> [-json | -state] [-policy]")
		return 2
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	fail := func(err error) int {
		fmt.Fprintln(stderr, "preview-offline:", err)
		if offline.IsConfigError(err) {
			return 2
		}
		return 1
	}
	s, err := offline.Open(ctx, offline.Options{ConfigPath: *configPath, Fixtures: *fixtures, Log: stderr})
	if err != nil {
		return fail(err)
	}
	defer s.Close()

	switch {
	case *asState:
		if _, err := s.Up(ctx); err != nil {
			return fail(err)
		}
		state, err := s.Export(ctx)
		if err != nil {
			return fail(err)
		}
		var violations []offline.PolicyViolation
		if *checkPolicy {
			resources, err := offline.StateResources(state)
			if err != nil {
				return fail(err)
			}
			violations = offline.CheckPolicies(resources)
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
		violations := offline.CheckPolicies(doc.Resources())
		withViolations := struct {
			*offline.PreviewDoc
			PolicyViolations []offline.PolicyViolation `json:"policyViolations"`
		}{doc, violations}
		return withPolicy(true, violations, stderr, printJSON(stdout, withViolations))
	default:
		doc, err := s.Preview(ctx, stdout)
		if err != nil {
			return fail(err)
		}
		if *checkPolicy {
			return withPolicy(true, offline.CheckPolicies(doc.Resources()), stderr, 0)
		}
	}
	return 0
}

// withPolicy reports the violations on stderr and turns the exit status into
// 3 when a mandatory policy is violated (unless printing already failed).
func withPolicy(checked bool, violations []offline.PolicyViolation, stderr io.Writer, status int) int {
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
