// Package program is amlvnet's root Pulumi program as an importable function,
// so main.go, the tests and the offline preview run the exact same code.
package program

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	authorization "github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	resources "github.com/pulumi/pulumi-azure-native-sdk/resources/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/amlvnet/amlvnet/components"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

// Config keys of the contract. Structured keys hold objects.
const (
	KeyLocation         = "azure-native:location"
	KeyResourceGroup    = "amlvnet:resourceGroup"
	KeyNetwork          = "amlvnet:network"
	KeyStorage          = "amlvnet:storage"
	KeyInferenceStorage = "amlvnet:inferenceStorage"
	KeyKeyVault         = "amlvnet:keyVault"
	KeyWorkspace        = "amlvnet:workspace"
	KeyCompute          = "amlvnet:compute"
	KeyAks              = "amlvnet:aks"
	KeyAttach           = "amlvnet:attach"
	KeyProtect          = "amlvnet:protect"
	KeyTags             = "amlvnet:tags"
)

// Run is the root program: read the config, validate all of it, then create
// the resources. A bad config returns a *ConfigError before anything is
// registered.
func Run(ctx *pulumi.Context) error {
	// The Go language host hands every config key over in PULUMI_CONFIG;
	// a misspelled top-level key would otherwise be silently ignored.
	var keys []string
	if all := os.Getenv("PULUMI_CONFIG"); all != "" {
		var values map[string]any
		if err := json.Unmarshal([]byte(all), &values); err == nil {
			keys = slices.Collect(maps.Keys(values))
		}
	}
	return RunWithKeys(keys)(ctx)
}

// RunWithKeys is Run for a caller that knows every config key of the stack
// (the offline preview reads them from the stack file): keys the program
// does not read are reported with the config's other problems.
func RunWithKeys(keys []string) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		keyErr := CheckKnownKeys(keys)
		cfg, loadErr := LoadConfig(ctx)
		plan, planErr := NewPlan(ctx, cfg)
		if err := joinConfigErrors(keyErr, mergeConfigErrors(loadErr, planErr)); err != nil {
			return err
		}
		return plan.Deploy(ctx)
	}
}

// joinConfigErrors lists the problems of two config errors together.
func joinConfigErrors(a, b error) error {
	var ea, eb *ConfigError
	if a == nil || !errors.As(a, &ea) {
		return b
	}
	if b == nil {
		return a
	}
	if !errors.As(b, &eb) {
		return b
	}
	return configProblems(append(append([]Problem(nil), ea.Problems...), eb.Problems...)).err()
}

// knownKeys are the program's top-level config keys in its own namespace.
var knownKeys = []string{KeyResourceGroup, KeyNetwork, KeyStorage, KeyInferenceStorage, KeyKeyVault, KeyWorkspace, KeyCompute, KeyAks, KeyAttach, KeyProtect, KeyTags}

// CheckKnownKeys refuses keys in the amlvnet namespace that the program does
// not read (a typo such as amlvnet:computee), naming the closest known key.
// Keys of other namespaces (providers) are not ours to judge.
func CheckKnownKeys(keys []string) error {
	var ps configProblems
	for _, k := range keys {
		if !strings.HasPrefix(k, "amlvnet:") || slices.Contains(knownKeys, k) {
			continue
		}
		best, bestDist := "", len(k)
		for _, known := range knownKeys {
			if d := editDistance(k, known); d < bestDist {
				best, bestDist = known, d
			}
		}
		hint := ""
		if bestDist <= 3 {
			hint = fmt.Sprintf(" (did you mean %s?)", best)
		}
		ps.add(k, "unknown key%s; the program reads %s", hint, strings.Join(knownKeys, ", "))
	}
	return ps.err()
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// mergeConfigErrors reports decoding and validation problems together. A
// value that failed to decode is left at its zero value, so validation
// problems under a key already reported are dropped as echoes.
func mergeConfigErrors(loadErr, planErr error) error {
	var load, plan *ConfigError
	if loadErr != nil && !errors.As(loadErr, &load) {
		return loadErr
	}
	if planErr != nil && !errors.As(planErr, &plan) {
		return planErr
	}
	if load == nil {
		return planErr
	}
	ps := configProblems(load.Problems)
	if plan != nil {
		for _, p := range plan.Problems {
			echo := false
			for _, l := range load.Problems {
				if p.Key == l.Key || strings.HasPrefix(p.Key, l.Key+".") || strings.HasPrefix(p.Key, l.Key+"[") {
					echo = true
				}
			}
			if !echo {
				ps = append(ps, p)
			}
		}
	}
	return ps.err()
}

// LoadConfig reads and decodes the stack's config, reporting every unknown
// key and mistyped value at once. The Config it returns is never nil: values
// that failed to decode are left at their zero value.
func LoadConfig(ctx *pulumi.Context) (*Config, error) {
	var ps configProblems
	cfg := &Config{
		Location:      config.Get(ctx, KeyLocation),
		ResourceGroup: config.Get(ctx, KeyResourceGroup),
	}
	if cfg.Location == "" {
		ps.add(KeyLocation, "is required: the Azure region of every resource, e.g. eastus2")
	}
	if cfg.ResourceGroup == "" {
		cfg.ResourceGroup = "amlvnet-" + ctx.Stack()
	}
	decodeStrict(KeyNetwork, config.Get(ctx, KeyNetwork), &cfg.Network, &ps)
	decodeStrict(KeyStorage, config.Get(ctx, KeyStorage), &cfg.Storage, &ps)
	decodeStrict(KeyInferenceStorage, config.Get(ctx, KeyInferenceStorage), &cfg.InferenceStorage, &ps)
	decodeStrict(KeyKeyVault, config.Get(ctx, KeyKeyVault), &cfg.KeyVault, &ps)
	decodeStrict(KeyWorkspace, config.Get(ctx, KeyWorkspace), &cfg.Workspace, &ps)
	decodeStrict(KeyCompute, config.Get(ctx, KeyCompute), &cfg.Compute, &ps)
	decodeStrict(KeyAks, config.Get(ctx, KeyAks), &cfg.Aks, &ps)
	decodeStrict(KeyAttach, config.Get(ctx, KeyAttach), &cfg.Attach, &ps)
	// Zero means "default" to the components, so a zero written on purpose
	// would be silently replaced: refuse it where zero is not a valid value.
	refuseExplicitZero(&ps, KeyCompute, config.Get(ctx, KeyCompute), "maxNodes", "rulePriority")
	refuseExplicitZero(&ps, KeyAks, config.Get(ctx, KeyAks), "nodeCount", "maxPods", "rulePriority")
	requireSecret(ctx, &ps, cfg)
	if v := config.Get(ctx, KeyProtect); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			ps.add(KeyProtect, "expected true or false, got %q", v)
		}
		cfg.Protect = b
	}
	if v := config.Get(ctx, KeyTags); v != "" {
		decodeStrict(KeyTags, v, &cfg.Tags, &ps)
	}
	return cfg, ps.err()
}

func refuseExplicitZero(ps *configProblems, key, raw string, fields ...string) {
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(raw), &obj) != nil {
		return // reported by the decoder
	}
	for _, f := range fields {
		if v, ok := obj[f]; ok && strings.TrimSpace(string(v)) == "0" {
			ps.add(key+"."+f, "is 0, which is not allowed; leave it out for the default or give a positive number")
		}
	}
}

// requireSecret refuses credentials written in plain text in the stack file:
// they must be set with `pulumi config set --secret --path ...`, so that the
// file holds only ciphertext and the engine treats the key as secret.
func requireSecret(ctx *pulumi.Context, ps *configProblems, cfg *Config) {
	plain := func(key, field string) {
		ps.add(key, "is in plain text in the stack file; set it with `pulumi config set --secret --path '%s' <value>`", field)
	}
	if !ctx.IsConfigSecret(KeyAttach) {
		for i, a := range cfg.Attach {
			for field, v := range map[string]string{"sshPassword": a.SSHPassword, "sshPrivateKey": a.SSHPrivateKey} {
				if v != "" {
					key := fmt.Sprintf("%s[%d].%s", KeyAttach, i, field)
					plain(key, key)
				}
			}
		}
	}
	if cfg.Compute.AdminPassword != "" && !ctx.IsConfigSecret(KeyCompute) {
		plain(KeyCompute+".adminPassword", KeyCompute+".adminPassword")
	}
}

// Plan is a validated configuration turned into component Args. Inputs that
// come from resources not yet created hold placeholders until Deploy.
type Plan struct {
	cfg       *Config
	Layout    *components.NetworkLayout
	Network   *components.NetworkArgs
	Storage   *components.SecureStorageArgs
	Inference *components.SecureStorageArgs // nil when disabled
	KeyVault  *components.SecureKeyVaultArgs
	Workspace *components.MLWorkspaceArgs
	Compute   *components.AmlComputeInVnetArgs
	Aks       *components.AksInVnetArgs // nil when disabled
	// Private is nil unless amlvnet:network.isolation is privateEndpoints.
	Private *components.PrivateEndpointsArgs
}

// Isolation modes of amlvnet:network.isolation.
const (
	IsolationServiceEndpoints = "serviceEndpoints"
	IsolationPrivateEndpoints = "privateEndpoints"
)

// placeholder stands for an output of a resource that does not exist yet, so
// that Validate can run on the whole configuration before anything is created.
var placeholder = pulumi.String("pending")

// NewPlan builds every component's Args from cfg and validates them all
// together; problems are reported under the config keys the user wrote.
func NewPlan(ctx *pulumi.Context, cfg *Config) (*Plan, error) {
	var ps configProblems
	p := &Plan{cfg: cfg}
	loc := cfg.Location
	tags := cfg.Tags

	if cfg.ResourceGroup != "" {
		if msg := components.CheckResourceGroupName(cfg.ResourceGroup); msg != "" {
			ps.add(KeyResourceGroup, "%s", msg)
		}
	}
	nc := cfg.Network
	p.Network = &components.NetworkArgs{
		ResourceGroupName: placeholder,
		Location:          loc,
		VnetName:          nc.VnetName,
		AddressSpace:      nc.AddressSpace,
		TrainingSubnet:    subnetSpec(nc.TrainingSubnet, nc.Existing != nil),
		ForcedTunneling:   cfg.Compute.ForcedTunneling,
		Tags:              tags,
	}
	if nc.Existing != nil {
		p.Network.Existing = &components.ExistingNetwork{ResourceGroup: nc.Existing.ResourceGroup, Name: nc.Existing.Name}
	}
	isolated := p.planIsolation(&ps)
	if cfg.Aks.Enabled {
		s := subnetSpec(nc.AksSubnet, nc.Existing != nil)
		p.Network.AksSubnet = &s
	} else if nc.AksSubnet != "" {
		// Harmless, but say so: the subnet would be created for nothing.
		ps.add(KeyNetwork+".aksSubnet", "is set but amlvnet:aks.enabled is false; remove it or enable AKS")
	}
	networkKeys := keyMapper(KeyNetwork, map[string]string{"existing.resourceGroup": KeyNetwork + ".existing.resourceGroup"})
	layout, err := p.Network.Resolve(ctx)
	if err != nil {
		if probs := components.ProblemsOf(err); probs != nil {
			ps.addComponent(networkKeys, probs)
		} else {
			return nil, err
		}
	}
	p.Layout = layout

	p.Storage = &components.SecureStorageArgs{
		ResourceGroupName: placeholder,
		Location:          loc,
		AccountName:       cfg.Storage.AccountName,
		SubnetIDs:         pulumi.StringArray{placeholder},
		ClientIPRanges:    cfg.Storage.ClientIPRanges,
		PrivateOnly:       isolated,
		Sku:               cfg.Storage.Sku,
		Protect:           cfg.Protect,
		Tags:              tags,
	}
	ps.addComponent(keyMapper(KeyStorage, nil), components.ProblemsOf(p.Storage.Validate()))
	if cfg.InferenceStorage.Enabled {
		p.Inference = &components.SecureStorageArgs{
			ResourceGroupName: placeholder,
			Location:          loc,
			AccountName:       cfg.InferenceStorage.AccountName,
			Sku:               cfg.InferenceStorage.Sku,
			Unrestricted:      true,
			Protect:           cfg.Protect,
			Tags:              tags,
		}
		ps.addComponent(keyMapper(KeyInferenceStorage, nil), components.ProblemsOf(p.Inference.Validate()))
	}
	p.KeyVault = &components.SecureKeyVaultArgs{
		ResourceGroupName:       placeholder,
		Location:                loc,
		TenantID:                placeholder,
		VaultName:               cfg.KeyVault.Name,
		SubnetIDs:               pulumi.StringArray{placeholder},
		ClientIPRanges:          cfg.Storage.ClientIPRanges,
		PrivateOnly:             isolated,
		SoftDeleteRetentionDays: cfg.KeyVault.SoftDeleteRetentionDays,
		Sku:                     cfg.KeyVault.Sku,
		Protect:                 cfg.Protect,
		Tags:                    tags,
	}
	// The vault shares the developers' IP list with storage; report its
	// problems once, under the storage key.
	ps.addComponent(keyMapper(KeyKeyVault, map[string]string{"vaultName": KeyKeyVault + ".name", "clientIpRanges": ""}), components.ProblemsOf(p.KeyVault.Validate()))
	p.Workspace = &components.MLWorkspaceArgs{
		ResourceGroupName: placeholder,
		Location:          loc,
		WorkspaceName:     cfg.Workspace.Name,
		StorageAccountID:  placeholder,
		KeyVaultID:        placeholder,
		RegistrySku:       cfg.Workspace.RegistrySku,
		ImageBuildCompute: cfg.Workspace.ImageBuildCompute,
		Description:       cfg.Workspace.Description,
		LogRetentionDays:  cfg.Workspace.LogRetentionDays,
		PrivateOnly:       isolated,
		Diagnostics:       cfg.Workspace.Diagnostics,
		Protect:           cfg.Protect,
		Tags:              tags,
	}
	if cfg.Workspace.Diagnostics {
		p.Workspace.DiagnosticTargets = map[string]pulumi.StringInput{"keyvault": placeholder, "storage": placeholder}
	}
	if isolated {
		// Behind private endpoints the registry must be Premium, and
		// images are built on the training cluster.
		if p.Workspace.RegistrySku == "" {
			p.Workspace.RegistrySku = "Premium"
		}
		if p.Workspace.ImageBuildCompute == "" {
			p.Workspace.ImageBuildCompute = orDefault(cfg.Compute.Name, "cpucluster")
		}
	}
	ps.addComponent(keyMapper(KeyWorkspace, nil), components.ProblemsOf(p.Workspace.Validate()))

	cc := cfg.Compute
	p.Compute = &components.AmlComputeInVnetArgs{
		ResourceGroupName:       placeholder,
		WorkspaceName:           placeholder,
		Location:                loc,
		SubnetID:                placeholder,
		NsgName:                 placeholder,
		Name:                    cc.Name,
		VMSize:                  cc.VMSize,
		VMPriority:              cc.VMPriority,
		MinNodes:                cc.MinNodes,
		MaxNodes:                cc.MaxNodes,
		IdleTimeBeforeScaleDown: cc.IdleTimeBeforeScaleDown,
		SSHAccess:               cc.SSHAccess,
		SSHSources:              cc.SSHSources,
		AdminUser:               cc.AdminUser,
		AdminSSHPublicKey:       cc.SSHPublicKey,
		Outbound:                cc.Outbound,
		ForcedTunneling:         cc.ForcedTunneling,
		BatchPrefixes:           cc.BatchPrefixes,
		MachineLearningPrefixes: cc.MachineLearningPrefixes,
		RulePriorityBase:        cc.RulePriority,
		Tags:                    tags,
	}
	if cc.ForcedTunneling {
		p.Compute.RouteTableName = placeholder
	}
	if cc.PublicIP != nil && !*cc.PublicIP {
		if isolated {
			p.Compute.NoPublicIP = true
		} else {
			ps.add(KeyCompute+".publicIp", "false is allowed only with amlvnet:network.isolation privateEndpoints: without them, nodes without a public IP cannot reach the workspace")
		}
	}
	if cc.AdminPassword != "" {
		p.Compute.AdminPassword = pulumi.ToSecret(pulumi.String(cc.AdminPassword)).(pulumi.StringOutput)
	}
	if cc.ServiceTagsFile != "" {
		p.readServiceTags(cc, &ps)
	}
	if layout != nil {
		p.Compute.SubnetPrefix = layout.Training.String()
	}
	for _, a := range cfg.Attach {
		at := components.AttachedCompute{
			Name: a.Name, Kind: a.Kind, ResourceID: a.ResourceID, Address: a.Address,
			Username: a.SSHUser, SSHPort: a.SSHPort,
		}
		if a.SSHPassword != "" {
			at.Password = pulumi.ToSecret(pulumi.String(a.SSHPassword)).(pulumi.StringOutput)
		}
		if a.SSHPrivateKey != "" {
			at.PrivateKey = pulumi.ToSecret(pulumi.String(a.SSHPrivateKey)).(pulumi.StringOutput)
		}
		p.Compute.Attached = append(p.Compute.Attached, at)
	}
	computeKeys := keyMapper(KeyCompute, map[string]string{
		"attach":         "amlvnet:attach",
		"subnetPrefix":   KeyNetwork + ".trainingSubnet",
		"routeTableName": KeyCompute + ".forcedTunneling",
	})
	if layout == nil {
		// The network's own problems are reported already; without a
		// layout the subnet checks cannot run.
		computeKeys = keyMapper(KeyCompute, map[string]string{"attach": "amlvnet:attach", "subnetPrefix": "", "routeTableName": KeyCompute + ".forcedTunneling"})
	}
	ps.addComponent(computeKeys, components.ProblemsOf(p.Compute.Validate()))

	if cfg.Aks.Enabled {
		ac := cfg.Aks
		p.Aks = &components.AksInVnetArgs{
			ResourceGroupName: placeholder,
			Location:          loc,
			WorkspaceName:     placeholder,
			SubnetID:          placeholder,
			NsgName:           placeholder,
			Name:              ac.Name,
			ComputeName:       ac.ComputeName,
			NodeCount:         ac.NodeCount,
			VMSize:            ac.VMSize,
			MaxPods:           ac.MaxPods,
			KubernetesVersion: ac.KubernetesVersion,
			ServiceCidr:       ac.ServiceCidr,
			DNSServiceIP:      ac.DNSServiceIP,
			DockerBridgeCidr:  ac.DockerBridgeCidr,
			ScoringSources:    ac.ScoringSources,
			ScoringPorts:      ac.ScoringPorts,
			ClusterPurpose:    ac.ClusterPurpose,
			LoadBalancerType:  ac.LoadBalancerType,
			RulePriorityBase:  ac.RulePriority,
			Tags:              tags,
		}
		// Fields name the VNet's prefixes in words in the messages; as
		// keys they point at the network config.
		aksKeys := map[string]string{
			"subnetPrefix":      KeyNetwork + ".aksSubnet",
			"addressSpace":      KeyNetwork + ".addressSpace",
			"otherSubnets":      KeyNetwork,
			"the AKS subnet":    KeyNetwork + ".aksSubnet",
			"the address space": KeyNetwork + ".addressSpace",
			"a VNet subnet":     KeyNetwork,
		}
		if layout != nil {
			p.Aks.SubnetPrefix = layout.Aks.String()
			p.Aks.SubnetName = p.Network.AksSubnet.Name
			for _, s := range layout.AddressSpace {
				p.Aks.AddressSpace = append(p.Aks.AddressSpace, s.String())
			}
			p.Aks.OtherSubnets = append(p.Aks.OtherSubnets, layout.Training.String())
			for _, s := range layout.OtherSubnets {
				p.Aks.OtherSubnets = append(p.Aks.OtherSubnets, s.String())
			}
		} else {
			// Reported with the network; the range checks need its layout.
			aksKeys = map[string]string{"subnetPrefix": "", "addressSpace": "", "otherSubnets": "", "the AKS subnet": "", "the address space": "", "a VNet subnet": ""}
		}
		ps.addComponent(keyMapper(KeyAks, aksKeys), components.ProblemsOf(p.Aks.Validate()))
		// Compute names are unique in a workspace: the AKS compute's too.
		if strings.EqualFold(p.Aks.ComputeName, p.Compute.Name) {
			ps.add(KeyAks+".computeName", "%q is already the name of the training cluster (%s.name); compute names are unique in a workspace, pick another", p.Aks.ComputeName, KeyCompute)
		}
		for i, a := range cfg.Attach {
			if strings.EqualFold(p.Aks.ComputeName, a.Name) {
				ps.add(KeyAks+".computeName", "%q is already the name of %s[%d]; compute names are unique in a workspace, pick another", p.Aks.ComputeName, KeyAttach, i)
			}
		}
	}
	// Storage account names are globally unique: two accounts can't share one.
	if p.Inference != nil && cfg.InferenceStorage.AccountName != "" && cfg.InferenceStorage.AccountName == cfg.Storage.AccountName {
		ps.add(KeyInferenceStorage+".accountName", "%q is also %s.accountName; storage account names are globally unique, so give the inference account another name or leave it out for a generated one", cfg.InferenceStorage.AccountName, KeyStorage)
	}
	if isolated && layout != nil && layout.PrivateEndpoints.IsValid() {
		p.Private = &components.PrivateEndpointsArgs{
			ResourceGroupName: placeholder,
			Location:          loc,
			Cloud:             nc.Cloud,
			VnetID:            placeholder,
			SubnetID:          placeholder,
			SubnetPrefix:      layout.PrivateEndpoints.String(),
			Targets:           privateTargets(cfg, placeholder, placeholder, placeholder, placeholder),
			Tags:              tags,
		}
		ps.addComponent(keyMapper(KeyNetwork, map[string]string{"subnetPrefix": KeyNetwork + ".privateEndpointSubnet"}), components.ProblemsOf(p.Private.Validate()))
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return p, nil
}

// planIsolation applies amlvnet:network.isolation to the network Args and
// tells whether the stack uses private endpoints.
func (p *Plan) planIsolation(ps *configProblems) bool {
	nc := p.cfg.Network
	switch nc.Isolation {
	case "", IsolationServiceEndpoints:
		if nc.PrivateEndpointSubnet != "" {
			ps.add(KeyNetwork+".privateEndpointSubnet", "has no effect with isolation %s; remove it or set isolation to %s", IsolationServiceEndpoints, IsolationPrivateEndpoints)
		}
		if nc.Cloud != "" {
			ps.add(KeyNetwork+".cloud", "only picks private DNS zone names; it has no effect with isolation %s", IsolationServiceEndpoints)
		}
		if p.cfg.Workspace.BatchEndpoints {
			ps.add(KeyWorkspace+".batchEndpoints", "adds private endpoints, which isolation %s does not use; remove it or set amlvnet:network.isolation to %s", IsolationServiceEndpoints, IsolationPrivateEndpoints)
		}
		return false
	case IsolationPrivateEndpoints:
		if nc.PrivateEndpointSubnet == "" {
			ps.add(KeyNetwork+".privateEndpointSubnet", "is required with isolation %s: a CIDR such as 10.20.1.0/27 (a subnet name when reusing a VNet)", IsolationPrivateEndpoints)
		} else {
			spec := subnetSpec(nc.PrivateEndpointSubnet, nc.Existing != nil)
			p.Network.PrivateEndpointSubnet = &spec
		}
		// A resource reached through a private endpoint gets no service
		// endpoint on the same path (AZURE-FACTS: private endpoints).
		p.Network.TrainingServiceEndpoints = []string{}
		return true
	default:
		ps.add(KeyNetwork+".isolation", "%q is not an isolation mode; use %s (service endpoints and firewalls, the 2019 article) or %s (current guidance)", nc.Isolation, IsolationServiceEndpoints, IsolationPrivateEndpoints)
		return false
	}
}

// privateTargets lists the private endpoints of an isolated workspace: the
// workspace, the storage blob and file services (queue and table for batch
// endpoints), the vault and the registry.
func privateTargets(cfg *Config, workspaceID, storageID, vaultID, registryID pulumi.StringInput) []components.PrivateEndpointTarget {
	targets := []components.PrivateEndpointTarget{
		{Name: "workspace", ResourceID: workspaceID, Group: components.GroupWorkspace},
		{Name: "storage-blob", ResourceID: storageID, Group: components.GroupBlob},
		{Name: "storage-file", ResourceID: storageID, Group: components.GroupFile},
	}
	if cfg.Workspace.BatchEndpoints {
		targets = append(targets,
			components.PrivateEndpointTarget{Name: "storage-queue", ResourceID: storageID, Group: components.GroupQueue},
			components.PrivateEndpointTarget{Name: "storage-table", ResourceID: storageID, Group: components.GroupTable})
	}
	return append(targets,
		components.PrivateEndpointTarget{Name: "keyvault", ResourceID: vaultID, Group: components.GroupVault},
		components.PrivateEndpointTarget{Name: "registry", ResourceID: registryID, Group: components.GroupRegistry})
}

func orDefault(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

// readServiceTags fills the forced-tunneling prefixes from Microsoft's
// service-tags file.
func (p *Plan) readServiceTags(cc ComputeConfig, ps *configProblems) {
	key := KeyCompute + ".serviceTagsFile"
	if !cc.ForcedTunneling {
		ps.add(key, "has no effect while forcedTunneling is false; remove it or set forcedTunneling to true")
		return
	}
	if len(cc.BatchPrefixes) > 0 || len(cc.MachineLearningPrefixes) > 0 {
		ps.add(key, "give either serviceTagsFile or batchPrefixes/machineLearningPrefixes, not both")
		return
	}
	region, err := netplan.CanonicalRegion(p.cfg.Location)
	if err != nil {
		return // reported under azure-native:location
	}
	read := func(tag string) []string {
		f, err := os.Open(cc.ServiceTagsFile)
		if err != nil {
			ps.add(key, "cannot read the service-tags file: %v", err)
			return nil
		}
		defer f.Close()
		prefixes, err := netplan.ServiceTagPrefixes(f, tag)
		if err != nil {
			ps.add(key, "%v", err)
			return nil
		}
		out := make([]string, 0, len(prefixes))
		for _, pr := range prefixes {
			out = append(out, pr.String())
		}
		return out
	}
	batchTag, _ := netplan.RegionalTag("BatchNodeManagement", region)
	p.Compute.BatchPrefixes = read(batchTag)
	if len(p.Compute.BatchPrefixes) > 0 {
		p.Compute.MachineLearningPrefixes = read("AzureMachineLearning")
	}
}

func subnetSpec(v string, reuse bool) components.SubnetSpec {
	if reuse {
		return components.SubnetSpec{Name: v}
	}
	return components.SubnetSpec{Prefix: v}
}

// keyMapper turns a component's field ("maxNodes", "attach[1].address") into
// the config key the user wrote ("amlvnet:compute.maxNodes",
// "amlvnet:attach[1].address"). overrides map a field's first segment to a
// key elsewhere; an empty override drops the problem (reported elsewhere).
func keyMapper(namespace string, overrides map[string]string) func(string) (string, bool) {
	return func(field string) (string, bool) {
		head, rest := field, ""
		if i := strings.IndexAny(field, ".["); i >= 0 {
			head, rest = field[:i], field[i:]
		}
		if full, ok := overrides[field]; ok {
			return full, full != ""
		}
		if o, ok := overrides[head]; ok {
			return o + rest, o != ""
		}
		switch head {
		case "location":
			return KeyLocation, true
		case "resourceGroupName":
			return KeyResourceGroup, true
		}
		return namespace + "." + field, true
	}
}

func (ps *configProblems) addComponent(mapKey func(string) (string, bool), probs []components.Problem) {
	seen := map[Problem]bool{}
	for _, p := range *ps {
		seen[p] = true
	}
	for _, p := range probs {
		key, keep := mapKey(p.Field)
		pr := Problem{Key: key, Message: p.Message}
		if keep && !seen[pr] {
			seen[pr] = true
			*ps = append(*ps, pr)
		}
	}
}

// Deploy creates the resources of a validated plan.
func (p *Plan) Deploy(ctx *pulumi.Context) error {
	cfg := p.cfg
	region := p.Layout.Location
	client, err := authorization.GetClientConfig(ctx)
	if err != nil {
		return fmt.Errorf("reading the Azure client configuration (tenant and subscription): %w", err)
	}
	rg, err := resources.NewResourceGroup(ctx, "resource-group", &resources.ResourceGroupArgs{
		ResourceGroupName: pulumi.String(cfg.ResourceGroup),
		Location:          pulumi.String(region),
		Tags:              pulumi.ToStringMap(cfg.Tags),
	}, pulumi.Protect(cfg.Protect))
	if err != nil {
		return err
	}
	rgName := rg.Name

	p.Network.ResourceGroupName = rgName
	net, err := components.NewNetwork(ctx, "network", p.Network)
	if err != nil {
		return err
	}
	training := pulumi.StringArray{net.TrainingSubnetID}

	p.Storage.ResourceGroupName, p.Storage.SubnetIDs = rgName, training
	store, err := components.NewSecureStorage(ctx, "workspace-storage", p.Storage)
	if err != nil {
		return err
	}
	if p.Inference != nil {
		p.Inference.ResourceGroupName = rgName
		inference, err := components.NewSecureStorage(ctx, "inference-storage", p.Inference)
		if err != nil {
			return err
		}
		ctx.Export("inferenceStorageAccount", inference.AccountName)
	}
	p.KeyVault.ResourceGroupName, p.KeyVault.SubnetIDs = rgName, training
	p.KeyVault.TenantID = pulumi.String(client.TenantId)
	vault, err := components.NewSecureKeyVault(ctx, "key-vault", p.KeyVault)
	if err != nil {
		return err
	}
	p.Workspace.ResourceGroupName = rgName
	p.Workspace.StorageAccountID, p.Workspace.KeyVaultID = store.AccountID, vault.VaultID
	if p.Workspace.DiagnosticTargets != nil {
		p.Workspace.DiagnosticTargets = map[string]pulumi.StringInput{"keyvault": vault.VaultID, "storage": store.AccountID}
	}
	ws, err := components.NewMLWorkspace(ctx, "workspace", p.Workspace)
	if err != nil {
		return err
	}

	p.Compute.ResourceGroupName, p.Compute.WorkspaceName = rgName, ws.WorkspaceName
	p.Compute.NetworkResourceGroupName = rgName
	p.Compute.SubnetID, p.Compute.NsgName = net.TrainingSubnetID, net.TrainingNsgName
	if p.Compute.ForcedTunneling {
		p.Compute.RouteTableName = net.RouteTableName
	}
	compute, err := components.NewAmlComputeInVnet(ctx, "training", p.Compute)
	if err != nil {
		return err
	}
	if p.Private != nil {
		p.Private.ResourceGroupName, p.Private.VnetID, p.Private.SubnetID = rgName, net.VnetID, net.PrivateEndpointSubnetID
		p.Private.Targets = privateTargets(cfg, ws.WorkspaceID, store.AccountID, vault.VaultID, ws.RegistryID)
		private, err := components.NewPrivateEndpoints(ctx, "private-endpoints", p.Private)
		if err != nil {
			return err
		}
		ctx.Export("privateDnsZones", private.ZoneNames)
	}
	if p.Aks != nil {
		p.Aks.ResourceGroupName, p.Aks.WorkspaceName = rgName, ws.WorkspaceName
		p.Aks.NetworkResourceGroupName = rgName
		p.Aks.SubnetID, p.Aks.NsgName = net.AksSubnetID, net.AksNsgName
		aks, err := components.NewAksInVnet(ctx, "inference", p.Aks)
		if err != nil {
			return err
		}
		ctx.Export("aksClusterName", aks.ClusterName)
		ctx.Export("aksComputeId", aks.ComputeID)
	}

	ctx.Export("resourceGroup", rgName)
	ctx.Export("vnetId", net.VnetID)
	ctx.Export("trainingSubnetId", net.TrainingSubnetID)
	ctx.Export("storageAccount", store.AccountName)
	ctx.Export("keyVault", vault.VaultName)
	ctx.Export("workspaceName", ws.WorkspaceName)
	ctx.Export("workspaceId", ws.WorkspaceID)
	ctx.Export("discoveryUrl", ws.DiscoveryURL)
	ctx.Export("computeName", compute.ComputeName)
	ctx.Export("region", pulumi.String(region))
	return nil
}

// IsConfigError tells whether err is a configuration problem (as opposed to
// a failure talking to Azure or the engine).
func IsConfigError(err error) bool {
	var ce *ConfigError
	return errors.As(err, &ce)
}
