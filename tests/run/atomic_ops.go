package main

// Every operation of sync/atomic on each width: results, wrap-around of
// the 32-bit types, sign of int32 results, the old values And/Or/Swap
// return, and the nil-pointer runtime error.

import (
	"fmt"
	"math"
	"sync/atomic"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
}

func main() {
	i32 := int32(math.MaxInt32)
	fmt.Println(atomic.AddInt32(&i32, 1))
	fmt.Println(i32, i32 < 0)
	fmt.Println(atomic.AddInt32(&i32, -1))
	fmt.Println(i32 == math.MaxInt32)
	fmt.Println(atomic.SwapInt32(&i32, -7), atomic.LoadInt32(&i32))
	fmt.Println(atomic.CompareAndSwapInt32(&i32, 7, 1), atomic.CompareAndSwapInt32(&i32, -7, -8))
	fmt.Println(i32)
	fmt.Println(atomic.AndInt32(&i32, 0x0f))
	fmt.Println(i32)
	fmt.Println(atomic.OrInt32(&i32, -16))
	fmt.Println(i32)
	atomic.StoreInt32(&i32, math.MinInt32)
	fmt.Println(i32)
	fmt.Println(atomic.AddInt32(&i32, -1))

	u32 := uint32(math.MaxUint32)
	fmt.Println(atomic.AddUint32(&u32, 1), atomic.AddUint32(&u32, ^uint32(0)))
	fmt.Println(u32)
	fmt.Println(atomic.SwapUint32(&u32, 5), atomic.CompareAndSwapUint32(&u32, 5, 6), atomic.LoadUint32(&u32))
	fmt.Println(atomic.AndUint32(&u32, 3), atomic.OrUint32(&u32, 0xf0))
	fmt.Println(u32)
	atomic.StoreUint32(&u32, 1<<31)
	fmt.Println(u32, u32 > 0)

	i64 := int64(math.MaxInt64)
	fmt.Println(atomic.AddInt64(&i64, 1), atomic.SwapInt64(&i64, 3), atomic.LoadInt64(&i64))
	fmt.Println(atomic.CompareAndSwapInt64(&i64, 3, -3), atomic.AndInt64(&i64, 7), atomic.OrInt64(&i64, 8))
	fmt.Println(i64)
	atomic.StoreInt64(&i64, 42)
	fmt.Println(i64)

	u64 := uint64(0)
	fmt.Println(atomic.AddUint64(&u64, ^uint64(0)), atomic.SwapUint64(&u64, 9), atomic.CompareAndSwapUint64(&u64, 9, 10))
	fmt.Println(atomic.AndUint64(&u64, 2), atomic.OrUint64(&u64, 1), atomic.LoadUint64(&u64))
	atomic.StoreUint64(&u64, 1<<63)
	fmt.Println(u64)

	var up uintptr
	fmt.Println(atomic.AddUintptr(&up, 5), atomic.SwapUintptr(&up, 6), atomic.CompareAndSwapUintptr(&up, 6, 7))
	fmt.Println(atomic.AndUintptr(&up, 3), atomic.OrUintptr(&up, 8), atomic.LoadUintptr(&up))
	atomic.StoreUintptr(&up, 100)
	fmt.Println(up)

	var a32 atomic.Int32
	a32.Store(-1)
	fmt.Println(a32.Load(), a32.Add(math.MinInt32), a32.Swap(4), a32.CompareAndSwap(4, 5), a32.And(4), a32.Or(2), a32.Load())
	var au32 atomic.Uint32
	fmt.Println(au32.Add(^uint32(0)), au32.Swap(1), au32.CompareAndSwap(0, 2), au32.And(0), au32.Or(9), au32.Load())
	var a64 atomic.Int64
	fmt.Println(a64.Add(-5), a64.Swap(6), a64.CompareAndSwap(6, 7), a64.And(3), a64.Or(12), a64.Load())
	var au64 atomic.Uint64
	au64.Store(math.MaxUint64)
	fmt.Println(au64.Add(2), au64.Swap(1), au64.CompareAndSwap(1, 0), au64.And(1), au64.Or(6), au64.Load())
	var aup atomic.Uintptr
	aup.Store(3)
	fmt.Println(aup.Add(1), aup.Swap(8), aup.CompareAndSwap(8, 9), aup.And(1), aup.Or(4), aup.Load())
	var b atomic.Bool
	fmt.Println(b.Load(), b.Swap(true), b.Load(), b.CompareAndSwap(false, true), b.CompareAndSwap(true, false), b.Load())
	b.Store(true)
	fmt.Println(b.Load())

	// In a struct, an array and a slice: the address of any int word.
	type pair struct {
		a, b int32
	}
	p := &pair{1, 2}
	atomic.AddInt32(&p.b, 40)
	arr := [3]int64{}
	atomic.AddInt64(&arr[2], 5)
	sl := make([]uint32, 2)
	atomic.AddUint32(&sl[1], 7)
	fmt.Println(*p, arr, sl)

	var np *int32
	try("AddInt32(nil)", func() { atomic.AddInt32(np, 1) })
	try("LoadUint64(nil)", func() { atomic.LoadUint64(nil) })
	try("CompareAndSwapInt64(nil)", func() { atomic.CompareAndSwapInt64(nil, 0, 1) })
	var nc *atomic.Int64
	try("(*Int64)(nil).Add", func() { nc.Add(1) })
	var nb *atomic.Bool
	try("(*Bool)(nil).Load", func() { nb.Load() })
}
