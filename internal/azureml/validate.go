package azureml

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// missingRequired walks an input that is one of this package's Args structs (a value or a
// pointer, as the user wrote it) and returns "<pulumi path> is required" for each required field
// left nil. A field is required when its counterpart in the plain struct (ElementType) is not a
// pointer, slice, map or interface. Only nil-ness is looked at: values are never read, outputs are
// not awaited, and anything that is not an Args struct (an output, a pulumi.String, ...) is skipped
// since its value is unknown until the engine resolves it.
func missingRequired(path string, v any) []string {
	if v == nil {
		return nil
	}
	if _, isOutput := v.(pulumi.Output); isOutput {
		return nil
	}
	in, ok := v.(pulumi.Input)
	if !ok {
		return nil
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	plain := in.ElementType()
	for plain.Kind() == reflect.Pointer {
		plain = plain.Elem()
	}
	if rv.Kind() != reflect.Struct || plain.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := 0; i < rv.NumField(); i++ {
		f := rv.Type().Field(i)
		pf, ok := plain.FieldByName(f.Name)
		if !ok {
			continue
		}
		name := strings.Split(pf.Tag.Get("pulumi"), ",")[0]
		if name == "" {
			continue
		}
		fpath := path + "." + name
		fv := rv.Field(i)
		switch fv.Kind() {
		case reflect.Interface, reflect.Pointer:
			if fv.IsNil() {
				if requiredKind(pf.Type) {
					out = append(out, fpath+" is required")
				}
				continue
			}
			out = append(out, missingRequired(fpath, fv.Interface())...)
		case reflect.String:
			if fv.Len() == 0 && requiredKind(pf.Type) {
				out = append(out, fpath+" is required")
			}
		}
	}
	return out
}

func requiredKind(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return false
	}
	return true
}

func argsError(fn, name string, problems []string) error {
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("azureml: %s %q: %s", fn, name, strings.Join(problems, "; "))
}
