package testworld

import "testing"

func TestLoad(t *testing.T) {
	w := Load(t)
	p := w.Panel(t)
	if got, want := len(p.Channels), len(w.Channels); got != want || want == 0 {
		t.Fatalf("%d channels in the panel, %d in config.yaml", got, want)
	}
	if w.Date == "" || w.KPI == "" || w.MTAValue == "" {
		t.Fatalf("config.yaml incomplete: %+v", w)
	}
}
