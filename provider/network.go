package main

import (
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/components"
)

// Network is components.Network under a type of this package; its inputs
// are components.NetworkArgs as they are (the Go-only Layout, a plan made
// ahead, is not an input: the plugin plans). Its flat outputs are the parts
// of the handles the other components take (see handles.go).
type Network components.Network

// Annotate gives the token.
func (*Network) Annotate(an infer.Annotator) { an.SetToken("index", "Network") }

func newNetwork(ctx *pulumi.Context, name string, args components.NetworkArgs, opts ...pulumi.ResourceOption) (*Network, error) {
	comp, err := components.NewNetwork(ctx, name, &args, opts...)
	if err != nil {
		return nil, err
	}
	return (*Network)(comp), nil
}
