package components

import (
	"strings"
	"unicode"
)

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func ptr[T any](v T) *T { return &v }

// storageLogicalName turns a component name into a logical name whose
// auto-named form is a valid globally unique name (lower-case letters and
// digits), short enough to leave room for the random suffix.
func storageLogicalName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if len(s) > 16 {
		s = s[:16]
	}
	if len(s) < 3 {
		s += "sta"
	}
	return s
}
