// Package components holds the reusable Pulumi ComponentResources of amlvnet:
// Network, SecureStorage, SecureKeyVault, MLWorkspace, AmlComputeInVnet,
// AksInVnet and PrivateEndpoints. Each takes a plain Spec (the values its
// code branches on, with documented defaults) plus the wiring inputs that
// come from other resources, validates all of it before it registers
// anything, and reports every problem at once, each named by its path.
package components

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Problem is one broken rule, named by the path of the input that breaks it
// (e.g. "spec.maxNodes", or "amlvnet:compute.maxNodes" when the root
// program validates a stack's config). A Warning does not stop anything:
// it is logged and the deployment goes on.
type Problem struct {
	Path    string
	Message string
	Warning bool
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// ValidationError carries every problem found in one component's inputs.
type ValidationError struct {
	Component string
	Problems  []Problem
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d invalid input(s):", e.Component, len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  - ")
		b.WriteString(p.String())
	}
	return b.String()
}

// ProblemsOf returns the problems inside err when it is (or wraps) a
// *ValidationError, or nil.
func ProblemsOf(err error) []Problem {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Problems
	}
	return nil
}

// Problems collects the problems a validator finds.
type Problems []Problem

// Add records a problem at path p.
func (ps *Problems) Add(p *Path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: p.String(), Message: fmt.Sprintf(format, args...)})
}

// Warn records a warning at path p.
func (ps *Problems) Warn(p *Path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: p.String(), Message: fmt.Sprintf(format, args...), Warning: true})
}

// Split separates the errors from the warnings.
func (ps Problems) Split() (errs, warnings Problems) {
	for _, p := range ps {
		if p.Warning {
			warnings = append(warnings, p)
		} else {
			errs = append(errs, p)
		}
	}
	return errs, warnings
}

// Sorted returns the problems in a stable order (by path, then message) so
// that users and tests see the same text every run, without duplicates.
func (ps Problems) Sorted() []Problem {
	out := append([]Problem(nil), ps...)
	slices.SortStableFunc(out, func(a, b Problem) int {
		return cmp.Or(comparePaths(a.Path, b.Path), strings.Compare(a.Message, b.Message))
	})
	dedup := out[:0]
	for i, p := range out {
		if i == 0 || p != out[i-1] {
			dedup = append(dedup, p)
		}
	}
	return dedup
}

// Err returns nil when no error was found (warnings aside), else a
// *ValidationError naming component that lists the errors.
func (ps Problems) Err(component string) error {
	errs, _ := ps.Split()
	if len(errs) == 0 {
		return nil
	}
	return &ValidationError{Component: component, Problems: errs.Sorted()}
}

// validated logs the warnings of ps on the console of the resource being
// constructed and returns its errors, if any, as Err does.
func validated(ctx *pulumi.Context, component string, ps Problems) error {
	_, warnings := ps.Split()
	for _, w := range warnings.Sorted() {
		_ = ctx.Log.Warn(component+": "+w.String(), nil)
	}
	return ps.Err(component)
}

// comparePaths orders paths as text, except that list indexes compare as
// numbers, so "attached[2]" comes before "attached[10]".
func comparePaths(a, b string) int {
	for a != "" && b != "" {
		if a[0] == '[' && b[0] == '[' {
			an, alen := leadingNumber(a[1:])
			bn, blen := leadingNumber(b[1:])
			if alen > 0 && blen > 0 {
				if an != bn {
					return cmp.Compare(an, bn)
				}
				a, b = a[1+alen:], b[1+blen:]
				continue
			}
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

// leadingNumber reads the digits at the start of s.
func leadingNumber(s string) (n, digits int) {
	for digits < len(s) && digits < 9 && s[digits] >= '0' && s[digits] <= '9' {
		n = n*10 + int(s[digits]-'0')
		digits++
	}
	return n, digits
}
