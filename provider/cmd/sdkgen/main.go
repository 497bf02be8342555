// Command sdkgen writes the TypeScript (nodejs) or Python SDK of a Pulumi
// package schema, for checking that the schema of amlvnet's plugin yields
// SDKs that compile.
//
// It calls the generators of pkg/v3/codegen that `pulumi package gen-sdk`
// reaches through the language hosts' GeneratePackage method
// (https://github.com/pulumi/pulumi/blob/v3.274.1/pkg/codegen/sdks.md): the
// CLI itself carries no generator, and the nodejs and python language hosts
// are not published as Go modules, so they cannot be built here.
//
//	sdkgen -schema schema.json -language nodejs -out sdk/nodejs
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"

	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// noPackages is the loader of a schema that refers to no other package:
// amlvnet's components take other resources by ID, never by reference.
type noPackages struct{}

func (noPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; sdkgen loads no other package", name)
}

func (l noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

// tool names the generator in the generated files' headers.
const tool = "amlvnet-sdkgen"

func main() {
	schemaPath := flag.String("schema", "", "the package schema (JSON), e.g. from `pulumi package get-schema`")
	language := flag.String("language", "", "nodejs or python")
	out := flag.String("out", "", "directory to write the SDK into; its previous content is removed")
	flag.Parse()
	if *schemaPath == "" || *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*schemaPath, *language, *out); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}

func run(schemaPath, language, out string) error {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s: %s", schemaPath, diags.Error())
	}
	var files map[string][]byte
	switch language {
	case "nodejs":
		files, err = nodejs.GeneratePackage(tool, pkg, nil, nil, false, nil)
	case "python":
		files, err = python.GeneratePackage(tool, pkg, nil, nil)
	default:
		return fmt.Errorf("language %q: want nodejs or python", language)
	}
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}
