package program

import (
	"fmt"
	"strconv"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// fixedSettingsOutput is the stack output holding the settings a deployed
// stack cannot change; a run compares the config with the last deployment's.
const fixedSettingsOutput = "fixedSettings"

// fixedSetting is a value of the config that Azure does not let a deployed
// stack change (or not every way).
type fixedSetting struct {
	key   *components.Path
	value func(*Config) string
	// refuse returns why the deployed value cannot become now, or "".
	refuse func(was, now string) string
}

// never refuses every change, for the reason given.
func never(why string) func(was, now string) string {
	return func(was, now string) string {
		return fmt.Sprintf("was %s when the stack was deployed, and %s; keep %s, or deploy a new stack", was, why, was)
	}
}

var fixedSettings = []fixedSetting{
	{
		key:   pathKeyVault.Child("softDeleteRetentionDays"),
		value: func(c *Config) string { return strconv.Itoa(*c.KeyVault.WithDefaults().SoftDeleteRetentionDays) },
		refuse: never("Azure keeps a vault's soft-delete retention as it was first set " +
			"(https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview)"),
	},
}

// currentFixed returns the fixed settings of cfg, as exported.
func currentFixed(cfg *Config) map[string]string {
	out := map[string]string{}
	for _, f := range fixedSettings {
		out[f.key.String()] = f.value(cfg)
	}
	return out
}

// checkFixed refuses a change of a fixed setting against the stack's last
// deployment, read from its own outputs through a stack reference. A stack
// never deployed has none, and everything is allowed.
func checkFixed(ctx *pulumi.Context, cfg *Config) (components.Problems, error) {
	was, err := deployedFixed(ctx)
	if err != nil || len(was) == 0 {
		return nil, err
	}
	var ps components.Problems
	for _, f := range fixedSettings {
		key := f.key.String()
		before, ok := was[key]
		if now := f.value(cfg); ok && before != now {
			if why := f.refuse(before, now); why != "" {
				ps.Add(f.key, "%s", why)
			}
		}
	}
	return ps, nil
}

// deployedFixed reads the fixed settings the stack's last deployment
// exported, or nil.
func deployedFixed(ctx *pulumi.Context) (map[string]string, error) {
	self := ctx.Organization() + "/" + ctx.Project() + "/" + ctx.Stack()
	ref, err := pulumi.NewStackReference(ctx, "deployed-settings", &pulumi.StackReferenceArgs{Name: pulumi.String(self)})
	if err != nil {
		return nil, fmt.Errorf("reading the settings of the stack's last deployment: %w", err)
	}
	details, err := ref.GetOutputDetails(fixedSettingsOutput)
	if err != nil {
		return nil, fmt.Errorf("reading the settings of the stack's last deployment: %w", err)
	}
	m, _ := details.Value.(map[string]any)
	if m == nil {
		return nil, nil
	}
	out := map[string]string{}
	for k, v := range m {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out, nil
}
