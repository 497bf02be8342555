package azureschema

import (
	"reflect"
	"testing"
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
        "priority": {"type": "enum", "enum": ["Dedicated", "LowPriority"], "enumType": "test:mod:Priority", "strictEnum": true}
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

// TestRealSchema decodes the embedded data and checks that it hangs together.
func TestRealSchema(t *testing.T) {
	s, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if s != Default() && (len(s.Resources) != len(Default().Resources) || s.Version != "2.92.3") {
		t.Errorf("Default() and Parse(data) disagree")
	}
	for tok, api := range map[string]string{
		"azure-native:machinelearningservices:Workspace":                            "2023-04-01",
		"azure-native:machinelearningservices:Compute":                              "2023-04-01",
		"azure-native:machinelearningservices:Datastore":                            "2023-04-01",
		"azure-native:machinelearningservices/v20241001:Workspace":                  "2024-10-01",
		"azure-native:machinelearningservices/v20241001:ManagedNetworkSettingsRule": "2024-10-01",
		"azure-native:kubernetesconfiguration:Extension":                            "2023-05-01",
	} {
		r, ok := s.Resource(tok)
		if !ok {
			t.Fatalf("%s missing", tok)
		}
		if r.APIVersion != api {
			t.Errorf("%s apiVersion = %q, want %s", tok, r.APIVersion, api)
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
		if p.Type == TypeUnion {
			for d := range p.OneOf {
				if _, ok := s.UnionMember(p, d); !ok {
					t.Errorf("%s: union member %s does not resolve", where, d)
				}
			}
		}
		check(where+"[]", p.Items)
		check(where+"{}", p.AdditionalProperties)
	}
	for tok, r := range s.Resources {
		for n, p := range r.Inputs {
			check(tok+"."+n, p)
		}
		for n, p := range r.Outputs {
			check(tok+".out."+n, p)
		}
	}
	for _, m := range []map[string]*ObjectType{s.Types, s.OutputTypes} {
		for tok, ty := range m {
			for n, p := range ty.Properties {
				check(tok+"."+n, p)
			}
		}
	}

}
