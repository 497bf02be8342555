package offline

import (
	"encoding/json"
	"fmt"

	"github.com/amlvnet/amlvnet/internal/policyrules"
)

// Signature keys of the engine's special property values, as its JSON shows
// them (sdk/go/common/resource/sig).
const (
	sigKey         = "4dabf18193072939515e22adb298388d"
	sigSecret      = "1b47061264138c4ac30d75fd1eb44270"
	sigResourceRef = "5cf8f73096256a8f31e491e813e4eb8e"
)

// deleting are the step operations after which the resource is gone.
var deleting = map[string]bool{
	"delete": true, "delete-replaced": true, "discard": true, "discard-replaced": true,
	"read-discard": true, "remove-pending-replace": true,
}

// Resources returns the resources the preview leaves in the stack, as the
// policy rules see them: type, URN, ID when known and the inputs of each
// step's new state, unknown values as policyrules.Unknown. Deletes are
// skipped; a URN with several steps (import then update, replacements) keeps
// its last new state. The order is the steps' order.
func (d *PreviewDoc) Resources() []policyrules.Resource {
	index := map[string]int{}
	var out []policyrules.Resource
	for _, st := range d.Steps {
		if deleting[st.Op] || st.NewState == nil {
			continue
		}
		r := policyrules.Resource{URN: st.NewState.URN, Type: st.NewState.Type, ID: st.NewState.ID, Inputs: plainMap(st.NewState.Inputs)}
		if r.URN == "" {
			r.URN, r.Type = st.URN, st.Type
		}
		if i, ok := index[r.URN]; ok {
			out[i] = r
			continue
		}
		index[r.URN] = len(out)
		out = append(out, r)
	}
	return out
}

// StateResources reads the resources of an exported deployment (`pulumi
// stack export`, as Session.Export returns it) with their deployed inputs
// and the engine's property dependencies. Encrypted secrets count as unknown.
func StateResources(state json.RawMessage) ([]policyrules.Resource, error) {
	var doc struct {
		Deployment struct {
			Resources []struct {
				URN                  string              `json:"urn"`
				Type                 string              `json:"type"`
				ID                   string              `json:"id"`
				Delete               bool                `json:"delete"`
				Inputs               map[string]any      `json:"inputs"`
				PropertyDependencies map[string][]string `json:"propertyDependencies"`
			} `json:"resources"`
		} `json:"deployment"`
	}
	if err := json.Unmarshal(state, &doc); err != nil {
		return nil, fmt.Errorf("reading the exported deployment: %w", err)
	}
	var out []policyrules.Resource
	for _, r := range doc.Deployment.Resources {
		if r.Delete {
			continue
		}
		out = append(out, policyrules.Resource{URN: r.URN, Type: r.Type, ID: r.ID, Inputs: plainMap(r.Inputs), Refs: r.PropertyDependencies})
	}
	return out, nil
}

// PolicyViolation is a policyrules.Violation with its policy's enforcement
// level, as the offline preview reports it.
type PolicyViolation struct {
	Policy      string `json:"policy"`
	Enforcement string `json:"enforcement"`
	URN         string `json:"urn"`
	Message     string `json:"message"`
}

// String is the line the offline preview prints:
// policy <name> (<enforcement>): <urn>: <message>.
func (v PolicyViolation) String() string {
	return fmt.Sprintf("policy %s (%s): %s: %s", v.Policy, v.Enforcement, v.URN, v.Message)
}

// CheckPolicies runs every policy of policyrules over the resources. The
// slice is never nil, so that it prints as [] in JSON.
func CheckPolicies(resources []policyrules.Resource) []PolicyViolation {
	out := []PolicyViolation{}
	for _, v := range policyrules.Check(resources) {
		p, _ := policyrules.Lookup(v.Policy)
		out = append(out, PolicyViolation{Policy: v.Policy, Enforcement: p.Enforcement, URN: v.URN, Message: v.Message})
	}
	return out
}

func plainMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = plain(v)
	}
	return out
}

// plain unwraps the engine's special values: a secret becomes its value, or
// Unknown when only its ciphertext is shown; a resource reference becomes its
// ID, or Unknown.
func plain(v any) any {
	switch t := v.(type) {
	case map[string]any:
		switch t[sigKey] {
		case sigSecret:
			if inner, ok := t["value"]; ok {
				return plain(inner)
			}
			if text, ok := t["plaintext"].(string); ok {
				var inner any
				if json.Unmarshal([]byte(text), &inner) == nil {
					return plain(inner)
				}
			}
			return policyrules.Unknown
		case sigResourceRef:
			if id, ok := t["id"].(string); ok && id != "" {
				return id
			}
			return policyrules.Unknown
		}
		return plainMap(t)
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = plain(e)
		}
		return out
	}
	return v
}
