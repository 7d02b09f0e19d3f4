// Package batch runs many triad models as one job: a manifest lists the
// runs (configs, or one config template filled from a table of
// substitutions), Execute runs them with bounded concurrency into one
// folder each under the manifest's output root, and a shard (i of N) picks
// a deterministic, balanced part of the manifest, so that a distributed
// engine (a Kubernetes Indexed Job, an AWS Batch array, Google Cloud Batch
// or Cloud Run jobs) can run the same manifest with one shard per task.
//
// A run is idempotent: its folder holds one generation of what `triad run`
// writes (internal/outdir), manifest.json last, plus batch.json, the record of its last attempt
// (ok, or failed with the error). A run whose folder holds a complete
// generation is skipped unless forced, so a batch that was killed, or a
// task an engine retries, redoes only what did not finish. A failing run
// is recorded and does not stop the others. Gather reads run folders into
// one report.Portfolio.
//
// Package batch knows nothing of flags, terminals or exit codes; it
// reports each run's outcome through a callback. It may import the
// standard library, yaml, report (the portfolio), internal/config,
// internal/manifest, internal/outdir and internal/pipeline.
//
// Imports of triad packages: internal/config, internal/manifest, internal/outdir, internal/pipeline, report.
package batch
