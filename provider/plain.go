package main

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// withPlainInputs makes the schema say which inputs must be prompt values.
//
// Construct copies a value computed from another resource, a secret or an
// unknown only into a field that implements pulumi.Input; a plain Go field
// refuses it ("expected destination type to implement pulumi.Input"). infer
// marks a plain string or bool "plain", but of a plain slice or map only the
// elements, and of a plain nested struct nothing, so the SDKs would accept an
// Output there and fail at run time. Here each input whose Go type is plain
// becomes plain as a whole, as Pulumi's own component inference does for
// TypeScript and Python (pulumi/pulumi#18483): the SDKs then take only
// prompt values there. args maps each component's token to its args type.
func withPlainInputs(prov p.Provider, args map[string]reflect.Type) p.Provider {
	get := prov.GetSchema
	prov.GetSchema = func(ctx context.Context, req p.GetSchemaRequest) (p.GetSchemaResponse, error) {
		resp, err := get(ctx, req)
		if err != nil {
			return resp, err
		}
		resp.Schema, err = markPlain(resp.Schema, args)
		return resp, err
	}
	return prov
}

var inputType = reflect.TypeFor[pulumi.Input]()

func markPlain(schemaJSON string, args map[string]reflect.Type) (string, error) {
	var spec map[string]any
	if err := json.Unmarshal([]byte(schemaJSON), &spec); err != nil {
		return "", err
	}
	resources, _ := spec["resources"].(map[string]any)
	types, _ := spec["types"].(map[string]any)
	for token := range resources {
		if _, ok := args[token]; !ok {
			return "", fmt.Errorf("no args type is given for %s", token)
		}
	}
	m := marker{types: types, done: map[string]bool{}}
	for token, typ := range args {
		res, ok := resources[token].(map[string]any)
		if !ok {
			return "", fmt.Errorf("the schema has no resource %s", token)
		}
		if err := m.fields(token, typ, res["inputProperties"]); err != nil {
			return "", err
		}
	}
	out, err := json.Marshal(spec)
	return string(out), err
}

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
