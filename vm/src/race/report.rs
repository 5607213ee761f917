//! Race reports in Go's format (its race runtime's, TSan's Go mode):
//! the access and its stack, the earlier access and its stack, then
//! where each goroutine was created; `Found N data race(s)` at exit.
//! A report is made once per pair of program counters and once per
//! address (TSan's `suppress_equal_stacks` and
//! `suppress_equal_addresses`), so a racy loop reports one race.

use super::shadow::Prev;
use super::Tix;
use super::{Race, State};
use crate::goroutine::G;
use crate::Vm;
use std::io::Write;

impl Race {
    /// Reports the race of the access by `t` (running `g` at `pc`) at
    /// `addr` with `prev`, unless an equal one was reported; true when
    /// reported.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn report(
        &self,
        vm: &Vm,
        st: &mut State,
        g: &G,
        pc: u32,
        t: Tix,
        addr: u64,
        write: bool,
        prev: Prev,
    ) -> bool {
        let here = st.stack_of(t, g, pc);
        let top = |st: &State, s: u32| st.frames(s).first().copied().unwrap_or((0, 0));
        let (a, b) = (top(st, here), top(st, prev.at));
        let pair = if a <= b { (a, b) } else { (b, a) };
        if st.reported_addrs.contains(&addr) || !st.reported_pcs.insert(pair) {
            return false;
        }
        st.reported_addrs.insert(addr);
        st.found += 1;
        let mut out = Vec::new();
        out.extend_from_slice(b"==================\nWARNING: DATA RACE\n");
        let who = |st: &State, t: Option<Tix>| match t.map(|t| st.threads[t as usize].gid) {
            Some(1) => "main goroutine".to_string(),
            Some(id) => format!("goroutine {id}"),
            None => "unknown goroutine".to_string(),
        };
        let kind = if write { "Write" } else { "Read" };
        let shown = vm.go_addr(addr);
        out.extend_from_slice(
            format!("{kind} at 0x{shown:012x} by {}:\n", who(st, Some(t))).as_bytes(),
        );
        stack_text(vm, &st.frames(here), &mut out);
        let pkind = if prev.write { "write" } else { "read" };
        out.extend_from_slice(
            format!(
                "\nPrevious {pkind} at 0x{shown:012x} by {}:\n",
                who(st, prev.tix)
            )
            .as_bytes(),
        );
        stack_text(vm, &st.frames(prev.at), &mut out);
        for tid in [Some(t), prev.tix].into_iter().flatten() {
            let th = &st.threads[tid as usize];
            let stack = match (th.created, th.timer_site) {
                (Some(site), _) => stack_text_of(vm, &st.frames(site)),
                (None, Some(f)) => {
                    // Go's timer goroutine function, at AfterFunc's source.
                    let t = stack_text_of(vm, &[(f, 1)]);
                    let loc = t.lines().nth(1).unwrap_or("").to_string();
                    format!("  time.goFunc()\n{loc}\n")
                }
                (None, None) => continue,
            };
            let status = if tid == t {
                "running"
            } else if th.finished() {
                "finished"
            } else {
                "running"
            };
            out.extend_from_slice(
                format!("\nGoroutine {} ({status}) created at:\n{stack}", th.gid).as_bytes(),
            );
        }
        out.extend_from_slice(b"==================\n");
        self.emit(vm, &out);
        if self.opts.halt_on_error {
            self.halted
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        true
    }

    /// Writes report text where `log_path` says (after the program's
    /// buffered output, so the two stay in order).
    pub(crate) fn emit(&self, vm: &Vm, text: &[u8]) {
        let mut o = vm.stdout;
        let _ = o.flush();
        match self.opts.log_path.as_deref() {
            // The program's standard error, as Go's race runtime writes
            // fd 2 (not a report that ends the run: the program goes on).
            None | Some("stderr") => crate::stdio::write_stderr(text),
            Some("stdout") => {
                let _ = o.write_all(text);
            }
            Some(p) => {
                let path = format!("{p}.{}", std::process::id());
                let f = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path);
                match f {
                    Ok(mut f) => {
                        let _ = f.write_all(text);
                    }
                    Err(_) => crate::stdio::write_stderr(text),
                }
            }
        }
    }
}

fn stack_text_of(vm: &Vm, stack: &[(u32, u32)]) -> String {
    let mut out = Vec::new();
    stack_text(vm, stack, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// A stack as Go's race reports indent it: the function at two spaces,
/// its file and line at six.
///
/// A frame without a source line (the stub through which Go code calls a
/// native, such as `fmt.Sprint`'s) is left out: it has no place to name;
/// so is the sentinel below a Go call from a native (interp/nested.rs).
fn stack_text(vm: &Vm, stack: &[(u32, u32)], out: &mut Vec<u8>) {
    let placed: Vec<(u32, u32)> = stack
        .iter()
        .copied()
        .filter(|&(func, pc)| {
            func != u32::MAX
                && vm.prog.funcs.get(func as usize).is_none_or(|f| {
                    f.lines
                        .get(pc.saturating_sub(1) as usize)
                        .is_some_and(|&l| l > 0)
                })
        })
        .collect();
    let mut tr = Vec::new();
    crate::panic::write_trace(vm, &placed, &mut tr);
    for line in String::from_utf8_lossy(&tr).lines() {
        match line.strip_prefix('\t') {
            Some(loc) => out.extend_from_slice(format!("      {loc}\n").as_bytes()),
            // Go's race reports print no arguments: `f()` always.
            None => {
                let name = line
                    .strip_suffix("(...)")
                    .map_or(line.to_string(), |n| format!("{n}()"));
                out.extend_from_slice(format!("  {name}\n").as_bytes())
            }
        }
    }
}
