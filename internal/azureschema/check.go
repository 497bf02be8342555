package azureschema

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

// CheckInputs checks the inputs of a resource against the schema and returns one line per problem,
// sorted, each starting with the property path, e.g.
//
//	properties.properties.scaleSettings.maxNodeCount: required
//
// inputs holds plain JSON-like values: nil, bool, string, numbers (any Go int, uint or float kind),
// slices and string-keyed maps of these. Secrets are to be unwrapped by the caller; unknown values
// are given as the engine's sentinel, sig.UnknownStringValue. A nil value counts as absent.
//
// It reports: an unknown resource token; unknown properties; wrong JSON types (integers must be
// integral); missing required properties (resource requiredInputs and type "required" lists); enum
// values outside the list when the enum is strict; const mismatches; union values whose
// discriminator is missing or names no member. It recurses into nested types, array items and map
// values, and checks a union value against the member its discriminator selects. A ref to a type
// that the file does not describe is accepted as any object.
func (s *Schema) CheckInputs(token string, inputs map[string]any) []string {
	r, ok := s.Resource(token)
	if !ok {
		return []string{token + ": unknown resource token"}
	}
	c := &checker{s: s}
	c.object("", r.Inputs, r.RequiredInputNames(), inputs)
	sort.Strings(c.problems)
	return c.problems
}

type checker struct {
	s        *Schema
	problems []string
}

func (c *checker) add(path, format string, args ...any) {
	c.problems = append(c.problems, path+": "+fmt.Sprintf(format, args...))
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// object checks the properties of an object value against props and the required list.
func (c *checker) object(prefix string, props map[string]*Property, required []string, value map[string]any) {
	keys := make([]string, 0, len(value))
	for k := range value {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p, ok := props[k]
		if !ok {
			c.add(join(prefix, k), "unknown property")
			continue
		}
		c.value(join(prefix, k), p, value[k])
	}
	for _, name := range required {
		if v, ok := value[name]; !ok || v == nil {
			c.add(join(prefix, name), "required")
		}
	}
}

// value checks one value against its property description.
func (c *checker) value(path string, p *Property, v any) {
	if v == nil || isUnknown(v) {
		return
	}
	switch p.Type {
	case TypeString:
		str, ok := v.(string)
		if !ok {
			c.add(path, "expected string, got %s", JSONKind(v))
			return
		}
		if p.Const != "" && str != p.Const {
			c.add(path, "must be %q, got %q", p.Const, str)
		}
	case TypeEnum:
		str, ok := v.(string)
		if !ok {
			c.add(path, "expected string (enum), got %s", JSONKind(v))
			return
		}
		if p.StrictEnum && !slices.Contains(p.Enum, str) {
			c.add(path, "value %q not allowed (allowed: %s)", str, strings.Join(p.Enum, ", "))
		}
	case TypeInteger:
		f, ok := Number(v)
		if !ok {
			c.add(path, "expected integer, got %s", JSONKind(v))
		} else if f != math.Trunc(f) || math.IsInf(f, 0) {
			c.add(path, "expected integer, got %v", f)
		}
	case TypeNumber:
		if _, ok := Number(v); !ok {
			c.add(path, "expected number, got %s", JSONKind(v))
		}
	case TypeBoolean:
		if _, ok := v.(bool); !ok {
			c.add(path, "expected boolean, got %s", JSONKind(v))
		}
	case TypeArray:
		items, ok := asSlice(v)
		if !ok {
			c.add(path, "expected array, got %s", JSONKind(v))
			return
		}
		if p.Items == nil {
			return
		}
		for i, e := range items {
			c.value(fmt.Sprintf("%s[%d]", path, i), p.Items, e)
		}
	case TypeObject, TypeStringMap:
		m, ok := asMap(v)
		if !ok {
			c.add(path, "expected object, got %s", JSONKind(v))
			return
		}
		switch {
		case p.IsMap():
			elem := p.MapValue()
			keys := slices.Sorted(maps.Keys(m))
			for _, k := range keys {
				c.value(path+"."+k, elem, m[k])
			}
		case p.Ref != "":
			if t, ok := c.s.Type(p.Ref); ok {
				c.object(path, t.Properties, t.Required, m)
			}
		}
	case TypeUnion:
		m, ok := asMap(v)
		if !ok {
			c.add(path, "expected object, got %s", JSONKind(v))
			return
		}
		dpath := join(path, p.Discriminator)
		d, present := m[p.Discriminator]
		if !present || d == nil {
			c.add(dpath, "required")
			return
		}
		if isUnknown(d) {
			return
		}
		ds, ok := d.(string)
		if !ok {
			c.add(dpath, "expected string, got %s", JSONKind(d))
			return
		}
		member, ok := p.OneOf[ds]
		if !ok {
			c.add(dpath, "unknown union member %q (allowed: %s)", ds, strings.Join(slices.Sorted(maps.Keys(p.OneOf)), ", "))
			return
		}
		if t, ok := c.s.Type(member); ok {
			c.object(path, t.Properties, t.Required, m)
		}
	case TypeAny:
		// anything goes
	}
}

func isUnknown(v any) bool {
	s, ok := v.(string)
	return ok && s == sig.UnknownStringValue
}

// Number returns v as a float64 when it is any Go number.
func Number(v any) (float64, bool) {
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

// JSONKind names the JSON type of a decoded value, for messages.
func JSONKind(v any) string {
	if v == nil {
		return "null"
	}
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
