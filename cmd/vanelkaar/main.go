// Command vanelkaar is a Dutch full-text search engine over the article
// series "Innovatie bij gemeenten: Van elkaar leren".
//
// Usage:
//
//	vanelkaar serve   [--addr 127.0.0.1:8080] [--corpus DIR] [--index DIR]
//	vanelkaar index   [--corpus DIR] --out DIR
//	vanelkaar search  [--json] [--theme ID] [--municipality ID] [--role ID] [--kind K] QUERY...
//	vanelkaar check   [--corpus DIR]
//	vanelkaar analyze [--json] [TEXT...]
//	vanelkaar import  [--corpus DIR | --out FILE] [--force] [--format auto|html|wordpress|text] SOURCE...
//	vanelkaar import  --series --corpus DIR [--force]
//	vanelkaar bench   [--passages N,N...] [--generator lexicon,treebank --treebank DIR] [--rounds N] [--http] [--postgres DSN] [--sqlite]
//
// --postgres and --sqlite of bench need a binary built with the benchsql
// tag, which links their database drivers; the server binary has none.
//
// Without --corpus, the corpus embedded in the binary is used, so
// `vanelkaar serve` works on a fresh machine with no files and no flags.
// Run `vanelkaar COMMAND -h` for a command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand: it parses its own flags from args.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command may use of the process, so tests can run
// commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// wrap, when set, wraps the handler of `vanelkaar serve`: tests that
	// run the test binary as the command use it to make requests slow.
	wrap func(http.Handler) http.Handler
	// childEnv is added to the environment of the processes a command
	// starts of this program (bench's index builds): tests use it to run
	// the test binary as the command.
	childEnv []string
}

var commands = map[string]command{
	"serve":  {"serve the search API and pages over HTTP", runServe},
	"index":  {"build an index folder from a corpus", runIndex},
	"search": {"search from the command line", runSearch},
	"check":  {"validate a corpus and print every problem", runCheck},

	"analyze": {"show what the Dutch analyzer makes of a text", runAnalyze},
	"bench":   {"measure search latency (side by side with PostgreSQL and SQLite in a benchsql build)", runBench},
	"import":  {"import articles from saved pages, URLs, WordPress exports or plain text", runImport},
}

// errUsage means the command line was wrong; the message was printed.
var errUsage = errors.New("usage")

// exitError carries an exit code without a further message.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	os.Exit(runMain(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}))
}

// runMain runs the command the process's arguments name, until it ends or
// SIGINT or SIGTERM asks it to, and returns the exit code.
func runMain(e *env) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, e, os.Args[1:])
}

// run dispatches to a subcommand and returns the exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "vanelkaar: unknown command %q\n\n", args[0])
		usage(e.stderr)
		return 2
	}
	err := cmd.run(ctx, e, args[1:])
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, &ee):
		return ee.code
	}
	fmt.Fprintf(e.stderr, "vanelkaar %s: %v\n", args[0], err)
	return 1
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "vanelkaar: Dutch full-text search over \"Innovatie bij gemeenten: Van elkaar leren\"")
	fmt.Fprintln(w, "\nUsage: vanelkaar COMMAND [flags] [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'vanelkaar COMMAND -h' for the flags of a command.")
}

// newFlags makes a flag set that reports errors instead of exiting.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: vanelkaar %s %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses and maps flag errors to errUsage (the flag package
// printed the message already).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
