//! The block functions of crypto/sha256, crypto/sha1 and crypto/md5: the
//! compression of whole 64-byte blocks into a state of 32-bit words
//! (FIPS 180-4 for SHA-1 and SHA-256, RFC 1321 for MD5). The Go halves
//! buffer, pad and serialise; this is the inner loop, where the
//! interpreter would cost most.

use gol_vm::{Native, NativeCtx, NativeResult};

pub const SHA256_NATIVES: &[(&str, Native)] = &[(
    "block",
    Native::new(|c| block(c, sha256_block), "func(h []uint32, p []byte)"),
)];

pub const SHA1_NATIVES: &[(&str, Native)] = &[(
    "block",
    Native::new(|c| block(c, sha1_block), "func(h []uint32, p []byte)"),
)];

pub const MD5_NATIVES: &[(&str, Native)] = &[(
    "block",
    Native::new(|c| block(c, md5_block), "func(h []uint32, p []byte)"),
)];

/// Reads the state slice, compresses every whole block of `p` into it
/// and stores it back.
fn block(ctx: &mut NativeCtx<'_>, f: fn(&mut [u32], &[u8; 64])) -> NativeResult {
    let (hp, hl, _) = ctx.slice(0);
    let et = ctx.slice_elem(0);
    let mut h: Vec<u32> = ctx
        .read_elems(hp, 0, hl as usize, et)
        .iter()
        .map(|&w| w as u32)
        .collect();
    let p = ctx.bytes(1);
    for chunk in p.chunks_exact(64) {
        let mut b = [0u8; 64];
        b.copy_from_slice(chunk);
        f(&mut h, &b);
    }
    let words: Vec<u64> = h.iter().map(|&w| w as u64).collect();
    if hl > 0 {
        ctx.store(hp, 0, &words, et);
    }
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

    fn digest(f: fn(&mut [u32], &[u8; 64]), init: &[u32], msg: &[u8], be: bool) -> String {
        let mut h = init.to_vec();
        let mut data = msg.to_vec();
        data.push(0x80);
        while data.len() % 64 != 56 {
            data.push(0);
        }
        let bits = (msg.len() as u64) * 8;
        data.extend(if be {
            bits.to_be_bytes()
        } else {
            bits.to_le_bytes()
        });
        for c in data.chunks_exact(64) {
            f(&mut h, c.try_into().unwrap());
        }
        h.iter()
            .map(|w| {
                if be {
                    format!("{w:08x}")
                } else {
                    w.to_le_bytes().iter().map(|b| format!("{b:02x}")).collect()
                }
            })
            .collect()
    }

    #[test]
    fn known_digests_of_abc() {
        assert_eq!(
            digest(
                sha256_block,
                &[
                    0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C,
                    0x1F83D9AB, 0x5BE0CD19
                ],
                b"abc",
                true
            ),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            digest(
                sha1_block,
                &[0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0],
                b"abc",
                true
            ),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            digest(
                md5_block,
                &[0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476],
                b"abc",
                false
            ),
            "900150983cd24fb0d6963f7d28e17f72"
        );
    }
}
