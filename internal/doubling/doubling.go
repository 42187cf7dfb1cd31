// Package doubling measures how a cost grows with its input: a benchmark
// times n and 2n items in each iteration and reports the time per item
// at each size and their ratio, which is 1 when the cost is linear in
// the items and 2 when it is quadratic. Timing both sizes in one
// iteration keeps the ratio steady on a busy machine.
package doubling

import (
	"testing"
	"time"
)

// Run times small (n items) and large (2n items) in every iteration of
// b and reports ns/item-n, ns/item-2n and ratio, with unit naming the
// items ("finding").
func Run(b *testing.B, n int, unit string, small, large func() time.Duration) {
	var ts, tl time.Duration
	for b.Loop() {
		ts += small()
		tl += large()
	}
	per := func(d time.Duration, k int) float64 { return float64(d.Nanoseconds()) / float64(b.N) / float64(k) }
	b.ReportMetric(per(ts, n), "ns/"+unit+"-n")
	b.ReportMetric(per(tl, 2*n), "ns/"+unit+"-2n")
	b.ReportMetric(per(tl, 2*n)/per(ts, n), "ratio")
}
