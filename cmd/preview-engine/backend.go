package main

import (
	"context"
	"fmt"

	"github.com/pulumi/pulumi/pkg/v3/resource/deploy"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// selfBackend answers the engine's stack references (the builtin
// pulumi:pulumi:StackReference) as the CLI's file backend does for a
// throwaway backend holding this one stack: the program reads its own last
// deployment's outputs (program/fixed.go), from the session's snapshot;
// a stack never deployed has none; any other stack is unknown.
type selfBackend struct{ s *Session }

var _ deploy.BackendClient = selfBackend{}

// stack returns the session's snapshot if name is the session's stack, in
// the forms the file backend parses: "dev" or "organization/amlvnet/dev".
func (b selfBackend) stack(name string) (*deploy.Snapshot, error) {
	s := b.s
	if name != s.stack.String() && name != "organization/"+s.project.Name.String()+"/"+s.stack.String() {
		return nil, fmt.Errorf("unknown stack %q", name)
	}
	return s.snap, nil
}

func (b selfBackend) GetStackOutputs(ctx context.Context, name string, _ func(error) error) (property.Map, error) {
	snap, err := b.stack(name)
	if err != nil || snap == nil {
		return property.Map{}, err
	}
	for _, r := range snap.Resources {
		if r.Type == resource.RootStackType && r.Parent == "" {
			return resource.FromResourcePropertyMap(r.Outputs), nil
		}
	}
	return property.Map{}, nil
}

func (b selfBackend) GetStackResourceOutputs(ctx context.Context, name string) (property.Map, error) {
	snap, err := b.stack(name)
	if err != nil || snap == nil {
		return property.Map{}, err
	}
	pm := map[string]property.Value{}
	for _, r := range snap.Resources {
		if r.Delete {
			continue
		}
		pm[string(r.URN)] = property.New(map[string]property.Value{
			"type":    property.New(string(r.Type)),
			"outputs": property.New(resource.FromResourcePropertyMap(r.Outputs)),
		})
	}
	return property.NewMap(pm), nil
}
