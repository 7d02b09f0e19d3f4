package report

// frequencyIntro heads the reach and frequency table.
const frequencyIntro = "Reach and frequency channels: the frequency at which ROI peaks with the channel's spend and impressions held (the same impressions over more people less often, or fewer people more often), as Meridian's optimal frequency, against the frequency the panel shows. ROI is KPI per unit of spend."

// frequencyTable lists the reach and frequency channels' optimal
// frequency, from the final fit (calibrated when there is one).
func frequencyTable(r *Report) table {
	t := table{Head: []string{"channel", "frequency now", "optimal frequency", "ROI now", "ROI at the optimum"}, Align: "lrrrr"}
	for _, c := range r.Channels {
		e := c.MMM
		if c.Calibrated != nil {
			e = *c.Calibrated
		}
		of := e.OptimalFrequency
		if of == nil {
			continue
		}
		t.Rows = append(t.Rows, []string{c.Name, formatSig(of.Current), formatInterval(of.Frequency, formatSig),
			formatInterval(e.ROI, formatSig), formatInterval(of.ROI, formatSig)})
	}
	return t
}
