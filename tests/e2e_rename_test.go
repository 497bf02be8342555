package tests

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
	"github.com/amlvnet/amlvnet/internal/offline"
)

// renamable registers a network and a storage account under the given
// component names, aliased to the old names when they differ.
func renamable(networkName, storageName string, old ...string) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		var netOpts, storeOpts []pulumi.ResourceOption
		var previous []string
		if len(old) == 2 {
			netOpts = append(netOpts, pulumi.Aliases([]pulumi.Alias{{Name: pulumi.String(old[0])}}))
			storeOpts = append(storeOpts, pulumi.Aliases([]pulumi.Alias{{Name: pulumi.String(old[1])}}))
			previous = []string{old[1]}
		}
		net, err := components.NewNetwork(ctx, networkName, &components.NetworkArgs{
			Spec:              components.NetworkSpec{AddressSpace: []string{"10.20.0.0/16"}, TrainingSubnet: "10.20.0.0/24"},
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
		}, netOpts...)
		if err != nil {
			return err
		}
		_, err = components.NewSecureStorage(ctx, storageName, &components.SecureStorageArgs{
			ResourceGroupName: pulumi.String("rg"),
			Location:          "eastus2",
			SubnetIDs:         pulumi.StringArray{net.Training.ID},
			Protect:           true,
			PreviousNames:     previous,
		}, storeOpts...)
		return err
	}
}

// TestEngineRenameKeepsResources: renaming components, with aliases, keeps
// every resource (protected storage included) instead of replacing it.
func TestEngineRenameKeepsResources(t *testing.T) {
	requireCLI(t)
	t.Parallel()
	ctx := context.Background()
	var log bytes.Buffer
	program := renamable("network", "workspace-storage")
	s, err := offline.Open(ctx, offline.Options{
		ConfigPath: filepath.Join("..", "stacks", "Pulumi.dev.yaml"), Root: "..", Log: &log,
		Program: func(ctx *pulumi.Context) error { return program(ctx) },
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Up(ctx); err != nil {
		t.Fatalf("up: %v\n%s", err, log.String())
	}

	state, _ := export(t, s)

	program = renamable("net", "ml-storage", "network", "workspace-storage")
	doc, err := s.Preview(ctx, &log)
	if err != nil {
		t.Fatalf("preview after rename: %v\n%s", err, log.String())
	}
	// A renamed component keeps every resource: all of the state "same",
	// not a plan with no steps.
	requireUnchanged(t, "preview after rename", doc, state)

	// Without the aliases the same rename would replace everything, and the
	// protected account would block it: the aliases are what keeps them.
	program = renamable("net", "ml-storage")
	if _, err := s.Preview(ctx, &log); err == nil || !strings.Contains(err.Error()+log.String(), "protect") {
		t.Errorf("a rename without aliases must be refused for the protected account, got %v", err)
	}
}
