package standin

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// FixturesEnv names the environment variable holding the path of a JSON file
// of existing virtual networks, answered by getVirtualNetwork (and getSubnet).
const FixturesEnv = "AMLVNET_STANDIN_FIXTURES"

// OptionsFromEnvironment is how the provider is configured when the engine
// starts it: fixtures from FixturesEnv.
func OptionsFromEnvironment() Options {
	return Options{FixturesPath: os.Getenv(FixturesEnv)}
}

// VirtualNetworkFixture is an existing VNet the fakes pretend is in Azure:
// the stand-in provider and the mocks of internal/pulumitest answer
// getVirtualNetwork (and getSubnet) from it.
type VirtualNetworkFixture struct {
	Location     string
	AddressSpace []string
	// Subnets maps each subnet's name to its address prefix.
	Subnets map[string]string
	// Delegated names the subnets delegated to another service.
	Delegated []string
}

// VirtualNetworkFixtures are fixtures by "<resource group>/<name>".
type VirtualNetworkFixtures map[string]VirtualNetworkFixture

// Find returns the VNet named name in resource group rg, ignoring case as
// Azure does, with its resource group and name as the fixture spells them.
func (f VirtualNetworkFixtures) Find(rg, name string) (VirtualNetworkFixture, string, string, bool) {
	for key, v := range f {
		if strings.EqualFold(key, rg+"/"+name) {
			rg, name, _ = strings.Cut(key, "/")
			return v, rg, name, true
		}
	}
	return VirtualNetworkFixture{}, "", "", false
}

// fixtureFile is one VNet as the fixture file describes it.
type fixtureFile struct {
	Name            string   `json:"name"`
	ResourceGroup   string   `json:"resourceGroup"`
	Location        string   `json:"location"`
	AddressPrefixes []string `json:"addressPrefixes"`
	Subnets         []struct {
		Name          string `json:"name"`
		AddressPrefix string `json:"addressPrefix"`
		// Delegations lists the services the subnet is delegated to.
		Delegations []string `json:"delegations"`
	} `json:"subnets"`
}

// LoadFixtures reads a fixture file: a JSON array of VNets ({name,
// resourceGroup, location, addressPrefixes, subnets: [{name, addressPrefix,
// delegations}]}), or an object {"virtualNetworks": [...]}.
func LoadFixtures(path string) (VirtualNetworkFixtures, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("stand-in fixtures: %w", err)
	}
	var list []fixtureFile
	if err := json.Unmarshal(data, &list); err != nil {
		var wrapped struct {
			VirtualNetworks []fixtureFile `json:"virtualNetworks"`
		}
		if err := json.Unmarshal(data, &wrapped); err != nil {
			return nil, fmt.Errorf("stand-in fixtures %s: want a JSON array of virtual networks or {\"virtualNetworks\": [...]}: %w", path, err)
		}
		list = wrapped.VirtualNetworks
	}
	out := VirtualNetworkFixtures{}
	for _, v := range list {
		f := VirtualNetworkFixture{Location: v.Location, AddressSpace: v.AddressPrefixes, Subnets: map[string]string{}}
		for _, sn := range v.Subnets {
			f.Subnets[sn.Name] = sn.AddressPrefix
			if len(sn.Delegations) > 0 {
				f.Delegated = append(f.Delegated, sn.Name)
			}
		}
		out[v.ResourceGroup+"/"+v.Name] = f
	}
	return out, nil
}

func notFound(rg, typ, name string) error {
	return fmt.Errorf("ResourceNotFound: The Resource '%s/%s' under resource group '%s' was not found. "+
		"For more details please go to https://aka.ms/ARMResourceNotFoundFix (stand-in azure-native provider: "+
		"describe existing networks in the file named by %s)", typ, name, rg, FixturesEnv)
}

// subnet is subnet sn of a fixture VNet with ID vnetID, as Azure returns it.
func (v VirtualNetworkFixture) subnet(vnetID, sn string) resource.PropertyMap {
	m := resource.PropertyMap{
		"id":                resource.NewStringProperty(vnetID + "/subnets/" + sn),
		"name":              resource.NewStringProperty(sn),
		"addressPrefix":     resource.NewStringProperty(v.Subnets[sn]),
		"provisioningState": resource.NewStringProperty("Succeeded"),
		"type":              resource.NewStringProperty("Microsoft.Network/virtualNetworks/subnets"),
	}
	if slices.Contains(v.Delegated, sn) {
		// The fixture says only that the subnet is delegated; the service is an example.
		m["delegations"] = resource.NewArrayProperty([]resource.PropertyValue{resource.NewObjectProperty(resource.PropertyMap{
			"name": resource.NewStringProperty("delegation"), "serviceName": resource.NewStringProperty("Microsoft.Web/serverFarms"),
		})})
	}
	return m
}

// VirtualNetwork is fixture v, the VNet named name in resource group rg,
// shaped as getVirtualNetwork's result (and a VirtualNetwork's outputs);
// subnets come sorted by name.
func (a Azure) VirtualNetwork(rg, name string, v VirtualNetworkFixture) resource.PropertyMap {
	id := a.vnetID(rg, name)
	prefixes := make([]resource.PropertyValue, 0, len(v.AddressSpace))
	for _, p := range v.AddressSpace {
		prefixes = append(prefixes, resource.NewStringProperty(p))
	}
	var subnets []resource.PropertyValue
	for _, sn := range slices.Sorted(maps.Keys(v.Subnets)) {
		subnets = append(subnets, resource.NewObjectProperty(v.subnet(id, sn)))
	}
	return resource.PropertyMap{
		"id":                resource.NewStringProperty(id),
		"name":              resource.NewStringProperty(name),
		"location":          resource.NewStringProperty(v.Location),
		"type":              resource.NewStringProperty("Microsoft.Network/virtualNetworks"),
		"provisioningState": resource.NewStringProperty("Succeeded"),
		"addressSpace": resource.NewObjectProperty(resource.PropertyMap{
			"addressPrefixes": resource.NewArrayProperty(prefixes),
		}),
		"subnets": resource.NewArrayProperty(subnets),
	}
}

func (a Azure) vnetID(rg, name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/virtualNetworks/%s", a.Subscription, rg, name)
}

// Invoke answers the functions the project calls: getClientConfig, and
// getVirtualNetwork and getSubnet from the fixtures.
func (a Azure) Invoke(fixtures VirtualNetworkFixtures, tok string, args resource.PropertyMap) (resource.PropertyMap, error) {
	switch tok {
	case "azure-native:authorization:getClientConfig":
		return resource.PropertyMap{
			"clientId":       resource.NewStringProperty(ClientID),
			"objectId":       resource.NewStringProperty(ObjectID),
			"subscriptionId": resource.NewStringProperty(a.Subscription),
			"tenantId":       resource.NewStringProperty(a.Tenant),
		}, nil
	case "azure-native:network:getVirtualNetwork":
		v, rg, name, ok := fixtures.Find(strAt(args, "resourceGroupName"), strAt(args, "virtualNetworkName"))
		if !ok {
			return nil, notFound(strAt(args, "resourceGroupName"), "Microsoft.Network/virtualNetworks", strAt(args, "virtualNetworkName"))
		}
		return a.VirtualNetwork(rg, name, v), nil
	case "azure-native:network:getSubnet":
		rg, vname, sname := strAt(args, "resourceGroupName"), strAt(args, "virtualNetworkName"), strAt(args, "subnetName")
		if v, rg, vname, ok := fixtures.Find(rg, vname); ok {
			for sn := range v.Subnets {
				if strings.EqualFold(sn, sname) {
					return v.subnet(a.vnetID(rg, vname), sn), nil
				}
			}
		}
		return nil, notFound(rg, "Microsoft.Network/virtualNetworks/subnets", vname+"/"+sname)
	}
	return nil, fmt.Errorf("stand-in azure-native provider: function %q is not implemented "+
		"(only azure-native:authorization:getClientConfig, azure-native:network:getVirtualNetwork and azure-native:network:getSubnet are)", tok)
}
