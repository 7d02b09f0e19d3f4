package simulate

import (
	"math"
	"math/rand/v2"
)

// channelDef is the fixed part of a channel; the ranges are the plausible
// span each parameter is drawn from per seed.
type channelDef struct {
	name     string
	offline  bool
	platform string // MTA platform name; "" for offline channels
	adstock  string
	alpha    [2]float64
	theta    [2]float64 // delayed adstock only
	roi      [2]float64 // drawn log-uniformly
	campaign []string   // MTA campaign names, in order of use
}

const maxLag = 8

const maxCampaigns = 4

// catalogue is the world's six channels, in panel order.
var catalogue = []channelDef{
	{name: "tv", offline: true, adstock: "delayed", alpha: [2]float64{0.3, 0.7}, theta: [2]float64{1, 3}, roi: [2]float64{1, 4}},
	{name: "ooh", offline: true, adstock: "geometric", alpha: [2]float64{0.2, 0.6}, roi: [2]float64{0.5, 2.5}},
	{name: "print", offline: true, adstock: "geometric", alpha: [2]float64{0.1, 0.4}, roi: [2]float64{0.5, 2}},
	{name: "search", platform: "Paid Search", adstock: "geometric", alpha: [2]float64{0.1, 0.3}, roi: [2]float64{1.5, 5},
		campaign: []string{"search_brand", "search_generic", "search_shopping", "search_competitor"}},
	{name: "social", platform: "Facebook Ads", adstock: "geometric", alpha: [2]float64{0.2, 0.5}, roi: [2]float64{0.8, 3.5},
		campaign: []string{"fb_prospecting", "fb_retargeting", "fb_video", "fb_catalog"}},
	{name: "display", platform: "Programmatic", adstock: "geometric", alpha: [2]float64{0.1, 0.4}, roi: [2]float64{0.5, 2.5},
		campaign: []string{"prog_prospecting", "prog_retargeting", "prog_video", "prog_native"}},
}

// Unmapped MTA platform: present in the export, absent from the panel.
const (
	unmappedPlatform = "Affiliates"
	unmappedCampaign = "affiliate_network"
)

// channelParams are one channel's drawn parameters.
type channelParams struct {
	adstock Adstock
	hill    Hill
	roi     float64
}

func drawChannel(rng *rand.Rand, d channelDef) channelParams {
	p := channelParams{adstock: Adstock{Kind: d.adstock, MaxLag: maxLag}}
	p.adstock.Alpha = uniform(rng, d.alpha[0], d.alpha[1])
	if d.adstock == "delayed" {
		p.adstock.Theta = uniform(rng, d.theta[0], d.theta[1])
	}
	p.hill = Hill{K: uniform(rng, 0.5, 1.5), Slope: uniform(rng, 0.8, 2.5)}
	p.roi = math.Exp(uniform(rng, math.Log(d.roi[0]), math.Log(d.roi[1])))
	return p
}

func uniform(rng *rand.Rand, lo, hi float64) float64 { return lo + (hi-lo)*rng.Float64() }

// intBetween returns an integer in [lo, hi].
func intBetween(rng *rand.Rand, lo, hi int) int { return lo + rng.IntN(hi-lo+1) }

func round2(v float64) float64 { return math.Round(v*100) / 100 }
