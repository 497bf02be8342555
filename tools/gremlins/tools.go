//go:build tools

// Package gremlins pins the mutation tester behind `make mutation`
// (docs/testing.md). It has a module of its own so that its dependencies
// (cobra, viper) never move the Pulumi CLI's pins in tools/go.mod.
package gremlins

import (
	_ "github.com/go-gremlins/gremlins/cmd/gremlins"
)
