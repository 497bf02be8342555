// Command policy is amlvnet's Pulumi policy pack: every rule of
// internal/policyrules, wired to the Go policy SDK (policyx) so that the
// Pulumi engine runs it during `pulumi preview --policy-pack policy` and
// `pulumi up --policy-pack policy`. The same rules run in the offline preview
// (`go run ./cmd/preview-offline -policy`). See docs/policy.md.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"

	"github.com/amlvnet/amlvnet/internal/policyrules"
)

// Name and version of the pack, as the engine reports them.
const (
	packName    = "amlvnet"
	packVersion = "0.1.0"
)

func main() {
	if err := policyx.Main(func(*pulumi.Context) (policyx.PolicyPack, error) { return newPack() }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// newPack wires every policyrules.Policy.
func newPack() (policyx.PolicyPack, error) {
	var policies []policyx.Policy
	for _, p := range policyrules.All() {
		policies = append(policies, wire(p))
	}
	return policyx.NewPolicyPack(packName, semver.MustParse(packVersion), policyx.EnforcementLevelAdvisory, policies)
}

func level(p policyrules.Policy) policyx.EnforcementLevel {
	if p.Enforcement == policyrules.Mandatory {
		return policyx.EnforcementLevelMandatory
	}
	return policyx.EnforcementLevelAdvisory
}

// wire turns one rule into a resource or stack validation policy that
// reports through the engine's PolicyManager.
func wire(p policyrules.Policy) policyx.Policy {
	if p.Stack != nil {
		return policyx.NewStackValidationPolicy(p.Name, policyx.StackValidationPolicyArgs{
			Description:      p.Description,
			EnforcementLevel: level(p),
			ValidateStack: func(_ context.Context, args policyx.StackValidationArgs) error {
				resources := make([]policyrules.Resource, 0, len(args.Resources))
				for _, r := range args.Resources {
					resources = append(resources, toResource(r))
				}
				for _, v := range p.Stack(resources) {
					args.Manager.ReportViolation(v.Message, v.URN)
				}
				return nil
			},
		})
	}
	return policyx.NewResourceValidationPolicy(p.Name, policyx.ResourceValidationPolicyArgs{
		Description:      p.Description,
		EnforcementLevel: level(p),
		ValidateResource: func(_ context.Context, args policyx.ResourceValidationArgs) error {
			r := toResource(args.Resource)
			for _, m := range p.Resource(r) {
				args.Manager.ReportViolation(m, r.URN)
			}
			return nil
		},
	})
}

// checkpointInputs is where azure-native keeps a resource's inputs among its
// outputs. Stack policies get outputs (the engine's AnalyzeStack sends the
// final state), so the inputs are read from there when present.
const checkpointInputs = "__inputs"

// toResource converts the engine's view of a resource. Resource policies get
// the inputs; stack policies get the outputs, in which azure-native keeps
// the inputs under __inputs: those win, and the outputs fill in what the
// inputs lack (the id, the name). Computed values become policyrules.Unknown;
// secrets are read as their value.
func toResource(r policyx.AnalyzerResource) policyrules.Resource {
	props := r.Properties
	inputs := map[string]any{}
	for k, v := range props.All {
		if k != checkpointInputs {
			inputs[k] = plain(v)
		}
	}
	if in, ok := props.GetOk(checkpointInputs); ok && in.IsMap() {
		for k, v := range in.AsMap().All {
			inputs[k] = plain(v)
		}
	}
	out := policyrules.Resource{URN: r.URN, Type: r.Type, Inputs: inputs, Refs: r.PropertyDependencies}
	if id, ok := inputs["id"].(string); ok && id != policyrules.Unknown {
		out.ID = id
	}
	return out
}

// plain converts a property value to the plain Go values policyrules reads.
func plain(v property.Value) any {
	switch {
	case v.IsComputed():
		return policyrules.Unknown
	case v.IsNull():
		return nil
	case v.IsBool():
		return v.AsBool()
	case v.IsNumber():
		return v.AsNumber()
	case v.IsString():
		return v.AsString()
	case v.IsArray():
		out := []any{}
		for _, e := range v.AsArray().All {
			out = append(out, plain(e))
		}
		return out
	case v.IsMap():
		out := map[string]any{}
		for k, e := range v.AsMap().All {
			out[k] = plain(e)
		}
		return out
	case v.IsResourceReference():
		ref := v.AsResourceReference()
		if ref.ID.IsString() {
			return ref.ID.AsString()
		}
		return policyrules.Unknown
	}
	return nil // assets and archives: no rule reads them
}
