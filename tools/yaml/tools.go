//go:build tools

// Package yaml pins the Pulumi YAML language host (pulumi-language-yaml),
// built by the top-level Makefile (target "tools") into bin/.
//
// It is a module of its own, not part of ../go.mod: pulumi-yaml v1.25.0
// calls pkg/v3 APIs that changed between v3.229.0 and v3.248.0
// (schema.NewPluginLoader now takes a *plugin.Context, and
// plugin.NewContextWithRoot gained parameters), so it does not compile
// against the CLI's pkg/v3 v3.274.1. Here the build list is the one
// pulumi-yaml v1.25.0's own go.mod asks for (pkg/v3 and sdk/v3 v3.206.0),
// as in its release builds; the host talks to the CLI over gRPC only.
package yaml

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
