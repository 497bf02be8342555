// Package policyrules holds amlvnet's policy rules as plain Go: every check
// works on resources described by their type, URN and input properties, so
// the same rules run in the Pulumi policy pack (policy/, through the engine's
// analyzer protocol) and in the offline preview (cmd/preview-offline -policy),
// and are table-tested here without an engine.
//
// Values the engine does not know yet (outputs of resources still to be
// created, shown as the string Unknown) mean "cannot tell": a rule never
// reports a violation it could only guess. Missing values mean Azure's
// default, and each rule says what that default is.
//
// Each rule names the public source of the Azure behaviour it enforces; see
// docs/policy.md.
package policyrules

import (
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

// Unknown is how the Pulumi engine shows a string that is not known during a
// preview: the engine's own sentinel, which internal/standin and
// internal/azureschema use too. The policy pack turns the engine's computed
// values into it.
const Unknown = sig.UnknownStringValue

// Enforcement levels, as Pulumi names them.
const (
	// Mandatory violations fail the preview or update.
	Mandatory = "mandatory"
	// Advisory violations are reported and let the operation go on.
	Advisory = "advisory"
)

// Resource is one resource as a policy sees it.
type Resource struct {
	// URN of the resource. Required.
	URN string
	// Type token, e.g. "azure-native:storage:StorageAccount". Required.
	Type string
	// Inputs are the resource's input properties as plain values (maps,
	// slices, strings, float64 or int numbers, bools, nil); Unknown marks a
	// value not known yet. Secrets are given as their plain value.
	Inputs map[string]any
	// ID is the provider's ID of the resource when it is known (deployed or
	// imported resources). Optional: rules that match resources by ID fall
	// back to names.
	ID string
	// Refs maps a top-level input property to the URNs of the resources its
	// value came from, when the engine reports them (property dependencies).
	// Optional: it lets the stack rules connect an NSG rule, a subnet and a
	// cluster during a preview, while IDs and names are still unknown.
	Refs map[string][]string
}

// Violation is one broken rule.
type Violation struct {
	// Policy is the name of the broken Policy.
	Policy string `json:"policy"`
	// URN of the offending resource.
	URN string `json:"urn"`
	// Message says what is wrong and how to fix it.
	Message string `json:"message"`
}

// Policy describes one rule. Exactly one of Resource and Stack is set.
type Policy struct {
	// Name is the kebab-case policy name, e.g. "storage-deny-by-default".
	Name string
	// Description says what the rule asks for and protects against.
	Description string
	// Enforcement is Mandatory or Advisory.
	Enforcement string
	// Source names the public documentation or issue the rule enforces.
	Source string
	// Resource checks one resource and returns one message per problem.
	Resource func(Resource) []string
	// Stack checks all the stack's resources together.
	Stack func([]Resource) []Violation
}

// All returns every policy, in a stable order.
func All() []Policy {
	return []Policy{
		storageDenyByDefault,
		storageMinTLS,
		storageHTTPSOnly,
		storageNoPublicBlobAccess,
		keyVaultDenyByDefault,
		keyVaultPurgeProtection,
		nsgNoInternetSSH,
		amlComputeNSGInbound,
		restrictedOutboundAllowsAzureML,
		aksDNSServiceIP,
		noPublicAccessWithPrivateEndpoint,
		managedNetworkRulesFitMode,
		approvedOutboundReachesStackStorage,
		inferenceComputeKubernetes,
		aksSubnetAdmittedToStorage,
	}
}

// Lookup returns the policy of that name.
func Lookup(name string) (Policy, bool) {
	for _, p := range All() {
		if p.Name == name {
			return p, true
		}
	}
	return Policy{}, false
}

// Check runs every policy over the resources and returns the violations,
// grouped by policy in All's order, then by URN.
func Check(resources []Resource) []Violation {
	var out []Violation
	for _, p := range All() {
		out = append(out, Run(p, resources)...)
	}
	return out
}

// Run runs one policy over the resources.
func Run(p Policy, resources []Resource) []Violation {
	var out []Violation
	if p.Resource != nil {
		for _, r := range resources {
			for _, m := range p.Resource(r) {
				out = append(out, Violation{Policy: p.Name, URN: r.URN, Message: m})
			}
		}
	}
	if p.Stack != nil {
		for _, v := range p.Stack(resources) {
			v.Policy = p.Name
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].URN < out[j].URN })
	return out
}

// urnName is the last segment of a URN: the resource's logical name.
func urnName(urn string) string {
	if i := strings.LastIndex(urn, "::"); i >= 0 {
		return urn[i+2:]
	}
	return urn
}

// isType tells whether token is azure-native:<module>:<name>, ignoring an
// explicit API version in the module ("network/v20230901").
func isType(token, module, name string) bool {
	parts := strings.Split(token, ":")
	if len(parts) != 3 || parts[0] != "azure-native" {
		return false
	}
	mod, _, _ := strings.Cut(parts[1], "/")
	return mod == module && parts[2] == name
}
