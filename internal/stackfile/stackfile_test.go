package stackfile

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadTypesAndSecrets(t *testing.T) {
	salt, secure, err := Encrypt("pass", []byte("12345678"), "s3cret")
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, "Pulumi.test.yaml", `encryptionsalt: `+salt+`
config:
  azure-native:location: eastus2
  protect: true
  amlvnet:compute:
    maxNodes: 4
    quoted: "4"
    ok: false
  amlvnet:attach:
    - name: vm
      sshPassword:
        secure: `+secure[0]+`
`)
	st, err := Load(path, "amlvnet", "pass")
	if err != nil {
		t.Fatal(err)
	}
	if st.Name != "test" || st.Config["azure-native:location"] != "eastus2" || st.Config["amlvnet:protect"] != "true" {
		t.Errorf("scalars: %+v", st)
	}
	var compute map[string]any
	if err := json.Unmarshal([]byte(st.Config["amlvnet:compute"]), &compute); err != nil {
		t.Fatal(err)
	}
	if _, isNumber := compute["maxNodes"].(float64); !isNumber {
		t.Errorf("maxNodes: 4 must stay a number, got %T", compute["maxNodes"])
	}
	if _, isString := compute["quoted"].(string); !isString {
		t.Errorf(`quoted: "4" must stay a string, got %T`, compute["quoted"])
	}
	if !strings.Contains(st.Config["amlvnet:attach"], `"sshPassword":"s3cret"`) {
		t.Errorf("secure value not decrypted in place: %s", st.Config["amlvnet:attach"])
	}
	if len(st.SecretKeys) != 1 || st.SecretKeys[0] != "amlvnet:attach" || len(st.Secrets) != 1 || st.Secrets[0] != "s3cret" {
		t.Errorf("secret keys %v, secrets %d", st.SecretKeys, len(st.Secrets))
	}
	if _, err := Load(path, "amlvnet", "wrong"); err == nil || !strings.Contains(err.Error(), "incorrect passphrase") {
		t.Errorf("a wrong passphrase must be refused, got %v", err)
	}
}

func TestStackName(t *testing.T) {
	for path, want := range map[string]string{"stacks/Pulumi.prod.yaml": "prod", "Pulumi.a.b.yml": "a.b"} {
		if got, err := StackName(path); err != nil || got != want {
			t.Errorf("StackName(%q) = %q, %v", path, got, err)
		}
	}
	for _, bad := range []string{"Pulumi.yaml", "prod.yaml", "Pulumi..yaml"} {
		if _, err := StackName(bad); err == nil {
			t.Errorf("StackName(%q) must fail", bad)
		}
	}
}

// The sample stacks decrypt with the documented passphrase.
func TestSampleStacksDecrypt(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "stacks", "Pulumi.*.yaml"))
	if len(files) == 0 {
		t.Fatal("no sample stacks")
	}
	secrets := 0
	for _, f := range files {
		st, err := Load(f, "amlvnet", SamplePassphrase)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		secrets += len(st.Secrets)
	}
	if secrets == 0 {
		t.Error("the sample stacks should exercise at least one secure value")
	}
}
