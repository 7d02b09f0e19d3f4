//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package outdir

// dirLock is a no-op where flock is unavailable: there, two triad processes
// must not write into one output directory at the same time.
type dirLock struct{}

func lockDir(string) (*dirLock, error) { return &dirLock{}, nil }

func (l *dirLock) unlock() {}
