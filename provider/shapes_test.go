package main

// What pulumi-go-provider v1.5.0 (infer) with sdk v3.274.1 makes of the
// shapes a component's args can take: the schema it declares, and what
// Construct (the SDK's ConstructInputs.CopyTo) puts into the Go struct.
// The spec types of the components must keep to the shapes that work; a
// new version of either library that changes one of these fails here.

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi-go-provider/integration"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type shapeNested struct {
	A string `pulumi:"a"`
	B *int   `pulumi:"b,optional"`
}

func (n *shapeNested) Annotate(a infer.Annotator) { a.SetToken("index", "ShapeNested") }

type shapeNestedInput struct {
	ID pulumi.StringInput `pulumi:"id"`
}

func (n *shapeNestedInput) Annotate(a infer.Annotator) {
	a.SetToken("index", "ShapeNestedInput")
	a.Describe(n, "A nested type.")
	a.Describe(&n.ID, "A nested input.")
}

type shapeStringList []string

type shapeEmbedded struct {
	E string `pulumi:"e"`
}

type shapeArgs struct {
	shapeEmbedded
	S      string                  `pulumi:"s,optional"`
	B      bool                    `pulumi:"b,optional"`
	I      int                     `pulumi:"i,optional"`
	PI     *int                    `pulumi:"pi,optional"`
	SL     []string                `pulumi:"sl,optional"`
	IL     []int                   `pulumi:"il,optional"`
	M      map[string]string       `pulumi:"m,optional"`
	Named  shapeStringList         `pulumi:"named,optional"`
	N      *shapeNested            `pulumi:"n,optional"`
	NL     []shapeNested           `pulumi:"nl,optional"`
	In     pulumi.StringInput      `pulumi:"in,optional"`
	Secret pulumi.StringInput      `pulumi:"secret,optional" provider:"secret"`
	SA     pulumi.StringArrayInput `pulumi:"sa,optional"`
	NI     *shapeNestedInput       `pulumi:"ni,optional"`
	NIL    []shapeNestedInput      `pulumi:"nil,optional"`
}

func (a *shapeArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.S, "A plain string.")
	an.Describe(&a.E, "A field of the embedded struct.")
	an.Describe(&a.NL, "A list of nested structs.")
}

type shape struct {
	pulumi.ResourceState
	O  pulumi.StringOutput      `pulumi:"o"`
	OA pulumi.StringArrayOutput `pulumi:"oa"`
	OM pulumi.StringMapOutput   `pulumi:"om"`
	ON shapeNested              `pulumi:"on"`
}

func (s *shape) Annotate(a infer.Annotator) {
	a.SetToken("index", "Shape")
	a.Describe(s, "A component.")
	a.Describe(&s.O, "An output.")
}

// shapes serves one component whose constructor hands its args to got.
func shapes(t *testing.T, got *shapeArgs) integration.Server {
	t.Helper()
	prov, err := infer.NewProviderBuilder().WithComponents(infer.ComponentF(
		func(ctx *pulumi.Context, name string, args shapeArgs, opts ...pulumi.ResourceOption) (*shape, error) {
			*got = args
			c := &shape{}
			if err := ctx.RegisterComponentResource("amlvnet:index:Shape", name, c, opts...); err != nil {
				return nil, err
			}
			c.O = pulumi.String("o").ToStringOutput()
			c.OA = pulumi.ToStringArray([]string{"a"}).ToStringArrayOutput()
			c.OM = pulumi.ToStringMap(map[string]string{"k": "v"}).ToStringMapOutput()
			c.ON = shapeNested{A: "n"}
			return c, nil
		})).Build()
	if err != nil {
		t.Fatal(err)
	}
	return serve(t, prov, &recorder{})
}

const shapeURN = presource.URN("urn:pulumi:test::proj::amlvnet:index:Shape::s")

// fromResource marks v as an output of another resource, as the engine
// sends a value computed from one.
func fromResource(v property.Value) property.Value {
	return v.WithDependencies([]presource.URN{"urn:pulumi:test::proj::azure-native:resources:ResourceGroup::rg"})
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestShapesSchema(t *testing.T) {
	var got shapeArgs
	s := schemaOf(t, shapes(t, &got))
	res := s["resources"].(map[string]any)["amlvnet:index:Shape"].(map[string]any)
	in := res["inputProperties"].(map[string]any)
	for name, want := range map[string]string{
		// Plain Go values are plain inputs; a slice or map is plain only
		// in its elements, so SDKs accept an Output for the whole list.
		"s":     `{"description":"A plain string.","plain":true,"type":"string"}`,
		"pi":    `{"plain":true,"type":"integer"}`,
		"sl":    `{"items":{"plain":true,"type":"string"},"type":"array"}`,
		"named": `{"items":{"plain":true,"type":"string"},"type":"array"}`,
		"m":     `{"additionalProperties":{"plain":true,"type":"string"},"type":"object"}`,
		// A nested struct is a type reference, never plain, and so are its
		// fields (in "types").
		"n":  `{"$ref":"#/types/amlvnet:index:ShapeNested"}`,
		"nl": `{"description":"A list of nested structs.","items":{"$ref":"#/types/amlvnet:index:ShapeNested"},"type":"array"}`,
		// Inputs are not plain; secret comes from the provider tag; an
		// array input's elements are marked plain all the same.
		"in":     `{"type":"string"}`,
		"secret": `{"secret":true,"type":"string"}`,
		"sa":     `{"items":{"plain":true,"type":"string"},"type":"array"}`,
		// The embedded struct's fields are flattened into the args, with
		// the descriptions of its own Annotate.
		"e": `{"description":"A field of the embedded struct.","plain":true,"type":"string"}`,
	} {
		if got := jsonOf(in[name]); got != want {
			t.Errorf("input %q: schema %s, want %s", name, got, want)
		}
	}
	types := s["types"].(map[string]any)
	for token, want := range map[string]string{
		"amlvnet:index:ShapeNested":      `{"properties":{"a":{"type":"string"},"b":{"type":"integer"}},"required":["a"],"type":"object"}`,
		"amlvnet:index:ShapeNestedInput": `{"description":"A nested type.","properties":{"id":{"description":"A nested input.","type":"string"}},"required":["id"],"type":"object"}`,
	} {
		if got := jsonOf(types[token]); got != want {
			t.Errorf("type %s: schema %s, want %s", token, got, want)
		}
	}
	if res["description"] != "A component." {
		t.Errorf("component description %v", res["description"])
	}
	out := res["properties"].(map[string]any)
	for name, want := range map[string]string{
		"o":  `{"description":"An output.","type":"string"}`,
		"oa": `{"items":{"plain":true,"type":"string"},"type":"array"}`,
		"om": `{"additionalProperties":{"plain":true,"type":"string"},"type":"object"}`,
		"on": `{"$ref":"#/types/amlvnet:index:ShapeNested"}`,
	} {
		if got := jsonOf(out[name]); got != want {
			t.Errorf("output %q: schema %s, want %s", name, got, want)
		}
	}
}

func construct(t *testing.T, in map[string]property.Value) (shapeArgs, error) {
	t.Helper()
	var got shapeArgs
	_, err := shapes(t, &got).Construct(p.ConstructRequest{Urn: shapeURN, Inputs: property.NewMap(in)})
	return got, err
}

func TestShapesConstruct(t *testing.T) {
	num := func(n float64) property.Value { return property.New(n) }
	arr := func(vs ...property.Value) property.Value { return property.New(property.NewArray(vs)) }

	t.Run("plain values are copied", func(t *testing.T) {
		got, err := construct(t, map[string]property.Value{
			"s": property.New("x"), "b": property.New(true), "i": num(3), "pi": num(4),
			"sl": list("a", "b"), "il": arr(num(1)), "m": obj(map[string]property.Value{"k": property.New("v")}),
			"named": list("n"), "n": obj(map[string]property.Value{"a": property.New("y"), "b": num(2)}),
			"nl": arr(obj(map[string]property.Value{"a": property.New("z")})),
		})
		if err != nil {
			t.Fatal(err)
		}
		if got.S != "x" || !got.B || got.I != 3 || got.PI == nil || *got.PI != 4 || len(got.SL) != 2 || got.IL[0] != 1 ||
			got.M["k"] != "v" || got.Named[0] != "n" || got.N == nil || got.N.A != "y" || *got.N.B != 2 || got.NL[0].A != "z" {
			t.Errorf("copied %+v", got)
		}
	})
	t.Run("inputs, also inside nested structs and list elements, take outputs of other resources and secrets", func(t *testing.T) {
		got, err := construct(t, map[string]property.Value{
			"in":     fromResource(property.New("rg")),
			"secret": property.New("s3cr3t").WithSecret(true),
			"ni":     obj(map[string]property.Value{"id": fromResource(property.New("id1"))}),
			"nil":    arr(obj(map[string]property.Value{"id": fromResource(property.New("id2"))})),
		})
		if err != nil {
			t.Fatal(err)
		}
		if got.In == nil || got.Secret == nil || got.NI == nil || got.NI.ID == nil || len(got.NIL) != 1 || got.NIL[0].ID == nil {
			t.Errorf("copied %+v", got)
		}
	})
	// A plain field refuses a value computed from another resource, or a
	// secret, with an error that names the input but not the cause. YAML
	// sends both to plain inputs (it does not enforce "plain").
	for name, v := range map[string]property.Value{
		"an output of another resource": fromResource(property.New("x")),
		"a secret":                      property.New("x").WithSecret(true),
		"an unknown during preview":     fromResource(property.New(property.Computed)),
	} {
		t.Run("a plain field refuses "+name, func(t *testing.T) {
			_, err := construct(t, map[string]property.Value{"s": v})
			if err == nil || !strings.Contains(err.Error(), `copying input "s": expected destination type to implement pulumi.Input or pulumi.Output, got string`) {
				t.Errorf("got %v", err)
			}
		})
	}
	t.Run("a plain field in a list element refuses an output of another resource", func(t *testing.T) {
		_, err := construct(t, map[string]property.Value{"nl": arr(obj(map[string]property.Value{"a": fromResource(property.New("x"))}))})
		if err == nil || !strings.Contains(err.Error(), `copying input "nl"`) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("a wrong type names the first input only", func(t *testing.T) {
		_, err := construct(t, map[string]property.Value{"i": property.New("three")})
		if err == nil || !strings.Contains(err.Error(), `copying input "i": unmarshaling value: expected an int, got a string`) {
			t.Errorf("got %v", err)
		}
	})
	// The schema flattens an embedded struct, but CopyTo walks only the
	// top-level fields: the embedded fields stay empty. Spec types must
	// not embed.
	t.Run("an embedded struct's fields are silently left empty", func(t *testing.T) {
		got, err := construct(t, map[string]property.Value{"e": property.New("lost"), "s": property.New("kept")})
		if err != nil {
			t.Fatal(err)
		}
		if got.E != "" || got.S != "kept" {
			t.Errorf("copied E=%q S=%q", got.E, got.S)
		}
	})
}

// TestShapesMarkPlain: fixSchema makes plain, as a whole, every
// input whose Go type refuses an Output, and nothing else.
func TestShapesMarkPlain(t *testing.T) {
	var got shapeArgs
	raw, err := shapes(t, &got).GetSchema(p.GetSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	marked, err := fixSchema(raw.Schema, map[string]goTypes{"amlvnet:index:Shape": {reflect.TypeFor[shapeArgs](), reflect.TypeFor[shape]()}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(marked), &s); err != nil {
		t.Fatal(err)
	}
	in := s["resources"].(map[string]any)["amlvnet:index:Shape"].(map[string]any)["inputProperties"].(map[string]any)
	for name, want := range map[string]string{
		"s":     `{"description":"A plain string.","plain":true,"type":"string"}`,
		"sl":    `{"items":{"plain":true,"type":"string"},"plain":true,"type":"array"}`,
		"named": `{"items":{"plain":true,"type":"string"},"plain":true,"type":"array"}`,
		"m":     `{"additionalProperties":{"plain":true,"type":"string"},"plain":true,"type":"object"}`,
		"n":     `{"$ref":"#/types/amlvnet:index:ShapeNested","plain":true}`,
		"nl":    `{"description":"A list of nested structs.","items":{"$ref":"#/types/amlvnet:index:ShapeNested","plain":true},"plain":true,"type":"array"}`,
		"in":    `{"type":"string"}`,
		"sa":    `{"items":{"plain":true,"type":"string"},"type":"array"}`,
		// A plain struct holding an input is plain; its input field is not.
		"ni": `{"$ref":"#/types/amlvnet:index:ShapeNestedInput","plain":true}`,
	} {
		if got := jsonOf(in[name]); got != want {
			t.Errorf("input %q: schema %s, want %s", name, got, want)
		}
	}
	types := s["types"].(map[string]any)
	for token, want := range map[string]string{
		"amlvnet:index:ShapeNested":      `{"properties":{"a":{"plain":true,"type":"string"},"b":{"plain":true,"type":"integer"}},"required":["a"],"type":"object"}`,
		"amlvnet:index:ShapeNestedInput": `{"description":"A nested type.","properties":{"id":{"description":"A nested input.","type":"string"}},"required":["id"],"type":"object"}`,
	} {
		if got := jsonOf(types[token]); got != want {
			t.Errorf("type %s: schema %s, want %s", token, got, want)
		}
	}
	if _, err := fixSchema(raw.Schema, map[string]goTypes{}, nil); err == nil {
		t.Error("a component without its args type was accepted")
	}
}
