package standin

import (
	"encoding/json"
	"fmt"
	"os"
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

// VirtualNetworkFixture is an existing VNet the stand-in pretends is in Azure.
type VirtualNetworkFixture struct {
	Name            string          `json:"name"`
	ResourceGroup   string          `json:"resourceGroup"`
	Location        string          `json:"location"`
	AddressPrefixes []string        `json:"addressPrefixes"`
	Subnets         []SubnetFixture `json:"subnets"`
}

// SubnetFixture is a subnet of a VirtualNetworkFixture.
type SubnetFixture struct {
	Name          string `json:"name"`
	AddressPrefix string `json:"addressPrefix"`
}

// LoadFixtures reads a fixture file: a JSON array of VNets, or an object
// {"virtualNetworks": [...]}.
func LoadFixtures(path string) ([]VirtualNetworkFixture, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("stand-in fixtures: %w", err)
	}
	var list []VirtualNetworkFixture
	if err := json.Unmarshal(data, &list); err == nil {
		return list, nil
	}
	var wrapped struct {
		VirtualNetworks []VirtualNetworkFixture `json:"virtualNetworks"`
	}
	if err := json.Unmarshal(data, &wrapped); err != nil {
		return nil, fmt.Errorf("stand-in fixtures %s: want a JSON array of virtual networks or {\"virtualNetworks\": [...]}: %w", path, err)
	}
	return wrapped.VirtualNetworks, nil
}

func (s *Server) findVNet(rg, name string) (*VirtualNetworkFixture, error) {
	vnets, err := s.fixtures()
	if err != nil {
		return nil, err
	}
	for i := range vnets {
		if strings.EqualFold(vnets[i].Name, name) && strings.EqualFold(vnets[i].ResourceGroup, rg) {
			return &vnets[i], nil
		}
	}
	return nil, nil
}

func notFound(rg, typ, name string) error {
	return fmt.Errorf("ResourceNotFound: The Resource '%s/%s' under resource group '%s' was not found. "+
		"For more details please go to https://aka.ms/ARMResourceNotFoundFix (stand-in azure-native provider: "+
		"describe existing networks in the file named by %s)", typ, name, rg, FixturesEnv)
}

func (s *Server) vnetID(v *VirtualNetworkFixture) string {
	sub, _ := s.subscriptionAndTenant()
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/virtualNetworks/%s", sub, v.ResourceGroup, v.Name)
}

func (s *Server) subnetMap(v *VirtualNetworkFixture, sn SubnetFixture) resource.PropertyMap {
	return resource.PropertyMap{
		"id":                resource.NewStringProperty(s.vnetID(v) + "/subnets/" + sn.Name),
		"name":              resource.NewStringProperty(sn.Name),
		"addressPrefix":     resource.NewStringProperty(sn.AddressPrefix),
		"provisioningState": resource.NewStringProperty("Succeeded"),
		"type":              resource.NewStringProperty("Microsoft.Network/virtualNetworks/subnets"),
	}
}

// vnetMap is a fixture VNet shaped as getVirtualNetwork's result (and
// VirtualNetwork's outputs).
func (s *Server) vnetMap(v *VirtualNetworkFixture) resource.PropertyMap {
	prefixes := make([]resource.PropertyValue, 0, len(v.AddressPrefixes))
	for _, p := range v.AddressPrefixes {
		prefixes = append(prefixes, resource.NewStringProperty(p))
	}
	subnets := make([]resource.PropertyValue, 0, len(v.Subnets))
	for _, sn := range v.Subnets {
		subnets = append(subnets, resource.NewObjectProperty(s.subnetMap(v, sn)))
	}
	return resource.PropertyMap{
		"id":                resource.NewStringProperty(s.vnetID(v)),
		"name":              resource.NewStringProperty(v.Name),
		"location":          resource.NewStringProperty(v.Location),
		"type":              resource.NewStringProperty("Microsoft.Network/virtualNetworks"),
		"provisioningState": resource.NewStringProperty("Succeeded"),
		"addressSpace": resource.NewObjectProperty(resource.PropertyMap{
			"addressPrefixes": resource.NewArrayProperty(prefixes),
		}),
		"subnets": resource.NewArrayProperty(subnets),
	}
}

// invoke answers the functions the project calls.
func (s *Server) invoke(tok string, args resource.PropertyMap) (resource.PropertyMap, error) {
	switch tok {
	case "azure-native:authorization:getClientConfig":
		sub, tenant := s.subscriptionAndTenant()
		return resource.PropertyMap{
			"clientId":       resource.NewStringProperty(ClientID),
			"objectId":       resource.NewStringProperty(ObjectID),
			"subscriptionId": resource.NewStringProperty(sub),
			"tenantId":       resource.NewStringProperty(tenant),
		}, nil
	case "azure-native:network:getVirtualNetwork":
		rg, name := strAt(args, "resourceGroupName"), strAt(args, "virtualNetworkName")
		v, err := s.findVNet(rg, name)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, notFound(rg, "Microsoft.Network/virtualNetworks", name)
		}
		return s.vnetMap(v), nil
	case "azure-native:network:getSubnet":
		rg, vname, sname := strAt(args, "resourceGroupName"), strAt(args, "virtualNetworkName"), strAt(args, "subnetName")
		v, err := s.findVNet(rg, vname)
		if err != nil {
			return nil, err
		}
		if v != nil {
			for _, sn := range v.Subnets {
				if strings.EqualFold(sn.Name, sname) {
					return s.subnetMap(v, sn), nil
				}
			}
		}
		return nil, notFound(rg, "Microsoft.Network/virtualNetworks/subnets", vname+"/"+sname)
	}
	return nil, fmt.Errorf("stand-in azure-native provider: function %q is not implemented "+
		"(only azure-native:authorization:getClientConfig, azure-native:network:getVirtualNetwork and azure-native:network:getSubnet are)", tok)
}
