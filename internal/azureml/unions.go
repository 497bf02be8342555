package azureml

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// ComputeProperties is the Compute "properties" union: the plain struct of the member each
// computeType selects. It is declared once, here; NewCompute, the input checker and the
// conformance test all read it.
var ComputeProperties = azureschema.Union{Discriminator: "computeType", Members: map[string]reflect.Type{
	ComputeTypeAmlCompute:     plainOf(AmlComputeArgs{}),
	ComputeTypeAKS:            plainOf(AKSArgs{}),
	ComputeTypeVirtualMachine: plainOf(VirtualMachineArgs{}),
	ComputeTypeHDInsight:      plainOf(HDInsightArgs{}),
}}

// Unions maps each plain struct of the binding to its union-typed properties, for the input
// checker.
var Unions = map[reflect.Type]map[string]azureschema.Union{
	plainOf(ComputeArgs{}): {"properties": ComputeProperties},
}

// Inputs maps each resource token of the binding to its Args; their ElementType is the plain
// input struct the engine receives.
var Inputs = map[string]pulumi.Input{
	WorkspaceToken:            WorkspaceArgs{},
	ComputeToken:              ComputeArgs{},
	UserAssignedIdentityToken: UserAssignedIdentityArgs{},
}

func plainOf(in pulumi.Input) reflect.Type { return azureschema.PlainType(in.ElementType()) }

// withDiscriminator returns the union value v with its discriminator filled in when v is the Args
// of one of u's members (a value or a pointer): a shallow copy, so the caller's struct stays as it
// was and its input values, secrets included, are carried over unread. A discriminator already
// set to another member's value is an error. Other inputs (outputs, foreign types) pass as they
// are.
func withDiscriminator(u azureschema.Union, v pulumi.Input) (pulumi.Input, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil, nil
		}
		rv = rv.Elem()
	}
	if _, isOutput := v.(pulumi.Output); isOutput || rv.Kind() != reflect.Struct {
		return v, nil
	}
	plain := plainOf(v)
	for want, member := range u.Members {
		if member != plain {
			continue
		}
		c := reflect.New(rv.Type()).Elem()
		c.Set(rv)
		for i := range c.NumField() {
			if strings.Split(rv.Type().Field(i).Tag.Get("pulumi"), ",")[0] != u.Discriminator {
				continue
			}
			switch f := c.Field(i); f.String() {
			case "":
				f.SetString(want)
			case want:
			default:
				return nil, fmt.Errorf("%s is %q but the value is the %q member (%v)", u.Discriminator, f.String(), want, rv.Type())
			}
		}
		return c.Interface().(pulumi.Input), nil
	}
	return v, nil
}
