package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
)

// envVar binds a flag to an environment variable. The variable gives the
// flag's value when set; a flag on the command line wins over it. Only
// commands read the environment (through env.getenv): the libraries get
// plain config structs.
type envVar struct{ flag, name string }

// bindEnv sets each flag from its environment variable, before the command
// line is parsed, and names the variable in the flag's help.
func bindEnv(fs *flag.FlagSet, e *env, vars []envVar) error {
	for _, v := range vars {
		f := fs.Lookup(v.flag)
		if f == nil {
			panic("bindEnv: no flag --" + v.flag) // a programming error, caught by the tests
		}
		f.Usage += " [$" + v.name + "]"
		if val := e.getenv(v.name); val != "" {
			if err := fs.Set(v.flag, val); err != nil {
				fmt.Fprintf(e.stderr, "invalid value %q for %s: %v\n", val, v.name, err)
				return errUsage
			}
		}
	}
	return nil
}

// newLogger makes the log of a server: text for people, JSON for log
// collectors.
func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: want debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("log format %q: want text or json", format)
}
