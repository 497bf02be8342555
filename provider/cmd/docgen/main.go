// Command docgen writes the doc comments of the Go types with pulumi tags in
// the given directories as a Go map (see internal/docgen), for go:generate:
//
//	docgen -out descriptions_gen.go DIR...
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/amlvnet/amlvnet/provider/internal/docgen"
)

func main() {
	out := flag.String("out", "", "the Go file to write")
	pkg := flag.String("pkg", "main", "its package")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	d, err := docgen.Collect(flag.Args()...)
	if err == nil {
		var src []byte
		if src, err = docgen.Render(*pkg, flag.Args(), d); err == nil {
			err = os.WriteFile(*out, src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}
