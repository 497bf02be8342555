package policyrules

import (
	"math"
	"strconv"
	"strings"
)

// tri is a three-valued answer: no < maybe < yes. "maybe" is what an
// unknown value gives: the rule cannot tell.
type tri int8

const (
	no tri = iota
	maybe
	yes
)

// all is the three-valued AND: the smallest answer.
func all(ts ...tri) tri {
	out := yes
	for _, t := range ts {
		out = min(out, t)
	}
	return out
}

// triOf turns a bool into no or yes.
func triOf(b bool) tri {
	if b {
		return yes
	}
	return no
}

// state of a looked-up value.
type state int8

const (
	missing state = iota
	unknown
	known
)

func isUnknown(v any) bool {
	s, ok := v.(string)
	return ok && s == Unknown
}

// get walks a path of map keys. An unknown value on the way makes the result
// unknown; a missing key or a value that is not a map makes it missing. A
// JSON null counts as missing.
func get(m map[string]any, path ...string) (any, state) {
	var cur any = m
	for _, k := range path {
		if isUnknown(cur) {
			return nil, unknown
		}
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, missing
		}
		if cur, ok = mm[k]; !ok || cur == nil {
			return nil, missing
		}
	}
	if isUnknown(cur) {
		return nil, unknown
	}
	return cur, known
}

// getString is get for a string value. A known value of another type counts
// as unknown: the rule cannot read it.
func getString(m map[string]any, path ...string) (string, state) {
	v, st := get(m, path...)
	if st != known {
		return "", st
	}
	s, ok := v.(string)
	if !ok {
		return "", unknown
	}
	return s, known
}

// getBool is get for a bool value.
func getBool(m map[string]any, path ...string) (bool, state) {
	v, st := get(m, path...)
	if st != known {
		return false, st
	}
	b, ok := v.(bool)
	if !ok {
		return false, unknown
	}
	return b, known
}

// getInt is get for a whole number (float64 from JSON or the engine, or any
// Go integer; a numeric string too, as Azure accepts priorities as strings).
func getInt(m map[string]any, path ...string) (int, state) {
	v, st := get(m, path...)
	if st != known {
		return 0, st
	}
	if n, ok := toInt(v); ok {
		return n, known
	}
	return 0, unknown
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		return int(n), true
	case float64:
		if n == math.Trunc(n) {
			return int(n), true
		}
	case string:
		if i, err := strconv.Atoi(strings.TrimSpace(n)); err == nil {
			return i, true
		}
	}
	return 0, false
}

// getMap is get for an object.
func getMap(m map[string]any, path ...string) (map[string]any, state) {
	v, st := get(m, path...)
	if st != known {
		return nil, st
	}
	mm, ok := v.(map[string]any)
	if !ok {
		return nil, unknown
	}
	return mm, known
}

// getList is get for an array.
func getList(m map[string]any, path ...string) ([]any, state) {
	v, st := get(m, path...)
	if st != known {
		return nil, st
	}
	switch l := v.(type) {
	case []any:
		return l, known
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, known
	case []map[string]any:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, known
	}
	return nil, unknown
}

// strings of a single property and its plural form, e.g.
// sourceAddressPrefix and sourceAddressPrefixes. complete is false when
// some value is unknown.
func stringsOf(m map[string]any, single, plural string) (values []string, complete bool) {
	complete = true
	if s, st := getString(m, single); st == known {
		values = append(values, s)
	} else if st == unknown {
		complete = false
	}
	list, st := getList(m, plural)
	if st == unknown {
		complete = false
	}
	for _, e := range list {
		if s, ok := e.(string); ok && s != Unknown {
			values = append(values, s)
		} else if e != nil {
			complete = false
		}
	}
	return values, complete
}

// anyOf answers whether some value satisfies ok, given that the list may be
// incomplete.
func anyOf(values []string, complete bool, ok func(string) bool) tri {
	for _, v := range values {
		if ok(v) {
			return yes
		}
	}
	if !complete {
		return maybe
	}
	return no
}

// eqFold compares a looked-up string with the wanted ones.
func eqFold(s string, st state, want ...string) tri {
	switch st {
	case unknown:
		return maybe
	case missing:
		return no
	}
	for _, w := range want {
		if strings.EqualFold(strings.TrimSpace(s), w) {
			return yes
		}
	}
	return no
}

// portCovers tells whether an NSG port spec ("*", "22", "0-1024") covers
// port.
func portCovers(spec string, port int) bool {
	spec = strings.TrimSpace(spec)
	if spec == "*" {
		return true
	}
	if lo, hi, ok := strings.Cut(spec, "-"); ok {
		l, err1 := strconv.Atoi(strings.TrimSpace(lo))
		h, err2 := strconv.Atoi(strings.TrimSpace(hi))
		return err1 == nil && err2 == nil && l <= port && port <= h
	}
	p, err := strconv.Atoi(spec)
	return err == nil && p == port
}
