package components

import "testing"

func TestPathString(t *testing.T) {
	var root *Path
	for _, tt := range []struct {
		name string
		path *Path
		want string
	}{
		// The nil *Path is the root: it renders empty and names nothing.
		{"nil root", root, ""},
		{"child of the nil root", root.Child("maxNodes"), "maxNodes"},
		{"index of the nil root", root.Index(2), "[2]"},
		{"top-level input", NewPath("location"), "location"},
		{"NewPath with fields below", NewPath("amlvnet:network", "existing"), "amlvnet:network.existing"},
		{"Child with more names", NewPath("spec").Child("existing", "resourceGroup"), "spec.existing.resourceGroup"},
		{"field of a list element", NewPath("attached").Index(1).Child("address"), "attached[1].address"},
		{"index below a field", NewPath("spec").Child("sshSources").Index(0), "spec.sshSources[0]"},
		{"nested indexes", NewPath("m").Index(0).Index(10), "m[0][10]"},
		{"config key with a colon", NewPath("amlvnet:compute", "maxNodes"), "amlvnet:compute.maxNodes"},
	} {
		if got := tt.path.String(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Paths are values: deriving children must not change the parent or its
// other children, since validators hand one parent path to many checks.
func TestPathChildrenShareNoState(t *testing.T) {
	spec := NewPath("spec")
	a := spec.Child("name")
	b := spec.Index(3)
	c := spec.Child("vmSize", "x")
	if spec.String() != "spec" || a.String() != "spec.name" || b.String() != "spec[3]" || c.String() != "spec.vmSize.x" {
		t.Errorf("spec=%q a=%q b=%q c=%q", spec, a, b, c)
	}
}

// leaf names one value in a message about another (the address-space
// prefix an overlap is reported against), without the parent's path.
func TestPathLeaf(t *testing.T) {
	var root *Path
	for _, tt := range []struct {
		path *Path
		want string
	}{
		{NewPath("spec", "addressSpace"), "addressSpace"},
		{NewPath("spec", "addressSpace").Index(1), "addressSpace[1]"},
		{NewPath("addressSpace").Index(0), "addressSpace[0]"},
		{NewPath("a", "b").Index(0).Index(2), "b[0][2]"},
		{root.Index(4), "[4]"},
		{root, ""},
	} {
		if got := tt.path.leaf(); got != tt.want {
			t.Errorf("leaf of %q is %q, want %q", tt.path, got, tt.want)
		}
	}
}

// An empty name is a name, not a list index.
func TestPathEmptyChildIsNotAnIndex(t *testing.T) {
	if got := NewPath("a").Child("").String(); got != "a." {
		t.Errorf("got %q, want %q", got, "a.")
	}
}
