package program

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// Config is the root program's configuration: the config contract of the
// design notes, with the keys added since. Every field is documented in the
// README's config reference.
type Config struct {
	Location         string
	ResourceGroup    string
	Network          NetworkConfig
	Storage          StorageConfig
	InferenceStorage InferenceStorageConfig
	KeyVault         KeyVaultConfig
	Workspace        WorkspaceConfig
	Compute          ComputeConfig
	Aks              AksConfig
	Attach           []AttachConfig
	Protect          bool
	Tags             map[string]string
}

// NetworkConfig is amlvnet:network.
type NetworkConfig struct {
	// AddressSpace is one CIDR or a list of them; it creates the VNet.
	AddressSpace   stringList       `json:"addressSpace"`
	VnetName       string           `json:"vnetName"`
	TrainingSubnet string           `json:"trainingSubnet"`
	AksSubnet      string           `json:"aksSubnet"`
	Existing       *ExistingNetwork `json:"existing"`
	// Isolation is serviceEndpoints (the 2019 article's way) or
	// privateEndpoints (current guidance).
	Isolation             string `json:"isolation"`
	PrivateEndpointSubnet string `json:"privateEndpointSubnet"`
	// Cloud picks the private DNS zone names: public, usgovernment, china.
	Cloud string `json:"cloud"`
}

// ExistingNetwork is amlvnet:network.existing.
type ExistingNetwork struct {
	ResourceGroup string `json:"resourceGroup"`
	Name          string `json:"name"`
}

// StorageConfig is amlvnet:storage.
type StorageConfig struct {
	ClientIPRanges []string `json:"clientIpRanges"`
	AccountName    string   `json:"accountName"`
	Sku            string   `json:"sku"`
}

// InferenceStorageConfig is amlvnet:inferenceStorage.
type InferenceStorageConfig struct {
	Enabled     bool   `json:"enabled"`
	AccountName string `json:"accountName"`
	Sku         string `json:"sku"`
}

// KeyVaultConfig is amlvnet:keyVault.
type KeyVaultConfig struct {
	Name                    string `json:"name"`
	SoftDeleteRetentionDays int    `json:"softDeleteRetentionDays"`
	Sku                     string `json:"sku"`
}

// WorkspaceConfig is amlvnet:workspace.
type WorkspaceConfig struct {
	Name              string `json:"name"`
	Description       string `json:"description"`
	RegistrySku       string `json:"registrySku"`
	ImageBuildCompute string `json:"imageBuildCompute"`
	LogRetentionDays  int    `json:"logRetentionDays"`
	// BatchEndpoints adds the storage queue and table private endpoints
	// batch endpoints need.
	BatchEndpoints bool `json:"batchEndpoints"`
	// Diagnostics sends the workspace's, vault's and storage's logs and
	// metrics to Log Analytics.
	Diagnostics bool `json:"diagnostics"`
}

// ComputeConfig is amlvnet:compute.
type ComputeConfig struct {
	Name                    string   `json:"name"`
	VMSize                  string   `json:"vmSize"`
	VMPriority              string   `json:"vmPriority"`
	MinNodes                int      `json:"minNodes"`
	MaxNodes                int      `json:"maxNodes"`
	IdleTimeBeforeScaleDown string   `json:"idleTimeBeforeScaleDown"`
	SSHAccess               bool     `json:"sshAccess"`
	SSHSources              []string `json:"sshSources"`
	AdminUser               string   `json:"adminUser"`
	SSHPublicKey            string   `json:"sshPublicKey"`
	AdminPassword           string   `json:"adminPassword" secret:"true"`
	Outbound                string   `json:"outbound"`
	ForcedTunneling         bool     `json:"forcedTunneling"`
	BatchPrefixes           []string `json:"batchPrefixes"`
	MachineLearningPrefixes []string `json:"machineLearningPrefixes"`
	// ServiceTagsFile is Microsoft's "Azure IP Ranges and Service Tags" JSON;
	// when set, the forced-tunneling routes list its prefixes.
	ServiceTagsFile string `json:"serviceTagsFile"`
	RulePriority    int    `json:"rulePriority"`
	// PublicIP false gives the nodes no public IP (privateEndpoints only).
	PublicIP *bool `json:"publicIp"`
}

// AksConfig is amlvnet:aks.
type AksConfig struct {
	Enabled           bool     `json:"enabled"`
	Name              string   `json:"name"`
	ComputeName       string   `json:"computeName"`
	NodeCount         int      `json:"nodeCount"`
	VMSize            string   `json:"vmSize"`
	MaxPods           int      `json:"maxPods"`
	KubernetesVersion string   `json:"kubernetesVersion"`
	ServiceCidr       string   `json:"serviceCidr"`
	DNSServiceIP      string   `json:"dnsServiceIP"`
	DockerBridgeCidr  string   `json:"dockerBridgeCidr"`
	ScoringSources    []string `json:"scoringSources"`
	ScoringPorts      []int    `json:"scoringPorts"`
	ClusterPurpose    string   `json:"clusterPurpose"`
	LoadBalancerType  string   `json:"loadBalancerType"`
	RulePriority      int      `json:"rulePriority"`
}

// AttachConfig is one entry of amlvnet:attach.
type AttachConfig struct {
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	ResourceID    string `json:"resourceId"`
	Address       string `json:"address"`
	SSHUser       string `json:"sshUser"`
	SSHPassword   string `json:"sshPassword" secret:"true"`
	SSHPrivateKey string `json:"sshPrivateKey" secret:"true"`
	SSHPort       int    `json:"sshPort"`
}

// stringList takes either one string or a list of strings.
type stringList []string

func (s *stringList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = stringList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return &json.UnmarshalTypeError{Value: jsonKind(b), Type: reflect.TypeOf(many)}
	}
	*s = many
	return nil
}

// Problem is one bad config value, named by its key as written in the stack
// file (e.g. "amlvnet:compute.maxNodes").
type Problem struct {
	Key     string
	Message string
}

// ConfigError lists every problem of one configuration.
type ConfigError struct {
	Problems []Problem
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "invalid configuration (%d problem(s)); nothing was created:", len(e.Problems))
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "\n  - %s: %s", p.Key, p.Message)
	}
	return b.String()
}

type configProblems []Problem

func (ps *configProblems) add(key, format string, args ...any) {
	*ps = append(*ps, Problem{Key: key, Message: fmt.Sprintf(format, args...)})
}

func (ps configProblems) err() error {
	if len(ps) == 0 {
		return nil
	}
	out := append([]Problem(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return &ConfigError{Problems: out}
}

// decodeStrict decodes one config value (JSON text, as the Pulumi config
// system hands structured values over) into dst, a pointer to a struct or a
// slice of structs. Unlike encoding/json it keeps going after a bad key, so
// every unknown key and every value of the wrong type is reported at once.
func decodeStrict(key string, raw string, dst any, ps *configProblems) {
	if strings.TrimSpace(raw) == "" {
		return
	}
	decodeValue(key, json.RawMessage(raw), reflect.ValueOf(dst).Elem(), ps)
}

func decodeValue(key string, raw json.RawMessage, v reflect.Value, ps *configProblems) {
	switch {
	case v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct:
		if string(bytes.TrimSpace(raw)) == "null" {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		decodeValue(key, raw, v.Elem(), ps)
	case v.Kind() == reflect.Struct:
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			ps.add(key, "expected an object with keys %s, got %s", strings.Join(jsonKeys(v.Type()), ", "), jsonKind(raw))
			return
		}
		fields := map[string]int{}
		for i := 0; i < v.NumField(); i++ {
			if tag := jsonName(v.Type().Field(i)); tag != "" {
				fields[tag] = i
			}
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			i, ok := fields[k]
			if !ok {
				ps.add(key+"."+k, "unknown key; %s takes %s", key, strings.Join(jsonKeys(v.Type()), ", "))
				continue
			}
			decodeValue(key+"."+k, obj[k], v.Field(i), ps)
		}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct:
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			ps.add(key, "expected a list of objects, got %s", jsonKind(raw))
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), len(list), len(list)))
		for i, item := range list {
			decodeValue(fmt.Sprintf("%s[%d]", key, i), item, v.Index(i), ps)
		}
	default:
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			ps.add(key, "expected %s, got %s", describeType(v.Type()), jsonKind(raw))
		}
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

func jsonKeys(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if n := jsonName(t.Field(i)); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func describeType(t reflect.Type) string {
	switch {
	case t == reflect.TypeOf(stringList(nil)):
		return "a CIDR or a list of CIDRs"
	case t.Kind() == reflect.String:
		return "a string"
	case t.Kind() == reflect.Int:
		return "a whole number"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Slice:
		return "a list of " + strings.TrimPrefix(describeType(t.Elem()), "a ") + "s"
	case t.Kind() == reflect.Map:
		return "a map of strings"
	}
	return t.String()
}

// jsonKind names the JSON type of raw for error messages, quoting short
// scalars so the user recognises their value.
func jsonKind(raw []byte) string {
	s := strings.TrimSpace(string(raw))
	switch {
	case s == "":
		return "nothing"
	case !json.Valid(raw):
		// Pulumi hands a plain (non-structured) config value over as is.
		if len(s) <= 40 {
			return fmt.Sprintf("the string %q", s)
		}
		return "a string"
	case s[0] == '"':
		if len(s) <= 40 {
			return "the string " + s
		}
		return "a string"
	case s[0] == '{':
		return "an object"
	case s[0] == '[':
		return "a list"
	case s == "true" || s == "false":
		return "the boolean " + s
	case s == "null":
		return "null"
	default:
		return "the number " + s
	}
}
