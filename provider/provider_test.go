package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/amlvnet/amlvnet/provider/internal/docgen"
)

// recorder is a resource monitor that keeps what the component registers.
type recorder struct {
	mu        sync.Mutex
	resources []integration.MockResourceArgs
}

func (r *recorder) monitor() *integration.MockResourceMonitor {
	return &integration.MockResourceMonitor{NewResourceF: func(a integration.MockResourceArgs) (string, property.Map, error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.resources = append(r.resources, a)
		return a.Name + "-id", a.Inputs, nil
	}}
}

// serve runs the provider in process, with a fake engine and monitor.
func serve(t *testing.T, prov p.Provider, rec *recorder) integration.Server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s, err := integration.NewServer(ctx, Name, semver.MustParse(Version), integration.WithProvider(prov), integration.WithMocks(rec.monitor()))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func amlvnet(t *testing.T, rec *recorder) integration.Server {
	t.Helper()
	prov, err := newProvider()
	if err != nil {
		t.Fatal(err)
	}
	return serve(t, prov, rec)
}

func schemaOf(t *testing.T, s integration.Server) map[string]any {
	t.Helper()
	resp, err := s.GetSchema(p.GetSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(resp.Schema), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSchemaGolden compares the provider's schema with schema.json, which
// the SDKs and the YAML programs are built against. After a deliberate
// change, run `make schema` and commit provider/schema.json.
func TestSchemaGolden(t *testing.T) {
	got := schemaOf(t, amlvnet(t, &recorder{}))
	data, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		pretty, _ := json.MarshalIndent(got, "", "  ")
		t.Errorf("the provider's schema differs from schema.json; if the change is meant, run `make schema` and commit provider/schema.json. The provider's schema:\n%s", pretty)
	}
}

// TestSchemaDescribesEverything: every component, type, input and output
// has a description, which every SDK shows to its users.
func TestSchemaDescribesEverything(t *testing.T) {
	s := schemaOf(t, amlvnet(t, &recorder{}))
	resources, _ := s["resources"].(map[string]any)
	if len(resources) == 0 {
		t.Fatal("the schema has no resources")
	}
	check := func(where string, spec map[string]any, sections ...string) {
		if d, _ := spec["description"].(string); d == "" {
			t.Errorf("%s has no description", where)
		}
		for _, section := range sections {
			props, _ := spec[section].(map[string]any)
			for name, prop := range props {
				if d, _ := prop.(map[string]any)["description"].(string); d == "" {
					t.Errorf("%s: %s %q has no description", where, section, name)
				}
			}
		}
	}
	for token, spec := range resources {
		if !strings.HasPrefix(token, "amlvnet:index:") {
			t.Errorf("resource token %s is not amlvnet:index:<Type>", token)
		}
		check(token, spec.(map[string]any), "inputProperties", "properties")
	}
	types, _ := s["types"].(map[string]any)
	for token, spec := range types {
		if !strings.HasPrefix(token, "amlvnet:index:") {
			t.Errorf("type token %s is not amlvnet:index:<Type>", token)
		}
		check(token, spec.(map[string]any), "properties")
	}
}

// obj is a property object.
func obj(m map[string]property.Value) property.Value { return property.New(property.NewMap(m)) }

// one returns the only registered resource of type typ.
func (r *recorder) one(t *testing.T, typ string) integration.MockResourceArgs {
	t.Helper()
	var found []integration.MockResourceArgs
	for _, res := range r.resources {
		if string(res.TypeToken) == typ {
			found = append(found, res)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d resources of type %s registered, want 1", len(found), typ)
	}
	return found[0]
}

// list is a property array of strings.
func list(ss ...string) property.Value {
	var out []property.Value
	for _, s := range ss {
		out = append(out, property.New(s))
	}
	return property.New(property.NewArray(out))
}

// TestSecureStorageConstruct: the inputs reach the component, which
// registers its storage account under itself.
func TestSecureStorageConstruct(t *testing.T) {
	rec := &recorder{}
	s := amlvnet(t, rec)
	resp, err := s.Construct(p.ConstructRequest{
		Urn: presource.URN("urn:pulumi:test::proj::amlvnet:index:SecureStorage::store"),
		Inputs: property.NewMap(map[string]property.Value{
			"resourceGroupName": property.New("rg"),
			"location":          property.New("westeurope"),
			"subnetIds":         list("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/training"),
			"spec": obj(map[string]property.Value{
				"clientIpRanges": list("203.0.113.10"),
				"sku":            property.New("Standard_ZRS"),
			}),
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := resp.State.GetOk("accountId"); !ok {
		t.Errorf("the component's state lacks accountId: %v", resp.State)
	}
	account := rec.one(t, "azure-native:storage:StorageAccount")
	if got := account.Inputs.Get("location").AsString(); got != "westeurope" {
		t.Errorf("account location = %q, want westeurope", got)
	}
	if got := account.Inputs.Get("sku").AsMap().Get("name").AsString(); got != "Standard_ZRS" {
		t.Errorf("account sku = %q, want Standard_ZRS", got)
	}
}

// TestSecureStorageEveryProblemAtOnce: Construct fails with one error
// that names every bad input by its path in the schema.
func TestSecureStorageEveryProblemAtOnce(t *testing.T) {
	rec := &recorder{}
	s := amlvnet(t, rec)
	_, err := s.Construct(p.ConstructRequest{
		Urn: presource.URN("urn:pulumi:test::proj::amlvnet:index:SecureStorage::store"),
		Inputs: property.NewMap(map[string]property.Value{
			"resourceGroupName": property.New("rg"),
			"location":          property.New("middle-earth"),
			"spec": obj(map[string]property.Value{
				"sku":            property.New("Gold_LRS"),
				"clientIpRanges": list("203.0.113.10", "10.1.2.3"),
			}),
		}),
	})
	if err == nil {
		t.Fatal("Construct accepted bad inputs")
	}
	for _, want := range []string{"SecureStorage: 4 invalid input(s)", "- spec.clientIpRanges[1]: ", "- location: ", "- spec.sku: ", "- subnetIds: "} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q: %v", want, err)
		}
	}
	if len(rec.resources) != 0 {
		t.Errorf("resources were registered despite the bad inputs: %v", rec.resources)
	}
}

// TestDescriptionsGenerated: descriptions_gen.go is what the docgen line
// of main.go writes today. After changing a doc comment of a type with
// pulumi tags, run `make schema` (which runs go generate).
func TestDescriptionsGenerated(t *testing.T) {
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	for _, line := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(line, "//go:generate go run ./cmd/docgen "); ok {
			args = strings.Fields(rest)
		}
	}
	fs := flag.NewFlagSet("docgen", flag.ContinueOnError)
	out := fs.String("out", "", "")
	pkg := fs.String("pkg", "main", "")
	if err := fs.Parse(args); err != nil || *out == "" || fs.NArg() == 0 {
		t.Fatalf("main.go has no go:generate line for docgen with -out and directories (%v)", err)
	}
	d, err := docgen.Collect(fs.Args()...)
	if err != nil {
		t.Fatal(err)
	}
	want, err := docgen.Render(*pkg, fs.Args(), d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(*out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run `make schema` (go generate, then the schema) and commit both", *out)
	}
}
