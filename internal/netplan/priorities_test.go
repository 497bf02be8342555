package netplan

import "testing"

func TestCheckPriorities(t *testing.T) {
	tests := []struct {
		name  string
		rules []Rule
		want  []Problem
	}{
		{name: "none"},
		{
			name: "same priority in both directions is fine",
			rules: []Rule{
				{"allow-batch", "Inbound", 100},
				{"allow-storage", "Outbound", 100},
				{"deny-internet", "Outbound", 4096},
			},
		},
		{
			name:  "bounds",
			rules: []Rule{{"low", "Inbound", 99}, {"high", "Outbound", 4097}, {"zero", "Inbound", 0}},
			want: []Problem{
				{"low", "priority 99 is outside 100-4096"},
				{"high", "priority 4097 is outside 100-4096"},
				{"zero", "priority 0 is outside"},
			},
		},
		{
			name: "collision names both rules",
			rules: []Rule{
				{"allow-batch", "Inbound", 100},
				{"allow-ssh", "Inbound", 100},
				{"allow-aml", "inbound", 100},
			},
			want: []Problem{
				{"allow-ssh", `priority 100 is also used by Inbound rule "allow-batch"; priorities must be unique per direction`},
				{"allow-aml", `also used by Inbound rule "allow-batch"`},
			},
		},
		{
			name:  "bad direction and duplicate name",
			rules: []Rule{{"a", "In", 200}, {"a", "Outbound", 300}, {"", "Outbound", 400}},
			want: []Problem{
				{"a", `direction "In" is neither Inbound nor Outbound`},
				{"a", `another rule is also named "a"`},
				{"", "has no name"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, CheckPriorities(tt.rules), tt.want)
		})
	}
}
