package runner

// Job is one embedded-scripting measurement. The driver sends it as JSON on the runner's
// standard input; the Go peers' runners (bench/peers) read the same format.
type Job struct {
	// Setup lists commands run once before the script (e.g. SET k hello).
	Setup [][]string `json:"setup"`
	// Script is the Lua script.
	Script string `json:"script"`
	// Keys are the script's KEYS.
	Keys []string `json:"keys"`
	// Args lists argument vectors; call i (from 0) passes Args[i % len(Args)] as ARGV.
	Args [][]string `json:"args"`
	// Sha runs EVALSHA of the loaded script instead of EVAL of its body.
	Sha bool `json:"sha"`
	// Warmup calls run before the timed ones (they use the same argument sequence).
	Warmup int `json:"warmup"`
	// Calls is the number of timed calls in one batch; batches repeat until the timed calls
	// have used MinSeconds of CPU time.
	Calls      int     `json:"calls"`
	MinSeconds float64 `json:"min_seconds"`
}

// Result is a runner's answer to a Job, written as JSON on its standard output.
type Result struct {
	// First and Last are the replies of the first and the last call in Reply text form
	// (see the README): every engine must give the same.
	First string `json:"first"`
	Last  string `json:"last"`
	// Calls is the number of timed calls; WallSeconds and CPUSeconds (user plus system time
	// of the process) their duration.
	Calls       int     `json:"calls"`
	WallSeconds float64 `json:"wall_seconds"`
	CPUSeconds  float64 `json:"cpu_seconds"`
	// Mallocs and Bytes are the heap allocations (count and bytes) of the timed calls.
	Mallocs uint64 `json:"mallocs"`
	Bytes   uint64 `json:"bytes"`
}

// argsAt returns the ARGV of call i.
func (j *Job) argsAt(i int) []string {
	if len(j.Args) == 0 {
		return nil
	}
	return j.Args[i%len(j.Args)]
}
