package netplan

import (
	"fmt"
	"strings"
)

// NSG rule priorities Azure accepts; it checks them only at deployment time.
const MinPriority, MaxPriority = 100, 4096

// Rule is the part of an NSG security rule that priorities depend on.
// Direction is "Inbound" or "Outbound".
type Rule struct {
	Name, Direction string
	Priority        int
}

// CheckPriorities checks the rules of one NSG: each has a name unique in the
// NSG, a direction of Inbound or Outbound, and a priority within
// MinPriority-MaxPriority that no other rule of the same direction uses.
// A collision is reported on the later rule and names the earlier one.
// Problem.Field is the rule name.
func CheckPriorities(rules []Rule) []Problem {
	var probs []Problem
	add := func(field, format string, args ...any) {
		probs = append(probs, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	type key struct {
		dir      string
		priority int
	}
	byPriority := map[key]string{}
	names := map[string]bool{}
	for _, r := range rules {
		if r.Name == "" {
			add(r.Name, "a security rule has no name; every NSG rule needs a unique name")
		} else if names[strings.ToLower(r.Name)] {
			add(r.Name, "another rule is also named %q; rule names must be unique in an NSG", r.Name)
		}
		names[strings.ToLower(r.Name)] = true

		dir := ""
		switch {
		case strings.EqualFold(r.Direction, "Inbound"):
			dir = "Inbound"
		case strings.EqualFold(r.Direction, "Outbound"):
			dir = "Outbound"
		default:
			add(r.Name, "direction %q is neither Inbound nor Outbound", r.Direction)
		}

		if r.Priority < MinPriority || r.Priority > MaxPriority {
			add(r.Name, "priority %d is outside %d-%d, the range Azure accepts", r.Priority, MinPriority, MaxPriority)
			continue
		}
		if dir == "" {
			continue
		}
		k := key{dir, r.Priority}
		if other, taken := byPriority[k]; taken {
			add(r.Name, "priority %d is also used by %s rule %q; priorities must be unique per direction", r.Priority, dir, other)
			continue
		}
		byPriority[k] = r.Name
	}
	return probs
}
