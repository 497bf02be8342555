package tests

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/amlvnet/amlvnet/internal/stackfile"
)

// TestPullRequestPreviewsEveryStack: the real-preview matrix is the list of
// stacks/ the workflow computes, not a hand-kept one; running that step's
// script here gives every stack file.
func TestPullRequestPreviewsEveryStack(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", ".github", "workflows", "pull-request.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Strategy struct {
				Matrix map[string]any `yaml:"matrix"`
			} `yaml:"strategy"`
			Steps []struct {
				ID  string `yaml:"id"`
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	if got := wf.Jobs["preview"].Strategy.Matrix["stack"]; got != "${{ fromJSON(needs.stacks.outputs.list) }}" {
		t.Fatalf("the preview matrix is %v, not the computed list of stacks", got)
	}
	script := ""
	for _, s := range wf.Jobs["stacks"].Steps {
		if s.ID == "list" {
			script = s.Run
		}
	}
	if script == "" {
		t.Fatal("no step computes the list of stacks")
	}
	out := filepath.Join(t.TempDir(), "output")
	cmd := exec.Command("bash", "-e", "-c", script)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GITHUB_OUTPUT="+out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the list step fails: %v\n%s", err, msg)
	}
	written, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := json.Unmarshal([]byte(strings.TrimPrefix(strings.TrimSpace(string(written)), "list=")), &got); err != nil {
		t.Fatalf("the list step wrote %q: %v", written, err)
	}
	var want []string
	for _, f := range stackFiles(t) {
		name, _ := stackfile.StackName(f)
		want = append(want, name)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the workflow previews %v, stacks/ has %v", got, want)
	}
}
