package azureml

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

const mls = "azure-native:machinelearningservices:"

// inputTypeTokens maps each plain input struct to its schema type token.
var inputTypeTokens = map[reflect.Type]string{
	reflect.TypeOf(ManagedServiceIdentity{}):         mls + "ManagedServiceIdentity",
	reflect.TypeOf(Sku{}):                            mls + "Sku",
	reflect.TypeOf(AmlCompute{}):                     mls + "AmlCompute",
	reflect.TypeOf(AmlComputeProperties{}):           mls + "AmlComputeProperties",
	reflect.TypeOf(ScaleSettings{}):                  mls + "ScaleSettings",
	reflect.TypeOf(ResourceId{}):                     mls + "ResourceId",
	reflect.TypeOf(UserAccountCredentials{}):         mls + "UserAccountCredentials",
	reflect.TypeOf(VirtualMachineImage{}):            mls + "VirtualMachineImage",
	reflect.TypeOf(AKS{}):                            mls + "AKS",
	reflect.TypeOf(AKSSchemaProperties{}):            mls + "AKSSchemaProperties",
	reflect.TypeOf(AksNetworkingConfiguration{}):     mls + "AksNetworkingConfiguration",
	reflect.TypeOf(SslConfiguration{}):               mls + "SslConfiguration",
	reflect.TypeOf(VirtualMachine{}):                 mls + "VirtualMachine",
	reflect.TypeOf(VirtualMachineSchemaProperties{}): mls + "VirtualMachineSchemaProperties",
	reflect.TypeOf(HDInsight{}):                      mls + "HDInsight",
	reflect.TypeOf(HDInsightProperties{}):            mls + "HDInsightProperties",
	reflect.TypeOf(VirtualMachineSshCredentials{}):   mls + "VirtualMachineSshCredentials",
}

// outputTypeTokens maps each response struct to its schema output type token.
var outputTypeTokens = map[reflect.Type]string{
	reflect.TypeOf(ManagedServiceIdentityResponse{}): mls + "ManagedServiceIdentityResponse",
	reflect.TypeOf(UserAssignedIdentityResponse{}):   mls + "UserAssignedIdentityResponse",
	reflect.TypeOf(NotebookResourceInfoResponse{}):   mls + "NotebookResourceInfoResponse",
}

// allArgs lists every Args struct of the package.
var allArgs = []pulumi.Input{
	WorkspaceArgs{}, ComputeArgs{},
	ManagedServiceIdentityArgs{}, SkuArgs{},
	AmlComputeArgs{}, AmlComputePropertiesArgs{}, ScaleSettingsArgs{}, ResourceIdArgs{},
	UserAccountCredentialsArgs{}, VirtualMachineImageArgs{},
	AKSArgs{}, AKSSchemaPropertiesArgs{}, AksNetworkingConfigurationArgs{}, SslConfigurationArgs{},
	VirtualMachineArgs{}, VirtualMachineSchemaPropertiesArgs{},
	HDInsightArgs{}, HDInsightPropertiesArgs{}, VirtualMachineSshCredentialsArgs{},
}

// Compile-time checks that Args values satisfy the input interfaces users will put them in.
var (
	_ ManagedServiceIdentityPtrInput         = &ManagedServiceIdentityArgs{}
	_ SkuPtrInput                            = SkuArgs{}
	_ AmlComputePropertiesPtrInput           = &AmlComputePropertiesArgs{}
	_ ScaleSettingsPtrInput                  = &ScaleSettingsArgs{}
	_ ResourceIdPtrInput                     = &ResourceIdArgs{}
	_ UserAccountCredentialsPtrInput         = &UserAccountCredentialsArgs{}
	_ VirtualMachineImagePtrInput            = &VirtualMachineImageArgs{}
	_ AKSSchemaPropertiesPtrInput            = &AKSSchemaPropertiesArgs{}
	_ AksNetworkingConfigurationPtrInput     = &AksNetworkingConfigurationArgs{}
	_ SslConfigurationPtrInput               = &SslConfigurationArgs{}
	_ VirtualMachineSchemaPropertiesPtrInput = &VirtualMachineSchemaPropertiesArgs{}
	_ HDInsightPropertiesPtrInput            = &HDInsightPropertiesArgs{}
	_ VirtualMachineSshCredentialsPtrInput   = VirtualMachineSshCredentialsPtr(&VirtualMachineSshCredentialsArgs{})
	_ AmlComputeInput                        = AmlComputeArgs{}
	_ AKSInput                               = AKSArgs{}
	_ VirtualMachineInput                    = VirtualMachineArgs{}
	_ HDInsightInput                         = HDInsightArgs{}
	_ pulumi.StringPtrInput                  = PublicNetworkAccessDisabled
	_ pulumi.StringInput                     = ManagedServiceIdentityTypeSystemAssigned
	_ WorkspaceInput                         = &Workspace{}
	_ ComputeInput                           = &Compute{}
)

func tagOf(f reflect.StructField) string {
	return strings.Split(f.Tag.Get("pulumi"), ",")[0]
}

// inputElem returns the plain type an Args field of type t marshals as: the element type of the
// output its To...Output method returns, interface{} for pulumi.Input, and t itself for plain
// (non-interface) fields.
func inputElem(t reflect.Type) (reflect.Type, bool) {
	if t.Kind() != reflect.Interface {
		return t, true
	}
	if t == reflect.TypeOf((*pulumi.Input)(nil)).Elem() {
		return reflect.TypeOf((*interface{})(nil)).Elem(), true
	}
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		if strings.HasPrefix(m.Name, "To") && strings.HasSuffix(m.Name, "Output") &&
			m.Type.NumIn() == 0 && m.Type.NumOut() == 1 {
			out, ok := reflect.Zero(m.Type.Out(0)).Interface().(pulumi.Output)
			if !ok {
				return nil, false
			}
			return out.ElementType(), true
		}
	}
	return nil, false
}

// outputElem returns the element type of a resource output field type.
func outputElem(t reflect.Type) (reflect.Type, bool) {
	out, ok := reflect.Zero(t).Interface().(pulumi.Output)
	if !ok {
		return nil, false
	}
	return out.ElementType(), true
}

// TestArgsMatchPlainTypes checks, without the schema, that every Args struct lines up with its
// plain struct (the engine maps fields by name): same field names, same tags, and each input
// field type marshals as the plain field's type.
func TestArgsMatchPlainTypes(t *testing.T) {
	for _, a := range allArgs {
		at := reflect.TypeOf(a)
		pt := plainOf(a)
		if at.NumField() != pt.NumField() {
			t.Errorf("%v has %d fields, its plain type %v has %d", at, at.NumField(), pt, pt.NumField())
		}
		for i := 0; i < at.NumField(); i++ {
			f := at.Field(i)
			pf, ok := pt.FieldByName(f.Name)
			if !ok {
				t.Errorf("%v.%s: no field of that name in %v", at, f.Name, pt)
				continue
			}
			if tagOf(f) != tagOf(pf) || tagOf(pf) == "" {
				t.Errorf("%v.%s: tag %q, plain tag %q", at, f.Name, tagOf(f), tagOf(pf))
			}
			elem, ok := inputElem(f.Type)
			if !ok {
				t.Errorf("%v.%s: cannot tell what %v marshals as", at, f.Name, f.Type)
				continue
			}
			if elem != pf.Type {
				t.Errorf("%v.%s: %v marshals as %v, plain field is %v", at, f.Name, f.Type, elem, pf.Type)
			}
		}
	}
}

func loadSchema(t *testing.T) *azureschema.Schema {
	t.Helper()
	return azureschema.Default()
}

type conformance struct {
	t       *testing.T
	s       *azureschema.Schema
	visited map[reflect.Type]bool
	enums   map[string]bool // enum type tokens reached from our fields
}

// object checks the tagged fields of a plain struct against schema properties. For inputs,
// value (non-pointer) scalar/struct fields must be exactly the required ones; for outputs, they
// must be exactly the alwaysSet ones among the fields we declare.
func (c *conformance) object(where string, gt reflect.Type, props map[string]*azureschema.Property, required func(string) bool, output bool) {
	seen := map[string]bool{}
	for i := 0; i < gt.NumField(); i++ {
		f := gt.Field(i)
		if f.Anonymous {
			continue
		}
		name := tagOf(f)
		if name == "" {
			continue
		}
		seen[name] = true
		path := where + "." + name
		p, ok := props[name]
		if !ok {
			c.t.Errorf("%s: field %s has tag %q, which the schema does not list", path, f.Name, name)
			continue
		}
		ft := f.Type
		if output {
			if e, ok := outputElem(ft); ok {
				ft = e
			}
		}
		c.kind(path, ft, p, output)
		valueField := requiredKind(ft)
		if output {
			if valueField != p.AlwaysSet && ft.Kind() != reflect.Map && ft.Kind() != reflect.Slice && ft.Kind() != reflect.Interface {
				c.t.Errorf("%s: Go type %v but schema alwaysSet=%v", path, ft, p.AlwaysSet)
			}
		} else if valueField != required(name) {
			c.t.Errorf("%s: Go type %v but schema required=%v", path, ft, required(name))
		}
	}
	if !output {
		var names []string
		for n := range props {
			if required(n) {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		for _, n := range names {
			if !seen[n] {
				c.t.Errorf("%s.%s: required by the schema but no field carries it", where, n)
			}
		}
	}
}

// kind checks that Go type gt (after one pointer) matches schema property p, recursing into
// items, map values and referenced types.
func (c *conformance) kind(path string, gt reflect.Type, p *azureschema.Property, output bool) {
	if gt.Kind() == reflect.Pointer {
		gt = gt.Elem()
	}
	want := map[string]reflect.Kind{
		azureschema.TypeString:  reflect.String,
		azureschema.TypeEnum:    reflect.String,
		azureschema.TypeInteger: reflect.Int,
		azureschema.TypeNumber:  reflect.Float64,
		azureschema.TypeBoolean: reflect.Bool,
		azureschema.TypeAny:     reflect.Interface,
		azureschema.TypeUnion:   reflect.Interface,
		azureschema.TypeArray:   reflect.Slice,
	}
	if p.Type == azureschema.TypeEnum {
		c.enums[p.EnumType] = true
	}
	if output && p.Type == azureschema.TypeUnion && gt == reflect.TypeOf(ComputePropertiesResponse{}) {
		return // the typed common part of the response union, checked member by member below
	}
	if k, ok := want[p.Type]; ok {
		if gt.Kind() != k {
			c.t.Errorf("%s: Go kind %v, schema type %s", path, gt.Kind(), p.Type)
			return
		}
		if p.Type == azureschema.TypeArray && p.Items != nil {
			c.kind(path+"[]", gt.Elem(), p.Items, output)
		}
		return
	}
	switch {
	case p.IsMap():
		if gt.Kind() != reflect.Map || gt.Key().Kind() != reflect.String {
			c.t.Errorf("%s: Go type %v, schema has a string-keyed map", path, gt)
			return
		}
		c.kind(path+"{}", gt.Elem(), p.MapValue(), output)
	case p.Type == azureschema.TypeObject && p.Ref != "":
		if gt.Kind() != reflect.Struct {
			c.t.Errorf("%s: Go type %v, schema has object %s", path, gt, p.Ref)
			return
		}
		tokens := inputTypeTokens
		if output {
			tokens = outputTypeTokens
		}
		tok, ok := tokens[gt]
		if !ok {
			c.t.Errorf("%s: Go type %v is not mapped to a schema type (want %s)", path, gt, p.Ref)
			return
		}
		if tok != p.Ref {
			c.t.Errorf("%s: Go type %v is %s, schema wants %s", path, gt, tok, p.Ref)
			return
		}
		c.typ(gt, tok, output)
	default:
		c.t.Errorf("%s: schema type %q (ref %q, responseType %q) is not representable here",
			path, p.Type, p.Ref, p.ResponseType)
	}
}

// typ checks plain struct gt against schema type tok once.
func (c *conformance) typ(gt reflect.Type, tok string, output bool) {
	if c.visited[gt] {
		return
	}
	c.visited[gt] = true
	st, ok := c.s.Type(tok)
	if !ok {
		c.t.Errorf("%v: schema type %s missing", gt, tok)
		return
	}
	c.object(tok, gt, st.Properties, st.IsRequired, output)
}

// TestSchemaConformance checks the binding against shared/azure-native-v2/schema-subset.json:
// every pulumi tag of every Args/plain/output struct exists in the schema for that token or
// type; Go kinds match the schema types (string/enum, integer, number, boolean, object ref, array,
// map, union/any); value fields are exactly the required inputs (and alwaysSet outputs); every
// schema-required input has a field; union members and discriminator constants match oneOf; and
// every enum constant declared in the package is in the schema's list for that enum, which in
// turn is fully covered.
func TestSchemaConformance(t *testing.T) {
	s := loadSchema(t)
	c := &conformance{t: t, s: s, visited: map[reflect.Type]bool{}, enums: map[string]bool{}}

	resources := []struct {
		token      string
		apiVersion string
		args       pulumi.Input
		res        reflect.Type
	}{
		{WorkspaceToken, APIVersion, WorkspaceArgs{}, reflect.TypeOf((*Workspace)(nil)).Elem()},
		{ComputeToken, APIVersion, ComputeArgs{}, reflect.TypeOf((*Compute)(nil)).Elem()},
		{UserAssignedIdentityToken, IdentityAPIVersion, UserAssignedIdentityArgs{}, reflect.TypeOf((*UserAssignedIdentity)(nil)).Elem()},
	}
	for _, r := range resources {
		sr, ok := s.Resource(r.token)
		if !ok {
			t.Fatalf("%s not in schema", r.token)
		}
		if sr.APIVersion != r.apiVersion {
			t.Errorf("%s: schema API version %s, binding says %s", r.token, sr.APIVersion, r.apiVersion)
		}
		c.object(r.token+" inputs", plainOf(r.args), sr.Inputs, sr.IsRequiredInput, false)
		c.object(r.token+" outputs", r.res, sr.Outputs, func(string) bool { return false }, true)
	}

	// The Compute properties union: members, discriminators, and each member's type.
	compute, _ := s.Resource(ComputeToken)
	union := compute.Inputs["properties"]
	if union.Discriminator != ComputeProperties.Discriminator {
		t.Errorf("Compute properties: schema discriminator %q, binding %q", union.Discriminator, ComputeProperties.Discriminator)
	}
	for computeType, pt := range ComputeProperties.Members {
		tok := inputTypeTokens[pt]
		if got, ok := s.UnionMember(union, computeType); !ok || got != tok {
			t.Errorf("union member %q: schema gives %q, binding uses %v (%s)", computeType, got, pt, tok)
		}
		st, _ := s.Type(tok)
		if st == nil || st.Properties[union.Discriminator] == nil || st.Properties[union.Discriminator].Const != computeType {
			t.Errorf("%s: discriminator const is not %q", tok, computeType)
		}
		if f, ok := pt.FieldByName("ComputeType"); !ok || f.Type.Kind() != reflect.String || tagOf(f) != union.Discriminator {
			t.Errorf("%v: no plain string discriminator field tagged %q", pt, union.Discriminator)
		}
		c.typ(pt, tok, false)
	}

	// The Compute properties output: each field must exist, with the same kind and alwaysSet, in
	// every expanded member of the response union.
	outUnion := compute.Outputs["properties"]
	rt := reflect.TypeOf(ComputePropertiesResponse{})
	members := 0
	for key, tok := range outUnion.OneOf {
		ot, ok := s.OutputTypes[tok]
		if !ok {
			continue // "(others)": not expanded in the file
		}
		members++
		props := map[string]*azureschema.Property{}
		for n, p := range ot.Properties {
			props[n] = p
		}
		// The member-specific "properties" object is left untyped (interface{}) on purpose.
		props["properties"] = &azureschema.Property{Type: azureschema.TypeAny}
		c.object("Compute outputs properties("+key+")", rt, props, func(string) bool { return false }, true)
	}
	if members < 4 {
		t.Errorf("only %d expanded members in the Compute properties output union", members)
	}

	// Enum constants declared in the package against the schema's enum lists.
	declared := declaredEnums(t)
	schemaEnums := s.Enums()
	for goType, values := range declared {
		tok := mls + goType
		allowed, ok := schemaEnums[tok]
		if !ok {
			t.Errorf("enum type %s: no schema enum %s", goType, tok)
			continue
		}
		for _, v := range values {
			if !slices.Contains(allowed, v) {
				t.Errorf("enum %s: constant value %q not in schema list %v", goType, v, allowed)
			}
		}
	}
	for tok := range c.enums {
		goType := strings.TrimPrefix(tok, mls)
		for _, v := range schemaEnums[tok] {
			if !slices.Contains(declared[goType], v) {
				t.Errorf("enum %s (used by a field): schema value %q has no constant", tok, v)
			}
		}
	}
	for _, tok := range mappedTokens() {
		if !c.visited[tok.gt] {
			t.Errorf("%v (%s) is mapped but not reachable from Workspace or Compute", tok.gt, tok.token)
		}
	}
}

type mapped struct {
	gt    reflect.Type
	token string
}

func mappedTokens() []mapped {
	var out []mapped
	for gt, tok := range inputTypeTokens {
		out = append(out, mapped{gt, tok})
	}
	for gt, tok := range outputTypeTokens {
		out = append(out, mapped{gt, tok})
	}
	return out
}

// declaredEnums parses the package's non-test files and returns, for each enum type T, the
// values of its constants declared as T("value").
func declaredEnums(t *testing.T) map[string][]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				for _, v := range spec.(*ast.ValueSpec).Values {
					call, ok := v.(*ast.CallExpr)
					if !ok || len(call.Args) != 1 {
						continue
					}
					fn, ok := call.Fun.(*ast.Ident)
					lit, ok2 := call.Args[0].(*ast.BasicLit)
					if !ok || !ok2 || lit.Kind != token.STRING {
						continue
					}
					val, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					out[fn.Name] = append(out[fn.Name], val)
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no enum constants found in the package sources")
	}
	return out
}
