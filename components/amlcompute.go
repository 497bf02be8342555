package components

import (
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

// AmlComputeInVnetType is the type token of AmlComputeInVnet.
const AmlComputeInVnetType = "amlvnet:index:AmlComputeInVnet"

// Outbound modes of the training subnet.
const (
	// OutboundDefault keeps Azure's default outbound rules (2019 article).
	OutboundDefault = "default"
	// OutboundRestricted denies the Internet and allows only the service tags
	// Azure ML needs (2019 article plus the current docs' additions).
	OutboundRestricted = "restricted"
)

// Kinds of attached compute.
const (
	AttachVirtualMachine = "VirtualMachine"
	AttachHDInsight      = "HDInsight"
)

// AttachedCompute is an existing Ubuntu VM or HDInsight cluster the workspace
// uses for training over SSH.
type AttachedCompute struct {
	// Name of the compute in the workspace (2-16 characters). Required.
	Name string
	// Kind is VirtualMachine or HDInsight. Required.
	Kind string
	// ResourceID is the ARM ID of the VM or cluster. Required.
	ResourceID string
	// Address is the machine's private IP, inside the training subnet. Required.
	Address string
	// SSHPort of the machine. Optional. Defaults to 22.
	SSHPort int
	// Username for SSH. Required.
	Username string
	// Password or PrivateKey for SSH: one is required. Pass them as Pulumi
	// secrets; they are sent to Azure and kept in state only as secrets.
	Password   pulumi.StringInput
	PrivateKey pulumi.StringInput
}

// AmlComputeInVnetArgs configures the training cluster in the training subnet,
// its NSG rules and routes, and the attached compute.
type AmlComputeInVnetArgs struct {
	// ResourceGroupName of the workspace. Required.
	ResourceGroupName pulumi.StringInput
	// WorkspaceName to create the compute in. Required.
	WorkspaceName pulumi.StringInput
	// Location is the workspace's Azure region. Required.
	Location string
	// SubnetID is the training subnet. Required.
	SubnetID pulumi.StringInput
	// SubnetPrefix is the training subnet's CIDR, used to check its capacity
	// and the attached machines' addresses. Required.
	SubnetPrefix string
	// NetworkResourceGroupName holds the NSG and route table. Optional.
	// Defaults to ResourceGroupName.
	NetworkResourceGroupName pulumi.StringInput
	// NsgName is the training subnet's NSG, which receives the rules. Required.
	NsgName pulumi.StringInput
	// RouteTableName is the training subnet's route table. Required when
	// ForcedTunneling.
	RouteTableName pulumi.StringInput

	// Name of the cluster (2-16 characters). Optional. Defaults to "cpucluster".
	Name string
	// VMSize of the nodes. Optional. Defaults to "STANDARD_D2_V2".
	VMSize string
	// VMPriority is Dedicated or LowPriority. Optional. Defaults to "Dedicated".
	VMPriority string
	// MinNodes of the cluster. Optional. Defaults to 0.
	MinNodes int
	// MaxNodes of the cluster; the subnet must hold them. Optional. Defaults to 4.
	MaxNodes int
	// IdleTimeBeforeScaleDown as an ISO 8601 duration. Optional. Defaults to "PT120S".
	IdleTimeBeforeScaleDown string

	// SSHAccess opens remote login on the nodes and NSG TCP 22 from
	// SSHSources. Optional. Defaults to false: no SSH.
	SSHAccess bool
	// SSHSources may reach TCP 22 when SSHAccess. Required then; never
	// "Internet", "*" or 0.0.0.0/0.
	SSHSources []string
	// AdminUser of the nodes. Optional. Defaults to "azureuser".
	AdminUser string
	// AdminSSHPublicKey or AdminPassword (a secret): one is required when
	// SSHAccess.
	AdminSSHPublicKey string
	AdminPassword     pulumi.StringInput

	// NoPublicIP gives the nodes no public IP (network isolation with private
	// endpoints): no inbound rule is needed, the outbound rules of the
	// current docs are added, and forced tunneling routes them all. Optional.
	// Defaults to false (nodes have a public IP, as in the 2019 article).
	NoPublicIP bool
	// Outbound is "default" or "restricted". Optional. Defaults to "default".
	Outbound string
	// ForcedTunneling adds routes with next hop Internet for
	// BatchNodeManagement.<region> and AzureMachineLearning to the route
	// table. Optional. Defaults to false.
	ForcedTunneling bool
	// BatchPrefixes replace the BatchNodeManagement.<region> service-tag route
	// by one route per prefix. Optional. See netplan.ServiceTagPrefixes to
	// read them from Microsoft's service-tags file.
	BatchPrefixes []string
	// MachineLearningPrefixes replace the AzureMachineLearning service-tag
	// route likewise. Optional.
	MachineLearningPrefixes []string

	// Attached VMs and HDInsight clusters. Optional.
	Attached []AttachedCompute

	// RulePriorityBase is the priority of the first NSG rule; the others
	// follow in steps of 10. Optional. Defaults to 100.
	RulePriorityBase int
	// Tags for the compute. Optional.
	Tags map[string]string
}

func (a *AmlComputeInVnetArgs) applyDefaults() {
	if a.Name == "" {
		a.Name = "cpucluster"
	}
	if a.VMSize == "" {
		a.VMSize = "STANDARD_D2_V2"
	}
	if a.VMPriority == "" {
		a.VMPriority = string(azureml.VmPriorityDedicated)
	}
	if a.MaxNodes == 0 {
		a.MaxNodes = 4
	}
	if a.IdleTimeBeforeScaleDown == "" {
		a.IdleTimeBeforeScaleDown = "PT120S"
	}
	if a.AdminUser == "" {
		a.AdminUser = "azureuser"
	}
	if a.Outbound == "" {
		a.Outbound = OutboundDefault
	}
	if a.RulePriorityBase == 0 {
		a.RulePriorityBase = 100
	}
	for i := range a.Attached {
		if a.Attached[i].SSHPort == 0 {
			a.Attached[i].SSHPort = 22
		}
	}
	if a.NetworkResourceGroupName == nil {
		a.NetworkResourceGroupName = a.ResourceGroupName
	}
}

var (
	vmSizePattern   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	isoDuration     = regexp.MustCompile(`^P(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$`)
	vmResourceID    = regexp.MustCompile(`(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Compute/virtualMachines/[^/]+$`)
	hdiResourceID   = regexp.MustCompile(`(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.HDInsight/clusters/[^/]+$`)
	openToAllSource = []string{"*", "internet", "any", "0.0.0.0/0"}
)

// Validate reports every problem in the Args.
func (a *AmlComputeInVnetArgs) Validate() error {
	a.applyDefaults()
	var ps problems
	for field, v := range map[string]pulumi.Input{"resourceGroupName": a.ResourceGroupName, "workspaceName": a.WorkspaceName, "subnetId": a.SubnetID, "nsgName": a.NsgName} {
		if v == nil {
			ps.add(field, "is required")
		}
	}
	region, err := netplan.CanonicalRegion(a.Location)
	if err != nil {
		ps.add("location", "%v", err)
	}
	computeName.check(&ps, "name", a.Name)
	if !vmSizePattern.MatchString(a.VMSize) {
		ps.add("vmSize", "%q is not a VM size name such as STANDARD_D2_V2", a.VMSize)
	}
	if a.VMPriority != string(azureml.VmPriorityDedicated) && a.VMPriority != string(azureml.VmPriorityLowPriority) {
		ps.add("vmPriority", "%q is not allowed; use Dedicated or LowPriority", a.VMPriority)
	}
	if a.MinNodes < 0 {
		ps.add("minNodes", "is %d; it cannot be negative", a.MinNodes)
	}
	if a.MaxNodes < 1 {
		ps.add("maxNodes", "is %d; a cluster needs at least 1 node", a.MaxNodes)
	}
	if a.MaxNodes >= 1 && a.MinNodes > a.MaxNodes {
		ps.add("minNodes", "is %d, above maxNodes (%d); minNodes must be <= maxNodes", a.MinNodes, a.MaxNodes)
	}
	if !isoDuration.MatchString(a.IdleTimeBeforeScaleDown) || a.IdleTimeBeforeScaleDown == "P" || strings.HasSuffix(a.IdleTimeBeforeScaleDown, "T") {
		ps.add("idleTimeBeforeScaleDown", "%q is not an ISO 8601 duration such as PT120S or PT15M", a.IdleTimeBeforeScaleDown)
	}

	var subnet netip.Prefix
	if a.SubnetPrefix == "" {
		ps.add("subnetPrefix", "is required to check the subnet's capacity")
	} else if subnet, err = netplan.ParsePrefix(a.SubnetPrefix); err != nil {
		ps.add("subnetPrefix", "%v", err)
	}

	if a.SSHAccess {
		if len(a.SSHSources) == 0 {
			ps.add("sshSources", "is required when sshAccess is true: name the CIDRs that may reach TCP 22 (never the whole Internet)")
		}
		if a.AdminSSHPublicKey == "" && a.AdminPassword == nil {
			ps.add("sshPublicKey", "sshAccess needs an admin SSH public key or an adminPassword (secret)")
		}
	} else if len(a.SSHSources) > 0 {
		ps.add("sshSources", "has no effect while sshAccess is false; remove it or turn sshAccess on")
	}
	for i, s := range a.SSHSources {
		f := fmt.Sprintf("sshSources[%d]", i)
		if slices.Contains(openToAllSource, strings.ToLower(s)) {
			ps.add(f, "%q opens SSH to the whole Internet; give the CIDRs of your bastion or office", s)
		} else if _, err := parseAddrOrPrefix(s); err != nil {
			ps.add(f, "%v", err)
		}
	}

	if a.Outbound != OutboundDefault && a.Outbound != OutboundRestricted {
		ps.add("outbound", "%q is not allowed; use %q or %q", a.Outbound, OutboundDefault, OutboundRestricted)
	}
	if a.ForcedTunneling && a.RouteTableName == nil {
		ps.add("routeTableName", "is required when forcedTunneling is true")
	}
	for _, list := range []struct {
		field    string
		prefixes []string
	}{{"batchPrefixes", a.BatchPrefixes}, {"machineLearningPrefixes", a.MachineLearningPrefixes}} {
		if len(list.prefixes) > 0 && !a.ForcedTunneling {
			ps.add(list.field, "has no effect while forcedTunneling is false; remove it or set forcedTunneling to true")
		}
		for i, s := range list.prefixes {
			f := fmt.Sprintf("%s[%d]", list.field, i)
			p, err := netplan.ParsePrefix(s)
			if err != nil {
				ps.add(f, "%v", err)
			} else if reason, bad := netplan.NonPublicReason(p); bad {
				ps.add(f, "%s is in %s; Azure's service-tag prefixes are public addresses", s, reason)
			}
		}
	}

	names := map[string]string{strings.ToLower(a.Name): "the training cluster"}
	addresses := map[netip.Addr]string{}
	attachedInSubnet := 0
	for i := range a.Attached {
		at := &a.Attached[i]
		prefix := fmt.Sprintf("attach[%d].", i)
		var aps problems
		computeName.check(&aps, "name", at.Name)
		if first, dup := names[strings.ToLower(at.Name)]; dup && at.Name != "" {
			aps.add("name", "%q is already used by %s; compute names are unique in a workspace, pick another", at.Name, first)
		}
		names[strings.ToLower(at.Name)] = fmt.Sprintf("attach[%d]", i)
		switch at.Kind {
		case AttachVirtualMachine:
			if !vmResourceID.MatchString(at.ResourceID) {
				aps.add("resourceId", "%q is not a VM ID (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<name>)", at.ResourceID)
			}
		case AttachHDInsight:
			if !hdiResourceID.MatchString(at.ResourceID) {
				aps.add("resourceId", "%q is not an HDInsight cluster ID (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.HDInsight/clusters/<name>)", at.ResourceID)
			}
		default:
			aps.add("kind", "%q is not a kind we can attach; use %s or %s", at.Kind, AttachVirtualMachine, AttachHDInsight)
		}
		if addr, err := netplan.ParseAddr(at.Address); err != nil {
			aps.add("address", "%v", err)
		} else if subnet.IsValid() {
			if !subnet.Contains(addr) {
				aps.add("address", "%s is outside the training subnet %s; attached machines must sit in it", addr, subnet)
			} else if reserved, why := azureReserved(subnet, addr); reserved {
				aps.add("address", "%s is %s of %s, which Azure keeps for itself", addr, why, subnet)
			} else if first, dup := addresses[addr]; dup {
				aps.add("address", "%s is also the address of %s; each attached machine has its own IP", addr, first)
			} else {
				addresses[addr] = fmt.Sprintf("attach[%d]", i)
				attachedInSubnet++
			}
		}
		if at.Username == "" {
			aps.add("sshUser", "is required")
		}
		if at.Password == nil && at.PrivateKey == nil {
			aps.add("sshPassword", "an SSH password or private key (a secret) is required to attach %s", orText(at.Name, "the machine"))
		}
		if at.SSHPort < 1 || at.SSHPort > 65535 {
			aps.add("sshPort", "is %d; use a TCP port 1-65535", at.SSHPort)
		}
		ps.addAll(prefix, aps)
	}

	if subnet.IsValid() && a.MaxNodes >= 1 {
		if err := netplan.CheckSubnetCapacity(subnet, a.MaxNodes+attachedInSubnet); err != nil {
			ps.add("maxNodes", "%d nodes + %d attached machines do not fit the training subnet: %v", a.MaxNodes, attachedInSubnet, err)
		}
	}
	if region != "" {
		checkRulePriorities(&ps, a.RulePriorityBase, a.rules(region))
	}
	return ps.err("AmlComputeInVnet")
}

// azureReserved tells whether addr is one of the 5 addresses Azure keeps in
// every subnet: the first four and the last.
func azureReserved(subnet netip.Prefix, addr netip.Addr) (bool, string) {
	first := subnet.Masked().Addr()
	a := first
	for i := 0; i < 4; i++ {
		if a == addr {
			return true, fmt.Sprintf("address %d", i)
		}
		a = a.Next()
	}
	if addr == netplan.LastAddr(subnet) {
		return true, "the last address"
	}
	return false, ""
}

// securityRule is one NSG rule in plain values, so the rule set can be listed,
// checked and tested before anything is registered.
type securityRule struct {
	Name        string
	Direction   string
	Priority    int
	Access      string
	Protocol    string
	Source      string
	Destination string
	Ports       []string
	// Destinations, when set, replaces Destination by a list.
	Destinations []string
	Why          string
}

// rules returns the NSG rules the Args call for, with their priorities.
func (a *AmlComputeInVnetArgs) rules(region string) []securityRule {
	var in []securityRule
	// Nodes without a public IP are reached through the private endpoint
	// and Batch's private link: no inbound rule at all (current docs).
	if !a.NoPublicIP {
		in = append(in,
			securityRule{Name: "AllowBatchNodeManagementInbound", Protocol: "Tcp", Source: "BatchNodeManagement", Destination: "VirtualNetwork", Ports: []string{"29876-29877"},
				Why: "Batch service reaches the compute nodes (2019 article)"},
			securityRule{Name: "AllowAzureMachineLearningInbound", Protocol: "Tcp", Source: "AzureMachineLearning", Destination: "VirtualNetwork", Ports: []string{"44224"},
				Why: "Azure ML reaches compute nodes that have a public IP (current docs)"})
	}
	if a.SSHAccess {
		for i, s := range a.SSHSources {
			in = append(in, securityRule{Name: fmt.Sprintf("AllowSshInbound%d", i), Protocol: "Tcp", Source: s, Destination: "VirtualNetwork", Ports: []string{"22"},
				Why: "remote login to the nodes, asked for with sshAccess"})
		}
	}
	var attached []string
	for _, at := range a.Attached {
		attached = append(attached, at.Address)
	}
	if len(attached) > 0 {
		in = append(in, securityRule{Name: "AllowAzureMachineLearningSshToAttached", Protocol: "*", Source: "AzureMachineLearning", Destinations: attached, Ports: []string{"22"},
			Why: "Azure ML drives attached VMs and HDInsight over SSH (2019 article)"})
	}
	for i := range in {
		in[i].Direction, in[i].Access, in[i].Priority = "Inbound", "Allow", a.RulePriorityBase+10*i
	}
	// Without a public IP the nodes reach these services through the
	// outbound rules of the current docs, restricted or not.
	if a.Outbound != OutboundRestricted && !a.NoPublicIP {
		return in
	}
	tag := func(base string) string {
		t, _ := netplan.RegionalTag(base, region)
		return t
	}
	out := []securityRule{
		{Name: "AllowStorageOutbound", Protocol: "Tcp", Destination: tag("Storage"), Ports: []string{"443", "445"}, Why: "workspace storage (2019 article; 445 for file shares, current docs)"},
		{Name: "AllowContainerRegistryOutbound", Protocol: "Tcp", Destination: tag("AzureContainerRegistry"), Ports: []string{"443"}, Why: "workspace images (2019 article)"},
		{Name: "AllowAzureMachineLearningOutbound", Protocol: "Tcp", Destination: "AzureMachineLearning", Ports: []string{"443", "8787", "18881"}, Why: "the ML service (2019 article; ports from current docs)"},
		{Name: "AllowAzureMachineLearningUdpOutbound", Protocol: "Udp", Destination: "AzureMachineLearning", Ports: []string{"5831"}, Why: "the ML service (current docs)"},
		{Name: "AllowAzureActiveDirectoryOutbound", Protocol: "Tcp", Destination: "AzureActiveDirectory", Ports: []string{"443"}, Why: "identity tokens (current docs)"},
		{Name: "AllowAzureResourceManagerOutbound", Protocol: "Tcp", Destination: "AzureResourceManager", Ports: []string{"443"}, Why: "management calls (current docs)"},
		{Name: "AllowBatchNodeManagementOutbound", Protocol: "Tcp", Destination: tag("BatchNodeManagement"), Ports: []string{"443"}, Why: "Batch node agent (current docs)"},
		{Name: "AllowMicrosoftContainerRegistryOutbound", Protocol: "Tcp", Destination: "MicrosoftContainerRegistry", Ports: []string{"443"}, Why: "Microsoft's base images (current docs)"},
		{Name: "AllowFrontDoorFirstPartyOutbound", Protocol: "Tcp", Destination: "AzureFrontDoor.FirstParty", Ports: []string{"443"}, Why: "Microsoft's image content delivery (current docs)"},
	}
	for i := range out {
		out[i].Direction, out[i].Access, out[i].Source, out[i].Priority = "Outbound", "Allow", "VirtualNetwork", a.RulePriorityBase+10*i
	}
	if a.Outbound != OutboundRestricted {
		return append(in, out...)
	}
	out = append(out, securityRule{Name: "DenyInternetOutbound", Direction: "Outbound", Access: "Deny", Protocol: "*", Source: "VirtualNetwork", Destination: "Internet", Ports: []string{"*"},
		Priority: netplan.MaxPriority, Why: "restricted outbound: everything not allowed above (2019 article)"})
	return append(in, out...)
}

func planRules(rules []securityRule) []netplan.Rule {
	out := make([]netplan.Rule, 0, len(rules))
	for _, r := range rules {
		out = append(out, netplan.Rule{Name: r.Name, Direction: r.Direction, Priority: r.Priority})
	}
	return out
}

// checkRulePriorities reports, in one problem, a rulePriority that puts the
// component's rules outside Azure's 100-4096 or on top of one another, and
// says which values would fit.
func checkRulePriorities(ps *problems, base int, rules []securityRule) {
	broken := netplan.CheckPriorities(planRules(rules))
	if len(broken) == 0 {
		return
	}
	// The allows of one direction step by 10 from the base and must stay
	// below any deny at the top of the range.
	perDirection := map[string]int{}
	for _, r := range rules {
		if r.Access != "Deny" {
			perDirection[r.Direction]++
		}
	}
	most := 0
	for _, n := range perDirection {
		most = max(most, n)
	}
	highest := netplan.MaxPriority - 1 - 10*(most-1)
	var names []string
	for _, b := range broken {
		names = append(names, b.Field)
	}
	ps.add("rulePriority", "is %d, which puts %d rule(s) (%s) outside 100-4096 or on top of another rule; use a value from %d to %d",
		base, len(broken), strings.Join(names, ", "), netplan.MinPriority, highest)
}

// secretString keeps a credential secret whatever the caller passed in.
func secretString(in pulumi.StringInput) pulumi.StringOutput {
	return pulumi.ToSecret(in.ToStringOutput()).(pulumi.StringOutput)
}

// newSecurityRules registers rules as standalone SecurityRule resources.
// Standalone only: mixing them with inline NSG rules makes the two fight
// (pulumi-azure-native #3359).
func newSecurityRules(ctx *pulumi.Context, prefix string, rg, nsgName pulumi.StringInput, rules []securityRule, opts ...pulumi.ResourceOption) ([]pulumi.Resource, error) {
	var out []pulumi.Resource
	for _, r := range rules {
		args := &network.SecurityRuleArgs{
			ResourceGroupName:        rg,
			NetworkSecurityGroupName: nsgName,
			SecurityRuleName:         pulumi.String(r.Name),
			Description:              pulumi.String(r.Why),
			Direction:                pulumi.String(r.Direction),
			Access:                   pulumi.String(r.Access),
			Protocol:                 pulumi.String(r.Protocol),
			Priority:                 pulumi.Int(r.Priority),
			SourceAddressPrefix:      pulumi.String(r.Source),
			SourcePortRange:          pulumi.String("*"),
		}
		if len(r.Destinations) > 0 {
			args.DestinationAddressPrefixes = pulumi.ToStringArray(r.Destinations)
		} else {
			args.DestinationAddressPrefix = pulumi.String(r.Destination)
		}
		if len(r.Ports) == 1 {
			args.DestinationPortRange = pulumi.String(r.Ports[0])
		} else {
			args.DestinationPortRanges = pulumi.ToStringArray(r.Ports)
		}
		res, err := network.NewSecurityRule(ctx, prefix+"-"+r.Name, args, opts...)
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

// route is one forced-tunneling route in plain values.
type route struct {
	Name, AddressPrefix string
}

// routes returns the forced-tunneling routes the Args call for: next hop
// Internet for BatchNodeManagement.<region> and AzureMachineLearning, so their
// traffic does not go through the on-premises appliance (2019 article;
// AzureTRE #2645 for AzureMachineLearning).
func (a *AmlComputeInVnetArgs) routes(region string) []route {
	if !a.ForcedTunneling {
		return nil
	}
	var out []route
	add := func(tagBase string, prefixes []string, namePrefix string) {
		if len(prefixes) == 0 {
			t, _ := netplan.RegionalTag(tagBase, region)
			if tagBase == "AzureMachineLearning" {
				t = tagBase
			}
			out = append(out, route{Name: strings.ReplaceAll(t, ".", "-"), AddressPrefix: t})
			return
		}
		for _, p := range prefixes {
			out = append(out, route{Name: namePrefix + "-" + strings.NewReplacer(".", "-", "/", "-").Replace(p), AddressPrefix: p})
		}
	}
	add("BatchNodeManagement", a.BatchPrefixes, "batch")
	add("AzureMachineLearning", a.MachineLearningPrefixes, "aml")
	if a.NoPublicIP {
		// The services the outbound rules of a node without a public IP
		// allow must not go through the on-premises appliance either.
		for _, tag := range []string{"Storage", "AzureActiveDirectory", "AzureResourceManager", "MicrosoftContainerRegistry", "AzureFrontDoor.FirstParty"} {
			t := tag
			if tag == "Storage" {
				t, _ = netplan.RegionalTag(tag, region)
			}
			out = append(out, route{Name: strings.ReplaceAll(t, ".", "-"), AddressPrefix: t})
		}
	}
	return out
}

// AmlComputeInVnet is the training cluster and its network rules.
type AmlComputeInVnet struct {
	pulumi.ResourceState

	ComputeID         pulumi.StringOutput      `pulumi:"computeId"`
	ComputeName       pulumi.StringOutput      `pulumi:"computeName"`
	ProvisioningState pulumi.StringOutput      `pulumi:"provisioningState"`
	AttachedIDs       pulumi.StringArrayOutput `pulumi:"attachedIds"`
}

// NewAmlComputeInVnet validates args and creates the rules, routes, cluster
// and attachments.
func NewAmlComputeInVnet(ctx *pulumi.Context, name string, args *AmlComputeInVnetArgs, opts ...pulumi.ResourceOption) (*AmlComputeInVnet, error) {
	if args == nil {
		args = &AmlComputeInVnetArgs{}
	}
	if err := args.Validate(); err != nil {
		return nil, err
	}
	region := mustRegion(args.Location)
	comp := &AmlComputeInVnet{}
	if err := ctx.RegisterComponentResource(AmlComputeInVnetType, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	deps, err := newSecurityRules(ctx, name, args.NetworkResourceGroupName, args.NsgName, args.rules(region), parent)
	if err != nil {
		return nil, err
	}
	var previous []pulumi.Resource
	for _, r := range args.routes(region) {
		// One route at a time: concurrent writes to one route table conflict
		// like subnets do.
		rt, err := network.NewRoute(ctx, name+"-route-"+r.Name, &network.RouteArgs{
			ResourceGroupName: args.NetworkResourceGroupName,
			RouteTableName:    args.RouteTableName,
			RouteName:         pulumi.String(r.Name),
			AddressPrefix:     pulumi.String(r.AddressPrefix),
			NextHopType:       pulumi.String(string(network.RouteNextHopTypeInternet)),
		}, parent, pulumi.DependsOn(previous))
		if err != nil {
			return nil, err
		}
		previous = []pulumi.Resource{rt}
		deps = append(deps, rt)
	}

	props := &azureml.AmlComputePropertiesArgs{
		VmSize:     pulumi.String(args.VMSize),
		VmPriority: pulumi.String(args.VMPriority),
		OsType:     pulumi.String(string(azureml.OsTypeLinux)),
		ScaleSettings: &azureml.ScaleSettingsArgs{
			MaxNodeCount:                pulumi.Int(args.MaxNodes),
			MinNodeCount:                pulumi.Int(args.MinNodes),
			NodeIdleTimeBeforeScaleDown: pulumi.String(args.IdleTimeBeforeScaleDown),
		},
		Subnet:                      &azureml.ResourceIdArgs{Id: args.SubnetID},
		EnableNodePublicIp:          pulumi.Bool(!args.NoPublicIP),
		RemoteLoginPortPublicAccess: pulumi.String(string(azureml.RemoteLoginPortPublicAccessDisabled)),
	}
	if args.SSHAccess {
		props.RemoteLoginPortPublicAccess = pulumi.String(string(azureml.RemoteLoginPortPublicAccessEnabled))
		creds := &azureml.UserAccountCredentialsArgs{AdminUserName: pulumi.String(args.AdminUser)}
		if args.AdminSSHPublicKey != "" {
			creds.AdminUserSshPublicKey = pulumi.String(args.AdminSSHPublicKey)
		}
		if args.AdminPassword != nil {
			creds.AdminUserPassword = secretString(args.AdminPassword)
		}
		props.UserAccountCredentials = creds
	}
	cluster, err := azureml.NewCompute(ctx, name+"-cluster", &azureml.ComputeArgs{
		ResourceGroupName: args.ResourceGroupName,
		WorkspaceName:     args.WorkspaceName,
		ComputeName:       pulumi.String(args.Name),
		Location:          pulumi.String(region),
		Properties: &azureml.AmlComputeArgs{
			ComputeType:     "AmlCompute",
			ComputeLocation: pulumi.String(region),
			Description:     pulumi.String("Training cluster in the VNet's training subnet"),
			Properties:      props,
		},
		Tags: pulumi.ToStringMap(args.Tags),
	}, parent, pulumi.DependsOn(deps))
	if err != nil {
		return nil, err
	}

	var attachedIDs pulumi.StringArray
	for _, at := range args.Attached {
		creds := &azureml.VirtualMachineSshCredentialsArgs{Username: pulumi.String(at.Username)}
		if at.Password != nil {
			creds.Password = secretString(at.Password)
		}
		if at.PrivateKey != nil {
			creds.PrivateKeyData = secretString(at.PrivateKey)
		}
		var properties pulumi.Input
		if at.Kind == AttachHDInsight {
			properties = &azureml.HDInsightArgs{
				ComputeType:     "HDInsight",
				ResourceId:      pulumi.String(at.ResourceID),
				ComputeLocation: pulumi.String(region),
				Properties: &azureml.HDInsightPropertiesArgs{
					Address:              pulumi.String(at.Address),
					SshPort:              pulumi.Int(at.SSHPort),
					AdministratorAccount: creds,
				},
			}
		} else {
			properties = &azureml.VirtualMachineArgs{
				ComputeType:     "VirtualMachine",
				ResourceId:      pulumi.String(at.ResourceID),
				ComputeLocation: pulumi.String(region),
				Properties: &azureml.VirtualMachineSchemaPropertiesArgs{
					Address:              pulumi.String(at.Address),
					SshPort:              pulumi.Int(at.SSHPort),
					AdministratorAccount: creds,
				},
			}
		}
		c, err := azureml.NewCompute(ctx, name+"-attach-"+at.Name, &azureml.ComputeArgs{
			ResourceGroupName: args.ResourceGroupName,
			WorkspaceName:     args.WorkspaceName,
			ComputeName:       pulumi.String(at.Name),
			Location:          pulumi.String(region),
			Properties:        properties,
			Tags:              pulumi.ToStringMap(args.Tags),
		}, parent, pulumi.DependsOn(deps))
		if err != nil {
			return nil, err
		}
		attachedIDs = append(attachedIDs, c.ID().ToStringOutput())
	}

	comp.ComputeID = cluster.ID().ToStringOutput()
	comp.ComputeName = cluster.Name
	comp.ProvisioningState = cluster.ProvisioningState()
	comp.AttachedIDs = attachedIDs.ToStringArrayOutput()
	if err := ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"computeId":         comp.ComputeID,
		"computeName":       comp.ComputeName,
		"provisioningState": comp.ProvisioningState,
		"attachedIds":       comp.AttachedIDs,
	}); err != nil {
		return nil, err
	}
	return comp, nil
}

func orText(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}
