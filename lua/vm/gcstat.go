package vm

import "runtime/metrics"

var gcSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

func heapInUse() uint64 {
	metrics.Read(gcSample)
	if gcSample[0].Value.Kind() == metrics.KindUint64 {
		return gcSample[0].Value.Uint64()
	}
	return 0
}
