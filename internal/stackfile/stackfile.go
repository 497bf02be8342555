// Package stackfile reads a Pulumi.<stack>.yaml file into the form the Pulumi
// Go SDK hands a program: one string per config key, JSON for structured
// values, secure values decrypted with the passphrase secrets provider and
// their keys marked secret.
package stackfile

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"gopkg.in/yaml.v3"
)

// SamplePassphrase encrypts the secure values of the sample stacks in
// stacks/. Real stacks use their own passphrase or a cloud secrets provider.
const SamplePassphrase = "amlvnet-sample-stacks"

// Stack is one stack file's configuration.
type Stack struct {
	// Name is the stack name taken from the file name (Pulumi.<name>.yaml).
	Name string
	// Config maps fully qualified keys ("amlvnet:compute") to values as the
	// Go SDK sees them.
	Config map[string]string
	// SecretKeys lists keys whose value holds a secret.
	SecretKeys []string
	// Secrets are the decrypted plaintexts, so tests can look for leaks.
	Secrets []string
}

type file struct {
	EncryptionSalt string               `yaml:"encryptionsalt"`
	Config         map[string]yaml.Node `yaml:"config"`
}

// StackName returns <name> of a path ending in Pulumi.<name>.yaml.
func StackName(path string) (string, error) {
	base := filepath.Base(path)
	for _, ext := range []string{".yaml", ".yml"} {
		if name, ok := strings.CutSuffix(base, ext); ok && strings.HasPrefix(name, "Pulumi.") && len(name) > len("Pulumi.") {
			return strings.TrimPrefix(name, "Pulumi."), nil
		}
	}
	return "", fmt.Errorf("%s is not a stack file named Pulumi.<stack>.yaml", path)
}

// Load reads the stack file at path for project. Secure values are
// decrypted with passphrase and the file's encryptionsalt.
func Load(path, project, passphrase string) (*Stack, error) {
	name, err := StackName(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f file
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	st := &Stack{Name: name, Config: map[string]string{}}
	var crypter config.Crypter
	decrypt := func(ciphertext string) (string, error) {
		if crypter == nil {
			c, err := passphraseCrypter(f.EncryptionSalt, passphrase)
			if err != nil {
				return "", fmt.Errorf("%s: %w", path, err)
			}
			crypter = c
		}
		return crypter.DecryptValue(context.Background(), ciphertext)
	}
	keys := make([]string, 0, len(f.Config))
	for k := range f.Config {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		node := f.Config[k]
		full := k
		if !strings.Contains(k, ":") {
			full = project + ":" + k
		}
		conv := converter{decrypt: decrypt}
		v, err := conv.value(&node)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, k, err)
		}
		if conv.secret {
			st.SecretKeys = append(st.SecretKeys, full)
			st.Secrets = append(st.Secrets, conv.plaintexts...)
		}
		if s, ok := v.(string); ok && node.Kind != yaml.MappingNode && node.Kind != yaml.SequenceNode {
			st.Config[full] = s
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		st.Config[full] = string(b)
	}
	return st, nil
}

// converter turns YAML nodes into JSON-ready values, decrypting secure ones.
type converter struct {
	decrypt    func(string) (string, error)
	secret     bool
	plaintexts []string
}

func (c *converter) value(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.value(n.Content[0])
	case yaml.AliasNode:
		return c.value(n.Alias)
	case yaml.MappingNode:
		if len(n.Content) == 2 && n.Content[0].Value == "secure" {
			plain, err := c.decrypt(n.Content[1].Value)
			if err != nil {
				return nil, fmt.Errorf("cannot decrypt a secure value (is PULUMI_CONFIG_PASSPHRASE right?): %w", err)
			}
			c.secret = true
			c.plaintexts = append(c.plaintexts, plain)
			return plain, nil
		}
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := c.value(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			out[n.Content[i].Value] = v
		}
		return out, nil
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			v, err := c.value(e)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.ScalarNode:
		// Keep YAML's typing inside objects (maxNodes: 4 is a number,
		// maxNodes: "4" a string) as Pulumi does; top-level scalars are
		// strings either way.
		switch n.Tag {
		case "!!int":
			if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
				return json.Number(strconv.FormatInt(i, 10)), nil
			}
		case "!!float":
			return json.Number(n.Value), nil
		case "!!bool":
			return n.Value == "true", nil
		case "!!null":
			return nil, nil
		}
		return n.Value, nil
	}
	return nil, fmt.Errorf("unsupported YAML node kind %d", n.Kind)
}

// passphraseCrypter checks the passphrase against the file's salt as the
// Pulumi CLI does ("v1:<salt>:<'pulumi' encrypted>") and returns a crypter.
func passphraseCrypter(salt, passphrase string) (config.Crypter, error) {
	if salt == "" {
		return nil, errors.New("the file has secure values but no encryptionsalt")
	}
	parts := strings.SplitN(salt, ":", 3)
	if len(parts) != 3 || parts[0] != "v1" {
		return nil, fmt.Errorf("encryptionsalt %q is not in the passphrase provider's format", salt)
	}
	raw, err := base64.StdEncoding.DecodeString(parts[1])
	if err != nil {
		return nil, fmt.Errorf("encryptionsalt: %w", err)
	}
	c := config.NewSymmetricCrypterFromPassphrase(passphrase, raw)
	if check, err := c.DecryptValue(context.Background(), parts[2]); err != nil || check != "pulumi" {
		return nil, errors.New("incorrect passphrase for this stack's secure values")
	}
	return c, nil
}

// Encrypt returns the encryptionsalt and secure values for plaintexts under
// passphrase, in the CLI's format; used to write sample stacks.
func Encrypt(passphrase string, salt []byte, plaintexts ...string) (string, []string, error) {
	c := config.NewSymmetricCrypterFromPassphrase(passphrase, salt)
	check, err := c.EncryptValue(context.Background(), "pulumi")
	if err != nil {
		return "", nil, err
	}
	var out []string
	for _, p := range plaintexts {
		v, err := c.EncryptValue(context.Background(), p)
		if err != nil {
			return "", nil, err
		}
		out = append(out, v)
	}
	return "v1:" + base64.StdEncoding.EncodeToString(salt) + ":" + check, out, nil
}
