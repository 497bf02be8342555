package components

import (
	"maps"
	"net/netip"
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
	CloudPublic       = netplan.CloudPublic
	CloudUSGovernment = netplan.CloudUSGovernment
	CloudChina        = netplan.CloudChina
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
// "Azure Private Endpoint DNS configuration",
// https://learn.microsoft.com/azure/private-link/private-endpoint-dns). The
// workspace needs both of its zones (api and notebooks).
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

// PrivateEndpoint is one endpoint to create.
type PrivateEndpoint struct {
	// Name identifies the endpoint (e.g. "storage-blob"). Required, unique.
	Name string `pulumi:"name"`
	// Target names the resource, a key of the args' Targets (e.g. "storage").
	// Required.
	Target string `pulumi:"target"`
	// Group is the sub-resource: one of the Group* constants. Required.
	Group string `pulumi:"group"`
}

// PrivateEndpointsSpec configures private endpoints for the workspace's
// resources and their private DNS zones. In the root program Cloud is
// amlvnet:network.cloud and the endpoints follow from the isolation mode.
type PrivateEndpointsSpec struct {
	// Cloud selects the zone names: public, usgovernment or china.
	// Optional. Defaults to the cloud of the location's region.
	Cloud string `json:"cloud,omitempty" pulumi:"cloud,optional"`
	// Endpoints to create. Required.
	Endpoints []PrivateEndpoint `json:"-" pulumi:"endpoints"`
}

// WithDefaults returns the spec with its documented defaults filled in for
// a canonical region ("" assumes the public cloud).
func (s PrivateEndpointsSpec) WithDefaults(region string) PrivateEndpointsSpec {
	if s.Cloud == "" {
		s.Cloud = netplan.RegionCloud(region)
	}
	return s
}

// PrivateEndpointsSite is where the endpoints go, as their validation needs it.
type PrivateEndpointsSite struct {
	// Region is the canonical region; "" skips the checks that need it.
	Region string
	// Subnet is the endpoints' subnet, named at SubnetPath; the zero Prefix
	// skips the capacity check.
	Subnet     netip.Prefix
	SubnetPath *Path
}

// addressesNeeded is how many addresses the endpoints take in their subnet.
func (s PrivateEndpointsSpec) addressesNeeded() int {
	n := 0
	for _, e := range s.Endpoints {
		if k, ok := endpointAddresses[e.Group]; ok {
			n += k
		} else {
			n++
		}
	}
	return n
}

// Validate reports every problem of the spec, named below p, and whether the
// endpoints fit the site's subnet.
func (s PrivateEndpointsSpec) Validate(p *Path, site PrivateEndpointsSite) Problems {
	endpointsPath := p.Child("endpoints")
	given := s.Cloud
	s = s.WithDefaults(site.Region)
	var ps Problems
	zones, ok := privateDNSZones[s.Cloud]
	if !ok {
		ps.Add(p.Child("cloud"), "%q is not a cloud we know the private DNS zones of; use one of %v", s.Cloud, slices.Sorted(maps.Keys(privateDNSZones)))
	} else if cloud := netplan.RegionCloud(site.Region); given != "" && site.Region != "" && given != cloud {
		ps.Add(p.Child("cloud"), "is %s, but region %s is in the %s cloud; leave it out or set it to %s", given, site.Region, cloud, cloud)
	}
	if len(s.Endpoints) == 0 {
		ps.Add(endpointsPath, "at least one resource to reach privately is required")
	}
	names := map[string]bool{}
	for i, e := range s.Endpoints {
		f := endpointsPath.Index(i)
		if e.Name == "" || names[e.Name] {
			ps.Add(f.Child("name"), "%q: a unique endpoint name is required", e.Name)
		}
		names[e.Name] = true
		if ok {
			if _, known := zones[e.Group]; !known {
				ps.Add(f.Child("group"), "%q is not a sub-resource we can reach privately; use one of %v", e.Group, slices.Sorted(maps.Keys(zones)))
			}
		}
	}
	if site.Subnet.IsValid() {
		if err := netplan.CheckSubnetCapacity(site.Subnet, s.addressesNeeded()); err != nil {
			ps.Add(site.SubnetPath, "%d private endpoints need %d addresses: %v", len(s.Endpoints), s.addressesNeeded(), err)
		}
	}
	return ps
}

// PrivateEndpointsArgs configures a PrivateEndpoints.
type PrivateEndpointsArgs struct {
	// Spec lists the endpoints. Required.
	Spec PrivateEndpointsSpec `pulumi:"spec"`
	// ResourceGroupName receives the endpoints and zones. Required.
	ResourceGroupName pulumi.StringInput `pulumi:"resourceGroupName"`
	// Location of the endpoints (the VNet's region). Required.
	Location string `pulumi:"location"`
	// VnetID is linked to every private DNS zone. Required.
	VnetID pulumi.StringInput `pulumi:"vnetId"`
	// Subnet hosts the endpoints: its ID and Prefix are used. Required.
	Subnet SubnetRef
	// Targets are the resource IDs the endpoints reach, by the names the
	// endpoints' Target fields use. Required.
	Targets map[string]pulumi.StringInput `pulumi:"targets"`
	// Tags for every resource created. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

// Validate reports every problem of the args, each named by the path of its
// input, without registering anything; NewPrivateEndpoints runs it first.
func (a *PrivateEndpointsArgs) Validate() Problems {
	var ps Problems
	region := checkRegion(&ps, NewPath("location"), a.Location)
	ps = append(ps, a.Spec.Validate(NewPath("spec"), PrivateEndpointsSite{Region: region, Subnet: a.Subnet.Prefix, SubnetPath: NewPath("subnet", "prefix")})...)
	for field, v := range map[string]pulumi.Input{"resourceGroupName": a.ResourceGroupName, "vnetId": a.VnetID, "subnet.id": a.Subnet.ID} {
		if v == nil {
			ps.Add(NewPath(field), "is required")
		}
	}
	if !a.Subnet.Prefix.IsValid() {
		ps.Add(NewPath("subnet", "prefix"), "is required: the subnet's range, to check it has room")
	}
	for i, e := range a.Spec.Endpoints {
		if a.Targets[e.Target] == nil {
			ps.Add(NewPath("spec", "endpoints").Index(i).Child("target"), "%q is not a key of targets; give its resource ID there", e.Target)
		}
	}
	return ps
}

// PrivateEndpoints is a set of private endpoints with their DNS zones linked
// to the VNet and a zone group on each endpoint, so the resources' names
// resolve to private addresses inside the VNet.
type PrivateEndpoints struct {
	pulumi.ResourceState

	// EndpointIDs are the endpoints' ARM IDs by their names.
	EndpointIDs pulumi.StringMapOutput `pulumi:"endpointIds"`
	// ZoneNames are the private DNS zones linked to the VNet.
	ZoneNames pulumi.StringArrayOutput `pulumi:"zoneNames"`
}

// NewPrivateEndpoints validates args and creates the zones, links, endpoints
// and zone groups.
func NewPrivateEndpoints(ctx *pulumi.Context, name string, args *PrivateEndpointsArgs, opts ...pulumi.ResourceOption) (*PrivateEndpoints, error) {
	if args == nil {
		args = &PrivateEndpointsArgs{}
	}
	if err := validated(ctx, "PrivateEndpoints", args.Validate()); err != nil {
		return nil, err
	}
	spec := args.Spec.WithDefaults(mustRegion(args.Location))
	comp := &PrivateEndpoints{}
	if err := ctx.RegisterComponentResource(PrivateEndpointsType, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	tags := pulumi.ToStringMap(args.Tags)
	region := mustRegion(args.Location)

	// One zone per name, shared by the endpoints that need it.
	needed := map[string]bool{}
	for _, e := range spec.Endpoints {
		for _, z := range privateDNSZones[spec.Cloud][e.Group] {
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
	for _, e := range spec.Endpoints {
		pe, err := network.NewPrivateEndpoint(ctx, name+"-"+e.Name, &network.PrivateEndpointArgs{
			ResourceGroupName: args.ResourceGroupName,
			Location:          pulumi.String(region),
			Subnet:            &network.SubnetTypeArgs{Id: args.Subnet.ID},
			PrivateLinkServiceConnections: network.PrivateLinkServiceConnectionArray{
				&network.PrivateLinkServiceConnectionArgs{
					Name:                 pulumi.String(e.Name),
					PrivateLinkServiceId: args.Targets[e.Target],
					GroupIds:             pulumi.StringArray{pulumi.String(e.Group)},
				},
			},
			Tags: tags,
		}, parent)
		if err != nil {
			return nil, err
		}
		var configs network.PrivateDnsZoneConfigArray
		for _, z := range privateDNSZones[spec.Cloud][e.Group] {
			configs = append(configs, &network.PrivateDnsZoneConfigArgs{
				Name:             pulumi.String(strings.ReplaceAll(z, ".", "-")),
				PrivateDnsZoneId: zoneIDs[z],
			})
		}
		if _, err := network.NewPrivateDnsZoneGroup(ctx, name+"-"+e.Name+"-dns", &network.PrivateDnsZoneGroupArgs{
			ResourceGroupName:       args.ResourceGroupName,
			PrivateEndpointName:     pe.Name,
			PrivateDnsZoneGroupName: pulumi.String("default"),
			PrivateDnsZoneConfigs:   configs,
		}, parent); err != nil {
			return nil, err
		}
		endpointIDs[e.Name] = pe.ID().ToStringOutput()
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
