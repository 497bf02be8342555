package tests

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

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
