package components

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// PrivateEndpointsType is the type token of PrivateEndpoints.
const PrivateEndpointsType = "amlvnet:index:PrivateEndpoints"

// Azure clouds, for private DNS zone names.
const (
	CloudPublic       = "public"
	CloudUSGovernment = "usgovernment"
	CloudChina        = "china"
)

// Sub-resources (group IDs) a private endpoint can target.
const (
	GroupWorkspace = "amlworkspace"
	GroupBlob      = "blob"
	GroupFile      = "file"
	GroupQueue     = "queue"
	GroupTable     = "table"
	GroupVault     = "vault"
	GroupRegistry  = "registry"
)

// privateDNSZones lists the zones each group ID needs, per cloud (Azure
// "Azure Private Endpoint DNS configuration"). The workspace needs both of
// its zones (AZURE-FACTS: private endpoints).
var privateDNSZones = map[string]map[string][]string{
	CloudPublic: {
		GroupWorkspace: {"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"},
		GroupBlob:      {"privatelink.blob.core.windows.net"},
		GroupFile:      {"privatelink.file.core.windows.net"},
		GroupQueue:     {"privatelink.queue.core.windows.net"},
		GroupTable:     {"privatelink.table.core.windows.net"},
		GroupVault:     {"privatelink.vaultcore.azure.net"},
		GroupRegistry:  {"privatelink.azurecr.io"},
	},
	CloudUSGovernment: {
		GroupWorkspace: {"privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"},
		GroupBlob:      {"privatelink.blob.core.usgovcloudapi.net"},
		GroupFile:      {"privatelink.file.core.usgovcloudapi.net"},
		GroupQueue:     {"privatelink.queue.core.usgovcloudapi.net"},
		GroupTable:     {"privatelink.table.core.usgovcloudapi.net"},
		GroupVault:     {"privatelink.vaultcore.usgovcloudapi.net"},
		GroupRegistry:  {"privatelink.azurecr.us"},
	},
	CloudChina: {
		GroupWorkspace: {"privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"},
		GroupBlob:      {"privatelink.blob.core.chinacloudapi.cn"},
		GroupFile:      {"privatelink.file.core.chinacloudapi.cn"},
		GroupQueue:     {"privatelink.queue.core.chinacloudapi.cn"},
		GroupTable:     {"privatelink.table.core.chinacloudapi.cn"},
		GroupVault:     {"privatelink.vaultcore.azure.cn"},
		GroupRegistry:  {"privatelink.azurecr.cn"},
	},
}

// PrivateDNSZones returns the private DNS zones of a group ID in a cloud.
func PrivateDNSZones(cloud, group string) []string {
	return append([]string(nil), privateDNSZones[cloud][group]...)
}

// endpointAddresses is how many subnet addresses one endpoint of a group
// takes: one per DNS name it serves. The workspace's endpoint serves its API,
// notebooks and certificate names; a Premium registry its login server and
// one data endpoint per region.
var endpointAddresses = map[string]int{GroupWorkspace: 3, GroupRegistry: 2}

// PrivateEndpointTarget is one resource reached through a private endpoint.
type PrivateEndpointTarget struct {
	// Name identifies the endpoint (e.g. "storage-blob"). Required, unique.
	Name string
	// ResourceID of the target resource. Required.
	ResourceID pulumi.StringInput
	// Group is the sub-resource: one of the Group* constants. Required.
	Group string
}

// PrivateEndpointsArgs configures the private endpoints of the workspace's
// resources and their private DNS zones.
type PrivateEndpointsArgs struct {
	// ResourceGroupName receives the endpoints and zones. Required.
	ResourceGroupName pulumi.StringInput
	// Location of the endpoints (the VNet's region). Required.
	Location string
	// Cloud selects the zone names: public, usgovernment or china.
	// Optional. Defaults to public.
	Cloud string
	// VnetID is linked to every private DNS zone. Required.
	VnetID pulumi.StringInput
	// SubnetID hosts the endpoints. Required.
	SubnetID pulumi.StringInput
	// SubnetPrefix is that subnet's CIDR, to check it has room. Required.
	SubnetPrefix string
	// Targets to reach privately. Required.
	Targets []PrivateEndpointTarget
	// Tags for every resource created. Optional.
	Tags map[string]string
}

func (a *PrivateEndpointsArgs) applyDefaults() {
	if a.Cloud == "" {
		a.Cloud = CloudPublic
	}
}

// AddressesNeeded is how many addresses the endpoints take in their subnet.
func (a *PrivateEndpointsArgs) AddressesNeeded() int {
	n := 0
	for _, t := range a.Targets {
		if k, ok := endpointAddresses[t.Group]; ok {
			n += k
		} else {
			n++
		}
	}
	return n
}

// Validate reports every problem in the Args.
func (a *PrivateEndpointsArgs) Validate() error {
	a.applyDefaults()
	var ps problems
	for field, v := range map[string]pulumi.Input{"resourceGroupName": a.ResourceGroupName, "vnetId": a.VnetID, "subnetId": a.SubnetID} {
		if v == nil {
			ps.add(field, "is required")
		}
	}
	if _, err := netplan.CanonicalRegion(a.Location); err != nil {
		ps.add("location", "%v", err)
	}
	zones, ok := privateDNSZones[a.Cloud]
	if !ok {
		ps.add("cloud", "%q is not a cloud we know the private DNS zones of; use one of %v", a.Cloud, slices.Sorted(maps.Keys(privateDNSZones)))
	}
	if len(a.Targets) == 0 {
		ps.add("targets", "at least one resource to reach privately is required")
	}
	names := map[string]bool{}
	for i, t := range a.Targets {
		f := fmt.Sprintf("targets[%d]", i)
		if t.Name == "" || names[t.Name] {
			ps.add(f+".name", "%q: a unique endpoint name is required", t.Name)
		}
		names[t.Name] = true
		if t.ResourceID == nil {
			ps.add(f+".resourceId", "is required")
		}
		if ok {
			if _, known := zones[t.Group]; !known {
				ps.add(f+".group", "%q is not a sub-resource we can reach privately; use one of %v", t.Group, slices.Sorted(maps.Keys(zones)))
			}
		}
	}
	if subnet, err := netplan.ParsePrefix(a.SubnetPrefix); err != nil {
		ps.add("subnetPrefix", "%v", err)
	} else if err := netplan.CheckSubnetCapacity(subnet, a.AddressesNeeded()); err != nil {
		ps.add("subnetPrefix", "%d private endpoints need %d addresses: %v", len(a.Targets), a.AddressesNeeded(), err)
	}
	return ps.err("PrivateEndpoints")
}

// PrivateEndpoints is a set of private endpoints with their DNS zones linked
// to the VNet and a zone group on each endpoint, so the resources' names
// resolve to private addresses inside the VNet.
type PrivateEndpoints struct {
	pulumi.ResourceState

	EndpointIDs pulumi.StringMapOutput   `pulumi:"endpointIds"`
	ZoneNames   pulumi.StringArrayOutput `pulumi:"zoneNames"`
}

// NewPrivateEndpoints validates args and creates the zones, links, endpoints
// and zone groups.
func NewPrivateEndpoints(ctx *pulumi.Context, name string, args *PrivateEndpointsArgs, opts ...pulumi.ResourceOption) (*PrivateEndpoints, error) {
	if args == nil {
		args = &PrivateEndpointsArgs{}
	}
	if err := args.Validate(); err != nil {
		return nil, err
	}
	comp := &PrivateEndpoints{}
	if err := ctx.RegisterComponentResource(PrivateEndpointsType, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	tags := pulumi.ToStringMap(args.Tags)
	region := mustRegion(args.Location)

	// One zone per name, shared by the endpoints that need it.
	needed := map[string]bool{}
	for _, t := range args.Targets {
		for _, z := range privateDNSZones[args.Cloud][t.Group] {
			needed[z] = true
		}
	}
	zoneIDs := map[string]pulumi.StringOutput{}
	zoneNames := slices.Sorted(maps.Keys(needed))
	for _, z := range zoneNames {
		key := strings.ReplaceAll(strings.TrimPrefix(z, "privatelink."), ".", "-")
		zone, err := network.NewPrivateZone(ctx, name+"-zone-"+key, &network.PrivateZoneArgs{
			ResourceGroupName: args.ResourceGroupName,
			PrivateZoneName:   pulumi.String(z),
			// Private DNS zones are global resources.
			Location: pulumi.String("Global"),
			Tags:     tags,
		}, parent)
		if err != nil {
			return nil, err
		}
		if _, err := network.NewVirtualNetworkLink(ctx, name+"-link-"+key, &network.VirtualNetworkLinkArgs{
			ResourceGroupName:   args.ResourceGroupName,
			PrivateZoneName:     zone.Name,
			Location:            pulumi.String("Global"),
			VirtualNetwork:      &network.SubResourceArgs{Id: args.VnetID},
			RegistrationEnabled: pulumi.Bool(false),
			Tags:                tags,
		}, parent); err != nil {
			return nil, err
		}
		zoneIDs[z] = zone.ID().ToStringOutput()
	}

	endpointIDs := pulumi.StringMap{}
	for _, t := range args.Targets {
		pe, err := network.NewPrivateEndpoint(ctx, name+"-"+t.Name, &network.PrivateEndpointArgs{
			ResourceGroupName: args.ResourceGroupName,
			Location:          pulumi.String(region),
			Subnet:            &network.SubnetTypeArgs{Id: args.SubnetID},
			PrivateLinkServiceConnections: network.PrivateLinkServiceConnectionArray{
				&network.PrivateLinkServiceConnectionArgs{
					Name:                 pulumi.String(t.Name),
					PrivateLinkServiceId: t.ResourceID,
					GroupIds:             pulumi.StringArray{pulumi.String(t.Group)},
				},
			},
			Tags: tags,
		}, parent)
		if err != nil {
			return nil, err
		}
		var configs network.PrivateDnsZoneConfigArray
		for _, z := range privateDNSZones[args.Cloud][t.Group] {
			configs = append(configs, &network.PrivateDnsZoneConfigArgs{
				Name:             pulumi.String(strings.ReplaceAll(z, ".", "-")),
				PrivateDnsZoneId: zoneIDs[z],
			})
		}
		if _, err := network.NewPrivateDnsZoneGroup(ctx, name+"-"+t.Name+"-dns", &network.PrivateDnsZoneGroupArgs{
			ResourceGroupName:       args.ResourceGroupName,
			PrivateEndpointName:     pe.Name,
			PrivateDnsZoneGroupName: pulumi.String("default"),
			PrivateDnsZoneConfigs:   configs,
		}, parent); err != nil {
			return nil, err
		}
		endpointIDs[t.Name] = pe.ID().ToStringOutput()
	}
	sort.Strings(zoneNames)
	comp.EndpointIDs = endpointIDs.ToStringMapOutput()
	comp.ZoneNames = pulumi.ToStringArray(zoneNames).ToStringArrayOutput()
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"endpointIds": comp.EndpointIDs,
		"zoneNames":   comp.ZoneNames,
	}); err != nil {
		return nil, err
	}
	return comp, nil
}
