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
// starts it: fixtures from FixturesEnv, the resources that exist in LiveEnv.
func OptionsFromEnvironment() Options {
	return Options{FixturesPath: os.Getenv(FixturesEnv), LiveDir: os.Getenv(LiveEnv)}
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
	// SubnetNSG and SubnetRouteTable map a subnet's name to the network
	// security group and route table it already has, by name, in the VNet's
	// resource group; SubnetPolicies to its service endpoint policies' IDs.
	SubnetNSG        map[string]string
	SubnetRouteTable map[string]string
	SubnetPolicies   map[string][]string
	// NSGs are the network security groups of the VNet's resource group,
	// with their rules; RouteTables its route tables, with their routes.
	NSGs        map[string][]SecurityRuleFixture
	RouteTables map[string][]RouteFixture
}

// SecurityRuleFixture is a rule of an existing NSG.
type SecurityRuleFixture struct {
	Name      string `json:"name"`
	Direction string `json:"direction"`
	Priority  int    `json:"priority"`
	Access    string `json:"access"`
}

// RouteFixture is a route of an existing route table.
type RouteFixture struct {
	Name          string `json:"name"`
	AddressPrefix string `json:"addressPrefix"`
	NextHopType   string `json:"nextHopType"`
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
		// NetworkSecurityGroup and RouteTable name the subnet's own, among
		// the file's; ServiceEndpointPolicies are policy IDs.
		NetworkSecurityGroup    string   `json:"networkSecurityGroup"`
		RouteTable              string   `json:"routeTable"`
		ServiceEndpointPolicies []string `json:"serviceEndpointPolicies"`
	} `json:"subnets"`
	NetworkSecurityGroups []struct {
		Name  string                `json:"name"`
		Rules []SecurityRuleFixture `json:"rules"`
	} `json:"networkSecurityGroups"`
	RouteTables []struct {
		Name   string         `json:"name"`
		Routes []RouteFixture `json:"routes"`
	} `json:"routeTables"`
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
		f := VirtualNetworkFixture{Location: v.Location, AddressSpace: v.AddressPrefixes, Subnets: map[string]string{},
			SubnetNSG: map[string]string{}, SubnetRouteTable: map[string]string{}, SubnetPolicies: map[string][]string{},
			NSGs: map[string][]SecurityRuleFixture{}, RouteTables: map[string][]RouteFixture{}}
		for _, sn := range v.Subnets {
			f.Subnets[sn.Name] = sn.AddressPrefix
			if len(sn.Delegations) > 0 {
				f.Delegated = append(f.Delegated, sn.Name)
			}
			if sn.NetworkSecurityGroup != "" {
				f.SubnetNSG[sn.Name] = sn.NetworkSecurityGroup
			}
			if sn.RouteTable != "" {
				f.SubnetRouteTable[sn.Name] = sn.RouteTable
			}
			if len(sn.ServiceEndpointPolicies) > 0 {
				f.SubnetPolicies[sn.Name] = sn.ServiceEndpointPolicies
			}
		}
		for _, n := range v.NetworkSecurityGroups {
			f.NSGs[n.Name] = n.Rules
		}
		for _, rt := range v.RouteTables {
			f.RouteTables[rt.Name] = rt.Routes
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
	rgID := vnetID[:strings.Index(vnetID, "/providers/")]
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
	ref := func(id string) resource.PropertyValue {
		return resource.NewObjectProperty(resource.PropertyMap{"id": resource.NewStringProperty(id)})
	}
	if nsg, ok := v.SubnetNSG[sn]; ok {
		m["networkSecurityGroup"] = ref(rgID + "/providers/Microsoft.Network/networkSecurityGroups/" + nsg)
	}
	if rt, ok := v.SubnetRouteTable[sn]; ok {
		m["routeTable"] = ref(rgID + "/providers/Microsoft.Network/routeTables/" + rt)
	}
	if ids := v.SubnetPolicies[sn]; len(ids) > 0 {
		var policies []resource.PropertyValue
		for _, id := range ids {
			policies = append(policies, ref(id))
		}
		m["serviceEndpointPolicies"] = resource.NewArrayProperty(policies)
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
	case "azure-native:network:getNetworkSecurityGroup":
		rg, name := strAt(args, "resourceGroupName"), strAt(args, "networkSecurityGroupName")
		for key, v := range fixtures {
			vrg, _, _ := strings.Cut(key, "/")
			if rules, ok := v.NSGs[name]; ok && strings.EqualFold(vrg, rg) {
				id := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/networkSecurityGroups/%s", a.Subscription, vrg, name)
				var out []resource.PropertyValue
				for _, r := range rules {
					out = append(out, resource.NewObjectProperty(resource.PropertyMap{
						"id": resource.NewStringProperty(id + "/securityRules/" + r.Name), "name": resource.NewStringProperty(r.Name),
						"direction": resource.NewStringProperty(r.Direction), "priority": resource.NewNumberProperty(float64(r.Priority)),
						"access": resource.NewStringProperty(r.Access), "protocol": resource.NewStringProperty("*"),
					}))
				}
				return resource.PropertyMap{"id": resource.NewStringProperty(id), "name": resource.NewStringProperty(name),
					"securityRules": resource.NewArrayProperty(out)}, nil
			}
		}
		return nil, notFound(rg, "Microsoft.Network/networkSecurityGroups", name)
	case "azure-native:network:getRouteTable":
		rg, name := strAt(args, "resourceGroupName"), strAt(args, "routeTableName")
		for key, v := range fixtures {
			vrg, _, _ := strings.Cut(key, "/")
			if routes, ok := v.RouteTables[name]; ok && strings.EqualFold(vrg, rg) {
				id := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/routeTables/%s", a.Subscription, vrg, name)
				var out []resource.PropertyValue
				for _, r := range routes {
					out = append(out, resource.NewObjectProperty(resource.PropertyMap{
						"id": resource.NewStringProperty(id + "/routes/" + r.Name), "name": resource.NewStringProperty(r.Name),
						"addressPrefix": resource.NewStringProperty(r.AddressPrefix), "nextHopType": resource.NewStringProperty(r.NextHopType),
					}))
				}
				return resource.PropertyMap{"id": resource.NewStringProperty(id), "name": resource.NewStringProperty(name),
					"routes": resource.NewArrayProperty(out)}, nil
			}
		}
		return nil, notFound(rg, "Microsoft.Network/routeTables", name)
	}
	return nil, fmt.Errorf("stand-in azure-native provider: function %q is not implemented "+
		"(only getClientConfig, getVirtualNetwork, getSubnet, getNetworkSecurityGroup and getRouteTable are)", tok)
}
