// Package pulumitest runs Pulumi programs under mocks and records what they
// register, so tests can find resources by type and property rather than by
// position.
package pulumitest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Fixed answers of the client-config invoke.
const (
	SubscriptionID = "00000000-0000-0000-0000-000000000001"
	TenantID       = "00000000-0000-0000-0000-0000000000aa"
)

// Resource is one registered resource as the mocks saw it.
type Resource struct {
	Type      string
	Name      string
	URN       string
	Parent    string
	Custom    bool
	Protect   bool
	Retain    bool
	Import    string
	Version   string
	DependsOn []string
	Inputs    resource.PropertyMap
}

// Input returns the input at a dotted path ("networkRuleSet.defaultAction",
// "properties.properties.scaleSettings.maxNodeCount"), unwrapping secrets.
// The second result says whether the value was a secret anywhere on the way.
func (r Resource) Input(path string) (resource.PropertyValue, bool) {
	v := resource.NewObjectProperty(r.Inputs)
	secret := false
	for _, part := range strings.Split(path, ".") {
		for v.IsSecret() {
			secret = true
			v = v.SecretValue().Element
		}
		if !v.IsObject() {
			return resource.NewNullProperty(), secret
		}
		v = v.ObjectValue()[resource.PropertyKey(part)]
	}
	for v.IsSecret() {
		secret = true
		v = v.SecretValue().Element
	}
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
// is called concurrently, so the record is guarded by a mutex.
type Mocks struct {
	// VirtualNetworks answers azure-native:network:getVirtualNetwork, keyed
	// by "<resourceGroup>/<name>".
	VirtualNetworks map[string]ExistingVnet

	mu        sync.Mutex
	resources []Resource
	invokes   []string
}

// ExistingVnet is a VNet the getVirtualNetwork invoke knows about.
type ExistingVnet struct {
	Location     string
	AddressSpace []string
	// Subnets maps subnet name to prefix.
	Subnets map[string]string
	// Delegated names subnets delegated to another service.
	Delegated []string
}

// NewResource records the registration and answers with the inputs plus the
// outputs the program reads (id, name, principal IDs, endpoints).
func (m *Mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	r := Resource{Type: args.TypeToken, Name: args.Name, Custom: args.Custom, Inputs: args.Inputs, Import: args.ID}
	if rpc := args.RegisterRPC; rpc != nil {
		r.Parent, r.Protect, r.Version = rpc.GetParent(), rpc.GetProtect(), rpc.GetVersion()
		r.Retain = rpc.GetRetainOnDelete()
		r.DependsOn = rpc.GetDependencies()
		r.URN = fmt.Sprintf("%s::%s", args.TypeToken, args.Name)
	}
	m.mu.Lock()
	m.resources = append(m.resources, r)
	m.mu.Unlock()

	outputs := args.Inputs.Copy()
	if !args.Custom {
		return "", outputs, nil
	}
	id := args.ID
	if id == "" {
		id = armID(args.TypeToken, args.Name, args.Inputs)
	}
	name := id[strings.LastIndex(id, "/")+1:]
	outputs["name"] = resource.NewStringProperty(name)
	outputs["provisioningState"] = resource.NewStringProperty("Succeeded")
	principal := resource.NewStringProperty(fakeUUID(args.TypeToken + args.Name))
	switch args.TypeToken {
	case "azure-native:managedidentity:UserAssignedIdentity":
		outputs["principalId"] = principal
		outputs["clientId"] = resource.NewStringProperty(fakeUUID("client" + args.Name))
	case "azure-native:machinelearningservices:Workspace":
		outputs["identity"] = resource.NewObjectProperty(resource.PropertyMap{
			"principalId": principal, "tenantId": resource.NewStringProperty(TenantID), "type": resource.NewStringProperty("SystemAssigned"),
		})
		outputs["workspaceId"] = resource.NewStringProperty(fakeUUID("ws" + args.Name))
		outputs["discoveryUrl"] = resource.NewStringProperty("https://eastus2.api.azureml.ms/discovery")
	case "azure-native:storage:StorageAccount":
		outputs["primaryEndpoints"] = resource.NewObjectProperty(resource.PropertyMap{
			"blob": resource.NewStringProperty("https://" + name + ".blob.core.windows.net/"),
		})
	case "azure-native:keyvault:Vault":
		props := resource.PropertyMap{}
		if p, ok := outputs["properties"]; ok && p.IsObject() {
			props = p.ObjectValue().Copy()
		}
		props["vaultUri"] = resource.NewStringProperty("https://" + name + ".vault.azure.net/")
		outputs["properties"] = resource.NewObjectProperty(props)
	case "azure-native:containerservice:ManagedCluster":
		outputs["fqdn"] = resource.NewStringProperty(name + ".hcp.eastus2.azmk8s.io")
	}
	return id, outputs, nil
}

// Call answers the invokes the program makes.
func (m *Mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.invokes = append(m.invokes, args.Token)
	m.mu.Unlock()
	switch args.Token {
	case "azure-native:authorization:getClientConfig":
		return resource.PropertyMap{
			"clientId":       resource.NewStringProperty(fakeUUID("client")),
			"objectId":       resource.NewStringProperty(fakeUUID("object")),
			"subscriptionId": resource.NewStringProperty(SubscriptionID),
			"tenantId":       resource.NewStringProperty(TenantID),
		}, nil
	case "azure-native:network:getVirtualNetwork":
		rg := args.Args["resourceGroupName"].StringValue()
		name := args.Args["virtualNetworkName"].StringValue()
		v, ok := m.VirtualNetworks[rg+"/"+name]
		if !ok {
			return nil, fmt.Errorf("ResourceNotFound: virtual network %s not found in resource group %s", name, rg)
		}
		id := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/virtualNetworks/%s", SubscriptionID, rg, name)
		var subnets []resource.PropertyValue
		for _, sn := range slices.Sorted(maps.Keys(v.Subnets)) {
			s := resource.PropertyMap{
				"id":            resource.NewStringProperty(id + "/subnets/" + sn),
				"name":          resource.NewStringProperty(sn),
				"addressPrefix": resource.NewStringProperty(v.Subnets[sn]),
			}
			for _, d := range v.Delegated {
				if d == sn {
					s["delegations"] = resource.NewArrayProperty([]resource.PropertyValue{resource.NewObjectProperty(resource.PropertyMap{
						"name": resource.NewStringProperty("delegation"), "serviceName": resource.NewStringProperty("Microsoft.Web/serverFarms"),
					})})
				}
			}
			subnets = append(subnets, resource.NewObjectProperty(s))
		}
		return resource.PropertyMap{
			"id":           resource.NewStringProperty(id),
			"name":         resource.NewStringProperty(name),
			"location":     resource.NewStringProperty(v.Location),
			"addressSpace": resource.NewObjectProperty(resource.PropertyMap{"addressPrefixes": resource.NewArrayProperty(strings2values(v.AddressSpace))}),
			"subnets":      resource.NewArrayProperty(subnets),
		}, nil
	}
	return nil, fmt.Errorf("pulumitest: no mock answer for invoke %s", args.Token)
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

// armID builds an ARM-shaped ID from the inputs, as Azure would.
func armID(token, name string, in resource.PropertyMap) string {
	str := func(k string) string {
		if v, ok := in[resource.PropertyKey(k)]; ok && v.IsString() {
			return v.StringValue()
		}
		return ""
	}
	or := func(k string) string {
		if s := str(k); s != "" {
			return s
		}
		return name
	}
	rg := "/subscriptions/" + SubscriptionID + "/resourceGroups/" + str("resourceGroupName")
	switch token {
	case "azure-native:resources:ResourceGroup":
		return "/subscriptions/" + SubscriptionID + "/resourceGroups/" + or("resourceGroupName")
	case "azure-native:network:VirtualNetwork":
		return rg + "/providers/Microsoft.Network/virtualNetworks/" + or("virtualNetworkName")
	case "azure-native:network:Subnet":
		return rg + "/providers/Microsoft.Network/virtualNetworks/" + str("virtualNetworkName") + "/subnets/" + or("subnetName")
	case "azure-native:network:NetworkSecurityGroup":
		return rg + "/providers/Microsoft.Network/networkSecurityGroups/" + or("networkSecurityGroupName")
	case "azure-native:network:SecurityRule":
		return rg + "/providers/Microsoft.Network/networkSecurityGroups/" + str("networkSecurityGroupName") + "/securityRules/" + or("securityRuleName")
	case "azure-native:network:RouteTable":
		return rg + "/providers/Microsoft.Network/routeTables/" + or("routeTableName")
	case "azure-native:network:Route":
		return rg + "/providers/Microsoft.Network/routeTables/" + str("routeTableName") + "/routes/" + or("routeName")
	case "azure-native:network:PrivateZone":
		return rg + "/providers/Microsoft.Network/privateDnsZones/" + or("privateZoneName")
	case "azure-native:network:PrivateEndpoint":
		return rg + "/providers/Microsoft.Network/privateEndpoints/" + or("privateEndpointName")
	case "azure-native:storage:StorageAccount":
		return rg + "/providers/Microsoft.Storage/storageAccounts/" + or("accountName")
	case "azure-native:keyvault:Vault":
		return rg + "/providers/Microsoft.KeyVault/vaults/" + or("vaultName")
	case "azure-native:machinelearningservices:Workspace":
		return rg + "/providers/Microsoft.MachineLearningServices/workspaces/" + or("workspaceName")
	case "azure-native:machinelearningservices:Compute":
		return rg + "/providers/Microsoft.MachineLearningServices/workspaces/" + str("workspaceName") + "/computes/" + or("computeName")
	case "azure-native:containerservice:ManagedCluster":
		return rg + "/providers/Microsoft.ContainerService/managedClusters/" + or("resourceName")
	case "azure-native:managedidentity:UserAssignedIdentity":
		return rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + or("resourceName")
	case "azure-native:containerregistry:Registry":
		return rg + "/providers/Microsoft.ContainerRegistry/registries/" + or("registryName")
	case "azure-native:insights:Component":
		return rg + "/providers/Microsoft.Insights/components/" + or("resourceName")
	case "azure-native:operationalinsights:Workspace":
		return rg + "/providers/Microsoft.OperationalInsights/workspaces/" + or("workspaceName")
	case "azure-native:authorization:RoleAssignment":
		return str("scope") + "/providers/Microsoft.Authorization/roleAssignments/" + fakeUUID(name)
	}
	parts := strings.Split(token, ":")
	return rg + "/providers/Microsoft." + parts[1] + "/" + parts[len(parts)-1] + "s/" + name
}

func fakeUUID(seed string) string {
	h := sha256.Sum256([]byte(seed))
	s := hex.EncodeToString(h[:16])
	return s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:32]
}

func strings2values(in []string) []resource.PropertyValue {
	out := make([]resource.PropertyValue, 0, len(in))
	for _, s := range in {
		out = append(out, resource.NewStringProperty(s))
	}
	return out
}

// Run runs program under the mocks with the given config (keys such as
// "amlvnet:compute", values as Pulumi hands them over: JSON for objects).
// secretKeys lists the config keys that are secret.
func (m *Mocks) Run(program pulumi.RunFunc, config map[string]string, secretKeys ...string) error {
	return pulumi.RunErr(program, pulumi.WithMocks("amlvnet", "test", m), withConfig(config, secretKeys))
}

func withConfig(config map[string]string, secretKeys []string) pulumi.RunOption {
	return func(info *pulumi.RunInfo) {
		info.Config = config
		info.ConfigSecretKeys = secretKeys
	}
}
