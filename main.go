// Command amlvnet is the root Pulumi program: `pulumi up` runs it with the
// stack's config from stacks/.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/program"
)

func main() {
	pulumi.Run(program.Run)
}
