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
	// A workspace's managed network is one-way: once on, Azure never turns
	// it off, and AllowOnlyApprovedOutbound never returns to
	// AllowInternetOutbound
	// (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network).
	{
		key:   pathNetwork.Child("isolation"),
		value: func(c *Config) string { return c.Network.NetworkSpec.WithDefaults().Isolation },
		refuse: func(was, now string) string {
			if was != components.IsolationManaged || now == components.IsolationManaged {
				return ""
			}
			return fmt.Sprintf("was %s when the stack was deployed, and Azure never takes a workspace out of its managed virtual network "+
				"(https://learn.microsoft.com/azure/machine-learning/how-to-managed-network); keep %s, or deploy a new stack for %s", was, was, now)
		},
	},
	{
		key:   pathNetwork.Child("managed", "outbound"),
		value: managedOutbound,
		refuse: func(was, now string) string {
			if was != components.ManagedOutboundApproved || now != components.ManagedOutboundInternet {
				return ""
			}
			return fmt.Sprintf("was %s when the stack was deployed, and Azure never lets a managed network go from AllowOnlyApprovedOutbound back to AllowInternetOutbound "+
				"(https://learn.microsoft.com/azure/machine-learning/how-to-managed-network); keep %s, or deploy a new stack for %s", was, was, now)
		},
	},
}

// managedOutbound is the outbound mode of the config's managed network, ""
// when the isolation is not managed.
func managedOutbound(c *Config) string {
	if c.Network.NetworkSpec.WithDefaults().Isolation != components.IsolationManaged {
		return ""
	}
	mn := components.ManagedNetworkSpec{}
	if c.Network.Managed != nil {
		mn = *c.Network.Managed
	}
	return mn.WithDefaults().Outbound
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
