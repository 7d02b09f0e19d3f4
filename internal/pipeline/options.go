package pipeline

import "github.com/triad-mmm/triad/sampler"

// Progress receives per-chain sampling progress.
type Progress = sampler.Progress

// Notice is a message for the user about the run: progress of its stages
// or a warning about the data or the fit.
type Notice struct {
	Warning bool
	Msg     string
}

// Options connect a run to its user interface. Every field may be nil.
type Options struct {
	// Notify receives notices as the run goes.
	Notify func(Notice)
	// Progress returns the progress sink for the fit labelled label, or
	// nil for none.
	Progress func(label string) Progress
	// Version names the triad build in the report.
	Version string
	// Previous is the output directory of a previous run to compare with
	// (triad run --previous): the report gains since_previous.
	Previous string
}

func (o Options) info(msg string) {
	if o.Notify != nil {
		o.Notify(Notice{Msg: msg})
	}
}

func (o Options) warn(msg string) {
	if o.Notify != nil {
		o.Notify(Notice{Warning: true, Msg: msg})
	}
}
