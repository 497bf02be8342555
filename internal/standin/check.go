package standin

import (
	"fmt"
	"maps"
	"reflect"
	"slices"

	"github.com/pulumi/pulumi-azure-native-sdk/containerservice/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/keyvault/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/azureschema"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

//go:generate go run ./gensdk

// Checker is the one input checker, for the stand-in and the mocks alike: every token of the typed
// SDK modules the project requires (sdkinputs_gen.go) and of our binding, walked through its plain
// input struct, with the binding's unions, the schema data's strict enums and the rules below.
var Checker = &azureschema.Checker{
	Resources:   resourceInputs(),
	Unions:      azureml.Unions,
	Rules:       rules,
	Constraints: constraints,
	Schema:      azureschema.Default(),
}

func resourceInputs() map[string]reflect.Type {
	out := maps.Clone(sdkInputs)
	for tok, in := range azureml.Inputs {
		out[tok] = in.ElementType()
	}
	return out
}

// rules are what the typed SDK modules' Go types cannot say and a test relies on, by the plain
// struct that holds the property. The binding's enums come from the schema data instead.
var rules = func() map[reflect.Type]map[string]azureschema.Rule {
	// A security rule, as its own resource or inline in a network security group: Azure requires
	// protocol, access, priority and direction, and priority is 100-4096
	// (https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview#security-rules;
	// SecurityRulePropertiesFormat in Azure/azure-rest-api-specs
	// specification/network/resource-manager/Microsoft.Network/stable/2023-02-01/networkSecurityGroup.json).
	// The enums are case-sensitive in the SDK.
	securityRule := map[string]azureschema.Rule{
		"protocol":  {Enum: []string{"Tcp", "Udp", "Icmp", "Esp", "*", "Ah"}},
		"access":    {Enum: []string{"Allow", "Deny"}},
		"direction": {Enum: []string{"Inbound", "Outbound"}},
		"priority":  {Required: true, Min: 100, Max: 4096},
	}
	return map[reflect.Type]map[string]azureschema.Rule{
		plain(network.SecurityRuleArgs{}):           securityRule,
		reflect.TypeFor[network.SecurityRuleType](): securityRule,
		// https://learn.microsoft.com/en-us/rest/api/storagerp/storage-accounts/create
		// (MinimumTlsVersion, DefaultAction).
		plain(storage.StorageAccountArgs{}):       {"minimumTlsVersion": {Enum: []string{"TLS1_0", "TLS1_1", "TLS1_2"}}},
		reflect.TypeFor[storage.NetworkRuleSet](): {"defaultAction": {Enum: []string{"Allow", "Deny"}}},
		// Soft-deleted vaults are kept 7 to 90 days
		// (https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview).
		reflect.TypeFor[keyvault.VaultProperties](): {"softDeleteRetentionInDays": {Min: 7, Max: 90}},
		// ManagedCluster at API 2023-04-01, the azure-native v2 default, has no dockerBridgeCidr
		// (Azure/AKS #3534; aks/stable/2023-04-01/managedClusters.json in azure-rest-api-specs): the
		// plain struct has no such field, and this says why.
		reflect.TypeFor[containerservice.ContainerServiceNetworkProfile](): {"dockerBridgeCidr": {
			Refused: "not accepted by ManagedCluster API 2023-04-01 (azure-native v2 default): remove dockerBridgeCidr from networkProfile"}},
		// A managed network's mode, firewall and rule values, as the schema data lists them: Azure
		// validates them although the SDK types them as strings (IsolationMode, FirewallSku,
		// RuleCategory, RuleAction in machinelearningservices stable/2024-10-01 workspaceRP.json).
		plain(azureml.ManagedNetworkSettingsArgs{}): {
			"isolationMode": {Enum: schemaEnum("ManagedNetworkSettings", "isolationMode")},
			"firewallSku":   {Enum: schemaEnum("ManagedNetworkSettings", "firewallSku")},
		},
		plain(azureml.FqdnOutboundRuleArgs{}):            {"category": {Enum: schemaEnum("FqdnOutboundRule", "category")}},
		plain(azureml.PrivateEndpointOutboundRuleArgs{}): {"category": {Enum: schemaEnum("PrivateEndpointOutboundRule", "category")}},
		plain(azureml.ServiceTagOutboundRuleArgs{}):      {"category": {Enum: schemaEnum("ServiceTagOutboundRule", "category")}},
		plain(azureml.ServiceTagDestinationArgs{}):       {"action": {Enum: schemaEnum("ServiceTagDestination", "action")}},
		// A Kubernetes compute attaches an existing cluster, named by its ARM ID (`az ml
		// compute attach --type Kubernetes --resource-id`,
		// https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-to-workspace);
		// the schema leaves it optional, as for every member of the union.
		plain(azureml.KubernetesArgs{}): {"resourceId": {Required: true}},
		// An extension is created from its type (`az k8s-extension create --extension-type`,
		// https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension).
		plain(azureml.ExtensionArgs{}): {"extensionType": {Required: true}},
	}
}()

// schemaEnum is the enum of a property of a machinelearningservices/v20241001 type in the schema
// data; it panics on a name the data lacks (a broken checkout, which the tests catch).
func schemaEnum(typ, property string) []string {
	t, ok := azureschema.Default().Types["azure-native:machinelearningservices/v20241001:"+typ]
	if !ok || t.Properties[property] == nil || len(t.Properties[property].Enum) == 0 {
		panic("standin: the schema data has no enum " + typ + "." + property)
	}
	return t.Properties[property].Enum
}

// constraints are combinations of inputs that Azure refuses, by the plain struct that holds them:
// a workspace's managed network whose outbound rules break its isolation mode, and an FQDN rule to
// a storage account, inline or as a rule resource of its own. Azure ML's rules
// (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network): with
// AllowInternetOutbound only private-endpoint rules can be added, service-tag and FQDN rules need
// AllowOnlyApprovedOutbound, a workspace without a managed network (isolationMode Disabled, the
// default) takes no rule, and storage accounts are reached by private-endpoint rules, not FQDN.
var constraints = map[reflect.Type][]azureschema.Constraint{
	plain(azureml.ManagedNetworkSettingsArgs{}): {managedNetworkRulesFitMode},
	plain(azureml.FqdnOutboundRuleArgs{}):       {noFQDNRuleToStorage},
}

func managedNetworkRulesFitMode(obj map[string]any) []azureschema.Problem {
	mode := string(azureml.IsolationModeDisabled)
	switch v := obj["isolationMode"].(type) {
	case nil:
	case string:
		if v == sig.UnknownStringValue {
			return nil
		}
		mode = v
	default:
		return nil // a mistyped mode is reported by the type check
	}
	rules, _ := obj["outboundRules"].(map[string]any)
	var out []azureschema.Problem
	for _, name := range slices.Sorted(maps.Keys(rules)) {
		rule, _ := rules[name].(map[string]any)
		typ, _ := rule["type"].(string)
		path := "outboundRules." + name + ".type"
		switch {
		case typ == "" || typ == sig.UnknownStringValue:
		case mode == string(azureml.IsolationModeDisabled):
			out = append(out, azureschema.Problem{Path: path, Reason: fmt.Sprintf(
				"a %s rule needs a managed network, but isolationMode is Disabled: set AllowInternetOutbound or AllowOnlyApprovedOutbound", typ)})
		case mode == string(azureml.IsolationModeAllowInternetOutbound) && typ != azureml.OutboundRuleTypePrivateEndpoint:
			out = append(out, azureschema.Problem{Path: path, Reason: fmt.Sprintf(
				"Azure refuses a %s rule with isolationMode AllowInternetOutbound, which takes PrivateEndpoint rules only: use AllowOnlyApprovedOutbound or remove the rule", typ)})
		}
	}
	return out
}

func noFQDNRuleToStorage(obj map[string]any) []azureschema.Problem {
	dest, _ := obj["destination"].(string)
	if _, ok := netplan.StorageHost(dest); !ok {
		return nil
	}
	return []azureschema.Problem{{Path: "destination", Reason: fmt.Sprintf(
		"Azure refuses FQDN rules to storage accounts (%s): reach the account with a PrivateEndpoint rule", dest)}}
}

func plain(in interface{ ElementType() reflect.Type }) reflect.Type {
	return azureschema.PlainType(in.ElementType())
}

// Failure is one input that azure-native would reject.
type Failure struct {
	Property string // property path, e.g. "networkRuleSet.defaultAction" or "securityRules[0].priority"
	Reason   string // names the resource and the property
}

// CheckInputs returns the failures for one resource's inputs (none for a
// token the Checker does not know). resName names the resource in the
// reasons (a URN or "type name").
func CheckInputs(token, resName string, inputs resource.PropertyMap) []Failure {
	problems, _ := Checker.Check(token, toPlain(inputs))
	var fails []Failure
	for _, p := range problems {
		fails = append(fails, Failure{Property: p.Path, Reason: fmt.Sprintf("%s: %s", resName, p)})
	}
	return fails
}

// toPlain converts inputs to plain Go values (map[string]any, []any, string,
// float64, bool, nil): secrets unwrapped, unknowns as sig.UnknownStringValue.
func toPlain(m resource.PropertyMap) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[string(k)] = plainValue(v)
	}
	return out
}

func plainValue(v resource.PropertyValue) any {
	v = unwrap(v)
	switch {
	case isUnknown(v):
		return sig.UnknownStringValue
	case v.IsNull():
		return nil
	case v.IsBool():
		return v.BoolValue()
	case v.IsNumber():
		return v.NumberValue()
	case v.IsString():
		return v.StringValue()
	case v.IsArray():
		arr := make([]any, 0, len(v.ArrayValue()))
		for _, e := range v.ArrayValue() {
			arr = append(arr, plainValue(e))
		}
		return arr
	case v.IsObject():
		return toPlain(v.ObjectValue())
	case v.IsResourceReference():
		ref := v.ResourceReferenceValue()
		if id, ok := ref.IDString(); ok {
			return id
		}
		return string(ref.URN)
	}
	return v.Mappable()
}

// unwrap strips secret wrappers and known output values.
func unwrap(v resource.PropertyValue) resource.PropertyValue {
	for {
		switch {
		case v.IsSecret():
			v = v.SecretValue().Element
		case v.IsOutput() && v.OutputValue().Known:
			v = v.OutputValue().Element
		default:
			return v
		}
	}
}

func isUnknown(v resource.PropertyValue) bool {
	v = unwrap(v)
	return v.IsComputed() || (v.IsOutput() && !v.OutputValue().Known)
}
