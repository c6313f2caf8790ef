package keyspace

// OBJECT ENCODING / FREQ / IDLETIME / REFCOUNT / HELP.

func init() {
	register(map[string]Handler{
		"object|encoding": objectEncodingCommand, "object|freq": objectFreqCommand,
		"object|idletime": objectIdletimeCommand, "object|refcount": objectRefcountCommand,
		"object|help": objectHelpCommand,
	})
}

func objectEncodingCommand(c *Ctx, args []string, r Reply) {
	if e := c.DB.lookupReadQuiet(c, args[2]); e == nil {
		r.Null()
	} else {
		r.Bulk(e.enc.String())
	}
}

func objectRefcountCommand(c *Ctx, args []string, r Reply) {
	if e := c.DB.lookupReadQuiet(c, args[2]); e == nil {
		r.Null()
	} else {
		r.Integer(e.refcount())
	}
}

func objectIdletimeCommand(c *Ctx, args []string, r Reply) {
	e := c.DB.lookupReadQuiet(c, args[2])
	if e == nil {
		r.Null()
		return
	}
	now := lruClock(c.Now())
	idle := int64(now) - int64(e.lru)
	if idle < 0 {
		idle += 1 << 24 // the 24-bit clock wrapped
	}
	r.Integer(idle)
}

func objectFreqCommand(c *Ctx, args []string, r Reply) {
	if e := c.DB.lookupReadQuiet(c, args[2]); e == nil {
		r.Null()
		return
	}
	r.Error("ERR An LFU maxmemory policy is not selected, access frequency not tracked. " +
		"Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.")
}

var objectHelp = []string{
	"OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
	"ENCODING <key>",
	"    Return the kind of internal representation used in order to store the value",
	"    associated with a <key>.",
	"FREQ <key>",
	"    Return the access frequency index of the <key>. The returned integer is",
	"    proportional to the logarithm of the recent access frequency of the key.",
	"IDLETIME <key>",
	"    Return the idle time of the <key>, that is the approximated number of",
	"    seconds elapsed since the last access to the key.",
	"REFCOUNT <key>",
	"    Return the number of references of the value associated with the specified",
	"    <key>.",
	"HELP",
	"    Prints this help.",
}

func objectHelpCommand(c *Ctx, args []string, r Reply) {
	r.ArrayLen(len(objectHelp))
	for _, l := range objectHelp {
		r.SimpleString(l)
	}
}
