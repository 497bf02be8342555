package components

import (
	"fmt"
	"regexp"
)

// nameRule is Azure's naming rule for one resource kind (Azure docs:
// "Naming rules and restrictions for Azure resources"; compute names from
// the Azure ML compute API's own message).
type nameRule struct {
	kind     string
	min, max int
	pattern  *regexp.Regexp
	explain  string
}

var (
	resourceGroupName = nameRule{"resource group", 1, 90, regexp.MustCompile(`^[-\w.()]*[-\w()]$`),
		"letters, digits, '_', '-', '.', '(', ')'; not ending in '.'"}
	vnetName = nameRule{"virtual network", 2, 64, regexp.MustCompile(`^[A-Za-z0-9][-\w.]*\w$`),
		"letters, digits, '_', '-', '.'; starting with a letter or digit, ending with a letter, digit or '_'"}
	subnetName = nameRule{"subnet", 1, 80, regexp.MustCompile(`^[A-Za-z0-9]([-\w.]*\w)?$`),
		"letters, digits, '_', '-', '.'; starting with a letter or digit, ending with a letter, digit or '_'"}
	storageAccountName = nameRule{"storage account", 3, 24, regexp.MustCompile(`^[a-z0-9]+$`),
		"lower-case letters and digits only"}
	keyVaultName = nameRule{"key vault", 3, 24, regexp.MustCompile(`^[A-Za-z](-?[A-Za-z0-9])*$`),
		"letters, digits and single hyphens; starting with a letter, ending with a letter or digit"}
	workspaceName = nameRule{"ML workspace", 3, 33, regexp.MustCompile(`^[A-Za-z0-9][-\w]*$`),
		"letters, digits, '-', '_'; starting with a letter or digit"}
	computeName = nameRule{"ML compute", 2, 16, regexp.MustCompile(`^[A-Za-z][-A-Za-z0-9]*$`),
		"letters, digits and '-'; starting with a letter"}
	aksName = nameRule{"AKS cluster", 1, 63, regexp.MustCompile(`^[A-Za-z0-9]([-\w]*[A-Za-z0-9])?$`),
		"letters, digits, '-', '_'; starting and ending with a letter or digit"}
)

// check adds a problem at p when name breaks the rule.
func (r nameRule) check(ps *Problems, p *Path, name string) {
	if msg := r.violation(name); msg != "" {
		ps.Add(p, "%s", msg)
	}
}

func (r nameRule) violation(name string) string {
	if name == "" {
		return fmt.Sprintf("a %s name is required (%d-%d characters: %s)", r.kind, r.min, r.max, r.explain)
	}
	if n := len(name); n < r.min || n > r.max {
		unit := "characters"
		if n == 1 {
			unit = "character"
		}
		return fmt.Sprintf("%s name %q is %d %s long; Azure allows %d-%d", r.kind, name, n, unit, r.min, r.max)
	}
	if !r.pattern.MatchString(name) {
		return fmt.Sprintf("%s name %q is not allowed; use %s", r.kind, name, r.explain)
	}
	return ""
}

// CheckResourceGroupName returns why name is not a valid resource group
// name, or "".
func CheckResourceGroupName(name string) string { return resourceGroupName.violation(name) }
