//! The printer's view of a VM value ([`FmtValue`] for [`VmValue`]).
//!
//! A value is its runtime type and its words, read out of the VM's
//! memory on demand through the native context (interface boxes, pointees,
//! slice elements, struct fields).

use crate::format::{FmtValue, Kind, Method};
use gol_lang::bytecode::{RtType, TypeKind};
use gol_vm::NativeCtx;
use std::borrow::Cow;

/// A typed VM value.
pub struct VmValue<'c> {
    ctx: &'c NativeCtx<'c>,
    /// `None`: a nil interface.
    ty: Option<RtType>,
    words: Vec<u64>,
}

impl<'c> VmValue<'c> {
    /// The dynamic value of interface word `w`.
    pub fn iface(ctx: &'c NativeCtx<'c>, w: u64) -> VmValue<'c> {
        if w == 0 {
            return VmValue {
                ctx,
                ty: None,
                words: Vec::new(),
            };
        }
        let t = RtType(ctx.read_words(w, 0, 1)[0] as u32);
        let n = ctx.program().ty(t).words as usize;
        VmValue {
            ctx,
            ty: Some(t),
            words: ctx.read_words(w, 1, n),
        }
    }

    fn typed(&self, t: RtType, words: Vec<u64>) -> VmValue<'c> {
        VmValue {
            ctx: self.ctx,
            ty: Some(t),
            words,
        }
    }

    fn kind_of(&self) -> Option<&TypeKind> {
        self.ty.map(|t| &self.ctx.program().ty(t).kind)
    }

    fn w(&self, i: usize) -> u64 {
        self.words.get(i).copied().unwrap_or(0)
    }

    /// Element type and words per element of a slice or array.
    fn elem(&self) -> Option<(RtType, usize)> {
        match self.kind_of()? {
            TypeKind::Slice(e) | TypeKind::Array(_, e) => {
                Some((*e, self.ctx.program().ty(*e).words as usize))
            }
            _ => None,
        }
    }
}

fn kind_for(k: &TypeKind) -> Kind {
    match k {
        TypeKind::Bool => Kind::Bool,
        TypeKind::Int { bits, signed } => match (bits, signed) {
            (8, true) => Kind::Int8,
            (16, true) => Kind::Int16,
            (32, true) => Kind::Int32,
            (_, true) => Kind::Int64,
            (8, false) => Kind::Uint8,
            (16, false) => Kind::Uint16,
            (32, false) => Kind::Uint32,
            _ => Kind::Uint64,
        },
        TypeKind::Uintptr => Kind::Uintptr,
        TypeKind::Float { bits: 32 } => Kind::Float32,
        TypeKind::Float { .. } => Kind::Float64,
        TypeKind::String => Kind::String,
        TypeKind::Pointer(_) => Kind::Pointer,
        TypeKind::Slice(_) => Kind::Slice,
        TypeKind::Array(..) => Kind::Array,
        TypeKind::Struct(_) => Kind::Struct,
        TypeKind::Map(..) => Kind::Map,
        TypeKind::Chan(_) => Kind::Chan,
        TypeKind::Func => Kind::Func,
        TypeKind::Interface => Kind::Interface,
    }
}

impl FmtValue for VmValue<'_> {
    fn kind(&self) -> Kind {
        match self.ty {
            None => Kind::Interface,
            Some(t) => {
                let d = self.ctx.program().ty(t);
                let k = kind_for(&d.kind);
                // `int` and `uint` print as such in %T and %v errors.
                match (k, d.name.as_str()) {
                    (Kind::Int64, "int") => Kind::Int,
                    (Kind::Uint64, "uint") => Kind::Uint,
                    _ => k,
                }
            }
        }
    }

    fn type_name(&self) -> String {
        match self.ty {
            None => "<nil>".into(),
            Some(t) => self.ctx.program().ty(t).name.clone(),
        }
    }

    fn bool_value(&self) -> bool {
        self.w(0) != 0
    }

    fn int_value(&self) -> i64 {
        self.w(0) as i64
    }

    fn uint_value(&self) -> u64 {
        self.w(0)
    }

    fn float_value(&self) -> f64 {
        f64::from_bits(self.w(0))
    }

    fn bytes(&self) -> Cow<'_, [u8]> {
        match self.kind_of() {
            Some(TypeKind::String) => Cow::Owned(self.ctx.string_at(self.w(0), self.w(1))),
            Some(TypeKind::Slice(_)) => {
                let words = self.ctx.read_words(self.w(0), 0, self.w(1) as usize);
                Cow::Owned(words.iter().map(|&w| w as u8).collect())
            }
            Some(TypeKind::Array(..)) => Cow::Owned(self.words.iter().map(|&w| w as u8).collect()),
            _ => Cow::Borrowed(&[]),
        }
    }

    fn elem_kind(&self) -> Option<Kind> {
        let (e, _) = self.elem()?;
        Some(kind_for(&self.ctx.program().ty(e).kind))
    }

    fn is_nil(&self) -> bool {
        match self.kind_of() {
            None => true,
            Some(TypeKind::Interface) => self.w(0) == 0,
            Some(
                TypeKind::Slice(_)
                | TypeKind::Map(..)
                | TypeKind::Pointer(_)
                | TypeKind::Func
                | TypeKind::Chan(_),
            ) => self.w(0) == 0,
            _ => false,
        }
    }

    fn len(&self) -> usize {
        match self.kind_of() {
            Some(TypeKind::Slice(_)) => self.w(1) as usize,
            Some(TypeKind::Array(n, _)) => *n as usize,
            _ => 0,
        }
    }

    fn index(&self, i: usize) -> Option<Box<dyn FmtValue + '_>> {
        let (e, ew) = self.elem()?;
        if i >= self.len() {
            return None;
        }
        let words = match self.kind_of()? {
            TypeKind::Slice(_) => self.ctx.read_words(self.w(0), i * ew, ew),
            _ => self.words.get(i * ew..(i + 1) * ew)?.to_vec(),
        };
        Some(Box::new(self.typed(e, words)))
    }

    fn num_fields(&self) -> usize {
        match self.kind_of() {
            Some(TypeKind::Struct(fs)) => fs.len(),
            _ => 0,
        }
    }

    fn field(&self, i: usize) -> Option<(Cow<'_, str>, Box<dyn FmtValue + '_>)> {
        let Some(TypeKind::Struct(fs)) = self.kind_of() else {
            return None;
        };
        let f = fs.get(i)?;
        let n = self.ctx.program().ty(f.ty).words as usize;
        let off = f.off as usize;
        let words = self.words.get(off..off + n)?.to_vec();
        Some((
            Cow::Owned(f.name.clone()),
            Box::new(self.typed(f.ty, words)),
        ))
    }

    fn pointer(&self) -> u64 {
        self.w(0)
    }

    fn elem(&self) -> Option<Box<dyn FmtValue + '_>> {
        match self.kind_of()? {
            TypeKind::Pointer(e) => {
                if self.w(0) == 0 {
                    return None;
                }
                let n = self.ctx.program().ty(*e).words as usize;
                Some(Box::new(
                    self.typed(*e, self.ctx.read_words(self.w(0), 0, n)),
                ))
            }
            TypeKind::Interface => {
                if self.w(0) == 0 {
                    return None;
                }
                Some(Box::new(VmValue::iface(self.ctx, self.w(0))))
            }
            _ => None,
        }
    }

    fn is_error(&self) -> bool {
        self.has_method("Error")
    }

    fn error_method(&self) -> Method<'_> {
        Method::Absent
    }

    fn string_method(&self) -> Method<'_> {
        Method::Absent
    }
}

impl VmValue<'_> {
    fn has_method(&self, name: &str) -> bool {
        self.ty.is_some_and(|t| {
            self.ctx
                .program()
                .ty(t)
                .methods
                .iter()
                .any(|(n, _)| n == name)
        })
    }
}
