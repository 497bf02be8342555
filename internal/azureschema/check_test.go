package azureschema

import (
	"reflect"
	"slices"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

// Plain structs shaped like a generated SDK's, for test:mod:Thing in testSchema: value fields are
// required, pointers, slices, maps and interfaces optional.
type thingArgs struct {
	ResourceGroupName string            `pulumi:"resourceGroupName"`
	ThingName         *string           `pulumi:"thingName"`
	WorkspaceName     string            `pulumi:"workspaceName"`
	Count             *int              `pulumi:"count"`
	Ratio             *float64          `pulumi:"ratio"`
	Enabled           *bool             `pulumi:"enabled"`
	Access            *string           `pulumi:"access"`
	Tier              *string           `pulumi:"tier"`
	Tags              map[string]string `pulumi:"tags"`
	Ids               []string          `pulumi:"ids"`
	Bag               interface{}       `pulumi:"bag"`
	Sku               *sku              `pulumi:"sku"`
	Properties        interface{}       `pulumi:"properties"`
	Extras            []interface{}     `pulumi:"extras"`
	Spec              interface{}       `pulumi:"spec"`
	Port              *int              `pulumi:"port"`
	Protocol          *string           `pulumi:"protocol"`
	Legacy            *string           `pulumi:"legacy"`
}

type sku struct {
	Name     string `pulumi:"name"`
	Capacity *int   `pulumi:"capacity"`
}

type cluster struct {
	Kind       string             `pulumi:"kind"`
	Properties *clusterProperties `pulumi:"properties"`
}

type clusterProperties struct {
	Scale    *scale           `pulumi:"scale"`
	Pools    []scale          `pulumi:"pools"`
	ByName   map[string]scale `pulumi:"byName"`
	Priority *string          `pulumi:"priority"`
}

type scale struct {
	Max int  `pulumi:"max"`
	Min *int `pulumi:"min"`
}

type vm struct {
	Kind    string  `pulumi:"kind"`
	Address *string `pulumi:"address"`
}

const thing = "test:mod:Thing"

func testChecker(t *testing.T) *Checker {
	kinds := Union{Discriminator: "kind", Members: map[string]reflect.Type{
		"Cluster": reflect.TypeFor[cluster](),
		"Vm":      reflect.TypeFor[vm](),
	}}
	required := kinds
	required.Required = true
	return &Checker{
		Schema:    mustParse(t),
		Resources: map[string]reflect.Type{thing: reflect.TypeFor[*thingArgs]()},
		Unions: map[reflect.Type]map[string]Union{
			reflect.TypeFor[thingArgs](): {"properties": kinds, "extras": kinds, "spec": required},
		},
		Rules: map[reflect.Type]map[string]Rule{
			reflect.TypeFor[thingArgs](): {
				"port":     {Required: true, Min: 100, Max: 4096},
				"protocol": {Enum: []string{"Tcp", "Udp"}},
				"legacy":   {Refused: "not accepted at this API version: remove legacy"},
				"gone":     {Refused: "gone since API 2023-04-01"},
			},
		},
	}
}

// validThing passes every check; extra keys are laid over it.
func validThing(extra map[string]any) map[string]any {
	m := map[string]any{
		"resourceGroupName": "rg",
		"workspaceName":     "ws",
		"count":             float64(3),
		"ratio":             0.5,
		"enabled":           true,
		"access":            "SomethingNew", // the schema's enum is not strict: any string
		"tier":              "Basic",
		"tags":              map[string]any{"env": "dev"},
		"ids":               []any{"a", "b"},
		"bag":               map[string]any{"anything": []any{1.0, "x"}},
		"sku":               map[string]any{"name": "Basic", "capacity": 1.0},
		"thingName":         nil, // null is absent
		"port":              443.0,
		"protocol":          "Tcp",
		"__defaults":        []any{}, // the engine's bookkeeping is not an input
		"properties": map[string]any{
			"kind": "Cluster",
			"properties": map[string]any{
				"scale":    map[string]any{"max": 4.0, "min": 0.0},
				"pools":    []any{map[string]any{"max": 1.0}},
				"byName":   map[string]any{"a": map[string]any{"max": 2.0}},
				"priority": "Dedicated",
			},
		},
		"extras": []any{map[string]any{"kind": "Vm", "address": "10.0.0.4"}},
		"spec":   map[string]any{"kind": "Vm"},
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

func wantProblems(t *testing.T, got []Problem, want ...string) {
	t.Helper()
	var have []string
	for _, p := range got {
		have = append(have, p.String())
	}
	if !slices.Equal(have, want) {
		t.Errorf("problems:\n got %q\nwant %q", have, want)
	}
}

func TestCheckValid(t *testing.T) {
	c := testChecker(t)
	got, known := c.Check(thing, validThing(nil))
	if !known {
		t.Fatal("token not known")
	}
	wantProblems(t, got)
}

func TestCheckProblems(t *testing.T) {
	cases := []struct {
		name   string
		inputs map[string]any
		want   []string
	}{
		{
			name:   "missing required, from the type, a rule and a union",
			inputs: map[string]any{"resourceGroupName": nil},
			want: []string{
				`property "port": missing required property`,
				`property "resourceGroupName": missing required property`,
				`property "spec": missing required property`,
				`property "workspaceName": missing required property`,
			},
		},
		{
			name:   "unknown property and wrong kinds",
			inputs: validThing(map[string]any{"colour": "red", "count": "3", "ratio": true, "enabled": "yes", "ids": "a", "tags": []any{}}),
			want: []string{
				`property "colour": unknown property`,
				`property "count": expected integer, got string`,
				`property "enabled": expected boolean, got string`,
				`property "ids": expected array, got string`,
				`property "ratio": expected number, got boolean`,
				`property "tags": expected object, got array`,
			},
		},
		{
			name:   "non-integral integer, bad array item and map value",
			inputs: validThing(map[string]any{"count": 1.5, "ids": []any{"a", 2.0}, "tags": map[string]any{"k": false}}),
			want: []string{
				`property "count": expected integer, got 1.5`,
				`property "ids[1]": expected string, got number`,
				`property "tags.k": expected string, got boolean`,
			},
		},
		{
			name:   "enums: strict in the schema, from a rule; a lax one takes a string only",
			inputs: validThing(map[string]any{"tier": "Gold", "protocol": "TCP", "access": 1.0}),
			want: []string{
				`property "access": expected string, got number`,
				`property "protocol": invalid value "TCP": allowed values are Tcp, Udp`,
				`property "tier": invalid value "Gold": allowed values are Free, Basic`,
			},
		},
		{
			name:   "out of range",
			inputs: validThing(map[string]any{"port": 5000.0}),
			want:   []string{`property "port": 5000 is out of range: must be between 100 and 4096`},
		},
		{
			name:   "refused: a field the type has, and a name it does not",
			inputs: validThing(map[string]any{"legacy": "x", "gone": "y"}),
			want: []string{
				`property "gone": gone since API 2023-04-01`,
				`property "legacy": not accepted at this API version: remove legacy`,
			},
		},
		{
			name:   "nested required and unknown",
			inputs: validThing(map[string]any{"sku": map[string]any{"size": "L"}}),
			want:   []string{`property "sku.name": missing required property`, `property "sku.size": unknown property`},
		},
		{
			name:   "union discriminator missing",
			inputs: validThing(map[string]any{"properties": map[string]any{"address": "10.0.0.4"}}),
			want:   []string{`property "properties.kind": missing required property`},
		},
		{
			name:   "union discriminator not a member, not a string",
			inputs: validThing(map[string]any{"properties": map[string]any{"kind": "Robot"}, "extras": []any{map[string]any{"kind": true}}}),
			want: []string{
				`property "extras[0].kind": expected string, got boolean`,
				`property "properties.kind": unknown union member "Robot" (allowed: Cluster, Vm)`,
			},
		},
		{
			name:   "union member picked by the discriminator",
			inputs: validThing(map[string]any{"properties": map[string]any{"kind": "Vm", "properties": map[string]any{}}}),
			want:   []string{`property "properties.properties": unknown property`},
		},
		{
			name: "deep: required, arrays and maps of objects, a strict enum inside a union member",
			inputs: validThing(map[string]any{"properties": map[string]any{
				"kind": "Cluster",
				"properties": map[string]any{
					"scale":    map[string]any{"min": 0.0},
					"pools":    []any{map[string]any{"max": 1.0}, map[string]any{"maxx": 1.0}},
					"byName":   map[string]any{"b": map[string]any{}},
					"priority": "Spot",
				},
			}}),
			want: []string{
				`property "properties.properties.byName.b.max": missing required property`,
				`property "properties.properties.pools[1].max": missing required property`,
				`property "properties.properties.pools[1].maxx": unknown property`,
				`property "properties.properties.priority": invalid value "Spot": allowed values are Dedicated, LowPriority`,
				`property "properties.properties.scale.max": missing required property`,
			},
		},
		{
			name:   "wrong kind for an object and a union",
			inputs: validThing(map[string]any{"sku": "Basic", "properties": "Cluster", "extras": map[string]any{}}),
			want: []string{
				`property "extras": expected array, got object`,
				`property "properties": expected object, got string`,
				`property "sku": expected object, got string`,
			},
		},
	}
	c := testChecker(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := c.Check(thing, tc.inputs)
			wantProblems(t, got, tc.want...)
		})
	}
}

// TestCheckNeverJudgesUnknowns: during a preview, values computed from other resources are not
// known; whatever they will be, they are not reported, and a required one counts as present.
func TestCheckNeverJudgesUnknowns(t *testing.T) {
	const u = sig.UnknownStringValue
	c := testChecker(t)
	for name, extra := range map[string]map[string]any{
		"required and typed values":   {"resourceGroupName": u, "port": u, "count": u, "enabled": u, "tags": u, "ids": u, "sku": u, "spec": u},
		"values inside":               {"ids": []any{u}, "tags": map[string]any{"k": u}, "sku": map[string]any{"name": u}},
		"a whole union":               {"properties": u, "extras": u},
		"a discriminator":             {"properties": map[string]any{"kind": u, "notAField": 1.0}},
		"enum and range values":       {"tier": u, "protocol": u},
		"deep in a union member":      {"properties": map[string]any{"kind": "Cluster", "properties": map[string]any{"scale": map[string]any{"max": u}}}},
		"members of a list of unions": {"extras": []any{u, map[string]any{"kind": u}}},
	} {
		got, _ := c.Check(thing, validThing(extra))
		if len(got) != 0 {
			t.Errorf("%s: %v", name, got)
		}
	}
}

func TestCheckUnknownTokenAndNoSchema(t *testing.T) {
	c := testChecker(t)
	if got, known := c.Check("test:mod:Other", map[string]any{"x": 1.0}); known || got != nil {
		t.Errorf("unknown token: %v, %v", got, known)
	}
	// Without the schema, the types still say what is required and what exists, but no enum
	// comes from the data.
	c.Schema = nil
	got, _ := c.Check(thing, validThing(map[string]any{"tier": "Gold", "size": "L"}))
	wantProblems(t, got, `property "size": unknown property`)
}

// TestCheckConstraints: a constraint sees the whole object, at any depth, and its problems are
// named below the object's path; objects of other types are not given to it.
func TestCheckConstraints(t *testing.T) {
	c := testChecker(t)
	c.Constraints = map[reflect.Type][]Constraint{
		reflect.TypeFor[scale](): {func(obj map[string]any) []Problem {
			maxN, _ := obj["max"].(float64)
			minN, _ := obj["min"].(float64)
			if minN > maxN {
				return []Problem{{Path: "min", Reason: "above max"}}
			}
			return nil
		}},
	}
	got, _ := c.Check(thing, validThing(nil))
	wantProblems(t, got)
	got, _ = c.Check(thing, validThing(map[string]any{"properties": map[string]any{
		"kind": "Cluster",
		"properties": map[string]any{
			"scale":  map[string]any{"max": 1.0, "min": 2.0},
			"pools":  []any{map[string]any{"max": 1.0}, map[string]any{"max": 1.0, "min": 3.0}},
			"byName": map[string]any{"a": map[string]any{"max": 5.0, "min": 4.0}},
		},
	}}))
	wantProblems(t, got, `property "properties.properties.pools[1].min": above max`, `property "properties.properties.scale.min": above max`)
}
