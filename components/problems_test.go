package components

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestProblemsAddNamesThePath(t *testing.T) {
	var ps Problems
	ps.Add(NewPath("spec", "maxNodes"), "is %d; at least %d", 0, 1)
	ps.Add(nil, "at the root")
	want := []Problem{{Path: "spec.maxNodes", Message: "is 0; at least 1"}, {Path: "", Message: "at the root"}}
	if !reflect.DeepEqual([]Problem(ps), want) {
		t.Errorf("problems %+v, want %+v", ps, want)
	}
	if got := ps[0].String(); got != "spec.maxNodes: is 0; at least 1" {
		t.Errorf("String() = %q", got)
	}
}

func TestProblemsSorted(t *testing.T) {
	ps := Problems{
		{Path: "spec.name", Message: "b"},
		{Path: "location", Message: "unknown region"},
		{Path: "spec.name", Message: "a"},
		{Path: "attached[1].address", Message: "outside"},
		{Path: "spec.name", Message: "b"}, // reported twice by two checks
		{Path: "attached[0].name", Message: "x"},
		{Path: "location", Message: "unknown region"},
	}
	before := append(Problems(nil), ps...)
	got := ps.Sorted()
	// By path, then by message, each problem once.
	want := []Problem{
		{Path: "attached[0].name", Message: "x"},
		{Path: "attached[1].address", Message: "outside"},
		{Path: "location", Message: "unknown region"},
		{Path: "spec.name", Message: "a"},
		{Path: "spec.name", Message: "b"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sorted() =\n%v\nwant\n%v", got, want)
	}
	if !reflect.DeepEqual(ps, before) {
		t.Errorf("Sorted changed its receiver: %v", ps)
	}
	if got := (Problems{}).Sorted(); len(got) != 0 {
		t.Errorf("nothing sorted is nothing: %v", got)
	}
	// The same problems in another order give the same text.
	reversed := make(Problems, len(ps))
	for i, p := range ps {
		reversed[len(ps)-1-i] = p
	}
	if !reflect.DeepEqual(reversed.Sorted(), want) {
		t.Errorf("order of discovery leaks into Sorted: %v", reversed.Sorted())
	}
}

func TestProblemsErr(t *testing.T) {
	if err := (Problems{}).Err("Network"); err != nil {
		t.Errorf("no problems, no error: %v", err)
	}
	ps := Problems{{Path: "spec.sku", Message: "bad"}, {Path: "location", Message: "unknown"}, {Path: "spec.sku", Message: "bad"}}
	err := ps.Err("SecureStorage")
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Component != "SecureStorage" {
		t.Fatalf("want a *ValidationError for SecureStorage, got %#v", err)
	}
	want := "SecureStorage: 2 invalid input(s):\n  - location: unknown\n  - spec.sku: bad"
	if err.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", err.Error(), want)
	}
	// Callers wrap it; ProblemsOf still finds the problems.
	wrapped := fmt.Errorf("deploying: %w", err)
	if got := ProblemsOf(wrapped); !reflect.DeepEqual(got, ve.Problems) || len(got) != 2 {
		t.Errorf("ProblemsOf(wrapped) = %v", got)
	}
	if got := ProblemsOf(errors.New("other")); got != nil {
		t.Errorf("ProblemsOf(a plain error) = %v, want nil", got)
	}
	if got := ProblemsOf(nil); got != nil {
		t.Errorf("ProblemsOf(nil) = %v, want nil", got)
	}
}

// List indexes sort as numbers: the tenth entry comes after the second.
func TestProblemsSortedIndexesAsNumbers(t *testing.T) {
	var ps Problems
	for _, i := range []int{10, 2, 1} {
		ps.Add(NewPath("attached").Index(i).Child("name"), "x")
	}
	ps.Add(NewPath("attached"), "x")
	var got []string
	for _, p := range ps.Sorted() {
		got = append(got, p.Path)
	}
	want := []string{"attached", "attached[1].name", "attached[2].name", "attached[10].name"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order %v, want %v", got, want)
	}
}
