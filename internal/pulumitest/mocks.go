// Package pulumitest runs Pulumi programs under mocks and records what they
// register, so tests can find resources by type and property rather than by
// position.
package pulumitest

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/standin"
)

// Fixed answers of the client-config invoke.
const (
	SubscriptionID = "00000000-0000-0000-0000-000000000001"
	TenantID       = "00000000-0000-0000-0000-0000000000aa"
)

// Resource is one registered resource as the mocks saw it.
type Resource struct {
	Type    string
	Name    string
	URN     string
	Parent  string
	Custom  bool
	Protect bool
	Retain  bool
	Import  string
	Version string
	// ID is the ID the mocks answered with (custom resources).
	ID        string
	DependsOn []string
	// Refs maps an input property to the resources its value came from,
	// each as "<type>::<name>" like URN.
	Refs map[string][]string
	// ReplaceOnChanges are the input paths whose change replaces it.
	ReplaceOnChanges []string
	// SecretOutputs are the additional secret outputs the resource asked for.
	SecretOutputs []string
	// AliasTypes are the types of the resource's aliases.
	AliasTypes []string
	// DeleteBeforeReplace is the resource's option of that name.
	DeleteBeforeReplace bool
	Inputs              resource.PropertyMap
}

// Input returns the input at a dotted path ("networkRuleSet.defaultAction",
// "properties.properties.scaleSettings.maxNodeCount"), unwrapping secrets and
// known output values. The second result says whether the value was a secret
// anywhere on the way.
func (r Resource) Input(path string) (resource.PropertyValue, bool) {
	v := resource.NewObjectProperty(r.Inputs)
	secret := false
	reveal := func() {
		for {
			switch {
			case v.IsSecret():
				secret, v = true, v.SecretValue().Element
			case v.IsOutput() && v.OutputValue().Known:
				secret, v = secret || v.OutputValue().Secret, v.OutputValue().Element
			default:
				return
			}
		}
	}
	for _, part := range strings.Split(path, ".") {
		reveal()
		if !v.IsObject() {
			return resource.NewNullProperty(), secret
		}
		v = v.ObjectValue()[resource.PropertyKey(part)]
	}
	reveal()
	return v, secret
}

// String returns the input at path as a string ("" when absent or not a string).
func (r Resource) String(path string) string {
	v, _ := r.Input(path)
	if v.IsString() {
		return v.StringValue()
	}
	return ""
}

// Strings returns the input at path as a list of strings.
func (r Resource) Strings(path string) []string {
	v, _ := r.Input(path)
	if !v.IsArray() {
		return nil
	}
	var out []string
	for _, e := range v.ArrayValue() {
		for e.IsSecret() {
			e = e.SecretValue().Element
		}
		if e.IsString() {
			out = append(out, e.StringValue())
		}
	}
	return out
}

// Number returns the input at path as a number, and whether it was one.
func (r Resource) Number(path string) (float64, bool) {
	v, _ := r.Input(path)
	if v.IsNumber() {
		return v.NumberValue(), true
	}
	return 0, false
}

// Bool returns the input at path as a bool, and whether it was one.
func (r Resource) Bool(path string) (bool, bool) {
	v, _ := r.Input(path)
	if v.IsBool() {
		return v.BoolValue(), true
	}
	return false, false
}

// PlaintextOutsideSecrets reports whether s appears in any input that is not
// wrapped as a secret.
func (r Resource) PlaintextOutsideSecrets(s string) bool {
	return plaintextOutsideSecrets(resource.NewObjectProperty(r.Inputs), s)
}

func plaintextOutsideSecrets(v resource.PropertyValue, s string) bool {
	switch {
	case v.IsSecret():
		return false
	case v.IsString():
		return strings.Contains(v.StringValue(), s)
	case v.IsArray():
		for _, e := range v.ArrayValue() {
			if plaintextOutsideSecrets(e, s) {
				return true
			}
		}
	case v.IsObject():
		for _, e := range v.ObjectValue() {
			if plaintextOutsideSecrets(e, s) {
				return true
			}
		}
	case v.IsOutput():
		o := v.OutputValue()
		return !o.Secret && plaintextOutsideSecrets(o.Element, s)
	}
	return false
}

// Mocks answers the engine's calls and records every resource. NewResource
// is called concurrently, so the record is guarded by a mutex. It answers as
// the stand-in provider does (internal/standin, for the subscription and
// tenant above): the same IDs, the same outputs, the same fixtures of
// existing VNets, and the same input checker, so a resource azure-native
// would refuse fails its registration here too.
type Mocks struct {
	// VirtualNetworks answers azure-native:network:getVirtualNetwork (and
	// getSubnet), keyed by "<resourceGroup>/<name>".
	VirtualNetworks standin.VirtualNetworkFixtures
	// StackOutputs are the outputs of the stack's last deployment, which a
	// stack reference to the stack itself reads. Nil: never deployed.
	StackOutputs resource.PropertyMap
	// ProjectDir is the project's directory as the engine reports it
	// (ctx.RootDirectory), where a program reads relative paths from.
	// Empty: the engine reports none.
	ProjectDir string

	mu        sync.Mutex
	resources []Resource
	invokes   []string
}

// ExistingVnet is a VNet the getVirtualNetwork invoke knows about.
type ExistingVnet = standin.VirtualNetworkFixture

// azure is the Azure the mocks answer as.
var azure = standin.Azure{Subscription: SubscriptionID, Tenant: TenantID}

// NewResource records the registration, checks the inputs as the stand-in
// does, and answers with the inputs plus the outputs Azure adds. A resource
// without a name input is named after the resource (azure-native would add
// a random suffix), so tests can predict its ID.
func (m *Mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	r := Resource{Type: args.TypeToken, Name: args.Name, Custom: args.Custom, Inputs: args.Inputs, Import: args.ID}
	if rpc := args.RegisterRPC; rpc != nil {
		r.Parent, r.Protect, r.Version = rpc.GetParent(), rpc.GetProtect(), rpc.GetVersion()
		r.Retain = rpc.GetRetainOnDelete()
		r.DependsOn = rpc.GetDependencies()
		r.ReplaceOnChanges = rpc.GetReplaceOnChanges()
		r.SecretOutputs = rpc.GetAdditionalSecretOutputs()
		r.DeleteBeforeReplace = rpc.GetDeleteBeforeReplace()
		for _, a := range rpc.GetAliases() {
			r.AliasTypes = append(r.AliasTypes, a.GetSpec().GetType())
		}
		r.URN = fmt.Sprintf("%s::%s", args.TypeToken, args.Name)
		for key, deps := range rpc.GetPropertyDependencies() {
			for _, u := range deps.GetUrns() {
				urn := resource.URN(u)
				if r.Refs == nil {
					r.Refs = map[string][]string{}
				}
				r.Refs[key] = append(r.Refs[key], fmt.Sprintf("%s::%s", urn.Type(), urn.Name()))
			}
		}
	}
	record := func(id string) {
		r.ID = id
		m.mu.Lock()
		m.resources = append(m.resources, r)
		m.mu.Unlock()
	}

	if args.TypeToken == "pulumi:pulumi:StackReference" {
		record(args.Name)
		outputs := m.StackOutputs
		if outputs == nil {
			outputs = resource.PropertyMap{}
		}
		return args.Name, resource.PropertyMap{
			"name":              args.Inputs["name"],
			"outputs":           resource.NewObjectProperty(outputs),
			"secretOutputNames": resource.NewArrayProperty(nil),
		}, nil
	}
	if !args.Custom {
		record("")
		return "", args.Inputs.Copy(), nil
	}
	if fails := standin.CheckInputs(args.TypeToken, fmt.Sprintf("%s %q", args.TypeToken, args.Name), args.Inputs); len(fails) > 0 {
		record("")
		reasons := make([]string, len(fails))
		for i, f := range fails {
			reasons[i] = f.Reason
		}
		return "", nil, errors.New(strings.Join(reasons, "; "))
	}
	id, name := args.ID, standin.NameInput(args.TypeToken, args.Inputs)
	switch {
	case id != "": // imported
		name = id[strings.LastIndex(id, "/")+1:]
	case name == "":
		name = args.Name
	}
	if id == "" {
		id = azure.ID(args.TypeToken, name, args.Inputs)
	}
	record(id)
	urn := resource.URN("urn:pulumi:test::amlvnet::" + args.TypeToken + "::" + args.Name)
	return id, standin.MergeOutputs(args.Inputs, azure.Outputs(args.TypeToken, urn, name, id, args.Inputs), false), nil
}

// Call answers the invokes the program makes.
func (m *Mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.invokes = append(m.invokes, args.Token)
	m.mu.Unlock()
	return azure.Invoke(m.VirtualNetworks, args.Token, args.Args)
}

// Resources returns a copy of the record, sorted by type then name.
func (m *Mocks) Resources() []Resource {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := append([]Resource(nil), m.resources...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Invokes lists the invoke tokens called, in order.
func (m *Mocks) Invokes() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.invokes...)
}

// OfType returns the recorded resources of one type token.
func (m *Mocks) OfType(token string) []Resource {
	var out []Resource
	for _, r := range m.Resources() {
		if r.Type == token {
			out = append(out, r)
		}
	}
	return out
}

// Find returns the resources of type token whose inputs at each path equal
// the given string.
func (m *Mocks) Find(token string, where map[string]string) []Resource {
	var out []Resource
	for _, r := range m.OfType(token) {
		ok := true
		for path, want := range where {
			if r.String(path) != want {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// Run runs program under the mocks with the given config (keys such as
// "amlvnet:compute", values as Pulumi hands them over: JSON for objects).
// secretKeys lists the config keys that are secret.
func (m *Mocks) Run(program pulumi.RunFunc, config map[string]string, secretKeys ...string) error {
	return pulumi.RunErr(program, pulumi.WithMocks("amlvnet", "test", m), withConfig(config, secretKeys, m.ProjectDir))
}

func withConfig(config map[string]string, secretKeys []string, projectDir string) pulumi.RunOption {
	return func(info *pulumi.RunInfo) {
		info.Config = config
		info.ConfigSecretKeys = secretKeys
		info.RootDirectory = projectDir
	}
}
