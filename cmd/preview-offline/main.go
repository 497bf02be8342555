// Command preview-offline previews a stack through the real Pulumi engine
// with no Azure account, against the stand-in azure-native provider:
//
//	go run ./cmd/preview-offline -config stacks/Pulumi.dev.yaml [-json | -state]
//
// Without flags it prints the usual human preview. With -json it prints a
// document shaped like `pulumi preview --json`; with -state it goes on to
// `up` in the throwaway backend and prints the deployment as `pulumi stack
// export` does. Logs go to stderr. An invalid config exits with status 2,
// names the offending keys and creates nothing.
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
	fixtures := fs.String("fixtures", "", "JSON file describing existing VNets that stacks reuse (default tests/testdata/existing-vnets.json)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *configPath == "" || *asJSON && *asState {
		fmt.Fprintln(stderr, "usage: preview-offline -config <Pulumi.<stack>.yaml> [-json | -state]")
		return 2
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	s, err := offline.Open(ctx, offline.Options{ConfigPath: *configPath, Fixtures: *fixtures, Log: stderr})
	if err != nil {
		fmt.Fprintln(stderr, "preview-offline:", err)
		return 1
	}
	defer s.Close()

	fail := func(err error) int {
		fmt.Fprintln(stderr, "preview-offline:", err)
		if offline.IsConfigError(err) {
			return 2
		}
		return 1
	}
	switch {
	case *asState:
		if _, err := s.Up(ctx); err != nil {
			return fail(err)
		}
		state, err := s.Export(ctx)
		if err != nil {
			return fail(err)
		}
		return printJSON(stdout, state)
	case *asJSON:
		doc, err := s.Preview(ctx, stderr)
		if err != nil {
			return fail(err)
		}
		return printJSON(stdout, doc)
	default:
		if _, err := s.Preview(ctx, stdout); err != nil {
			return fail(err)
		}
	}
	return 0
}

func printJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return 1
	}
	return 0
}
