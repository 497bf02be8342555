package standin

import (
	"fmt"
	"maps"
	"reflect"

	"github.com/pulumi/pulumi-azure-native-sdk/containerservice/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/keyvault/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/azureschema"
)

//go:generate go run ./gensdk

// Checker is the one input checker, for the stand-in and the mocks alike: every token of the typed
// SDK modules the project requires (sdkinputs_gen.go) and of our binding, walked through its plain
// input struct, with the binding's unions, the schema data's strict enums and the rules below.
var Checker = &azureschema.Checker{
	Resources: resourceInputs(),
	Unions:    azureml.Unions,
	Rules:     rules,
	Schema:    azureschema.Default(),
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
