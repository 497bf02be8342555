package standin

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Azure is the Azure both fakes answer as: a subscription and a tenant. The
// stand-in provider answers the engine through it and the mocks of
// internal/pulumitest answer unit tests through it, so the two give the same
// IDs and outputs.
type Azure struct{ Subscription, Tenant string }

// Fixed identities of the stand-in "signed-in" client (getClientConfig) and
// the default subscription.
const (
	DefaultSubscriptionID = "00000000-0000-0000-0000-000000000000"
	TenantID              = "11111111-1111-1111-1111-111111111111"
	ClientID              = "22222222-2222-2222-2222-222222222222"
	ObjectID              = "33333333-3333-3333-3333-333333333333"
)

// kindInfo says how a token maps to an ARM resource ID.
type kindInfo struct {
	namespace string // Microsoft.Network
	typePath  string // virtualNetworks
	nameKey   string // virtualNetworkName
	// parent, when the resource is nested: the input naming the parent and the parent's type path.
	parentKey, parentType string
	// naming rules for autonames
	alnumOnly bool // lower-case letters and digits only (storage, registry)
	maxLen    int
}

var kinds = map[string]kindInfo{
	"azure-native:resources:ResourceGroup":      {namespace: "", typePath: "resourceGroups", nameKey: "resourceGroupName", maxLen: 90},
	"azure-native:network:VirtualNetwork":       {namespace: "Microsoft.Network", typePath: "virtualNetworks", nameKey: "virtualNetworkName"},
	"azure-native:network:Subnet":               {namespace: "Microsoft.Network", typePath: "subnets", nameKey: "subnetName", parentKey: "virtualNetworkName", parentType: "virtualNetworks"},
	"azure-native:network:NetworkSecurityGroup": {namespace: "Microsoft.Network", typePath: "networkSecurityGroups", nameKey: "networkSecurityGroupName"},
	"azure-native:network:SecurityRule":         {namespace: "Microsoft.Network", typePath: "securityRules", nameKey: "securityRuleName", parentKey: "networkSecurityGroupName", parentType: "networkSecurityGroups"},
	"azure-native:network:RouteTable":           {namespace: "Microsoft.Network", typePath: "routeTables", nameKey: "routeTableName"},
	"azure-native:network:Route":                {namespace: "Microsoft.Network", typePath: "routes", nameKey: "routeName", parentKey: "routeTableName", parentType: "routeTables"},
	"azure-native:network:NatGateway":           {namespace: "Microsoft.Network", typePath: "natGateways", nameKey: "natGatewayName"},
	"azure-native:network:PublicIPAddress":      {namespace: "Microsoft.Network", typePath: "publicIPAddresses", nameKey: "publicIpAddressName"},
	"azure-native:network:PrivateEndpoint":      {namespace: "Microsoft.Network", typePath: "privateEndpoints", nameKey: "privateEndpointName"},
	"azure-native:network:PrivateZone":          {namespace: "Microsoft.Network", typePath: "privateDnsZones", nameKey: "privateZoneName"},
	"azure-native:network:VirtualNetworkLink":   {namespace: "Microsoft.Network", typePath: "virtualNetworkLinks", nameKey: "virtualNetworkLinkName", parentKey: "privateZoneName", parentType: "privateDnsZones"},
	"azure-native:network:PrivateDnsZoneGroup":  {namespace: "Microsoft.Network", typePath: "privateDnsZoneGroups", nameKey: "privateDnsZoneGroupName", parentKey: "privateEndpointName", parentType: "privateEndpoints"},
	"azure-native:storage:StorageAccount":       {namespace: "Microsoft.Storage", typePath: "storageAccounts", nameKey: "accountName", alnumOnly: true, maxLen: 24},
	// A container's ID runs through the account's one blob service (see ID).
	"azure-native:storage:BlobContainer":                                        {namespace: "Microsoft.Storage", typePath: "containers", nameKey: "containerName", parentKey: "accountName", parentType: "storageAccounts/blobServices", maxLen: 63},
	"azure-native:keyvault:Vault":                                               {namespace: "Microsoft.KeyVault", typePath: "vaults", nameKey: "vaultName", maxLen: 24},
	"azure-native:containerregistry:Registry":                                   {namespace: "Microsoft.ContainerRegistry", typePath: "registries", nameKey: "registryName", alnumOnly: true, maxLen: 50},
	"azure-native:insights:Component":                                           {namespace: "Microsoft.Insights", typePath: "components", nameKey: "resourceName"},
	"azure-native:operationalinsights:Workspace":                                {namespace: "Microsoft.OperationalInsights", typePath: "workspaces", nameKey: "workspaceName"},
	"azure-native:containerservice:ManagedCluster":                              {namespace: "Microsoft.ContainerService", typePath: "managedClusters", nameKey: "resourceName", maxLen: 63},
	"azure-native:authorization:RoleAssignment":                                 {namespace: "Microsoft.Authorization", typePath: "roleAssignments", nameKey: "roleAssignmentName"},
	"azure-native:managedidentity:UserAssignedIdentity":                         {namespace: "Microsoft.ManagedIdentity", typePath: "userAssignedIdentities", nameKey: "resourceName"},
	"azure-native:machinelearningservices:Workspace":                            {namespace: "Microsoft.MachineLearningServices", typePath: "workspaces", nameKey: "workspaceName"},
	"azure-native:machinelearningservices:Compute":                              {namespace: "Microsoft.MachineLearningServices", typePath: "computes", nameKey: "computeName", parentKey: "workspaceName", parentType: "workspaces", maxLen: 24},
	"azure-native:machinelearningservices:Datastore":                            {namespace: "Microsoft.MachineLearningServices", typePath: "datastores", nameKey: "name", parentKey: "workspaceName", parentType: "workspaces"},
	"azure-native:machinelearningservices/v20241001:Workspace":                  {namespace: "Microsoft.MachineLearningServices", typePath: "workspaces", nameKey: "workspaceName"},
	"azure-native:machinelearningservices/v20241001:ManagedNetworkSettingsRule": {namespace: "Microsoft.MachineLearningServices", typePath: "outboundRules", nameKey: "ruleName", parentKey: "workspaceName", parentType: "workspaces", maxLen: 33},
	// An extension resource: its ID extends the cluster's (see armID).
	"azure-native:kubernetesconfiguration:Extension": {namespace: "Microsoft.KubernetesConfiguration", typePath: "extensions", nameKey: "extensionName"},
}

var namespaces = map[string]string{
	"authorization": "Microsoft.Authorization", "compute": "Microsoft.Compute", "containerregistry": "Microsoft.ContainerRegistry",
	"containerservice": "Microsoft.ContainerService", "insights": "Microsoft.Insights", "keyvault": "Microsoft.KeyVault",
	"machinelearningservices": "Microsoft.MachineLearningServices", "managedidentity": "Microsoft.ManagedIdentity",
	"network": "Microsoft.Network", "operationalinsights": "Microsoft.OperationalInsights", "privatedns": "Microsoft.Network",
	"resources": "Microsoft.Resources", "storage": "Microsoft.Storage",
}

// kindOf returns the token's kind, guessing for a token not in the table
// (azure-native:<module>:<Type> -> Microsoft.<Module>/<type>s, name input <type>Name).
func kindOf(token string) kindInfo {
	if k, ok := kinds[token]; ok {
		return k
	}
	parts := strings.Split(token, ":")
	mod, typ := "unknown", "Resource"
	if len(parts) == 3 {
		mod, typ = parts[1], parts[2]
	}
	ns, ok := namespaces[mod]
	if !ok && mod != "" {
		ns = "Microsoft." + strings.ToUpper(mod[:1]) + mod[1:]
	}
	lt := lowerFirst(typ)
	return kindInfo{namespace: ns, typePath: lt + "s", nameKey: lt + "Name"}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// armType is e.g. Microsoft.Network/virtualNetworks/subnets.
func (k kindInfo) armType() string {
	if k.namespace == "" {
		return "Microsoft.Resources/resourceGroups"
	}
	if k.parentType != "" {
		return k.namespace + "/" + k.parentType + "/" + k.typePath
	}
	return k.namespace + "/" + k.typePath
}

// str returns the known string at key ("" when absent, unknown or not a string).
func strAt(m resource.PropertyMap, key string) string {
	v := unwrap(m[resource.PropertyKey(key)])
	if v.IsString() {
		return v.StringValue()
	}
	return ""
}

// hashHex returns n hex digits of sha256(parts...).
func hashHex(n int, parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:])[:n]
}

// DeterministicUUID derives a UUID-shaped string from its parts (same parts,
// same UUID).
func DeterministicUUID(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	b := h[:16]
	b[6] = (b[6] & 0x0f) | 0x50 // version 5 layout
	b[8] = (b[8] & 0x3f) | 0x80 // RFC 4122 variant
	x := hex.EncodeToString(b)
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

// autoname mimics azure-native's auto-naming (URN name plus a suffix of 8
// characters), with the suffix derived from the URN so it is deterministic.
func autoname(k kindInfo, token string, urn resource.URN) string {
	if token == "azure-native:authorization:RoleAssignment" {
		return DeterministicUUID("roleAssignmentName", string(urn))
	}
	base := urn.Name()
	suffix := hashHex(8, "autoname", string(urn))
	if k.alnumOnly {
		var b strings.Builder
		for _, r := range strings.ToLower(base) {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(r)
			}
		}
		base = b.String()
	}
	if k.maxLen > 0 && len(base)+len(suffix) > k.maxLen {
		base = base[:max(0, k.maxLen-len(suffix))]
	}
	return base + suffix
}

// NameInput is the resource's name as its inputs give it ("" when they do
// not). As in azure-native, the URL name input decides: a "name" property in
// the body (Subnet, SecurityRule, Route) does not name the resource.
func NameInput(token string, inputs resource.PropertyMap) string {
	return strAt(inputs, kindOf(token).nameKey)
}

// resourceName is the name input, or the autoname when absent.
func resourceName(token string, urn resource.URN, inputs resource.PropertyMap) string {
	if n := NameInput(token, inputs); n != "" {
		return n
	}
	return autoname(kindOf(token), token, urn)
}

// ID builds the ARM ID of a resource named name.
func (a Azure) ID(token, name string, inputs resource.PropertyMap) string {
	sub, k := a.Subscription, kindOf(token)
	rg := strAt(inputs, "resourceGroupName")
	switch token {
	case "azure-native:resources:ResourceGroup":
		return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s", sub, name)
	case "azure-native:authorization:RoleAssignment":
		scope := strings.TrimSuffix(strAt(inputs, "scope"), "/")
		return fmt.Sprintf("%s/providers/Microsoft.Authorization/roleAssignments/%s", scope, name)
	case "azure-native:storage:BlobContainer":
		return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Storage/storageAccounts/%s/blobServices/default/containers/%s", sub, rg,
			strAt(inputs, "accountName"), name)
	case "azure-native:kubernetesconfiguration:Extension":
		return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/%s/%s/%s/providers/%s/%s/%s", sub, rg,
			strAt(inputs, "clusterRp"), strAt(inputs, "clusterResourceName"), strAt(inputs, "clusterName"), k.namespace, k.typePath, name)
	}
	id := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/%s/", sub, rg, k.namespace)
	if k.parentKey != "" {
		id += k.parentType + "/" + strAt(inputs, k.parentKey) + "/"
	}
	return id + k.typePath + "/" + name
}

// parsedID is an ARM ID taken apart.
type parsedID struct {
	subscription, resourceGroup, namespace string
	types, names                           []string // e.g. [virtualNetworks subnets] [vnet snet]
}

func parseARMID(id string) (parsedID, bool) {
	var p parsedID
	segs := strings.Split(strings.Trim(id, "/"), "/")
	if len(segs) < 4 || !strings.EqualFold(segs[0], "subscriptions") || !strings.EqualFold(segs[2], "resourceGroups") {
		return p, false
	}
	p.subscription, p.resourceGroup = segs[1], segs[3]
	rest := segs[4:]
	if len(rest) == 0 {
		return p, true
	}
	if len(rest) < 4 || !strings.EqualFold(rest[0], "providers") || len(rest)%2 != 0 {
		return p, false
	}
	p.namespace = rest[1]
	for i := 2; i+1 < len(rest); i += 2 {
		p.types = append(p.types, rest[i])
		p.names = append(p.names, rest[i+1])
	}
	return p, true
}

// Outputs returns the outputs Azure adds to a new resource's inputs (merge
// them with MergeOutputs). In a preview, every added value is unknown.
func (a Azure) Outputs(token string, urn resource.URN, name, id string, inputs resource.PropertyMap) resource.PropertyMap {
	k := kindOf(token)
	sub, tenant := a.Subscription, a.Tenant
	out := resource.PropertyMap{
		"id":                resource.NewStringProperty(id),
		"name":              resource.NewStringProperty(name),
		"provisioningState": resource.NewStringProperty("Succeeded"),
	}
	if _, has := inputs["type"]; !has {
		out["type"] = resource.NewStringProperty(k.armType())
	}
	uuid := func(purpose string) resource.PropertyValue {
		return resource.NewStringProperty(DeterministicUUID(purpose, string(urn)))
	}
	location := strAt(inputs, "location")
	if location == "" {
		location = "eastus2"
	}

	// Managed identity: principalId for a system-assigned one, tenantId for any.
	if idv := unwrap(inputs["identity"]); idv.IsObject() {
		t := strings.ToLower(strAt(idv.ObjectValue(), "type"))
		ident := resource.PropertyMap{}
		if t != "" && t != "none" {
			ident["tenantId"] = resource.NewStringProperty(tenant)
		}
		if strings.Contains(t, "systemassigned") {
			ident["principalId"] = uuid("identity.principalId")
		}
		if len(ident) > 0 {
			out["identity"] = resource.NewObjectProperty(ident)
		}
	}

	switch token {
	case "azure-native:network:VirtualNetwork", "azure-native:network:NetworkSecurityGroup", "azure-native:network:RouteTable":
		out["resourceGuid"] = uuid("resourceGuid")
		out["etag"] = resource.NewStringProperty(`W/"` + DeterministicUUID("etag", string(urn)) + `"`)
	case "azure-native:network:Subnet", "azure-native:network:SecurityRule", "azure-native:network:Route":
		out["etag"] = resource.NewStringProperty(`W/"` + DeterministicUUID("etag", string(urn)) + `"`)
	case "azure-native:storage:StorageAccount":
		ep := resource.PropertyMap{}
		for _, svc := range []string{"blob", "dfs", "file", "queue", "table", "web"} {
			host := svc
			if svc == "web" {
				host = "z13.web"
			}
			ep[resource.PropertyKey(svc)] = resource.NewStringProperty(fmt.Sprintf("https://%s.%s.core.windows.net/", name, host))
		}
		out["primaryEndpoints"] = resource.NewObjectProperty(ep)
		out["primaryLocation"] = resource.NewStringProperty(location)
		out["statusOfPrimary"] = resource.NewStringProperty("available")
	case "azure-native:keyvault:Vault":
		props := resource.PropertyMap{"vaultUri": resource.NewStringProperty(fmt.Sprintf("https://%s.vault.azure.net/", name))}
		out["properties"] = resource.NewObjectProperty(props)
	case "azure-native:containerregistry:Registry":
		out["loginServer"] = resource.NewStringProperty(strings.ToLower(name) + ".azurecr.io")
	case "azure-native:insights:Component":
		ikey := DeterministicUUID("instrumentationKey", string(urn))
		out["instrumentationKey"] = resource.NewStringProperty(ikey)
		out["appId"] = uuid("appId")
		out["connectionString"] = resource.NewStringProperty(fmt.Sprintf(
			"InstrumentationKey=%s;IngestionEndpoint=https://%s-0.in.applicationinsights.azure.com/", ikey, location))
	case "azure-native:operationalinsights:Workspace":
		out["customerId"] = uuid("customerId")
	case "azure-native:managedidentity:UserAssignedIdentity":
		out["principalId"] = uuid("principalId")
		out["clientId"] = uuid("clientId")
		out["tenantId"] = resource.NewStringProperty(tenant)
	case "azure-native:authorization:RoleAssignment":
		out["principalType"] = resource.NewStringProperty("ServicePrincipal")
	case "azure-native:machinelearningservices:Workspace", "azure-native:machinelearningservices/v20241001:Workspace":
		out["workspaceId"] = uuid("workspaceId")
		out["discoveryUrl"] = resource.NewStringProperty(fmt.Sprintf("https://%s.api.azureml.ms/discovery", location))
		out["mlFlowTrackingUri"] = resource.NewStringProperty(fmt.Sprintf(
			"azureml://%s.api.azureml.ms/mlflow/v1.0/subscriptions/%s/resourceGroups/%s/providers/Microsoft.MachineLearningServices/workspaces/%s",
			location, sub, strAt(inputs, "resourceGroupName"), name))
	case "azure-native:machinelearningservices:Compute":
		// What every member of the response union has; the code reads provisioningState.
		ct := ""
		if p := unwrap(inputs["properties"]); p.IsObject() {
			ct = strAt(p.ObjectValue(), "computeType")
		}
		out["properties"] = resource.NewObjectProperty(resource.PropertyMap{
			"provisioningState": resource.NewStringProperty("Succeeded"),
			"isAttachedCompute": resource.NewBoolProperty(ct != "AmlCompute" && ct != "ComputeInstance"),
		})
	case "azure-native:kubernetesconfiguration:Extension":
		// On AKS the service gives the extension an identity of its own.
		if strings.EqualFold(strAt(inputs, "clusterResourceName"), "managedClusters") {
			out["aksAssignedIdentity"] = resource.NewObjectProperty(resource.PropertyMap{
				"principalId": uuid("aksAssignedIdentity.principalId"), "tenantId": resource.NewStringProperty(tenant),
			})
		}
	case "azure-native:containerservice:ManagedCluster":
		ident := resource.PropertyMap{"principalId": uuid("identity.principalId"), "tenantId": resource.NewStringProperty(tenant)}
		if _, has := inputs["identity"]; !has {
			ident["type"] = resource.NewStringProperty("SystemAssigned")
		}
		out["identity"] = resource.NewObjectProperty(ident)
		nodeRG := strAt(inputs, "nodeResourceGroup")
		if nodeRG == "" {
			nodeRG = fmt.Sprintf("MC_%s_%s_%s", strAt(inputs, "resourceGroupName"), name, location)
			out["nodeResourceGroup"] = resource.NewStringProperty(nodeRG)
		}
		kubeletName := name + "-agentpool"
		out["identityProfile"] = resource.NewObjectProperty(resource.PropertyMap{
			"kubeletidentity": resource.NewObjectProperty(resource.PropertyMap{
				"clientId": uuid("kubeletidentity.clientId"),
				"objectId": uuid("kubeletidentity.objectId"),
				"resourceId": resource.NewStringProperty(fmt.Sprintf(
					"/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ManagedIdentity/userAssignedIdentities/%s", sub, nodeRG, kubeletName)),
			}),
		})
		prefix := strAt(inputs, "dnsPrefix")
		if prefix == "" {
			prefix = name
		}
		out["fqdn"] = resource.NewStringProperty(fmt.Sprintf("%s-%s.hcp.%s.azmk8s.io", prefix, hashHex(8, "fqdn", string(urn)), location))
		out["azurePortalFQDN"] = resource.NewStringProperty(fmt.Sprintf("%s-%s.portal.hcp.%s.azmk8s.io", prefix, hashHex(8, "fqdn", string(urn)), location))
		out["powerState"] = resource.NewObjectProperty(resource.PropertyMap{"code": resource.NewStringProperty("Running")})
	}
	return out
}

// MergeOutputs lays added over inputs; objects present in both are merged
// key by key (inputs win), so e.g. identity.type stays and principalId joins.
// With preview, every value that comes only from added is unknown.
func MergeOutputs(inputs, added resource.PropertyMap, preview bool) resource.PropertyMap {
	out := inputs.Copy()
	for k, a := range added {
		in, has := inputs[k]
		switch {
		case !has || unwrap(in).IsNull():
			if preview {
				out[k] = resource.MakeComputed(resource.NewStringProperty(""))
			} else {
				out[k] = a
			}
		case a.IsObject() && unwrap(in).IsObject() && !in.IsSecret():
			out[k] = resource.NewObjectProperty(MergeOutputs(unwrap(in).ObjectValue(), a.ObjectValue(), preview))
		}
	}
	return out
}
