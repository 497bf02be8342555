package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFileIsCurrent: plain_gen.go is what gen makes of the package today.
func TestGeneratedFileIsCurrent(t *testing.T) {
	want, err := Generate("..")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", Output))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go generate ./internal/azureml", Output)
	}
}

func TestPlainName(t *testing.T) {
	for in, want := range map[string]string{
		"WorkspaceArgs":           "workspaceArgs",
		"AKSArgs":                 "aksArgs",
		"AKSSchemaPropertiesArgs": "aksSchemaPropertiesArgs",
		"HDInsightArgs":           "hdInsightArgs",
		"AmlComputeArgs":          "amlComputeArgs",
	} {
		if got := PlainName(in); got != want {
			t.Errorf("PlainName(%s) = %s, want %s", in, got, want)
		}
	}
}
