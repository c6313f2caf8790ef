package structlib

import "github.com/redmoon-dev/redmoon/lua/vm"

// size is b_size: the packed size of a format without variable-size options. Unknown letters
// and digits count as size 0 there (only other characters are checked as control options).
func size(L *vm.State) int {
	fmt := newFormat(L.CheckString(1))
	h := defaultHeader()
	var pos uint64
	for fmt.more() {
		opt := fmt.next()
		sz := fmt.optsize(L, opt)
		pos += gettoalign(pos, &h, opt, sz)
		if opt == 's' {
			L.ArgError(1, "option 's' has no fixed size")
		} else if opt == 'c' && sz == 0 {
			L.ArgError(1, "option 'c0' has no fixed size")
		}
		if !isAlnum(opt) {
			fmt.controloptions(L, opt, &h)
		}
		pos += sz
	}
	L.Push(vm.Number(float64(int64(pos))))
	return 1
}
