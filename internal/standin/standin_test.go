package standin

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

var ctx = context.Background()

func urnOf(token, name string) string {
	return "urn:pulumi:dev::amlvnet::" + token + "::" + name
}

func toStruct(t *testing.T, m resource.PropertyMap) *structpb.Struct {
	t.Helper()
	st, err := plugin.MarshalProperties(m, rpcOpts)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func fromStruct(t *testing.T, st *structpb.Struct) resource.PropertyMap {
	t.Helper()
	m, err := plugin.UnmarshalProperties(st, rpcOpts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sv(s string) resource.PropertyValue { return resource.NewStringProperty(s) }

func unknown() resource.PropertyValue { return resource.MakeComputed(resource.NewStringProperty("")) }

func check(t *testing.T, s *Server, token, name string, inputs resource.PropertyMap) *pulumirpc.CheckResponse {
	t.Helper()
	resp, err := s.Check(ctx, &pulumirpc.CheckRequest{Urn: urnOf(token, name), Type: token, Name: name, News: toStruct(t, inputs)})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// failureOn returns the failure on property, or fails the test.
func failureOn(t *testing.T, resp *pulumirpc.CheckResponse, property string) *pulumirpc.CheckFailure {
	t.Helper()
	for _, f := range resp.Failures {
		if f.Property == property {
			return f
		}
	}
	t.Fatalf("no failure on %q; failures: %v", property, resp.Failures)
	return nil
}

func validRule() resource.PropertyMap {
	return resource.PropertyMap{
		"resourceGroupName":        sv("rg"),
		"networkSecurityGroupName": sv("nsg"),
		"securityRuleName":         sv("ssh"),
		"protocol":                 sv("Tcp"),
		"access":                   sv("Allow"),
		"direction":                sv("Inbound"),
		"priority":                 resource.NewNumberProperty(100),
		"sourceAddressPrefix":      sv("AzureMachineLearning"),
		"destinationPortRange":     sv("22"),
		"description":              resource.MakeSecret(sv("secret note")),
	}
}

const ruleToken = "azure-native:network:SecurityRule"

func TestCheckValidSecurityRuleKeepsInputsAndSecrets(t *testing.T) {
	s := New(Options{})
	resp := check(t, s, ruleToken, "ssh", validRule())
	if len(resp.Failures) != 0 {
		t.Fatalf("unexpected failures: %v", resp.Failures)
	}
	got := fromStruct(t, resp.Inputs)
	if !got["description"].IsSecret() || !got.DeepEquals(validRule()) {
		t.Fatalf("inputs not returned as given: %v", got)
	}
}

func TestCheckSecurityRuleUnknownProperty(t *testing.T) {
	in := validRule()
	in["destinationPortRnage"] = sv("22")
	f := failureOn(t, check(t, New(Options{}), ruleToken, "ssh", in), "destinationPortRnage")
	if !strings.Contains(f.Reason, `azure-native:network:SecurityRule "ssh"`) || !strings.Contains(f.Reason, "unknown property") {
		t.Fatalf("reason should name the resource and the problem: %q", f.Reason)
	}
}

func TestCheckSecurityRuleMissingPriority(t *testing.T) {
	in := validRule()
	delete(in, "priority")
	f := failureOn(t, check(t, New(Options{}), ruleToken, "ssh", in), "priority")
	if !strings.Contains(f.Reason, "missing required property") || !strings.Contains(f.Reason, `"ssh"`) {
		t.Fatalf("reason: %q", f.Reason)
	}
}

func TestCheckSecurityRuleBadValues(t *testing.T) {
	in := validRule()
	in["protocol"] = sv("TCP") // enum values are case-sensitive in the SDK
	in["direction"] = sv("In")
	in["priority"] = resource.NewNumberProperty(5000)
	resp := check(t, New(Options{}), ruleToken, "ssh", in)
	if f := failureOn(t, resp, "protocol"); !strings.Contains(f.Reason, "Tcp, Udp, Icmp, Esp, *, Ah") {
		t.Fatalf("reason should list the allowed values: %q", f.Reason)
	}
	failureOn(t, resp, "direction")
	failureOn(t, resp, "priority")

	in = validRule()
	in["priority"] = sv("100")
	if f := failureOn(t, check(t, New(Options{}), ruleToken, "ssh", in), "priority"); !strings.Contains(f.Reason, "expected integer") {
		t.Fatalf("reason: %q", f.Reason)
	}
}

func TestCheckUnknownValuesPassInPreview(t *testing.T) {
	in := validRule()
	in["priority"] = unknown()
	in["resourceGroupName"] = unknown()
	if resp := check(t, New(Options{}), ruleToken, "ssh", in); len(resp.Failures) != 0 {
		t.Fatalf("unknown values must not fail: %v", resp.Failures)
	}
}

func TestCheckNestedAndOtherTokens(t *testing.T) {
	s := New(Options{})
	nsg := resource.PropertyMap{
		"resourceGroupName": sv("rg"),
		"securityRules": resource.NewArrayProperty([]resource.PropertyValue{resource.NewObjectProperty(resource.PropertyMap{
			"name": sv("a"), "protocol": sv("Tcp"), "access": sv("Allow"), "direction": sv("Inbound"),
		})}),
	}
	failureOn(t, check(t, s, "azure-native:network:NetworkSecurityGroup", "nsg", nsg), "securityRules[0].priority")

	sa := resource.PropertyMap{
		"resourceGroupName": sv("rg"),
		"kind":              sv("StorageV2"),
		"sku":               resource.NewObjectProperty(resource.PropertyMap{"name": sv("Standard_LRS")}),
		"minimumTlsVersion": sv("TLS1_3"),
		"networkRuleSet":    resource.NewObjectProperty(resource.PropertyMap{"defaultAction": sv("deny"), "bypass": sv("AzureServices, Logging")}),
	}
	resp := check(t, s, "azure-native:storage:StorageAccount", "sa", sa)
	failureOn(t, resp, "minimumTlsVersion")
	failureOn(t, resp, "networkRuleSet.defaultAction")
	if len(resp.Failures) != 2 {
		t.Fatalf("want 2 failures, got %v", resp.Failures)
	}

	kv := resource.PropertyMap{"resourceGroupName": sv("rg"), "properties": resource.NewObjectProperty(resource.PropertyMap{
		"softDeleteRetentionInDays": resource.NewNumberProperty(5),
	})}
	resp = check(t, s, "azure-native:keyvault:Vault", "kv", kv)
	failureOn(t, resp, "properties.tenantId")
	failureOn(t, resp, "properties.sku")
	if f := failureOn(t, resp, "properties.softDeleteRetentionInDays"); !strings.Contains(f.Reason, "between 7 and 90") {
		t.Fatalf("reason: %q", f.Reason)
	}

	aks := resource.PropertyMap{
		"resourceGroupName": sv("rg"),
		"networkProfile":    resource.NewObjectProperty(resource.PropertyMap{"networkPlugin": sv("azure"), "dockerBridgeCidr": sv("172.17.0.1/16")}),
	}
	if f := failureOn(t, check(t, s, "azure-native:containerservice:ManagedCluster", "aks", aks), "networkProfile.dockerBridgeCidr"); !strings.Contains(f.Reason, "2023-04-01") {
		t.Fatalf("reason: %q", f.Reason)
	}

	ra := resource.PropertyMap{"principalId": sv("p"), "scope": sv("/subscriptions/x")}
	failureOn(t, check(t, s, "azure-native:authorization:RoleAssignment", "ra", ra), "roleDefinitionId")

	if resp := check(t, s, "azure-native:compute:VirtualMachine", "vm", resource.PropertyMap{"whatever": sv("x")}); len(resp.Failures) != 0 {
		t.Fatalf("unknown tokens are accepted, got %v", resp.Failures)
	}
}

// TestCheckMLCompute runs an ML compute through Check: secrets are unwrapped
// before checking, unknown values are not judged, and each failure names the
// resource and the property.
func TestCheckMLCompute(t *testing.T) {
	s := New(Options{})
	token := "azure-native:machinelearningservices:Compute"
	in := resource.PropertyMap{
		"resourceGroupName": sv("rg"),
		"workspaceName":     unknown(),
		"bogus":             sv("x"),
		"location":          resource.MakeSecret(sv("eastus2")),
		"properties": resource.NewObjectProperty(resource.PropertyMap{
			"properties": resource.NewObjectProperty(resource.PropertyMap{"vmSize": unknown()}),
			"adminPwd":   resource.MakeSecret(sv("hunter2")),
		}),
	}
	resp := check(t, s, token, "cpu", in)
	if f := failureOn(t, resp, "properties.computeType"); !strings.Contains(f.Reason, `azure-native:machinelearningservices:Compute "cpu"`) ||
		!strings.Contains(f.Reason, "missing required property") {
		t.Fatalf("reason should name the resource and the problem: %q", f.Reason)
	}
	failureOn(t, resp, "bogus")
	if len(resp.Failures) != 2 { // without a computeType no member is chosen, so adminPwd is not judged
		t.Fatalf("want 2 failures, got %v", resp.Failures)
	}

	// A secret is checked for what it holds.
	in["location"] = resource.MakeSecret(resource.NewNumberProperty(1))
	if f := failureOn(t, check(t, s, token, "cpu", in), "location"); !strings.Contains(f.Reason, "expected string, got number") {
		t.Fatalf("reason: %q", f.Reason)
	}

	// The workspace and the identity of the binding are checked too.
	ws := resource.PropertyMap{"workspaceName": sv("mlw"), "lcoation": sv("eastus2")}
	resp = check(t, s, "azure-native:machinelearningservices:Workspace", "mlw", ws)
	failureOn(t, resp, "lcoation")
	if f := failureOn(t, resp, "resourceGroupName"); !strings.Contains(f.Reason, "missing required property") {
		t.Fatalf("reason: %q", f.Reason)
	}
	id := resource.PropertyMap{"resourceGroupName": sv("rg"), "tags": resource.NewObjectProperty(resource.PropertyMap{"n": resource.NewNumberProperty(1)})}
	failureOn(t, check(t, s, "azure-native:managedidentity:UserAssignedIdentity", "id", id), "tags.n")
}

func create(t *testing.T, s *Server, token, name string, inputs resource.PropertyMap, preview bool) (string, resource.PropertyMap) {
	t.Helper()
	resp, err := s.Create(ctx, &pulumirpc.CreateRequest{
		Urn: urnOf(token, name), Type: token, Name: name, Properties: toStruct(t, inputs), Preview: preview,
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Id, fromStruct(t, resp.Properties)
}

func TestCreateSubnetDeterministicID(t *testing.T) {
	token := "azure-native:network:Subnet"
	in := resource.PropertyMap{
		"resourceGroupName":  sv("rg"),
		"virtualNetworkName": sv("vnet"),
		"subnetName":         sv("training"),
		"addressPrefix":      sv("10.20.0.0/24"),
	}
	id, out := create(t, New(Options{}), token, "training", in, false)
	want := "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/training"
	if id != want || out["id"].StringValue() != want {
		t.Fatalf("id = %q, outputs.id = %v, want %q", id, out["id"], want)
	}
	if out["name"].StringValue() != "training" || out["provisioningState"].StringValue() != "Succeeded" ||
		out["addressPrefix"].StringValue() != "10.20.0.0/24" {
		t.Fatalf("outputs: %v", out)
	}

	// Autonamed: URN name plus a suffix, the same on every run.
	delete(in, "subnetName")
	id1, out1 := create(t, New(Options{}), token, "aks", in, false)
	id2, _ := create(t, New(Options{}), token, "aks", in, false)
	if id1 != id2 || !regexp.MustCompile(`/subnets/aks[0-9a-f]{8}$`).MatchString(id1) || !strings.HasSuffix(id1, out1["name"].StringValue()) {
		t.Fatalf("autonamed ids %q, %q (name %v)", id1, id2, out1["name"])
	}
}

func TestCreateConfiguredSubscriptionAndIdentity(t *testing.T) {
	s := New(Options{})
	if _, err := s.Configure(ctx, &pulumirpc.ConfigureRequest{
		Args: toStruct(t, resource.PropertyMap{"subscriptionId": sv("sub-1"), "location": sv("eastus2")}),
	}); err != nil {
		t.Fatal(err)
	}
	in := resource.PropertyMap{
		"resourceGroupName": sv("rg"),
		"workspaceName":     sv("mlw"),
		"location":          sv("eastus2"),
		"identity":          resource.NewObjectProperty(resource.PropertyMap{"type": sv("SystemAssigned")}),
	}
	id, out := create(t, s, "azure-native:machinelearningservices:Workspace", "mlw", in, false)
	if id != "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw" {
		t.Fatalf("id %q", id)
	}
	ident := out["identity"].ObjectValue()
	if ident["type"].StringValue() != "SystemAssigned" || ident["principalId"].StringValue() == "" || ident["tenantId"].StringValue() != TenantID {
		t.Fatalf("identity %v", ident)
	}
	if out["workspaceId"].StringValue() == "" || out["discoveryUrl"].StringValue() != "https://eastus2.api.azureml.ms/discovery" {
		t.Fatalf("outputs %v", out)
	}

	_, aks := create(t, s, "azure-native:containerservice:ManagedCluster", "aks",
		resource.PropertyMap{"resourceGroupName": sv("rg"), "resourceName": sv("myaks"), "dnsPrefix": sv("myaks"), "location": sv("eastus2")}, false)
	if aks["identityProfile"].ObjectValue()["kubeletidentity"].ObjectValue()["objectId"].StringValue() == "" ||
		aks["identity"].ObjectValue()["principalId"].StringValue() == "" || !strings.HasSuffix(aks["fqdn"].StringValue(), ".hcp.eastus2.azmk8s.io") {
		t.Fatalf("aks outputs %v", aks)
	}

	id, _ = create(t, s, "azure-native:machinelearningservices:Compute", "cpu",
		resource.PropertyMap{"resourceGroupName": sv("rg"), "workspaceName": sv("mlw"), "computeName": sv("cpucluster")}, false)
	if !strings.HasSuffix(id, "/workspaces/mlw/computes/cpucluster") {
		t.Fatalf("compute id %q", id)
	}
}

func TestCreatePreviewLeavesOutputsUnknown(t *testing.T) {
	in := resource.PropertyMap{
		"resourceGroupName":  unknown(),
		"virtualNetworkName": sv("vnet"),
		"location":           sv("eastus2"),
		"tags":               resource.NewObjectProperty(resource.PropertyMap{"env": resource.MakeSecret(sv("dev"))}),
	}
	id, out := create(t, New(Options{}), "azure-native:network:VirtualNetwork", "vnet", in, true)
	if id != "" {
		t.Fatalf("preview id = %q, want empty", id)
	}
	for _, k := range []resource.PropertyKey{"id", "name", "provisioningState", "resourceGuid"} {
		if !out[k].IsComputed() {
			t.Fatalf("outputs[%s] = %v, want unknown", k, out[k])
		}
	}
	if !out["resourceGroupName"].IsComputed() || out["location"].StringValue() != "eastus2" ||
		!out["tags"].ObjectValue()["env"].IsSecret() {
		t.Fatalf("inputs not kept: %v", out)
	}
}

func diff(t *testing.T, token string, olds, news resource.PropertyMap) *pulumirpc.DiffResponse {
	t.Helper()
	resp, err := New(Options{}).Diff(ctx, &pulumirpc.DiffRequest{
		Urn: urnOf(token, "x"), Type: token, Id: "some-id",
		Olds: toStruct(t, olds), OldInputs: toStruct(t, olds), News: toStruct(t, news),
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestDiff(t *testing.T) {
	token := "azure-native:network:VirtualNetwork"
	base := resource.PropertyMap{
		"resourceGroupName": sv("rg"),
		"location":          sv("eastus2"),
		"tags":              resource.NewObjectProperty(resource.PropertyMap{"env": sv("dev")}),
		"password":          resource.MakeSecret(sv("s")),
	}

	same := base.Copy()
	same["password"] = sv("s") // a secret wrapper alone is no change
	same["location"] = sv("East US 2")
	if d := diff(t, token, base, same); d.Changes != pulumirpc.DiffResponse_DIFF_NONE || len(d.Diffs) != 0 {
		t.Fatalf("want no diff, got %v", d)
	}

	moved := base.Copy()
	moved["location"] = sv("westeurope")
	d := diff(t, token, base, moved)
	if d.Changes != pulumirpc.DiffResponse_DIFF_SOME || len(d.Replaces) != 1 || d.Replaces[0] != "location" ||
		d.DetailedDiff["location"].Kind != pulumirpc.PropertyDiff_UPDATE_REPLACE || d.DeleteBeforeReplace {
		t.Fatalf("location change: %v", d)
	}

	retagged := base.Copy()
	retagged["tags"] = resource.NewObjectProperty(resource.PropertyMap{"env": sv("prod")})
	d = diff(t, token, base, retagged)
	if d.Changes != pulumirpc.DiffResponse_DIFF_SOME || len(d.Replaces) != 0 || len(d.Diffs) != 1 || d.Diffs[0] != "tags" ||
		d.DetailedDiff["tags"].Kind != pulumirpc.PropertyDiff_UPDATE {
		t.Fatalf("tags change: %v", d)
	}

	aks := resource.PropertyMap{"resourceGroupName": sv("rg"), "networkProfile": resource.NewObjectProperty(resource.PropertyMap{"serviceCidr": sv("10.0.0.0/16")})}
	aks2 := aks.Copy()
	aks2["networkProfile"] = resource.NewObjectProperty(resource.PropertyMap{"serviceCidr": sv("10.1.0.0/16")})
	if d := diff(t, "azure-native:containerservice:ManagedCluster", aks, aks2); len(d.Replaces) != 1 || d.Replaces[0] != "networkProfile" {
		t.Fatalf("networkProfile change: %v", d)
	}
}

// Azure cannot change a compute's type, nor make an existing cluster
// private: those nested changes replace, their neighbours do not.
func TestDiffReplacePaths(t *testing.T) {
	obj := func(kv ...any) resource.PropertyValue {
		m := resource.PropertyMap{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[resource.PropertyKey(kv[i].(string))] = kv[i+1].(resource.PropertyValue)
		}
		return resource.NewObjectProperty(m)
	}
	compute := func(ct, id string) resource.PropertyMap {
		return resource.PropertyMap{"resourceGroupName": sv("rg"), "workspaceName": sv("ws"), "computeName": sv("aks"),
			"properties": obj("computeType", sv(ct), "resourceId", sv(id))}
	}
	const token = "azure-native:machinelearningservices:Compute"
	d := diff(t, token, compute("AKS", "/c"), compute("Kubernetes", "/c"))
	if len(d.Replaces) != 1 || d.Replaces[0] != "properties" || d.DetailedDiff["properties.computeType"].GetKind() != pulumirpc.PropertyDiff_UPDATE_REPLACE {
		t.Errorf("compute type change: %v", d)
	}
	d = diff(t, token, compute("Kubernetes", "/c"), compute("Kubernetes", "/d"))
	if len(d.Replaces) != 0 || d.DetailedDiff["properties"].GetKind() != pulumirpc.PropertyDiff_UPDATE || len(d.Diffs) != 1 {
		t.Errorf("another change of the compute's properties: %v", d)
	}

	const mc = "azure-native:containerservice:ManagedCluster"
	public := resource.PropertyMap{"resourceGroupName": sv("rg"), "resourceName": sv("aks")}
	private := public.Copy()
	private["apiServerAccessProfile"] = obj("enablePrivateCluster", resource.NewBoolProperty(true), "enablePrivateClusterPublicFQDN", resource.NewBoolProperty(false))
	d = diff(t, mc, public, private)
	if len(d.Replaces) != 1 || d.Replaces[0] != "apiServerAccessProfile" ||
		d.DetailedDiff["apiServerAccessProfile.enablePrivateCluster"].GetKind() != pulumirpc.PropertyDiff_UPDATE_REPLACE {
		t.Errorf("making a cluster private: %v", d)
	}
	ranges := public.Copy()
	ranges["apiServerAccessProfile"] = obj("authorizedIPRanges", resource.NewArrayProperty([]resource.PropertyValue{sv("203.0.113.0/24")}))
	d = diff(t, mc, public, ranges)
	if len(d.Replaces) != 0 || d.DetailedDiff["apiServerAccessProfile"].GetKind() != pulumirpc.PropertyDiff_ADD {
		t.Errorf("authorized ranges change in place: %v", d)
	}
}

func TestReadAndUpdate(t *testing.T) {
	s := New(Options{FixturesPath: "testdata/vnets.json"})
	token := "azure-native:network:VirtualNetwork"
	id := "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/corp-vnet"
	resp, err := s.Read(ctx, &pulumirpc.ReadRequest{Id: id, Urn: urnOf(token, "corp"), Type: token})
	if err != nil {
		t.Fatal(err)
	}
	out, in := fromStruct(t, resp.Properties), fromStruct(t, resp.Inputs)
	if resp.Id != id || in["virtualNetworkName"].StringValue() != "corp-vnet" || in["resourceGroupName"].StringValue() != "network-rg" ||
		out["addressSpace"].ObjectValue()["addressPrefixes"].ArrayValue()[0].StringValue() != "10.50.0.0/16" {
		t.Fatalf("read: %v / %v", out, in)
	}

	// Stored state comes back as it is.
	stored := toStruct(t, resource.PropertyMap{"id": sv(id), "name": sv("corp-vnet")})
	resp, err = s.Read(ctx, &pulumirpc.ReadRequest{Id: id, Urn: urnOf(token, "corp"), Properties: stored, Inputs: stored})
	if err != nil || !fromStruct(t, resp.Properties).DeepEquals(fromStruct(t, stored)) {
		t.Fatalf("read stored: %v %v", resp, err)
	}

	oldIn := resource.PropertyMap{"resourceGroupName": sv("rg"), "tags": resource.NewObjectProperty(resource.PropertyMap{})}
	olds := oldIn.Copy()
	olds["id"], olds["provisioningState"] = sv(id), sv("Succeeded")
	newIn := resource.PropertyMap{"resourceGroupName": sv("rg")}
	up, err := s.Update(ctx, &pulumirpc.UpdateRequest{Id: id, Urn: urnOf(token, "corp"), Olds: toStruct(t, olds),
		OldInputs: toStruct(t, oldIn), News: toStruct(t, newIn)})
	if err != nil {
		t.Fatal(err)
	}
	got := fromStruct(t, up.Properties)
	if _, has := got["tags"]; has || got["id"].StringValue() != id || got["provisioningState"].StringValue() != "Succeeded" {
		t.Fatalf("update: %v", got)
	}
}

func invoke(t *testing.T, s *Server, tok string, args resource.PropertyMap) (resource.PropertyMap, error) {
	t.Helper()
	resp, err := s.Invoke(ctx, &pulumirpc.InvokeRequest{Tok: tok, Args: toStruct(t, args)})
	if err != nil {
		return nil, err
	}
	return fromStruct(t, resp.Return), nil
}

func TestInvokeGetClientConfig(t *testing.T) {
	out, err := invoke(t, New(Options{}), "azure-native:authorization:getClientConfig", resource.PropertyMap{})
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[resource.PropertyKey]string{
		"clientId": ClientID, "objectId": ObjectID, "subscriptionId": DefaultSubscriptionID, "tenantId": TenantID,
	} {
		if out[k].StringValue() != want {
			t.Fatalf("%s = %v, want %s", k, out[k], want)
		}
	}
}

func TestInvokeGetVirtualNetwork(t *testing.T) {
	t.Setenv(FixturesEnv, "testdata/vnets.json")
	s := New(Options{})
	out, err := invoke(t, s, "azure-native:network:getVirtualNetwork",
		resource.PropertyMap{"resourceGroupName": sv("network-rg"), "virtualNetworkName": sv("corp-vnet")})
	if err != nil {
		t.Fatal(err)
	}
	vnetID := "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/corp-vnet"
	subnets := out["subnets"].ArrayValue()
	if out["id"].StringValue() != vnetID || out["name"].StringValue() != "corp-vnet" || out["location"].StringValue() != "eastus2" ||
		out["addressSpace"].ObjectValue()["addressPrefixes"].ArrayValue()[0].StringValue() != "10.50.0.0/16" || len(subnets) != 3 {
		t.Fatalf("vnet: %v", out)
	}
	sn := subnets[0].ObjectValue() // sorted by name
	if sn["id"].StringValue() != vnetID+"/subnets/aks" || sn["name"].StringValue() != "aks" || sn["addressPrefix"].StringValue() != "10.50.4.0/22" {
		t.Fatalf("subnet: %v", sn)
	}
	if _, has := sn["delegations"]; has || !subnets[2].ObjectValue()["delegations"].IsArray() {
		t.Fatalf("only the web subnet is delegated: %v", subnets)
	}
	web, err := invoke(t, s, "azure-native:network:getSubnet",
		resource.PropertyMap{"resourceGroupName": sv("NETWORK-rg"), "virtualNetworkName": sv("corp-vnet"), "subnetName": sv("Web")})
	if err != nil || web["id"].StringValue() != vnetID+"/subnets/web" || web["addressPrefix"].StringValue() != "10.50.8.0/24" {
		t.Fatalf("getSubnet: %v, %v", web, err)
	}

	if _, err := invoke(t, s, "azure-native:network:getVirtualNetwork",
		resource.PropertyMap{"resourceGroupName": sv("network-rg"), "virtualNetworkName": sv("nope")}); err == nil || !strings.Contains(err.Error(), "ResourceNotFound") {
		t.Fatalf("unknown vnet: %v", err)
	}
	if _, err := invoke(t, s, "azure-native:compute:getVirtualMachine", resource.PropertyMap{}); err == nil || !strings.Contains(err.Error(), "azure-native:compute:getVirtualMachine") {
		t.Fatalf("unknown function: %v", err)
	}
}

// TestCheckValidMLCompute: a valid AmlCompute passes, with its required
// values still unknown; a misspelled name fails.
func TestCheckValidMLCompute(t *testing.T) {
	s := New(Options{})
	token := "azure-native:machinelearningservices:Compute"
	good := resource.PropertyMap{
		"resourceGroupName": unknown(),
		"workspaceName":     unknown(),
		"computeName":       sv("cpucluster"),
		"location":          sv("eastus2"),
		"properties": resource.NewObjectProperty(resource.PropertyMap{
			"computeType": sv("AmlCompute"),
			"properties": resource.NewObjectProperty(resource.PropertyMap{
				"vmSize": sv("STANDARD_D2_V2"),
				"scaleSettings": resource.NewObjectProperty(resource.PropertyMap{
					"minNodeCount": resource.NewNumberProperty(0), "maxNodeCount": unknown(),
				}),
				"subnet": resource.NewObjectProperty(resource.PropertyMap{"id": unknown()}),
			}),
		}),
	}
	if resp := check(t, s, token, "cpu", good); len(resp.Failures) != 0 {
		t.Fatalf("unexpected failures: %v", resp.Failures)
	}
	bad := good.Copy()
	bad["computeNmae"] = sv("x")
	resp := check(t, s, token, "cpu", bad)
	if f := failureOn(t, resp, "computeNmae"); !strings.Contains(f.Reason, `"cpu"`) {
		t.Fatalf("reason: %q", f.Reason)
	}
}

// TestRound2TokensCreateAndDiff: IDs, computed outputs and replacements of the
// tokens added in round 2.
func TestRound2TokensCreateAndDiff(t *testing.T) {
	s := New(Options{})
	const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
	ext := resource.PropertyMap{
		"resourceGroupName": sv("rg"), "clusterRp": sv("Microsoft.ContainerService"), "clusterResourceName": sv("managedClusters"),
		"clusterName": sv("aks"), "extensionName": sv("azureml"), "extensionType": sv("Microsoft.AzureML.Kubernetes"),
	}
	id, out := create(t, s, "azure-native:kubernetesconfiguration:Extension", "azureml", ext, false)
	if id != sub+"Microsoft.ContainerService/managedClusters/aks/providers/Microsoft.KubernetesConfiguration/extensions/azureml" {
		t.Errorf("extension id %q", id)
	}
	if p := out["aksAssignedIdentity"]; !p.IsObject() || p.ObjectValue()["principalId"].StringValue() == "" {
		t.Errorf("extension outputs: %v", out)
	}
	_, preview := create(t, s, "azure-native:kubernetesconfiguration:Extension", "azureml", ext, true)
	if !preview["aksAssignedIdentity"].IsComputed() {
		t.Errorf("preview: aksAssignedIdentity = %v, want unknown", preview["aksAssignedIdentity"])
	}

	ds := resource.PropertyMap{"resourceGroupName": sv("rg"), "workspaceName": sv("mlw"), "name": sv("projectblob")}
	if id, _ := create(t, s, "azure-native:machinelearningservices:Datastore", "ds", ds, false); id != sub+"Microsoft.MachineLearningServices/workspaces/mlw/datastores/projectblob" {
		t.Errorf("datastore id %q", id)
	}
	rule := resource.PropertyMap{"resourceGroupName": sv("rg"), "workspaceName": sv("mlw"), "ruleName": sv("pypi")}
	if id, _ := create(t, s, "azure-native:machinelearningservices/v20241001:ManagedNetworkSettingsRule", "r", rule, false); id != sub+"Microsoft.MachineLearningServices/workspaces/mlw/outboundRules/pypi" {
		t.Errorf("rule id %q", id)
	}
	ws := resource.PropertyMap{"resourceGroupName": sv("rg"), "workspaceName": sv("hub"), "location": sv("eastus2")}
	id, out = create(t, s, "azure-native:machinelearningservices/v20241001:Workspace", "hub", ws, false)
	if id != sub+"Microsoft.MachineLearningServices/workspaces/hub" || out["workspaceId"].StringValue() == "" || out["discoveryUrl"].StringValue() == "" {
		t.Errorf("workspace %q: %v", id, out)
	}
	compute := resource.PropertyMap{"resourceGroupName": sv("rg"), "workspaceName": sv("mlw"), "computeName": sv("k8s"),
		"properties": resource.NewObjectProperty(resource.PropertyMap{"computeType": sv("Kubernetes"), "resourceId": sv("/subscriptions/x/aks")})}
	_, out = create(t, s, "azure-native:machinelearningservices:Compute", "k8s", compute, false)
	if p := out["properties"].ObjectValue(); p["provisioningState"].StringValue() != "Succeeded" || !p["isAttachedCompute"].BoolValue() ||
		p["computeType"].StringValue() != "Kubernetes" {
		t.Errorf("compute properties: %v", p)
	}

	// The schema data's replaceOnChanges: a datastore's name, an extension's cluster.
	renamed := ds.Copy()
	renamed["name"] = sv("other")
	if d := diff(t, "azure-native:machinelearningservices:Datastore", ds, renamed); len(d.Replaces) != 1 || d.Replaces[0] != "name" {
		t.Errorf("datastore rename: %v", d)
	}
	moved := ext.Copy()
	moved["clusterName"] = sv("aks2")
	moved["configurationSettings"] = resource.NewObjectProperty(resource.PropertyMap{"enableTraining": sv("true")})
	if d := diff(t, "azure-native:kubernetesconfiguration:Extension", ext, moved); !slices.Equal(d.Replaces, []string{"clusterName"}) || len(d.Diffs) != 2 {
		t.Errorf("extension change: %v", d)
	}
}

// Azure ML attaches a cluster as a Kubernetes compute only once its
// extension is installed: the stand-in refuses the compute until an Azure
// ML extension exists on that very cluster, whatever else is installed.
func TestKubernetesComputeNeedsTheExtension(t *testing.T) {
	s := New(Options{})
	const clusterID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
	attach := func(computeType string) error {
		in := resource.PropertyMap{"resourceGroupName": sv("rg"), "workspaceName": sv("mlw"), "computeName": sv("k8s"),
			"properties": resource.NewObjectProperty(resource.PropertyMap{"computeType": sv(computeType), "resourceId": sv(clusterID)})}
		_, err := s.Create(ctx, &pulumirpc.CreateRequest{Urn: urnOf(computeTok, "k8s"), Type: computeTok, Name: "k8s", Properties: toStruct(t, in)})
		return err
	}
	extension := func(name, cluster, typ string) string {
		id, _ := create(t, s, "azure-native:kubernetesconfiguration:Extension", name, resource.PropertyMap{
			"resourceGroupName": sv("rg"), "clusterRp": sv("Microsoft.ContainerService"), "clusterResourceName": sv("managedClusters"),
			"clusterName": sv(cluster), "extensionName": sv(name), "extensionType": sv(typ)}, false)
		return id
	}
	const refusal = "the Azure Machine Learning extension (Microsoft.AzureML.Kubernetes) is not installed on cluster " + clusterID
	if err := attach("Kubernetes"); err == nil || !strings.Contains(err.Error(), refusal) {
		t.Fatalf("a cluster without the extension: %v", err)
	}
	// A preview creates nothing, and is not refused.
	if _, err := s.Create(ctx, &pulumirpc.CreateRequest{Urn: urnOf(computeTok, "k8s"), Type: computeTok, Name: "k8s", Preview: true,
		Properties: toStruct(t, resource.PropertyMap{"properties": resource.NewObjectProperty(resource.PropertyMap{"computeType": sv("Kubernetes"), "resourceId": sv(clusterID)})})}); err != nil {
		t.Errorf("preview: %v", err)
	}
	if err := attach("AKS"); err != nil {
		t.Errorf("the legacy AKS compute needs no extension: %v", err)
	}
	extension("flux", "aks", "microsoft.flux")
	extension("azureml", "other-aks", "Microsoft.AzureML.Kubernetes")
	if err := attach("Kubernetes"); err == nil || !strings.Contains(err.Error(), refusal) {
		t.Fatalf("another extension, or the extension on another cluster, is no extension here: %v", err)
	}
	id := extension("azureml", "aks", "microsoft.azureml.kubernetes") // the ARM sample's lower case
	if err := attach("Kubernetes"); err != nil {
		t.Fatalf("with the extension installed: %v", err)
	}
	if _, err := s.Delete(ctx, &pulumirpc.DeleteRequest{Id: id, Urn: urnOf("azure-native:kubernetesconfiguration:Extension", "azureml"), Type: "azure-native:kubernetesconfiguration:Extension"}); err != nil {
		t.Fatal(err)
	}
	if err := attach("Kubernetes"); err == nil {
		t.Error("the extension was removed: attaching must fail again")
	}
}

// TestReplacesFollowTheSchema: for every token the schema data describes,
// a change of a top-level input replaces the resource exactly when the
// schema's replaceOnChanges lists it (a workspace's location does not), so
// the stand-in and the schema cannot disagree.
func TestReplacesFollowTheSchema(t *testing.T) {
	schema := azureschema.Default()
	for token, r := range schema.Resources {
		for key, p := range r.Inputs {
			if p.ReplaceOnChanges != slices.Contains(r.ReplaceOnChanges, key) {
				t.Errorf("%s.%s: the input's replaceOnChanges %v disagrees with the resource's list %v", token, key, p.ReplaceOnChanges, r.ReplaceOnChanges)
			}
			olds := resource.PropertyMap{resource.PropertyKey(key): sv("a")}
			news := resource.PropertyMap{resource.PropertyKey(key): sv("b")}
			d := diff(t, token, olds, news)
			if got := slices.Contains(d.Replaces, key); got != p.ReplaceOnChanges {
				t.Errorf("%s: a change of %s replaces=%v, the schema says %v", token, key, got, p.ReplaceOnChanges)
			}
		}
	}
	// The case the two tables once disagreed on.
	ws := "azure-native:machinelearningservices:Workspace"
	d := diff(t, ws, resource.PropertyMap{"location": sv("eastus2")}, resource.PropertyMap{"location": sv("westeurope")})
	if len(d.Replaces) != 0 || d.Changes != pulumirpc.DiffResponse_DIFF_SOME {
		t.Errorf("a workspace's location change is an update Azure refuses, not a replacement: %v", d)
	}
}
