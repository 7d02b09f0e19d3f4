// Package kubernetes holds triad's Kubernetes manifests (job.yaml, an
// Indexed Job running one shard of a batch manifest per index, and
// gather.yaml, the portfolio of its runs) and the Dockerfile of the
// static binary. Its test decodes the manifests strictly into the
// batch/v1 API types, offline.
//
// It is a module of its own so that the Kubernetes API types, which only
// this test needs, stay out of triad's build.
package kubernetes
