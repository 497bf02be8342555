package pulumitest

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/amlvnet/amlvnet/internal/policyrules"
)

// PolicyResources returns the recorded custom resources as the policy rules
// see them, so a test runs the same rules the policy pack and the offline
// preview run, instead of re-deriving them. Secrets are given as their value
// and output values as their element; an unknown output is
// policyrules.Unknown.
func (m *Mocks) PolicyResources() []policyrules.Resource {
	var out []policyrules.Resource
	for _, r := range m.Resources() {
		if !r.Custom {
			continue
		}
		inputs, _ := plainValue(resource.NewObjectProperty(r.Inputs)).(map[string]any)
		out = append(out, policyrules.Resource{URN: r.URN, Type: r.Type, ID: r.ID, Inputs: inputs, Refs: r.Refs})
	}
	return out
}

func plainValue(v resource.PropertyValue) any {
	switch {
	case v.IsSecret():
		return plainValue(v.SecretValue().Element)
	case v.IsOutput():
		if !v.OutputValue().Known {
			return policyrules.Unknown
		}
		return plainValue(v.OutputValue().Element)
	case v.IsComputed():
		return policyrules.Unknown
	case v.IsResourceReference():
		if id := v.ResourceReferenceValue().ID; id.IsString() && id.StringValue() != "" {
			return id.StringValue()
		}
		return policyrules.Unknown
	case v.IsObject():
		out := map[string]any{}
		for k, e := range v.ObjectValue() {
			out[string(k)] = plainValue(e)
		}
		return out
	case v.IsArray():
		out := make([]any, len(v.ArrayValue()))
		for i, e := range v.ArrayValue() {
			out[i] = plainValue(e)
		}
		return out
	case v.IsString():
		return v.StringValue()
	case v.IsNumber():
		return v.NumberValue()
	case v.IsBool():
		return v.BoolValue()
	}
	return nil
}
