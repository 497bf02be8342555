package components

import (
	"fmt"
	"strings"

	network "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/amlvnet/amlvnet/internal/netplan"
)

// securityRule is one NSG rule in plain values, so that a component's rule
// set can be listed, checked and tested before anything is registered.
type securityRule struct {
	Name        string
	Direction   string
	Priority    int
	Access      string
	Protocol    string
	Source      string
	Destination string
	Ports       []string
	// Destinations, when set, replaces Destination by a list.
	Destinations []string
	Why          string
}

// prioritize gives rules the direction, access and priorities base, base+10, ...
func prioritize(rules []securityRule, direction, access string, base int) []securityRule {
	for i := range rules {
		rules[i].Direction, rules[i].Access, rules[i].Priority = direction, access, base+10*i
	}
	return rules
}

// checkRulePriorities reports, in one problem at p, a rule priority base that
// puts a component's rules outside Azure's 100-4096, on top of one another,
// or on top of the rules already on the NSG, and says which values would fit.
func checkRulePriorities(ps *Problems, p *Path, base int, rules []securityRule, existing []ExistingRule) {
	plan := make([]netplan.Rule, 0, len(existing)+len(rules))
	for _, r := range existing {
		plan = append(plan, netplan.Rule{Name: r.Name, Direction: r.Direction, Priority: r.Priority})
	}
	for _, r := range rules {
		plan = append(plan, netplan.Rule{Name: r.Name, Direction: r.Direction, Priority: r.Priority})
	}
	broken := netplan.CheckPriorities(plan)
	if len(broken) == 0 {
		return
	}
	if len(existing) > 0 {
		var taken []string
		for _, r := range existing {
			taken = append(taken, fmt.Sprintf("%s %s %d", r.Name, r.Direction, r.Priority))
		}
		var names []string
		for _, b := range broken {
			names = append(names, b.Field)
		}
		ps.Add(p, "is %d, which puts %d rule(s) (%s) outside 100-4096 or on top of another rule; the subnet's NSG already has %s: pick a value whose rules, every 10 from it, miss those",
			base, len(broken), strings.Join(names, ", "), strings.Join(taken, ", "))
		return
	}
	// The allows of one direction step by 10 from the base and must stay
	// below any deny at the top of the range.
	perDirection := map[string]int{}
	for _, r := range rules {
		if r.Access != "Deny" {
			perDirection[r.Direction]++
		}
	}
	most := 0
	for _, n := range perDirection {
		most = max(most, n)
	}
	highest := netplan.MaxPriority - 1 - 10*(most-1)
	var names []string
	for _, b := range broken {
		names = append(names, b.Field)
	}
	ps.Add(p, "is %d, which puts %d rule(s) (%s) outside 100-4096 or on top of another rule; use a value from %d to %d",
		base, len(broken), strings.Join(names, ", "), netplan.MinPriority, highest)
}

// newSecurityRules registers rules on the subnet's NSG as standalone
// SecurityRule resources. Standalone only: mixing them with inline NSG rules
// makes the two fight (pulumi-azure-native #3359).
func newSecurityRules(ctx *pulumi.Context, prefix string, subnet SubnetRef, rules []securityRule, opts ...pulumi.ResourceOption) ([]pulumi.Resource, error) {
	var out []pulumi.Resource
	for _, r := range rules {
		args := &network.SecurityRuleArgs{
			ResourceGroupName:        subnet.ResourceGroupName,
			NetworkSecurityGroupName: subnet.NsgName,
			SecurityRuleName:         pulumi.String(r.Name),
			Description:              pulumi.String(r.Why),
			Direction:                pulumi.String(r.Direction),
			Access:                   pulumi.String(r.Access),
			Protocol:                 pulumi.String(r.Protocol),
			Priority:                 pulumi.Int(r.Priority),
			SourceAddressPrefix:      pulumi.String(r.Source),
			SourcePortRange:          pulumi.String("*"),
		}
		if len(r.Destinations) > 0 {
			args.DestinationAddressPrefixes = pulumi.ToStringArray(r.Destinations)
		} else {
			args.DestinationAddressPrefix = pulumi.String(r.Destination)
		}
		if len(r.Ports) == 1 {
			args.DestinationPortRange = pulumi.String(r.Ports[0])
		} else {
			args.DestinationPortRanges = pulumi.ToStringArray(r.Ports)
		}
		res, err := network.NewSecurityRule(ctx, prefix+"-"+r.Name, args, opts...)
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}
