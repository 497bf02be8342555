package standin

import (
	"os"

	"github.com/amlvnet/amlvnet/internal/azureschema"
)

// OptionsFromEnvironment is how the provider is configured when the engine
// starts it: fixtures from FixturesEnv, and the schema data embedded in
// internal/azureschema.
func OptionsFromEnvironment() Options {
	return Options{FixturesPath: os.Getenv(FixturesEnv), Schema: azureschema.Default()}
}
