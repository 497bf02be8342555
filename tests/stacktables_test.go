package tests

import (
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

// stackWant is what a sample stack deploys, written by hand from its stack
// file and the README (config reference, forced tunneling and isolation
// tables), not from the program's decoded config: a decoder that dropped a
// key would otherwise make the program and the test agree on a weaker stack.
type stackWant struct {
	region, resourceGroup string
	protect               bool
	// addressSpace of the VNet the stack creates; "" when it reuses one.
	addressSpace                                     string
	trainingSubnet, trainingPrefix, aksPrefix, peNet string
	nodePublicIP                                     bool
	computeName, vmSize                              string
	minNodes, maxNodes                               int
	// sshSources are the sources of inbound TCP 22 to the cluster.
	sshSources   []string
	denyInternet bool
	// routes are the forced-tunneling routes' address prefixes.
	routes []string
	// endpoints are the private endpoints' sub-resources.
	endpoints       []string
	storageAccounts int
	aksCluster      string
	inferenceType   string
	inferenceName   string
	attached        []string
	diagnostics     bool
	// managedRules are the outbound rules of a managed network, by name.
	managedRules []string
}

var stackTables = map[string]stackWant{
	// The workspace's managed network: no VNet, subnet, NSG or route of
	// ours; the cluster without a public IP; the four package hosts and
	// the private endpoint to the inference storage as outbound rules.
	"managed": {
		region: "eastus2", resourceGroup: "amlvnet-managed", computeName: "cpucluster", vmSize: "STANDARD_D2_V2", maxNodes: 4,
		storageAccounts: 2, managedRules: []string{"anaconda-com", "anaconda-org", "pypi", "pythonhosted", "scoring-store"},
	},
	"dev": {
		region: "eastus2", resourceGroup: "amlvnet-dev", addressSpace: "10.20.0.0/16",
		trainingSubnet: "training", trainingPrefix: "10.20.0.0/24", nodePublicIP: true,
		computeName: "cpucluster", vmSize: "STANDARD_D2_V2", maxNodes: 2, storageAccounts: 1,
	},
	"prod": {
		region: "eastus2", resourceGroup: "amlvnet-prod", protect: true, addressSpace: "10.30.0.0/16",
		trainingSubnet: "training", trainingPrefix: "10.30.0.0/24", aksPrefix: "10.30.4.0/22", nodePublicIP: true,
		computeName: "cpucluster", vmSize: "STANDARD_D3_V2", maxNodes: 8, denyInternet: true,
		// batchPrefixes: [] means service-tag routes for Batch and Azure ML.
		routes:          []string{"AzureMachineLearning", "BatchNodeManagement.eastus2"},
		storageAccounts: 2, aksCluster: "amlvnet-prod-aks", inferenceType: "Kubernetes", inferenceName: "aks-scoring",
		attached: []string{"dsvm"}, diagnostics: true,
	},
	"existing": {
		region: "westeurope", resourceGroup: "amlvnet-shared", protect: true,
		trainingSubnet: "ml-training", trainingPrefix: "10.50.1.0/24", nodePublicIP: true,
		computeName: "gpucluster", vmSize: "Standard_NC4as_T4_v3", maxNodes: 6, sshSources: []string{"10.50.255.0/27"},
		storageAccounts: 1, attached: []string{"ubuntu-vm"},
	},
	"isolated": {
		region: "eastus2", resourceGroup: "amlvnet-isolated", protect: true, addressSpace: "10.40.0.0/16",
		trainingSubnet: "training", trainingPrefix: "10.40.0.0/24", aksPrefix: "10.40.4.0/22", peNet: "10.40.1.0/27",
		computeName: "cpucluster", vmSize: "STANDARD_D2_V2", maxNodes: 4, denyInternet: true,
		// Without public IPs, the Entra ID, Resource Manager, MCR and both
		// Front Door tags are routed past the firewall too: 7 routes.
		routes: []string{"AzureActiveDirectory", "AzureFrontDoor.FirstParty", "AzureFrontDoor.FrontEnd", "AzureMachineLearning",
			"AzureResourceManager", "BatchNodeManagement.eastus2", "MicrosoftContainerRegistry"},
		endpoints:       []string{"amlworkspace", "blob", "file", "queue", "registry", "table", "vault"},
		storageAccounts: 1, aksCluster: "amlvnet-isolated-aks", inferenceType: "Kubernetes", inferenceName: "aks-inference",
		diagnostics: true,
	},
}

// TestStacksMatchTheirTables checks each sample stack's registrations
// against its hand-written table.
func TestStacksMatchTheirTables(t *testing.T) {
	for _, f := range stackFiles(t) {
		name := filepath.Base(f)
		name = name[len("Pulumi.") : len(name)-len(".yaml")]
		want, ok := stackTables[name]
		if !ok {
			t.Errorf("stack %s has no table in stackTables: write one from its file", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			_, m := runStack(t, f)
			checkTable(t, want, m)
		})
	}
}

func checkTable(t *testing.T, want stackWant, m *pulumitest.Mocks) {
	rg := one(t, "resource group", m.OfType("azure-native:resources:ResourceGroup"))
	if rg.String("resourceGroupName") != want.resourceGroup || rg.String("location") != want.region || rg.Protect != want.protect {
		t.Errorf("resource group %q in %q protect %v, want %q in %q protect %v", rg.String("resourceGroupName"), rg.String("location"), rg.Protect,
			want.resourceGroup, want.region, want.protect)
	}
	vnets := m.OfType("azure-native:network:VirtualNetwork")
	if want.addressSpace == "" {
		if len(vnets) != 0 {
			t.Errorf("the stack reuses a VNet, yet creates %d", len(vnets))
		}
	} else if v := one(t, "VNet", vnets); !slices.Equal(v.Strings("addressSpace.addressPrefixes"), []string{want.addressSpace}) {
		t.Errorf("VNet address space %v, want %s", v.Strings("addressSpace.addressPrefixes"), want.addressSpace)
	}
	if want.trainingSubnet == "" {
		for _, typ := range []string{"azure-native:network:Subnet", "azure-native:network:NetworkSecurityGroup", "azure-native:network:RouteTable"} {
			if n := len(m.OfType(typ)); n != 0 {
				t.Errorf("%d %s in a managed network", n, typ)
			}
		}
	} else if training := one(t, "training subnet", m.Find("azure-native:network:Subnet", map[string]string{"subnetName": want.trainingSubnet})); training.String("addressPrefix") != want.trainingPrefix {
		t.Errorf("training subnet %s, want %s", training.String("addressPrefix"), want.trainingPrefix)
	}
	for prefix, what := range map[string]string{want.aksPrefix: "AKS", want.peNet: "private-endpoint"} {
		if prefix != "" && len(m.Find("azure-native:network:Subnet", map[string]string{"addressPrefix": prefix})) != 1 {
			t.Errorf("no %s subnet %s", what, prefix)
		}
	}
	if n, wantN := len(m.OfType("azure-native:network:Subnet")), btoi(want.trainingSubnet != "")+btoi(want.aksPrefix != "")+btoi(want.peNet != ""); n != wantN {
		t.Errorf("%d subnets, want %d", n, wantN)
	}

	cluster := one(t, "cluster", m.Find("azure-native:machinelearningservices:Compute", map[string]string{"properties.computeType": "AmlCompute"}))
	minN, _ := cluster.Number("properties.properties.scaleSettings.minNodeCount")
	maxN, _ := cluster.Number("properties.properties.scaleSettings.maxNodeCount")
	pub, _ := cluster.Bool("properties.properties.enableNodePublicIp")
	if cluster.String("computeName") != want.computeName || cluster.String("properties.properties.vmSize") != want.vmSize ||
		int(minN) != want.minNodes || int(maxN) != want.maxNodes || pub != want.nodePublicIP {
		t.Errorf("cluster %s %s %v..%v public IP %v, want %s %s %d..%d public IP %v", cluster.String("computeName"), cluster.String("properties.properties.vmSize"),
			minN, maxN, pub, want.computeName, want.vmSize, want.minNodes, want.maxNodes, want.nodePublicIP)
	}

	var ssh, deny []string
	for _, r := range m.OfType("azure-native:network:SecurityRule") {
		if r.String("direction") == "Inbound" && r.String("access") == "Allow" && r.String("destinationPortRange") == "22" && r.String("sourceAddressPrefix") != "AzureMachineLearning" {
			ssh = append(ssh, r.String("sourceAddressPrefix"))
		}
		if r.String("direction") == "Outbound" && r.String("access") == "Deny" && r.String("destinationAddressPrefix") == "Internet" {
			deny = append(deny, r.Name)
		}
	}
	sort.Strings(ssh)
	if !slices.Equal(ssh, want.sshSources) {
		t.Errorf("SSH allowed from %v, want %v", ssh, want.sshSources)
	}
	if (len(deny) == 1) != want.denyInternet || len(deny) > 1 {
		t.Errorf("outbound Internet denies %v, want one: %v", deny, want.denyInternet)
	}

	var routes []string
	for _, r := range m.OfType("azure-native:network:Route") {
		if r.String("nextHopType") != "Internet" {
			t.Errorf("route %s goes to %s, want Internet", r.String("addressPrefix"), r.String("nextHopType"))
		}
		routes = append(routes, r.String("addressPrefix"))
	}
	sort.Strings(routes)
	if !slices.Equal(routes, want.routes) {
		t.Errorf("routes %v, want %v", routes, want.routes)
	}

	var groups []string
	for _, pe := range m.OfType("azure-native:network:PrivateEndpoint") {
		conns, _ := pe.Input("privateLinkServiceConnections")
		for _, c := range conns.ArrayValue() {
			for _, g := range c.ObjectValue()["groupIds"].ArrayValue() {
				groups = append(groups, g.StringValue())
			}
		}
	}
	sort.Strings(groups)
	if !slices.Equal(groups, want.endpoints) {
		t.Errorf("private endpoints %v, want %v", groups, want.endpoints)
	}

	if n := len(m.OfType("azure-native:storage:StorageAccount")); n != want.storageAccounts {
		t.Errorf("%d storage accounts, want %d", n, want.storageAccounts)
	}
	clusters := m.OfType("azure-native:containerservice:ManagedCluster")
	if want.aksCluster == "" {
		if len(clusters) != 0 {
			t.Errorf("%d AKS clusters, want none", len(clusters))
		}
	} else {
		if mc := one(t, "AKS cluster", clusters); mc.String("resourceName") != want.aksCluster {
			t.Errorf("AKS cluster %q, want %q", mc.String("resourceName"), want.aksCluster)
		}
		c := one(t, "inference compute", m.Find("azure-native:machinelearningservices:Compute", map[string]string{"properties.computeType": want.inferenceType}))
		if c.String("computeName") != want.inferenceName {
			t.Errorf("inference compute %q, want %q", c.String("computeName"), want.inferenceName)
		}
	}
	var attached []string
	for _, c := range m.OfType("azure-native:machinelearningservices:Compute") {
		if c.String("properties.computeType") == "VirtualMachine" {
			attached = append(attached, c.String("computeName"))
		}
	}
	sort.Strings(attached)
	if !slices.Equal(attached, want.attached) {
		t.Errorf("attached %v, want %v", attached, want.attached)
	}
	var managed []string
	for _, ws := range m.OfType(azureml.WorkspaceV20241001Token) {
		if v, _ := ws.Input("managedNetwork.outboundRules"); v.IsObject() {
			for k := range v.ObjectValue() {
				managed = append(managed, string(k))
			}
		}
	}
	sort.Strings(managed)
	if !slices.Equal(managed, want.managedRules) {
		t.Errorf("managed network rules %v, want %v", managed, want.managedRules)
	}
	if n := len(m.OfType("azure-native:insights:DiagnosticSetting")); (n > 0) != want.diagnostics {
		t.Errorf("%d diagnostic settings, diagnostics %v", n, want.diagnostics)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
