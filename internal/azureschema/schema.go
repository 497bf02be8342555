// Package azureschema holds what the azure-native provider (plugin 2.92.3) accepts for the tokens
// amlvnet registers by hand, and a few more: the schema data in data/azure-native-v2.json (see
// data/README.md for where it comes from), embedded in the package. It answers which inputs and
// outputs a resource token has, which fields a nested type requires, which values an enum allows,
// and which member of a union a discriminator selects.
//
// All names are Pulumi names (camelCase, ARM "properties" envelopes flattened), not ARM JSON paths.
package azureschema

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
)

//go:embed data/azure-native-v2.json
var data []byte

// Default returns the embedded schema data, decoded once. The data is part of the source tree and
// its tests decode it, so a failure here means a broken checkout: it panics.
var Default = sync.OnceValue(func() *Schema {
	s, err := Parse(data)
	if err != nil {
		panic("azureschema: embedded data/azure-native-v2.json: " + err.Error())
	}
	return s
})

// Property types as they appear in the "type" field of the file.
const (
	TypeString  = "string"
	TypeInteger = "integer"
	TypeNumber  = "number"
	TypeBoolean = "boolean"
	TypeObject  = "object" // with Ref: a nested type; with AdditionalProperties: a string-keyed map
	TypeArray   = "array"
	TypeEnum    = "enum"
	TypeUnion   = "union"
	TypeAny     = "any"
	// TypeStringMap appears on a few outputs ("map<string,string>") instead of an object with
	// additionalProperties.
	TypeStringMap = "map<string,string>"
)

// Schema is the whole file.
type Schema struct {
	Provider string `json:"provider"`
	// Version is the azure-native version the data was extracted from.
	Version string `json:"version"`
	// Resources by type token, e.g. "azure-native:machinelearningservices:Compute".
	Resources map[string]*Resource `json:"resources"`
	// Types are the nested input types by token.
	Types map[string]*ObjectType `json:"types"`
	// OutputTypes are the few expanded response types by token.
	OutputTypes map[string]*ObjectType `json:"outputTypes"`
}

// Resource describes one resource token.
type Resource struct {
	// Token is the resource's type token (filled in by Load).
	Token            string               `json:"-"`
	APIVersion       string               `json:"apiVersion"`
	RequiredInputs   []string             `json:"requiredInputs"`
	ReplaceOnChanges []string             `json:"replaceOnChanges"`
	Notes            []string             `json:"notes"`
	Inputs           map[string]*Property `json:"inputs"`
	Outputs          map[string]*Property `json:"outputs"`
}

// ObjectType is a nested type: an input type from "types" or a response type from "outputTypes".
type ObjectType struct {
	// Token is the type's token (filled in by Load).
	Token       string               `json:"-"`
	Description string               `json:"description"`
	Properties  map[string]*Property `json:"properties"`
	// Required lists the properties that must be present (input types only).
	Required []string `json:"required"`
}

// Property describes one input or output property, or the items/values of an array/map.
type Property struct {
	// Type is one of the Type* constants.
	Type        string `json:"type"`
	Description string `json:"description"`
	// Ref is the token of a nested type (in Types for inputs, OutputTypes for outputs).
	Ref string `json:"ref"`
	// ResponseType names a response type that the file does not expand.
	ResponseType string `json:"responseType"`
	// Items is the element of an array.
	Items *Property `json:"items"`
	// AdditionalProperties is the value of a string-keyed map.
	AdditionalProperties *Property `json:"additionalProperties"`
	// Enum lists the allowed values of an enum; EnumType is its token. Unless StrictEnum is set,
	// any string is accepted (Azure models these enums as strings).
	Enum       []string `json:"enum"`
	EnumType   string   `json:"enumType"`
	StrictEnum bool     `json:"strictEnum"`
	// Const is the fixed value of a union discriminator.
	Const string `json:"const"`
	// Default is the value the generated SDK fills in client-side (not the provider).
	Default any `json:"default"`
	// Discriminator and OneOf describe a union: OneOf maps a discriminator value to a member type
	// token. Output unions may carry a non-token "(others)" entry.
	Discriminator string            `json:"discriminator"`
	OneOf         map[string]string `json:"oneOf"`
	// Required and ReplaceOnChanges are set on resource inputs only.
	Required         bool `json:"required"`
	ReplaceOnChanges bool `json:"replaceOnChanges"`
	// AlwaysSet marks outputs that the Go SDK types as non-optional.
	AlwaysSet bool `json:"alwaysSet"`
	// Secret marks values Azure treats as secrets; WriteOnly, values Azure never returns.
	Secret    bool `json:"secret"`
	WriteOnly bool `json:"writeOnly"`
}

// IsMap reports whether p is a string-keyed map.
func (p *Property) IsMap() bool {
	return p.Type == TypeStringMap || (p.Type == TypeObject && p.AdditionalProperties != nil)
}

// MapValue returns the property describing the values of a map (a string for "map<string,string>");
// nil when p is nil or not a map.
func (p *Property) MapValue() *Property {
	if p == nil {
		return nil
	}
	if p.AdditionalProperties != nil {
		return p.AdditionalProperties
	}
	if p.Type == TypeStringMap {
		return &Property{Type: TypeString}
	}
	return nil
}

// Parse decodes a schema document.
func Parse(data []byte) (*Schema, error) {
	var s Schema
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, err
	}
	if len(s.Resources) == 0 {
		return nil, errors.New("no resources in schema")
	}
	for tok, r := range s.Resources {
		if r == nil {
			return nil, fmt.Errorf("resource %s is null", tok)
		}
		r.Token = tok
	}
	for _, m := range []map[string]*ObjectType{s.Types, s.OutputTypes} {
		for tok, t := range m {
			if t == nil {
				return nil, fmt.Errorf("type %s is null", tok)
			}
			t.Token = tok
		}
	}
	return &s, nil
}

// Resource returns the resource with the given token.
func (s *Schema) Resource(token string) (*Resource, bool) {
	r, ok := s.Resources[token]
	return r, ok
}

// Type returns the nested type with the given token, looking in Types first, then OutputTypes.
func (s *Schema) Type(token string) (*ObjectType, bool) {
	if t, ok := s.Types[token]; ok {
		return t, true
	}
	t, ok := s.OutputTypes[token]
	return t, ok
}

// UnionMember returns the member type token that the discriminator value selects in union p.
func (s *Schema) UnionMember(p *Property, value string) (string, bool) {
	if p == nil || p.Type != TypeUnion {
		return "", false
	}
	tok, ok := p.OneOf[value]
	if !ok {
		return "", false
	}
	_, known := s.Type(tok)
	return tok, known
}

// Enums returns every enum in the schema keyed by its enum type token, with the union of the
// values listed wherever that enum type is used.
func (s *Schema) Enums() map[string][]string {
	out := map[string][]string{}
	var walk func(p *Property)
	walk = func(p *Property) {
		if p == nil {
			return
		}
		if p.Type == TypeEnum && p.EnumType != "" {
			for _, v := range p.Enum {
				if !slices.Contains(out[p.EnumType], v) {
					out[p.EnumType] = append(out[p.EnumType], v)
				}
			}
		}
		walk(p.Items)
		walk(p.AdditionalProperties)
	}
	for _, r := range s.Resources {
		for _, p := range r.Inputs {
			walk(p)
		}
		for _, p := range r.Outputs {
			walk(p)
		}
	}
	for _, m := range []map[string]*ObjectType{s.Types, s.OutputTypes} {
		for _, t := range m {
			for _, p := range t.Properties {
				walk(p)
			}
		}
	}
	return out
}

// IsRequiredInput reports whether the resource input name is required (listed in requiredInputs
// or flagged required on the property).
func (r *Resource) IsRequiredInput(name string) bool {
	if slices.Contains(r.RequiredInputs, name) {
		return true
	}
	p, ok := r.Inputs[name]
	return ok && p.Required
}

// RequiredInputNames returns the sorted names of all required inputs.
func (r *Resource) RequiredInputNames() []string {
	var names []string
	for n := range r.Inputs {
		if r.IsRequiredInput(n) {
			names = append(names, n)
		}
	}
	for _, n := range r.RequiredInputs {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// IsRequired reports whether the type requires property name.
func (t *ObjectType) IsRequired(name string) bool {
	return slices.Contains(t.Required, name)
}
