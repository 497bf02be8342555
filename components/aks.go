package components

import (
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureml"
	"github.com/amlvnet/amlvnet/internal/netplan"
)

// AksInVnetType is the type token of AksInVnet.
const AksInVnetType = "amlvnet:index:AksInVnet"

// Defaults of AksSpec.
const (
	DefaultAksName          = "amlvnet-aks"
	DefaultAksComputeName   = "aks-inference"
	DefaultAksNodeCount     = 3
	DefaultAksVMSize        = "Standard_D4s_v3"
	DefaultAksMaxPods       = 30
	DefaultServiceCidr      = netplan.DefaultServiceCidr
	DefaultDNSServiceIP     = "10.0.0.10"
	DefaultDockerBridgeCidr = "172.17.0.1/16"
	// DefaultAksNamespace is the namespace a Kubernetes compute runs its
	// workloads in; Kubernetes creates it with every cluster.
	DefaultAksNamespace = "default"
)

// Compute types of AksSpec.ComputeType: how the cluster is attached to the
// workspace.
const (
	// AksComputeKubernetes is the Azure ML extension on the cluster and a
	// Kubernetes compute: v2 online endpoints, CLI/SDK v2
	// (https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-anywhere).
	AksComputeKubernetes = "Kubernetes"
	// AksComputeLegacy is the AKS compute of Azure ML CLI/SDK v1, which
	// cannot host v2 online endpoints.
	AksComputeLegacy = "AKS"
)

// Service types of the inference router (azureml-fe), as the extension
// takes them (inferenceRouterServiceType,
// https://learn.microsoft.com/azure/machine-learning/how-to-deploy-kubernetes-extension).
const (
	RouterLoadBalancer = "LoadBalancer"
	RouterNodePort     = "NodePort"
	RouterClusterIP    = "ClusterIP"
)

// DefaultScoringPorts are the ports of the scoring endpoint unless others are given.
var DefaultScoringPorts = []int{80, 443}

var (
	aksComputeTypes    = []string{AksComputeKubernetes, AksComputeLegacy}
	routerServiceTypes = []string{RouterLoadBalancer, RouterNodePort, RouterClusterIP}
)

// AksSpec configures an AKS cluster in the AKS subnet, attached to the
// workspace for inference. In the root program it is amlvnet:aks.
type AksSpec struct {
	// Name of the cluster. Optional. Defaults to "amlvnet-aks". Its DNS
	// prefix is derived from it (see dnsPrefix).
	Name string `json:"name,omitempty" pulumi:"name,optional"`
	// ComputeName of the inference compute in the workspace (2-16
	// characters). Optional. Defaults to "aks-inference".
	ComputeName string `json:"computeName,omitempty" pulumi:"computeName,optional"`
	// ComputeType is Kubernetes (the Azure ML extension and a Kubernetes
	// compute, for v2 online endpoints) or AKS (the legacy v1 attach).
	// Optional. Defaults to Kubernetes.
	ComputeType string `json:"computeType,omitempty" pulumi:"computeType,optional"`
	// Namespace of the Kubernetes compute's workloads; it must exist in the
	// cluster, attaching does not create it. Kubernetes only. Optional.
	// Defaults to "default".
	Namespace string `json:"namespace,omitempty" pulumi:"namespace,optional"`
	// Inference configures the extension's inference router. Kubernetes
	// only. Optional in Go and in the stack's config; required in the
	// component package's schema, where {} takes every default (the
	// schema's generator takes an optional object only through a pointer).
	Inference AksInferenceSpec `json:"inference,omitempty" pulumi:"inference"`
	// EnableTraining lets the cluster run training jobs too. Kubernetes
	// only. Optional. Defaults to false.
	EnableTraining bool `json:"enableTraining,omitempty" pulumi:"enableTraining,optional"`
	// GpuPlugin installs the NVIDIA device plugin, which GPU node sizes
	// need. Kubernetes only. Optional. Defaults to false.
	GpuPlugin bool `json:"gpuPlugin,omitempty" pulumi:"gpuPlugin,optional"`
	// PrivateCluster gives the cluster a private API server (and no public
	// FQDN, which Azure ML does not support). Fixed at creation: changing
	// it replaces the cluster. Optional. Defaults to false.
	PrivateCluster bool `json:"privateCluster,omitempty" pulumi:"privateCluster,optional"`
	// APIServerAuthorizedRanges limit who reaches a public API server:
	// public IPv4 addresses or CIDRs. Not with PrivateCluster. Optional.
	APIServerAuthorizedRanges []string `json:"apiServerAuthorizedRanges,omitempty" pulumi:"apiServerAuthorizedRanges,optional"`
	// IdentityID is the ARM ID of a user-assigned identity created (and
	// granted Network Contributor on the AKS subnet) by others; then no
	// identity and no role assignment is created. Optional.
	IdentityID string `json:"identityId,omitempty" pulumi:"identityId,optional"`
	// NodeCount of the system pool. Optional. Defaults to 3.
	NodeCount *int `json:"nodeCount,omitempty" pulumi:"nodeCount,optional"`
	// VMSize of the nodes. Optional. Defaults to "Standard_D4s_v3".
	VMSize string `json:"vmSize,omitempty" pulumi:"vmSize,optional"`
	// MaxPods per node; with Azure CNI each pod takes a subnet address, so
	// a subnet too small for them is reported here when it is set (else
	// under nodeCount). Optional. Defaults to 30.
	MaxPods *int `json:"maxPods,omitempty" pulumi:"maxPods,optional"`
	// KubernetesVersion. Optional. Defaults to AKS's default version.
	KubernetesVersion string `json:"kubernetesVersion,omitempty" pulumi:"kubernetesVersion,optional"`
	// ServiceCidr is the Kubernetes service range; fixed after creation.
	// Optional. Defaults to "10.0.0.0/16".
	ServiceCidr string `json:"serviceCidr,omitempty" pulumi:"serviceCidr,optional"`
	// DNSServiceIP lies inside ServiceCidr. Optional. Defaults to "10.0.0.10".
	DNSServiceIP string `json:"dnsServiceIP,omitempty" pulumi:"dnsServiceIP,optional"`
	// DockerBridgeCidr is checked against the network and sent with the
	// legacy AKS compute (AksNetworkingConfiguration). The AKS API of
	// 2023-04-01 no longer takes it (Azure/AKS #3534), so the cluster itself
	// does not get it. Optional. Defaults to "172.17.0.1/16".
	DockerBridgeCidr string `json:"dockerBridgeCidr,omitempty" pulumi:"dockerBridgeCidr,optional"`
	// ScoringSources may call the scoring endpoint: CIDRs or service tags
	// (e.g. "Internet" for a public endpoint). Required.
	ScoringSources []string `json:"scoringSources,omitempty" pulumi:"scoringSources,optional"`
	// ScoringPorts of the endpoint. Optional. Defaults to 80 and 443.
	ScoringPorts []int `json:"scoringPorts,omitempty" pulumi:"scoringPorts,optional"`
	// ClusterPurpose is FastProd, DenseProd or DevTest. Optional. Defaults
	// to FastProd for the legacy AKS compute; for Kubernetes, to FastProd
	// with a highly available router and DevTest without, as the extension's
	// CLI does.
	ClusterPurpose string `json:"clusterPurpose,omitempty" pulumi:"clusterPurpose,optional"`
	// LoadBalancerType is PublicIp or InternalLoadBalancer. Legacy AKS
	// compute only (Kubernetes: Inference.InternalLoadBalancer). Optional.
	// Defaults to PublicIp.
	LoadBalancerType string `json:"loadBalancerType,omitempty" pulumi:"loadBalancerType,optional"`
	// RulePriority is the priority of the first NSG rule. Optional.
	// Defaults to 100.
	RulePriority *int `json:"rulePriority,omitempty" pulumi:"rulePriority,optional"`
}

// AksInferenceSpec configures the inference router (azureml-fe) of the
// Azure ML extension. In the root program it is amlvnet:aks.inference.
type AksInferenceSpec struct {
	// RouterServiceType is LoadBalancer, NodePort or ClusterIP (bring your
	// own ingress). Optional. Defaults to LoadBalancer.
	RouterServiceType string `json:"routerServiceType,omitempty" pulumi:"routerServiceType,optional"`
	// InternalLoadBalancer keeps the scoring endpoint inside the VNet (an
	// Azure internal load balancer). Not with NodePort. Optional. Defaults
	// to false.
	InternalLoadBalancer bool `json:"internalLoadBalancer,omitempty" pulumi:"internalLoadBalancer,optional"`
	// HighAvailability runs three router replicas, which needs at least
	// three nodes. Optional. Defaults to true with three nodes or more.
	HighAvailability *bool `json:"highAvailability,omitempty" pulumi:"highAvailability,optional"`
	// AllowInsecureConnections serves scoring over HTTP. Optional. Defaults
	// to false: HTTPS, with SslCname, SslCertificate and SslKey.
	AllowInsecureConnections bool `json:"allowInsecureConnections,omitempty" pulumi:"allowInsecureConnections,optional"`
	// SslCname is the host name the certificate is for. Required with HTTPS.
	SslCname string `json:"sslCname,omitempty" pulumi:"sslCname,optional"`
	// SslCertificate is the PEM certificate (chain) of SslCname, a secret.
	// Required with HTTPS.
	SslCertificate pulumi.StringInput `json:"sslCertificate,omitempty" pulumi:"sslCertificate,optional" provider:"secret"`
	// SslKey is the PEM private key of the certificate, not protected by a
	// pass phrase, a secret. Required with HTTPS.
	SslKey pulumi.StringInput `json:"sslKey,omitempty" pulumi:"sslKey,optional" provider:"secret"`
}

// isZero tells whether nothing was set.
func (s AksInferenceSpec) isZero() bool {
	return s.RouterServiceType == "" && !s.InternalLoadBalancer && s.HighAvailability == nil && !s.AllowInsecureConnections &&
		s.SslCname == "" && s.SslCertificate == nil && s.SslKey == nil
}

// WithDefaults returns the spec with its documented defaults filled in.
func (s AksSpec) WithDefaults() AksSpec {
	if s.Name == "" {
		s.Name = DefaultAksName
	}
	if s.ComputeName == "" {
		s.ComputeName = DefaultAksComputeName
	}
	if s.ComputeType == "" {
		s.ComputeType = AksComputeKubernetes
	}
	if s.NodeCount == nil {
		s.NodeCount = ptr(DefaultAksNodeCount)
	}
	if s.VMSize == "" {
		s.VMSize = DefaultAksVMSize
	}
	if s.MaxPods == nil {
		s.MaxPods = ptr(DefaultAksMaxPods)
	}
	if s.ServiceCidr == "" {
		s.ServiceCidr = DefaultServiceCidr
	}
	if s.DNSServiceIP == "" {
		s.DNSServiceIP = DefaultDNSServiceIP
	}
	if s.DockerBridgeCidr == "" {
		s.DockerBridgeCidr = DefaultDockerBridgeCidr
	}
	if s.ScoringPorts == nil {
		s.ScoringPorts = slices.Clone(DefaultScoringPorts)
	}
	if s.LoadBalancerType == "" {
		s.LoadBalancerType = string(azureml.LoadBalancerTypePublicIp)
	}
	if s.RulePriority == nil {
		s.RulePriority = ptr(DefaultRulePriority)
	}
	if s.ComputeType == AksComputeKubernetes {
		if s.Namespace == "" {
			s.Namespace = DefaultAksNamespace
		}
		if s.Inference.RouterServiceType == "" {
			s.Inference.RouterServiceType = RouterLoadBalancer
		}
		if s.Inference.HighAvailability == nil {
			// Three router replicas need three nodes (extension docs).
			s.Inference.HighAvailability = ptr(*s.NodeCount >= 3)
		}
	}
	if s.ClusterPurpose == "" {
		s.ClusterPurpose = string(azureml.ClusterPurposeFastProd)
		// The extension's CLI marks a cluster too small for three router
		// replicas as DevTest (Azure/azure-cli-extensions,
		// src/k8s-extension/.../partner_extensions/AzureMLKubernetes.py).
		if s.ComputeType == AksComputeKubernetes && !*s.Inference.HighAvailability {
			s.ClusterPurpose = string(azureml.ClusterPurposeDevTest)
		}
	}
	return s
}

// legacy tells whether a defaulted spec attaches the cluster as a v1 AKS compute.
func (s AksSpec) legacy() bool { return s.ComputeType == AksComputeLegacy }

// https reports whether a defaulted spec serves scoring over HTTPS.
func (s AksSpec) https() bool { return !s.legacy() && !s.Inference.AllowInsecureConnections }

// AksSite is where an AKS cluster goes, as its validation needs it.
type AksSite struct {
	// Region is the canonical Azure region; "" when the caller reports a bad
	// location.
	Region string
	// Subnet is the AKS subnet's range; the zero Prefix skips the checks
	// against the network (the caller reports the bad subnet).
	Subnet netip.Prefix
	// AddressSpace and Subnets are the VNet's prefixes (Subnets including
	// the AKS subnet): the service range and docker bridge may overlap none.
	AddressSpace []netip.Prefix
	Subnets      []netip.Prefix
	// NetworkPath names the VNet's plan: a VNet prefix in a range AKS
	// refuses is reported at its addressSpace or aksSubnet, or at the plan
	// itself for another subnet.
	NetworkPath *Path
	// ResourceGroup is the cluster's resource group name, when the caller
	// knows it ("" skips the check of the node resource group's length);
	// ResourceGroupPath names it in that problem.
	ResourceGroup     string
	ResourceGroupPath *Path
	// ExistingRules are the rules already on the subnet's NSG.
	ExistingRules []ExistingRule
}

var (
	clusterPurposes   = []string{string(azureml.ClusterPurposeFastProd), string(azureml.ClusterPurposeDenseProd), string(azureml.ClusterPurposeDevTest)}
	loadBalancerTypes = []string{string(azureml.LoadBalancerTypePublicIp), string(azureml.LoadBalancerTypeInternalLoadBalancer)}
	// A Kubernetes namespace name is an RFC 1123 DNS label
	// (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names).
	dnsLabelPattern = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	// A host name: DNS labels of letters, digits and hyphens, dot-separated.
	hostNamePattern = regexp.MustCompile(`^(?i)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?$`)
	// A user-assigned identity's ARM ID.
	identityIDPattern = regexp.MustCompile(`(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.ManagedIdentity/userAssignedIdentities/[^/]+$`)
	// GPU sizes are the N-series (https://learn.microsoft.com/azure/virtual-machines/sizes/overview).
	gpuSizePattern = regexp.MustCompile(`(?i)^standard_n`)
)

// maxNodeResourceGroup is the longest node resource group name AKS takes:
// it names that group MC_<group>_<cluster>_<region> and refuses the cluster
// beyond 80 characters ("The length of the node resource group name is too
// long. The maximum length is 80", quoted in rancher/rancher #21264;
// https://aka.ms/aks-naming-rules).
const maxNodeResourceGroup = 80

// Validate reports every problem of the spec, named below p, including the
// AKS networking rules checked against the VNet's address plan.
func (s AksSpec) Validate(p *Path, site AksSite) Problems {
	raw := s
	s = s.WithDefaults()
	var ps Problems
	aksName.check(&ps, p.Child("name"), s.Name)
	computeName.check(&ps, p.Child("computeName"), s.ComputeName)
	if !slices.Contains(aksComputeTypes, s.ComputeType) {
		ps.Add(p.Child("computeType"), "%q is not a compute type; use %s (the Azure ML extension, v2 online endpoints) or %s (the legacy v1 attach)", s.ComputeType, AksComputeKubernetes, AksComputeLegacy)
		return ps
	}
	nodeCount, maxPods := *s.NodeCount, *s.MaxPods
	if nodeCount < 1 || nodeCount > 1000 {
		ps.Add(p.Child("nodeCount"), "is %d; AKS takes 1-1000 nodes per pool", nodeCount)
	}
	if !vmSizePattern.MatchString(s.VMSize) {
		ps.Add(p.Child("vmSize"), "%q is not a VM size name such as Standard_D4s_v3", s.VMSize)
	}
	warnRetiredSize(&ps, p.Child("vmSize"), s.VMSize)
	if maxPods < 10 || maxPods > 250 {
		ps.Add(p.Child("maxPods"), "is %d; Azure CNI takes 10-250 pods per node", maxPods)
	}
	if !slices.Contains(clusterPurposes, s.ClusterPurpose) {
		ps.Add(p.Child("clusterPurpose"), "%q is not allowed; use one of %v", s.ClusterPurpose, clusterPurposes)
	}
	if s.ClusterPurpose == string(azureml.ClusterPurposeFastProd) && nodeCount < 3 {
		ps.Add(p.Child("nodeCount"), "is %d; clusterPurpose FastProd needs at least 3 nodes (or use DevTest)", nodeCount)
	}
	if s.legacy() {
		s.validateLegacy(&ps, p, raw)
	} else {
		s.validateKubernetes(&ps, p, raw, site)
	}
	checkNodeResourceGroup(&ps, p, s.Name, site)
	s.validateAPIServer(&ps, p)
	if s.IdentityID != "" && !identityIDPattern.MatchString(s.IdentityID) {
		ps.Add(p.Child("identityId"), "%q is not the ARM ID of a user-assigned identity, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>", s.IdentityID)
	}

	if len(s.ScoringSources) == 0 {
		ps.Add(p.Child("scoringSources"), "name who may call the scoring endpoint: CIDRs, or the Internet service tag for a public endpoint")
	}
	for i, src := range s.ScoringSources {
		f := p.Child("scoringSources").Index(i)
		if src == "*" || src == "0.0.0.0/0" {
			ps.Add(f, "%q is any source; write Internet to make the endpoint public on purpose, or give CIDRs", src)
		} else if looksLikeAddress(src) {
			if _, err := parseAddrOrPrefix(src); err != nil {
				ps.Add(f, "%v", err)
			}
		} else if !serviceTagPattern.MatchString(src) {
			ps.Add(f, "%q is neither a CIDR nor a service tag", src)
		}
	}
	if len(s.ScoringPorts) == 0 {
		ps.Add(p.Child("scoringPorts"), "at least one port is required (leave it out for %v)", DefaultScoringPorts)
	}
	for i, port := range s.ScoringPorts {
		if port < 1 || port > 65535 {
			ps.Add(p.Child("scoringPorts").Index(i), "is %d; use a TCP port 1-65535", port)
		}
	}

	if site.Subnet.IsValid() {
		// Azure CNI gives every pod a subnet address; one extra node is
		// needed while AKS upgrades (surge).
		needed := (nodeCount + 1) * (maxPods + 1)
		if err := netplan.CheckSubnetCapacity(site.Subnet, needed); err != nil {
			// Named by the pods when the spec sets them (they take most
			// of the addresses), else by the nodes.
			key := p.Child("nodeCount")
			if raw.MaxPods != nil {
				key = p.Child("maxPods")
			}
			ps.Add(key, "(%d nodes + 1 for upgrades) x (%d pods + 1) = %d addresses do not fit the AKS subnet: %v", nodeCount, maxPods, needed, err)
		}
		var space, subnets []netplan.NamedPrefix
		for i, prefix := range site.AddressSpace {
			field := addressSpaceField(site.NetworkPath, i, len(site.AddressSpace))
			space = append(space, netplan.NamedPrefix{Field: field.String(), Label: "the address space", Prefix: prefix})
		}
		for _, prefix := range site.Subnets {
			sn := netplan.NamedPrefix{Field: site.NetworkPath.String(), Label: "a VNet subnet", Prefix: prefix}
			if prefix == site.Subnet {
				sn.Field, sn.Label = site.NetworkPath.Child("aksSubnet").String(), "the AKS subnet"
			}
			subnets = append(subnets, sn)
		}
		for _, pr := range netplan.CheckAKSNetwork(netplan.AKSNetwork{
			AddressSpace: space, Subnets: subnets,
			ServiceCidr: s.ServiceCidr, DNSServiceIP: s.DNSServiceIP, DockerBridgeCidr: s.DockerBridgeCidr,
			ServiceCidrField: p.Child("serviceCidr").String(), DNSServiceIPField: p.Child("dnsServiceIP").String(), DockerBridgeField: p.Child("dockerBridgeCidr").String(),
		}) {
			ps = append(ps, Problem{Path: pr.Field, Message: pr.Message})
		}
	}
	checkRulePriorities(&ps, p.Child("rulePriority"), *s.RulePriority, s.rules(), site.ExistingRules)
	return ps
}

// validateLegacy checks what only the v1 AKS compute takes, and refuses the
// Kubernetes compute's keys (raw is the spec as written).
func (s AksSpec) validateLegacy(ps *Problems, p *Path, raw AksSpec) {
	// Support dates: https://learn.microsoft.com/azure/machine-learning/v1/introduction.
	ps.Warn(p.Child("computeType"), "AKS is the legacy compute of Azure ML CLI/SDK v1, whose support ends (CLI v1 on 2025-09-30, SDK v1 on 2026-06-30): "+
		"it cannot host v2 online endpoints and gets no new inference features (https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-anywhere); "+
		"use %s unless your team still deploys with v1", AksComputeKubernetes)
	if !slices.Contains(loadBalancerTypes, s.LoadBalancerType) {
		ps.Add(p.Child("loadBalancerType"), "%q is not allowed; use one of %v", s.LoadBalancerType, loadBalancerTypes)
	}
	// Production purposes are refused by Azure ML's AKS compute below 12
	// agent cores (MicrosoftDocs/azure-docs #55597).
	if s.ClusterPurpose != string(azureml.ClusterPurposeDevTest) {
		if cores, known := vmCores[strings.ToLower(s.VMSize)]; known && cores**s.NodeCount < 12 {
			ps.Add(p.Child("nodeCount"), "%d x %s gives %d cores; clusterPurpose %s needs at least 12 (add nodes, pick a larger size, or use DevTest)", *s.NodeCount, s.VMSize, cores**s.NodeCount, s.ClusterPurpose)
		}
	}
	why := fmt.Sprintf("applies to computeType %s only (the Azure ML extension); remove it, or use computeType %s", AksComputeKubernetes, AksComputeKubernetes)
	if raw.Namespace != "" {
		ps.Add(p.Child("namespace"), "%s", why)
	}
	if !raw.Inference.isZero() {
		ps.Add(p.Child("inference"), "%s", why)
	}
	if raw.EnableTraining {
		ps.Add(p.Child("enableTraining"), "%s", why)
	}
	if raw.GpuPlugin {
		ps.Add(p.Child("gpuPlugin"), "%s", why)
	}
}

// validateKubernetes checks the extension's settings, each as Azure ML
// refuses it (raw is the spec as written).
func (s AksSpec) validateKubernetes(ps *Problems, p *Path, raw AksSpec, site AksSite) {
	if raw.LoadBalancerType != "" {
		ps.Add(p.Child("loadBalancerType"), "applies to computeType %s only; with %s, keep the scoring endpoint in the VNet with inference.internalLoadBalancer: true", AksComputeLegacy, AksComputeKubernetes)
	}
	if len(s.Namespace) > 63 || !dnsLabelPattern.MatchString(s.Namespace) {
		ps.Add(p.Child("namespace"), "%q is not a Kubernetes namespace name: 1-63 lower-case letters, digits and '-', starting and ending with a letter or digit", s.Namespace)
	} else if s.Namespace != DefaultAksNamespace {
		ps.Warn(p.Child("namespace"), "%q must exist in the cluster before anything is deployed to the compute: attaching neither creates nor checks it (kubectl create namespace %s)", s.Namespace, s.Namespace)
	}
	in, ip := s.Inference, p.Child("inference")
	if !slices.Contains(routerServiceTypes, in.RouterServiceType) {
		ps.Add(ip.Child("routerServiceType"), "%q is not a router service type; use one of %v", in.RouterServiceType, routerServiceTypes)
	}
	if in.InternalLoadBalancer {
		switch in.RouterServiceType {
		case RouterNodePort:
			// The extension's CLI refuses the pair (AzureMLKubernetes.py).
			ps.Add(ip.Child("internalLoadBalancer"), "cannot go with routerServiceType NodePort, which exposes the router on the nodes, not through a load balancer; use LoadBalancer, or drop internalLoadBalancer")
		case RouterClusterIP:
			ps.Add(ip.Child("internalLoadBalancer"), "has no effect with routerServiceType ClusterIP, which creates no load balancer; use LoadBalancer, or drop internalLoadBalancer")
		}
	}
	if *in.HighAvailability && *s.NodeCount < 3 {
		ps.Add(ip.Child("highAvailability"), "needs at least 3 nodes for its 3 router replicas, and nodeCount is %d; add nodes or set it to false", *s.NodeCount)
	}
	if in.AllowInsecureConnections {
		for field, set := range map[string]bool{"sslCname": in.SslCname != "", "sslCertificate": in.SslCertificate != nil, "sslKey": in.SslKey != nil} {
			if set {
				ps.Add(ip.Child(field), "has no effect with allowInsecureConnections true (HTTP scoring); remove it, or serve HTTPS")
			}
		}
	} else {
		const https = "is required for HTTPS scoring (or set allowInsecureConnections: true for HTTP, for development only)"
		if in.SslCname == "" {
			ps.Add(ip.Child("sslCname"), "%s: the host name the certificate is for, e.g. score.contoso.com", https)
		} else if len(in.SslCname) > 253 || !hostNamePattern.MatchString(in.SslCname) {
			ps.Add(ip.Child("sslCname"), "%q is not a host name such as score.contoso.com", in.SslCname)
		}
		if in.SslCertificate == nil {
			ps.Add(ip.Child("sslCertificate"), "%s: the PEM certificate, set with `pulumi config set --secret --path '%s' \"$(cat cert.pem)\"`", https, ip.Child("sslCertificate"))
		}
		if in.SslKey == nil {
			ps.Add(ip.Child("sslKey"), "%s: the PEM private key (without a pass phrase), set with `pulumi config set --secret --path '%s' \"$(cat key.pem)\"`", https, ip.Child("sslKey"))
		}
	}
	gpu := gpuSizePattern.MatchString(s.VMSize)
	switch {
	case s.GpuPlugin && !gpu:
		ps.Warn(p.Child("gpuPlugin"), "installs the NVIDIA device plugin, but %s is not a GPU (N-series) size: it does nothing there", s.VMSize)
	case gpu && !s.GpuPlugin:
		ps.Warn(p.Child("gpuPlugin"), "is false, but %s is a GPU size: workloads see no GPU without the NVIDIA device plugin; set it to true unless you install the plugin yourself", s.VMSize)
	}
	if len(s.APIServerAuthorizedRanges) > 0 {
		pair := "its paired region"
		if site.Region != "" {
			pair = site.Region + " and its paired region"
		}
		ps.Warn(p.Child("apiServerAuthorizedRanges"), "must include the Azure ML control plane's addresses (service tag AzureMachineLearning) of %s, or Azure ML cannot deploy to the cluster (how-to-deploy-kubernetes-extension, Limitations)", pair)
	}
}

// validateAPIServer checks the API server's access settings.
func (s AksSpec) validateAPIServer(ps *Problems, p *Path) {
	f := p.Child("apiServerAuthorizedRanges")
	if s.PrivateCluster && len(s.APIServerAuthorizedRanges) > 0 {
		// https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges, Limitations.
		ps.Add(f, "cannot go with privateCluster: AKS applies authorized ranges to a public API server only; drop one of them")
	}
	seen := map[netip.Prefix]int{}
	for i, r := range s.APIServerAuthorizedRanges {
		prefix, err := parseAddrOrPrefix(r)
		switch {
		case err != nil:
			ps.Add(f.Index(i), "%v", err)
			continue
		case prefix.Bits() == 0:
			ps.Add(f.Index(i), "%q lets every address in, which is no restriction; list the ranges that may reach the API server, or leave the key out", r)
			continue
		}
		if j, dup := seen[prefix.Masked()]; dup {
			ps.Add(f.Index(i), "%q repeats apiServerAuthorizedRanges[%d]", r, j)
		}
		seen[prefix.Masked()] = i
	}
}

// checkNodeResourceGroup reports a node resource group name
// (MC_<group>_<cluster>_<region>) longer than Azure takes.
func checkNodeResourceGroup(ps *Problems, p *Path, name string, site AksSite) {
	if site.ResourceGroup == "" || site.Region == "" {
		return
	}
	node := nodeResourceGroup(site.ResourceGroup, name, site.Region)
	if len(node) <= maxNodeResourceGroup {
		return
	}
	rg := "the resource group"
	if site.ResourceGroupPath != nil {
		rg = site.ResourceGroupPath.String()
	}
	ps.Add(p.Child("name"), "AKS names the cluster's node resource group %s, %d characters; AKS takes at most %d: shorten the cluster name or %s (%q) by %d", node, len(node), maxNodeResourceGroup, rg, site.ResourceGroup, len(node)-maxNodeResourceGroup)
}

// nodeResourceGroup is the name AKS gives the resource group of a cluster's nodes.
func nodeResourceGroup(group, cluster, region string) string {
	return "MC_" + group + "_" + cluster + "_" + region
}

// dnsPrefix derives the cluster's DNS prefix from its name: AKS takes 1-54
// letters, digits and hyphens, starting and ending with a letter or digit
// (`az aks create --dns-name-prefix`,
// https://learn.microsoft.com/cli/azure/aks#az-aks-create), while a cluster name may be
// longer and hold underscores. A valid name is its own prefix, as it always
// was, so existing clusters keep theirs (a new prefix replaces a cluster).
func dnsPrefix(name string) string {
	prefix := strings.ReplaceAll(name, "_", "-")
	if len(prefix) > 54 {
		prefix = prefix[:54]
	}
	return strings.TrimRight(prefix, "-")
}

// rules returns the AKS subnet's NSG rules: Azure ML reaches the cluster, and
// the scoring sources reach the scoring ports (2019 article).
func (s AksSpec) rules() []securityRule {
	ports := make([]string, 0, len(s.ScoringPorts))
	for _, p := range s.ScoringPorts {
		ports = append(ports, strconv.Itoa(p))
	}
	rules := []securityRule{{Name: "AllowAzureMachineLearningInbound", Protocol: "Tcp", Source: "AzureMachineLearning", Destination: "VirtualNetwork", Ports: []string{"*"},
		Why: "Azure ML manages the inference cluster (2019 article)"}}
	for i, src := range s.ScoringSources {
		rules = append(rules, securityRule{Name: fmt.Sprintf("AllowScoringInbound%d", i), Protocol: "Tcp", Source: src, Destination: "*", Ports: ports,
			Why: "callers of the scoring endpoint (2019 article)"})
	}
	return prioritize(rules, "Inbound", "Allow", *s.RulePriority)
}
