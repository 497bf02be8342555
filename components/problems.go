// Package components holds the reusable Pulumi ComponentResources of amlvnet:
// the network foundation, SecureStorage, SecureKeyVault, the ML workspace,
// AmlComputeInVnet and AksInVnet. Every component validates its Args in full
// before it registers anything, so a bad input never reaches Azure.
package components

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Problem is one broken rule in a component's Args. Field uses the same
// camelCase names as the root program's config keys (e.g. "maxNodes",
// "clientIpRanges[1]"), so the program can prefix its namespace and the user
// sees the key they wrote.
type Problem struct {
	Field   string
	Message string
}

func (p Problem) String() string { return p.Field + ": " + p.Message }

// ValidationError carries every problem found in one Validate call.
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

// problems collects Problems while a Validate method walks its Args.
type problems []Problem

func (ps *problems) add(field, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

// addAll appends the problems of a nested validation with their fields put
// under prefix (e.g. "attach[2]." + "address").
func (ps *problems) addAll(prefix string, more []Problem) {
	for _, p := range more {
		*ps = append(*ps, Problem{Field: prefix + p.Field, Message: p.Message})
	}
}

// err returns nil when nothing was found, else a *ValidationError with the
// problems in a stable order (by field, then message) so tests and users see
// the same text every run.
func (ps problems) err(component string) error {
	if len(ps) == 0 {
		return nil
	}
	out := append([]Problem(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Field != out[j].Field {
			return out[i].Field < out[j].Field
		}
		return out[i].Message < out[j].Message
	})
	return &ValidationError{Component: component, Problems: out}
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
