package standin

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The refusals below are Azure's own, for what the engine alone cannot see:
// they depend on other resources that exist (the live set) or on the old
// and new inputs of an update. Each message starts with Azure's error code.

// slowCreates are resources whose creation takes long enough in Azure that a
// resource not waiting for them is created first.
var slowCreates = map[string]time.Duration{
	"azure-native:network:PrivateEndpoint":     time.Second,
	"azure-native:network:PrivateDnsZoneGroup": time.Second,
}

// refuseDelete refuses to delete an NSG or a route table that a subnet still
// uses, as Azure does (InUseNetworkSecurityGroupCannotBeDeleted,
// InUseRouteTableCannotBeDeleted; pulumi-azure-native #3051).
func (s *Server) refuseDelete(token, id string) error {
	var code, kind, ref string
	switch {
	case isToken(token, "network", "NetworkSecurityGroup"):
		code, kind, ref = "InUseNetworkSecurityGroupCannotBeDeleted", "Network security group", "networkSecurityGroup.id"
	case isToken(token, "network", "RouteTable"):
		code, kind, ref = "InUseRouteTableCannotBeDeleted", "Route table", "routeTable.id"
	default:
		return nil
	}
	all, err := s.live.all()
	if err != nil {
		return err
	}
	var users []string
	for _, r := range all {
		if isToken(r.Token, "network", "Subnet") && strings.EqualFold(str(r.Inputs, ref), id) {
			users = append(users, r.ID)
		}
	}
	if len(users) == 0 {
		return nil
	}
	return fmt.Errorf("%s: %s %s cannot be deleted because it is in use by the following resources: %s. "+
		"In order to delete it, remove the association with the resource(s)", code, kind, id, strings.Join(users, ", "))
}

// refuseCreate refuses what Azure ML refuses to create while a prerequisite
// is missing:
//   - a compute cluster without public IPs in a workspace whose public
//     network access is off, before the workspace's private endpoint and its
//     DNS zone group exist ("Secure an Azure Machine Learning training
//     environment with virtual networks",
//     https://learn.microsoft.com/azure/machine-learning/how-to-secure-training-vnet;
//     Microsoft's machine-learning-end-to-end-secure template makes the
//     compute depend on the endpoint);
//   - a Kubernetes compute whose cluster has no Azure ML extension
//     (https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-to-workspace).
func (s *Server) refuseCreate(token, id string, inputs resource.PropertyMap) error {
	if !isToken(token, "machinelearningservices", "Compute") {
		return nil
	}
	in := toPlain(masked(inputs))
	switch {
	case strings.EqualFold(str(in, "properties.computeType"), "AmlCompute"):
		if public, ok := at(in, "properties.properties.enableNodePublicIp").(bool); !ok || public {
			return nil
		}
		return s.refuseWithoutWorkspaceEndpoint(id, in)
	case strings.EqualFold(str(in, "properties.computeType"), "Kubernetes"):
		return s.refuseWithoutExtension(str(in, "properties.resourceId"))
	}
	return nil
}

func (s *Server) refuseWithoutWorkspaceEndpoint(computeID string, in map[string]any) error {
	workspaceID := computeID[:strings.Index(strings.ToLower(computeID), "/computes/")]
	all, err := s.live.all()
	if err != nil {
		return err
	}
	var workspace *liveResource
	for i, r := range all {
		if isToken(r.Token, "machinelearningservices", "Workspace") && strings.EqualFold(r.ID, workspaceID) {
			workspace = &all[i]
		}
	}
	if workspace == nil || !strings.EqualFold(str(workspace.Inputs, "publicNetworkAccess"), "Disabled") {
		return nil
	}
	for _, pe := range all {
		if !isToken(pe.Token, "network", "PrivateEndpoint") || !targets(pe.Inputs, workspaceID) {
			continue
		}
		// The endpoint may be auto-named: its name is the last segment of its ID.
		name := pe.ID[strings.LastIndex(pe.ID, "/")+1:]
		for _, zg := range all {
			if isToken(zg.Token, "network", "PrivateDnsZoneGroup") &&
				strings.EqualFold(str(zg.Inputs, "privateEndpointName"), name) &&
				strings.EqualFold(str(zg.Inputs, "resourceGroupName"), str(pe.Inputs, "resourceGroupName")) {
				return nil
			}
		}
	}
	return fmt.Errorf("BadRequest: compute %s has no public IP, but workspace %s has public network access disabled and no private endpoint "+
		"with a private DNS zone group yet: the nodes could not reach it. Create the workspace's private endpoint first", str(in, "computeName"), workspaceID)
}

// targets tells whether a private endpoint's connections reach resourceID.
func targets(endpoint map[string]any, resourceID string) bool {
	for _, key := range []string{"privateLinkServiceConnections", "manualPrivateLinkServiceConnections"} {
		conns, _ := endpoint[key].([]any)
		for _, c := range conns {
			if m, ok := c.(map[string]any); ok && strings.EqualFold(str(m, "privateLinkServiceId"), resourceID) {
				return true
			}
		}
	}
	return false
}

func (s *Server) refuseWithoutExtension(clusterID string) error {
	p, ok := parseARMID(clusterID)
	if !ok || len(p.names) == 0 {
		return nil // the input checker reports a malformed ID
	}
	all, err := s.live.all()
	if err != nil {
		return err
	}
	for _, r := range all {
		if isToken(r.Token, "kubernetesconfiguration", "Extension") &&
			strings.EqualFold(str(r.Inputs, "extensionType"), "Microsoft.AzureML.Kubernetes") &&
			strings.EqualFold(str(r.Inputs, "clusterName"), p.names[len(p.names)-1]) &&
			strings.EqualFold(str(r.Inputs, "resourceGroupName"), p.resourceGroup) &&
			strings.EqualFold(str(r.Inputs, "clusterRp"), "Microsoft.ContainerService") {
			return nil
		}
	}
	return fmt.Errorf("BadRequest: the Azure Machine Learning extension (Microsoft.AzureML.Kubernetes) is not installed on cluster %s; "+
		"install it before attaching the cluster as a Kubernetes compute", clusterID)
}

// refuseUpdate refuses an update Azure refuses: a key vault's soft-delete
// retention cannot change once set ("Azure Key Vault soft-delete overview",
// https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview).
func refuseUpdate(token, id string, olds, news resource.PropertyMap) error {
	if isToken(token, "machinelearningservices", "Workspace") {
		return refuseManagedNetworkBack(id, olds, news)
	}
	if !isToken(token, "keyvault", "Vault") {
		return nil
	}
	o, n := toPlain(masked(olds)), toPlain(masked(news))
	was, had := at(o, "properties.softDeleteRetentionInDays").(float64)
	now, has := at(n, "properties.softDeleteRetentionInDays").(float64)
	if had && has && was != now {
		return fmt.Errorf("BadRequest: the property softDeleteRetentionInDays of vault %s has been set already (%v days) and cannot be changed to %v", id, was, now)
	}
	return nil
}

// computeReplacePaths are the settings of a compute cluster Azure ML does
// not change in place: a PUT with another value is accepted and ignored
// (Azure/azure-rest-api-specs #18889), so a change needs a new cluster.
var computeReplacePaths = []string{
	"properties.properties.vmSize",
	"properties.properties.vmPriority",
	"properties.properties.subnet",
	"properties.properties.enableNodePublicIp",
}

// nestedReplacePaths are, by resource type (module and name), the nested
// settings Azure cannot change in place although azure-native would send
// the change as an update:
//   - a compute's type: an ML compute's update takes scale settings only
//     (ClusterUpdateParameters in Azure/azure-rest-api-specs
//     machineLearningServices.json), and the compute would be another kind;
//   - an AKS cluster's private API server, set at creation only ("Whether to
//     create the cluster as a private cluster", ManagedClusterAPIServerAccessProfile
//     in Azure/azure-rest-api-specs aks/stable/2023-04-01/managedClusters.json).
var nestedReplacePaths = map[[2]string][]string{
	{"machinelearningservices", "Compute"}: append([]string{"properties.computeType"}, computeReplacePaths...),
	{"containerservice", "ManagedCluster"}: {"apiServerAccessProfile.enablePrivateCluster"},
}

// nestedReplaces lists the nested paths whose change replaces the resource.
func nestedReplaces(token string, olds, news resource.PropertyMap) []string {
	var paths []string
	for kind, p := range nestedReplacePaths {
		if isToken(token, kind[0], kind[1]) {
			paths = p
		}
	}
	o, n := toPlain(olds), toPlain(news)
	var out []string
	for _, path := range paths {
		if !reflect.DeepEqual(at(o, path), at(n, path)) {
			out = append(out, path)
		}
	}
	return out
}

// isolationRank orders a managed network's modes the only way Azure lets a
// workspace move: from none (Disabled, the default) to AllowInternetOutbound
// to AllowOnlyApprovedOutbound.
var isolationRank = map[string]int{"": 0, "Disabled": 0, "AllowInternetOutbound": 1, "AllowOnlyApprovedOutbound": 2}

// refuseManagedNetworkBack refuses an update that takes a workspace's managed
// network back: once on it cannot be disabled, and AllowOnlyApprovedOutbound
// cannot return to AllowInternetOutbound
// (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network).
// New inputs without managedNetwork count as leaving it.
func refuseManagedNetworkBack(id string, olds, news resource.PropertyMap) error {
	o, n := toPlain(masked(olds)), toPlain(masked(news))
	was, now := str(o, "managedNetwork.isolationMode"), str(n, "managedNetwork.isolationMode")
	wasRank, known1 := isolationRank[was]
	nowRank, known2 := isolationRank[now]
	if !known1 || !known2 || nowRank >= wasRank {
		return nil
	}
	return fmt.Errorf("BadRequest: the managed network of workspace %s cannot go from isolation mode %s to %s: "+
		"a managed network cannot be disabled once enabled, and AllowOnlyApprovedOutbound cannot return to AllowInternetOutbound", id, was, orDisabled(now))
}

func orDisabled(mode string) string {
	if mode == "" {
		return "Disabled"
	}
	return mode
}
