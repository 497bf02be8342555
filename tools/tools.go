//go:build tools

// Package tools pins the command-line tools the project builds from source
// (see the top-level Makefile, target "tools"). The blank import keeps
// `go mod tidy` from dropping the Pulumi CLI's module from tools/go.mod.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
