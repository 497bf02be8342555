package azureml

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// bound is every resource of the binding: its API version and resource struct (the outputs).
var bound = map[string]struct {
	apiVersion string
	res        reflect.Type
}{
	WorkspaceToken:                  {APIVersion, reflect.TypeFor[Workspace]()},
	ComputeToken:                    {APIVersion, reflect.TypeFor[Compute]()},
	UserAssignedIdentityToken:       {IdentityAPIVersion, reflect.TypeFor[UserAssignedIdentity]()},
	DatastoreToken:                  {APIVersion, reflect.TypeFor[Datastore]()},
	WorkspaceV20241001Token:         {APIVersion20241001, reflect.TypeFor[WorkspaceV20241001]()},
	ManagedNetworkSettingsRuleToken: {APIVersion20241001, reflect.TypeFor[ManagedNetworkSettingsRule]()},
	ExtensionToken:                  {ExtensionAPIVersion, reflect.TypeFor[Extension]()},
}

// allArgs lists the nested Args structs; TestAllArgsListed keeps it complete.
var allArgs = []pulumi.Input{
	ManagedServiceIdentityArgs{}, SkuArgs{},
	AmlComputeArgs{}, AmlComputePropertiesArgs{}, ScaleSettingsArgs{}, ResourceIdArgs{},
	UserAccountCredentialsArgs{}, VirtualMachineImageArgs{},
	AKSArgs{}, AKSSchemaPropertiesArgs{}, AksNetworkingConfigurationArgs{}, SslConfigurationArgs{},
	VirtualMachineArgs{}, VirtualMachineSchemaPropertiesArgs{},
	HDInsightArgs{}, HDInsightPropertiesArgs{}, VirtualMachineSshCredentialsArgs{},
	KubernetesArgs{}, KubernetesPropertiesArgs{}, InstanceTypeSchemaArgs{}, InstanceTypeSchemaResourcesArgs{},
	AzureBlobDatastoreArgs{}, NoneDatastoreCredentialsArgs{},
	AccountKeyDatastoreCredentialsArgs{}, AccountKeyDatastoreSecretsArgs{},
	SasDatastoreCredentialsArgs{}, SasDatastoreSecretsArgs{},
	ServicePrincipalDatastoreCredentialsArgs{}, ServicePrincipalDatastoreSecretsArgs{},
	CertificateDatastoreCredentialsArgs{}, CertificateDatastoreSecretsArgs{},
	ManagedNetworkSettingsArgs{}, FqdnOutboundRuleArgs{}, PrivateEndpointOutboundRuleArgs{}, PrivateEndpointDestinationArgs{},
	ServiceTagOutboundRuleArgs{}, ServiceTagDestinationArgs{},
	ServerlessComputeSettingsArgs{}, WorkspaceHubConfigArgs{}, FeatureStoreSettingsArgs{}, ComputeRuntimeDtoArgs{},
	ExtensionAksAssignedIdentityArgs{}, ScopeArgs{}, ScopeClusterArgs{}, ScopeNamespaceArgs{},
}

// responses lists the response structs.
var responses = []reflect.Type{
	reflect.TypeFor[ManagedServiceIdentityResponse](),
	reflect.TypeFor[ComputePropertiesResponse](),
	reflect.TypeFor[ExtensionResponseAksAssignedIdentity](),
}

// schemaNames maps each plain input struct and response struct to the schema type it stands for,
// by name: an XxxArgs stands for type Xxx (in any namespace, so one Go type serves the same shape
// at two API versions), a response struct for the type of its own name.
func schemaNames() map[reflect.Type]string {
	out := map[reflect.Type]string{}
	for _, a := range allArgs {
		out[plainOf(a)] = strings.TrimSuffix(reflect.TypeOf(a).Name(), "Args")
	}
	for _, r := range responses {
		out[r] = r.Name()
	}
	return out
}

// typeName is the name part of a schema token ("azure-native:mod/v20241001:Sku": "Sku").
func typeName(token string) string { return token[strings.LastIndex(token, ":")+1:] }

// inputElem returns the plain type an Args field of type t marshals as.
func inputElem(t reflect.Type) (reflect.Type, bool) {
	switch t.Kind() {
	case reflect.Interface:
		if t == inputType {
			return reflect.TypeFor[any](), true
		}
		for i := range t.NumMethod() { // pulumi.StringPtrInput: what ToStringPtrOutput returns
			m := t.Method(i)
			if strings.HasPrefix(m.Name, "To") && strings.HasSuffix(m.Name, "Output") && m.Type.NumIn() == 0 && m.Type.NumOut() == 1 {
				if out, ok := reflect.Zero(m.Type.Out(0)).Interface().(pulumi.Output); ok {
					return out.ElementType(), true
				}
			}
		}
		return nil, false
	case reflect.Pointer:
		if in, ok := reflect.Zero(t.Elem()).Interface().(pulumi.Input); ok {
			return reflect.PointerTo(plainOf(in)), true
		}
	case reflect.Slice:
		e, ok := inputElem(t.Elem())
		return reflect.SliceOf(e), ok
	case reflect.Map:
		e, ok := inputElem(t.Elem())
		return reflect.MapOf(t.Key(), e), ok
	case reflect.Struct:
		if in, ok := reflect.Zero(t).Interface().(pulumi.Input); ok {
			return plainOf(in), true
		}
	}
	return t, true
}

// TestArgsMatchPlainTypes checks, without the schema, that every Args struct lines up with its
// generated plain struct (the engine maps fields by name): same field names and tags, and each
// input field marshals as the plain field's type.
func TestArgsMatchPlainTypes(t *testing.T) {
	all := slices.Clone(allArgs)
	for _, in := range Inputs {
		all = append(all, in)
	}
	for _, a := range all {
		at, pt := reflect.TypeOf(a), plainOf(a)
		if at.NumField() != pt.NumField() {
			t.Errorf("%v has %d fields, its plain type %v has %d", at, at.NumField(), pt, pt.NumField())
		}
		for i := range at.NumField() {
			f := at.Field(i)
			pf, ok := pt.FieldByName(f.Name)
			if !ok || tagOf(f) != tagOf(pf) || tagOf(pf) == "" {
				t.Errorf("%v.%s: no plain field with the same tag (%q)", at, f.Name, tagOf(f))
				continue
			}
			if elem, ok := inputElem(f.Type); !ok || elem != pf.Type {
				t.Errorf("%v.%s: %v marshals as %v, plain field is %v", at, f.Name, f.Type, elem, pf.Type)
			}
		}
	}
}

// TestAllArgsListed: allArgs and Inputs together name every Args struct declared in the package.
func TestAllArgsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, a := range allArgs {
		listed[reflect.TypeOf(a).Name()] = true
	}
	for _, in := range Inputs {
		listed[reflect.TypeOf(in).Name()] = true
	}
	for _, name := range declared(t, func(ts *ast.TypeSpec) bool {
		_, isStruct := ts.Type.(*ast.StructType)
		return isStruct && ts.Name.IsExported() && strings.HasSuffix(ts.Name.Name, "Args")
	}) {
		if !listed[name] {
			t.Errorf("%s is neither in allArgs nor in Inputs", name)
		}
	}
}

type conformance struct {
	t       *testing.T
	s       *azureschema.Schema
	names   map[reflect.Type]string
	visited map[string]bool       // "Go type|schema token" pairs checked
	reached map[reflect.Type]bool // Go types checked against some schema type
	enums   map[string]bool       // names of the enum types our fields carry
}

// object checks the tagged fields of plain struct gt against schema properties. For inputs, value
// fields must be exactly the required ones, and every required property needs a field; for
// outputs, value fields must be exactly the alwaysSet ones among those we declare.
func (c *conformance) object(where string, gt reflect.Type, props map[string]*azureschema.Property, required func(string) bool, output bool) {
	c.reached[gt] = true
	fields := azureschema.Fields(gt)
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		ft, path := fields[name].Type, where+"."+name
		p, ok := props[name]
		if !ok {
			c.t.Errorf("%s: the schema has no such property", path)
			continue
		}
		if out, ok := reflect.Zero(ft).Interface().(pulumi.Output); ok && output {
			ft = out.ElementType()
		}
		var u *azureschema.Union
		if x, ok := Unions[gt][name]; ok && !output {
			u = &x
		}
		c.kind(path, ft, p, u, output)
		switch value := azureschema.Required(ft) || (u != nil && u.Required); {
		case output && value != p.AlwaysSet:
			c.t.Errorf("%s: Go type %v but schema alwaysSet=%v", path, ft, p.AlwaysSet)
		case !output && value != required(name):
			c.t.Errorf("%s: Go type %v but schema required=%v", path, ft, required(name))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(props)) {
		if !output && required(name) && fields[name].Type == nil {
			c.t.Errorf("%s.%s: required by the schema but no field carries it", where, name)
		}
	}
}

// kind checks that Go type gt matches schema property p, recursing into items, map values,
// referenced types and union members (u is the union declared for the property, if any).
func (c *conformance) kind(path string, gt reflect.Type, p *azureschema.Property, u *azureschema.Union, output bool) {
	gt = azureschema.PlainType(gt)
	want := map[string]reflect.Kind{
		azureschema.TypeString:  reflect.String,
		azureschema.TypeEnum:    reflect.String,
		azureschema.TypeInteger: reflect.Int,
		azureschema.TypeNumber:  reflect.Float64,
		azureschema.TypeBoolean: reflect.Bool,
		azureschema.TypeAny:     reflect.Interface,
		azureschema.TypeArray:   reflect.Slice,
	}
	switch {
	case p.Type == azureschema.TypeUnion && output && gt.Kind() == reflect.Struct:
		c.outputUnion(path, gt, p)
	case p.Type == azureschema.TypeUnion:
		if gt.Kind() != reflect.Interface || u == nil {
			c.t.Errorf("%s: a union in the schema, but Go type %v (declared union: %v)", path, gt, u != nil)
			return
		}
		c.union(path, *u, p)
	case p.IsMap():
		if gt.Kind() != reflect.Map || gt.Key().Kind() != reflect.String {
			c.t.Errorf("%s: Go type %v, schema has a string-keyed map", path, gt)
			return
		}
		c.kind(path+"{}", gt.Elem(), p.MapValue(), u, output)
	case p.Type == azureschema.TypeObject && p.Ref != "":
		if c.names[gt] != typeName(p.Ref) {
			c.t.Errorf("%s: Go type %v stands for %q, schema wants %s", path, gt, c.names[gt], p.Ref)
			return
		}
		c.typ(gt, p.Ref, output)
	default:
		k, ok := want[p.Type]
		if !ok || gt.Kind() != k {
			c.t.Errorf("%s: Go type %v, schema type %q (ref %q, responseType %q)", path, gt, p.Type, p.Ref, p.ResponseType)
			return
		}
		if p.Type == azureschema.TypeEnum {
			c.enums[typeName(p.EnumType)] = true
		}
		if p.Type == azureschema.TypeArray && p.Items != nil {
			c.kind(path+"[]", gt.Elem(), p.Items, u, output)
		}
	}
}

// typ checks plain struct gt against schema type tok, once per pair.
func (c *conformance) typ(gt reflect.Type, tok string, output bool) {
	key := gt.String() + "|" + tok
	if c.visited[key] {
		return
	}
	c.visited[key] = true
	st, ok := c.s.Type(tok)
	if !ok {
		c.t.Errorf("%v: schema type %s missing", gt, tok)
		return
	}
	c.object(tok, gt, st.Properties, st.IsRequired, output)
}

// union checks a declared union against the schema's: same discriminator, and each member the
// binding declares is the schema's member for that value, with the value as its discriminator.
func (c *conformance) union(path string, u azureschema.Union, p *azureschema.Property) {
	if u.Discriminator != p.Discriminator {
		c.t.Errorf("%s: discriminator %q, schema %q", path, u.Discriminator, p.Discriminator)
	}
	for _, value := range slices.Sorted(maps.Keys(u.Members)) {
		member := u.Members[value]
		tok, ok := c.s.UnionMember(p, value)
		if !ok || typeName(tok) != c.names[member] {
			c.t.Errorf("%s: member %q is %v (%q), schema's is %q", path, value, member, c.names[member], tok)
			continue
		}
		if st, _ := c.s.Type(tok); st.Properties[u.Discriminator] == nil || st.Properties[u.Discriminator].Const != value {
			c.t.Errorf("%s: %s does not fix %s to %q", path, tok, u.Discriminator, value)
		}
		if f, ok := azureschema.Fields(member)[u.Discriminator]; !ok || f.Type.Kind() != reflect.String {
			c.t.Errorf("%s: %v has no plain string field %q", path, member, u.Discriminator)
		}
		c.typ(member, tok, false)
	}
}

// outputUnion checks a response struct that holds what every member of an output union has: each
// of its fields must be in every member the schema expands, with the same kind and alwaysSet.
func (c *conformance) outputUnion(path string, gt reflect.Type, p *azureschema.Property) {
	expanded := 0
	for _, key := range slices.Sorted(maps.Keys(p.OneOf)) {
		if ot, ok := c.s.OutputTypes[p.OneOf[key]]; ok {
			expanded++
			c.object(path+"("+key+")", gt, ot.Properties, func(string) bool { return false }, true)
		}
	}
	if expanded == 0 {
		c.t.Errorf("%s: no member of the output union is expanded in the schema data", path)
	}
}

// TestSchemaConformance checks the binding against the schema data: every tag of every Args,
// plain and response struct exists in the schema for that token or type; Go kinds match the
// schema types; value fields are exactly the required inputs (and alwaysSet outputs); every
// required input has a field; each declared union has the schema's discriminator and members;
// every output that holds a secret is marked secret; and the enum constants agree with the
// schema's lists.
func TestSchemaConformance(t *testing.T) {
	s := azureschema.Default()
	c := &conformance{t: t, s: s, names: schemaNames(), visited: map[string]bool{}, reached: map[reflect.Type]bool{}, enums: map[string]bool{}}
	if got := slices.Sorted(maps.Keys(Inputs)); !slices.Equal(got, slices.Sorted(maps.Keys(bound))) {
		t.Fatalf("Inputs has %v; the test knows %v", got, slices.Sorted(maps.Keys(bound)))
	}
	for _, tok := range slices.Sorted(maps.Keys(bound)) {
		b := bound[tok]
		sr, ok := s.Resource(tok)
		if !ok {
			t.Fatalf("%s not in schema", tok)
		}
		if sr.APIVersion != b.apiVersion {
			t.Errorf("%s: schema API version %s, binding says %s", tok, sr.APIVersion, b.apiVersion)
		}
		c.object(tok+" inputs", plainOf(Inputs[tok]), sr.Inputs, sr.IsRequiredInput, false)
		c.object(tok+" outputs", b.res, sr.Outputs, func(string) bool { return false }, true)
		for _, name := range secretInputs(s, sr) {
			if !slices.Contains(secretOutputs[tok], name) {
				t.Errorf("%s: input %q holds a secret, but the %q output is not marked secret", tok, name, name)
			}
		}
	}
	for gt, name := range c.names {
		if !c.reached[gt] {
			t.Errorf("%v (%s) is not reached from any resource", gt, name)
		}
	}

	// Enum constants against the schema's lists, matched by the enum type's name.
	schemaEnums := map[string][]string{}
	for tok, values := range s.Enums() {
		schemaEnums[typeName(tok)] = values
	}
	consts := declaredEnums(t)
	for _, goType := range slices.Sorted(maps.Keys(consts)) {
		allowed, ok := schemaEnums[goType]
		switch {
		case !ok:
			t.Errorf("enum type %s: no schema enum of that name", goType)
		case !c.enums[goType]:
			t.Errorf("enum type %s: no field of the binding takes it", goType)
		}
		for _, v := range consts[goType] {
			if !slices.Contains(allowed, v) {
				t.Errorf("enum %s: constant value %q not in schema list %v", goType, v, allowed)
			}
		}
		for _, v := range allowed {
			if !slices.Contains(consts[goType], v) {
				t.Errorf("enum %s: schema value %q has no constant", goType, v)
			}
		}
	}
}

// secretInputs returns the resource's top-level inputs that hold a value Azure treats as secret,
// at any depth of the schema (through references, maps, arrays and every union member).
func secretInputs(s *azureschema.Schema, r *azureschema.Resource) []string {
	seen := map[string]bool{}
	var secret func(p *azureschema.Property) bool
	secret = func(p *azureschema.Property) bool {
		if p == nil {
			return false
		}
		if p.Secret {
			return true
		}
		toks := slices.Collect(maps.Values(p.OneOf))
		if p.Ref != "" {
			toks = append(toks, p.Ref)
		}
		for _, tok := range toks {
			if st, ok := s.Types[tok]; ok && !seen[tok] {
				seen[tok] = true
				for _, q := range st.Properties {
					if secret(q) {
						return true
					}
				}
			}
		}
		return secret(p.Items) || secret(p.AdditionalProperties)
	}
	var out []string
	for _, name := range slices.Sorted(maps.Keys(r.Inputs)) {
		clear(seen)
		if secret(r.Inputs[name]) {
			out = append(out, name)
		}
	}
	return out
}

// declared parses the package's non-test sources and returns the names of the type declarations
// keep accepts.
func declared(t *testing.T, keep func(*ast.TypeSpec) bool) []string {
	t.Helper()
	var out []string
	for _, f := range parsed(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok && keep(ts) {
				out = append(out, ts.Name.Name)
			}
			return true
		})
	}
	return out
}

func parsed(t *testing.T) []*ast.File {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []*ast.File
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// declaredEnums returns, for each enum type T of the package, the values of its constants declared
// as T("value").
func declaredEnums(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, f := range parsed(t) {
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
