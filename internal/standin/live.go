package standin

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// LiveEnv names the environment variable holding a directory where the
// stand-in keeps the resources that exist, across the engine operations of
// one session (each operation starts a new provider process). Without it
// the stand-in knows only the resources of the current operation.
const LiveEnv = "AMLVNET_STANDIN_LIVE"

// liveResource is a resource that exists in the stand-in's Azure.
type liveResource struct {
	Token  string         `json:"token"`
	ID     string         `json:"id"`
	Inputs map[string]any `json:"inputs"`
}

// liveSet is the resources that exist, by lower-case ID (Azure IDs are
// case-insensitive). It lets the stand-in refuse what Azure refuses because
// of other resources: deleting an NSG a subnet still uses, a compute whose
// prerequisites are missing.
type liveSet struct {
	mu   sync.Mutex
	dir  string
	mem  map[string]liveResource
	read bool
}

func (l *liveSet) file() string { return filepath.Join(l.dir, "live.json") }

// load returns the set, reading it from disk the first time.
func (l *liveSet) load() (map[string]liveResource, error) {
	if l.mem == nil {
		l.mem = map[string]liveResource{}
	}
	if l.read || l.dir == "" {
		return l.mem, nil
	}
	data, err := os.ReadFile(l.file())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("stand-in live resources: %w", err)
	}
	if len(data) > 0 {
		if err := json.Unmarshal(data, &l.mem); err != nil {
			return nil, fmt.Errorf("stand-in live resources %s: %w", l.file(), err)
		}
	}
	l.read = true
	return l.mem, nil
}

func (l *liveSet) save() error {
	if l.dir == "" {
		return nil
	}
	data, err := json.Marshal(l.mem)
	if err != nil {
		return err
	}
	tmp := l.file() + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("stand-in live resources: %w", err)
	}
	return os.Rename(tmp, l.file())
}

// put records that the resource exists with these inputs.
func (l *liveSet) put(token, id string, inputs resource.PropertyMap) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	m, err := l.load()
	if err != nil {
		return err
	}
	m[strings.ToLower(id)] = liveResource{Token: token, ID: id, Inputs: toPlain(masked(inputs))}
	return l.save()
}

// remove records that the resource is gone.
func (l *liveSet) remove(id string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	m, err := l.load()
	if err != nil {
		return err
	}
	delete(m, strings.ToLower(id))
	return l.save()
}

// all returns the resources that exist.
func (l *liveSet) all() ([]liveResource, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	m, err := l.load()
	if err != nil {
		return nil, err
	}
	out := make([]liveResource, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	return out, nil
}

// at returns the plain value at a dotted path ("properties.computeType").
func at(m map[string]any, path string) any {
	var v any = m
	for _, k := range strings.Split(path, ".") {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = obj[k]
	}
	return v
}

// str returns the string at path, "" when it is not one.
func str(m map[string]any, path string) string {
	s, _ := at(m, path).(string)
	return s
}

// isToken tells whether token is azure-native:<module>:<name>, with or
// without an explicit API version in the module.
func isToken(token, module, name string) bool {
	parts := strings.Split(token, ":")
	if len(parts) != 3 {
		return false
	}
	mod, _, _ := strings.Cut(parts[1], "/")
	return mod == module && parts[2] == name
}

// masked replaces secret values: the stand-in's record of what exists needs
// no credential, and keeps none on disk.
func masked(m resource.PropertyMap) resource.PropertyMap {
	out := resource.PropertyMap{}
	for k, v := range m {
		out[k] = maskedValue(v)
	}
	return out
}

func maskedValue(v resource.PropertyValue) resource.PropertyValue {
	switch {
	case v.IsSecret():
		return resource.NewStringProperty("[secret]")
	case v.IsArray():
		arr := make([]resource.PropertyValue, len(v.ArrayValue()))
		for i, e := range v.ArrayValue() {
			arr[i] = maskedValue(e)
		}
		return resource.NewArrayProperty(arr)
	case v.IsObject():
		return resource.NewObjectProperty(masked(v.ObjectValue()))
	}
	return v
}
