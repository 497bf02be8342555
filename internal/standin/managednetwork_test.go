package standin

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func workspaceWithMode(mode string) resource.PropertyMap {
	ws := resource.PropertyMap{"resourceGroupName": sv("rg"), "workspaceName": sv("ws")}
	if mode != "" {
		ws["managedNetwork"] = resource.NewObjectProperty(resource.PropertyMap{"isolationMode": sv(mode)})
	}
	return ws
}

// TestUpdateRefusesManagedNetworkBack: as Azure, the stand-in lets a
// workspace's managed network only move forward (none, internet, approved).
func TestUpdateRefusesManagedNetworkBack(t *testing.T) {
	const token = "azure-native:machinelearningservices/v20241001:Workspace"
	id := "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws"
	for _, c := range []struct {
		from, to string
		refused  bool
	}{
		{"", "AllowInternetOutbound", false},
		{"Disabled", "AllowOnlyApprovedOutbound", false},
		{"AllowInternetOutbound", "AllowOnlyApprovedOutbound", false},
		{"AllowOnlyApprovedOutbound", "AllowOnlyApprovedOutbound", false},
		{"AllowOnlyApprovedOutbound", "AllowInternetOutbound", true},
		{"AllowInternetOutbound", "Disabled", true},
		{"AllowOnlyApprovedOutbound", "", true},
	} {
		s := New(Options{})
		olds := workspaceWithMode(c.from)
		_, err := s.Update(ctx, &pulumirpc.UpdateRequest{Id: id, Urn: urnOf(token, "ws"), Type: token,
			Olds: toStruct(t, olds), OldInputs: toStruct(t, olds), News: toStruct(t, workspaceWithMode(c.to))})
		switch {
		case c.refused && (err == nil || !strings.Contains(err.Error(), "cannot go from isolation mode "+c.from+" to "+orDisabled(c.to))):
			t.Errorf("%q -> %q: want Azure's refusal, got %v", c.from, c.to, err)
		case !c.refused && err != nil:
			t.Errorf("%q -> %q: %v", c.from, c.to, err)
		}
	}
	// A preview does not refuse: Azure is asked only on update.
	s := New(Options{})
	olds := workspaceWithMode("AllowOnlyApprovedOutbound")
	if _, err := s.Update(ctx, &pulumirpc.UpdateRequest{Id: id, Urn: urnOf(token, "ws"), Type: token, Preview: true,
		Olds: toStruct(t, olds), OldInputs: toStruct(t, olds), News: toStruct(t, workspaceWithMode("AllowInternetOutbound"))}); err != nil {
		t.Errorf("preview: %v", err)
	}
}
