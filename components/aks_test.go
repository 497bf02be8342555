package components

import (
	"encoding/base64"
	"net/netip"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

// Sample TLS material of the fixtures; the tests check where it goes, not
// what it is.
const (
	testCertPEM = "-----BEGIN CERTIFICATE-----\nTEST-CERTIFICATE\n-----END CERTIFICATE-----\n"
	testKeyPEM  = "-----BEGIN PRIVATE KEY-----\nTEST-PRIVATE-KEY\n-----END PRIVATE KEY-----\n"
)

// aksArgs is a Kubernetes compute (the default type) with HTTPS scoring.
func aksArgs() *AksInVnetArgs {
	return &AksInVnetArgs{
		ResourceGroupName: pulumi.String("rg"),
		Location:          "eastus2",
		Workspace:         workspaceRef(),
		Subnet:            aksSubnetRef(),
		Layout:            testLayout(),
		Spec: AksSpec{ScoringSources: []string{"198.51.100.0/24"}, Inference: AksInferenceSpec{
			SslCname:       "score.contoso.com",
			SslCertificate: pulumi.ToSecret(pulumi.String(testCertPEM)).(pulumi.StringOutput),
			SslKey:         pulumi.ToSecret(pulumi.String(testKeyPEM)).(pulumi.StringOutput),
		}},
	}
}

// legacyArgs is the seed's AKS compute.
func legacyArgs() *AksInVnetArgs {
	a := aksArgs()
	a.Spec.ComputeType, a.Spec.Inference = AksComputeLegacy, AksInferenceSpec{}
	return a
}

func aksErr(t *testing.T, args *AksInVnetArgs) error {
	t.Helper()
	return constructErr(t, func(ctx *pulumi.Context) error {
		_, err := NewAksInVnet(ctx, "inference", args)
		return err
	})
}

func aksRun(t *testing.T, args *AksInVnetArgs) *pulumitest.Mocks {
	t.Helper()
	m := &pulumitest.Mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		_, err := NewAksInVnet(ctx, "inference", args)
		return err
	})
	return m
}

// aksSite is what the constructor validates the spec against.
func aksSite(args *AksInVnetArgs) AksSite {
	return AksSite{Region: "eastus2", Subnet: args.Subnet.Prefix, AddressSpace: args.Layout.AddressSpace,
		Subnets: args.Layout.AllSubnets(), NetworkPath: NewPath("layout")}
}

// byName finds the resource of a type by its logical name.
func byName(t *testing.T, m *pulumitest.Mocks, token, name string) pulumitest.Resource {
	t.Helper()
	for _, r := range m.OfType(token) {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no %s named %s", token, name)
	return pulumitest.Resource{}
}

// stringMap reads a map of strings input.
func stringMap(r pulumitest.Resource, path string) map[string]string {
	v, _ := r.Input(path)
	if !v.IsObject() {
		return nil
	}
	out := map[string]string{}
	for k, e := range v.ObjectValue() {
		for e.IsSecret() || e.IsOutput() {
			if e.IsSecret() {
				e = e.SecretValue().Element
			} else {
				e = e.OutputValue().Element
			}
		}
		out[string(k)] = e.StringValue()
	}
	return out
}

const clusterID = "/subscriptions/" + pulumitest.SubscriptionID + "/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/" + DefaultAksName

// The cluster and its network, whichever the compute type.
func checkCluster(t *testing.T, m *pulumitest.Mocks) (mc, role pulumitest.Resource) {
	t.Helper()
	mc = one(t, m.OfType("azure-native:containerservice:ManagedCluster"))
	for path, want := range map[string]string{
		"networkProfile.networkPlugin": "azure",
		"networkProfile.serviceCidr":   "10.0.0.0/16",
		"networkProfile.dnsServiceIP":  "10.0.0.10",
		"identity.type":                "UserAssigned",
		"resourceName":                 DefaultAksName,
		"dnsPrefix":                    DefaultAksName,
	} {
		if got := mc.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if v, _ := mc.Input("networkProfile.dockerBridgeCidr"); !v.IsNull() {
		t.Error("API 2023-04-01 refuses dockerBridgeCidr on the cluster")
	}
	if v, _ := mc.Input("apiServerAccessProfile"); !v.IsNull() {
		t.Errorf("a public cluster without authorized ranges takes no API server profile, got %v", v)
	}
	pools, _ := mc.Input("agentPoolProfiles")
	if len(pools.ArrayValue()) != 1 || pools.ArrayValue()[0].ObjectValue()["vnetSubnetID"].StringValue() != aksSubnetID {
		t.Errorf("agent pool %v", pools)
	}
	if pool := pools.ArrayValue()[0].ObjectValue(); pool["count"].NumberValue() != DefaultAksNodeCount || pool["maxPods"].NumberValue() != DefaultAksMaxPods {
		t.Errorf("agent pool count %v maxPods %v, want the defaults", pool["count"], pool["maxPods"])
	}
	identity := byName(t, m, "azure-native:managedidentity:UserAssignedIdentity", "inference-identity")
	if ids := mc.Strings("identity.userAssignedIdentities"); len(ids) != 1 || !strings.HasSuffix(ids[0], "/userAssignedIdentities/inference-identity") {
		t.Errorf("the cluster runs as %v, want its own identity %s", ids, identity.Name)
	}
	role = byName(t, m, "azure-native:authorization:RoleAssignment", "inference-subnet-join")
	if role.String("scope") != aksSubnetID || !strings.HasSuffix(role.String("roleDefinitionId"), "/roleDefinitions/"+networkContributorRole) ||
		!strings.HasPrefix(role.String("roleDefinitionId"), "/subscriptions/s/") {
		t.Errorf("role assignment %v", role.Inputs)
	}
	if !dependsOn(mc, role) {
		t.Error("the cluster must wait for its subnet role")
	}
	if !mc.DeleteBeforeReplace || !slices.Contains(mc.ReplaceOnChanges, "apiServerAccessProfile.enablePrivateCluster") {
		t.Errorf("the cluster's name is fixed and a private API server is set at creation: deleteBeforeReplace %v, replaceOnChanges %v", mc.DeleteBeforeReplace, mc.ReplaceOnChanges)
	}
	rules := rulesByName(m)
	if r := rules["AllowAzureMachineLearningInbound"]; r.String("sourceAddressPrefix") != "AzureMachineLearning" || r.String("networkSecurityGroupName") != "aks-nsg" {
		t.Errorf("AKS AzureMachineLearning rule %v", r.Inputs)
	}
	scoring := rules["AllowScoringInbound0"]
	if scoring.String("sourceAddressPrefix") != "198.51.100.0/24" || !reflect.DeepEqual(scoring.Strings("destinationPortRanges"), []string{"80", "443"}) {
		t.Errorf("scoring rule %v", scoring.Inputs)
	}
	return mc, role
}

func TestAksInVnetKubernetes(t *testing.T) {
	m := aksRun(t, aksArgs())
	mc, _ := checkCluster(t, m)

	ext := one(t, m.OfType("azure-native:kubernetesconfiguration:Extension"))
	for path, want := range map[string]string{
		"extensionType":                        "Microsoft.AzureML.Kubernetes",
		"extensionName":                        "azureml",
		"releaseTrain":                         "stable",
		"scope.cluster.releaseNamespace":       "azureml",
		"clusterRp":                            "Microsoft.ContainerService",
		"clusterResourceName":                  "managedClusters",
		"clusterName":                          DefaultAksName,
		"resourceGroupName":                    "rg",
		"configurationSettings.sslCname":       "score.contoso.com",
		"configurationSettings.clusterId":      clusterID,
		"configurationSettings.cluster_name":   clusterID,
		"configurationSettings.location":       "eastus2",
		"configurationSettings.clusterPurpose": "FastProd",
	} {
		if got := ext.String(path); got != want {
			t.Errorf("extension %s = %q, want %q", path, got, want)
		}
	}
	settings := stringMap(ext, "configurationSettings")
	for k, want := range map[string]string{
		"enableInference": "True", "enableTraining": "False", "inferenceRouterServiceType": "LoadBalancer",
		"inferenceRouterHA": "True", "allowInsecureConnections": "False", "installNvidiaDevicePlugin": "False",
		"cluster_name_friendly": DefaultAksName, "domain": "eastus2.cloudapp.azure.com", "relayserver.enabled": "false",
		"servicebus.enabled": "false", "nginxIngress.enabled": "true", "jobSchedulerLocation": "eastus2",
	} {
		if settings[k] != want {
			t.Errorf("setting %s = %q, want %q", k, settings[k], want)
		}
	}
	for _, k := range []string{"internalLoadBalancerProvider", "scoringFe.serviceType.internalLoadBalancer", "scoringFe.serviceType.nodePort"} {
		if _, has := settings[k]; has {
			t.Errorf("a public load balancer sets no %s", k)
		}
	}
	protected, secret := ext.Input("configurationProtectedSettings")
	if !secret {
		t.Error("the certificate and key must reach Azure as secrets")
	}
	if got := protected.ObjectValue(); len(got) != 2 {
		t.Errorf("protected settings %v, want the certificate and key", got)
	}
	prot := stringMap(ext, "configurationProtectedSettings")
	if prot["scoringFe.sslCert"] != base64.StdEncoding.EncodeToString([]byte(testCertPEM)) || prot["scoringFe.sslKey"] != base64.StdEncoding.EncodeToString([]byte(testKeyPEM)) {
		t.Errorf("protected settings hold %v, want the base64 of the PEM certificate and key", prot)
	}
	if ext.PlaintextOutsideSecrets(base64.StdEncoding.EncodeToString([]byte(testKeyPEM))) || ext.PlaintextOutsideSecrets("TEST-PRIVATE-KEY") {
		t.Error("the key appears outside a secret")
	}
	if !dependsOnURN(ext, mc) {
		t.Error("the extension goes on the cluster: it must wait for it")
	}

	// Roles: the workspace on the cluster, the compute identity on the
	// registry and the storage.
	computeIdentity := byName(t, m, "azure-native:managedidentity:UserAssignedIdentity", "inference-compute-identity")
	wantRoles := map[string]struct{ scope, role, principal string }{
		"inference-workspace-reader":                {clusterID, readerRole, wsPrincipalID},
		"inference-workspace-extension-contributor": {clusterID, kubernetesExtensionContributorRole, wsPrincipalID},
		"inference-workspace-cluster-admin":         {clusterID, aksClusterAdminRole, wsPrincipalID},
		"inference-compute-acr-pull":                {registryID, acrPullRole, ""},
		"inference-compute-storage-reader":          {storageID, blobDataReaderRole, ""},
	}
	compute := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	for name, want := range wantRoles {
		r := byName(t, m, "azure-native:authorization:RoleAssignment", name)
		if r.String("scope") != want.scope || !strings.HasSuffix(r.String("roleDefinitionId"), "/roleDefinitions/"+want.role) {
			t.Errorf("%s: scope %q role %q, want %s on %s", name, r.String("scope"), r.String("roleDefinitionId"), want.role, want.scope)
		}
		if want.principal != "" && r.String("principalId") != want.principal {
			t.Errorf("%s goes to %q, want the workspace identity", name, r.String("principalId"))
		}
		if want.principal == "" && r.String("principalId") == wsPrincipalID {
			t.Errorf("%s goes to the workspace, want the compute identity", name)
		}
		if !dependsOn(compute, r) {
			t.Errorf("the compute must wait for role %s", name)
		}
	}
	if n := len(m.OfType("azure-native:authorization:RoleAssignment")); n != len(wantRoles)+1 {
		t.Errorf("%d role assignments, want %d and the subnet's", n, len(wantRoles))
	}

	for path, want := range map[string]string{
		"properties.computeType":                    "Kubernetes",
		"properties.resourceId":                     clusterID,
		"properties.properties.namespace":           "default",
		"properties.properties.defaultInstanceType": "defaultinstancetype",
		"identity.type":                             "UserAssigned",
		"workspaceName":                             "ws",
		"computeName":                               DefaultAksComputeName,
	} {
		if got := compute.String(path); got != want {
			t.Errorf("compute %s = %q, want %q", path, got, want)
		}
	}
	if ids := compute.Strings("identity.userAssignedIdentities"); len(ids) != 1 || !strings.HasSuffix(ids[0], "/"+computeIdentity.Name) {
		t.Errorf("the compute runs as %v, want %s", ids, computeIdentity.Name)
	}
	if !dependsOn(compute, ext) {
		t.Error("the compute must wait for the Azure ML extension")
	}
	for _, r := range rulesByName(m) {
		if !dependsOn(compute, r) {
			t.Errorf("the compute must wait for NSG rule %s", r.Name)
		}
	}
	if !compute.DeleteBeforeReplace || !slices.Contains(compute.ReplaceOnChanges, "properties.computeType") {
		t.Errorf("a change of compute type replaces the compute, deleting the old one first: %v %v", compute.DeleteBeforeReplace, compute.ReplaceOnChanges)
	}
	if _, tagged := compute.Inputs["tags"].ObjectValue()[ComputeTypeTag]; tagged {
		t.Error("only the legacy compute says it was chosen on purpose")
	}
	if v, _ := compute.Input("properties.properties.aksNetworkingConfiguration"); !v.IsNull() {
		t.Error("a Kubernetes compute takes no AKS networking")
	}
	if len(m.OfType("azure-native:machinelearningservices:Datastore")) != 0 || len(m.OfType("azure-native:storage:BlobContainer")) != 0 {
		t.Error("no scoring storage, no datastore")
	}
	parentedTo(t, m, AksInVnetType)
}

// dependsOnURN is dependsOn for a dependency passed as an input (the
// engine records those too).
func dependsOnURN(r, dep pulumitest.Resource) bool {
	return dependsOn(r, dep) || strings.Contains(r.String("clusterName"), dep.String("resourceName"))
}

func TestAksLegacyCompute(t *testing.T) {
	m := aksRun(t, legacyArgs())
	checkCluster(t, m)
	if n := len(m.OfType("azure-native:kubernetesconfiguration:Extension")); n != 0 {
		t.Errorf("the legacy compute has no extension, got %d", n)
	}
	if n := len(m.OfType("azure-native:authorization:RoleAssignment")); n != 1 {
		t.Errorf("the legacy compute grants no roles but the subnet's, got %d", n)
	}
	c := one(t, m.OfType("azure-native:machinelearningservices:Compute"))
	for path, want := range map[string]string{
		"properties.computeType":                                            "AKS",
		"properties.properties.aksNetworkingConfiguration.subnetId":         aksSubnetID,
		"properties.properties.aksNetworkingConfiguration.dockerBridgeCidr": "172.17.0.1/16",
		"properties.properties.aksNetworkingConfiguration.serviceCidr":      "10.0.0.0/16",
		"properties.properties.clusterPurpose":                              "FastProd",
		"workspaceName":                                                     "ws",
		"computeName":                                                       DefaultAksComputeName,
		"tags." + ComputeTypeTag:                                            "AKS",
	} {
		if got := c.String(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if !strings.Contains(c.String("properties.resourceId"), "/managedClusters/amlvnet-aks") {
		t.Errorf("the compute must point at the cluster: %q", c.String("properties.resourceId"))
	}
	for _, r := range rulesByName(m) {
		if !dependsOn(c, r) {
			t.Errorf("the compute must wait for NSG rule %s", r.Name)
		}
	}
	if v, _ := c.Input("properties.properties.loadBalancerSubnet"); !v.IsNull() {
		t.Errorf("a public load balancer takes no subnet, got %v", v)
	}
	if !c.DeleteBeforeReplace || !slices.Contains(c.ReplaceOnChanges, "properties.computeType") {
		t.Errorf("a change of compute type replaces the compute: %v %v", c.DeleteBeforeReplace, c.ReplaceOnChanges)
	}
	parentedTo(t, m, AksInVnetType)
}

// The legacy compute's own rules: cores and nodes of production purposes,
// the internal load balancer's subnet.
func TestAksLegacyValidation(t *testing.T) {
	args := legacyArgs()
	args.Spec.ServiceCidr = "10.20.0.0/16"
	args.Spec.DNSServiceIP = "10.20.0.1"
	args.Spec.DockerBridgeCidr = "10.20.4.1/24"
	args.Spec.NodeCount = ptr(2)
	args.Spec.ScoringSources = []string{"*"}
	args.Subnet.Prefix = netip.MustParsePrefix("10.20.4.0/26")
	args.Layout.Aks = args.Subnet.Prefix
	want := []string{"spec.serviceCidr:", "spec.dnsServiceIP:", "spec.dockerBridgeCidr:", "spec.nodeCount: 2 x Standard_D4s_v3 gives 8 cores",
		"spec.nodeCount: is 2; clusterPurpose FastProd needs at least 3 nodes", "spec.scoringSources[0]: \"*\" is any source",
		"spec.nodeCount: (2 nodes + 1 for upgrades) x (30 pods + 1) = 93 addresses do not fit the AKS subnet"}
	for _, got := range [][]string{problemsOf(aksErr(t, args)), lines(args.Spec.Validate(NewPath("spec"), aksSite(args)).Sorted())} {
		for _, w := range want {
			if !hasProblem(got, w) {
				t.Errorf("no problem contains %q; got:\n%s", w, strings.Join(got, "\n"))
			}
		}
	}

	dev := legacyArgs()
	dev.Spec.NodeCount, dev.Spec.ClusterPurpose, dev.Spec.VMSize = ptr(1), "DevTest", "Standard_D2s_v3"
	wantSpecProblems(t, dev.Spec.Validate(NewPath("spec"), aksSite(dev)), "spec."+legacyWarning)
	aksRun(t, dev)

	ilb := legacyArgs()
	ilb.Spec.LoadBalancerType = "InternalLoadBalancer"
	ilb.Subnet.Name = ""
	wantProblems(t, aksErr(t, ilb), "subnet.name: is required with an internal load balancer")
	ilb.Subnet.Name = "aks"
	m := aksRun(t, ilb)
	if c := one(t, m.OfType("azure-native:machinelearningservices:Compute")); c.String("properties.properties.loadBalancerSubnet") != "aks" ||
		c.String("properties.properties.loadBalancerType") != "InternalLoadBalancer" {
		t.Errorf("internal load balancer settings %v", c.Inputs)
	}

	reserved := legacyArgs()
	reserved.Spec.ServiceCidr, reserved.Spec.DNSServiceIP = "172.30.0.0/16", "172.30.0.10"
	wantProblems(t, aksErr(t, reserved), "spec.serviceCidr: 172.30.0.0/16 overlaps 172.30.0.0/16, a range AKS reserves")

	// The Kubernetes compute's keys mean nothing to the legacy one.
	mixed := legacyArgs()
	mixed.Spec.Namespace, mixed.Spec.EnableTraining, mixed.Spec.GpuPlugin = "ml", true, true
	mixed.Spec.Inference.InternalLoadBalancer = true
	wantSpecProblems(t, mixed.Spec.Validate(NewPath("amlvnet:aks"), aksSite(mixed)),
		"amlvnet:aks.namespace: applies to computeType Kubernetes only", "amlvnet:aks.inference: applies to computeType Kubernetes only",
		"amlvnet:aks.enableTraining: applies to computeType Kubernetes only", "amlvnet:aks.gpuPlugin: applies to computeType Kubernetes only",
		"amlvnet:aks."+legacyWarning)
}

// legacyWarning starts the preview warning of the legacy compute.
const legacyWarning = "computeType: AKS is the legacy compute of Azure ML CLI/SDK v1"

// The networking rules hold for both compute types.
func TestAksNetworkValidation(t *testing.T) {
	args := aksArgs()
	args.Spec.ServiceCidr = "10.20.0.0/16"
	args.Spec.DNSServiceIP = "10.20.0.1"
	args.Spec.DockerBridgeCidr = "10.20.4.1/24"
	args.Spec.NodeCount = ptr(2)
	args.Spec.ClusterPurpose = "FastProd"
	args.Subnet.Prefix = netip.MustParsePrefix("10.20.4.0/26")
	args.Layout.Aks = args.Subnet.Prefix
	got := problemsOf(aksErr(t, args))
	for _, w := range []string{"spec.serviceCidr:", "spec.dnsServiceIP:", "spec.dockerBridgeCidr:", "spec.nodeCount: is 2; clusterPurpose FastProd needs at least 3 nodes",
		"spec.nodeCount: (2 nodes + 1 for upgrades) x (30 pods + 1) = 93 addresses do not fit the AKS subnet"} {
		if !hasProblem(got, w) {
			t.Errorf("no problem contains %q; got:\n%s", w, strings.Join(got, "\n"))
		}
	}
	if hasProblem(got, "cores") {
		t.Errorf("the 12-core minimum is the legacy AKS compute's, not the extension's: %v", got)
	}
}

// A subnet too small for the pods is named by maxPods when the spec sets
// it, by nodeCount when only the nodes are given.
func TestAksSubnetCapacityKey(t *testing.T) {
	for _, tt := range []struct {
		maxPods *int
		want    string
	}{
		{nil, "spec.nodeCount: (3 nodes + 1 for upgrades) x (30 pods + 1) = 124 addresses"},
		{ptr(110), "spec.maxPods: (3 nodes + 1 for upgrades) x (110 pods + 1) = 444 addresses"},
	} {
		args := aksArgs()
		args.Spec.NodeCount = ptr(3)
		args.Spec.MaxPods = tt.maxPods
		args.Subnet.Prefix = netip.MustParsePrefix("10.20.4.0/25")
		if tt.maxPods != nil {
			args.Subnet.Prefix = netip.MustParsePrefix("10.20.4.0/24")
		}
		args.Layout.Aks = args.Subnet.Prefix
		got := problemsOf(aksErr(t, args))
		if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
			t.Errorf("want one problem starting %q, got:\n%s", tt.want, strings.Join(got, "\n"))
		}
	}
}

// Each setting Azure ML refuses, alone and named by its key.
func TestAksKubernetesValidation(t *testing.T) {
	secret := pulumi.ToSecret(pulumi.String("x")).(pulumi.StringOutput)
	for _, tt := range []struct {
		name   string
		mutate func(s *AksSpec)
		want   []string
	}{
		{"compute type", func(s *AksSpec) { s.ComputeType = "Arc" }, []string{`amlvnet:aks.computeType: "Arc" is not a compute type`}},
		{"namespace", func(s *AksSpec) { s.Namespace = "ML_Team" }, []string{`amlvnet:aks.namespace: "ML_Team" is not a Kubernetes namespace name`}},
		{"namespace too long", func(s *AksSpec) { s.Namespace = strings.Repeat("a", 64) }, []string{"amlvnet:aks.namespace: "}},
		{"router type", func(s *AksSpec) { s.Inference.RouterServiceType = "Ingress" }, []string{`amlvnet:aks.inference.routerServiceType: "Ingress" is not a router service type`}},
		{"ILB with NodePort", func(s *AksSpec) { s.Inference.RouterServiceType, s.Inference.InternalLoadBalancer = "NodePort", true },
			[]string{"amlvnet:aks.inference.internalLoadBalancer: cannot go with routerServiceType NodePort"}},
		{"ILB with ClusterIP", func(s *AksSpec) { s.Inference.RouterServiceType, s.Inference.InternalLoadBalancer = "ClusterIP", true },
			[]string{"amlvnet:aks.inference.internalLoadBalancer: has no effect with routerServiceType ClusterIP"}},
		{"HA on 2 nodes", func(s *AksSpec) {
			s.NodeCount, s.ClusterPurpose, s.Inference.HighAvailability = ptr(2), "DevTest", ptr(true)
		},
			[]string{"amlvnet:aks.inference.highAvailability: needs at least 3 nodes for its 3 router replicas, and nodeCount is 2"}},
		{"FastProd on 2 nodes", func(s *AksSpec) { s.NodeCount, s.ClusterPurpose = ptr(2), "FastProd" },
			[]string{"amlvnet:aks.nodeCount: is 2; clusterPurpose FastProd needs at least 3 nodes"}},
		{"HTTPS without TLS", func(s *AksSpec) { s.Inference.SslCname, s.Inference.SslCertificate, s.Inference.SslKey = "", nil, nil },
			[]string{"amlvnet:aks.inference.sslCname: is required for HTTPS scoring", "amlvnet:aks.inference.sslCertificate: is required for HTTPS scoring",
				"amlvnet:aks.inference.sslKey: is required for HTTPS scoring"}},
		{"HTTPS without key", func(s *AksSpec) { s.Inference.SslKey = nil }, []string{"amlvnet:aks.inference.sslKey: is required for HTTPS scoring"}},
		{"bad CNAME", func(s *AksSpec) { s.Inference.SslCname = "https://score" }, []string{`amlvnet:aks.inference.sslCname: "https://score" is not a host name`}},
		{"HTTP with TLS", func(s *AksSpec) { s.Inference.AllowInsecureConnections = true }, []string{
			"amlvnet:aks.inference.sslCname: has no effect with allowInsecureConnections true", "amlvnet:aks.inference.sslCertificate: has no effect",
			"amlvnet:aks.inference.sslKey: has no effect"}},
		{"legacy load balancer type", func(s *AksSpec) { s.LoadBalancerType = "InternalLoadBalancer" },
			[]string{"amlvnet:aks.loadBalancerType: applies to computeType AKS only; with Kubernetes, keep the scoring endpoint in the VNet with inference.internalLoadBalancer: true"}},
		{"private and ranges", func(s *AksSpec) { s.PrivateCluster, s.APIServerAuthorizedRanges = true, []string{"203.0.113.0/24"} },
			[]string{"amlvnet:aks.apiServerAuthorizedRanges: cannot go with privateCluster", "amlvnet:aks.apiServerAuthorizedRanges: must include the Azure ML control plane's addresses"}},
		{"bad ranges", func(s *AksSpec) {
			s.APIServerAuthorizedRanges = []string{"203.0.113.0/33", "0.0.0.0/0", "203.0.113.7", "203.0.113.7/32"}
		},
			[]string{"amlvnet:aks.apiServerAuthorizedRanges[0]: ", `amlvnet:aks.apiServerAuthorizedRanges[1]: "0.0.0.0/0" lets every address in`,
				`amlvnet:aks.apiServerAuthorizedRanges[3]: "203.0.113.7/32" repeats apiServerAuthorizedRanges[2]`, "amlvnet:aks.apiServerAuthorizedRanges: must include"}},
		{"identity ID", func(s *AksSpec) { s.IdentityID = "aks-identity" }, []string{`amlvnet:aks.identityId: "aks-identity" is not the ARM ID of a user-assigned identity`}},
		{"valid", func(s *AksSpec) { s.Inference.SslCertificate = secret }, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := aksArgs()
			tt.mutate(&args.Spec)
			ps := args.Spec.Validate(NewPath("amlvnet:aks"), aksSite(args))
			wantSpecProblems(t, ps, tt.want...)
			// The constructor refuses the same errors, at its own paths.
			errs, _ := ps.Split()
			if len(errs) == 0 {
				aksRun(t, args)
				return
			}
			var want []string
			for _, e := range lines(errs) {
				want = append(want, strings.ReplaceAll(e, "amlvnet:aks.", "spec."))
			}
			wantProblems(t, aksErr(t, args), want...)
		})
	}
}

// Warnings are told at preview and stop nothing.
func TestAksKubernetesWarnings(t *testing.T) {
	for _, tt := range []struct {
		name   string
		mutate func(s *AksSpec)
		want   string
	}{
		{"GPU plugin without GPU", func(s *AksSpec) { s.GpuPlugin = true }, "amlvnet:aks.gpuPlugin: installs the NVIDIA device plugin, but Standard_D4s_v3 is not a GPU (N-series) size"},
		{"GPU size without plugin", func(s *AksSpec) { s.VMSize = "Standard_NC4as_T4_v3" }, "amlvnet:aks.gpuPlugin: is false, but Standard_NC4as_T4_v3 is a GPU size"},
		{"namespace to create", func(s *AksSpec) { s.Namespace = "scoring" }, `amlvnet:aks.namespace: "scoring" must exist in the cluster`},
		{"authorized ranges", func(s *AksSpec) { s.APIServerAuthorizedRanges = []string{"203.0.113.0/24"} },
			"amlvnet:aks.apiServerAuthorizedRanges: must include the Azure ML control plane's addresses (service tag AzureMachineLearning) of eastus2 and its paired region"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := aksArgs()
			tt.mutate(&args.Spec)
			errs, warnings := args.Spec.Validate(NewPath("amlvnet:aks"), aksSite(args)).Split()
			if len(errs) != 0 {
				t.Fatalf("a warning only, got errors %v", errs)
			}
			wantSpecProblems(t, warnings, tt.want)
			aksRun(t, args)
		})
	}
	args := aksArgs()
	args.Spec.VMSize, args.Spec.GpuPlugin = "Standard_NC4as_T4_v3", true
	if ps := args.Spec.Validate(NewPath("spec"), aksSite(args)); len(ps) != 0 {
		t.Errorf("a GPU size with the plugin is fine: %v", ps)
	}
	m := aksRun(t, args)
	if s := stringMap(one(t, m.OfType("azure-native:kubernetesconfiguration:Extension")), "configurationSettings"); s["installNvidiaDevicePlugin"] != "True" {
		t.Errorf("installNvidiaDevicePlugin = %q", s["installNvidiaDevicePlugin"])
	}
}

// The extension's settings follow the spec.
func TestAksExtensionSettings(t *testing.T) {
	settings := func(mutate func(s *AksSpec)) (map[string]string, pulumitest.Resource) {
		args := aksArgs()
		mutate(&args.Spec)
		ext := one(t, aksRun(t, args).OfType("azure-native:kubernetesconfiguration:Extension"))
		return stringMap(ext, "configurationSettings"), ext
	}
	ilb, _ := settings(func(s *AksSpec) { s.Inference.InternalLoadBalancer = true })
	if ilb["internalLoadBalancerProvider"] != "azure" || ilb["scoringFe.serviceType.internalLoadBalancer"] != "true" {
		t.Errorf("internal load balancer settings %v", ilb)
	}
	nodePort, _ := settings(func(s *AksSpec) { s.Inference.RouterServiceType = "NodePort" })
	if nodePort["inferenceRouterServiceType"] != "NodePort" || nodePort["scoringFe.serviceType.nodePort"] != "true" || nodePort["internalLoadBalancerProvider"] != "" {
		t.Errorf("NodePort settings %v", nodePort)
	}
	http, ext := settings(func(s *AksSpec) {
		s.Inference = AksInferenceSpec{AllowInsecureConnections: true}
		s.EnableTraining = true
	})
	if http["allowInsecureConnections"] != "True" || http["enableTraining"] != "True" || http["sslCname"] != "" {
		t.Errorf("HTTP settings %v", http)
	}
	if v, _ := ext.Input("configurationProtectedSettings"); !v.IsNull() {
		t.Errorf("HTTP scoring sends no certificate, got %v", v)
	}
	small, _ := settings(func(s *AksSpec) { s.NodeCount = ptr(2) })
	if small["inferenceRouterHA"] != "False" || small["clusterPurpose"] != "DevTest" {
		t.Errorf("a two-node cluster runs one router replica, as DevTest: %v", small)
	}
}

// A private API server, or authorized ranges on a public one.
func TestAksAPIServerAccess(t *testing.T) {
	private := aksArgs()
	private.Spec.PrivateCluster = true
	mc := one(t, aksRun(t, private).OfType("azure-native:containerservice:ManagedCluster"))
	if b, ok := mc.Bool("apiServerAccessProfile.enablePrivateCluster"); !ok || !b {
		t.Errorf("private cluster: %v", mc.Inputs["apiServerAccessProfile"])
	}
	if b, ok := mc.Bool("apiServerAccessProfile.enablePrivateClusterPublicFQDN"); !ok || b {
		t.Error("Azure ML does not support a private cluster's public FQDN: it must be off explicitly (AKS's default is on)")
	}
	ranges := aksArgs()
	ranges.Spec.APIServerAuthorizedRanges = []string{"203.0.113.0/24", "198.51.100.7"}
	mc = one(t, aksRun(t, ranges).OfType("azure-native:containerservice:ManagedCluster"))
	if got := mc.Strings("apiServerAccessProfile.authorizedIPRanges"); !reflect.DeepEqual(got, []string{"203.0.113.0/24", "198.51.100.7"}) {
		t.Errorf("authorized ranges %v", got)
	}
	if v, _ := mc.Input("apiServerAccessProfile.enablePrivateCluster"); !v.IsNull() {
		t.Error("a public cluster with ranges sets no private flag")
	}
}

// A team whose network belongs to others brings an identity that already
// has its subnet role: nothing is created or granted for the cluster.
func TestAksPreCreatedIdentity(t *testing.T) {
	const id = "/subscriptions/s/resourceGroups/net/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks"
	args := aksArgs()
	args.Spec.IdentityID = id
	m := aksRun(t, args)
	mc := one(t, m.OfType("azure-native:containerservice:ManagedCluster"))
	if got := mc.Strings("identity.userAssignedIdentities"); !reflect.DeepEqual(got, []string{id}) {
		t.Errorf("the cluster runs as %v, want %s", got, id)
	}
	for _, r := range m.OfType("azure-native:managedidentity:UserAssignedIdentity") {
		if r.Name == "inference-identity" {
			t.Error("no cluster identity is created when one is given")
		}
	}
	for _, r := range m.OfType("azure-native:authorization:RoleAssignment") {
		if r.String("scope") == aksSubnetID {
			t.Errorf("no role on the subnet is granted with a given identity: %s", r.Name)
		}
	}
	if len(mc.DependsOn) != 0 {
		t.Errorf("the cluster waits for nothing of ours: %v", mc.DependsOn)
	}
}

// A valid name is its own DNS prefix; others are made valid.
func TestAksDNSPrefix(t *testing.T) {
	for name, want := range map[string]string{
		"amlvnet-aks":                  "amlvnet-aks",
		"ml_aks_1":                     "ml-aks-1",
		strings.Repeat("a", 63):        strings.Repeat("a", 54),
		strings.Repeat("b", 53) + "_c": strings.Repeat("b", 53),
	} {
		if got := dnsPrefix(name); got != want {
			t.Errorf("dnsPrefix(%q) = %q, want %q", name, got, want)
		}
	}
	args := aksArgs()
	args.Spec.Name = "ml_aks"
	if mc := one(t, aksRun(t, args).OfType("azure-native:containerservice:ManagedCluster")); mc.String("dnsPrefix") != "ml-aks" || mc.String("resourceName") != "ml_aks" {
		t.Errorf("name %q prefix %q", mc.String("resourceName"), mc.String("dnsPrefix"))
	}
}

// The node resource group, MC_<group>_<cluster>_<region>, must fit 80
// characters; the problem names the cluster and the group.
func TestAksNodeResourceGroupLength(t *testing.T) {
	spec := aksArgs().Spec
	spec.Name = strings.Repeat("k", 40)
	site := aksSite(aksArgs())
	site.ResourceGroup, site.ResourceGroupPath = strings.Repeat("g", 30), NewPath("amlvnet:resourceGroup")
	wantSpecProblems(t, spec.Validate(NewPath("amlvnet:aks"), site),
		"amlvnet:aks.name: AKS names the cluster's node resource group MC_"+site.ResourceGroup+"_"+spec.Name+"_eastus2, 82 characters; AKS takes at most 80: shorten the cluster name or amlvnet:resourceGroup")
	spec.Name = strings.Repeat("k", 38)
	wantSpecProblems(t, spec.Validate(NewPath("amlvnet:aks"), site))
}

// The scoring storage becomes a datastore the compute identity reads.
func TestAksScoringDatastore(t *testing.T) {
	const scoringID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/scoring"
	args := aksArgs()
	args.ScoringStorage = &ScoringStorageRef{ResourceGroupName: pulumi.String("rg"), AccountName: pulumi.String("scoring"), AccountID: pulumi.String(scoringID)}
	m := aksRun(t, args)
	container := one(t, m.OfType("azure-native:storage:BlobContainer"))
	if container.String("accountName") != "scoring" || container.String("containerName") != ScoringContainerName || container.String("publicAccess") != "None" {
		t.Errorf("container %v", container.Inputs)
	}
	ds := one(t, m.OfType("azure-native:machinelearningservices:Datastore"))
	for path, want := range map[string]string{
		"name":                                            ScoringDatastoreName,
		"workspaceName":                                   "ws",
		"datastoreProperties.datastoreType":               "AzureBlob",
		"datastoreProperties.accountName":                 "scoring",
		"datastoreProperties.containerName":               ScoringContainerName,
		"datastoreProperties.endpoint":                    "core.windows.net",
		"datastoreProperties.credentials.credentialsType": "None",
	} {
		if got := ds.String(path); got != want {
			t.Errorf("datastore %s = %q, want %q", path, got, want)
		}
	}
	reader := byName(t, m, "azure-native:authorization:RoleAssignment", "inference-compute-scoring-reader")
	if reader.String("scope") != scoringID || !strings.HasSuffix(reader.String("roleDefinitionId"), blobDataReaderRole) {
		t.Errorf("scoring reader %v", reader.Inputs)
	}
	if !dependsOn(one(t, m.OfType("azure-native:machinelearningservices:Compute")), reader) {
		t.Error("the compute waits for its read access to the scoring storage")
	}
	if got := storageSuffix("usgovvirginia"); got != "core.usgovcloudapi.net" {
		t.Errorf("US Government suffix %q", got)
	}
	if got := storageSuffix("chinanorth3"); got != "core.chinacloudapi.cn" {
		t.Errorf("China suffix %q", got)
	}
}

// An explicit zero is refused at its path, while nil means the default of 3.
func TestAksExplicitZeroNodeCount(t *testing.T) {
	args := aksArgs()
	args.Spec.NodeCount = ptr(0)
	got := problemsOf(aksErr(t, args))
	if !hasProblem(got, "spec.nodeCount: is 0; AKS takes 1-1000 nodes per pool") {
		t.Errorf("no problem names spec.nodeCount's 0; got:\n%s", strings.Join(got, "\n"))
	}
	for _, g := range got {
		if !strings.HasPrefix(g, "spec.nodeCount: ") {
			t.Errorf("only nodeCount is wrong, got %q", g)
		}
	}
	wantSpecProblems(t, AksSpec{ComputeType: "AKS", NodeCount: ptr(0), ClusterPurpose: "DevTest", ScoringSources: []string{"Internet"}}.Validate(NewPath("amlvnet:aks"), AksSite{}),
		"amlvnet:aks.nodeCount: is 0; AKS takes 1-1000 nodes per pool", "amlvnet:aks."+legacyWarning)
	wantSpecProblems(t, AksSpec{ComputeType: "AKS", ScoringSources: []string{"Internet"}}.Validate(NewPath("spec"), AksSite{}), "spec."+legacyWarning)
	wantSpecProblems(t, AksSpec{ComputeType: "AKS", MaxPods: ptr(0), ScoringSources: []string{"Internet"}}.Validate(NewPath("spec"), AksSite{}),
		"spec.maxPods: is 0; Azure CNI takes 10-250 pods per node", "spec."+legacyWarning)
}

func TestAksWiringChecks(t *testing.T) {
	for _, tt := range []struct {
		name   string
		mutate func(a *AksInVnetArgs)
		want   []string
	}{
		{"subnet ID", func(a *AksInVnetArgs) { a.Subnet.ID = nil }, []string{"subnet.id: is required"}},
		{"subnet NSG", func(a *AksInVnetArgs) { a.Subnet.NsgName = nil }, []string{"subnet.nsgName: is required"}},
		{"workspace name", func(a *AksInVnetArgs) { a.Workspace.Name = nil }, []string{"workspace.name: is required"}},
		{"workspace identity", func(a *AksInVnetArgs) { a.Workspace.PrincipalID, a.Workspace.RegistryID = nil, nil },
			[]string{"workspace.principalId: is required for a Kubernetes compute", "workspace.registryId: is required for a Kubernetes compute"}},
		{"workspace storage", func(a *AksInVnetArgs) { a.Workspace.StorageAccountID = nil }, []string{"workspace.storageAccountId: is required for a Kubernetes compute"}},
		{"scoring storage", func(a *AksInVnetArgs) { a.ScoringStorage = &ScoringStorageRef{AccountName: pulumi.String("x")} },
			[]string{"scoringStorage.resourceGroupName: is required", "scoringStorage.accountId: is required"}},
		{"resource group", func(a *AksInVnetArgs) { a.ResourceGroupName = nil }, []string{"resourceGroupName: is required"}},
		{"layout", func(a *AksInVnetArgs) { a.Layout = nil }, []string{"layout: is required: the VNet's address plan"}},
		{"scoring sources", func(a *AksInVnetArgs) { a.Spec.ScoringSources = nil }, []string{"spec.scoringSources: name who may call the scoring endpoint"}},
		{"location", func(a *AksInVnetArgs) { a.Location = "narnia" }, []string{"location: "}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := aksArgs()
			tt.mutate(args)
			wantProblems(t, aksErr(t, args), tt.want...)
		})
	}
	// The legacy compute grants no roles, so needs no workspace identity.
	legacy := legacyArgs()
	legacy.Workspace = WorkspaceRef{ResourceGroupName: pulumi.String("rg"), Name: pulumi.String("ws")}
	aksRun(t, legacy)
}

func TestAksSpecWithDefaultsAndPurity(t *testing.T) {
	d := AksSpec{}.WithDefaults()
	if d.Name != DefaultAksName || d.ComputeName != DefaultAksComputeName || *d.NodeCount != DefaultAksNodeCount || d.VMSize != DefaultAksVMSize ||
		*d.MaxPods != DefaultAksMaxPods || d.ServiceCidr != DefaultServiceCidr || d.DNSServiceIP != DefaultDNSServiceIP ||
		d.DockerBridgeCidr != DefaultDockerBridgeCidr || !reflect.DeepEqual(d.ScoringPorts, []int{80, 443}) ||
		d.ClusterPurpose != "FastProd" || d.LoadBalancerType != "PublicIp" || *d.RulePriority != DefaultRulePriority ||
		d.ComputeType != AksComputeKubernetes || d.Namespace != "default" || d.Inference.RouterServiceType != RouterLoadBalancer ||
		!*d.Inference.HighAvailability || d.Inference.AllowInsecureConnections || d.PrivateCluster {
		t.Errorf("defaults %+v", d)
	}
	if small := (AksSpec{NodeCount: ptr(2)}).WithDefaults(); *small.Inference.HighAvailability || small.ClusterPurpose != "DevTest" {
		t.Errorf("two nodes: HA %v purpose %s, want false and DevTest", *small.Inference.HighAvailability, small.ClusterPurpose)
	}
	if legacy := (AksSpec{ComputeType: "AKS", NodeCount: ptr(2)}).WithDefaults(); legacy.ClusterPurpose != "FastProd" || legacy.Namespace != "" || legacy.Inference.HighAvailability != nil {
		t.Errorf("the legacy compute keeps its defaults: %+v", legacy)
	}
	nodes := 0
	spec := AksSpec{NodeCount: &nodes, ScoringSources: []string{"*"}, ScoringPorts: []int{0}}
	if got := spec.WithDefaults(); got.NodeCount != &nodes || !reflect.DeepEqual(got.ScoringPorts, []int{0}) {
		t.Errorf("values given are kept: %+v", got)
	}
	site := aksSite(aksArgs())
	first, second := spec.Validate(NewPath("spec"), site), spec.Validate(NewPath("spec"), site)
	if len(first) == 0 || !reflect.DeepEqual(first, second) {
		t.Errorf("Validate twice gives %v then %v", first, second)
	}
	if spec.NodeCount != &nodes || nodes != 0 || spec.MaxPods != nil || spec.Name != "" || spec.Inference.HighAvailability != nil ||
		!reflect.DeepEqual(spec.ScoringSources, []string{"*"}) || !reflect.DeepEqual(spec.ScoringPorts, []int{0}) {
		t.Errorf("WithDefaults or Validate changed the spec: %+v", spec)
	}
}

// The defaults are fresh values: changing one spec's default ports changes
// no other spec's.
func TestAksDefaultScoringPortsNotShared(t *testing.T) {
	a := AksSpec{}.WithDefaults()
	a.ScoringPorts[0] = 8080
	if b := (AksSpec{}).WithDefaults(); b.ScoringPorts[0] != 80 {
		t.Errorf("a change to one spec's default ports leaked into another: %v", b.ScoringPorts)
	}
}

// An empty port list would send the scoring rule with no port, which Azure
// refuses.
func TestAksEmptyScoringPortsRefused(t *testing.T) {
	spec := AksSpec{ComputeType: "AKS", ScoringSources: []string{"10.0.0.0/8"}, ScoringPorts: []int{}}
	ps := spec.Validate(NewPath("aks"), AksSite{Region: "eastus2"})
	if !hasProblem(lines(ps), "aks.scoringPorts: at least one port is required") {
		t.Errorf("empty scoring ports accepted: %v", ps)
	}
}
