package sampler

import (
	"context"
	"errors"
	"sync"
)

// NUTS runs cfg.Chains chains of the No-U-Turn sampler on at most
// cfg.Workers goroutines. newTarget is called once per chain, in order, before
// sampling starts, so it need not be safe for concurrent use; each target is
// used by one goroutine only, so targets may hold scratch buffers. Cancelling
// ctx stops sampling and returns ctx.Err().
func NUTS(ctx context.Context, newTarget func() Target, cfg Config) (*Result, error) {
	cfg = cfg.withDefaults()
	if newTarget == nil {
		return nil, errNilTarget
	}
	targets := make([]Target, max(cfg.Chains, 1))
	for c := range targets {
		targets[c] = newTarget()
		if targets[c] == nil {
			return nil, errNilTarget
		}
		if targets[c].Dim() != targets[0].Dim() {
			return nil, errDimMismatch
		}
	}
	dim := targets[0].Dim()
	if err := cfg.validate(dim); err != nil {
		return nil, err
	}
	if cfg.Chains == 0 || cfg.Draws == 0 {
		return nil, errNoDraws
	}

	chains := make([]Chain, cfg.Chains)
	errs := make([]error, cfg.Chains)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(cfg.Workers, cfg.Chains) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range next {
				chains[c], errs[c] = runChain(ctx, targets[c], c, &cfg)
				if errs[c] != nil {
					cancel() // one failed chain fails the run: stop the others
				}
			}
		}()
	}
	for c := range cfg.Chains {
		next <- c
	}
	close(next)
	wg.Wait()
	if err := firstError(errs); err != nil {
		return nil, err
	}
	return &Result{Method: "nuts", Dim: dim, Chains: chains}, nil
}

// firstError prefers a chain's own failure over the cancellations it caused.
func firstError(errs []error) error {
	var cancelled error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			if cancelled == nil {
				cancelled = err
			}
			continue
		}
		return err
	}
	return cancelled
}
