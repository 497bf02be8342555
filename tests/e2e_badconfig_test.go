package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/amlvnet/amlvnet/program"
)

// writeStackFile renders a config (as the Go SDK sees it: JSON for
// structured values) back into a Pulumi.<name>.yaml file.
func writeStackFile(t *testing.T, dir, name string, cfg map[string]string) string {
	t.Helper()
	values := map[string]any{}
	for k, v := range cfg {
		var structured any
		if err := json.Unmarshal([]byte(v), &structured); err == nil {
			switch structured.(type) {
			case map[string]any, []any:
				values[k] = structured
				continue
			}
		}
		values[k] = v
	}
	data, err := yaml.Marshal(map[string]any{"config": values})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "Pulumi."+name+".yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEngineBadConfigCatalogue runs the whole bad-config catalogue through
// the offline preview: each config fails in the program, before any resource
// is registered, naming the keys the catalogue expects.
func TestEngineBadConfigCatalogue(t *testing.T) {
	requireCLI(t)
	dir := t.TempDir()
	for i, c := range BadConfigCases() {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			cfg, _ := c.Config()
			path := writeStackFile(t, dir, "bad"+strconv.Itoa(i), cfg)
			var log bytes.Buffer
			s := openSession(t, path, &log)
			doc, err := s.Preview(context.Background(), &log)
			var ce *program.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("want the program to refuse its config, got %v\n%s", err, log.String())
			}
			keys := map[string]bool{}
			for _, p := range ce.Problems {
				keys[p.Path] = true
			}
			for key := range c.Want {
				if !keys[key] {
					t.Errorf("the engine run does not name %s; problems: %v", key, ce.Problems)
				}
			}
			for _, step := range doc.Steps {
				// The default provider is set up for the VNet lookup of a
				// reused network; that creates nothing in Azure.
				if step.Type != "pulumi:pulumi:Stack" && !strings.HasPrefix(step.Type, "pulumi:providers:") {
					t.Errorf("%s %s was planned despite the bad config", step.Op, step.URN)
				}
			}
		})
	}
}
