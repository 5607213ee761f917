//! Object layouts: which words of an object hold pointers.
//!
//! The VM describes each allocation with a [`Layout`]: either *noscan* (no
//! word is a pointer: strings' bytes, `[]int`, float arrays) or a pointer
//! mask over the words of one *element*, repeated to fill the object (a
//! struct is one element; `[n]T` or a slice's backing array is `T`'s mask
//! repeated). Bit `i` of the mask (`mask[i / 64] >> (i % 64) & 1`) says
//! whether word `i` of the element holds a pointer. Words past the mask's
//! length count as non-pointers, so a short mask never reads out of bounds.
//!
//! This is Go's type pointer bitmap (`_type.GCData` with `PtrBytes`), which
//! the allocator copies into the heap bitmap of small objects at allocation
//! time (`heapSetType`) and keeps by reference for large objects.
//!
//! A mask with no bit set is treated as noscan: the object goes to a noscan
//! span and is never scanned (Go does the same for types without pointers).

/// Which words of an object hold pointers. See the module docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout<'a> {
    /// Mask over one element; empty for noscan.
    mask: &'a [u64],
    /// Words per element, at least 1.
    elem_words: usize,
}

impl<'a> Layout<'a> {
    /// No word is a pointer.
    pub const NOSCAN: Layout<'static> = Layout {
        mask: &[],
        elem_words: 1,
    };

    /// Every word is a pointer (`[]*T`, `[]map[K]V`, closure environments).
    pub const ALL_POINTERS: Layout<'static> = Layout {
        mask: &[1],
        elem_words: 1,
    };

    /// An element of `elem_words` words (at least 1; 0 is taken as 1) whose
    /// pointer words are the set bits of `mask`, repeated to fill the object.
    /// Inline: with a mask of known length (a box's, a packed `...any`'s
    /// one word) the loop folds away.
    #[inline]
    pub fn pointers(mask: &'a [u64], elem_words: usize) -> Layout<'a> {
        let elem_words = elem_words.max(1);
        let used = elem_words.div_ceil(64).min(mask.len());
        let mut any = false;
        for (i, &m) in mask[..used].iter().enumerate() {
            let bits_here = (elem_words - i * 64).min(64);
            let valid = if bits_here == 64 {
                u64::MAX
            } else {
                (1u64 << bits_here) - 1
            };
            any |= m & valid != 0;
        }
        if !any {
            return Layout::NOSCAN;
        }
        Layout {
            mask: &mask[..used],
            elem_words,
        }
    }

    /// True when no word is a pointer.
    #[inline]
    pub fn is_noscan(&self) -> bool {
        self.mask.is_empty()
    }

    /// Words per element.
    #[inline]
    pub fn elem_words(&self) -> usize {
        self.elem_words
    }

    /// The mask over one element.
    #[inline]
    pub fn mask(&self) -> &'a [u64] {
        self.mask
    }

    /// Whether word `i` of the object (not of the element) holds a pointer.
    #[inline]
    pub fn is_pointer(&self, i: usize) -> bool {
        if self.mask.is_empty() {
            return false;
        }
        let j = i % self.elem_words;
        match self.mask.get(j / 64) {
            Some(m) => (m >> (j % 64)) & 1 == 1,
            None => false,
        }
    }
}

/// An owned copy of a layout, kept by large-object spans (Go keeps the type
/// pointer in the span for objects too large for the heap bitmap).
#[derive(Clone, Debug, Default)]
pub(crate) struct OwnedLayout {
    pub(crate) mask: Vec<u64>,
    pub(crate) elem_words: usize,
    /// Words of the object as requested; the span's tail past them is
    /// never scanned (it is not zeroed and may hold stale words).
    pub(crate) words: usize,
}

impl OwnedLayout {
    pub(crate) fn set(&mut self, l: Layout<'_>, size: usize) {
        self.words = size.div_ceil(8);
        self.mask.clear();
        self.mask.extend_from_slice(l.mask);
        self.elem_words = l.elem_words;
    }

    pub(crate) fn as_layout(&self) -> Layout<'_> {
        Layout {
            mask: &self.mask,
            elem_words: self.elem_words.max(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeating_mask() {
        // struct { p *T; n int; q *T }: words 0 and 2.
        let l = Layout::pointers(&[0b101], 3);
        let got: Vec<bool> = (0..7).map(|i| l.is_pointer(i)).collect();
        assert_eq!(got, [true, false, true, true, false, true, true]);
    }

    #[test]
    fn empty_or_masked_out_bits_mean_noscan() {
        assert!(Layout::pointers(&[], 4).is_noscan());
        assert!(Layout::pointers(&[0], 4).is_noscan());
        // Bit 5 lies outside a 2-word element.
        assert!(Layout::pointers(&[1 << 5], 2).is_noscan());
        assert!(!Layout::ALL_POINTERS.is_noscan());
        assert!(Layout::ALL_POINTERS.is_pointer(1000));
    }

    #[test]
    fn short_mask_reads_as_non_pointers() {
        let l = Layout::pointers(&[1], 130);
        assert!(l.is_pointer(0));
        assert!(!l.is_pointer(129));
        assert!(l.is_pointer(130));
    }
}
