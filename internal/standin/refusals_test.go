package standin

import (
	"context"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

func del(t *testing.T, s *Server, token, id string) error {
	t.Helper()
	_, err := s.Delete(context.Background(), &pulumirpc.DeleteRequest{Id: id, Urn: urnOf(token, "x"), Type: token})
	return err
}

// An NSG or route table a live subnet uses cannot be deleted; once the
// subnet is gone, it can. The live set outlives the provider process.
func TestRefuseDeletingWhatASubnetUses(t *testing.T) {
	dir := t.TempDir()
	s := New(Options{LiveDir: dir})
	nsgID, _ := create(t, s, "azure-native:network:NetworkSecurityGroup", "nsg", resource.NewPropertyMapFromMap(map[string]any{
		"resourceGroupName": "rg", "location": "eastus2", "networkSecurityGroupName": "nsg"}), false)
	rtID, _ := create(t, s, "azure-native:network:RouteTable", "rt", resource.NewPropertyMapFromMap(map[string]any{
		"resourceGroupName": "rg", "location": "eastus2", "routeTableName": "rt"}), false)
	subnetID, _ := create(t, s, "azure-native:network:Subnet", "sn", resource.NewPropertyMapFromMap(map[string]any{
		"resourceGroupName": "rg", "virtualNetworkName": "v", "subnetName": "sn", "addressPrefix": "10.0.0.0/24",
		"networkSecurityGroup": map[string]any{"id": nsgID}, "routeTable": map[string]any{"id": strings.ToUpper(rtID)}}), false)

	// A new provider process, as the engine starts for the next operation.
	s = New(Options{LiveDir: dir})
	if err := del(t, s, "azure-native:network:NetworkSecurityGroup", nsgID); err == nil || !strings.Contains(err.Error(), "InUseNetworkSecurityGroupCannotBeDeleted") || !strings.Contains(err.Error(), subnetID) {
		t.Errorf("deleting an NSG in use: %v", err)
	}
	if err := del(t, s, "azure-native:network:RouteTable", rtID); err == nil || !strings.Contains(err.Error(), "InUseRouteTableCannotBeDeleted") {
		t.Errorf("deleting a route table in use (IDs compare case-insensitively): %v", err)
	}
	if err := del(t, s, "azure-native:network:Subnet", subnetID); err != nil {
		t.Fatal(err)
	}
	if err := del(t, s, "azure-native:network:NetworkSecurityGroup", nsgID); err != nil {
		t.Errorf("an NSG no subnet uses can be deleted: %v", err)
	}
}

// A compute without public IPs in a private workspace waits for the
// workspace's private endpoint and its zone group; a Kubernetes compute for
// the Azure ML extension on its cluster.
func TestRefuseComputeBeforeItsPrerequisites(t *testing.T) {
	s := New(Options{})
	wsID, _ := create(t, s, "azure-native:machinelearningservices:Workspace", "ws", resource.NewPropertyMapFromMap(map[string]any{
		"resourceGroupName": "rg", "workspaceName": "ws", "location": "eastus2", "publicNetworkAccess": "Disabled",
		"identity": map[string]any{"type": "SystemAssigned"}}), false)
	private := resource.NewPropertyMapFromMap(map[string]any{"resourceGroupName": "rg", "workspaceName": "ws", "computeName": "cpu", "location": "eastus2",
		"properties": map[string]any{"computeType": "AmlCompute", "properties": map[string]any{"enableNodePublicIp": false}}})
	createErr := func(token, name string, in resource.PropertyMap) error {
		_, err := s.Create(context.Background(), &pulumirpc.CreateRequest{Urn: urnOf(token, name), Type: token, Properties: toStruct(t, in)})
		return err
	}
	if err := createErr("azure-native:machinelearningservices:Compute", "cpu", private); err == nil || !strings.Contains(err.Error(), "no private endpoint") {
		t.Errorf("compute before the endpoint: %v", err)
	}
	create(t, s, "azure-native:network:PrivateEndpoint", "pe", resource.NewPropertyMapFromMap(map[string]any{"resourceGroupName": "rg", "location": "eastus2",
		"privateEndpointName": "ws-pe", "subnet": map[string]any{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe"},
		"privateLinkServiceConnections": []any{map[string]any{"name": "ws", "privateLinkServiceId": wsID, "groupIds": []any{"amlworkspace"}}}}), false)
	if err := createErr("azure-native:machinelearningservices:Compute", "cpu", private); err == nil {
		t.Error("an endpoint without its DNS zone group is not enough")
	}
	create(t, s, "azure-native:network:PrivateDnsZoneGroup", "zg", resource.NewPropertyMapFromMap(map[string]any{"resourceGroupName": "rg",
		"privateEndpointName": "ws-pe", "privateDnsZoneGroupName": "default"}), false)
	if err := createErr("azure-native:machinelearningservices:Compute", "cpu", private); err != nil {
		t.Errorf("with its endpoint and zone group the compute is created: %v", err)
	}

	aks := "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
	k8s := resource.NewPropertyMapFromMap(map[string]any{"resourceGroupName": "rg", "workspaceName": "ws", "computeName": "k8s", "location": "eastus2",
		"properties": map[string]any{"computeType": "Kubernetes", "resourceId": aks}})
	if err := createErr("azure-native:machinelearningservices:Compute", "k8s", k8s); err == nil || !strings.Contains(err.Error(), "Microsoft.AzureML.Kubernetes") {
		t.Errorf("Kubernetes compute without the extension: %v", err)
	}
	create(t, s, "azure-native:kubernetesconfiguration:Extension", "ml", resource.NewPropertyMapFromMap(map[string]any{"resourceGroupName": "rg",
		"clusterName": "aks", "clusterResourceName": "managedClusters", "clusterRp": "Microsoft.ContainerService", "extensionName": "azureml",
		"extensionType": "microsoft.azureml.kubernetes"}), false)
	if err := createErr("azure-native:machinelearningservices:Compute", "k8s", k8s); err != nil {
		t.Errorf("with the extension the Kubernetes compute is created: %v", err)
	}
}

// A vault's soft-delete retention cannot change once set.
func TestRefuseRetentionChange(t *testing.T) {
	s := New(Options{})
	vault := func(days int) *structpb.Struct {
		return toStruct(t, resource.NewPropertyMapFromMap(map[string]any{"resourceGroupName": "rg", "location": "eastus2",
			"properties": map[string]any{"tenantId": "t", "softDeleteRetentionInDays": days, "sku": map[string]any{"family": "A", "name": "standard"}}}))
	}
	token := "azure-native:keyvault:Vault"
	_, err := s.Update(context.Background(), &pulumirpc.UpdateRequest{Id: "/v", Urn: urnOf(token, "kv"), Type: token,
		Olds: vault(90), OldInputs: vault(90), News: vault(30)})
	if err == nil || !strings.Contains(err.Error(), "softDeleteRetentionInDays") {
		t.Errorf("retention change accepted: %v", err)
	}
	if _, err := s.Update(context.Background(), &pulumirpc.UpdateRequest{Id: "/v", Urn: urnOf(token, "kv"), Type: token,
		Olds: vault(90), OldInputs: vault(90), News: vault(90)}); err != nil {
		t.Errorf("an update that keeps the retention is accepted: %v", err)
	}
}
