package program

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

// plan is a validated configuration: the decoded specs, adjusted where the
// program decides for the components (the isolation mode's consequences),
// and the network's address plan.
type plan struct {
	cfg      *Config
	region   string
	layout   *components.NetworkLayout
	isolated bool
	// private is nil unless the network isolation is privateEndpoints.
	private *components.PrivateEndpointsSpec
	// managed is nil unless the network isolation is managed: the
	// workspace's managed network, with its defaults.
	managed *components.ManagedNetworkSpec
	// warnings are the program's own (the components log theirs when they
	// are constructed); deploy logs them.
	warnings components.Problems
	// projectDir is where relative paths in config are read from (see
	// projectPath and RunWithKeys).
	projectDir string
}

// managedOutbound is the managed network's outbound mode, "" without one
// (or with one that is not a mode, which planWorkspace reports).
func (p *plan) managedOutbound() string {
	if p.managed == nil {
		return ""
	}
	switch o := p.managed.Outbound; o {
	case components.ManagedOutboundApproved, components.ManagedOutboundInternet:
		return o
	}
	return ""
}

// keyPath is the path of the top-level key that Config's field holds.
func keyPath(field string) *components.Path {
	f, ok := reflect.TypeOf(Config{}).FieldByName(field)
	if !ok {
		panic("program: Config has no field " + field)
	}
	return components.NewPath(f.Tag.Get("config"))
}

var (
	pathLocation         = keyPath("Location")
	pathResourceGroup    = keyPath("ResourceGroup")
	pathNetwork          = keyPath("Network")
	pathStorage          = keyPath("Storage")
	pathInferenceStorage = keyPath("InferenceStorage")
	pathKeyVault         = keyPath("KeyVault")
	pathWorkspace        = keyPath("Workspace")
	pathCompute          = keyPath("Compute")
	pathAks              = keyPath("Aks")
	pathAttach           = keyPath("Attach")
)

// newPlan validates the whole configuration before anything exists, each
// area against the network's address plan, and returns every problem.
func newPlan(ctx *pulumi.Context, cfg *Config, projectDir string) (*plan, components.Problems) {
	p := &plan{cfg: cfg, projectDir: projectDir}
	var ps components.Problems
	if cfg.Location != "" {
		if r, err := netplan.CanonicalRegion(cfg.Location); err != nil {
			ps.Add(pathLocation, "%v", err)
		} else {
			p.region = r
		}
	}
	if msg := components.CheckResourceGroupName(cfg.ResourceGroup); msg != "" {
		ps.Add(pathResourceGroup, "%s", msg)
	}
	p.planNetwork(ctx, &ps)
	p.planStorage(&ps)
	p.planKeyVault(&ps)
	p.planWorkspace(&ps)
	p.planCompute(&ps)
	p.planAks(&ps)
	p.planPrivateEndpoints(&ps)
	return p, ps
}

// planNetwork applies the other areas' needs to the network spec, checks
// the isolation mode's companions, and resolves the address plan (reading a
// reused VNet).
func (p *plan) planNetwork(ctx *pulumi.Context, ps *components.Problems) {
	cfg := p.cfg
	nc := &cfg.Network
	if nc.NetworkSpec.Isolation == components.IsolationManaged {
		p.planManagedNetwork(ps)
		return
	}
	if nc.Managed != nil {
		ps.Add(pathNetwork.Child("managed"), "is read only with isolation %s; remove it or set %s.isolation to %s", components.IsolationManaged, pathNetwork, components.IsolationManaged)
	}
	nc.TrainingRouteTable = cfg.Compute.ForcedTunneling
	nc.TrainingNatGateway = *cfg.Compute.WithDefaults().NatGateway
	switch {
	case cfg.Aks.Enabled && nc.AksSubnet == "":
		ps.Add(pathNetwork.Child("aksSubnet"), "a CIDR is required with %s.enabled, e.g. 10.20.4.0/22 (a subnet name when reusing a VNet)", pathAks)
	case !cfg.Aks.Enabled && nc.AksSubnet != "":
		// Harmless, but say so: the subnet would be created for nothing.
		ps.Add(pathNetwork.Child("aksSubnet"), "is set but %s.enabled is false; remove it or enable AKS", pathAks)
	}
	p.isolated = nc.NetworkSpec.WithDefaults().Isolation == components.IsolationPrivateEndpoints
	if !p.isolated {
		if nc.Cloud != "" {
			ps.Add(pathNetwork.Child("cloud"), "only picks private DNS zone names; it has no effect with isolation %s", components.IsolationServiceEndpoints)
		}
		if cfg.Workspace.BatchEndpoints {
			ps.Add(pathWorkspace.Child("batchEndpoints"), "adds private endpoints, which isolation %s does not use; remove it or set %s.isolation to %s", components.IsolationServiceEndpoints, pathNetwork, components.IsolationPrivateEndpoints)
		}
	}
	layout, more := components.PlanNetwork(ctx, nc.NetworkSpec, p.region, pathNetwork)
	*ps = append(*ps, more...)
	p.layout = layout
}

// planManagedNetwork checks a stack whose workspace has Azure ML's managed
// virtual network: no VNet of ours (so none of the keys that shape one), and
// nothing Azure does not support there. The managed network's own keys are
// checked with the workspace (planWorkspace), the compute's with it
// (planCompute).
func (p *plan) planManagedNetwork(ps *components.Problems) {
	cfg := p.cfg
	nc := &cfg.Network
	*ps = append(*ps, nc.NetworkSpec.Validate(pathNetwork)...)
	if nc.Cloud != "" {
		ps.Add(pathNetwork.Child("cloud"), "only picks private DNS zone names for private endpoints of ours; it has no effect with isolation %s", components.IsolationManaged)
	}
	if cfg.Workspace.BatchEndpoints {
		ps.Add(pathWorkspace.Child("batchEndpoints"), "adds private endpoints in a subnet of ours, which isolation %s does not have; remove it", components.IsolationManaged)
	}
	if cfg.Aks.Enabled {
		// "Kubernetes compute and attached VMs are not supported in a managed
		// virtual network" (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network, limitations).
		ps.Add(pathAks.Child("enabled"), "Kubernetes compute is not supported in a workspace's managed virtual network (Azure ML); set it to false (managed online endpoints run in the managed network), or use isolation %s or %s for AKS inference", components.IsolationServiceEndpoints, components.IsolationPrivateEndpoints)
	}
	mn := components.ManagedNetworkSpec{}
	if nc.Managed != nil {
		mn = *nc.Managed
	}
	mn.Outbound = mn.WithDefaults().Outbound
	p.managed = &mn
}

func (p *plan) planStorage(ps *components.Problems) {
	cfg := p.cfg
	cfg.Storage.PrivateOnly = p.isolated
	cfg.Storage.ManagedNetwork = p.managedOutbound()
	if p.managedOutbound() == components.ManagedOutboundInternet {
		// Azure adds its private endpoint to the account only once its
		// public network access is off (how-to-managed-network): then no
		// developer IP gets through.
		if len(cfg.Storage.ClientIPRanges) > 0 {
			ps.Add(pathStorage.Child("clientIpRanges"), "has no effect with %s.managed.outbound %s: the storage account and the key vault have public network access off, so that Azure adds its private endpoints to them; developers reach them from a compute instance in the managed network or through private endpoints of their own; remove it, or use outbound %s to keep developer IPs", pathNetwork, components.ManagedOutboundInternet, components.ManagedOutboundApproved)
			cfg.Storage.ClientIPRanges = nil
		}
	}
	*ps = append(*ps, cfg.Storage.Validate(pathStorage)...)
	inf := &cfg.InferenceStorage
	if !inf.Enabled {
		return
	}
	if !cfg.Aks.Enabled {
		p.warnings.Warn(pathInferenceStorage.Child("enabled"), "creates an account open to every network that nothing uses: only the AKS inference compute reads it (as datastore %s); disable it, or enable %s", components.ScoringDatastoreName, pathAks)
	}
	inf.Unrestricted = true
	*ps = append(*ps, inf.SecureStorageSpec.Validate(pathInferenceStorage)...)
	// Storage account names are globally unique: two accounts can't share one.
	if inf.AccountName != "" && inf.AccountName == cfg.Storage.AccountName {
		ps.Add(pathInferenceStorage.Child("accountName"), "%q is also %s.accountName; storage account names are globally unique, so give the inference account another name or leave it out for a generated one", inf.AccountName, pathStorage)
	}
}

func (p *plan) planKeyVault(ps *components.Problems) {
	kv := &p.cfg.KeyVault
	kv.PrivateOnly = p.isolated
	kv.ManagedNetwork = p.managedOutbound()
	*ps = append(*ps, kv.Validate(pathKeyVault)...)
	// The vault admits the developers' IPs of amlvnet:storage, where they
	// are checked and reported.
	kv.ClientIPRanges = p.cfg.Storage.ClientIPRanges
}

func (p *plan) planWorkspace(ps *components.Problems) {
	ws := &p.cfg.Workspace
	ws.PrivateOnly = p.isolated
	ws.ManagedNetwork = p.managed
	if p.isolated || p.managed != nil {
		// Behind private endpoints (ours, or the managed network's) the
		// registry must be Premium, and images are built on the training
		// cluster.
		if ws.RegistrySku == "" {
			ws.RegistrySku = "Premium"
		}
		if ws.ImageBuildCompute == "" {
			ws.ImageBuildCompute = p.cfg.Compute.WithDefaults().Name
		}
	}
	site := components.WorkspaceSite{ManagedNetworkPath: pathNetwork.Child("managed")}
	if p.cfg.InferenceStorage.Enabled {
		site.ManagedNetwork.Targets = map[string]string{targetInferenceStorage: storageAccountType}
	}
	*ps = append(*ps, ws.MLWorkspaceSpec.Validate(pathWorkspace, site)...)
}

// A managed network's privateEndpoint rule may name the stack's inference
// account by its key instead of an ARM ID, which the stack file cannot know.
const (
	targetInferenceStorage = "inferenceStorage"
	storageAccountType     = "Microsoft.Storage/storageAccounts"
)

func (p *plan) planCompute(ps *components.Problems) {
	cc := &p.cfg.Compute
	if cc.PublicIP != nil && !*cc.PublicIP && !p.isolated && p.managed == nil {
		ps.Add(pathCompute.Child("publicIp"), "false is allowed only with %s.isolation %s or %s: without private endpoints, nodes without a public IP cannot reach the workspace", pathNetwork, components.IsolationPrivateEndpoints, components.IsolationManaged)
	}
	if cc.ServiceTagsFile != "" {
		p.readServiceTags(ps)
	}
	site := components.ComputeSite{Region: p.region, Attached: p.cfg.Attach, AttachedPath: pathAttach, ManagedNetwork: p.managed != nil}
	if p.layout != nil {
		site.Subnet, site.ExistingRules, site.DefaultRoute = p.layout.Training, p.layout.TrainingRules, p.layout.TrainingDefaultRoute
	}
	*ps = append(*ps, cc.AmlComputeSpec.Validate(pathCompute, site)...)
}

// projectPath resolves a path from config: a relative one is read from the
// project directory, where Pulumi.yaml is, as Pulumi runs a program there
// (project file reference, `main`:
// https://www.pulumi.com/docs/iac/concepts/projects/project-file/), not
// from the stack file's directory.
func (p *plan) projectPath(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(p.projectDir, path)
}

// readServiceTags fills the forced-tunneling prefixes from Microsoft's
// service-tags file.
func (p *plan) readServiceTags(ps *components.Problems) {
	cc := &p.cfg.Compute
	key := pathCompute.Child("serviceTagsFile")
	if !cc.ForcedTunneling {
		ps.Add(key, "has no effect while forcedTunneling is false; remove it or set forcedTunneling to true")
		return
	}
	if len(cc.BatchPrefixes) > 0 || len(cc.MachineLearningPrefixes) > 0 {
		ps.Add(key, "give either serviceTagsFile or batchPrefixes/machineLearningPrefixes, not both")
		return
	}
	if p.region == "" {
		return // reported under azure-native:location
	}
	read := func(tag string) ([]string, error) {
		f, err := os.Open(p.projectPath(cc.ServiceTagsFile))
		if err != nil {
			if !filepath.IsAbs(cc.ServiceTagsFile) {
				return nil, fmt.Errorf("cannot read the service-tags file (a relative path is read from the project directory, %s, not from the stack file's): %v", p.projectDir, err)
			}
			return nil, fmt.Errorf("cannot read the service-tags file: %v", err)
		}
		defer f.Close()
		prefixes, err := netplan.ServiceTagPrefixes(f, tag)
		if err != nil {
			return nil, err
		}
		out := make([]string, 0, len(prefixes))
		for _, pr := range prefixes {
			out = append(out, pr.String())
		}
		return out, nil
	}
	batchTag, _ := netplan.RegionalTag("BatchNodeManagement", p.region)
	batch, err := read(batchTag)
	if err != nil {
		ps.Add(key, "%v", err)
		return
	}
	// The current docs route Azure ML's ranges of the workspace's region
	// (AzureMachineLearning.<region>), far fewer than the global tag's; the
	// global tag serves a file without the regional one.
	mlTag, _ := netplan.RegionalTag("AzureMachineLearning", p.region)
	ml, err := read(mlTag)
	if errors.Is(err, netplan.ErrTagNotInFile) {
		ml, err = read("AzureMachineLearning")
	}
	if err != nil {
		ps.Add(key, "%v", err)
		return
	}
	if n := len(batch) + len(ml); n > netplan.MaxRoutesPerTable {
		ps.Add(key, "lists %d prefixes for %s and %s, one route each, but a route table takes at most %d routes; route the service tags instead (leave serviceTagsFile out) or give batchPrefixes and machineLearningPrefixes by hand", n, batchTag, mlTag, netplan.MaxRoutesPerTable)
		return
	}
	cc.BatchPrefixes, cc.MachineLearningPrefixes = batch, ml
}

func (p *plan) planAks(ps *components.Problems) {
	cfg := p.cfg
	if !cfg.Aks.Enabled || p.managed != nil { // refused with a managed network (planManagedNetwork)
		return
	}
	site := components.AksSite{Region: p.region, NetworkPath: pathNetwork, ResourceGroup: cfg.ResourceGroup, ResourceGroupPath: pathResourceGroup}
	if p.layout != nil {
		site.Subnet, site.AddressSpace, site.Subnets, site.ExistingRules = p.layout.Aks, p.layout.AddressSpace, p.layout.AllSubnets(), p.layout.AksRules
	}
	*ps = append(*ps, cfg.Aks.AksSpec.Validate(pathAks, site)...)
	if cfg.Compute.WithDefaults().Outbound == components.OutboundRestricted {
		// The extension needs hosts without a service tag
		// (<region>.dp.kubernetesconfiguration.azure.com, the Kusto log
		// endpoint, packages.microsoft.com: how-to-access-azureml-behind-firewall,
		// "Scenario: Use Kubernetes compute"; AKS outbound-rules-control-egress),
		// which an NSG cannot allow by name.
		p.warnings.Warn(pathCompute.Child("outbound"), "restricts the training subnet only: the AKS cluster's egress leaves through its load balancer unrestricted, since the Azure ML extension needs hosts no service tag covers; restrict it with an FQDN-capable firewall (README, \"AKS egress\")")
	}
	// Compute names are unique in a workspace: the AKS compute's too.
	name := cfg.Aks.WithDefaults().ComputeName
	if strings.EqualFold(name, cfg.Compute.WithDefaults().Name) {
		ps.Add(pathAks.Child("computeName"), "%q is already the name of the training cluster (%s.name); compute names are unique in a workspace, pick another", name, pathCompute)
	}
	for i, a := range cfg.Attach {
		if strings.EqualFold(name, a.Name) {
			ps.Add(pathAks.Child("computeName"), "%q is already the name of %s; compute names are unique in a workspace, pick another", name, pathAttach.Index(i))
		}
	}
}

// Targets of the private endpoints, keys of PrivateEndpointsArgs.Targets.
const (
	targetWorkspace = "workspace"
	targetStorage   = "storage"
	targetKeyVault  = "keyvault"
	targetRegistry  = "registry"
)

// planPrivateEndpoints lists the private endpoints of an isolated workspace:
// the workspace, the storage blob and file services (queue and table for
// batch endpoints), the vault and the registry.
func (p *plan) planPrivateEndpoints(ps *components.Problems) {
	if !p.isolated {
		return
	}
	endpoints := []components.PrivateEndpoint{
		{Name: "workspace", Target: targetWorkspace, Group: components.GroupWorkspace},
		{Name: "storage-blob", Target: targetStorage, Group: components.GroupBlob},
		{Name: "storage-file", Target: targetStorage, Group: components.GroupFile},
	}
	if p.cfg.Workspace.BatchEndpoints {
		endpoints = append(endpoints,
			components.PrivateEndpoint{Name: "storage-queue", Target: targetStorage, Group: components.GroupQueue},
			components.PrivateEndpoint{Name: "storage-table", Target: targetStorage, Group: components.GroupTable})
	}
	endpoints = append(endpoints,
		components.PrivateEndpoint{Name: "keyvault", Target: targetKeyVault, Group: components.GroupVault},
		components.PrivateEndpoint{Name: "registry", Target: targetRegistry, Group: components.GroupRegistry})
	p.private = &components.PrivateEndpointsSpec{Cloud: p.cfg.Network.Cloud, Endpoints: endpoints}
	site := components.PrivateEndpointsSite{Region: p.region, SubnetPath: pathNetwork.Child("privateEndpointSubnet")}
	if p.layout != nil {
		site.Subnet = p.layout.PrivateEndpoints
	}
	*ps = append(*ps, p.private.Validate(pathNetwork, site)...)
}
