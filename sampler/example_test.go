package sampler_test

import (
	"context"
	"fmt"
	"math"

	"github.com/triad-mmm/triad/sampler"
)

// normal2 is N((1, -2), diag(1, 0.25)).
type normal2 struct{}

func (normal2) Dim() int { return 2 }

func (normal2) LogProbGrad(grad, x []float64) float64 {
	a, b := x[0]-1, (x[1]+2)/0.5
	grad[0], grad[1] = -a, -b/0.5
	return -0.5 * (a*a + b*b)
}

func ExampleNUTS() {
	r, err := sampler.NUTS(context.Background(), func() sampler.Target { return normal2{} },
		sampler.Config{Chains: 4, Warmup: 500, Draws: 1000, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range r.Dim {
		var sum float64
		col := r.Column(i)
		n := 0
		for _, chain := range col {
			for _, v := range chain {
				sum += v
				n++
			}
		}
		fmt.Printf("mean[%d] = %.1f, R-hat < 1.01: %t\n", i, sum/float64(n), sampler.RHat(col) < 1.01)
	}
	d := sampler.Diagnose(r, 10)
	fmt.Println("divergences:", d.Divergences, "warnings:", len(d.Warnings))
	// Output:
	// mean[0] = 1.0, R-hat < 1.01: true
	// mean[1] = -2.0, R-hat < 1.01: true
	// divergences: 0 warnings: 0
}

func ExampleLaplace() {
	r, err := sampler.Laplace(context.Background(), normal2{}, sampler.LaplaceConfig{Draws: 100, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("mode (%.3f, %.3f), sd (%.3f, %.3f)\n", r.Mode[0], r.Mode[1],
		math.Sqrt(r.Chains[0].InvMetric[0]), math.Sqrt(r.Chains[0].InvMetric[1]))
	// Output:
	// mode (1.000, -2.000), sd (1.000, 0.500)
}
