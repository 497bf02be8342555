package components

import (
	"strconv"
	"strings"
)

// Path names one input the way its author wrote it, in the manner of
// Kubernetes' field.Path: "spec.maxNodes" in a component's args,
// "amlvnet:compute.maxNodes" in a stack's config, "attached[1].address".
// Every validator takes the path of the value it checks from its caller and
// names problems below it, so nobody maps names afterwards.
//
// The nil *Path is the root: nil.Child("maxNodes") is "maxNodes".
type Path struct {
	parent  *Path
	name    string
	index   int
	isIndex bool
}

// NewPath returns the path of a top-level input and, optionally, fields
// below it: NewPath("amlvnet:network", "existing") is
// "amlvnet:network.existing".
func NewPath(root string, more ...string) *Path {
	return (*Path)(nil).Child(root, more...)
}

// Child returns the path of a field below p.
func (p *Path) Child(name string, more ...string) *Path {
	c := &Path{parent: p, name: name}
	for _, n := range more {
		c = &Path{parent: c, name: n}
	}
	return c
}

// Index returns the path of the i-th element of the list at p.
func (p *Path) Index(i int) *Path {
	return &Path{parent: p, index: i, isIndex: true}
}

// String renders the path: names joined by ".", indexes as "[i]".
func (p *Path) String() string {
	if p == nil {
		return ""
	}
	var segs []*Path
	for q := p; q != nil; q = q.parent {
		segs = append(segs, q)
	}
	var b strings.Builder
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if s.isIndex {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

// leaf renders the last name of the path with its indexes
// ("addressSpace[1]"), to name a value in a message about another one.
func (p *Path) leaf() string {
	q := p
	for q != nil && q.isIndex {
		q = q.parent
	}
	if q == nil {
		return p.String()
	}
	return strings.TrimPrefix(p.String(), q.parent.String()+".")
}
