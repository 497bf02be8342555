package standin

import (
	"os"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// OptionsFromEnvironment is how the provider is configured when the engine
// starts it: fixtures from FixturesEnv; the schema subset where it is found
// (build machines; it also knows the enums), elsewhere (users, hosted CI)
// the binding's own Go types. A schema file that is found but unreadable is
// a broken setup, reported as such on every ML resource.
func OptionsFromEnvironment() Options {
	opts := Options{FixturesPath: os.Getenv(FixturesEnv)}
	if path, ok := azureschema.Locate(); !ok {
		opts.Schema = BindingChecker{}
	} else if s, err := azureschema.Load(path); err != nil {
		opts.SchemaUnavailable = err.Error()
	} else {
		opts.Schema = s
	}
	return opts
}
