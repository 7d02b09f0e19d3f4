package pipeline

import "github.com/triad-mmm/triad/internal/config"

// decodeDefaults fills cfg with the default of every key.
func decodeDefaults(cfg *config.Config) error {
	d, err := config.Default()
	if err != nil {
		return err
	}
	*cfg = *d
	return nil
}
