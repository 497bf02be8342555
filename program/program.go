// Package program is amlvnet's root Pulumi program as an importable function,
// so main.go, the tests and the offline preview run the exact same code.
//
// A run decodes the stack's config straight into the components' specs
// (config.go), validates the whole of it against the address plan (plan.go)
// and only then creates the resources (deploy.go). A bad config returns a
// *ConfigError listing every problem before anything is registered.
package program

import (
	"encoding/json"
	"maps"
	"os"
	"slices"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Run is the root program.
func Run(ctx *pulumi.Context) error {
	// The Go language host hands every config key over in PULUMI_CONFIG;
	// a misspelled top-level key would otherwise be silently ignored.
	var keys []string
	if all := os.Getenv("PULUMI_CONFIG"); all != "" {
		var values map[string]any
		if err := json.Unmarshal([]byte(all), &values); err == nil {
			keys = slices.Collect(maps.Keys(values))
		}
	}
	return RunWithKeys(keys, "")(ctx)
}

// RunWithKeys is Run for a caller that knows every config key of the stack
// (the offline preview reads them from the stack file): keys the program
// does not read are reported with the config's other problems. Relative
// paths in config (compute.serviceTagsFile) are read from projectDir, the
// directory of the project's Pulumi.yaml, as Pulumi runs a program there;
// empty means the engine's root directory (ctx.RootDirectory), else the
// working directory. The offline preview, which runs the program against a
// copy of the project file, passes the repository's.
func RunWithKeys(keys []string, projectDir string) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		unknown := checkKnownKeys(keys)
		cfg, decoding := loadConfig(ctx)
		dir := projectDir
		if dir == "" {
			dir = ctx.RootDirectory()
		}
		if dir == "" {
			dir, _ = os.Getwd()
		}
		p, problems := newPlan(ctx, cfg, dir)
		if err := configError(append(unknown, decoding...), problems); err != nil {
			return err
		}
		// Only a valid config is compared with the last deployment: reading
		// it registers a stack reference, and a bad config registers nothing.
		fixed, err := checkFixed(ctx, cfg)
		if err != nil {
			return err
		}
		if err := configError(nil, fixed); err != nil {
			return err
		}
		return p.deploy(ctx)
	}
}
