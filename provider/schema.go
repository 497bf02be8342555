package main

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/provider/internal/docgen"
)

// goTypes are a component's Go args and outputs types.
type goTypes struct {
	args, outputs reflect.Type
}

// withSchemaFixes rewrites the schema infer derives from the Go types (see
// fixSchema); reg maps each component's token to its types.
func withSchemaFixes(prov p.Provider, reg map[string]goTypes, d docgen.Descriptions) p.Provider {
	get := prov.GetSchema
	prov.GetSchema = func(ctx context.Context, req p.GetSchemaRequest) (p.GetSchemaResponse, error) {
		resp, err := get(ctx, req)
		if err != nil {
			return resp, err
		}
		resp.Schema, err = fixSchema(resp.Schema, reg, d)
		return resp, err
	}
	return prov
}

// fixSchema makes two changes to a schema infer derived.
//
// Plain inputs: Construct copies a value computed from another resource, a
// secret or an unknown only into a field that implements pulumi.Input; a
// plain Go field refuses it ("expected destination type to implement
// pulumi.Input"). infer marks a plain string or bool "plain", but of a plain
// slice or map only the elements, and of a plain nested struct nothing, so
// the SDKs would accept an Output there and fail at run time. Each input
// whose Go type is plain becomes plain as a whole (and the fields of plain
// nested types), as Pulumi's own component inference does for TypeScript
// and Python (pulumi/pulumi#18483): the SDKs then take only prompt values.
//
// Descriptions: where no Annotate method gave one, the Go doc comment
// collected by docgen, found by the Go type's name.
func fixSchema(schemaJSON string, reg map[string]goTypes, d docgen.Descriptions) (string, error) {
	var spec map[string]any
	if err := json.Unmarshal([]byte(schemaJSON), &spec); err != nil {
		return "", err
	}
	resources, _ := spec["resources"].(map[string]any)
	schemaTypes, _ := spec["types"].(map[string]any)
	for token := range resources {
		if _, ok := reg[token]; !ok {
			return "", fmt.Errorf("no Go types are given for %s", token)
		}
	}
	m := marker{types: schemaTypes, done: map[string]bool{}}
	for token, t := range reg {
		res, ok := resources[token].(map[string]any)
		if !ok {
			return "", fmt.Errorf("the schema has no resource %s", token)
		}
		if err := m.fields(token, t.args, res["inputProperties"]); err != nil {
			return "", err
		}
		describe(res, d[t.outputs.Name()], "properties")
		describe(res, d[t.args.Name()], "inputProperties")
		describe(res, d[t.outputs.Name()], "")
	}
	for token, typ := range schemaTypes {
		name := token[strings.LastIndex(token, ":")+1:]
		describe(typ.(map[string]any), d[name], "properties")
		describe(typ.(map[string]any), d[name], "")
	}
	out, err := json.Marshal(spec)
	return string(out), err
}

// describe fills the empty descriptions of spec's section ("" for spec
// itself) from docs.
func describe(spec map[string]any, docs map[string]string, section string) {
	if section == "" {
		if s, _ := spec["description"].(string); s == "" && docs[""] != "" {
			spec["description"] = docs[""]
		}
		return
	}
	props, _ := spec[section].(map[string]any)
	for name, prop := range props {
		pm := prop.(map[string]any)
		if s, _ := pm["description"].(string); s == "" && docs[name] != "" {
			pm["description"] = docs[name]
		}
	}
}

var inputType = reflect.TypeFor[pulumi.Input]()

// marker marks the plain inputs of a schema (see fixSchema).
type marker struct {
	types map[string]any
	done  map[string]bool // type tokens already walked
}

// fields marks the properties of struct type typ.
func (m *marker) fields(where string, typ reflect.Type, props any) error {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	pm, _ := props.(map[string]any)
	for _, f := range reflect.VisibleFields(typ) {
		tag, ok := f.Tag.Lookup("pulumi")
		if !ok || !f.IsExported() || f.Anonymous {
			continue
		}
		name := strings.Split(tag, ",")[0]
		prop, ok := pm[name].(map[string]any)
		if !ok {
			return fmt.Errorf("%s: the schema has no property %q for field %s", where, name, f.Name)
		}
		if err := m.property(where+"."+name, f.Type, prop); err != nil {
			return err
		}
	}
	return nil
}

// property marks prop plain when t is a plain Go type, and walks into its
// elements and nested types.
func (m *marker) property(where string, t reflect.Type, prop map[string]any) error {
	if prop == nil {
		return fmt.Errorf("%s: not in the schema", where)
	}
	if t.Implements(inputType) {
		return nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	prop["plain"] = true
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		items, _ := prop["items"].(map[string]any)
		return m.property(where+"[]", t.Elem(), items)
	case reflect.Map:
		values, _ := prop["additionalProperties"].(map[string]any)
		return m.property(where+"{}", t.Elem(), values)
	case reflect.Struct:
		ref, _ := prop["$ref"].(string)
		token, ok := strings.CutPrefix(ref, "#/types/")
		if !ok {
			return fmt.Errorf("%s: struct %s has no type reference in the schema", where, t)
		}
		if m.done[token] {
			return nil
		}
		m.done[token] = true
		spec, ok := m.types[token].(map[string]any)
		if !ok {
			return fmt.Errorf("%s: the schema has no type %s", where, token)
		}
		return m.fields(token, t, spec["properties"])
	}
	return nil
}
