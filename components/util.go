package components

import (
	"strings"
	"unicode"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

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

func registryLogicalName(name string) string { return storageLogicalName(name) + "acr" }

// previousNameAliases aliases a child whose logical name is derived from the
// component's name (not prefixed by it, which Pulumi would alias by itself)
// to the names it had under the component's previous names.
func previousNameAliases(previous []string, derive func(string) string) pulumi.ResourceOption {
	var aliases []pulumi.Alias
	for _, p := range previous {
		aliases = append(aliases, pulumi.Alias{Name: pulumi.String(derive(p))})
	}
	return pulumi.Aliases(aliases)
}
