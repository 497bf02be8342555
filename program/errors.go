package program

import (
	"errors"
	"fmt"
	"strings"

	"github.com/amlvnet/amlvnet/components"
)

// ConfigError lists every problem of one stack's configuration, each named
// by the config key as written in the stack file plus its path inside the
// key (e.g. "amlvnet:compute.maxNodes", "amlvnet:attach[1].address").
type ConfigError struct {
	Problems []components.Problem
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "invalid configuration (%d problem(s)); nothing was created:", len(e.Problems))
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "\n  - %s: %s", p.Path, p.Message)
	}
	return b.String()
}

// IsConfigError tells whether err is a configuration problem (as opposed to
// a failure talking to Azure or the engine).
func IsConfigError(err error) bool {
	var ce *ConfigError
	return errors.As(err, &ce)
}

// configError reports the decoding problems together with the other ones.
// A value that failed to decode is left at its zero value, so other
// problems at or below a key already reported by the decoder are echoes of
// it and are dropped. Warnings are not errors: the components log them when
// they are constructed.
func configError(decoding components.Problems, others ...components.Problems) error {
	all := append(components.Problems(nil), decoding...)
	for _, ps := range others {
		for _, p := range ps {
			if !p.Warning && !under(p.Path, decoding) {
				all = append(all, p)
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	return &ConfigError{Problems: all.Sorted()}
}

func under(path string, reported components.Problems) bool {
	for _, r := range reported {
		if path == r.Path || strings.HasPrefix(path, r.Path+".") || strings.HasPrefix(path, r.Path+"[") {
			return true
		}
	}
	return false
}
