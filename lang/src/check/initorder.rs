//! Initialization order of package-level variables (Go spec "Package
//! initialization").
//!
//! While checking, every package-level declaration records the
//! package-level objects it references (`deps`): a variable's initializer,
//! a constant's value, a function's body. Functions are transparent: a
//! variable that calls `f` depends on whatever `f` references.
//!
//! 1. Cycles are found by a depth-first walk over the whole graph; a cycle
//!    through at least one variable or constant is Go's `initialization
//!    cycle` (cycles of functions alone are just recursion).
//! 2. Then variables are emitted repeatedly choosing the earliest variable
//!    in declaration order whose variable dependencies are all initialised,
//!    exactly the rule of the spec. This is quadratic in the number of
//!    package-level variables, which stays small; a priority queue keyed by
//!    dependency counts (go/types) was rejected as more code for no
//!    measurable gain at this scale.

use super::checker::Checker;
use super::Initializer;
use crate::diag::Diagnostic;
use crate::types::{ObjId, ObjKind};
use std::collections::{HashMap, HashSet};

impl Checker<'_> {
    pub(crate) fn init_order(&mut self) {
        self.check_map_keys();
        let objs: Vec<ObjId> = self
            .cur_pkg()
            .objects
            .iter()
            .copied()
            .chain(self.cur_pkg().methods.iter().copied())
            .filter(|o| !matches!(self.tt.obj(*o).kind, ObjKind::TypeName))
            .collect();
        // 1. Cycles.
        let mut state: HashMap<ObjId, u8> = HashMap::new();
        let mut reported: HashSet<ObjId> = HashSet::new();
        for &o in &objs {
            if matches!(self.tt.obj(o).kind, ObjKind::Var(_) | ObjKind::Const(_)) {
                let mut path = Vec::new();
                self.find_cycle(o, &mut state, &mut path, &mut reported);
            }
        }
        if !reported.is_empty() {
            return;
        }
        // 2. Order.
        let vars: Vec<ObjId> = self
            .cur_pkg()
            .objects
            .iter()
            .copied()
            .filter(|o| matches!(self.tt.obj(*o).kind, ObjKind::Var(_)))
            .collect();
        let var_set: HashSet<ObjId> = vars.iter().copied().collect();
        let mut var_deps: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        for &v in &vars {
            let mut seen = HashSet::new();
            let mut out = HashSet::new();
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            while let Some(d) = stack.pop() {
                if !seen.insert(d) {
                    continue;
                }
                if var_set.contains(&d) {
                    out.insert(d);
                } else if matches!(self.tt.obj(d).kind, ObjKind::Func { .. }) {
                    stack.extend(self.deps.get(&d).cloned().unwrap_or_default());
                }
            }
            out.remove(&v);
            var_deps.insert(v, out);
        }
        let mut done: HashSet<ObjId> = HashSet::new();
        let mut order = Vec::new();
        let mut emitted_groups: HashSet<ObjId> = HashSet::new();
        while done.len() < vars.len() {
            let next = vars.iter().copied().find(|v| {
                !done.contains(v)
                    && var_deps
                        .get(v)
                        .is_none_or(|ds| ds.iter().all(|d| done.contains(d)))
            });
            let Some(v) = next else { break };
            // Variables initialised together become ready together.
            let group = self
                .var_inits
                .get(&v)
                .map(|(l, _)| l.clone())
                .unwrap_or_else(|| vec![v]);
            for &g in &group {
                done.insert(g);
            }
            if let Some((lhs, rhs)) = self.var_inits.get(&v).cloned() {
                if emitted_groups.insert(lhs[0]) {
                    order.push(Initializer { lhs, rhs });
                }
            }
        }
        self.pkgs[self.pkg.0 as usize].init_order = order;
    }

    fn find_cycle(
        &mut self,
        o: ObjId,
        state: &mut HashMap<ObjId, u8>,
        path: &mut Vec<ObjId>,
        reported: &mut HashSet<ObjId>,
    ) {
        // Iterative deepening would avoid recursion, but depth is bounded
        // by the number of package-level objects on one dependency chain;
        // cap it anyway.
        if path.len() > 10_000 {
            return;
        }
        match state.get(&o) {
            Some(2) => return,
            Some(1) => {
                let Some(start) = path.iter().position(|&p| p == o) else {
                    return;
                };
                let cycle: Vec<ObjId> = path[start..].to_vec();
                let has_val = cycle
                    .iter()
                    .any(|c| matches!(self.tt.obj(*c).kind, ObjKind::Var(_) | ObjKind::Const(_)));
                if has_val && !cycle.iter().any(|c| reported.contains(c)) {
                    for &c in &cycle {
                        reported.insert(c);
                    }
                    self.report_init_cycle(&cycle);
                }
                return;
            }
            _ => {}
        }
        state.insert(o, 1);
        path.push(o);
        let deps = self.deps.get(&o).cloned().unwrap_or_default();
        for d in deps {
            self.find_cycle(d, state, path, reported);
        }
        path.pop();
        state.insert(o, 2);
    }

    fn report_init_cycle(&mut self, cycle: &[ObjId]) {
        let first = self.tt.obj(cycle[0]);
        if cycle.len() == 1 {
            let (span, name) = (first.span, first.name.clone());
            self.error(
                span,
                format!("initialization cycle: {name} refers to itself"),
            );
            return;
        }
        let mut d = Diagnostic::error(
            first.span,
            format!("initialization cycle for {}", first.name),
        );
        for i in 0..cycle.len() {
            let a = self.tt.obj(cycle[i]);
            let b = self.tt.obj(cycle[(i + 1) % cycle.len()]);
            d = d.with_secondary(a.span, format!("{} refers to {}", a.name, b.name));
        }
        self.error_with(d);
    }
}
