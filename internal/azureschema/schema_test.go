package azureschema

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

// testSchema is a small hand-written schema in the file's format: one resource with a union input,
// nested refs, an array, a map, a strict and a lax enum, and one output type.
const testSchema = `{
  "provider": "azure-native",
  "version": "0.0.1",
  "resources": {
    "test:mod:Thing": {
      "apiVersion": "2023-04-01",
      "requiredInputs": ["resourceGroupName"],
      "replaceOnChanges": ["resourceGroupName", "thingName"],
      "inputs": {
        "resourceGroupName": {"type": "string", "required": true, "replaceOnChanges": true},
        "thingName": {"type": "string", "required": false, "replaceOnChanges": true},
        "workspaceName": {"type": "string", "required": true},
        "count": {"type": "integer"},
        "ratio": {"type": "number"},
        "enabled": {"type": "boolean"},
        "access": {"type": "enum", "enum": ["Enabled", "Disabled"], "enumType": "test:mod:Access"},
        "tier": {"type": "enum", "enum": ["Free", "Basic"], "enumType": "test:mod:Tier", "strictEnum": true},
        "tags": {"type": "object", "additionalProperties": {"type": "string"}},
        "ids": {"type": "array", "items": {"type": "string"}},
        "bag": {"type": "any"},
        "sku": {"type": "object", "ref": "test:mod:Sku"},
        "properties": {
          "type": "union", "discriminator": "kind",
          "oneOf": {"Cluster": "test:mod:Cluster", "Vm": "test:mod:Vm"}
        }
      },
      "outputs": {
        "name": {"type": "string", "alwaysSet": true},
        "identity": {"type": "object", "ref": "test:mod:IdentityResponse"},
        "tags": {"type": "map<string,string>"}
      }
    }
  },
  "types": {
    "test:mod:Sku": {
      "properties": {"name": {"type": "string"}, "capacity": {"type": "integer"}},
      "required": ["name"]
    },
    "test:mod:Cluster": {
      "properties": {
        "kind": {"type": "string", "const": "Cluster"},
        "properties": {"type": "object", "ref": "test:mod:ClusterProperties"}
      },
      "required": ["kind"]
    },
    "test:mod:ClusterProperties": {
      "properties": {
        "scale": {"type": "object", "ref": "test:mod:Scale"},
        "pools": {"type": "array", "items": {"type": "object", "ref": "test:mod:Scale"}},
        "byName": {"type": "object", "additionalProperties": {"type": "object", "ref": "test:mod:Scale"}},
        "priority": {"type": "enum", "enum": ["Dedicated", "LowPriority"], "enumType": "test:mod:Priority"}
      },
      "required": []
    },
    "test:mod:Scale": {
      "properties": {"max": {"type": "integer"}, "min": {"type": "integer", "default": 0}},
      "required": ["max"]
    },
    "test:mod:Vm": {
      "properties": {
        "kind": {"type": "string", "const": "Vm"},
        "address": {"type": "string"}
      },
      "required": ["kind"]
    }
  },
  "outputTypes": {
    "test:mod:IdentityResponse": {
      "properties": {"principalId": {"type": "string", "alwaysSet": true}}
    }
  }
}`

func mustParse(t *testing.T) *Schema {
	t.Helper()
	s, err := Parse([]byte(testSchema))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s
}

func TestParseAndLookups(t *testing.T) {
	s := mustParse(t)
	r, ok := s.Resource("test:mod:Thing")
	if !ok {
		t.Fatal("resource test:mod:Thing not found")
	}
	if r.Token != "test:mod:Thing" || r.APIVersion != "2023-04-01" {
		t.Errorf("token/apiVersion = %q/%q", r.Token, r.APIVersion)
	}
	if got, want := r.RequiredInputNames(), []string{"resourceGroupName", "workspaceName"}; !reflect.DeepEqual(got, want) {
		t.Errorf("RequiredInputNames = %v, want %v", got, want)
	}
	if !reflect.DeepEqual(r.ReplaceOnChanges, []string{"resourceGroupName", "thingName"}) {
		t.Errorf("ReplaceOnChanges = %v", r.ReplaceOnChanges)
	}
	if _, ok := s.Resource("test:mod:Nope"); ok {
		t.Error("unknown resource found")
	}
	sku, ok := s.Type("test:mod:Sku")
	if !ok || sku.Token != "test:mod:Sku" || !sku.IsRequired("name") || sku.IsRequired("capacity") {
		t.Errorf("Type(Sku) = %+v, %v", sku, ok)
	}
	if _, ok := s.Type("test:mod:IdentityResponse"); !ok {
		t.Error("output type not found through Type")
	}
	if tok, ok := s.UnionMember(r.Inputs["properties"], "Vm"); !ok || tok != "test:mod:Vm" {
		t.Errorf("UnionMember(Vm) = %q, %v", tok, ok)
	}
	if _, ok := s.UnionMember(r.Inputs["properties"], "Nope"); ok {
		t.Error("UnionMember(Nope) found")
	}
	if !r.Outputs["tags"].IsMap() || r.Outputs["tags"].MapValue().Type != TypeString {
		t.Error("map<string,string> output is not seen as a string map")
	}
	enums := s.Enums()
	if !reflect.DeepEqual(enums["test:mod:Tier"], []string{"Free", "Basic"}) ||
		!reflect.DeepEqual(enums["test:mod:Priority"], []string{"Dedicated", "LowPriority"}) {
		t.Errorf("Enums = %v", enums)
	}
}

func TestParseErrors(t *testing.T) {
	for _, doc := range []string{`{`, `{"resources": {}}`, `{"resources": {"a": null}}`} {
		if _, err := Parse([]byte(doc)); err == nil {
			t.Errorf("Parse(%s) succeeded", doc)
		}
	}
}

func TestCheckInputsValid(t *testing.T) {
	s := mustParse(t)
	inputs := map[string]any{
		"resourceGroupName": "rg",
		"workspaceName":     sig.UnknownStringValue,
		"count":             float64(3),
		"ratio":             0.5,
		"enabled":           true,
		"access":            "SomethingNew", // lax enum: any string
		"tier":              "Basic",
		"tags":              map[string]string{"env": "dev"},
		"ids":               []string{"a", "b"},
		"bag":               map[string]any{"anything": []any{1, "x"}},
		"sku":               map[string]any{"name": "Basic", "capacity": 1},
		"thingName":         nil,
		"properties": map[string]any{
			"kind": "Cluster",
			"properties": map[string]any{
				"scale":    map[string]any{"max": 4, "min": sig.UnknownStringValue},
				"pools":    []any{map[string]any{"max": 1}},
				"byName":   map[string]any{"a": map[string]any{"max": 2}},
				"priority": "Dedicated",
			},
		},
	}
	if got := s.CheckInputs("test:mod:Thing", inputs); len(got) != 0 {
		t.Errorf("CheckInputs of valid inputs: %q", got)
	}
}

func TestCheckInputsProblems(t *testing.T) {
	s := mustParse(t)
	cases := []struct {
		name   string
		inputs map[string]any
		want   []string
	}{
		{
			name:   "missing required",
			inputs: map[string]any{"resourceGroupName": nil},
			want:   []string{"resourceGroupName: required", "workspaceName: required"},
		},
		{
			name:   "unknown property and wrong types",
			inputs: base(map[string]any{"colour": "red", "count": "3", "ratio": true, "enabled": "yes", "ids": "a", "tags": []any{}}),
			want: []string{
				"colour: unknown property",
				"count: expected integer, got string",
				"enabled: expected boolean, got string",
				"ids: expected array, got string",
				"ratio: expected number, got boolean",
				"tags: expected object, got array",
			},
		},
		{
			name:   "non-integral integer and bad array item and map value",
			inputs: base(map[string]any{"count": 1.5, "ids": []any{"a", 2}, "tags": map[string]any{"k": false}}),
			want:   []string{"count: expected integer, got 1.5", "ids[1]: expected string, got number", "tags.k: expected string, got boolean"},
		},
		{
			name:   "strict enum",
			inputs: base(map[string]any{"tier": "Gold", "access": 1}),
			want:   []string{"access: expected string (enum), got number", `tier: value "Gold" not allowed (allowed: Free, Basic)`},
		},
		{
			name:   "nested ref required and unknown",
			inputs: base(map[string]any{"sku": map[string]any{"size": "L"}}),
			want:   []string{"sku.name: required", "sku.size: unknown property"},
		},
		{
			name:   "union discriminator missing",
			inputs: base(map[string]any{"properties": map[string]any{"address": "10.0.0.4"}}),
			want:   []string{"properties.kind: required"},
		},
		{
			name:   "union discriminator unknown",
			inputs: base(map[string]any{"properties": map[string]any{"kind": "Robot"}}),
			want:   []string{`properties.kind: unknown union member "Robot" (allowed: Cluster, Vm)`},
		},
		{
			name:   "union member picked by discriminator",
			inputs: base(map[string]any{"properties": map[string]any{"kind": "Vm", "properties": map[string]any{}}}),
			want:   []string{"properties.properties: unknown property"},
		},
		{
			name: "deep required, arrays and maps of refs",
			inputs: base(map[string]any{"properties": map[string]any{
				"kind": "Cluster",
				"properties": map[string]any{
					"scale":  map[string]any{"min": 0},
					"pools":  []any{map[string]any{"max": 1}, map[string]any{"maxx": 1}},
					"byName": map[string]any{"b": map[string]any{}},
				},
			}}),
			want: []string{
				"properties.properties.byName.b.max: required",
				"properties.properties.pools[1].max: required",
				"properties.properties.pools[1].maxx: unknown property",
				"properties.properties.scale.max: required",
			},
		},
		{
			name:   "wrong type for object and union",
			inputs: base(map[string]any{"sku": "Basic", "properties": "Cluster"}),
			want:   []string{"properties: expected object, got string", "sku: expected object, got string"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := s.CheckInputs("test:mod:Thing", tc.inputs)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("CheckInputs:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestCheckInputsUnknownToken(t *testing.T) {
	s := mustParse(t)
	got := s.CheckInputs("test:mod:Other", nil)
	if len(got) != 1 || !strings.Contains(got[0], "unknown resource token") {
		t.Errorf("CheckInputs(unknown token) = %q", got)
	}
}

// base returns valid required inputs plus extra.
func base(extra map[string]any) map[string]any {
	m := map[string]any{"resourceGroupName": "rg", "workspaceName": "ws"}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// TestRealSchema decodes the embedded data and checks that it hangs together.
func TestRealSchema(t *testing.T) {
	s, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range []string{"azure-native:machinelearningservices:Workspace", "azure-native:machinelearningservices:Compute"} {
		r, ok := s.Resource(tok)
		if !ok {
			t.Fatalf("%s missing", tok)
		}
		if r.APIVersion != "2023-04-01" {
			t.Errorf("%s apiVersion = %q", tok, r.APIVersion)
		}
	}
	// Every ref in the file resolves, and every input union member exists.
	var check func(where string, p *Property)
	check = func(where string, p *Property) {
		if p == nil {
			return
		}
		if p.Ref != "" {
			if _, ok := s.Type(p.Ref); !ok {
				t.Errorf("%s: ref %s does not resolve", where, p.Ref)
			}
		}
		check(where+"[]", p.Items)
		check(where+"{}", p.AdditionalProperties)
	}
	for tok, r := range s.Resources {
		for n, p := range r.Inputs {
			check(tok+"."+n, p)
			if p.Type == TypeUnion {
				for d := range p.OneOf {
					if _, ok := s.UnionMember(p, d); !ok {
						t.Errorf("%s.%s: union member %s does not resolve", tok, n, d)
					}
				}
			}
		}
		for n, p := range r.Outputs {
			check(tok+".out."+n, p)
		}
	}
	for tok, ty := range s.Types {
		for n, p := range ty.Properties {
			check(tok+"."+n, p)
		}
	}

	const compute = "azure-native:machinelearningservices:Compute"
	good := map[string]any{
		"resourceGroupName": "rg",
		"workspaceName":     "ws",
		"properties": map[string]any{
			"computeType": "AmlCompute",
			"properties": map[string]any{
				"enableNodePublicIp": false,
				"scaleSettings":      map[string]any{"maxNodeCount": 4, "minNodeCount": 0},
				"subnet":             map[string]any{"id": "/subscriptions/x/subnets/training"},
				"vmPriority":         "Dedicated",
			},
		},
	}
	if got := s.CheckInputs(compute, good); len(got) != 0 {
		t.Errorf("valid AmlCompute inputs: %q", got)
	}
	bad := map[string]any{
		"resourceGroupName": "rg",
		"workspaceName":     "ws",
		"properties": map[string]any{
			"computeType": "AmlCompute",
			"properties":  map[string]any{"scaleSettings": map[string]any{"minNodeCount": 0}},
		},
	}
	want := []string{"properties.properties.scaleSettings.maxNodeCount: required"}
	if got := s.CheckInputs(compute, bad); !reflect.DeepEqual(got, want) {
		t.Errorf("CheckInputs = %q, want %q", got, want)
	}
}
