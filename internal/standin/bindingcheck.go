package standin

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// BindingChecker is a SchemaChecker built from the Go types of the project's
// own binding (internal/azureml) instead of schema-subset.json, for machines
// where that file is absent. It knows the tokens of the binding (Workspace,
// Compute, UserAssignedIdentity) and walks each resource's plain input struct
// (the ElementType of its Args): a key with no `pulumi:"..."` field is an
// unknown property; a value of the wrong JSON kind is reported; a value
// (non-pointer, non-slice, non-map, non-interface) field left out is required.
// The Compute "properties" union is checked against the member its computeType
// selects. It knows no enums; the schema checker is preferred when the file is
// found. Problems read like azureschema's: "path: reason", sorted.
//
// The zero value is ready to use.
type BindingChecker struct{}

var _ SchemaChecker = BindingChecker{}

// bindingUnion is a union-typed field: the member struct each discriminator
// value selects.
type bindingUnion struct {
	discriminator string
	members       map[string]reflect.Type
}

// bindingResources are the plain input structs of the binding's tokens.
var bindingResources = map[string]reflect.Type{
	azureml.WorkspaceToken:            plainStruct(azureml.WorkspaceArgs{}),
	azureml.ComputeToken:              plainStruct(azureml.ComputeArgs{}),
	azureml.UserAssignedIdentityToken: plainStruct(azureml.UserAssignedIdentityArgs{}),
}

// bindingUnions are the union fields, keyed by the struct holding the field
// and the field's property name.
var bindingUnions = map[reflect.Type]map[string]bindingUnion{
	plainStruct(azureml.ComputeArgs{}): {
		"properties": {discriminator: "computeType", members: map[string]reflect.Type{
			azureml.ComputeTypeAmlCompute:     plainStruct(azureml.AmlComputeArgs{}),
			azureml.ComputeTypeAKS:            plainStruct(azureml.AKSArgs{}),
			azureml.ComputeTypeVirtualMachine: plainStruct(azureml.VirtualMachineArgs{}),
			azureml.ComputeTypeHDInsight:      plainStruct(azureml.HDInsightArgs{}),
		}},
	},
}

func plainStruct(in pulumi.Input) reflect.Type {
	t := in.ElementType()
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// Handles reports whether the checker knows token; CheckInputs leaves the
// other SchemaTokens to the built-in table.
func (BindingChecker) Handles(token string) bool {
	_, ok := bindingResources[token]
	return ok
}

// CheckInputs checks inputs (plain values, unknowns as the engine's sentinel) against
// the binding's input struct for token.
func (BindingChecker) CheckInputs(token string, inputs map[string]any) []string {
	st, ok := bindingResources[token]
	if !ok {
		return []string{token + ": unknown resource token"}
	}
	var c bindingCheck
	c.object("", st, inputs)
	sort.Strings(c.problems)
	return c.problems
}

type bindingCheck struct{ problems []string }

func (c *bindingCheck) add(path, format string, args ...any) {
	c.problems = append(c.problems, path+": "+fmt.Sprintf(format, args...))
}

// fieldsOf maps the property names of a plain struct to its fields.
func fieldsOf(st reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < st.NumField(); i++ {
		f := st.Field(i)
		if f.Anonymous || !f.IsExported() {
			continue
		}
		if name := strings.Split(f.Tag.Get("pulumi"), ",")[0]; name != "" {
			out[name] = f
		}
	}
	return out
}

// requiredField: a value field (not a pointer, slice, map or interface).
func requiredField(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return false
	}
	return true
}

// object checks an object value against plain struct st.
func (c *bindingCheck) object(path string, st reflect.Type, m map[string]any) {
	fields := fieldsOf(st)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		f, ok := fields[k]
		if !ok {
			c.add(join(path, k), "unknown property")
			continue
		}
		if u, ok := bindingUnions[st][k]; ok {
			c.union(join(path, k), u, m[k])
			continue
		}
		c.value(join(path, k), f.Type, m[k])
	}
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !requiredField(fields[name].Type) {
			continue
		}
		if v, ok := m[name]; !ok || v == nil {
			c.add(join(path, name), "required")
		}
	}
}

// value checks one value against Go type t.
func (c *bindingCheck) value(path string, t reflect.Type, v any) {
	if v == nil || v == sig.UnknownStringValue {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Interface:
		// any JSON value
	case reflect.String:
		if _, ok := v.(string); !ok {
			c.add(path, "expected string, got %s", azureschema.JSONKind(v))
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			c.add(path, "expected boolean, got %s", azureschema.JSONKind(v))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		f, ok := azureschema.Number(v)
		if !ok {
			c.add(path, "expected integer, got %s", azureschema.JSONKind(v))
		} else if f != math.Trunc(f) || math.IsInf(f, 0) {
			c.add(path, "expected integer, got %v", f)
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := azureschema.Number(v); !ok {
			c.add(path, "expected number, got %s", azureschema.JSONKind(v))
		}
	case reflect.Slice, reflect.Array:
		items, ok := v.([]any)
		if !ok {
			c.add(path, "expected array, got %s", azureschema.JSONKind(v))
			return
		}
		for i, e := range items {
			c.value(fmt.Sprintf("%s[%d]", path, i), t.Elem(), e)
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			c.add(path, "expected object, got %s", azureschema.JSONKind(v))
			return
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			c.value(path+"."+k, t.Elem(), m[k])
		}
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			c.add(path, "expected object, got %s", azureschema.JSONKind(v))
			return
		}
		c.object(path, t, m)
	default:
		c.add(path, "the binding's Go type %v has no JSON equivalent", t)
	}
}

// union checks a union value against the member its discriminator selects.
func (c *bindingCheck) union(path string, u bindingUnion, v any) {
	if v == nil || v == sig.UnknownStringValue {
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		c.add(path, "expected object, got %s", azureschema.JSONKind(v))
		return
	}
	dpath := join(path, u.discriminator)
	d, present := m[u.discriminator]
	if !present || d == nil {
		c.add(dpath, "required")
		return
	}
	if d == sig.UnknownStringValue {
		return
	}
	ds, ok := d.(string)
	if !ok {
		c.add(dpath, "expected string, got %s", azureschema.JSONKind(d))
		return
	}
	member, ok := u.members[ds]
	if !ok {
		allowed := slices.Sorted(maps.Keys(u.members))
		c.add(dpath, "unknown union member %q (allowed: %s)", ds, strings.Join(allowed, ", "))
		return
	}
	c.object(path, member, m)
}
