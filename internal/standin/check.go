package standin

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/sig"
)

// SchemaChecker checks a resource's inputs against the azure-native schema
// (package internal/azureschema satisfies it). Each problem names a property
// path, ideally as "path: reason". Unknown values (preview) reach it as the
// engine's sentinel, sig.UnknownStringValue.
type SchemaChecker interface {
	CheckInputs(token string, inputs map[string]any) []string
}

// SchemaTokens are the tokens checked by the SchemaChecker when one is set
// (those of schema-subset.json). ManagedCluster falls back to the built-in
// table when no SchemaChecker is set, or when the one set does not handle it
// (see BindingChecker).
var SchemaTokens = []string{
	"azure-native:machinelearningservices:Workspace",
	"azure-native:machinelearningservices:Compute",
	"azure-native:containerservice:ManagedCluster",
	"azure-native:managedidentity:UserAssignedIdentity",
	"azure-native:network:PrivateZone",
	"azure-native:network:VirtualNetworkLink",
	"azure-native:network:PrivateDnsZoneGroup",
}

// Failure is one input that azure-native would reject.
type Failure struct {
	Property string // property path, e.g. "networkRuleSet.defaultAction" or "securityRules[0].priority"
	Reason   string // names the resource and the property
}

// CheckedTokens lists the tokens the built-in table knows, sorted.
func CheckedTokens() []string {
	out := make([]string, 0, len(table))
	for tok := range table {
		out = append(out, tok)
	}
	sort.Strings(out)
	return out
}

// tokenScoped is a SchemaChecker that knows only some of the SchemaTokens.
type tokenScoped interface {
	Handles(token string) bool
}

// schemaHandles tells whether schema is to check token.
func schemaHandles(schema SchemaChecker, token string) bool {
	if schema == nil || !slices.Contains(SchemaTokens, token) {
		return false
	}
	if ts, ok := schema.(tokenScoped); ok {
		return ts.Handles(token)
	}
	return true
}

// CheckInputs returns the failures for one resource's inputs: the schema's
// for SchemaTokens when schema is non-nil (and handles the token, if it says
// which it handles), the built-in table's otherwise, and none for a token
// known to neither. resName names the resource in the reasons (a URN or
// "type name").
func CheckInputs(schema SchemaChecker, token, resName string, inputs resource.PropertyMap) []Failure {
	var fails []Failure
	if schemaHandles(schema, token) {
		for _, p := range schema.CheckInputs(token, toPlain(inputs)) {
			path, reason := splitProblem(p)
			if path != "" && unknownAt(inputs, path) {
				continue // the value is not known yet: nothing to judge
			}
			fails = append(fails, Failure{Property: path, Reason: fmt.Sprintf("%s: %s", resName, reason)})
		}
	} else if spec, ok := table[token]; ok {
		var c checker
		c.object("", spec, resource.NewObjectProperty(inputs), true)
		for _, p := range c.problems {
			fails = append(fails, Failure{Property: p.path, Reason: fmt.Sprintf("%s: %s", resName, p.msg)})
		}
	}
	sort.SliceStable(fails, func(i, j int) bool { return fails[i].Property < fails[j].Property })
	return fails
}

// splitProblem splits "path: reason" (path without spaces) into its parts;
// otherwise the whole text is the reason.
func splitProblem(p string) (path, reason string) {
	if i := strings.Index(p, ": "); i > 0 && !strings.ContainsAny(p[:i], " \t") {
		return p[:i], p
	}
	return "", p
}

// unknownAt tells whether path leads to (or through) an unknown value.
func unknownAt(inputs resource.PropertyMap, path string) bool {
	pp, err := resource.ParsePropertyPath(path)
	if err != nil {
		return false
	}
	cur := resource.NewObjectProperty(inputs)
	for _, step := range pp {
		cur = unwrap(cur)
		if isUnknown(cur) {
			return true
		}
		switch s := step.(type) {
		case string:
			if !cur.IsObject() {
				return false
			}
			cur = cur.ObjectValue()[resource.PropertyKey(s)]
		case int:
			if !cur.IsArray() || s < 0 || s >= len(cur.ArrayValue()) {
				return false
			}
			cur = cur.ArrayValue()[s]
		default:
			return false
		}
	}
	return isUnknown(cur)
}

// toPlain converts inputs to plain Go values (map[string]any, []any, string,
// float64, bool, nil): secrets unwrapped, unknowns as sig.UnknownStringValue.
func toPlain(m resource.PropertyMap) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[string(k)] = plainValue(v)
	}
	return out
}

func plainValue(v resource.PropertyValue) any {
	v = unwrap(v)
	switch {
	case isUnknown(v):
		return sig.UnknownStringValue
	case v.IsNull():
		return nil
	case v.IsBool():
		return v.BoolValue()
	case v.IsNumber():
		return v.NumberValue()
	case v.IsString():
		return v.StringValue()
	case v.IsArray():
		arr := make([]any, 0, len(v.ArrayValue()))
		for _, e := range v.ArrayValue() {
			arr = append(arr, plainValue(e))
		}
		return arr
	case v.IsObject():
		return toPlain(v.ObjectValue())
	case v.IsResourceReference():
		ref := v.ResourceReferenceValue()
		if id, ok := ref.IDString(); ok {
			return id
		}
		return string(ref.URN)
	}
	return v.Mappable()
}

// unwrap strips secret wrappers and known output values.
func unwrap(v resource.PropertyValue) resource.PropertyValue {
	for {
		switch {
		case v.IsSecret():
			v = v.SecretValue().Element
		case v.IsOutput() && v.OutputValue().Known:
			v = v.OutputValue().Element
		default:
			return v
		}
	}
}

func isUnknown(v resource.PropertyValue) bool {
	v = unwrap(v)
	return v.IsComputed() || (v.IsOutput() && !v.OutputValue().Known)
}

// ---- the built-in table -------------------------------------------------

type kind int

const (
	kAny kind = iota
	kString
	kInt
	kNumber
	kBool
	kArray
	kObject
	kStringMap
)

func (k kind) String() string {
	return [...]string{"any", "string", "integer", "number", "boolean", "array", "object", "map of strings"}[k]
}

// prop describes one property: its type, whether it is required, its enum,
// and for objects the known properties (nil props: any keys accepted).
type prop struct {
	kind      kind
	required  bool
	enum      []string // allowed string values (case-sensitive, as the SDK lists them)
	enumSep   string   // enum applies to each part of a separated list (e.g. "Logging, Metrics")
	hasRange  bool
	min, max  float64
	props     map[string]*prop
	elem      *prop
	forbidden string // non-empty: the property must be absent; the reason
}

func str() *prop                    { return &prop{kind: kString} }
func enum(vals ...string) *prop     { return &prop{kind: kString, enum: vals} }
func boolean() *prop                { return &prop{kind: kBool} }
func integer() *prop                { return &prop{kind: kInt} }
func number() *prop                 { return &prop{kind: kNumber} }
func anyv() *prop                   { return &prop{kind: kAny} }
func strMap() *prop                 { return &prop{kind: kStringMap} }
func anyObj() *prop                 { return &prop{kind: kObject} }
func arr(elem *prop) *prop          { return &prop{kind: kArray, elem: elem} }
func strArr() *prop                 { return arr(str()) }
func obj(ps map[string]*prop) *prop { return &prop{kind: kObject, props: ps} }
func req(p *prop) *prop             { q := *p; q.required = true; return &q }
func forbid(why string) *prop       { return &prop{kind: kAny, forbidden: why} }
func intRange(lo, hi float64) *prop {
	return &prop{kind: kInt, hasRange: true, min: lo, max: hi}
}

type problem struct{ path, msg string }

type checker struct{ problems []problem }

func (c *checker) add(path, format string, args ...any) {
	c.problems = append(c.problems, problem{path, fmt.Sprintf("property %q: ", path) + fmt.Sprintf(format, args...)})
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (c *checker) object(path string, p *prop, v resource.PropertyValue, top bool) {
	m := v.ObjectValue()
	if p.props != nil {
		for _, k := range m.StableKeys() {
			if _, ok := p.props[string(k)]; !ok && !resource.IsInternalPropertyKey(k) {
				if top {
					c.add(join(path, string(k)), "unknown property (not an input of this resource in azure-native v2)")
				} else {
					c.add(join(path, string(k)), "unknown property")
				}
			}
		}
	}
	keys := make([]string, 0, len(p.props))
	for k := range p.props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.value(join(path, k), p.props[k], m[resource.PropertyKey(k)])
	}
}

func (c *checker) value(path string, p *prop, v resource.PropertyValue) {
	v = unwrap(v)
	if isUnknown(v) {
		return
	}
	if v.IsNull() {
		if p.required {
			c.add(path, "missing required property")
		}
		return
	}
	if p.forbidden != "" {
		c.add(path, "%s", p.forbidden)
		return
	}
	switch p.kind {
	case kAny:
	case kString:
		if !v.IsString() {
			c.add(path, "expected a string, got %s", v.TypeString())
			return
		}
		c.enumCheck(path, p, v.StringValue())
	case kInt, kNumber:
		if !v.IsNumber() {
			c.add(path, "expected %s, got %s", p.kind, v.TypeString())
			return
		}
		n := v.NumberValue()
		if p.kind == kInt && n != math.Trunc(n) {
			c.add(path, "expected an integer, got %v", n)
			return
		}
		if p.hasRange && (n < p.min || n > p.max) {
			c.add(path, "%v is out of range: must be between %v and %v", n, p.min, p.max)
		}
	case kBool:
		if !v.IsBool() {
			c.add(path, "expected a boolean, got %s", v.TypeString())
		}
	case kArray:
		if !v.IsArray() {
			c.add(path, "expected an array, got %s", v.TypeString())
			return
		}
		for i, e := range v.ArrayValue() {
			c.value(fmt.Sprintf("%s[%d]", path, i), p.elem, e)
		}
	case kObject:
		if !v.IsObject() {
			c.add(path, "expected an object, got %s", v.TypeString())
			return
		}
		c.object(path, p, v, false)
	case kStringMap:
		if !v.IsObject() {
			c.add(path, "expected a map of strings, got %s", v.TypeString())
			return
		}
		m := v.ObjectValue()
		for _, k := range m.StableKeys() {
			e := unwrap(m[k])
			if !isUnknown(e) && !e.IsNull() && !e.IsString() {
				c.add(join(path, string(k)), "expected a string, got %s", e.TypeString())
			}
		}
	}
}

func (c *checker) enumCheck(path string, p *prop, s string) {
	if len(p.enum) == 0 {
		return
	}
	parts := []string{s}
	if p.enumSep != "" {
		parts = strings.Split(s, p.enumSep)
	}
	for _, part := range parts {
		if !slices.Contains(p.enum, strings.TrimSpace(part)) {
			c.add(path, "invalid value %q: allowed values are %s", s, strings.Join(p.enum, ", "))
			return
		}
	}
}

// agentPool is ManagedClusterAgentPoolProfile (containerservice v2.92.3).
func agentPool() *prop {
	ps := map[string]*prop{}
	for _, k := range []string{"gpuInstanceProfile", "hostGroupID", "kubeletDiskType", "nodePublicIPPrefixID",
		"orchestratorVersion", "osDiskType", "osSKU", "osType", "podSubnetID", "proximityPlacementGroupID",
		"scaleDownMode", "scaleSetEvictionPolicy", "scaleSetPriority", "type", "vmSize", "vnetSubnetID", "workloadRuntime"} {
		ps[k] = str()
	}
	for _, k := range []string{"count", "maxCount", "maxPods", "minCount", "osDiskSizeGB"} {
		ps[k] = integer()
	}
	for _, k := range []string{"enableAutoScaling", "enableEncryptionAtHost", "enableFIPS", "enableNodePublicIP", "enableUltraSSD"} {
		ps[k] = boolean()
	}
	for _, k := range []string{"creationData", "kubeletConfig", "linuxOSConfig", "powerState", "upgradeSettings"} {
		ps[k] = anyObj()
	}
	ps["availabilityZones"] = strArr()
	ps["nodeTaints"] = strArr()
	ps["nodeLabels"] = strMap()
	ps["tags"] = strMap()
	ps["spotMaxPrice"] = number()
	ps["mode"] = enum("System", "User")
	ps["name"] = req(str())
	return obj(ps)
}

// The table. Property names are those of the generated Go SDK v2.92.3
// (pulumi:"..." tags); required = non-pointer fields / constructor nil-checks.
// Nested objects list their properties only where this project sets them.
var table = buildTable()

func buildTable() map[string]*prop {
	rg := req(str())
	tags := strMap()
	subResource := obj(map[string]*prop{"id": str()})

	secRule := func(top bool) map[string]*prop {
		m := map[string]*prop{
			"access":                               req(enum("Allow", "Deny")),
			"description":                          str(),
			"destinationAddressPrefix":             str(),
			"destinationAddressPrefixes":           strArr(),
			"destinationApplicationSecurityGroups": arr(anyObj()),
			"destinationPortRange":                 str(),
			"destinationPortRanges":                strArr(),
			"direction":                            req(enum("Inbound", "Outbound")),
			"id":                                   str(),
			"name":                                 str(),
			"priority":                             req(intRange(100, 4096)),
			"protocol":                             req(enum("Tcp", "Udp", "Icmp", "Esp", "*", "Ah")),
			"sourceAddressPrefix":                  str(),
			"sourceAddressPrefixes":                strArr(),
			"sourceApplicationSecurityGroups":      arr(anyObj()),
			"sourcePortRange":                      str(),
			"sourcePortRanges":                     strArr(),
			"type":                                 str(),
		}
		if top {
			m["resourceGroupName"] = rg
			m["networkSecurityGroupName"] = req(str())
			m["securityRuleName"] = str()
		}
		return m
	}
	nextHop := req(enum("VirtualNetworkGateway", "VnetLocal", "Internet", "VirtualAppliance", "None"))
	routeProps := func(top bool) map[string]*prop {
		m := map[string]*prop{
			"addressPrefix":    str(),
			"id":               str(),
			"name":             str(),
			"nextHopIpAddress": str(),
			"nextHopType":      nextHop,
			"type":             str(),
		}
		if top {
			m["resourceGroupName"] = rg
			m["routeTableName"] = req(str())
			m["routeName"] = str()
		}
		return m
	}
	subnetProps := func(top bool) map[string]*prop {
		m := map[string]*prop{
			"addressPrefix":                      str(),
			"addressPrefixes":                    strArr(),
			"applicationGatewayIPConfigurations": arr(anyObj()),
			"delegations": arr(obj(map[string]*prop{
				"actions": strArr(), "etag": str(), "id": str(), "name": str(), "serviceName": str(), "type": str(),
			})),
			"id":                                str(),
			"ipAllocations":                     arr(subResource),
			"name":                              str(),
			"natGateway":                        subResource,
			"networkSecurityGroup":              anyObj(),
			"privateEndpointNetworkPolicies":    enum("Enabled", "Disabled", "NetworkSecurityGroupEnabled", "RouteTableEnabled"),
			"privateLinkServiceNetworkPolicies": enum("Enabled", "Disabled"),
			"routeTable":                        anyObj(),
			"serviceEndpointPolicies":           arr(anyObj()),
			"serviceEndpoints": arr(obj(map[string]*prop{
				"locations": strArr(), "provisioningState": str(), "service": str(),
			})),
			"type": str(),
		}
		if top {
			m["resourceGroupName"] = rg
			m["virtualNetworkName"] = req(str())
			m["subnetName"] = str()
		}
		return m
	}
	storageNetworkRuleSet := obj(map[string]*prop{
		"bypass":              {kind: kString, enum: []string{"None", "Logging", "Metrics", "AzureServices"}, enumSep: ","},
		"defaultAction":       req(enum("Allow", "Deny")),
		"ipRules":             arr(obj(map[string]*prop{"action": enum("Allow"), "iPAddressOrRange": req(str())})),
		"resourceAccessRules": arr(obj(map[string]*prop{"resourceId": str(), "tenantId": str()})),
		"virtualNetworkRules": arr(obj(map[string]*prop{"action": enum("Allow"), "state": str(), "virtualNetworkResourceId": req(str())})),
	})
	aksNetworkProfile := obj(map[string]*prop{
		"dnsServiceIP":        str(),
		"dockerBridgeCidr":    forbid("not accepted by ManagedCluster API 2023-04-01 (azure-native v2 default): remove dockerBridgeCidr from networkProfile"),
		"ipFamilies":          strArr(),
		"loadBalancerProfile": anyObj(),
		"loadBalancerSku":     enum("standard", "basic"),
		"natGatewayProfile":   anyObj(),
		"networkDataplane":    enum("azure", "cilium"),
		"networkMode":         enum("transparent", "bridge"),
		"networkPlugin":       enum("azure", "kubenet", "none"),
		"networkPluginMode":   enum("overlay"),
		"networkPolicy":       enum("calico", "azure", "cilium"),
		"outboundType":        enum("loadBalancer", "userDefinedRouting", "managedNATGateway", "userAssignedNATGateway"),
		"podCidr":             str(),
		"podCidrs":            strArr(),
		"serviceCidr":         str(),
		"serviceCidrs":        strArr(),
	})
	identity := func(types ...string) *prop {
		return obj(map[string]*prop{"type": req(enum(types...)), "userAssignedIdentities": anyv()})
	}

	return map[string]*prop{
		"azure-native:resources:ResourceGroup": obj(map[string]*prop{
			"location": str(), "managedBy": str(), "resourceGroupName": str(), "tags": tags,
		}),
		"azure-native:network:VirtualNetwork": obj(map[string]*prop{
			"addressSpace":           obj(map[string]*prop{"addressPrefixes": strArr()}),
			"bgpCommunities":         anyObj(),
			"ddosProtectionPlan":     subResource,
			"dhcpOptions":            obj(map[string]*prop{"dnsServers": strArr()}),
			"enableDdosProtection":   boolean(),
			"enableVmProtection":     boolean(),
			"encryption":             anyObj(),
			"extendedLocation":       anyObj(),
			"flowTimeoutInMinutes":   integer(),
			"id":                     str(),
			"ipAllocations":          arr(subResource),
			"location":               str(),
			"resourceGroupName":      rg,
			"subnets":                arr(obj(subnetProps(false))),
			"tags":                   tags,
			"virtualNetworkName":     str(),
			"virtualNetworkPeerings": arr(anyObj()),
		}),
		"azure-native:network:Subnet": obj(subnetProps(true)),
		"azure-native:network:NetworkSecurityGroup": obj(map[string]*prop{
			"flushConnection":          boolean(),
			"id":                       str(),
			"location":                 str(),
			"networkSecurityGroupName": str(),
			"resourceGroupName":        rg,
			"securityRules":            arr(obj(secRule(false))),
			"tags":                     tags,
		}),
		"azure-native:network:SecurityRule": obj(secRule(true)),
		"azure-native:network:RouteTable": obj(map[string]*prop{
			"disableBgpRoutePropagation": boolean(),
			"id":                         str(),
			"location":                   str(),
			"resourceGroupName":          rg,
			"routeTableName":             str(),
			"routes":                     arr(obj(routeProps(false))),
			"tags":                       tags,
		}),
		"azure-native:network:Route": obj(routeProps(true)),
		"azure-native:storage:StorageAccount": obj(map[string]*prop{
			"accessTier":                            enum("Hot", "Cool", "Premium"),
			"accountName":                           str(),
			"allowBlobPublicAccess":                 boolean(),
			"allowCrossTenantReplication":           boolean(),
			"allowSharedKeyAccess":                  boolean(),
			"allowedCopyScope":                      enum("PrivateLink", "AAD"),
			"azureFilesIdentityBasedAuthentication": anyObj(),
			"customDomain":                          anyObj(),
			"defaultToOAuthAuthentication":          boolean(),
			"dnsEndpointType":                       enum("Standard", "AzureDnsZone"),
			"enableHttpsTrafficOnly":                boolean(),
			"enableNfsV3":                           boolean(),
			"encryption":                            anyObj(),
			"extendedLocation":                      anyObj(),
			"identity":                              identity("None", "SystemAssigned", "UserAssigned", "SystemAssigned,UserAssigned"),
			"immutableStorageWithVersioning":        anyObj(),
			"isHnsEnabled":                          boolean(),
			"isLocalUserEnabled":                    boolean(),
			"isSftpEnabled":                         boolean(),
			"keyPolicy":                             anyObj(),
			"kind":                                  req(enum("Storage", "StorageV2", "BlobStorage", "FileStorage", "BlockBlobStorage")),
			"largeFileSharesState":                  enum("Disabled", "Enabled"),
			"location":                              str(),
			"minimumTlsVersion":                     enum("TLS1_0", "TLS1_1", "TLS1_2"),
			"networkRuleSet":                        storageNetworkRuleSet,
			"publicNetworkAccess":                   enum("Enabled", "Disabled"),
			"resourceGroupName":                     rg,
			"routingPreference":                     anyObj(),
			"sasPolicy":                             anyObj(),
			"sku": req(obj(map[string]*prop{"name": req(enum("Standard_LRS", "Standard_GRS", "Standard_RAGRS", "Standard_ZRS",
				"Premium_LRS", "Premium_ZRS", "Standard_GZRS", "Standard_RAGZRS"))})),
			"tags": tags,
		}),
		"azure-native:keyvault:Vault": obj(map[string]*prop{
			"location": str(),
			"properties": req(obj(map[string]*prop{
				"accessPolicies": arr(obj(map[string]*prop{
					"applicationId": str(), "objectId": req(str()), "permissions": req(anyObj()), "tenantId": req(str()),
				})),
				"createMode":                   enum("recover", "default"),
				"enablePurgeProtection":        boolean(),
				"enableRbacAuthorization":      boolean(),
				"enableSoftDelete":             boolean(),
				"enabledForDeployment":         boolean(),
				"enabledForDiskEncryption":     boolean(),
				"enabledForTemplateDeployment": boolean(),
				"networkAcls": obj(map[string]*prop{
					"bypass":              enum("AzureServices", "None"),
					"defaultAction":       enum("Allow", "Deny"),
					"ipRules":             arr(obj(map[string]*prop{"value": req(str())})),
					"virtualNetworkRules": arr(obj(map[string]*prop{"id": req(str()), "ignoreMissingVnetServiceEndpoint": boolean()})),
				}),
				"publicNetworkAccess":       str(),
				"sku":                       req(obj(map[string]*prop{"family": req(enum("A")), "name": req(enum("standard", "premium"))})),
				"softDeleteRetentionInDays": intRange(7, 90),
				"tenantId":                  req(str()),
				"vaultUri":                  str(),
			})),
			"resourceGroupName": rg,
			"tags":              tags,
			"vaultName":         str(),
		}),
		"azure-native:containerregistry:Registry": obj(map[string]*prop{
			"adminUserEnabled":         boolean(),
			"dataEndpointEnabled":      boolean(),
			"encryption":               anyObj(),
			"identity":                 identity("SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned", "None"),
			"location":                 str(),
			"networkRuleBypassOptions": enum("AzureServices", "None"),
			"networkRuleSet":           obj(map[string]*prop{"defaultAction": req(enum("Allow", "Deny")), "ipRules": arr(anyObj())}),
			"policies":                 anyObj(),
			"publicNetworkAccess":      enum("Enabled", "Disabled"),
			"registryName":             str(),
			"resourceGroupName":        rg,
			"sku":                      req(obj(map[string]*prop{"name": req(enum("Classic", "Basic", "Standard", "Premium"))})),
			"tags":                     tags,
			"zoneRedundancy":           enum("Enabled", "Disabled"),
		}),
		"azure-native:insights:Component": obj(map[string]*prop{
			"applicationType":                 req(enum("web", "other")),
			"disableIpMasking":                boolean(),
			"disableLocalAuth":                boolean(),
			"flowType":                        enum("Bluefield"),
			"forceCustomerStorageForProfiler": boolean(),
			"hockeyAppId":                     str(),
			"immediatePurgeDataOn30Days":      boolean(),
			"ingestionMode":                   enum("ApplicationInsights", "ApplicationInsightsWithDiagnosticSettings", "LogAnalytics"),
			"kind":                            req(str()),
			"location":                        str(),
			"publicNetworkAccessForIngestion": enum("Enabled", "Disabled"),
			"publicNetworkAccessForQuery":     enum("Enabled", "Disabled"),
			"requestSource":                   enum("rest"),
			"resourceGroupName":               rg,
			"resourceName":                    str(),
			"retentionInDays":                 integer(),
			"samplingPercentage":              number(),
			"tags":                            tags,
			"workspaceResourceId":             str(),
		}),
		"azure-native:operationalinsights:Workspace": obj(map[string]*prop{
			"defaultDataCollectionRuleResourceId": str(),
			"features":                            anyObj(),
			"forceCmkForQuery":                    boolean(),
			"identity":                            identity("SystemAssigned", "UserAssigned", "None"),
			"location":                            str(),
			"publicNetworkAccessForIngestion":     enum("Enabled", "Disabled"),
			"publicNetworkAccessForQuery":         enum("Enabled", "Disabled"),
			"resourceGroupName":                   rg,
			"retentionInDays":                     integer(),
			"sku": obj(map[string]*prop{"capacityReservationLevel": integer(), "name": req(enum("Free", "Standard", "Premium",
				"PerNode", "PerGB2018", "Standalone", "CapacityReservation", "LACluster"))}),
			"tags":             tags,
			"workspaceCapping": anyObj(),
			"workspaceName":    str(),
		}),
		"azure-native:containerservice:ManagedCluster": obj(map[string]*prop{
			"aadProfile":                anyObj(),
			"addonProfiles":             anyObj(),
			"agentPoolProfiles":         arr(agentPool()),
			"apiServerAccessProfile":    anyObj(),
			"autoScalerProfile":         anyObj(),
			"autoUpgradeProfile":        anyObj(),
			"azureMonitorProfile":       anyObj(),
			"disableLocalAccounts":      boolean(),
			"diskEncryptionSetID":       str(),
			"dnsPrefix":                 str(),
			"enablePodSecurityPolicy":   boolean(),
			"enableRBAC":                boolean(),
			"extendedLocation":          anyObj(),
			"fqdnSubdomain":             str(),
			"httpProxyConfig":           anyObj(),
			"identity":                  identity("SystemAssigned", "UserAssigned", "None"),
			"identityProfile":           anyObj(),
			"kubernetesVersion":         str(),
			"linuxProfile":              anyObj(),
			"location":                  str(),
			"networkProfile":            aksNetworkProfile,
			"nodeResourceGroup":         str(),
			"oidcIssuerProfile":         anyObj(),
			"podIdentityProfile":        anyObj(),
			"privateLinkResources":      arr(anyObj()),
			"publicNetworkAccess":       enum("Enabled", "Disabled"),
			"resourceGroupName":         rg,
			"resourceName":              str(),
			"securityProfile":           anyObj(),
			"servicePrincipalProfile":   anyObj(),
			"sku":                       anyObj(),
			"storageProfile":            anyObj(),
			"supportPlan":               enum("KubernetesOfficial", "AKSLongTermSupport"),
			"tags":                      tags,
			"windowsProfile":            anyObj(),
			"workloadAutoScalerProfile": anyObj(),
		}),
		"azure-native:authorization:RoleAssignment": obj(map[string]*prop{
			"condition":                          str(),
			"conditionVersion":                   str(),
			"delegatedManagedIdentityResourceId": str(),
			"description":                        str(),
			"principalId":                        req(str()),
			"principalType":                      enum("User", "Group", "ServicePrincipal", "ForeignGroup", "Device"),
			"roleAssignmentName":                 str(),
			"roleDefinitionId":                   req(str()),
			"scope":                              req(str()),
		}),
	}
}
