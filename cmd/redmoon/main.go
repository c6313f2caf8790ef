// Command redmoon is the redmoon binary: a Redis-compatible server whose scripts run on a pure-Go
// Lua 5.1 engine.
//
// Usage:
//
//	redmoon [flags]          start the server on an in-memory keyspace
//	redmoon --version        print the version
//	redmoon --help           print this help
//
// The server, `redmoon lua FILE` and `redmoon eval` arrive with the packages they need; until
// then the binary says what it can do today.
package main

import (
	"fmt"
	"io"
	"os"
)

// Version is redmoon's own version.
const Version = "0.1.0-dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "--version", "-v", "version":
			fmt.Fprintf(stdout, "redmoon %s\n", Version)
			return 0
		case "--help", "-h", "help":
			usage(stdout)
			return 0
		}
	}
	fmt.Fprintln(stderr, "redmoon: the server is not built yet; see the status section of README.md")
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Usage:
  redmoon [flags]        start the server on an in-memory keyspace (not built yet)
  redmoon --version      print the version
  redmoon --help         print this help
`)
}
