package mta

import (
	"errors"
	"fmt"
	"strings"
)

// MapEntry maps one MTA platform channel name onto an MMM channel.
type MapEntry struct {
	MTA, Channel string
}

// Mapping resolves MTA channel names to MMM channel indices.
type Mapping struct {
	channels []string
	exact    map[string]int
	// folded holds lower-cased names; −1 marks names that differ only by
	// case yet map to different channels, which a case-insensitive match
	// must not guess between.
	folded map[string]int
}

// NewMapping builds a mapping from explicit entries; every MMM channel also
// maps from its own name unless an entry uses that name. An entry naming an
// unknown MMM channel, or one MTA name mapped to two channels, is an error.
func NewMapping(pairs []MapEntry, mmmChannels []string) (Mapping, error) {
	m := Mapping{
		channels: append([]string(nil), mmmChannels...),
		exact:    make(map[string]int, len(pairs)+len(mmmChannels)),
		folded:   make(map[string]int, len(pairs)+len(mmmChannels)),
	}
	index := make(map[string]int, len(mmmChannels))
	for c, name := range mmmChannels {
		if name == "" {
			return Mapping{}, fmt.Errorf("mta: MMM channel %d has no name", c)
		}
		if _, dup := index[name]; dup {
			return Mapping{}, fmt.Errorf("mta: MMM channel %q listed twice", name)
		}
		index[name] = c
	}
	var errs []error
	for k, p := range pairs {
		mta, ch := strings.TrimSpace(p.MTA), strings.TrimSpace(p.Channel)
		c, ok := index[ch]
		switch {
		case mta == "" || ch == "":
			errs = append(errs, fmt.Errorf("mta: channel_map[%d] needs both an MTA name and a channel", k))
			continue
		case !ok:
			errs = append(errs, fmt.Errorf("mta: channel_map[%d] maps %q to %q, which is not a model channel (have: %s)",
				k, mta, ch, strings.Join(mmmChannels, ", ")))
			continue
		}
		if prev, seen := m.exact[mta]; seen && prev != c {
			errs = append(errs, fmt.Errorf("mta: channel_map maps %q to both %q and %q", mta, mmmChannels[prev], ch))
			continue
		}
		m.exact[mta] = c
	}
	if len(errs) > 0 {
		return Mapping{}, errors.Join(errs...)
	}
	for c, name := range mmmChannels {
		if _, taken := m.exact[name]; !taken {
			m.exact[name] = c
		}
	}
	// Explicit entries decide a case-insensitive match; names that differ
	// only by case but map to different channels are ambiguous. Channel
	// names fill in what the entries leave open.
	for _, p := range pairs {
		name := strings.TrimSpace(p.MTA)
		k, c := strings.ToLower(name), m.exact[name]
		if prev, ok := m.folded[k]; ok && prev != c {
			m.folded[k] = -1
			continue
		}
		m.folded[k] = c
	}
	for c, name := range mmmChannels {
		if _, ok := m.folded[strings.ToLower(name)]; !ok {
			m.folded[strings.ToLower(name)] = c
		}
	}
	return m, nil
}

// Lookup returns the MMM channel index of an MTA channel name.
func (m Mapping) Lookup(name string) (int, bool) {
	if c, ok := m.exact[name]; ok {
		return c, true
	}
	c, ok := m.folded[strings.ToLower(strings.TrimSpace(name))]
	if !ok || c < 0 {
		return 0, false
	}
	return c, true
}

// Channels returns the MMM channel names, in index order.
func (m Mapping) Channels() []string { return append([]string(nil), m.channels...) }
