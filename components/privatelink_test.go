package components

import (
	"maps"
	"net/netip"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

// privateArgs reaches every group the program uses: the workspace, the four
// storage services, the vault and the registry (7 endpoints, 10 addresses).
func privateArgs() *PrivateEndpointsArgs {
	return &PrivateEndpointsArgs{
		ResourceGroupName: pulumi.String("rg"),
		Location:          "eastus2",
		VnetID:            pulumi.String(vnetID),
		Subnet:            peSubnetRef(),
		Spec: PrivateEndpointsSpec{Endpoints: []PrivateEndpoint{
			{Name: "storage-blob", Target: "storage", Group: GroupBlob},
			{Name: "storage-file", Target: "storage", Group: GroupFile},
			{Name: "storage-queue", Target: "storage", Group: GroupQueue},
			{Name: "storage-table", Target: "storage", Group: GroupTable},
			{Name: "keyvault", Target: "vault", Group: GroupVault},
			{Name: "registry", Target: "registry", Group: GroupRegistry},
			{Name: "workspace", Target: "workspace", Group: GroupWorkspace},
		}},
		Targets: map[string]pulumi.StringInput{
			"storage":   pulumi.String(storageID),
			"vault":     pulumi.String(vaultID),
			"registry":  pulumi.String(registryID),
			"workspace": pulumi.String(wsID),
		},
	}
}

func privateErr(t *testing.T, args *PrivateEndpointsArgs) error {
	t.Helper()
	return constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewPrivateEndpoints(ctx, "pe", args)
		return err
	})
}

// zoneNameOf reads the zone name out of a private DNS zone ID.
func zoneNameOf(id string) string {
	if i := strings.Index(id, "/privateDnsZones/"); i >= 0 {
		return id[i+len("/privateDnsZones/"):]
	}
	return ""
}

func TestPrivateEndpoints(t *testing.T) {
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewPrivateEndpoints(ctx, "pe", privateArgs())
		return err
	})
	// endpoint name -> the resource it reaches and its group.
	targets := map[string]string{"storage-blob": storageID, "storage-file": storageID, "storage-queue": storageID, "storage-table": storageID,
		"keyvault": vaultID, "registry": registryID, "workspace": wsID}
	groups := map[string]string{"storage-blob": "blob", "storage-file": "file", "storage-queue": "queue", "storage-table": "table",
		"keyvault": "vault", "registry": "registry", "workspace": "amlworkspace"}

	// One endpoint per target, in the subnet, with its group and target.
	endpoints := m.OfType("azure-native:network:PrivateEndpoint")
	if len(endpoints) != len(targets) {
		t.Fatalf("%d endpoints for %d targets", len(endpoints), len(targets))
	}
	endpointOf := map[string]string{} // endpoint resource name -> endpoint name
	for _, pe := range endpoints {
		conns, _ := pe.Input("privateLinkServiceConnections")
		if len(conns.ArrayValue()) != 1 {
			t.Fatalf("%s: want one connection, got %v", pe.Name, conns)
		}
		c := conns.ArrayValue()[0].ObjectValue()
		name := c["name"].StringValue()
		endpointOf[pe.Name] = name
		if pe.Name != "pe-"+name {
			t.Errorf("endpoint %s for connection %s", pe.Name, name)
		}
		var gids []string
		for _, g := range c["groupIds"].ArrayValue() {
			gids = append(gids, g.StringValue())
		}
		if !reflect.DeepEqual(gids, []string{groups[name]}) {
			t.Errorf("%s: groupIds %v, want [%s]", name, gids, groups[name])
		}
		if got := c["privateLinkServiceId"].StringValue(); got != targets[name] {
			t.Errorf("%s: privateLinkServiceId %q, want %q", name, got, targets[name])
		}
		if pe.String("subnet.id") != peSubnetID || pe.String("location") != "eastus2" {
			t.Errorf("%s: subnet %q location %q", name, pe.String("subnet.id"), pe.String("location"))
		}
	}
	if len(endpointOf) != len(targets) {
		t.Errorf("endpoints %v", endpointOf)
	}

	// Zones: one per name, shared (four storage zones, not eight), both of
	// the workspace's.
	wantZones := []string{
		"privatelink.api.azureml.ms", "privatelink.azurecr.io", "privatelink.blob.core.windows.net", "privatelink.file.core.windows.net",
		"privatelink.notebooks.azure.net", "privatelink.queue.core.windows.net", "privatelink.table.core.windows.net", "privatelink.vaultcore.azure.net",
	}
	var zones []string
	for _, z := range m.OfType("azure-native:network:PrivateZone") {
		zones = append(zones, z.String("privateZoneName"))
		if z.String("location") != "Global" {
			t.Errorf("zone %s in %q, want Global", z.String("privateZoneName"), z.String("location"))
		}
	}
	sort.Strings(zones)
	if !reflect.DeepEqual(zones, wantZones) {
		t.Errorf("zones %v, want %v", zones, wantZones)
	}

	// A link per zone to the VNet, without auto-registration.
	linked := map[string]bool{}
	for _, l := range m.OfType("azure-native:network:VirtualNetworkLink") {
		linked[l.String("privateZoneName")] = true
		if l.String("virtualNetwork.id") != vnetID || l.String("location") != "Global" {
			t.Errorf("link %s: VNet %q location %q", l.Name, l.String("virtualNetwork.id"), l.String("location"))
		}
		if b, ok := l.Bool("registrationEnabled"); !ok || b {
			t.Errorf("link %s: registrationEnabled must be false", l.Name)
		}
	}
	if len(m.OfType("azure-native:network:VirtualNetworkLink")) != len(wantZones) || len(linked) != len(wantZones) {
		t.Errorf("links to zones %v, want one per zone %v", slices.Sorted(maps.Keys(linked)), wantZones)
	}

	// A zone group per endpoint, naming exactly that group's zones.
	zoneGroups := m.OfType("azure-native:network:PrivateDnsZoneGroup")
	if len(zoneGroups) != len(targets) {
		t.Fatalf("%d zone groups for %d endpoints", len(zoneGroups), len(targets))
	}
	seen := map[string]bool{}
	for _, zg := range zoneGroups {
		target, ok := endpointOf[zg.String("privateEndpointName")]
		if !ok {
			t.Errorf("zone group %s on unknown endpoint %q", zg.Name, zg.String("privateEndpointName"))
			continue
		}
		seen[target] = true
		var got []string
		v, _ := zg.Input("privateDnsZoneConfigs")
		for _, c := range v.ArrayValue() {
			got = append(got, zoneNameOf(c.ObjectValue()["privateDnsZoneId"].StringValue()))
		}
		sort.Strings(got)
		want := PrivateDNSZones(CloudPublic, groups[target])
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s zone group names zones %v, want %v", target, got, want)
		}
	}
	if len(seen) != len(targets) {
		t.Errorf("zone groups on %v", slices.Sorted(maps.Keys(seen)))
	}
	parentedTo(t, m, PrivateEndpointsType)
}

func TestPrivateDNSZonesPerCloud(t *testing.T) {
	for _, tt := range []struct {
		cloud         string
		workspace     []string
		vault         string
		blob          string
		registryZones []string
	}{
		{CloudPublic, []string{"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"}, "privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net", []string{"privatelink.azurecr.io"}},
		{CloudUSGovernment, []string{"privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"}, "privatelink.vaultcore.usgovcloudapi.net", "privatelink.blob.core.usgovcloudapi.net", []string{"privatelink.azurecr.us"}},
		{CloudChina, []string{"privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"}, "privatelink.vaultcore.azure.cn", "privatelink.blob.core.chinacloudapi.cn", []string{"privatelink.azurecr.cn"}},
	} {
		t.Run(tt.cloud, func(t *testing.T) {
			if got := PrivateDNSZones(tt.cloud, GroupWorkspace); !reflect.DeepEqual(got, tt.workspace) {
				t.Errorf("workspace zones %v, want %v", got, tt.workspace)
			}
			if got := PrivateDNSZones(tt.cloud, GroupVault); !reflect.DeepEqual(got, []string{tt.vault}) {
				t.Errorf("vault zones %v, want %s", got, tt.vault)
			}
			if got := PrivateDNSZones(tt.cloud, GroupBlob); !reflect.DeepEqual(got, []string{tt.blob}) {
				t.Errorf("blob zones %v, want %s", got, tt.blob)
			}
			if got := PrivateDNSZones(tt.cloud, GroupRegistry); !reflect.DeepEqual(got, tt.registryZones) {
				t.Errorf("registry zones %v, want %v", got, tt.registryZones)
			}
			// The component creates those zones for a workspace and a vault.
			m := &pulumitest.Mocks{}
			args := privateArgs()
			// A cloud's zones are those of a region in that cloud.
			args.Location = map[string]string{CloudPublic: "eastus2", CloudUSGovernment: "usgovvirginia", CloudChina: "chinanorth3"}[tt.cloud]
			args.Spec = PrivateEndpointsSpec{Cloud: tt.cloud, Endpoints: []PrivateEndpoint{
				{Name: "workspace", Target: "workspace", Group: GroupWorkspace},
				{Name: "keyvault", Target: "vault", Group: GroupVault},
			}}
			run(t, m, func(ctx *pulumi.Context) error {
				_, err := NewPrivateEndpoints(ctx, "pe", args)
				return err
			})
			var zones []string
			for _, z := range m.OfType("azure-native:network:PrivateZone") {
				zones = append(zones, z.String("privateZoneName"))
			}
			sort.Strings(zones)
			want := append(append([]string(nil), tt.workspace...), tt.vault)
			sort.Strings(want)
			if !reflect.DeepEqual(zones, want) {
				t.Errorf("zones %v, want %v", zones, want)
			}
		})
	}
	if got := PrivateDNSZones("mars", GroupWorkspace); len(got) != 0 {
		t.Errorf("an unknown cloud has no zones, got %v", got)
	}
	// Callers get a copy: changing it does not change the table.
	z := PrivateDNSZones(CloudPublic, GroupVault)
	z[0] = "changed"
	if PrivateDNSZones(CloudPublic, GroupVault)[0] != "privatelink.vaultcore.azure.net" {
		t.Error("PrivateDNSZones hands out the table itself")
	}
}

func TestPrivateEndpointsValidation(t *testing.T) {
	small := privateArgs()
	small.Subnet.Prefix = netip.MustParsePrefix("10.20.1.0/29")
	wantProblems(t, privateErr(t, small), "subnet.prefix: 7 private endpoints need 10 addresses: 10.20.1.0/29 has 3 usable addresses (Azure keeps 5 of 8) but 10 are needed; use a /28 or larger")
	if n := privateArgs().Spec.addressesNeeded(); n != 10 {
		t.Errorf("7 endpoints take %d addresses, want 10 (workspace 3, registry 2, one each for the rest)", n)
	}
	fits := privateArgs()
	fits.Subnet.Prefix = netip.MustParsePrefix("10.20.1.0/28") // 11 usable
	if ps := fits.Spec.Validate(NewPath("spec"), PrivateEndpointsSite{Region: "eastus2", Subnet: fits.Subnet.Prefix, SubnetPath: NewPath("subnet", "prefix")}); len(ps) != 0 {
		t.Errorf("10 addresses fit a /28: %v", ps)
	}
	run(t, &pulumitest.Mocks{}, func(ctx *pulumi.Context) error {
		_, err := NewPrivateEndpoints(ctx, "pe", fits)
		return err
	})

	cloud := privateArgs()
	cloud.Spec.Cloud = "mars"
	wantProblems(t, privateErr(t, cloud), `spec.cloud: "mars" is not a cloud we know the private DNS zones of; use one of [china public usgovernment]`)

	group := privateArgs()
	group.Spec.Endpoints[0].Group = "dfs"
	wantProblems(t, privateErr(t, group), `spec.endpoints[0].group: "dfs" is not a sub-resource we can reach privately`)

	dup := privateArgs()
	dup.Spec.Endpoints[1].Name = "storage-blob"
	wantProblems(t, privateErr(t, dup), `spec.endpoints[1].name: "storage-blob": a unique endpoint name is required`)

	target := privateArgs()
	target.Spec.Endpoints[4].Target = "kv"
	wantProblems(t, privateErr(t, target), `spec.endpoints[4].target: "kv" is not a key of targets`)

	empty := &PrivateEndpointsArgs{Location: "eastus2", Subnet: SubnetRef{Prefix: netip.MustParsePrefix("10.20.1.0/27")}}
	wantProblems(t, privateErr(t, empty), "resourceGroupName: is required", "vnetId: is required", "subnet.id: is required", "spec.endpoints: at least one")

	noPrefix := privateArgs()
	noPrefix.Subnet.Prefix = netip.Prefix{}
	wantProblems(t, privateErr(t, noPrefix), "subnet.prefix: is required")
}

func TestPrivateEndpointsSpecValidate(t *testing.T) {
	spec := PrivateEndpointsSpec{Endpoints: []PrivateEndpoint{{Name: "", Group: GroupBlob}, {Name: "ws", Group: GroupWorkspace}}}
	// The capacity problem is named where the caller says the subnet is.
	wantSpecProblems(t, spec.Validate(NewPath("amlvnet:privateEndpoints"), PrivateEndpointsSite{Subnet: netip.MustParsePrefix("10.20.1.0/30"), SubnetPath: NewPath("amlvnet:network", "privateEndpointSubnet")}),
		`amlvnet:privateEndpoints.endpoints[0].name: "": a unique endpoint name is required`,
		"amlvnet:network.privateEndpointSubnet: 2 private endpoints need 4 addresses: 10.20.1.0/30 is smaller than /29")
	// The zero Prefix skips the capacity check.
	wantSpecProblems(t, PrivateEndpointsSpec{Endpoints: []PrivateEndpoint{{Name: "ws", Group: GroupWorkspace}}}.Validate(NewPath("spec"), PrivateEndpointsSite{}))
}

// The cloud follows the region unless given, and a given cloud must be the
// region's: zone names of another cloud would never resolve.
func TestPrivateEndpointsCloudFollowsTheRegion(t *testing.T) {
	for region, want := range map[string]string{"": CloudPublic, "eastus2": CloudPublic, "usgovvirginia": CloudUSGovernment, "chinanorth3": CloudChina} {
		if got := (PrivateEndpointsSpec{}).WithDefaults(region).Cloud; got != want {
			t.Errorf("region %q: default cloud %q, want %q", region, got, want)
		}
	}
	spec := PrivateEndpointsSpec{Cloud: CloudChina, Endpoints: []PrivateEndpoint{{Name: "ws", Group: GroupWorkspace}}}
	wantSpecProblems(t, spec.Validate(NewPath("amlvnet:network"), PrivateEndpointsSite{Region: "eastus2"}),
		"amlvnet:network.cloud: is china, but region eastus2 is in the public cloud; leave it out or set it to public")
	spec.Cloud = CloudUSGovernment
	wantSpecProblems(t, spec.Validate(NewPath("amlvnet:network"), PrivateEndpointsSite{Region: "usgovarizona"}))
}

func TestPrivateEndpointsSpecWithDefaultsAndPurity(t *testing.T) {
	if d := (PrivateEndpointsSpec{}).WithDefaults(""); d.Cloud != CloudPublic {
		t.Errorf("default cloud %q", d.Cloud)
	}
	spec := PrivateEndpointsSpec{Endpoints: []PrivateEndpoint{{Name: "a", Group: "dfs"}, {Name: "a", Group: GroupBlob}}}
	saved := PrivateEndpointsSpec{Endpoints: []PrivateEndpoint{{Name: "a", Group: "dfs"}, {Name: "a", Group: GroupBlob}}}
	subnet := netip.MustParsePrefix("10.20.1.0/29")
	site := PrivateEndpointsSite{Region: "eastus2", Subnet: subnet, SubnetPath: NewPath("subnet")}
	first, second := spec.Validate(NewPath("spec"), site), spec.Validate(NewPath("spec"), site)
	if len(first) != 2 || !reflect.DeepEqual(first, second) {
		t.Errorf("Validate twice gives %v then %v", first, second)
	}
	if !reflect.DeepEqual(spec, saved) {
		t.Errorf("WithDefaults or Validate changed the spec: %+v", spec)
	}
}
