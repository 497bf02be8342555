package components

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
)

// ARM IDs the fixtures wire together.
const (
	vnetID           = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
	trainingSubnetID = vnetID + "/subnets/training"
	aksSubnetID      = vnetID + "/subnets/aks"
	peSubnetID       = vnetID + "/subnets/private-endpoints"
	storageID        = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st"
	vaultID          = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
	registryID       = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr"
	wsID             = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"
	// wsPrincipalID is the workspace identity of workspaceRef.
	wsPrincipalID = "44444444-4444-4444-4444-444444444444"
)

// trainingSubnetRef is the training subnet as Network would hand it over,
// with a route table for forced tunneling.
func trainingSubnetRef() SubnetRef {
	return SubnetRef{
		Name:              "training",
		Prefix:            netip.MustParsePrefix("10.20.0.0/24"),
		ID:                pulumi.String(trainingSubnetID),
		ResourceGroupName: pulumi.String("rg"),
		NsgName:           pulumi.String("training-nsg"),
		RouteTableName:    pulumi.String("training-rt"),
	}
}

// aksSubnetRef is the AKS subnet of testLayout.
func aksSubnetRef() SubnetRef {
	return SubnetRef{
		Name:              "aks",
		Prefix:            netip.MustParsePrefix("10.20.4.0/22"),
		ID:                pulumi.String(aksSubnetID),
		ResourceGroupName: pulumi.String("rg"),
		NsgName:           pulumi.String("aks-nsg"),
	}
}

// peSubnetRef is the private-endpoint subnet of testLayout.
func peSubnetRef() SubnetRef {
	return SubnetRef{
		Name:              "private-endpoints",
		Prefix:            netip.MustParsePrefix("10.20.1.0/27"),
		ID:                pulumi.String(peSubnetID),
		ResourceGroupName: pulumi.String("rg"),
		NsgName:           pulumi.String("pe-nsg"),
	}
}

func workspaceRef() WorkspaceRef {
	return WorkspaceRef{ResourceGroupName: pulumi.String("rg"), Name: pulumi.String("ws"),
		PrincipalID: pulumi.String(wsPrincipalID), RegistryID: pulumi.String(registryID), StorageAccountID: pulumi.String(storageID)}
}

// testLayout is the plan of a 10.20.0.0/16 VNet with training, AKS and
// private-endpoint subnets, as PlanNetwork returns it.
func testLayout() *NetworkLayout {
	return &NetworkLayout{
		Location:         "eastus2",
		AddressSpace:     []netip.Prefix{netip.MustParsePrefix("10.20.0.0/16")},
		Training:         netip.MustParsePrefix("10.20.0.0/24"),
		Aks:              netip.MustParsePrefix("10.20.4.0/22"),
		PrivateEndpoints: netip.MustParsePrefix("10.20.1.0/27"),
	}
}

func run(t *testing.T, m *pulumitest.Mocks, body pulumi.RunFunc) {
	t.Helper()
	if err := m.Run(body, nil); err != nil {
		t.Fatal(err)
	}
}

// constructErr runs a program that is expected to fail validation and
// returns its error; a component that fails validation must register
// nothing, so any registered resource fails the test.
func constructErr(t *testing.T, body pulumi.RunFunc) error {
	t.Helper()
	m := &pulumitest.Mocks{}
	err := m.Run(body, nil)
	if err == nil {
		t.Fatal("want a validation error, got none")
	}
	if rs := m.Resources(); len(rs) != 0 {
		t.Errorf("%d resources registered despite invalid inputs (first: %s %s)", len(rs), rs[0].Type, rs[0].Name)
	}
	return err
}

// problemsOf returns the "path: message" lines of a validation error.
func problemsOf(err error) []string {
	return lines(ProblemsOf(err))
}

func lines(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// wantProblems checks that err carries exactly len(want) problems and that
// each want fragment is found in a problem of its own.
func wantProblems(t *testing.T, err error, want ...string) {
	t.Helper()
	if err != nil && ProblemsOf(err) == nil {
		t.Fatalf("want a *ValidationError, got %v", err)
	}
	matchProblems(t, problemsOf(err), want)
}

// wantSpecProblems is wantProblems for what a Spec's Validate returns.
func wantSpecProblems(t *testing.T, ps Problems, want ...string) {
	t.Helper()
	matchProblems(t, lines(ps.Sorted()), want)
}

func matchProblems(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("want %d problems, got %d:\n%s", len(want), len(got), strings.Join(got, "\n"))
	}
	// A matching of fragments to distinct problems (augmenting paths), so
	// that two fragments cannot both be satisfied by one problem.
	owner := make([]int, len(got))
	for i := range owner {
		owner[i] = -1
	}
	var try func(w int, seen []bool) bool
	try = func(w int, seen []bool) bool {
		for g := range got {
			if seen[g] || !strings.Contains(got[g], want[w]) {
				continue
			}
			seen[g] = true
			if owner[g] < 0 || try(owner[g], seen) {
				owner[g] = w
				return true
			}
		}
		return false
	}
	for w := range want {
		if !try(w, make([]bool, len(got))) {
			t.Errorf("no problem of its own contains %q; got:\n%s", want[w], strings.Join(got, "\n"))
		}
	}
}

// hasProblem reports whether some problem contains fragment.
func hasProblem(got []string, fragment string) bool {
	for _, g := range got {
		if strings.Contains(g, fragment) {
			return true
		}
	}
	return false
}

func one(t *testing.T, rs []pulumitest.Resource) pulumitest.Resource {
	t.Helper()
	if len(rs) != 1 {
		t.Fatalf("want exactly one resource, got %d", len(rs))
	}
	return rs[0]
}

// dependsOn tells whether r lists dep's URN among its dependencies.
func dependsOn(r, dep pulumitest.Resource) bool {
	for _, d := range r.DependsOn {
		if strings.HasSuffix(d, "::"+dep.Name) {
			return true
		}
	}
	return false
}

// rulesByName indexes the NSG rules registered by their Azure names.
func rulesByName(m *pulumitest.Mocks) map[string]pulumitest.Resource {
	out := map[string]pulumitest.Resource{}
	for _, r := range m.OfType("azure-native:network:SecurityRule") {
		out[r.String("securityRuleName")] = r
	}
	return out
}

// parentedTo checks that every custom resource is a child of the component.
func parentedTo(t *testing.T, m *pulumitest.Mocks, componentType string) {
	t.Helper()
	for _, r := range m.Resources() {
		if r.Custom && !strings.Contains(r.Parent, componentType) {
			t.Errorf("%s %s is not parented to the component (parent %q)", r.Type, r.Name, r.Parent)
		}
	}
}
