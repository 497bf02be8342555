package program

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/amlvnet/amlvnet/components"
)

// Config is the root program's configuration: one field per top-level key
// of the stack file, named by its `config` tag. The components' specs are
// embedded, so the stack file decodes straight into them; the README's
// config reference documents every key.
type Config struct {
	Location         string                        `config:"azure-native:location"`
	ResourceGroup    string                        `config:"amlvnet:resourceGroup"`
	Network          NetworkConfig                 `config:"amlvnet:network"`
	Storage          components.SecureStorageSpec  `config:"amlvnet:storage"`
	InferenceStorage InferenceStorageConfig        `config:"amlvnet:inferenceStorage"`
	KeyVault         components.SecureKeyVaultSpec `config:"amlvnet:keyVault"`
	Workspace        WorkspaceConfig               `config:"amlvnet:workspace"`
	Compute          ComputeConfig                 `config:"amlvnet:compute"`
	Aks              AksConfig                     `config:"amlvnet:aks"`
	Attach           []components.AttachSpec       `config:"amlvnet:attach"`
	Protect          bool                          `config:"amlvnet:protect"`
	Tags             map[string]string             `config:"amlvnet:tags"`
}

// NetworkConfig is amlvnet:network: the network's address plan, the
// private endpoints' cloud, and the workspace's managed network.
type NetworkConfig struct {
	components.NetworkSpec
	components.PrivateEndpointsSpec
	// Managed is the workspace's managed virtual network, read with
	// isolation managed only.
	Managed *components.ManagedNetworkSpec `json:"managed"`
}

// InferenceStorageConfig is amlvnet:inferenceStorage: an unrestricted
// account for scoring.
type InferenceStorageConfig struct {
	Enabled bool `json:"enabled"`
	components.SecureStorageSpec
}

// WorkspaceConfig is amlvnet:workspace.
type WorkspaceConfig struct {
	components.MLWorkspaceSpec
	// BatchEndpoints adds the storage queue and table private endpoints
	// that batch endpoints need.
	BatchEndpoints bool `json:"batchEndpoints"`
}

// ComputeConfig is amlvnet:compute.
type ComputeConfig struct {
	components.AmlComputeSpec
	// ServiceTagsFile is Microsoft's "Azure IP Ranges and Service Tags"
	// JSON; when set, the forced-tunneling routes list its prefixes.
	ServiceTagsFile string `json:"serviceTagsFile"`
}

// AksConfig is amlvnet:aks.
type AksConfig struct {
	Enabled bool `json:"enabled"`
	components.AksSpec
}

// configKeys are the top-level keys the program reads, from Config's tags.
func configKeys() []string {
	t := reflect.TypeOf(Config{})
	keys := make([]string, 0, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		keys = append(keys, t.Field(i).Tag.Get("config"))
	}
	return keys
}

// LoadConfig reads and decodes the stack's config, reporting every unknown
// key, mistyped value and plain-text credential at once. The Config it
// returns is never nil: values that failed to decode are left at their zero
// value.
func LoadConfig(ctx *pulumi.Context) (*Config, error) {
	cfg, ps := loadConfig(ctx)
	return cfg, configError(ps)
}

func loadConfig(ctx *pulumi.Context) (*Config, components.Problems) {
	var ps components.Problems
	cfg := &Config{}
	v := reflect.ValueOf(cfg).Elem()
	for i := 0; i < v.NumField(); i++ {
		key := v.Type().Field(i).Tag.Get("config")
		raw := config.Get(ctx, key)
		if raw == "" {
			continue
		}
		d := decoder{problems: &ps, secret: ctx.IsConfigSecret(key)}
		field := v.Field(i)
		switch field.Kind() {
		case reflect.String:
			field.SetString(raw)
		case reflect.Bool:
			b, err := strconv.ParseBool(raw)
			if err != nil {
				ps.Add(components.NewPath(key), "expected true or false, got %q", raw)
			}
			field.SetBool(b)
		default:
			d.value(components.NewPath(key), json.RawMessage(raw), field)
		}
	}
	if cfg.Location == "" {
		ps.Add(components.NewPath("azure-native:location"), "is required: the Azure region of every resource, e.g. eastus2")
	}
	if cfg.ResourceGroup == "" {
		cfg.ResourceGroup = "amlvnet-" + ctx.Stack()
	}
	return cfg, ps
}

var stringInputType = reflect.TypeOf((*pulumi.StringInput)(nil)).Elem()

// decoder decodes one config value (JSON text, as the Pulumi config system
// hands structured values over). Unlike encoding/json it keeps going after a
// bad key, so every unknown key and every value of the wrong type is
// reported at once. Embedded structs are flattened, as encoding/json does.
// A pulumi.StringInput field is a credential: it decodes to a secret, and
// must come from a secret config value.
type decoder struct {
	problems *components.Problems
	secret   bool
}

// value decodes raw into v. (If chains here and in jsonKind rather than a
// tagless switch: a case condition lies outside the blocks of Go's coverage
// profile, so mutation testing would skip it.)
func (d decoder) value(p *components.Path, raw json.RawMessage, v reflect.Value) {
	if v.Type() == stringInputType {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			d.problems.Add(p, "expected a string, got %s", jsonKind(raw))
			return
		}
		if !d.secret {
			d.problems.Add(p, "is in plain text in the stack file; set it with `pulumi config set --secret --path '%s' <value>`", p)
		}
		v.Set(reflect.ValueOf(pulumi.ToSecret(pulumi.String(s)).(pulumi.StringOutput)))
		return
	}
	if v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct {
		if string(bytes.TrimSpace(raw)) == "null" {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		d.value(p, raw, v.Elem())
		return
	}
	if v.Kind() == reflect.Struct {
		var obj map[string]json.RawMessage
		fields := jsonFields(v)
		if err := json.Unmarshal(raw, &obj); err != nil {
			d.problems.Add(p, "expected an object with keys %s, got %s", strings.Join(jsonKeys(v.Type()), ", "), jsonKind(raw))
			return
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			f, ok := fields[k]
			if !ok {
				known := jsonKeys(v.Type())
				d.problems.Add(p.Child(k), "unknown key%s; %s takes %s", didYouMean(k, known), p, strings.Join(known, ", "))
				continue
			}
			d.value(p.Child(k), obj[k], f)
		}
		return
	}
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct {
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			d.problems.Add(p, "expected a list of objects, got %s", jsonKind(raw))
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), len(list), len(list)))
		for i, item := range list {
			d.value(p.Index(i), item, v.Index(i))
		}
		return
	}
	if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
		d.problems.Add(p, "expected %s, got %s", describeType(v.Type()), jsonKind(raw))
	}
}

// jsonFields maps the JSON names of a struct's fields, embedded structs'
// included, to the fields.
func jsonFields(v reflect.Value) map[string]reflect.Value {
	out := map[string]reflect.Value{}
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			maps.Copy(out, jsonFields(v.Field(i)))
		} else if n := jsonName(f); n != "" {
			out[n] = v.Field(i)
		}
	}
	return out
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// jsonKeys lists the JSON names of a struct's fields in declaration order.
func jsonKeys(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			out = append(out, jsonKeys(f.Type)...)
		} else if n := jsonName(f); n != "" {
			out = append(out, n)
		}
	}
	return out
}

var stringListType = reflect.TypeOf(components.StringList(nil))

// describeType names what a field takes, for "expected ..." messages.
func describeType(t reflect.Type) string {
	if t == stringListType {
		return "a CIDR or a list of CIDRs"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return describeType(t.Elem())
	case reflect.String:
		return "a string"
	case reflect.Int:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list of " + strings.TrimPrefix(describeType(t.Elem()), "a ") + "s"
	case reflect.Map:
		return "a map of strings"
	}
	return t.String()
}

// jsonKind names the JSON type of raw for error messages, quoting short
// scalars so the user recognises their value.
func jsonKind(raw []byte) string {
	s := strings.TrimSpace(string(raw))
	if s == "" {
		return "nothing"
	}
	if !json.Valid(raw) {
		// Pulumi hands a plain (non-structured) config value over as is.
		if len(s) <= 40 {
			return fmt.Sprintf("the string %q", s)
		}
		return "a string"
	}
	if s[0] == '"' {
		if len(s) <= 40 {
			return "the string " + s
		}
		return "a string"
	}
	if s[0] == '{' {
		return "an object"
	}
	if s[0] == '[' {
		return "a list"
	}
	if s == "true" || s == "false" {
		return "the boolean " + s
	}
	if s == "null" {
		return "null"
	}
	return "the number " + s
}
