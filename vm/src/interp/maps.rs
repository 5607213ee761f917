//! The map instructions (make, index, assign, delete, clear, range) and
//! the comparison of whole values (`EqValue`, which shares map.rs's
//! equality of keys). The map itself is map.rs; this module only moves
//! words between the goroutine's slots and it.

use super::*;

/// Executes `op`, one of the map instructions, in the frame `at`.
#[inline(never)]
pub(super) fn exec(vm: &mut Vm, prog: &Program, g: &mut G, at: At<'_>, op: Op) -> Step {
    let base = at.base;
    match op {
        Op::MakeMap { d, t, hint } => {
            // Go ignores a negative or huge hint (no panic).
            let h = at.ri(g, hint)?.max(0);
            let m = vm.map_new(t, h as usize);
            at.set(g, d, m)?
        }
        Op::MapLen { d, a } => {
            let v: u64 = crate::map::len(at.r(g, a)?);
            at.set(g, d, v)?
        }
        Op::MapGet { d, m, k, t, ok } => {
            let (kw, vw) = map_kv(prog, t);
            let ks = base + k.0 as usize;
            let mut buf = [0u64; 16];
            let mut big = Vec::new();
            let out: &mut [u64] = if vw <= buf.len() {
                &mut buf[..vw]
            } else {
                big.resize(vw, 0);
                &mut big
            };
            match vm.map_get(t, at.r(g, m)?, &g.stack[ks..ks + kw], out) {
                Ok(found) => {
                    let ds = base + d.0 as usize;
                    g.stack[ds..ds + vw].copy_from_slice(out);
                    if ok {
                        g.stack[ds + vw] = found as u64;
                    }
                }
                Err(MapError::Panic(msg)) => return Err(Trap::Panic(msg)),
                Err(MapError::Fatal(msg)) => {
                    return Err(Trap::Fatal(msg.into()));
                }
            }
        }
        Op::MapSet { m, k, v, t } => {
            let (kw, vw) = map_kv(prog, t);
            let ks = base + k.0 as usize;
            let vs = base + v.0 as usize;
            let m = at.r(g, m)?;
            match vm.map_set(t, m, &g.stack[ks..ks + kw], &g.stack[vs..vs + vw]) {
                Ok(()) => {}
                Err(MapError::Panic(msg)) => return Err(Trap::Panic(msg)),
                Err(MapError::Fatal(msg)) => {
                    return Err(Trap::Fatal(msg.into()));
                }
            }
        }
        Op::MapDelete { m, k, t } => {
            let (kw, _) = map_kv(prog, t);
            let ks = base + k.0 as usize;
            let m = at.r(g, m)?;
            match vm.map_delete(t, m, &g.stack[ks..ks + kw]) {
                Ok(()) => {}
                Err(MapError::Panic(msg)) => return Err(Trap::Panic(msg)),
                Err(MapError::Fatal(msg)) => {
                    return Err(Trap::Fatal(msg.into()));
                }
            }
        }
        Op::MapClear { a } => match vm.map_clear(at.r(g, a)?) {
            Ok(()) => {}
            Err(MapError::Panic(msg)) => return Err(Trap::Panic(msg)),
            Err(MapError::Fatal(msg)) => {
                return Err(Trap::Fatal(msg.into()));
            }
        },
        Op::MapIter { d, a } => {
            let it = vm.map_iter_init(at.r(g, a)?);
            let ds = base + d.0 as usize;
            g.stack[ds..ds + it.len()].copy_from_slice(&it);
        }
        Op::MapNext { d, it } => {
            let is = base + it.0 as usize;
            let n = crate::map::ITER_WORDS as usize;
            let mut iw: Vec<u64> = g.stack[is..is + n].to_vec();
            let (kw, vw) = crate::map::map_type(iw[0]).map_or((0, 0), |t| map_kv(prog, t));
            let mut out = vec![0u64; kw + vw];
            let more = match vm.map_iter_next(&mut iw, &mut out) {
                Ok(more) => more,
                Err(MapError::Panic(msg)) => return Err(Trap::Panic(msg)),
                Err(MapError::Fatal(msg)) => {
                    return Err(Trap::Fatal(msg.into()));
                }
            };
            g.stack[is..is + n].copy_from_slice(&iw);
            let ds = base + d.0 as usize;
            g.stack[ds] = more as u64;
            if more {
                g.stack[ds + 1..ds + 1 + kw + vw].copy_from_slice(&out);
            }
        }
        Op::EqValue { d, a, b, t } => {
            let n = prog.ty(t).words as usize;
            let (sa, sb) = (base + a.0 as usize, base + b.0 as usize);
            match crate::map::equal_value(prog, t, &g.stack[sa..sa + n], &g.stack[sb..sb + n]) {
                Ok(e) => at.set(g, d, e as u64)?,
                Err(u) => {
                    return Err(Trap::Panic(format!(
                        "runtime error: comparing uncomparable type {}",
                        prog.ty(u).name
                    )))
                }
            }
        }
        _ => return Err(Trap::Fatal(format!("{op:?} is not a map instruction"))),
    }
    Ok(())
}
