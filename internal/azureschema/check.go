package azureschema

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

// Checker checks a resource's inputs against Go types: the plain input structs that the typed
// azure-native SDK modules and our own binding hand to the engine (an XxxArgs's ElementType()).
// The types say which property names exist, their JSON kinds, and which are required (a field that
// is not a pointer, slice, map or interface). What the types cannot say comes from Unions, Rules
// and, for the tokens it describes, the schema data's strict enums.
//
// Values that are not known yet (sig.UnknownStringValue, however deep) are never judged, and a
// required property whose value is unknown counts as present.
type Checker struct {
	// Resources maps a resource token to its plain input struct. Check accepts any other token.
	Resources map[string]reflect.Type
	// Unions maps a plain struct to its union-typed properties. The Go field of such a property is
	// an interface (or a slice or map of them); the union picks the struct to check a value against.
	Unions map[reflect.Type]map[string]Union
	// Rules maps a plain struct to what its properties' types cannot say.
	Rules map[reflect.Type]map[string]Rule
	// Constraints maps a plain struct to checks of its values as a whole: combinations of
	// properties that Azure refuses although each is valid by itself.
	Constraints map[reflect.Type][]Constraint
	// Schema gives the strict enums of the tokens it describes; nil for none.
	Schema *Schema
}

// Union is a property whose value is one of several object types, chosen by the value of a
// discriminator property that every member carries.
type Union struct {
	// Discriminator is the property that selects the member, e.g. "computeType".
	Discriminator string
	// Members maps each discriminator value to the plain struct of that member.
	Members map[string]reflect.Type
	// Required: the property must be set. (Its Go field, an interface, cannot say so.)
	Required bool
}

// Rule is what Azure requires of one property beyond its Go type.
type Rule struct {
	// Required: Azure refuses the resource without it, although the type makes it optional.
	Required bool
	// Enum lists the values Azure accepts (case-sensitive).
	Enum []string
	// Min and Max bound a number, inclusive, when Max > Min.
	Min, Max float64
	// Refused says why Azure refuses the property; a value there, or a property of that name the
	// type does not have, is reported with this reason.
	Refused string
}

// Constraint checks one object value as a whole. obj holds its plain values, unknown ones as
// sig.UnknownStringValue, which a constraint leaves alone; the paths of the problems it returns
// are relative to the object.
type Constraint func(obj map[string]any) []Problem

// Problem is one input that azure-native or Azure would refuse.
type Problem struct {
	// Path of the property: "sku.name", "securityRules[0].priority", "tags.env".
	Path string
	// Reason, e.g. "missing required property".
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("property %q: %s", p.Path, p.Reason) }

// PlainType returns the plain struct an input (an XxxArgs) marshals as: its ElementType, without
// pointers.
func PlainType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// Check checks the inputs of a resource of type token. inputs holds plain JSON-like values: nil,
// bool, string, float64 (or any Go number), []any and map[string]any; secrets unwrapped, unknown
// values as sig.UnknownStringValue; nil counts as absent. The problems come sorted by path. The
// bool is false for a token the checker does not know, whose inputs are not looked at.
func (c *Checker) Check(token string, inputs map[string]any) ([]Problem, bool) {
	t, ok := c.Resources[token]
	if !ok {
		return nil, false
	}
	var props map[string]*Property
	if c.Schema != nil {
		if r, ok := c.Schema.Resource(token); ok {
			props = r.Inputs
		}
	}
	return c.CheckType(PlainType(t), props, inputs), true
}

// CheckType checks an object value against plain struct t and, when props is not nil, the schema
// properties of the same object.
func (c *Checker) CheckType(t reflect.Type, props map[string]*Property, inputs map[string]any) []Problem {
	w := walk{c: c}
	w.object("", t, props, inputs)
	slices.SortStableFunc(w.problems, func(a, b Problem) int { return strings.Compare(a.Path, b.Path) })
	return w.problems
}

type walk struct {
	c        *Checker
	problems []Problem
}

func (w *walk) add(path, format string, args ...any) {
	w.problems = append(w.problems, Problem{Path: path, Reason: fmt.Sprintf(format, args...)})
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// Fields maps the property names of plain struct t (its `pulumi:"..."` tags) to its fields.
func Fields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		if name := strings.Split(f.Tag.Get("pulumi"), ",")[0]; name != "" && f.IsExported() {
			out[name] = f
		}
	}
	return out
}

// Required reports whether a plain struct field of type t must be set: the generated SDKs make
// every optional property a pointer, slice, map or interface.
func Required(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return false
	}
	return true
}

func isUnknown(v any) bool {
	s, ok := v.(string)
	return ok && s == sig.UnknownStringValue
}

// object checks an object value against plain struct t and its schema properties (may be nil).
func (w *walk) object(path string, t reflect.Type, props map[string]*Property, m map[string]any) {
	fields := Fields(t)
	rules := w.c.Rules[t]
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v, p := m[k], join(path, k)
		if strings.HasPrefix(k, "__") || v == nil {
			continue // the engine's own bookkeeping; null is absent
		}
		r := rules[k]
		f, ok := fields[k]
		switch {
		case r.Refused != "":
			w.add(p, "%s", r.Refused)
		case !ok:
			w.add(p, "unknown property")
		default:
			if u, ok := w.c.Unions[t][k]; ok {
				w.union(p, u, f.Type, props[k], v)
			} else {
				w.value(p, f.Type, props[k], r, v)
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		if !Required(fields[name].Type) && !rules[name].Required && !w.c.Unions[t][name].Required {
			continue
		}
		if v, ok := m[name]; !ok || v == nil {
			w.add(join(path, name), "missing required property")
		}
	}
	for _, c := range w.c.Constraints[t] {
		for _, p := range c(m) {
			w.add(join(path, p.Path), "%s", p.Reason)
		}
	}
}

// value checks one value against Go type t, schema property p (may be nil) and rule r.
func (w *walk) value(path string, t reflect.Type, p *Property, r Rule, v any) {
	if v == nil || isUnknown(v) {
		return
	}
	t = PlainType(t)
	switch t.Kind() {
	case reflect.Interface:
		// any JSON value
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			w.add(path, "expected string, got %s", jsonKind(v))
			return
		}
		allowed := r.Enum
		if allowed == nil && p != nil && p.Type == TypeEnum && p.StrictEnum {
			allowed = p.Enum
		}
		if allowed != nil && !slices.Contains(allowed, s) {
			w.add(path, "invalid value %q: allowed values are %s", s, strings.Join(allowed, ", "))
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			w.add(path, "expected boolean, got %s", jsonKind(v))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		w.number(path, t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64, r, v)
	case reflect.Slice, reflect.Array, reflect.Map:
		w.each(path, t.Kind(), p, v, func(path string, p *Property, e any) { w.value(path, t.Elem(), p, Rule{}, e) })
	case reflect.Struct:
		m, ok := asMap(v)
		if !ok {
			w.add(path, "expected object, got %s", jsonKind(v))
			return
		}
		w.object(path, t, w.refProps(p), m)
	default:
		w.add(path, "the Go type %v has no JSON equivalent", t)
	}
}

func (w *walk) number(path string, float bool, r Rule, v any) {
	n, ok := number(v)
	switch {
	case !ok && float:
		w.add(path, "expected number, got %s", jsonKind(v))
	case !ok:
		w.add(path, "expected integer, got %s", jsonKind(v))
	case !float && (n != math.Trunc(n) || math.IsInf(n, 0)):
		w.add(path, "expected integer, got %v", n)
	case r.Max > r.Min && (n < r.Min || n > r.Max):
		w.add(path, "%v is out of range: must be between %v and %v", n, r.Min, r.Max)
	}
}

// union checks the value of a union-typed property; t is its Go field type (an interface, or a
// slice or map of them, in which case each element is a union value).
func (w *walk) union(path string, u Union, t reflect.Type, p *Property, v any) {
	if v == nil || isUnknown(v) {
		return
	}
	switch kind := PlainType(t).Kind(); kind {
	case reflect.Slice, reflect.Map:
		w.each(path, kind, p, v, func(path string, p *Property, e any) { w.member(path, u, p, e) })
	default:
		w.member(path, u, p, v)
	}
}

// each calls f with the path, schema property and value of every element of v, an array (kind
// Slice or Array) or an object (kind Map); p describes v.
func (w *walk) each(path string, kind reflect.Kind, p *Property, v any, f func(path string, p *Property, e any)) {
	if kind == reflect.Map {
		m, ok := asMap(v)
		if !ok {
			w.add(path, "expected object, got %s", jsonKind(v))
			return
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			f(path+"."+k, p.MapValue(), m[k])
		}
		return
	}
	items, ok := asSlice(v)
	if !ok {
		w.add(path, "expected array, got %s", jsonKind(v))
		return
	}
	for i, e := range items {
		f(fmt.Sprintf("%s[%d]", path, i), p.items(), e)
	}
}

// member checks one union value against the member its discriminator selects.
func (w *walk) member(path string, u Union, p *Property, v any) {
	if v == nil || isUnknown(v) {
		return
	}
	m, ok := asMap(v)
	if !ok {
		w.add(path, "expected object, got %s", jsonKind(v))
		return
	}
	dpath := join(path, u.Discriminator)
	d, present := m[u.Discriminator]
	switch {
	case !present || d == nil:
		w.add(dpath, "missing required property")
		return
	case isUnknown(d):
		return // the member cannot be chosen yet: nothing to judge
	}
	ds, ok := d.(string)
	if !ok {
		w.add(dpath, "expected string, got %s", jsonKind(d))
		return
	}
	t, ok := u.Members[ds]
	if !ok {
		w.add(dpath, "unknown union member %q (allowed: %s)", ds, strings.Join(slices.Sorted(maps.Keys(u.Members)), ", "))
		return
	}
	var props map[string]*Property
	if p != nil && w.c.Schema != nil {
		if tok, ok := w.c.Schema.UnionMember(p, ds); ok {
			props = w.c.Schema.Types[tok].Properties
		}
	}
	w.object(path, t, props, m)
}

// refProps returns the properties of the nested type p refers to, if the schema has it.
func (w *walk) refProps(p *Property) map[string]*Property {
	if p == nil || p.Ref == "" || w.c.Schema == nil {
		return nil
	}
	if t, ok := w.c.Schema.Types[p.Ref]; ok {
		return t.Properties
	}
	return nil
}

// items is the property of an array's elements; nil-safe.
func (p *Property) items() *Property {
	if p == nil {
		return nil
	}
	return p.Items
}

// number returns v as a float64 when it is any Go number.
func number(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		return rv.Float(), true
	}
	return 0, false
}

func asSlice(v any) ([]any, bool) {
	if s, ok := v.([]any); ok {
		return s, true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, false
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out, true
}

func asMap(v any) (map[string]any, bool) {
	if m, ok := v.(map[string]any); ok {
		return m, true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Map || rv.Type().Key().Kind() != reflect.String {
		return nil, false
	}
	out := make(map[string]any, rv.Len())
	for _, k := range rv.MapKeys() {
		out[k.String()] = rv.MapIndex(k).Interface()
	}
	return out, true
}

// jsonKind names the JSON type of a decoded value, for messages.
func jsonKind(v any) string {
	switch reflect.ValueOf(v).Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}
