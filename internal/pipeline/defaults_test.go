package pipeline

import (
	"github.com/go-viper/mapstructure/v2"

	"github.com/triad-mmm/triad/internal/config"
)

// decodeDefaults fills cfg with the default of every key.
func decodeDefaults(cfg *config.Config) error {
	nested := map[string]any{}
	for k, v := range config.Defaults() {
		m := nested
		parts := splitKey(k)
		for _, p := range parts[:len(parts)-1] {
			if _, ok := m[p]; !ok {
				m[p] = map[string]any{}
			}
			m = m[p].(map[string]any)
		}
		m[parts[len(parts)-1]] = v
	}
	return mapstructure.Decode(nested, cfg)
}

func splitKey(k string) []string {
	var out []string
	start := 0
	for i := range len(k) {
		if k[i] == '.' {
			out = append(out, k[start:i])
			start = i + 1
		}
	}
	return append(out, k[start:])
}
