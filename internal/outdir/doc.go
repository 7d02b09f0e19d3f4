// Package outdir writes the files of one command into its output directory
// as one generation: a reader of the directory finds either every file of
// the previous generation or every file of the new one, never a mix, and a
// run that fails, is interrupted or is killed leaves the previous
// generation as it was.
//
// Every output of triad goes through it. A command declares its files up
// front (Begin), writes them into a private staging directory inside the
// output directory (Dir, Path, WriteFile), and switches them in with Commit:
//
//  1. Begin creates the output directory if needed, takes an exclusive lock
//     on it (a second triad run into the same directory fails at once
//     rather than mixing its files in), finishes or removes what an earlier
//     killed run left (see below) and creates .triad-staging-SET-*. So an
//     unwritable directory is found before any work is done.
//  2. The command writes its declared files into the staging directory.
//     Interrupting it here (Abort, or a kill) changes nothing visible.
//  3. Commit checks that every declared file was written, records each
//     file's size and SHA-256 with the list of files of the previous
//     generation of the same set that the new one drops, and renames the
//     staging directory to .triad-commit-SET-*: the commit point.
//  4. It then removes the generation marker .triad-generation.json and the
//     set's last declared file, removes the dropped files, moves the new
//     files in (one rename each, in declared order, so the last declared
//     file arrives last), writes the new marker and removes the commit
//     directory.
//
// The marker is the contract for readers: whenever .triad-generation.json
// exists, every file it lists holds exactly the content it records (name,
// size, SHA-256; Verify checks it), because the marker is removed before
// the first file of a new generation is moved in and written after the
// last. A process killed during step 4 (a few renames) leaves no marker and
// a .triad-commit-* directory holding the rest of the new generation; the
// next Begin in that directory, by any triad command, completes the switch
// before doing anything else (a reader that finds no marker and a commit
// directory may call Recover for the same effect). Staging directories and
// temporary files of killed runs are removed by the next Begin.
//
// Files are grouped in sets, one per command ("run", "optimize",
// "forecast"), sharing one directory and one marker: committing a set
// replaces that set's files and leaves the other sets' alone. A command
// that adds an output (manifest.json, posterior.parquet, portfolio.json)
// adds its name to the list it passes to Begin and writes it into Dir or
// Path; writing it anywhere else loses the guarantee. A file whose
// presence means "this set is complete" (the run's manifest.json) is
// declared last: it is then absent for the whole switch, like the marker.
//
// Imports of triad packages: internal/atomicfile.
package outdir
