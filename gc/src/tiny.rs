//! The tiny allocator (Go's `mcache.tiny`, malloc.go): pointer-free
//! requests under 16 bytes are packed into one 16-byte block per P.
//!
//! # Algorithm
//! The cache keeps the current block (`tiny`) and the offset of its first
//! free byte. A request of `size` bytes is aligned as Go aligns it (8 if
//! the size is a multiple of 8, else 4, else 2, else 1); if it fits in the
//! rest of the block it is carved from there, with no bitmap write and no
//! zeroing (the block was zeroed when allocated and no byte is handed out
//! twice). Otherwise a fresh 16-byte noscan object is allocated from the
//! 16-byte class, the request takes its start, and the new block becomes
//! the current one if it has more room left than the old (Go's rule).
//!
//! # Invariants
//! * The block is one heap object: it is marked, kept and freed as a
//!   whole. Any pointer into any sub-object keeps the whole block alive,
//!   which is why only noscan objects may share it (a pointer-holding
//!   object would be kept alive, and scanned, by its neighbours).
//! * [`Heap::object_containing`](crate::Heap::object_containing) of a
//!   tiny allocation reports the block (16 bytes), not the request.
//! * The block is forgotten when the cache's spans are flushed (mark
//!   termination, release): it may be swept afterwards.
//! * Every P's current block is shaded when a mark starts (Go's
//!   `gcMarkTinyAllocs`): objects carved from it during mark are new
//!   objects and must be black like any other, but the block may predate
//!   the mark and be referenced by nothing else.
//! * Statistics: combined allocations count as a malloc and a free each
//!   (the heap frees blocks, not sub-objects), so `Mallocs` counts every
//!   request and `HeapObjects` counts blocks, as in Go.
//!
//! Rejected: packing into [`Heap::alloc`](crate::Heap::alloc) itself. Its
//! contract promises 8-byte alignment and an object of its own; the VM
//! opts in per call site (string bytes, small scalars) instead.

use crate::cache::Cache;
use crate::heap::Heap;
use crate::layout::Layout;

/// Requests below this size (and pointer-free) are tiny.
pub const TINY_SIZE: usize = 16;

impl Heap {
    /// Allocate `size` zeroed pointer-free bytes, packing requests of
    /// 1..16 bytes into a shared 16-byte block (module docs). The result
    /// is aligned to 8, 4, 2 or 1 as the size is a multiple of them. Other
    /// sizes are passed to [`Heap::alloc`] with [`Layout::NOSCAN`].
    pub fn alloc_tiny(&self, cache: &mut Cache, size: usize) -> *mut u8 {
        if size == 0 || size >= TINY_SIZE {
            return self.alloc(cache, size, Layout::NOSCAN);
        }
        let align = if size & 7 == 0 {
            8
        } else if size & 3 == 0 {
            4
        } else if size & 1 == 0 {
            2
        } else {
            1
        };
        {
            self.check_cache_pub(cache);
            // SAFETY: `&mut Cache` makes us its owner.
            let slots = unsafe { cache.shared.slots() };
            let off = slots.tiny_offset.next_multiple_of(align);
            if slots.tiny != 0 && off + size <= TINY_SIZE {
                slots.tiny_offset = off + size;
                slots.tiny_allocs += 1;
                return (slots.tiny + off) as *mut u8;
            }
        }
        let block = self.alloc(cache, TINY_SIZE, Layout::NOSCAN) as usize;
        // SAFETY: as above.
        let slots = unsafe { cache.shared.slots() };
        if slots.tiny == 0 || size < slots.tiny_offset {
            slots.tiny = block;
            slots.tiny_offset = size;
        }
        block as *mut u8
    }
}
