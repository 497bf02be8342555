package program

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

// The decoder's own tests: each expectation is written out by hand, from the
// config contract in the README, not derived from the decoder.

// decode runs the decoder over raw into a new value of T, as the config
// value of key, and returns the value and the problems as "path: message".
func decode[T any](t *testing.T, key, raw string, secret bool) (T, []string) {
	t.Helper()
	var out T
	var ps components.Problems
	d := decoder{problems: &ps, secret: secret}
	d.value(components.NewPath(key), json.RawMessage(raw), reflect.ValueOf(&out).Elem())
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.Path+": "+p.Message)
	}
	return out, lines
}

func wantProblems(t *testing.T, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestDecodeObjectIntoSpec(t *testing.T) {
	c, ps := decode[ComputeConfig](t, "amlvnet:compute",
		`{"name":"gpu","maxNodes":6,"sshSources":["10.0.0.0/24"],"publicIp":false,"serviceTagsFile":"tags.json"}`, false)
	wantProblems(t, ps, nil)
	if c.Name != "gpu" || c.MaxNodes == nil || *c.MaxNodes != 6 || c.PublicIP == nil || *c.PublicIP ||
		!reflect.DeepEqual(c.SSHSources, []string{"10.0.0.0/24"}) || c.ServiceTagsFile != "tags.json" {
		t.Errorf("decoded %+v", c)
	}
	// Left out stays unset: nil pointers, so that the defaults apply.
	if c.RulePriority != nil || c.NatGateway != nil || c.MinNodes != 0 {
		t.Errorf("keys left out must stay unset: %+v", c)
	}
}

// The embedded specs of amlvnet:network are one flat object, as the stack
// file writes it, and its managed network a pointer set only when given.
func TestDecodeEmbeddedSpecsAndPointers(t *testing.T) {
	n, ps := decode[NetworkConfig](t, "amlvnet:network",
		`{"addressSpace":"10.20.0.0/16","trainingSubnet":"10.20.0.0/24","cloud":"public","managed":{"outbound":"approved"}}`, false)
	wantProblems(t, ps, nil)
	if !reflect.DeepEqual([]string(n.AddressSpace), []string{"10.20.0.0/16"}) || n.TrainingSubnet != "10.20.0.0/24" || n.Cloud != "public" {
		t.Errorf("embedded fields: %+v", n)
	}
	if n.Managed == nil || n.Managed.Outbound != "approved" {
		t.Errorf("managed: %+v", n.Managed)
	}
	n, ps = decode[NetworkConfig](t, "amlvnet:network", `{"trainingSubnet":"10.20.0.0/24","managed":null}`, false)
	wantProblems(t, ps, nil)
	if n.Managed != nil {
		t.Errorf("managed: null must leave it unset, got %+v", n.Managed)
	}
}

// Every bad key and value is reported, at its own path, and decoding goes on
// past each one.
func TestDecodeReportsEveryProblem(t *testing.T) {
	_, ps := decode[ComputeConfig](t, "amlvnet:compute",
		`{"maxNode":4,"vmSize":42,"publicIp":"no","sshSources":"10.0.0.0/24","minNodes":"1","frobnicate":true,"name":"ok"}`, false)
	keys := "name, vmSize, vmPriority, minNodes, maxNodes, idleTimeBeforeScaleDown, sshAccess, sshSources, adminUser, sshPublicKey, adminPassword, outbound, forcedTunneling, batchPrefixes, machineLearningPrefixes, tunnelStorage, natGateway, publicIp, rulePriority, location, serviceTagsFile"
	wantProblems(t, ps, []string{
		"amlvnet:compute.frobnicate: unknown key; amlvnet:compute takes " + keys,
		"amlvnet:compute.maxNode: unknown key (did you mean maxNodes?); amlvnet:compute takes " + keys,
		`amlvnet:compute.minNodes: expected a whole number, got the string "1"`,
		`amlvnet:compute.publicIp: expected true or false, got the string "no"`,
		`amlvnet:compute.sshSources: expected a list of strings, got the string "10.0.0.0/24"`,
		"amlvnet:compute.vmSize: expected a string, got the number 42",
	})
}

func TestDecodeWrongShapes(t *testing.T) {
	_, ps := decode[NetworkConfig](t, "amlvnet:network", `"10.20.0.0/16"`, false)
	wantProblems(t, ps, []string{`amlvnet:network: expected an object with keys addressSpace, vnetName, trainingSubnet, aksSubnet, privateEndpointSubnet, existing, isolation, cloud, managed, got the string "10.20.0.0/16"`})

	_, ps = decode[[]components.AttachSpec](t, "amlvnet:attach", `{"name":"dsvm"}`, false)
	wantProblems(t, ps, []string{"amlvnet:attach: expected a list of objects, got an object"})

	_, ps = decode[NetworkConfig](t, "amlvnet:network", `{"addressSpace":42,"trainingSubnet":"10.20.0.0/24"}`, false)
	wantProblems(t, ps, []string{"amlvnet:network.addressSpace: expected a CIDR or a list of CIDRs, got the number 42"})

	_, ps = decode[map[string]string](t, "amlvnet:tags", `["team"]`, false)
	wantProblems(t, ps, []string{"amlvnet:tags: expected a map of strings, got a list"})

	_, ps = decode[AksConfig](t, "amlvnet:aks", `{"nodeCount":2.5}`, false)
	wantProblems(t, ps, []string{"amlvnet:aks.nodeCount: expected a whole number, got the number 2.5"})
}

// A list of objects decodes each element under its index.
func TestDecodeListOfObjects(t *testing.T) {
	list, ps := decode[[]components.AttachSpec](t, "amlvnet:attach",
		`[{"name":"vm1","kind":"VirtualMachine"},{"name":"vm2","sshPort":"22"},{"nmae":"vm3"}]`, true)
	if len(list) != 3 || list[0].Name != "vm1" || list[0].Kind != "VirtualMachine" || list[1].Name != "vm2" {
		t.Errorf("decoded %+v", list)
	}
	if len(ps) != 2 || ps[0] != `amlvnet:attach[1].sshPort: expected a whole number, got the string "22"` ||
		!strings.HasPrefix(ps[1], "amlvnet:attach[2].nmae: unknown key (did you mean name?); amlvnet:attach[2] takes name, kind, resourceId") {
		t.Errorf("problems %q", ps)
	}
}

// A credential decodes to a secret, and only from a secret config value.
func TestDecodeCredentials(t *testing.T) {
	vm, ps := decode[components.AttachSpec](t, "amlvnet:attach[0]", `{"name":"vm","sshPassword":"hunter2"}`, true)
	wantProblems(t, ps, nil)
	out, ok := vm.SSHPassword.(pulumi.StringOutput)
	if !ok {
		t.Fatalf("sshPassword decoded to %T, want a pulumi.StringOutput", vm.SSHPassword)
	}
	if !pulumi.IsSecret(out) {
		t.Error("sshPassword must decode to a secret")
	}

	_, ps = decode[components.AttachSpec](t, "amlvnet:attach[0]", `{"name":"vm","sshPassword":"hunter2"}`, false)
	wantProblems(t, ps, []string{"amlvnet:attach[0].sshPassword: is in plain text in the stack file; set it with `pulumi config set --secret --path 'amlvnet:attach[0].sshPassword' <value>`"})

	_, ps = decode[components.AttachSpec](t, "amlvnet:attach[0]", `{"name":"vm","sshPassword":5}`, true)
	wantProblems(t, ps, []string{"amlvnet:attach[0].sshPassword: expected a string, got the number 5"})
}

func TestJSONKind(t *testing.T) {
	long := strings.Repeat("x", 41)
	for raw, want := range map[string]string{
		"":                      "nothing",
		"  ":                    "nothing",
		"eastus2":               `the string "eastus2"`,
		long:                    "a string",
		`"eastus2"`:             `the string "eastus2"`,
		`"` + long + `"`:        "a string",
		`{"a":1}`:               "an object",
		`[1,2]`:                 "a list",
		"true":                  "the boolean true",
		"false":                 "the boolean false",
		"null":                  "null",
		"42":                    "the number 42",
		"-1.5":                  "the number -1.5",
		strings.Repeat("y", 40): `the string "` + strings.Repeat("y", 40) + `"`,
	} {
		if got := jsonKind([]byte(raw)); got != want {
			t.Errorf("jsonKind(%q) = %q, want %q", raw, got, want)
		}
	}
}

// A misspelled key is matched to a known one within three edits.
func TestDidYouMean(t *testing.T) {
	known := []string{"maxNodes", "minNodes", "name"}
	for key, want := range map[string]string{
		"maxNode":   " (did you mean maxNodes?)",
		"MaxNodes":  " (did you mean maxNodes?)",
		"maxNodess": " (did you mean maxNodes?)",
		"mxNds":     " (did you mean maxNodes?)", // three edits
		"nam":       " (did you mean name?)",
		"nameabc":   " (did you mean name?)", // three edits
		"nameabcd":  "",                      // four edits
		"vmSize":    "",
	} {
		if got := didYouMean(key, known); got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestCheckKnownKeys(t *testing.T) {
	ps := checkKnownKeys([]string{"amlvnet:compute", "azure-native:location", "azure-native:subscriptionId", "aws:region", "amlvnet:protec", "amlvnet:totallyWrong"})
	var got []string
	for _, p := range ps {
		got = append(got, p.Path+": "+p.Message[:strings.Index(p.Message, ";")])
	}
	wantProblems(t, got, []string{
		"amlvnet:protec: unknown key (did you mean amlvnet:protect?)",
		"amlvnet:totallyWrong: unknown key",
	})
	if !strings.HasSuffix(ps[0].Message, "; the program reads amlvnet:resourceGroup, amlvnet:network, amlvnet:storage, amlvnet:inferenceStorage, amlvnet:keyVault, amlvnet:workspace, amlvnet:compute, amlvnet:aks, amlvnet:attach, amlvnet:protect, amlvnet:tags") {
		t.Errorf("the message lists the keys the program reads: %q", ps[0].Message)
	}
}

// The decoding problems come first; the others are kept unless they are
// warnings or echoes of a value that did not decode (at or below its path).
func TestConfigError(t *testing.T) {
	if err := configError(nil, components.Problems{{Path: "amlvnet:compute.name", Message: "retired", Warning: true}}); err != nil {
		t.Errorf("warnings alone are no error: %v", err)
	}
	decoding := components.Problems{{Path: "amlvnet:compute.maxNodes", Message: "expected a whole number"}, {Path: "amlvnet:attach", Message: "expected a list of objects"}}
	others := components.Problems{
		{Path: "amlvnet:compute.maxNodes", Message: "is 0"},             // the same path: an echo
		{Path: "amlvnet:attach[0].name", Message: "is required"},        // below it, by index
		{Path: "amlvnet:compute.maxNodes.x", Message: "below"},          // below it, by field
		{Path: "amlvnet:compute.maxNodesX", Message: "a sibling"},       // not below: a longer name
		{Path: "amlvnet:attachments", Message: "another key"},           // not below either
		{Path: "amlvnet:compute.minNodes", Message: "x", Warning: true}, // a warning
		{Path: "amlvnet:aks.name", Message: "too long"},
	}
	err := configError(decoding, others)
	ce, ok := err.(*ConfigError)
	if !ok {
		t.Fatalf("want a *ConfigError, got %T %v", err, err)
	}
	var got []string
	for _, p := range ce.Problems {
		got = append(got, p.Path+": "+p.Message)
	}
	wantProblems(t, got, []string{
		"amlvnet:aks.name: too long",
		"amlvnet:attach: expected a list of objects",
		"amlvnet:attachments: another key",
		"amlvnet:compute.maxNodes: expected a whole number",
		"amlvnet:compute.maxNodesX: a sibling",
	})
	if want := "invalid configuration (5 problem(s)); nothing was created:\n  - amlvnet:aks.name: too long"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q", err.Error())
	}
	if !IsConfigError(err) || IsConfigError(nil) {
		t.Error("IsConfigError")
	}
}

func TestConfigKeys(t *testing.T) {
	want := []string{"azure-native:location", "amlvnet:resourceGroup", "amlvnet:network", "amlvnet:storage", "amlvnet:inferenceStorage", "amlvnet:keyVault", "amlvnet:workspace", "amlvnet:compute", "amlvnet:aks", "amlvnet:attach", "amlvnet:protect", "amlvnet:tags"}
	if got := configKeys(); !reflect.DeepEqual(got, want) {
		t.Errorf("configKeys() = %v", got)
	}
}

// loadConfig reads each top-level key as the engine hands it over: scalars
// as written, structured keys as JSON.
func TestLoadConfig(t *testing.T) {
	load := func(values map[string]string) (*Config, []string) {
		t.Helper()
		var cfg *Config
		var ps components.Problems
		m := &pulumitest.Mocks{}
		if err := m.Run(func(ctx *pulumi.Context) error {
			cfg, ps = loadConfig(ctx)
			return nil
		}, values); err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, p := range ps {
			lines = append(lines, p.Path+": "+p.Message)
		}
		return cfg, lines
	}
	cfg, ps := load(map[string]string{
		"azure-native:location": "westeurope",
		"amlvnet:protect":       "true",
		"amlvnet:tags":          `{"team":"ml"}`,
		"amlvnet:compute":       `{"maxNodes":3}`,
	})
	wantProblems(t, ps, nil)
	if cfg.Location != "westeurope" || !cfg.Protect || cfg.Tags["team"] != "ml" || *cfg.Compute.MaxNodes != 3 {
		t.Errorf("decoded %+v", cfg)
	}
	if cfg.ResourceGroup != "amlvnet-test" {
		t.Errorf("resource group %q, want amlvnet-<stack> for stack test", cfg.ResourceGroup)
	}
	cfg, ps = load(map[string]string{"amlvnet:resourceGroup": "ml-rg", "amlvnet:protect": "yes", "amlvnet:compute": `{"maxNodes":"3"}`})
	wantProblems(t, ps, []string{
		// In the order of the stack file's keys in the config contract.
		`amlvnet:compute.maxNodes: expected a whole number, got the string "3"`,
		`amlvnet:protect: expected true or false, got "yes"`,
		"azure-native:location: is required: the Azure region of every resource, e.g. eastus2",
	})
	if cfg == nil || cfg.ResourceGroup != "ml-rg" || cfg.Protect {
		t.Errorf("a config with problems is still returned, as far as it decoded: %+v", cfg)
	}
}
