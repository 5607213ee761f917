//! crypto/sha256, crypto/sha1 and crypto/md5: the Merkle-Damgård digest
//! the three share, written once, over each one's compression of 64-byte
//! blocks into a state of 32-bit words (FIPS 180-4 for SHA-1 and SHA-256,
//! RFC 1321 for MD5).
//!
//! A digest is the state `h`, a buffer `x` of the last partial block
//! (`nx` bytes) and the length written. [`absorb`] is Write: it fills the
//! buffer, compresses it when full, compresses the whole blocks of the
//! input in place, and keeps the tail. [`finish`] is Sum on a copy: the
//! padding (0x80, zeros to 56 bytes mod 64, the length in bits in the
//! hash's byte order) through `absorb`, then the state serialised in that
//! order. The Go halves keep the state in their `digest` structs and call
//! the natives `update` and `finish` with it; the state words and buffer
//! bytes go back through `store` (the write barrier is moot: neither
//! holds pointers).

use gol_vm::{Native, NativeCtx, NativeResult};

/// One hash: its compression function and the byte order of its length
/// and output words.
struct Hash {
    block: fn(&mut [u32], &[u8; 64]),
    big_endian: bool,
}

const SHA256: Hash = Hash {
    block: sha256_block,
    big_endian: true,
};

const SHA1: Hash = Hash {
    block: sha1_block,
    big_endian: true,
};

const MD5: Hash = Hash {
    block: md5_block,
    big_endian: false,
};

const UPDATE_SIG: &str = "func(h []uint32, x []byte, nx int, p []byte) int";
const FINISH_SIG: &str = "func(h []uint32, x []byte, nx int, len uint64) []byte";

pub const SHA256_NATIVES: &[(&str, Native)] = &[
    ("update", Native::new(|c| update(c, &SHA256), UPDATE_SIG)),
    ("finish", Native::new(|c| finish(c, &SHA256), FINISH_SIG)),
];

pub const SHA1_NATIVES: &[(&str, Native)] = &[
    ("update", Native::new(|c| update(c, &SHA1), UPDATE_SIG)),
    ("finish", Native::new(|c| finish(c, &SHA1), FINISH_SIG)),
];

pub const MD5_NATIVES: &[(&str, Native)] = &[
    ("update", Native::new(|c| update(c, &MD5), UPDATE_SIG)),
    ("finish", Native::new(|c| finish(c, &MD5), FINISH_SIG)),
];

/// Write: `p` through the buffer `x`, which holds `nx` bytes, into the
/// state `h`; the bytes the buffer holds after.
fn absorb(hash: &Hash, h: &mut [u32], x: &mut [u8; 64], mut nx: usize, mut p: &[u8]) -> usize {
    if nx > 0 {
        let n = p.len().min(64 - nx);
        x[nx..nx + n].copy_from_slice(&p[..n]);
        nx += n;
        p = &p[n..];
        if nx < 64 {
            return nx;
        }
        (hash.block)(h, x);
    }
    let mut blocks = p.chunks_exact(64);
    for b in &mut blocks {
        let mut blk = [0u8; 64];
        blk.copy_from_slice(b);
        (hash.block)(h, &blk);
    }
    let tail = blocks.remainder();
    x[..tail.len()].copy_from_slice(tail);
    tail.len()
}

/// Sum: the checksum of the state `h` after `len` bytes, `x[..nx]` of
/// them still buffered (both taken by value: the digest goes on).
fn checksum(hash: &Hash, mut h: Vec<u32>, mut x: [u8; 64], nx: usize, len: u64) -> Vec<u8> {
    let mut pad = vec![0u8; if len % 64 < 56 { 56 } else { 120 } - (len % 64) as usize];
    pad[0] = 0x80;
    let bits = len << 3;
    pad.extend(if hash.big_endian {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    });
    absorb(hash, &mut h, &mut x, nx, &pad);
    h.iter()
        .flat_map(|w| {
            if hash.big_endian {
                w.to_be_bytes()
            } else {
                w.to_le_bytes()
            }
        })
        .collect()
}

/// The state words and the buffer of a native's first three arguments
/// (`h []uint32, x []byte, nx int`).
fn digest_args(ctx: &NativeCtx<'_>) -> (Vec<u32>, [u8; 64], usize) {
    let (hp, hl, _) = ctx.slice(0);
    let h = ctx
        .read_elems(hp, 0, hl as usize, ctx.slice_elem(0))
        .iter()
        .map(|&w| w as u32)
        .collect();
    let mut x = [0u8; 64];
    let xb = ctx.bytes(1);
    let n = xb.len().min(64);
    x[..n].copy_from_slice(&xb[..n]);
    let nx = (ctx.int(2).max(0) as usize).min(63);
    (h, x, nx)
}

fn update(ctx: &mut NativeCtx<'_>, hash: &Hash) -> NativeResult {
    let (mut h, mut x, nx) = digest_args(ctx);
    let p = ctx.bytes(3);
    let nx = absorb(hash, &mut h, &mut x, nx, &p);
    let (hp, hl, _) = ctx.slice(0);
    let het = ctx.slice_elem(0);
    if hl > 0 {
        let words: Vec<u64> = h.iter().map(|&w| u64::from(w)).collect();
        ctx.store(hp, 0, &words, het);
    }
    let (xp, xl, _) = ctx.slice(1);
    let xet = ctx.slice_elem(1);
    if xl > 0 {
        let words: Vec<u64> = x[..(xl as usize).min(64)]
            .iter()
            .map(|&b| u64::from(b))
            .collect();
        ctx.store(xp, 0, &words, xet);
    }
    ctx.ret_int(0, nx as i64);
    NativeResult::Ok
}

fn finish(ctx: &mut NativeCtx<'_>, hash: &Hash) -> NativeResult {
    let (h, x, nx) = digest_args(ctx);
    let len = ctx.uint(3);
    let sum = checksum(hash, h, x, nx, len);
    let s = ctx.new_bytes(&sum);
    ctx.ret_slice(0, s);
    NativeResult::Ok
}

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

fn sha256_block(h: &mut [u32], b: &[u8; 64]) {
    if h.len() < 8 {
        return;
    }
    let mut w = [0u32; 64];
    for i in 0..16 {
        w[i] = u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16]
            .wrapping_add(s0)
            .wrapping_add(w[i - 7])
            .wrapping_add(s1);
    }
    let [mut a, mut bb, mut c, mut d, mut e, mut f, mut g, mut hh] =
        [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]];
    for i in 0..64 {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(K256[i])
            .wrapping_add(w[i]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & bb) ^ (a & c) ^ (bb & c);
        let t2 = s0.wrapping_add(maj);
        hh = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = bb;
        bb = a;
        a = t1.wrapping_add(t2);
    }
    for (x, v) in h.iter_mut().zip([a, bb, c, d, e, f, g, hh]) {
        *x = x.wrapping_add(v);
    }
}

fn sha1_block(h: &mut [u32], b: &[u8; 64]) {
    if h.len() < 5 {
        return;
    }
    let mut w = [0u32; 80];
    for i in 0..16 {
        w[i] = u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
    }
    for i in 16..80 {
        w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
    }
    let [mut a, mut bb, mut c, mut d, mut e] = [h[0], h[1], h[2], h[3], h[4]];
    for (i, &wi) in w.iter().enumerate() {
        let (f, k) = match i {
            0..=19 => ((bb & c) | (!bb & d), 0x5A827999),
            20..=39 => (bb ^ c ^ d, 0x6ED9EBA1),
            40..=59 => ((bb & c) | (bb & d) | (c & d), 0x8F1BBCDC),
            _ => (bb ^ c ^ d, 0xCA62C1D6),
        };
        let t = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(wi);
        e = d;
        d = c;
        c = bb.rotate_left(30);
        bb = a;
        a = t;
    }
    for (x, v) in h.iter_mut().zip([a, bb, c, d, e]) {
        *x = x.wrapping_add(v);
    }
}

const MD5_S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
    14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15,
    21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

/// `floor(abs(sin(i + 1)) * 2^32)`, RFC 1321's table.
fn md5_k(i: usize) -> u32 {
    (((i + 1) as f64).sin().abs() * 4294967296.0) as u32
}

fn md5_block(h: &mut [u32], b: &[u8; 64]) {
    if h.len() < 4 {
        return;
    }
    let mut m = [0u32; 16];
    for i in 0..16 {
        m[i] = u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
    }
    let [mut a, mut bb, mut c, mut d] = [h[0], h[1], h[2], h[3]];
    for (i, &shift) in MD5_S.iter().enumerate() {
        let (f, g) = match i {
            0..=15 => ((bb & c) | (!bb & d), i),
            16..=31 => ((d & bb) | (!d & c), (5 * i + 1) % 16),
            32..=47 => (bb ^ c ^ d, (3 * i + 5) % 16),
            _ => (c ^ (bb | !d), (7 * i) % 16),
        };
        let f = f.wrapping_add(a).wrapping_add(md5_k(i)).wrapping_add(m[g]);
        a = d;
        d = c;
        c = bb;
        bb = bb.wrapping_add(f.rotate_left(shift));
    }
    for (x, v) in h.iter_mut().zip([a, bb, c, d]) {
        *x = x.wrapping_add(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checksum of `msg` written in pieces of `step` bytes.
    fn digest(hash: &Hash, init: &[u32], msg: &[u8], step: usize) -> String {
        let (mut h, mut x, mut nx) = (init.to_vec(), [0u8; 64], 0);
        for piece in msg.chunks(step) {
            nx = absorb(hash, &mut h, &mut x, nx, piece);
        }
        checksum(hash, h, x, nx, msg.len() as u64)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn known_digests_of_abc() {
        assert_eq!(
            digest(
                &SHA256,
                &[
                    0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C,
                    0x1F83D9AB, 0x5BE0CD19
                ],
                b"abc",
                1
            ),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            digest(
                &SHA1,
                &[0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0],
                b"abc",
                2
            ),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            digest(
                &MD5,
                &[0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476],
                b"abc",
                3
            ),
            "900150983cd24fb0d6963f7d28e17f72"
        );
    }

    /// Pieces that straddle, fill and skip whole blocks give the digest of
    /// one write (the 56-byte boundary of the padding included).
    #[test]
    fn pieces_agree_with_one_write() {
        let msg: Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
        let init = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
        for len in [0, 55, 56, 63, 64, 65, 119, 120, 128, 300] {
            let whole = digest(&SHA1, &init, &msg[..len], 1000);
            for step in [1, 7, 63, 64, 65, 130] {
                assert_eq!(
                    digest(&SHA1, &init, &msg[..len], step),
                    whole,
                    "{len} {step}"
                );
            }
        }
    }
}
