//! No input may panic: random formats, operands and strings through every
//! entry point. (Outputs are checked against Go by the table tests; here
//! only termination without a Rust panic is asserted.)

use super::TV;
use crate::format::*;

/// xorshift64*: deterministic, dependency-free randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn bytes(&mut self, alphabet: &[u8], max: usize) -> Vec<u8> {
        let n = self.below(max + 1);
        (0..n)
            .map(|_| {
                if self.below(8) == 0 {
                    self.next() as u8
                } else {
                    alphabet[self.below(alphabet.len())]
                }
            })
            .collect()
    }
}

fn random_value(rng: &mut Rng, depth: usize) -> TV {
    let pick = if depth > 3 {
        rng.below(8)
    } else {
        rng.below(14)
    };
    match pick {
        0 => TV::boolean(rng.below(2) == 0),
        1 => TV::int(rng.next() as i64),
        2 => TV::int_k(Kind::Int8, "int8", i64::from(rng.next() as i8)),
        3 => TV::uint_k(Kind::Uint64, "uint64", rng.next()),
        4 => TV::float(f64::from_bits(rng.next())),
        5 => TV::float_k(
            Kind::Float32,
            "float32",
            f64::from(f32::from_bits(rng.next() as u32)),
        ),
        6 => TV::str_t("string", &rng.bytes(b"ab\xff\t\"`\\\xe6\x97\xa5", 8)),
        7 => TV::iface("interface {}", None),
        8 => {
            let n = rng.below(4);
            TV::slice(
                "[]interface {}",
                Kind::Interface,
                (0..n)
                    .map(|_| TV::iface("interface {}", Some(random_value(rng, depth + 1))))
                    .collect(),
            )
        }
        9 => TV::strukt(
            "main.T",
            vec![
                ("A", random_value(rng, depth + 1)),
                ("b", random_value(rng, depth + 1)),
            ],
        ),
        10 => {
            let n = rng.below(4);
            TV::map(
                "map[interface {}]interface {}",
                (0..n)
                    .map(|_| {
                        (
                            TV::iface("interface {}", Some(random_value(rng, depth + 1))),
                            random_value(rng, depth + 1),
                        )
                    })
                    .collect(),
            )
        }
        11 => TV::ptr("*main.T", rng.next(), random_value(rng, depth + 1)),
        12 => TV::bytes("[]uint8", Some(&rng.bytes(b"\x00az\xff", 6))),
        _ => random_value(rng, depth + 1).with_string_panic(random_value(rng, depth + 1)),
    }
}

#[test]
fn random_formats_and_operands_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet = b"%%%%[]*.0123456789+-# vdsqxXobcUeEfFgGtTpw!z";
    for _ in 0..20_000 {
        let format = rng.bytes(alphabet, 16);
        let n = rng.below(4);
        let args: Vec<TV> = (0..n).map(|_| random_value(&mut rng, 0)).collect();
        let refs: Vec<&dyn FmtValue> = args.iter().map(|a| a as &dyn FmtValue).collect();
        let _ = sprintf(&format, &refs);
        let _ = errorf(&format, &refs);
        let _ = sprint(&refs);
        let _ = sprintln(&refs);
    }
}

#[test]
fn random_strings_never_panic_the_parsers() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let alphabet = b"0123456789abcdefxXpPeE_.+-infINFtyaAnN'\"`\\uU";
    for _ in 0..50_000 {
        let s = rng.bytes(alphabet, 24);
        let base = rng.below(40) as i64 - 2;
        let bits = rng.below(70) as i64 - 2;
        let _ = parse_int(&s, base, bits);
        let _ = parse_uint(&s, base, bits);
        let _ = atoi(&s);
        let _ = parse_float(&s, if rng.below(2) == 0 { 32 } else { 64 });
        let _ = parse_bool(&s);
        let _ = unquote(&s);
        let _ = quoted_prefix(&s);
        let _ = unquote_char(&s, b"\"'\0"[rng.below(3)]);
        let _ = quote(&s);
        let _ = can_backquote(&s);
        let f = f64::from_bits(rng.next());
        let fmt = b"beEfgGxXz"[rng.below(9)];
        let prec = rng.below(60) as i64 - 2;
        let _ = format_float(f, fmt, prec, [32, 64, 16][rng.below(3)]);
        let _ = format_int(rng.next() as i64, rng.below(40) as u32);
        let _ = quote_rune(rng.next() as i32 as i64);
        let _ = is_print(rng.next() as i64);
    }
}
