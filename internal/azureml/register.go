package azureml

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// checker is the input checker with what it needs for constructors: the binding's unions. The
// values are never known there, so the schema's enums would have nothing to judge.
var checker = &azureschema.Checker{Unions: Unions}

var (
	inputType  = reflect.TypeFor[pulumi.Input]()
	outputType = reflect.TypeFor[pulumi.Output]()
)

// register is what every NewXxx does:
//
//  1. copy args (nil counts as empty) and fill in, on the copy, the discriminator of every union
//     member in it, at any depth (the ComputeType of an AmlComputeArgs in ComputeArgs.Properties);
//  2. check the copy with the input checker without reading any input value, which stays as it
//     was, secrets included: each input that is set counts as present but unknown, so what can be
//     reported is a required input or a union discriminator that is missing, at any depth; on a
//     problem nothing is registered;
//  3. register it under token with pulumi.Version(ProviderVersion) before the caller's options
//     (as the generated SDK's PkgResourceDefaultOpts does, so the caller can still override it)
//     and the token's secretOutputs after them.
func register[A any](ctx *pulumi.Context, token, name string, args *A, res pulumi.CustomResource, opts []pulumi.ResourceOption) error {
	var a A
	if args != nil {
		a = *args
	}
	filled, err := discriminate(reflect.ValueOf(a), nil, "")
	if err != nil {
		return fmt.Errorf("azureml: %s %q: %w", token, name, err)
	}
	in := filled.Interface().(pulumi.Input)
	values, _ := shape(filled).(map[string]any)
	if problems := checker.CheckType(plainOf(in), nil, values); len(problems) > 0 {
		msgs := make([]string, len(problems))
		for i, p := range problems {
			msgs[i] = p.String()
		}
		return fmt.Errorf("azureml: %s %q: %s", token, name, strings.Join(msgs, "; "))
	}
	opts = append([]pulumi.ResourceOption{pulumi.Version(ProviderVersion)}, opts...)
	if s := secretOutputs[token]; len(s) > 0 {
		opts = append(opts, pulumi.AdditionalSecretOutputs(s))
	}
	return ctx.RegisterResource(token, name, in, res, opts...)
}

// isArgs reports whether t is one of the binding's Args structs (or another input struct that is
// not an output).
func isArgs(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Implements(inputType) && !t.Implements(outputType)
}

func tagOf(f reflect.StructField) string { return strings.Split(f.Tag.Get("pulumi"), ",")[0] }

// discriminate returns v with the discriminator of every union member in it filled in: v itself
// is a member of u when u is not nil, and the union-typed fields of Args structs (Unions) hold
// members. Args structs, and the plain slices and maps holding them, are copied on the way, so the
// caller's stay as they were; input values are carried over unread. A discriminator already set
// to another member's value is an error.
func discriminate(v reflect.Value, u *azureschema.Union, path string) (reflect.Value, error) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v, nil
		}
		return discriminate(v.Elem(), u, path)
	case reflect.Pointer:
		if v.IsNil() || !isArgs(v.Elem().Type()) {
			return v, nil
		}
		c, err := discriminate(v.Elem(), u, path)
		p := reflect.New(c.Type())
		p.Elem().Set(c)
		return p, err
	case reflect.Struct:
		if !isArgs(v.Type()) {
			return v, nil
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		plain := plainOf(c.Interface().(pulumi.Input))
		for i := range c.NumField() {
			f, tag := c.Field(i), tagOf(c.Type().Field(i))
			if u != nil && tag == u.Discriminator && f.Kind() == reflect.String {
				if err := setDiscriminator(f, u, plain, join(path, tag)); err != nil {
					return v, err
				}
				continue
			}
			var fu *azureschema.Union
			if x, ok := Unions[plain][tag]; ok {
				fu = &x
			}
			nf, err := discriminate(f, fu, join(path, tag))
			if err != nil {
				return v, err
			}
			f.Set(nf)
		}
		return c, nil
	case reflect.Slice:
		if v.IsNil() || v.Type().Implements(inputType) {
			return v, nil // an input value such as a pulumi.StringArray
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			e, err := discriminate(v.Index(i), u, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return v, err
			}
			c.Index(i).Set(e)
		}
		return c, nil
	case reflect.Map:
		if v.IsNil() || v.Type().Implements(inputType) {
			return v, nil // an input value such as a pulumi.StringMap
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			e, err := discriminate(it.Value(), u, join(path, it.Key().String()))
			if err != nil {
				return v, err
			}
			c.SetMapIndex(it.Key(), e)
		}
		return c, nil
	}
	return v, nil
}

// setDiscriminator sets discriminator field f of a value whose plain struct is plain to the value
// that selects plain in u (when plain is one of u's members).
func setDiscriminator(f reflect.Value, u *azureschema.Union, plain reflect.Type, path string) error {
	for want, member := range u.Members {
		if member != plain {
			continue
		}
		switch f.String() {
		case "":
			f.SetString(want)
		case want:
		default:
			return fmt.Errorf("property %q: is %q, but the value is the %q member", path, f.String(), want)
		}
	}
	return nil
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// shape returns Args value v as the input checker's plain values without reading any input value:
// an Args struct becomes a map of its fields that are set, a plain Go string (a union
// discriminator) stays as it is, and any other input counts as present but unknown.
func shape(v reflect.Value) any {
	for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	t := v.Type()
	switch {
	case isArgs(t):
		m := map[string]any{}
		for i := range t.NumField() {
			if e := shape(v.Field(i)); e != nil {
				m[tagOf(t.Field(i))] = e
			}
		}
		return m
	case t.Implements(inputType):
		return sig.UnknownStringValue
	case t.Kind() == reflect.String:
		if v.Len() == 0 {
			return nil
		}
		return v.String()
	case t.Kind() == reflect.Slice:
		if v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = shape(v.Index(i))
		}
		return out
	case t.Kind() == reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := map[string]any{}
		for it := v.MapRange(); it.Next(); {
			out[it.Key().String()] = shape(it.Value())
		}
		return out
	}
	return sig.UnknownStringValue
}
