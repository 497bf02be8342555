package components

import (
	"fmt"
	"maps"
	"net/netip"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

// AmlComputeInVnetType is the type token of AmlComputeInVnet.
const AmlComputeInVnetType = "amlvnet:index:AmlComputeInVnet"

// Defaults of AmlComputeSpec and AttachSpec.
const (
	DefaultComputeName             = "cpucluster"
	DefaultComputeVMSize           = "STANDARD_D2_V2"
	DefaultComputeVMPriority       = "Dedicated"
	DefaultComputeMaxNodes         = 4
	DefaultIdleTimeBeforeScaleDown = "PT120S"
	DefaultAdminUser               = "azureuser"
	DefaultRulePriority            = 100
	DefaultSSHPort                 = 22
)

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

// AmlComputeSpec configures the training cluster in the training subnet,
// its NSG rules and its forced-tunneling routes. In the root program it is
// amlvnet:compute.
type AmlComputeSpec struct {
	// Name of the cluster (2-16 characters). Optional. Defaults to "cpucluster".
	Name string `json:"name,omitempty" pulumi:"name,optional"`
	// VMSize of the nodes. Optional. Defaults to "STANDARD_D2_V2".
	VMSize string `json:"vmSize,omitempty" pulumi:"vmSize,optional"`
	// VMPriority is Dedicated or LowPriority. Optional. Defaults to "Dedicated".
	VMPriority string `json:"vmPriority,omitempty" pulumi:"vmPriority,optional"`
	// MinNodes of the cluster. Optional. Defaults to 0.
	MinNodes int `json:"minNodes,omitempty" pulumi:"minNodes,optional"`
	// MaxNodes of the cluster; the subnet must hold them. Optional. Defaults to 4.
	MaxNodes *int `json:"maxNodes,omitempty" pulumi:"maxNodes,optional"`
	// IdleTimeBeforeScaleDown as an ISO 8601 duration. Optional. Defaults to "PT120S".
	IdleTimeBeforeScaleDown string `json:"idleTimeBeforeScaleDown,omitempty" pulumi:"idleTimeBeforeScaleDown,optional"`

	// SSHAccess opens remote login on the nodes and TCP 22 from SSHSources.
	// Optional. Defaults to false: no SSH.
	SSHAccess bool `json:"sshAccess,omitempty" pulumi:"sshAccess,optional"`
	// SSHSources may reach TCP 22 when SSHAccess. Required then; never
	// "Internet", "*" or 0.0.0.0/0.
	SSHSources []string `json:"sshSources,omitempty" pulumi:"sshSources,optional"`
	// AdminUser of the nodes. Optional. Defaults to "azureuser".
	AdminUser string `json:"adminUser,omitempty" pulumi:"adminUser,optional"`
	// SSHPublicKey of AdminUser: it or AdminPassword is required when SSHAccess.
	SSHPublicKey string `json:"sshPublicKey,omitempty" pulumi:"sshPublicKey,optional"`
	// AdminPassword of AdminUser, a secret: it or SSHPublicKey is required
	// when SSHAccess.
	AdminPassword pulumi.StringInput `json:"adminPassword,omitempty" pulumi:"adminPassword,optional" provider:"secret"`

	// Outbound is "default" or "restricted". Optional. Defaults to "default".
	Outbound string `json:"outbound,omitempty" pulumi:"outbound,optional"`
	// ForcedTunneling adds routes with next hop Internet for
	// BatchNodeManagement.<region> and AzureMachineLearning to the training
	// subnet's route table. Optional. Defaults to false.
	ForcedTunneling bool `json:"forcedTunneling,omitempty" pulumi:"forcedTunneling,optional"`
	// BatchPrefixes replace the BatchNodeManagement.<region> service-tag
	// route by one route per prefix, e.g. from Microsoft's weekly "Azure IP
	// Ranges and Service Tags" file. Optional.
	BatchPrefixes []string `json:"batchPrefixes,omitempty" pulumi:"batchPrefixes,optional"`
	// MachineLearningPrefixes replace the AzureMachineLearning service-tag
	// route likewise. Optional.
	MachineLearningPrefixes []string `json:"machineLearningPrefixes,omitempty" pulumi:"machineLearningPrefixes,optional"`
	// TunnelStorage makes forced tunneling route Storage.<region> to the
	// Internet too, past the on-premises appliance. Microsoft warns the
	// Storage tag can carry data out of the network ("Configure inbound and
	// outbound network traffic"), so it is opt-in. Optional. Defaults to false.
	TunnelStorage bool `json:"tunnelStorage,omitempty" pulumi:"tunnelStorage,optional"`
	// NatGateway gives the training subnet a NAT gateway for outbound
	// traffic: nodes without a public IP have no Internet access otherwise,
	// as Azure retires default outbound access for new VNets. The Network
	// component creates it. Optional. Defaults to true when PublicIP is
	// false, else false.
	NatGateway *bool `json:"natGateway,omitempty" pulumi:"natGateway,optional"`
	// PublicIP false gives the nodes no public IP (network isolation with
	// private endpoints): no inbound rule is needed, the outbound rules of
	// the current docs are added, and forced tunneling routes them all.
	// Optional. Defaults to true, as in the 2019 article.
	PublicIP *bool `json:"publicIp,omitempty" pulumi:"publicIp,optional"`
	// RulePriority is the priority of the first NSG rule; the others follow
	// in steps of 10. Optional. Defaults to 100.
	RulePriority *int `json:"rulePriority,omitempty" pulumi:"rulePriority,optional"`
	// Location of the cluster, an Azure region. Optional. Defaults to the
	// workspace's. It must be the workspace's: in a managed network Azure
	// refuses a cluster in another region, and in a VNet of ours the
	// cluster sits in its VNet's region, which is the workspace's.
	Location string `json:"location,omitempty" pulumi:"location,optional"`
}

// AttachSpec is an existing Ubuntu VM or HDInsight cluster the workspace uses
// for training over SSH. In the root program it is an entry of amlvnet:attach.
type AttachSpec struct {
	// Name of the compute in the workspace (2-16 characters). Required.
	Name string `json:"name" pulumi:"name"`
	// Kind is VirtualMachine or HDInsight. Required.
	Kind string `json:"kind" pulumi:"kind"`
	// ResourceID is the ARM ID of the VM or cluster. Required.
	ResourceID string `json:"resourceId" pulumi:"resourceId"`
	// Address is what Azure ML connects to over SSH: the machine's public
	// IP or DNS name (the master node's for HDInsight). Azure ML connects
	// from its own addresses and cannot reach a private address in the VNet
	// (Compute REST API, VirtualMachineSchemaProperties.address). Required.
	Address string `json:"address" pulumi:"address"`
	// PrivateAddress is the machine's IP inside the training subnet, the
	// destination of the NSG rule that lets Azure ML in. Optional: without
	// it the rule's destination is the whole training subnet.
	PrivateAddress string `json:"privateAddress,omitempty" pulumi:"privateAddress,optional"`
	// SSHUser for SSH. Required.
	SSHUser string `json:"sshUser" pulumi:"sshUser"`
	// SSHPassword of SSHUser: it or SSHPrivateKey is required. Sent to
	// Azure and kept in state only as a secret.
	SSHPassword pulumi.StringInput `json:"sshPassword,omitempty" pulumi:"sshPassword,optional" provider:"secret"`
	// SSHPrivateKey of SSHUser: it or SSHPassword is required. Sent to
	// Azure and kept in state only as a secret.
	SSHPrivateKey pulumi.StringInput `json:"sshPrivateKey,omitempty" pulumi:"sshPrivateKey,optional" provider:"secret"`
	// SSHPort of the machine, which the NSG rule opens. Optional. Defaults to 22.
	SSHPort *int `json:"sshPort,omitempty" pulumi:"sshPort,optional"`
}

// WithDefaults returns the spec with its documented defaults filled in.
func (s AmlComputeSpec) WithDefaults() AmlComputeSpec {
	if s.Name == "" {
		s.Name = DefaultComputeName
	}
	if s.VMSize == "" {
		s.VMSize = DefaultComputeVMSize
	}
	if s.VMPriority == "" {
		s.VMPriority = DefaultComputeVMPriority
	}
	if s.MaxNodes == nil {
		s.MaxNodes = ptr(DefaultComputeMaxNodes)
	}
	if s.IdleTimeBeforeScaleDown == "" {
		s.IdleTimeBeforeScaleDown = DefaultIdleTimeBeforeScaleDown
	}
	if s.AdminUser == "" {
		s.AdminUser = DefaultAdminUser
	}
	if s.Outbound == "" {
		s.Outbound = OutboundDefault
	}
	if s.PublicIP == nil {
		s.PublicIP = ptr(true)
	}
	if s.NatGateway == nil {
		s.NatGateway = ptr(!*s.PublicIP)
	}
	if s.RulePriority == nil {
		s.RulePriority = ptr(DefaultRulePriority)
	}
	return s
}

// port is the SSH port, or its default.
func (a AttachSpec) port() int {
	if a.SSHPort == nil {
		return DefaultSSHPort
	}
	return *a.SSHPort
}

// ComputeSite is where a training cluster goes, as its validation needs it.
type ComputeSite struct {
	// Region is the canonical Azure region; "" skips the checks that need
	// it (the caller reports the bad location).
	Region string
	// Subnet is the training subnet's range; the zero Prefix skips the
	// capacity and address checks (the caller reports the bad subnet).
	Subnet netip.Prefix
	// Attached are the machines attached over SSH from the same subnet, as
	// named at AttachedPath.
	Attached     []AttachSpec
	AttachedPath *Path
	// ExistingRules are the rules already on the subnet's NSG (an adopted
	// subnet's own), and DefaultRoute the next hop of its own default route.
	ExistingRules []ExistingRule
	DefaultRoute  string
	// ManagedNetwork: the cluster runs in the workspace's managed virtual
	// network, which Azure ML runs: no subnet of ours (Subnet stays zero), no
	// public IP, NSG rule or route, and no attached machine.
	ManagedNetwork bool
}

var (
	vmSizePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	isoDuration   = regexp.MustCompile(`^P(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$`)
	vmResourceID  = regexp.MustCompile(`(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Compute/virtualMachines/[^/]+$`)
	hdiResourceID = regexp.MustCompile(`(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.HDInsight/clusters/[^/]+$`)
)

// Validate reports every problem of the spec and of the attached machines,
// the spec's named below p and the machines' below site.AttachedPath.
func (s AmlComputeSpec) Validate(p *Path, site ComputeSite) Problems {
	given := s
	s = s.WithDefaults()
	var ps Problems
	computeName.check(&ps, p.Child("name"), s.Name)
	if !vmSizePattern.MatchString(s.VMSize) {
		ps.Add(p.Child("vmSize"), "%q is not a VM size name such as STANDARD_D2_V2", s.VMSize)
	}
	warnRetiredSize(&ps, p.Child("vmSize"), s.VMSize)
	if s.VMPriority != string(azureml.VmPriorityDedicated) && s.VMPriority != string(azureml.VmPriorityLowPriority) {
		ps.Add(p.Child("vmPriority"), "%q is not allowed; use Dedicated or LowPriority", s.VMPriority)
	}
	maxNodes := *s.MaxNodes
	if s.MinNodes < 0 {
		ps.Add(p.Child("minNodes"), "is %d; it cannot be negative", s.MinNodes)
	}
	if maxNodes < 1 {
		ps.Add(p.Child("maxNodes"), "is %d; a cluster needs at least 1 node (leave it out for the default, %d)", maxNodes, DefaultComputeMaxNodes)
	}
	if maxNodes >= 1 && s.MinNodes > maxNodes {
		ps.Add(p.Child("minNodes"), "is %d, above maxNodes (%d); minNodes must be <= maxNodes", s.MinNodes, maxNodes)
	}
	if !isoDuration.MatchString(s.IdleTimeBeforeScaleDown) || s.IdleTimeBeforeScaleDown == "P" || strings.HasSuffix(s.IdleTimeBeforeScaleDown, "T") {
		ps.Add(p.Child("idleTimeBeforeScaleDown"), "%q is not an ISO 8601 duration such as PT120S or PT15M", s.IdleTimeBeforeScaleDown)
	}

	if s.SSHAccess {
		if len(s.SSHSources) == 0 {
			ps.Add(p.Child("sshSources"), "is required when sshAccess is true: name the CIDRs that may reach TCP 22 (never the whole Internet)")
		}
		if s.SSHPublicKey == "" && s.AdminPassword == nil {
			ps.Add(p.Child("sshPublicKey"), "sshAccess needs an admin SSH public key or an adminPassword (secret)")
		}
	} else if len(s.SSHSources) > 0 {
		ps.Add(p.Child("sshSources"), "has no effect while sshAccess is false; remove it or turn sshAccess on")
	}
	for i, src := range s.SSHSources {
		if isOpenToAll(src) {
			ps.Add(p.Child("sshSources").Index(i), "%q opens SSH to the whole Internet; give the CIDRs of your bastion or office", src)
		} else if _, err := parseAddrOrPrefix(src); err != nil {
			ps.Add(p.Child("sshSources").Index(i), "%v", err)
		}
	}

	if site.DefaultRoute != "" && site.DefaultRoute != "Internet" && !s.ForcedTunneling {
		ps.Warn(p.Child("forcedTunneling"), "is false, but the training subnet's route table sends 0.0.0.0/0 to %s: Batch and Azure ML traffic then goes through it, which Azure ML does not support; set forcedTunneling to add the Internet routes they need", site.DefaultRoute)
	}
	if s.TunnelStorage && !s.ForcedTunneling {
		ps.Add(p.Child("tunnelStorage"), "has no effect while forcedTunneling is false; remove it or set forcedTunneling to true")
	}
	if s.Outbound != OutboundDefault && s.Outbound != OutboundRestricted {
		ps.Add(p.Child("outbound"), "%q is not allowed; use %q or %q", s.Outbound, OutboundDefault, OutboundRestricted)
	}
	for _, list := range []struct {
		field    string
		prefixes []string
	}{{"batchPrefixes", s.BatchPrefixes}, {"machineLearningPrefixes", s.MachineLearningPrefixes}} {
		if len(list.prefixes) > 0 && !s.ForcedTunneling {
			ps.Add(p.Child(list.field), "has no effect while forcedTunneling is false; remove it or set forcedTunneling to true")
		}
		for i, cidr := range list.prefixes {
			prefix, err := netplan.ParsePrefix(cidr)
			if err != nil {
				ps.Add(p.Child(list.field).Index(i), "%v", err)
			} else if reason, bad := netplan.NonPublicReason(prefix); bad {
				ps.Add(p.Child(list.field).Index(i), "%s is in %s; Azure's service-tag prefixes are public addresses", cidr, reason)
			}
		}
	}

	if site.Region != "" {
		if n := len(s.routes(site.Region)); n > netplan.MaxRoutesPerTable {
			ps.Add(p.Child("forcedTunneling"), "needs %d routes, but a route table takes at most %d; route the service tags instead of their prefixes", n, netplan.MaxRoutesPerTable)
		}
	}
	if s.Location != "" {
		checkComputeLocation(&ps, p.Child("location"), s.Location, site)
	}
	if site.ManagedNetwork {
		given.validateInManagedNetwork(&ps, p, site)
		return ps
	}
	inSubnet := validateAttached(&ps, site, s.Name)
	if site.Subnet.IsValid() && maxNodes >= 1 {
		if err := netplan.CheckSubnetCapacity(site.Subnet, maxNodes+inSubnet); err != nil {
			ps.Add(p.Child("maxNodes"), "%d nodes + %d attached machines do not fit the training subnet: %v", maxNodes, inSubnet, err)
		}
	}
	if site.Region != "" {
		checkRulePriorities(&ps, p.Child("rulePriority"), *s.RulePriority, s.rules(site.Region, site.Attached, site.Subnet), site.ExistingRules)
	}
	return ps
}

// checkComputeLocation: a cluster is in its workspace's region.
func checkComputeLocation(ps *Problems, p *Path, location string, site ComputeSite) {
	region, err := netplan.CanonicalRegion(location)
	switch {
	case err != nil:
		ps.Add(p, "%v", err)
	case site.Region == "" || region == site.Region:
	case site.ManagedNetwork:
		// "A compute cluster can't be in a different region from the
		// workspace" when it uses the managed network
		// (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network, limitations).
		ps.Add(p, "is %s but the workspace is in %s: Azure refuses a compute cluster in another region than its workspace in a managed virtual network; remove it or set it to %s", region, site.Region, site.Region)
	default:
		ps.Add(p, "is %s but the workspace and its VNet are in %s: a cluster must be in its VNet's region; remove it or set it to %s", region, site.Region, site.Region)
	}
}

// validateInManagedNetwork refuses what a cluster in a managed network
// cannot have: whatever needs a subnet, NSG or route table of ours, a public
// IP, and attached machines, which Azure does not support there. s is the
// spec as given: a default is no request.
func (s AmlComputeSpec) validateInManagedNetwork(ps *Problems, p *Path, site ComputeSite) {
	refuse := func(field, why string) {
		ps.Add(p.Child(field), "is not possible in the workspace's managed network: %s; remove it", why)
	}
	if s.SSHAccess {
		refuse("sshAccess", "SSH needs a public IP and an NSG rule of ours, and nodes there have neither")
	}
	if s.Outbound == OutboundRestricted {
		refuse("outbound", "outbound traffic is the managed network's, set by its outbound mode and rules")
	}
	if s.ForcedTunneling {
		refuse("forcedTunneling", "the managed network has no route table of ours")
	}
	if s.TunnelStorage && s.ForcedTunneling {
		refuse("tunnelStorage", "the managed network has no route table of ours")
	}
	if s.PublicIP != nil && *s.PublicIP {
		refuse("publicIp", "its nodes get no public IP")
	}
	if s.NatGateway != nil && *s.NatGateway {
		refuse("natGateway", "Azure runs the network's outbound path")
	}
	if s.RulePriority != nil {
		refuse("rulePriority", "there is no NSG of ours")
	}
	if len(site.Attached) > 0 {
		// "Kubernetes compute and attached VMs are not supported in a
		// managed virtual network" (how-to-managed-network, limitations).
		ps.Add(site.AttachedPath, "attached VMs and HDInsight clusters are not supported in a workspace's managed virtual network (Azure ML); remove them, or use isolation %s or %s", IsolationServiceEndpoints, IsolationPrivateEndpoints)
	}
}

// validateAttached checks the attached machines of site and returns how many
// of them take an address of the training subnet.
func validateAttached(ps *Problems, site ComputeSite, clusterName string) int {
	names := map[string]string{strings.ToLower(clusterName): "the training cluster"}
	addresses := map[netip.Addr]string{}
	inSubnet := 0
	for i, at := range site.Attached {
		p := site.AttachedPath.Index(i)
		computeName.check(ps, p.Child("name"), at.Name)
		if first, dup := names[strings.ToLower(at.Name)]; dup && at.Name != "" {
			ps.Add(p.Child("name"), "%q is already used by %s; compute names are unique in a workspace, pick another", at.Name, first)
		}
		names[strings.ToLower(at.Name)] = p.String()
		switch at.Kind {
		case AttachVirtualMachine:
			if !vmResourceID.MatchString(at.ResourceID) {
				ps.Add(p.Child("resourceId"), "%q is not a VM ID (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<name>)", at.ResourceID)
			}
		case AttachHDInsight:
			if !hdiResourceID.MatchString(at.ResourceID) {
				ps.Add(p.Child("resourceId"), "%q is not an HDInsight cluster ID (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.HDInsight/clusters/<name>)", at.ResourceID)
			}
		default:
			ps.Add(p.Child("kind"), "%q is not a kind we can attach; use %s or %s", at.Kind, AttachVirtualMachine, AttachHDInsight)
		}
		checkConnectAddress(ps, p.Child("address"), at.Address)
		if at.PrivateAddress == "" {
			// The NSG rule then admits Azure ML to the whole subnet.
		} else if addr, err := netplan.ParseAddr(at.PrivateAddress); err != nil {
			ps.Add(p.Child("privateAddress"), "%v", err)
		} else if subnet := site.Subnet; subnet.IsValid() {
			if !subnet.Contains(addr) {
				ps.Add(p.Child("privateAddress"), "%s is outside the training subnet %s; attached machines must sit in it", addr, subnet)
			} else if reserved, why := azureReserved(subnet, addr); reserved {
				ps.Add(p.Child("privateAddress"), "%s is %s of %s, which Azure keeps for itself", addr, why, subnet)
			} else if first, dup := addresses[addr]; dup {
				ps.Add(p.Child("privateAddress"), "%s is also the address of %s; each attached machine has its own IP", addr, first)
			} else {
				addresses[addr] = p.String()
				inSubnet++
			}
		}
		if at.SSHUser == "" {
			ps.Add(p.Child("sshUser"), "is required")
		}
		if at.SSHPassword == nil && at.SSHPrivateKey == nil {
			ps.Add(p.Child("sshPassword"), "an SSH password or private key (a secret) is required to attach %s", orText(at.Name, "the machine"))
		}
		if port := at.port(); port < 1 || port > 65535 {
			ps.Add(p.Child("sshPort"), "is %d; use a TCP port 1-65535", port)
		}
	}
	return inSubnet
}

var dnsName = regexp.MustCompile(`^(?i)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$`)

// checkConnectAddress accepts a public IPv4 address or a DNS name: where
// Azure ML connects over SSH from outside the VNet.
func checkConnectAddress(ps *Problems, p *Path, address string) {
	if address == "" {
		ps.Add(p, "is required: the machine's public IP or DNS name, which Azure ML connects to over SSH")
		return
	}
	if addr, err := netplan.ParseAddr(address); err == nil {
		if reason, private := netplan.NonPublicReason(netip.PrefixFrom(addr, 32)); private {
			ps.Add(p, "%s is in %s: Azure ML connects from its own addresses and cannot reach it; give the machine's public IP or DNS name here, and its private IP as privateAddress", address, reason)
		}
		return
	}
	// A top-level domain is never all digits, so "10.20.0.300" is a typo,
	// not a name.
	tld := address[strings.LastIndex(address, ".")+1:]
	if len(address) > 253 || !dnsName.MatchString(address) || strings.Trim(tld, "0123456789") == "" {
		ps.Add(p, "%q is neither an IPv4 address nor a DNS name; give the machine's public IP or DNS name", address)
	}
}

// azureReserved tells whether addr is one of the 5 addresses Azure keeps in
// every subnet: the first four and the last.
func azureReserved(subnet netip.Prefix, addr netip.Addr) (bool, string) {
	a := subnet.Masked().Addr()
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

// attachedRules let Azure ML reach the attached machines over SSH, one rule
// per SSH port: to their private addresses, or to the whole subnet when one
// of them has none (2019 article: source AzureMachineLearning, any protocol).
func attachedRules(attached []AttachSpec, subnet netip.Prefix) []securityRule {
	byPort := map[int][]AttachSpec{}
	for _, at := range attached {
		byPort[at.port()] = append(byPort[at.port()], at)
	}
	var out []securityRule
	for _, port := range slices.Sorted(maps.Keys(byPort)) {
		name := "AllowAzureMachineLearningSshToAttached"
		if port != DefaultSSHPort {
			name += strconv.Itoa(port)
		}
		var dests []string
		for _, at := range byPort[port] {
			if at.PrivateAddress == "" {
				dests = []string{subnet.String()}
				break
			}
			dests = append(dests, at.PrivateAddress)
		}
		out = append(out, securityRule{Name: name, Protocol: "*", Source: "AzureMachineLearning", Destinations: dests, Ports: []string{strconv.Itoa(port)},
			Why: "Azure ML drives attached VMs and HDInsight over SSH (2019 article)"})
	}
	return out
}

// rules returns the NSG rules of a defaulted spec, with their priorities.
func (s AmlComputeSpec) rules(region string, attached []AttachSpec, subnet netip.Prefix) []securityRule {
	var in []securityRule
	// Nodes without a public IP are reached through the private endpoint
	// and Batch's private link: no inbound rule at all (current docs).
	if *s.PublicIP {
		in = append(in,
			securityRule{Name: "AllowBatchNodeManagementInbound", Protocol: "Tcp", Source: "BatchNodeManagement", Destination: "VirtualNetwork", Ports: []string{"29876-29877"},
				Why: "Batch service reaches the compute nodes (2019 article)"},
			securityRule{Name: "AllowAzureMachineLearningInbound", Protocol: "Tcp", Source: "AzureMachineLearning", Destination: "VirtualNetwork", Ports: []string{"44224"},
				Why: "Azure ML reaches compute nodes that have a public IP (current docs)"})
	}
	if s.SSHAccess {
		for i, src := range s.SSHSources {
			in = append(in, securityRule{Name: fmt.Sprintf("AllowSshInbound%d", i), Protocol: "Tcp", Source: src, Destination: "VirtualNetwork", Ports: []string{"22"},
				Why: "remote login to the nodes, asked for with sshAccess"})
		}
	}
	in = append(in, attachedRules(attached, subnet)...)
	in = prioritize(in, "Inbound", "Allow", *s.RulePriority)
	// Without a public IP the nodes reach these services through the
	// outbound rules of the current docs, restricted or not.
	if s.Outbound != OutboundRestricted && *s.PublicIP {
		return in
	}
	tag := func(base string) string {
		t, _ := netplan.RegionalTag(base, region)
		return t
	}
	out := prioritize([]securityRule{
		{Name: "AllowStorageOutbound", Protocol: "Tcp", Destination: tag("Storage"), Ports: []string{"443", "445"}, Why: "workspace storage (2019 article; 445 for file shares, current docs)"},
		{Name: "AllowContainerRegistryOutbound", Protocol: "Tcp", Destination: tag("AzureContainerRegistry"), Ports: []string{"443"}, Why: "workspace images (2019 article)"},
		{Name: "AllowAzureMachineLearningOutbound", Protocol: "Tcp", Destination: "AzureMachineLearning", Ports: []string{"443", "8787", "18881"}, Why: "the ML service (2019 article; ports from current docs)"},
		{Name: "AllowAzureMachineLearningUdpOutbound", Protocol: "Udp", Destination: "AzureMachineLearning", Ports: []string{"5831"}, Why: "the ML service (current docs)"},
		{Name: "AllowAzureActiveDirectoryOutbound", Protocol: "Tcp", Destination: "AzureActiveDirectory", Ports: []string{"80", "443"}, Why: "identity tokens (current docs)"},
		{Name: "AllowAzureResourceManagerOutbound", Protocol: "Tcp", Destination: "AzureResourceManager", Ports: []string{"443"}, Why: "management calls (current docs)"},
		{Name: "AllowBatchNodeManagementOutbound", Protocol: "Tcp", Destination: tag("BatchNodeManagement"), Ports: []string{"443"}, Why: "Batch node agent (current docs)"},
		{Name: "AllowMicrosoftContainerRegistryOutbound", Protocol: "Tcp", Destination: "MicrosoftContainerRegistry", Ports: []string{"443"}, Why: "Microsoft's base images (current docs)"},
		{Name: "AllowFrontDoorFirstPartyOutbound", Protocol: "Tcp", Destination: "AzureFrontDoor.FirstParty", Ports: []string{"443"}, Why: "Microsoft's image content delivery (current docs)"},
		{Name: "AllowFrontDoorFrontEndOutbound", Protocol: "Tcp", Destination: "AzureFrontDoor.FrontEnd", Ports: []string{"443"}, Why: "the studio and AutoML images (current docs)"},
		{Name: "AllowAzureMonitorOutbound", Protocol: "Tcp", Destination: "AzureMonitor", Ports: []string{"443"}, Why: "metrics, logs and support logs (current docs)"},
	}, "Outbound", "Allow", *s.RulePriority)
	// The restricted-outbound service tags of "Configure inbound and
	// outbound network traffic"
	// (https://learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall).
	// VirtualNetwork needs no rule: only Internet is denied, and Azure's
	// default AllowVnetOutBound still lets traffic reach the private
	// endpoints. Keyvault.<region> is only for hbi_workspace workspaces,
	// which these are not. AzureFrontDoor.FrontEnd is not needed in Azure
	// operated by 21Vianet.
	if netplan.RegionCloud(region) == netplan.CloudChina {
		out = slices.DeleteFunc(out, func(r securityRule) bool { return r.Destination == "AzureFrontDoor.FrontEnd" })
	}
	for i := range out {
		out[i].Source = "VirtualNetwork"
	}
	if s.Outbound == OutboundRestricted {
		out = append(out, securityRule{Name: "DenyInternetOutbound", Direction: "Outbound", Access: "Deny", Protocol: "*", Source: "VirtualNetwork", Destination: "Internet", Ports: []string{"*"},
			Priority: netplan.MaxPriority, Why: "restricted outbound: everything not allowed above (2019 article)"})
	}
	return append(in, out...)
}

// route is one forced-tunneling route in plain values.
type route struct {
	Name, AddressPrefix string
}

// routes returns the forced-tunneling routes of a defaulted spec: next hop
// Internet for BatchNodeManagement.<region> and AzureMachineLearning, so
// their traffic does not go through the on-premises appliance (2019
// article; microsoft/AzureTRE #2645 for AzureMachineLearning).
func (s AmlComputeSpec) routes(region string) []route {
	if !s.ForcedTunneling {
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
	add("BatchNodeManagement", s.BatchPrefixes, "batch")
	add("AzureMachineLearning", s.MachineLearningPrefixes, "aml")
	tags := []string{}
	if s.TunnelStorage {
		storage, _ := netplan.RegionalTag("Storage", region)
		tags = append(tags, storage)
	}
	if !*s.PublicIP {
		// The services the outbound rules of a node without a public IP
		// allow must not go through the on-premises appliance either.
		// Both Front Door tags, as the outbound rules allow them (FrontEnd
		// outside Azure operated by 21Vianet only).
		tags = append(tags, "AzureActiveDirectory", "AzureResourceManager", "MicrosoftContainerRegistry", "AzureFrontDoor.FirstParty")
		if netplan.RegionCloud(region) != netplan.CloudChina {
			tags = append(tags, "AzureFrontDoor.FrontEnd")
		}
	}
	for _, t := range tags {
		out = append(out, route{Name: strings.ReplaceAll(t, ".", "-"), AddressPrefix: t})
	}
	return out
}

// AmlComputeInVnetArgs configures an AmlComputeInVnet.
type AmlComputeInVnetArgs struct {
	// Spec of the cluster. Optional: the zero Spec is a 0-4 node
	// STANDARD_D2_V2 cluster named "cpucluster" with default outbound.
	Spec AmlComputeSpec `pulumi:"spec,optional"`
	// Attached VMs and HDInsight clusters. Optional.
	Attached []AttachSpec `pulumi:"attached,optional"`
	// Location is the workspace's Azure region. Required.
	Location string `pulumi:"location"`
	// Workspace the compute belongs to. Required.
	Workspace WorkspaceRef
	// Subnet is the training subnet; its NSG receives the rules and, with
	// forced tunneling, its route table the routes. Required unless
	// ManagedNetwork, and empty then.
	Subnet SubnetRef
	// ManagedNetwork: the workspace has a managed virtual network and the
	// cluster runs in it, without a subnet of ours, public IP, NSG rules or
	// routes, and with no attached machine (MLWorkspaceSpec.ManagedNetwork).
	// Optional. Defaults to false.
	ManagedNetwork bool
	// Tags for the compute. Optional.
	Tags map[string]string `pulumi:"tags,optional"`
}

// Validate reports every problem of the args, each named by the path of its
// input, without registering anything; NewAmlComputeInVnet runs it first.
func (a *AmlComputeInVnetArgs) Validate() Problems {
	var ps Problems
	region := checkRegion(&ps, NewPath("location"), a.Location)
	ps = append(ps, a.Spec.Validate(NewPath("spec"), ComputeSite{
		Region: region, Subnet: a.Subnet.Prefix, Attached: a.Attached, AttachedPath: NewPath("attached"),
		ExistingRules: a.Subnet.ExistingRules, DefaultRoute: a.Subnet.DefaultRoute, ManagedNetwork: a.ManagedNetwork,
	})...)
	checkWorkspaceRef(&ps, NewPath("workspace"), a.Workspace)
	if a.ManagedNetwork {
		if !reflect.ValueOf(a.Subnet).IsZero() {
			ps.Add(NewPath("subnet"), "has no effect with managedNetwork: the cluster runs in the workspace's managed network, not in a subnet of ours; leave it empty")
		}
		return ps
	}
	checkSubnetRef(&ps, NewPath("subnet"), a.Subnet)
	if a.Spec.ForcedTunneling && a.Subnet.RouteTableName == nil {
		ps.Add(NewPath("subnet", "routeTableName"), "is required when forcedTunneling is true: the routes go in the subnet's route table")
	}
	return ps
}

// checkWorkspaceRef reports the handle's missing parts at p.
func checkWorkspaceRef(ps *Problems, p *Path, w WorkspaceRef) {
	if w.ResourceGroupName == nil {
		ps.Add(p.Child("resourceGroupName"), "is required")
	}
	if w.Name == nil {
		ps.Add(p.Child("name"), "is required")
	}
}

// AmlComputeInVnet is the training cluster and its network rules.
type AmlComputeInVnet struct {
	pulumi.ResourceState

	// ComputeID is the cluster's ARM ID in the workspace.
	ComputeID pulumi.StringOutput `pulumi:"computeId"`
	// ComputeName is the cluster's name in the workspace, which jobs name.
	ComputeName pulumi.StringOutput `pulumi:"computeName"`
	// ProvisioningState is the cluster's provisioning state.
	ProvisioningState pulumi.StringOutput `pulumi:"provisioningState"`
	// AttachedIDs are the ARM IDs of the attached computes, in the order given.
	AttachedIDs pulumi.StringArrayOutput `pulumi:"attachedIds"`
}

// NewAmlComputeInVnet validates args and creates the rules, routes, cluster
// and attachments.
func NewAmlComputeInVnet(ctx *pulumi.Context, name string, args *AmlComputeInVnetArgs, opts ...pulumi.ResourceOption) (*AmlComputeInVnet, error) {
	if args == nil {
		args = &AmlComputeInVnetArgs{}
	}
	if err := validated(ctx, "AmlComputeInVnet", args.Validate()); err != nil {
		return nil, err
	}
	spec := args.Spec.WithDefaults()
	region := mustRegion(args.Location)
	comp := &AmlComputeInVnet{}
	if err := ctx.RegisterComponentResource(AmlComputeInVnetType, name, comp, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(comp)
	var deps []pulumi.Resource
	if !args.ManagedNetwork {
		var err error
		if deps, err = newSecurityRules(ctx, name, args.Subnet, spec.rules(region, args.Attached, args.Subnet.Prefix), parent); err != nil {
			return nil, err
		}
	}
	var previous []pulumi.Resource
	for _, r := range spec.routes(region) {
		// One route at a time: concurrent writes to one route table conflict
		// like subnets do.
		rt, err := network.NewRoute(ctx, name+"-route-"+r.Name, &network.RouteArgs{
			ResourceGroupName: args.Subnet.routeTableGroup(),
			RouteTableName:    args.Subnet.RouteTableName,
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
		VmSize:     pulumi.String(spec.VMSize),
		VmPriority: pulumi.String(spec.VMPriority),
		OsType:     pulumi.String(string(azureml.OsTypeLinux)),
		ScaleSettings: &azureml.ScaleSettingsArgs{
			MaxNodeCount:                pulumi.Int(*spec.MaxNodes),
			MinNodeCount:                pulumi.Int(spec.MinNodes),
			NodeIdleTimeBeforeScaleDown: pulumi.String(spec.IdleTimeBeforeScaleDown),
		},
		EnableNodePublicIp:          pulumi.Bool(*spec.PublicIP),
		RemoteLoginPortPublicAccess: pulumi.String(string(azureml.RemoteLoginPortPublicAccessDisabled)),
	}
	description := "Training cluster in the VNet's training subnet"
	if args.ManagedNetwork {
		// The workspace's managed network places the nodes; without a public
		// IP they are reached through it only.
		props.EnableNodePublicIp = pulumi.Bool(false)
		description = "Training cluster in the workspace's managed network"
	} else {
		props.Subnet = &azureml.ResourceIdArgs{Id: args.Subnet.ID}
	}
	if spec.SSHAccess {
		props.RemoteLoginPortPublicAccess = pulumi.String(string(azureml.RemoteLoginPortPublicAccessEnabled))
		creds := &azureml.UserAccountCredentialsArgs{AdminUserName: pulumi.String(spec.AdminUser)}
		if spec.SSHPublicKey != "" {
			creds.AdminUserSshPublicKey = pulumi.String(spec.SSHPublicKey)
		}
		if spec.AdminPassword != nil {
			creds.AdminUserPassword = secretString(spec.AdminPassword)
		}
		props.UserAccountCredentials = creds
	}
	// The cluster waits for its rules and routes, and for what the
	// workspace needs first (its private endpoint and DNS zone group, which
	// a cluster without public IPs needs to reach it; Microsoft's
	// machine-learning-end-to-end-secure template orders it so).
	deps = append(deps, args.Workspace.Ready...)
	cluster, err := azureml.NewCompute(ctx, name+"-cluster", &azureml.ComputeArgs{
		ResourceGroupName: args.Workspace.ResourceGroupName,
		WorkspaceName:     args.Workspace.Name,
		ComputeName:       pulumi.String(spec.Name),
		Location:          pulumi.String(region),
		Properties: &azureml.AmlComputeArgs{
			ComputeType:     "AmlCompute",
			ComputeLocation: pulumi.String(region),
			Description:     pulumi.String(description),
			// Entra ID only, no keys, as Microsoft's secure workspace
			// template sets it (azure-quickstart-templates,
			// machine-learning-end-to-end-secure).
			DisableLocalAuth: pulumi.Bool(true),
			Properties:       props,
		},
		Tags: pulumi.ToStringMap(args.Tags),
	}, parent, pulumi.DependsOn(deps),
		// Azure ML accepts a PUT changing these and ignores it
		// (Azure/azure-rest-api-specs #18889): only a new cluster has them.
		pulumi.ReplaceOnChanges(clusterReplaceOnChanges))
	if err != nil {
		return nil, err
	}

	var attachedIDs pulumi.StringArray
	for _, at := range args.Attached {
		c, err := newAttachedCompute(ctx, name, region, args, at, parent, pulumi.DependsOn(deps))
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

// clusterReplaceOnChanges are the cluster settings that only a new cluster
// can have.
var clusterReplaceOnChanges = []string{
	"properties.properties.vmSize",
	"properties.properties.vmPriority",
	"properties.properties.subnet",
	"properties.properties.enableNodePublicIp",
}

// newAttachedCompute attaches one VM or HDInsight cluster to the workspace.
func newAttachedCompute(ctx *pulumi.Context, prefix, region string, args *AmlComputeInVnetArgs, at AttachSpec, opts ...pulumi.ResourceOption) (*azureml.Compute, error) {
	creds := &azureml.VirtualMachineSshCredentialsArgs{Username: pulumi.String(at.SSHUser)}
	if at.SSHPassword != nil {
		creds.Password = secretString(at.SSHPassword)
	}
	if at.SSHPrivateKey != nil {
		creds.PrivateKeyData = secretString(at.SSHPrivateKey)
	}
	var properties pulumi.Input
	if at.Kind == AttachHDInsight {
		properties = &azureml.HDInsightArgs{
			ComputeType:     "HDInsight",
			ResourceId:      pulumi.String(at.ResourceID),
			ComputeLocation: pulumi.String(region),
			Properties: &azureml.HDInsightPropertiesArgs{
				Address:              pulumi.String(at.Address),
				SshPort:              pulumi.Int(at.port()),
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
				SshPort:              pulumi.Int(at.port()),
				AdministratorAccount: creds,
			},
		}
	}
	return azureml.NewCompute(ctx, prefix+"-attach-"+at.Name, &azureml.ComputeArgs{
		ResourceGroupName: args.Workspace.ResourceGroupName,
		WorkspaceName:     args.Workspace.Name,
		ComputeName:       pulumi.String(at.Name),
		Location:          pulumi.String(region),
		Properties:        properties,
		Tags:              pulumi.ToStringMap(args.Tags),
	}, opts...)
}

// secretString keeps a credential secret whatever the caller passed in.
func secretString(in pulumi.StringInput) pulumi.StringOutput {
	return pulumi.ToSecret(in.ToStringOutput()).(pulumi.StringOutput)
}

func orText(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}
