package mmm

import "fmt"

// LiftPart is one more channel of a combined-channel lift test (Robyn's
// "facebook_S+search_S"): the test moved its spend too, by the shares
// Moved from the test's Start, and measured the sum of the channels'
// lifts.
type LiftPart struct {
	Channel int
	Moved   []float64
}

// liftGroup is a combined-channel test: its parts are lift terms (one per
// channel, the first the LiftObs's own) whose lifts add up to what the
// test measured.
type liftGroup struct {
	measured, variance float64
	parts              []int
}

// addLift adds observation o (the k-th of the spec) as one lift term, or,
// with o.Also, as a group of terms, one per channel.
func (m *Model) addLift(k int, o LiftObs) error {
	obs := []LiftObs{o}
	for _, p := range o.Also {
		q := o
		q.Channel, q.Moved, q.Also = p.Channel, p.Moved, nil
		obs = append(obs, q)
	}
	group := -1
	if len(o.Also) > 0 {
		group = len(m.groups)
		m.groups = append(m.groups, liftGroup{measured: o.Measured})
	}
	seen := map[int]bool{}
	for _, q := range obs {
		if seen[q.Channel] {
			return fmt.Errorf("mmm: lift observation %d: channel %d appears twice", k+1, q.Channel)
		}
		seen[q.Channel] = true
		lt, err := m.newLiftTerm(k, q)
		if err != nil {
			return err
		}
		lt.group = group
		if group >= 0 {
			g := &m.groups[group]
			g.variance = lt.variance
			g.parts = append(g.parts, len(m.lifts))
		}
		m.lifts = append(m.lifts, lt)
		ch := &m.ch[q.Channel]
		ch.lifts = append(ch.lifts, len(m.lifts)-1)
		ch.need = max(ch.need, q.Start+len(q.Measure))
	}
	return nil
}

// combinedForward evaluates every combined test's parts and its
// likelihood's derivative in the predicted lift, kept in sc.
func (m *Model) combinedForward(sc *scratch, x []float64) {
	for g := range m.groups {
		grp := &m.groups[g]
		total := 0.0
		for _, k := range grp.parts {
			lt, ls := &m.lifts[k], &sc.lift[k]
			ls.lift = m.liftForward(lt, ls, &m.ch[lt.Channel], &sc.ch[lt.Channel], x)
			total += ls.lift
		}
		res := grp.measured - total
		sc.groupLP[g] = -0.5 * res * res / grp.variance
		sc.groupE[g] = res / grp.variance
	}
}

// combinedBack adds the gradient through part k of a combined test and
// returns the test's log likelihood once, with its first part.
func (m *Model) combinedBack(sc *scratch, k int, ch *channel, cs *chanScratch, grad []float64) float64 {
	lt, ls := &m.lifts[k], &sc.lift[k]
	m.liftBack(lt, ls, ch, cs, grad, sc.groupE[lt.group], ls.lift)
	if m.groups[lt.group].parts[0] == k {
		return sc.groupLP[lt.group]
	}
	return 0
}
