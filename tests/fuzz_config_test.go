package tests

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
	"github.com/amlvnet/amlvnet/program"
)

// maxFuzzValue bounds each fuzzed config value: real values are a few
// hundred bytes, and longer ones only slow the fuzzer down.
const maxFuzzValue = 400

// fuzzConfigSeeds are valid and invalid values of amlvnet:compute,
// amlvnet:network and amlvnet:attach, on the dev base or (aks) the
// AKS-enabled one. testdata/fuzz/FuzzLoadConfig holds more in Go's corpus
// format.
var fuzzConfigSeeds = []struct {
	compute, network, attach string
	aks                      bool
}{
	// Valid: the dev stack, and the AKS base with an attached VM.
	{`{"name":"cpucluster","vmSize":"STANDARD_D2_V2","minNodes":0,"maxNodes":2,"outbound":"default"}`,
		`{"addressSpace":"10.20.0.0/16","trainingSubnet":"10.20.0.0/24"}`, ``, false},
	{`{"maxNodes":8,"outbound":"restricted","forcedTunneling":true}`,
		`{"addressSpace":["10.20.0.0/16"],"trainingSubnet":"10.20.0.0/24","aksSubnet":"10.20.4.0/22"}`,
		`[{"name":"dsvm","kind":"VirtualMachine","resourceId":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/dsvm","address":"10.20.0.10","sshUser":"u","sshPassword":"p"}]`, true},
	// Invalid: wrong types, unknown keys, bad CIDRs, broken JSON.
	{`{"maxNodes":"4","vmSize":42}`, `{"addressSpace":{"a":1},"trainingSubnet":7}`, `{"name":"x"}`, false},
	{`{"maxNode":4}`, `{"addressSpace":"10.20.0.5/16","trainingSubnet":"10.21.0.0/33"}`, `[null,{}]`, true},
	{`{`, `null`, `[`, false},
	{`[]`, `"10.20.0.0/16"`, `[{"address":"::1","sshPort":-1}]`, true},
	{`{"rulePriority":4090,"outbound":"restricted","sshAccess":true,"sshSources":["Internet"]}`,
		`{"existing":{"resourceGroup":"corp-network","name":"corp-vnet"},"trainingSubnet":"ml-training"}`, ``, false},
	// Invalid layouts: subnets that overlap, a subnet outside the space.
	{`{}`, `{"addressSpace":"10.20.0.0/16","trainingSubnet":"10.20.0.0/24","aksSubnet":"10.20.0.0/22"}`, ``, true},
	{`{}`, `{"addressSpace":"10.20.0.0/16","trainingSubnet":"10.30.0.0/24"}`, ``, false},
	{`{"minNodes":1e400,"maxNodes":-1}`, `{"addressSpace":[],"trainingSubnet":"","aksSubnet":"10.20.0.0/30"}`, `[{"kind":"HDInsight","address":"10.20.0.0"}]`, true},
}

// FuzzLoadConfig feeds arbitrary text as the JSON of amlvnet:compute,
// amlvnet:network and amlvnet:attach to the root program under mocks. The
// program must never panic; it either succeeds or fails with a
// *program.ConfigError whose every problem names a config key of a known
// namespace, having registered nothing.
func FuzzLoadConfig(f *testing.F) {
	for _, s := range fuzzConfigSeeds {
		f.Add(s.compute, s.network, s.attach, s.aks)
	}
	f.Fuzz(func(t *testing.T, compute, network, attach string, aks bool) {
		if len(compute) > maxFuzzValue || len(network) > maxFuzzValue || len(attach) > maxFuzzValue {
			t.Skip("longer than a real config value")
		}
		base := devBase()
		if aks {
			base = aksBase()
		}
		cfg, secrets := render(base)
		cfg["amlvnet:compute"] = compute
		cfg["amlvnet:network"] = network
		cfg["amlvnet:attach"] = attach
		secrets = append(secrets, "amlvnet:attach")

		m, err := runConfig(t, cfg, secrets...)
		if err == nil {
			if len(m.Resources()) == 0 {
				t.Fatal("the program succeeded but registered nothing")
			}
			checkSubnetsFit(t, m)
			return
		}
		var ce *program.ConfigError
		if !errors.As(err, &ce) {
			t.Fatalf("want a *program.ConfigError or success, got %T: %v", err, err)
		}
		if len(ce.Problems) == 0 {
			t.Fatal("a ConfigError with no problems")
		}
		for _, p := range ce.Problems {
			if !strings.HasPrefix(p.Path, "azure-native:") && !strings.HasPrefix(p.Path, "amlvnet:") {
				t.Errorf("problem key %q is not in a known namespace: %s", p.Path, p.Message)
			}
			if strings.TrimSpace(p.Message) == "" {
				t.Errorf("problem %q has no message", p.Path)
			}
			if !utf8.ValidString(p.Path) {
				t.Errorf("problem key %q is not valid UTF-8", p.Path)
			}
		}
		if n := len(m.Resources()); n != 0 {
			t.Errorf("%d resources registered by an invalid config:\n%v", n, ce)
		}
	})
}

// checkSubnetsFit is the reference FuzzLoadConfig holds an accepted config
// to, in plain integer ranges rather than the planner's own helpers: every
// subnet the program registers lies inside the VNet's address space (the
// created VNet's, or the reused one's from the fixtures), and no two
// subnets, registered or already in a reused VNet, share an address.
func checkSubnetsFit(t *testing.T, m *pulumitest.Mocks) {
	t.Helper()
	type subnet struct {
		name   string
		lo, hi uint64
	}
	var space, subnets []subnet
	parse := func(name, s string) subnet {
		p, err := netip.ParsePrefix(s)
		if err != nil || !p.Addr().Is4() {
			t.Fatalf("%s: address prefix %q is not IPv4 CIDR: %v", name, s, err)
		}
		a := p.Addr().As4()
		v := uint64(a[0])<<24 | uint64(a[1])<<16 | uint64(a[2])<<8 | uint64(a[3])
		size := uint64(1) << (32 - p.Bits())
		if v%size != 0 {
			t.Fatalf("%s: address prefix %s has host bits set", name, s)
		}
		return subnet{name, v, v + size - 1}
	}
	for _, vn := range m.OfType("azure-native:network:VirtualNetwork") {
		for _, s := range vn.Strings("addressSpace.addressPrefixes") {
			space = append(space, parse("address space", s))
		}
	}
	registered := map[string]bool{}
	var vnetRG, vnetName string
	for _, sn := range m.OfType("azure-native:network:Subnet") {
		name := sn.String("subnetName")
		registered[name] = true
		subnets = append(subnets, parse(name, sn.String("addressPrefix")))
		vnetRG, vnetName = sn.String("resourceGroupName"), sn.String("virtualNetworkName")
	}
	if len(space) == 0 && len(subnets) > 0 {
		// A reused VNet: its address space and its other subnets.
		vn, _, _, ok := fixtureVnets(t).Find(vnetRG, vnetName)
		if !ok {
			t.Fatalf("subnets in VNet %s/%s, which is neither created nor in the fixtures", vnetRG, vnetName)
		}
		for _, s := range vn.AddressSpace {
			space = append(space, parse("address space", s))
		}
		for n, s := range vn.Subnets {
			if !registered[n] {
				subnets = append(subnets, parse(n, s))
			}
		}
	}
	for i, a := range subnets {
		inside := false
		for _, s := range space {
			inside = inside || (s.lo <= a.lo && a.hi <= s.hi)
		}
		if !inside {
			t.Errorf("subnet %s [%d, %d] lies outside the address space %v", a.name, a.lo, a.hi, space)
		}
		for _, b := range subnets[i+1:] {
			if a.lo <= b.hi && b.lo <= a.hi {
				t.Errorf("subnets %s and %s overlap", a.name, b.name)
			}
		}
	}
}
