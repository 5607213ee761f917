//! The program's types and objects: an interned type table and an object
//! arena, shared by the checker (which builds them) and the code generator
//! (which reads them).
//!
//! # Design
//!
//! * **Types are interned.** A [`TypeId`] indexes [`TypeTable`]; every
//!   structural type (pointer, slice, array, map, chan, struct, func,
//!   interface, tuple) is stored once, keyed by its structure, so two
//!   spellings of `[]map[string]int` get the same id and identity is almost
//!   always an integer comparison. **Named types are never interned**: each
//!   `type T ...` declaration makes a fresh [`Named`] whose underlying type is
//!   filled in after its declaration has been resolved (which is what makes
//!   recursive types like `type L struct{ next *L }` possible: the struct
//!   refers to the named id, never to itself).
//! * **Identity is structural with a fast path.** `byte` and `uint8` (and
//!   `rune`/`int32`, `any`/`interface{}`) are distinct ids so that messages
//!   print the name the user wrote, as Go does; [`TypeTable::identical`]
//!   treats them as the same type. The recursive comparison terminates
//!   because it stops at named types (compared by id).
//! * **Interfaces store their complete method set**, sorted by name, with
//!   embedded interfaces already flattened. This keeps interface identity,
//!   method lookup and satisfaction checks simple; the checker resolves the
//!   embedded interfaces before building the interface type.
//! * **Objects** ([`Object`], indexed by [`ObjId`]) are what identifiers
//!   denote: constants (with their exact value), variables, type names,
//!   functions and methods, package names, builtins, labels and `nil`.
//!
//! Rejected alternatives: `Rc<Type>` graphs (need cycles for recursive
//! types, give no cheap identity, and are not `Send`); canonicalising
//! `byte` to `uint8` at interning (loses the name Go prints in messages).

use crate::ast::{NodeId, Span};
use crate::basic::BasicKind;
use crate::constant::Value;
use std::collections::HashMap;
use std::fmt::Write as _;

/// Index of a type in the [`TypeTable`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct TypeId(pub u32);

/// Index of an object in the [`TypeTable`]'s object arena.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct ObjId(pub u32);

/// Index of a package of the program.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct PkgId(pub u32);

/// A struct field. `pkg` is set for unexported names only: fields named
/// `x` declared in different packages are different fields.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Field {
    pub(crate) name: String,
    pub(crate) ty: TypeId,
    pub(crate) embedded: bool,
    pub(crate) pkg: Option<PkgId>,
    /// The tag ("" for none): part of the struct type's identity.
    pub(crate) tag: String,
}

/// A function signature; the receiver is not part of a method's type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Signature {
    pub(crate) params: Vec<TypeId>,
    pub(crate) results: Vec<TypeId>,
    /// The last parameter is `...T`, stored as `[]T`.
    pub(crate) variadic: bool,
}

/// An interface method: name, package for unexported names, and its
/// signature (a `Func` type id).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct IMethod {
    pub(crate) name: String,
    pub(crate) pkg: Option<PkgId>,
    pub(crate) sig: TypeId,
}

/// An interface's complete method set, sorted by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Interface {
    pub(crate) methods: Vec<IMethod>,
    /// Embeds `comparable` (only legal as a constraint, which gol rejects).
    pub(crate) comparable: bool,
    /// `Some("any")` for the predeclared alias, so it prints as Go prints it.
    pub(crate) alias: Option<&'static str>,
}

/// A named (defined) type.
#[derive(Clone, Debug)]
pub(crate) struct Named {
    pub(crate) obj: ObjId,
    pub(crate) name: String,
    pub(crate) pkg: Option<PkgId>,
    /// `INVALID` until the declaration has been resolved.
    pub(crate) underlying: TypeId,
    /// Methods declared with this type as receiver base, in source order.
    pub(crate) methods: Vec<ObjId>,
    /// Methods with type parameters of their own (`func (s S) Map[T
    /// any](...)`): selectable, but in no method set (they satisfy no
    /// interface), so kept apart from `methods`, which the method tables
    /// and interface checks read. Each object stands for the generic
    /// declaration; calls use its instances (`check/generic.rs`).
    pub(crate) generic_methods: Vec<ObjId>,
    /// An instance of a generic type: the base name's length in `name`
    /// and the type arguments, which messages print as Go's types2 does
    /// (`T[Z, string]`, qualified from the package speaking). `name`
    /// keeps the runtime's spelling (`T[main.Z,string]`), which
    /// `type_string` without a package prints.
    pub(crate) instance: Option<(usize, Vec<TypeId>)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Type {
    /// `name` is the spelling (`byte` for a `Uint8` declared as byte).
    Basic(BasicKind, &'static str),
    Named(NamedKey),
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(Vec<Field>),
    Func(Signature),
    Interface(Interface),
    Tuple(Vec<TypeId>),
}

/// A channel's direction (mirrors [`crate::ast::ChanDir`], hashable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ChanDir {
    Both,
    Send,
    Recv,
}

impl From<crate::ast::ChanDir> for ChanDir {
    fn from(d: crate::ast::ChanDir) -> ChanDir {
        match d {
            crate::ast::ChanDir::Both => ChanDir::Both,
            crate::ast::ChanDir::Send => ChanDir::Send,
            crate::ast::ChanDir::Recv => ChanDir::Recv,
        }
    }
}

/// Index into [`TypeTable::named`]; named types are never shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct NamedKey(pub u32);

/// What an object is.
#[derive(Clone, Debug)]
pub enum ObjKind {
    Const(Value),
    Var(VarKind),
    TypeName,
    /// A function or method. `recv` is the receiver type for methods
    /// (`T` or `*T`); `decl` is the declaring `FuncDecl`'s name ident id.
    Func {
        recv: Option<TypeId>,
        has_body: bool,
    },
    PkgName(PkgId),
    Builtin(Builtin),
    Nil,
    Label,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    /// A package-level variable.
    Global,
    /// A local variable (including range and type-switch variables).
    Local,
    Param,
    Result,
    Recv,
    /// A struct field (for embedded-field lookups only).
    Field,
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    pub ty: TypeId,
    pub(crate) pkg: Option<PkgId>,
    /// The defining identifier (empty span for universe objects).
    pub(crate) span: Span,
    /// The defining identifier's node, if any.
    pub node: Option<NodeId>,
    /// Set on locals referenced from a function literal nested in the
    /// function that declares them: they must live in a heap cell.
    pub captured: bool,
    /// Set on locals whose address is taken (`&x`, method call on addressable
    /// `x` with pointer receiver, slicing an array): they must live in a heap cell.
    pub(crate) addressed: bool,
}

impl Object {
    pub fn is_exported(&self) -> bool {
        is_exported(&self.name)
    }
}

pub(crate) fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Go's builtin functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
}

impl Builtin {
    pub(crate) const ALL: [Builtin; 18] = [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Complex,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Imag,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Real,
        Builtin::Recover,
    ];
    pub(crate) fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Copy => "copy",
            Delete => "delete",
            Imag => "imag",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Real => "real",
            Recover => "recover",
        }
    }
}

/// How a value of a type is laid out (see [`TypeTable::layout`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    /// Words in registers and in heap objects (saturating).
    pub(crate) words: u32,
    /// Bytes with Go's alignment on a 64-bit target; `None` past `u64`.
    pub(crate) size: Option<u64>,
    pub(crate) align: u64,
    /// Whether `==` applies (interfaces count as comparable).
    pub(crate) comparable: bool,
    /// Bytes in memory (heap objects, globals): Go's layout, except that
    /// an interface is gol's one word; `None` past `u64`.
    pub(crate) msize: Option<u64>,
    /// Whether the value holds a scalar narrower than a word (`bool`,
    /// `int8` to `int32`, `float32`) stored at its own size in memory.
    /// A type without one has the same layout in memory as in slots:
    /// every part is a whole number of words, aligned to 8, so its memory
    /// words are its slot words.
    pub(crate) narrow: bool,
}

/// The interned type table and the object arena.
#[derive(Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    /// Memoised layouts of types whose layout is final (see
    /// [`TypeTable::layout`]).
    layouts: std::cell::RefCell<rustc_hash::FxHashMap<TypeId, Layout>>,
    /// Every type by its structure. FxHash, as the checker's tables (see
    /// `check::NodeMap`): types are made of ids and names the front end
    /// hands out, and each type the checker builds is looked up here.
    intern: rustc_hash::FxHashMap<Type, TypeId>,
    named: Vec<Named>,
    pub(crate) objects: Vec<Object>,
    /// Package names, for qualifying named types in messages.
    pub(crate) pkg_names: Vec<String>,
    /// Package import paths.
    pub(crate) pkg_paths: Vec<String>,
}

/// Well-known type ids, fixed by [`TypeTable::new`].
pub mod ids {
    use super::TypeId;
    pub(crate) const INVALID: TypeId = TypeId(0);
    pub(crate) const BOOL: TypeId = TypeId(1);
    pub const INT: TypeId = TypeId(2);
    pub(crate) const INT8: TypeId = TypeId(3);
    pub(crate) const INT16: TypeId = TypeId(4);
    pub(crate) const INT32: TypeId = TypeId(5);
    pub const INT64: TypeId = TypeId(6);
    pub(crate) const UINT: TypeId = TypeId(7);
    pub(crate) const UINT8: TypeId = TypeId(8);
    pub(crate) const UINT16: TypeId = TypeId(9);
    pub(crate) const UINT32: TypeId = TypeId(10);
    pub(crate) const UINT64: TypeId = TypeId(11);
    pub(crate) const UINTPTR: TypeId = TypeId(12);
    pub(crate) const FLOAT32: TypeId = TypeId(13);
    pub const FLOAT64: TypeId = TypeId(14);
    pub(crate) const STRING: TypeId = TypeId(15);
    pub(crate) const UNTYPED_BOOL: TypeId = TypeId(16);
    pub(crate) const UNTYPED_INT: TypeId = TypeId(17);
    pub(crate) const UNTYPED_RUNE: TypeId = TypeId(18);
    pub(crate) const UNTYPED_FLOAT: TypeId = TypeId(19);
    pub(crate) const UNTYPED_STRING: TypeId = TypeId(20);
    pub(crate) const UNTYPED_NIL: TypeId = TypeId(21);
    pub(crate) const BYTE: TypeId = TypeId(22);
    pub(crate) const RUNE: TypeId = TypeId(23);
    /// `interface{}` as written.
    pub(crate) const EMPTY_INTERFACE: TypeId = TypeId(24);
    /// `any`.
    pub(crate) const ANY: TypeId = TypeId(25);
    /// The empty tuple: the "type" of a call without results.
    pub(crate) const VOID: TypeId = TypeId(26);
    pub(crate) const COMPLEX64: TypeId = TypeId(27);
    pub(crate) const COMPLEX128: TypeId = TypeId(28);
    pub(crate) const UNTYPED_COMPLEX: TypeId = TypeId(29);
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub(crate) fn new() -> TypeTable {
        use BasicKind as B;
        let mut t = TypeTable {
            types: Vec::new(),
            layouts: Default::default(),
            intern: Default::default(),
            named: Vec::new(),
            objects: Vec::new(),
            pkg_names: Vec::new(),
            pkg_paths: Vec::new(),
        };
        for k in [
            B::Invalid,
            B::Bool,
            B::Int,
            B::Int8,
            B::Int16,
            B::Int32,
            B::Int64,
            B::Uint,
            B::Uint8,
            B::Uint16,
            B::Uint32,
            B::Uint64,
            B::Uintptr,
            B::Float32,
            B::Float64,
            B::String,
            B::UntypedBool,
            B::UntypedInt,
            B::UntypedRune,
            B::UntypedFloat,
            B::UntypedString,
            B::UntypedNil,
        ] {
            t.intern(Type::Basic(k, k.name()));
        }
        t.intern(Type::Basic(B::Uint8, "byte"));
        t.intern(Type::Basic(B::Int32, "rune"));
        t.intern(Type::Interface(Interface {
            methods: vec![],
            comparable: false,
            alias: None,
        }));
        t.intern(Type::Interface(Interface {
            methods: vec![],
            comparable: false,
            alias: Some("any"),
        }));
        t.intern(Type::Tuple(vec![]));
        for k in [B::Complex64, B::Complex128, B::UntypedComplex] {
            t.intern(Type::Basic(k, k.name()));
        }
        debug_assert_eq!(t.types.len(), ids::UNTYPED_COMPLEX.0 as usize + 1);
        t
    }

    /// The id of a structural type, adding it if new.
    pub(crate) fn intern(&mut self, ty: Type) -> TypeId {
        if let Some(&id) = self.intern.get(&ty) {
            return id;
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(ty.clone());
        self.intern.insert(ty, id);
        id
    }

    /// The id of a structural type, if the table has it.
    pub(crate) fn find(&self, ty: &Type) -> Option<TypeId> {
        self.intern.get(ty).copied()
    }

    pub(crate) fn get(&self, t: TypeId) -> &Type {
        &self.types[t.0 as usize]
    }

    pub(crate) fn len(&self) -> usize {
        self.types.len()
    }

    pub(crate) fn basic(&self, k: BasicKind) -> TypeId {
        use BasicKind as B;
        match k {
            B::Invalid => ids::INVALID,
            B::Bool => ids::BOOL,
            B::Int => ids::INT,
            B::Int8 => ids::INT8,
            B::Int16 => ids::INT16,
            B::Int32 => ids::INT32,
            B::Int64 => ids::INT64,
            B::Uint => ids::UINT,
            B::Uint8 => ids::UINT8,
            B::Uint16 => ids::UINT16,
            B::Uint32 => ids::UINT32,
            B::Uint64 => ids::UINT64,
            B::Uintptr => ids::UINTPTR,
            B::Float32 => ids::FLOAT32,
            B::Float64 => ids::FLOAT64,
            B::Complex64 => ids::COMPLEX64,
            B::Complex128 => ids::COMPLEX128,
            B::UntypedComplex => ids::UNTYPED_COMPLEX,
            B::String => ids::STRING,
            B::UntypedBool => ids::UNTYPED_BOOL,
            B::UntypedInt => ids::UNTYPED_INT,
            B::UntypedRune => ids::UNTYPED_RUNE,
            B::UntypedFloat => ids::UNTYPED_FLOAT,
            B::UntypedString => ids::UNTYPED_STRING,
            B::UntypedNil => ids::UNTYPED_NIL,
        }
    }

    pub(crate) fn pointer(&mut self, t: TypeId) -> TypeId {
        self.intern(Type::Pointer(t))
    }
    pub(crate) fn slice(&mut self, t: TypeId) -> TypeId {
        self.intern(Type::Slice(t))
    }
    pub(crate) fn tuple(&mut self, ts: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(ts))
    }
    pub(crate) fn func(
        &mut self,
        params: Vec<TypeId>,
        results: Vec<TypeId>,
        variadic: bool,
    ) -> TypeId {
        self.intern(Type::Func(Signature {
            params,
            results,
            variadic,
        }))
    }

    /// Marks named type `t` as an instance of a generic type (`Named::instance`).
    pub(crate) fn set_instance(&mut self, t: TypeId, base_len: usize, targs: Vec<TypeId>) {
        if let &Type::Named(k) = self.get(t) {
            self.named[k.0 as usize].instance = Some((base_len, targs));
        }
    }

    /// A fresh named type with an invalid underlying type (set later).
    pub(crate) fn new_named(&mut self, obj: ObjId, name: &str, pkg: Option<PkgId>) -> TypeId {
        let key = NamedKey(self.named.len() as u32);
        self.named.push(Named {
            obj,
            name: name.to_string(),
            pkg,
            underlying: ids::INVALID,
            methods: Vec::new(),
            generic_methods: Vec::new(),
            instance: None,
        });
        // Interning a fresh key always adds a new entry.
        self.intern(Type::Named(key))
    }

    pub(crate) fn named(&self, t: TypeId) -> Option<&Named> {
        match self.get(t) {
            Type::Named(k) => self.named.get(k.0 as usize),
            _ => None,
        }
    }

    pub(crate) fn named_mut(&mut self, t: TypeId) -> Option<&mut Named> {
        match self.types.get(t.0 as usize) {
            Some(Type::Named(k)) => self.named.get_mut(k.0 as usize),
            _ => None,
        }
    }

    /// The underlying type: itself for everything but named types. Named
    /// types' underlying types are never named (the checker resolves
    /// chains when it sets them).
    pub(crate) fn under(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Named(k) => self.named[k.0 as usize].underlying,
            _ => t,
        }
    }

    /// The basic kind of `t`'s underlying type, if basic.
    pub(crate) fn basic_kind(&self, t: TypeId) -> Option<BasicKind> {
        match self.get(self.under(t)) {
            Type::Basic(k, _) => Some(*k),
            _ => None,
        }
    }

    /// Whether `t` is the invalid type (the type of erroneous operands).
    /// A named type whose declaration is in progress is not invalid.
    pub(crate) fn is_invalid(&self, t: TypeId) -> bool {
        t == ids::INVALID
    }
    pub(crate) fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Basic(k, _) if k.is_untyped())
    }
    pub(crate) fn is_named(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Named(_))
    }
    pub(crate) fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.get(self.under(t)), Type::Interface(_))
    }
    pub(crate) fn is_integer(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_integer())
    }
    pub(crate) fn is_unsigned(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_unsigned())
    }
    pub(crate) fn is_float(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_float())
    }
    pub(crate) fn is_numeric(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_numeric())
    }
    pub(crate) fn is_complex(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_complex())
    }
    pub(crate) fn is_string(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_string())
    }
    pub(crate) fn is_boolean(&self, t: TypeId) -> bool {
        self.basic_kind(t).is_some_and(|k| k.is_boolean())
    }
    /// Types whose values are ordered by `<`.
    pub(crate) fn is_ordered(&self, t: TypeId) -> bool {
        self.basic_kind(t)
            .is_some_and(|k| k.is_real() || k.is_string())
    }

    pub(crate) fn interface(&self, t: TypeId) -> Option<&Interface> {
        match self.get(self.under(t)) {
            Type::Interface(i) => Some(i),
            _ => None,
        }
    }
    pub(crate) fn signature(&self, t: TypeId) -> Option<&Signature> {
        match self.get(self.under(t)) {
            Type::Func(s) => Some(s),
            _ => None,
        }
    }
    pub(crate) fn struct_fields(&self, t: TypeId) -> Option<&[Field]> {
        match self.get(self.under(t)) {
            Type::Struct(f) => Some(f),
            _ => None,
        }
    }
    /// The element of a pointer type (through its underlying type).
    pub(crate) fn pointer_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.get(self.under(t)) {
            Type::Pointer(e) => Some(*e),
            _ => None,
        }
    }
    pub(crate) fn tuple_elems(&self, t: TypeId) -> Option<&[TypeId]> {
        match self.get(t) {
            Type::Tuple(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn add_object(&mut self, obj: Object) -> ObjId {
        let id = ObjId(self.objects.len() as u32);
        self.objects.push(obj);
        id
    }
    pub fn obj(&self, o: ObjId) -> &Object {
        &self.objects[o.0 as usize]
    }
    pub(crate) fn obj_mut(&mut self, o: ObjId) -> &mut Object {
        &mut self.objects[o.0 as usize]
    }

    /// Whether `a` and `b` are identical types (Go spec "Type identity").
    /// An explicit work list of pairs: types inferred from expressions
    /// (`p1 := &p0; p2 := &p1; ...`) nest without bound, so this must not
    /// recurse on the Rust stack.
    pub(crate) fn identical(&self, a: TypeId, b: TypeId) -> bool {
        self.identical_tags(a, b, true)
    }

    /// [`TypeTable::identical`], with struct tags compared only if `tags`
    /// (conversions ignore them).
    pub(crate) fn identical_tags(&self, a: TypeId, b: TypeId, tags: bool) -> bool {
        let mut work = vec![(a, b)];
        while let Some((a, b)) = work.pop() {
            if a == b {
                continue;
            }
            match (self.get(a), self.get(b)) {
                (Type::Basic(x, _), Type::Basic(y, _)) if x == y => {}
                (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => {
                    work.push((*x, *y))
                }
                (Type::Array(n, x), Type::Array(m, y)) if n == m => work.push((*x, *y)),
                (Type::Map(k1, v1), Type::Map(k2, v2)) => {
                    work.push((*k1, *k2));
                    work.push((*v1, *v2));
                }
                (Type::Chan(d1, x), Type::Chan(d2, y)) if d1 == d2 => work.push((*x, *y)),
                (Type::Struct(f), Type::Struct(g)) => {
                    if f.len() != g.len()
                        || f.iter().zip(g).any(|(f, g)| {
                            f.name != g.name
                                || f.embedded != g.embedded
                                || f.pkg != g.pkg
                                || (tags && f.tag != g.tag)
                        })
                    {
                        return false;
                    }
                    work.extend(f.iter().zip(g).map(|(f, g)| (f.ty, g.ty)));
                }
                (Type::Func(s), Type::Func(t)) => {
                    if s.variadic != t.variadic
                        || s.params.len() != t.params.len()
                        || s.results.len() != t.results.len()
                    {
                        return false;
                    }
                    work.extend(s.params.iter().copied().zip(t.params.iter().copied()));
                    work.extend(s.results.iter().copied().zip(t.results.iter().copied()));
                }
                (Type::Interface(i), Type::Interface(j)) => {
                    if i.comparable != j.comparable
                        || i.methods.len() != j.methods.len()
                        || i.methods
                            .iter()
                            .zip(&j.methods)
                            .any(|(m, n)| m.name != n.name || m.pkg != n.pkg)
                    {
                        return false;
                    }
                    work.extend(
                        i.methods
                            .iter()
                            .zip(&j.methods)
                            .map(|(m, n)| (m.sig, n.sig)),
                    );
                }
                (Type::Tuple(x), Type::Tuple(y)) if x.len() == y.len() => {
                    work.extend(x.iter().copied().zip(y.iter().copied()));
                }
                _ => return false,
            }
        }
        true
    }

    /// The size of a value of `t` in bytes on gol's 64-bit target, with
    /// Go's alignment of struct fields; `None` past `u64` (only used to
    /// reject types larger than the address space).
    pub(crate) fn size_of(&self, t: TypeId) -> Option<u64> {
        self.layout(t).size
    }

    /// The words a value of `t` occupies in slots (registers).
    pub(crate) fn words(&self, t: TypeId) -> u32 {
        self.layout(t).words
    }

    /// The bytes a value of `t` occupies in memory (saturating), and
    /// whether that layout differs from its slots' (see [`Layout`]).
    pub(crate) fn mem(&self, t: TypeId) -> (u64, bool) {
        let l = self.layout(t);
        (l.msize.unwrap_or(u64::MAX), l.narrow)
    }

    /// The byte offsets in memory of the fields of struct type `t`
    /// (Go's alignment; see [`Layout`]).
    pub(crate) fn field_moffs(&self, t: TypeId) -> Vec<u64> {
        let Type::Struct(fs) = self.get(self.under(t)) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(fs.len());
        let mut off = 0u64;
        for f in fs {
            let l = self.layout(f.ty);
            off = off.saturating_add(l.align - 1) / l.align * l.align;
            out.push(off);
            off = off.saturating_add(l.msize.unwrap_or(u64::MAX));
        }
        out
    }

    /// Whether values of `t` can be compared with `==` (Go spec
    /// "Comparison operators"); interfaces count as comparable.
    pub(crate) fn comparable(&self, t: TypeId) -> bool {
        self.layout(t).comparable
    }

    /// A hash that identical types share (`[]byte` and `[]uint8`, `any`
    /// and `interface{}`), so that finding a type's identical twins need
    /// not compare it with every other type. Named types are leaves
    /// (identical only to themselves), so the walk over the unnamed
    /// structure above them is acyclic; it is bottom-up with an explicit
    /// stack and memoised in `memo`.
    pub(crate) fn identity_hash(&self, t: TypeId, memo: &mut HashMap<TypeId, u64>) -> u64 {
        use std::hash::{Hash, Hasher};
        let children = |t: TypeId| -> Vec<TypeId> {
            match self.get(t) {
                Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                    vec![*e]
                }
                Type::Map(k, v) => vec![*k, *v],
                Type::Struct(fs) => fs.iter().map(|f| f.ty).collect(),
                Type::Func(s) => s.params.iter().chain(&s.results).copied().collect(),
                Type::Interface(i) => i.methods.iter().map(|m| m.sig).collect(),
                Type::Tuple(ts) => ts.clone(),
                Type::Basic(..) | Type::Named(_) => Vec::new(),
            }
        };
        let mut stack = vec![(t, false)];
        while let Some((u, expanded)) = stack.pop() {
            if memo.contains_key(&u) {
                continue;
            }
            if !expanded {
                stack.push((u, true));
                stack.extend(children(u).into_iter().map(|c| (c, false)));
                continue;
            }
            let mut h = std::collections::hash_map::DefaultHasher::new();
            std::mem::discriminant(self.get(u)).hash(&mut h);
            match self.get(u) {
                Type::Basic(k, _) => k.hash(&mut h),
                Type::Named(k) => k.hash(&mut h),
                Type::Array(n, _) => n.hash(&mut h),
                Type::Chan(d, _) => d.hash(&mut h),
                Type::Struct(fs) => {
                    for f in fs {
                        (&f.name, f.embedded, f.pkg, &f.tag).hash(&mut h);
                    }
                }
                Type::Func(s) => (s.variadic, s.params.len()).hash(&mut h),
                Type::Interface(i) => {
                    i.comparable.hash(&mut h);
                    for m in &i.methods {
                        (&m.name, m.pkg).hash(&mut h);
                    }
                }
                _ => {}
            }
            for c in children(u) {
                memo[&c].hash(&mut h);
            }
            memo.insert(u, h.finish());
        }
        memo[&t]
    }

    /// The types stored inline in a value of `t` (fields, array element,
    /// tuple elements): the edges a layout depends on.
    fn inline_children(&self, t: TypeId) -> Vec<TypeId> {
        match self.get(self.under(t)) {
            Type::Struct(fs) => fs.iter().map(|f| f.ty).collect(),
            Type::Array(_, e) => vec![*e],
            Type::Tuple(ts) => ts.clone(),
            _ => Vec::new(),
        }
    }

    /// The layout of `t`: computed bottom-up over the types stored inline,
    /// with an explicit stack (a chain of 10,000 named struct types nests
    /// 10,000 deep) and memoised per type. A named type whose declaration
    /// is still being resolved (underlying `INVALID`, or reached again
    /// through itself: an invalid recursive type the checker reports)
    /// counts as one word for now; results that depend on one are not
    /// memoised, so the final answer never does.
    pub(crate) fn layout(&self, t: TypeId) -> Layout {
        if let Some(l) = self.layouts.borrow().get(&t) {
            return *l;
        }
        // (layout, provisional) of the types finished by this call.
        let mut local: HashMap<TypeId, (Layout, bool)> = HashMap::new();
        let mut entered: std::collections::HashSet<TypeId> = Default::default();
        let mut stack = vec![(t, false)];
        let provisional_leaf = (
            Layout {
                words: 1,
                size: Some(8),
                align: 8,
                comparable: true,
                msize: Some(8),
                narrow: false,
            },
            true,
        );
        while let Some((u, expanded)) = stack.pop() {
            let lookup = |c: TypeId, local: &HashMap<TypeId, (Layout, bool)>| {
                if let Some(l) = self.layouts.borrow().get(&c) {
                    return (*l, false);
                }
                // Not finished: `c` is in progress, a cycle.
                local.get(&c).copied().unwrap_or(provisional_leaf)
            };
            if !expanded {
                if local.contains_key(&u)
                    || self.layouts.borrow().contains_key(&u)
                    || !entered.insert(u)
                {
                    continue;
                }
                stack.push((u, true));
                for c in self.inline_children(u) {
                    stack.push((c, false));
                }
                continue;
            }
            let mut provisional = self.is_named(u) && self.under(u) == ids::INVALID;
            let l = match self.get(self.under(u)) {
                Type::Basic(k, _) => {
                    let size = k.size_bytes().unwrap_or(8) as u64;
                    // A complex number is a pair of floats (real, imag),
                    // laid out as Go's `struct{ re, im float }`: two
                    // slots, and in memory two float32s (complex64:
                    // narrow, like a struct of float32s) or two float64s.
                    let two = k.is_string() || k.is_complex();
                    Layout {
                        words: if two { 2 } else { 1 },
                        size: Some(size),
                        align: match k {
                            BasicKind::String | BasicKind::Complex128 => 8,
                            BasicKind::Complex64 => 4,
                            _ => size.max(1),
                        },
                        comparable: *k != BasicKind::UntypedNil,
                        msize: Some(size),
                        narrow: size < 8 || *k == BasicKind::Complex64,
                    }
                }
                Type::Pointer(_) | Type::Chan(..) => Layout {
                    words: 1,
                    size: Some(8),
                    align: 8,
                    comparable: true,
                    msize: Some(8),
                    narrow: false,
                },
                Type::Map(..) | Type::Func(_) | Type::Named(_) => Layout {
                    words: 1,
                    size: Some(8),
                    align: 8,
                    comparable: false,
                    msize: Some(8),
                    narrow: false,
                },
                Type::Slice(_) => Layout {
                    words: 3,
                    size: Some(24),
                    align: 8,
                    comparable: false,
                    msize: Some(24),
                    narrow: false,
                },
                Type::Interface(_) => Layout {
                    words: 1,
                    size: Some(16),
                    align: 8,
                    comparable: true,
                    msize: Some(8),
                    narrow: false,
                },
                Type::Tuple(ts) => {
                    let mut words = 0u32;
                    for &e in ts {
                        let (l, p) = lookup(e, &local);
                        provisional |= p;
                        words = words.saturating_add(l.words);
                    }
                    Layout {
                        words,
                        size: Some(8),
                        align: 8,
                        comparable: false,
                        msize: Some(u64::from(words) * 8),
                        narrow: false,
                    }
                }
                Type::Array(n, e) => {
                    let (el, p) = lookup(*e, &local);
                    provisional |= p;
                    Layout {
                        words: u32::try_from(*n)
                            .unwrap_or(u32::MAX)
                            .saturating_mul(el.words),
                        size: el.size.and_then(|s| s.checked_mul(*n)),
                        align: el.align,
                        comparable: el.comparable,
                        msize: el.msize.and_then(|s| s.checked_mul(*n)),
                        narrow: el.narrow && *n > 0,
                    }
                }
                Type::Struct(fs) => {
                    let mut words = 0u32;
                    let mut off = Some(0u64);
                    let mut moff = Some(0u64);
                    let mut align = 1;
                    let mut comparable = true;
                    let mut narrow = false;
                    for f in fs {
                        let (l, p) = lookup(f.ty, &local);
                        provisional |= p;
                        words = words.saturating_add(l.words);
                        comparable &= l.comparable;
                        narrow |= l.narrow;
                        let a = l.align;
                        off = off
                            .and_then(|o| o.checked_add(a - 1))
                            .map(|o| o / a * a)
                            .and_then(|o| o.checked_add(l.size?));
                        moff = moff
                            .and_then(|o| o.checked_add(a - 1))
                            .map(|o| o / a * a)
                            .and_then(|o| o.checked_add(l.msize?));
                        align = align.max(a);
                    }
                    Layout {
                        words,
                        size: off
                            .and_then(|o| o.checked_add(align - 1))
                            .map(|o| o / align * align),
                        align,
                        comparable,
                        msize: moff
                            .and_then(|o| o.checked_add(align - 1))
                            .map(|o| o / align * align),
                        narrow,
                    }
                }
            };
            if provisional {
                local.insert(u, (l, true));
            } else {
                self.layouts.borrow_mut().insert(u, l);
            }
        }
        self.layouts
            .borrow()
            .get(&t)
            .copied()
            .or_else(|| local.get(&t).map(|x| x.0))
            .unwrap_or(provisional_leaf.0)
    }

    /// Whether `t` may be compared to `nil`.
    pub(crate) fn has_nil(&self, t: TypeId) -> bool {
        matches!(
            self.get(self.under(t)),
            Type::Pointer(_)
                | Type::Slice(_)
                | Type::Map(..)
                | Type::Chan(..)
                | Type::Func(_)
                | Type::Interface(_)
                | Type::Basic(BasicKind::UntypedNil, _)
        )
    }

    /// The default type of an untyped type (`untyped int` -> `int`).
    pub(crate) fn default_type(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Basic(k, _) if k.is_untyped() => match k {
                BasicKind::UntypedRune => ids::RUNE,
                BasicKind::UntypedNil => t,
                k => self.basic(k.default_type()),
            },
            _ => t,
        }
    }

    /// Go's name for the structure of a type, as used in operand
    /// descriptions (`variable of struct type T`): empty for basic types.
    pub(crate) fn composite_kind(&self, t: TypeId) -> &'static str {
        match self.get(self.under(t)) {
            Type::Basic(..) | Type::Named(_) => "",
            Type::Pointer(_) => "pointer",
            Type::Slice(_) => "slice",
            Type::Array(..) => "array",
            Type::Map(..) => "map",
            Type::Chan(..) => "chan",
            Type::Struct(_) => "struct",
            Type::Func(_) => "func",
            Type::Interface(_) => "interface",
            Type::Tuple(_) => "tuple",
        }
    }

    /// The type as Go's messages print it; named types of package `local`
    /// print unqualified, others as `pkg.T`.
    pub fn type_string(&self, t: TypeId, local: Option<PkgId>) -> String {
        let mut s = String::new();
        self.write_pieces(&mut s, vec![Piece::Type(t)], local, false);
        s
    }

    /// The runtime's spelling of `t` as a type argument in an instance's
    /// name (Go's `TypeIDName` mode, in which the compiler names
    /// instantiated types): as [`TypeTable::type_string`] with `local`
    /// None, and the unexported names of struct fields and interface
    /// methods qualified with their package (`main.G[struct { main.a int
    /// }]`), since the name must tell apart types that differ only there.
    pub(crate) fn type_id_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write_pieces(&mut s, vec![Piece::Type(t)], None, true);
        s
    }

    /// `(int, string) (bool, error)`: a signature without the `func`.
    pub(crate) fn write_sig(
        &self,
        s: &mut String,
        sig: &Signature,
        local: Option<PkgId>,
        _depth: u32,
    ) {
        let mut pieces = Vec::new();
        self.sig_pieces(sig, &mut pieces);
        pieces.reverse();
        self.write_pieces(s, pieces, local, false);
    }

    /// Prints a stack of pieces (top last). Types expand into pieces in
    /// place of recursion: inferred types nest without bound.
    /// `qual`: unexported field and method names carry their package
    /// ([`TypeTable::type_id_string`]).
    fn write_pieces<'t>(
        &'t self,
        s: &mut String,
        mut stack: Vec<Piece<'t>>,
        local: Option<PkgId>,
        qual: bool,
    ) {
        // `pkg.` before an unexported name, in `qual` mode.
        let qualifier = |pkg: Option<PkgId>| -> Option<Piece<'t>> {
            let p = pkg.filter(|_| qual)?;
            let pn = self.pkg_names.get(p.0 as usize)?;
            Some(Piece::Owned(format!("{pn}.")))
        };
        while let Some(p) = stack.pop() {
            let t = match p {
                Piece::Text(x) => {
                    s.push_str(x);
                    continue;
                }
                Piece::Owned(x) => {
                    s.push_str(&x);
                    continue;
                }
                Piece::Type(t) => t,
            };
            // The pieces of `t`, in order; pushed reversed below.
            let mut out: Vec<Piece<'t>> = Vec::new();
            match self.get(t) {
                Type::Basic(_, name) => s.push_str(name),
                Type::Named(k) => {
                    let n = &self.named[k.0 as usize];
                    if let Some(p) = n.pkg {
                        if Some(p) != local {
                            if let Some(pn) = self.pkg_names.get(p.0 as usize) {
                                s.push_str(pn);
                                s.push('.');
                            }
                        }
                    }
                    // Messages (a package speaking) print an instance's
                    // arguments as types2 does; the runtime's spelling
                    // (`local` None: `%T`, type names) is `name`.
                    match n.instance.as_ref().filter(|_| local.is_some()) {
                        Some((base, targs)) => {
                            s.push_str(&n.name[..*base]);
                            out.push(Piece::Text("["));
                            for (i, &a) in targs.iter().enumerate() {
                                if i > 0 {
                                    out.push(Piece::Text(", "));
                                }
                                out.push(Piece::Type(a));
                            }
                            out.push(Piece::Text("]"));
                        }
                        None => s.push_str(&n.name),
                    }
                }
                Type::Pointer(e) => {
                    s.push('*');
                    out.push(Piece::Type(*e));
                }
                Type::Slice(e) => {
                    s.push_str("[]");
                    out.push(Piece::Type(*e));
                }
                Type::Array(n, e) => {
                    let _ = write!(s, "[{n}]");
                    out.push(Piece::Type(*e));
                }
                Type::Map(k, v) => {
                    s.push_str("map[");
                    out.extend([Piece::Type(*k), Piece::Text("]"), Piece::Type(*v)]);
                }
                Type::Chan(dir, e) => {
                    // `chan (<-chan T)` needs parentheses, as Go prints it.
                    let paren = *dir == ChanDir::Both
                        && matches!(self.get(*e), Type::Chan(ChanDir::Recv, _));
                    s.push_str(match dir {
                        ChanDir::Both => "chan ",
                        ChanDir::Send => "chan<- ",
                        ChanDir::Recv => "<-chan ",
                    });
                    if paren {
                        out.extend([Piece::Text("("), Piece::Type(*e), Piece::Text(")")]);
                    } else {
                        out.push(Piece::Type(*e));
                    }
                }
                Type::Struct(fs) => {
                    s.push_str("struct{");
                    for (i, f) in fs.iter().enumerate() {
                        if i > 0 {
                            out.push(Piece::Text("; "));
                        }
                        if !f.embedded {
                            out.extend(qualifier(f.pkg));
                            out.push(Piece::Text(&f.name));
                            out.push(Piece::Text(" "));
                        }
                        out.push(Piece::Type(f.ty));
                        // The tag is part of the type, and Go prints it.
                        if !f.tag.is_empty() {
                            out.push(Piece::Owned(format!(
                                " {}",
                                crate::check::exprstring::quote_bytes(f.tag.as_bytes())
                            )));
                        }
                    }
                    out.push(Piece::Text("}"));
                }
                Type::Func(sig) => {
                    s.push_str("func");
                    self.sig_pieces(sig, &mut out);
                }
                Type::Interface(i) => {
                    if let Some(a) = i.alias {
                        s.push_str(a);
                        continue;
                    }
                    s.push_str("interface{");
                    let mut first = true;
                    if i.comparable {
                        s.push_str("comparable");
                        first = false;
                    }
                    for m in &i.methods {
                        if !first {
                            out.push(Piece::Text("; "));
                        }
                        first = false;
                        out.extend(qualifier(m.pkg));
                        out.push(Piece::Text(&m.name));
                        if let Type::Func(sig) = self.get(m.sig) {
                            self.sig_pieces(sig, &mut out);
                        }
                    }
                    out.push(Piece::Text("}"));
                }
                Type::Tuple(ts) => {
                    s.push('(');
                    for (i, t) in ts.iter().enumerate() {
                        if i > 0 {
                            out.push(Piece::Text(", "));
                        }
                        out.push(Piece::Type(*t));
                    }
                    out.push(Piece::Text(")"));
                }
            }
            stack.extend(out.into_iter().rev());
        }
    }

    /// The pieces of a signature without the `func`, in order.
    fn sig_pieces<'t>(&'t self, sig: &'t Signature, out: &mut Vec<Piece<'t>>) {
        out.push(Piece::Text("("));
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                out.push(Piece::Text(", "));
            }
            if sig.variadic && i + 1 == sig.params.len() {
                out.push(Piece::Text("..."));
                let e = match self.get(*p) {
                    Type::Slice(e) => *e,
                    _ => *p,
                };
                out.push(Piece::Type(e));
            } else {
                out.push(Piece::Type(*p));
            }
        }
        out.push(Piece::Text(")"));
        match sig.results.len() {
            0 => {}
            1 => {
                out.push(Piece::Text(" "));
                out.push(Piece::Type(sig.results[0]));
            }
            _ => {
                out.push(Piece::Text(" ("));
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        out.push(Piece::Text(", "));
                    }
                    out.push(Piece::Type(*r));
                }
                out.push(Piece::Text(")"));
            }
        }
    }
}

/// A part of a type's spelling still to print (see
/// [`TypeTable::write_pieces`]).
enum Piece<'t> {
    Text(&'t str),
    Owned(String),
    Type(TypeId),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structural_types_are_interned() {
        let mut t = TypeTable::new();
        let a = t.slice(ids::INT);
        let b = t.slice(ids::INT);
        assert_eq!(a, b);
        let m1 = t.intern(Type::Map(ids::STRING, a));
        let m2 = t.intern(Type::Map(ids::STRING, b));
        assert_eq!(m1, m2);
        assert_eq!(t.type_string(m1, None), "map[string][]int");
    }

    #[test]
    fn byte_is_uint8_but_prints_as_written() {
        let mut t = TypeTable::new();
        let bs = t.slice(ids::BYTE);
        let us = t.slice(ids::UINT8);
        assert_ne!(bs, us);
        assert!(t.identical(bs, us));
        assert_eq!(t.type_string(bs, None), "[]byte");
        assert_eq!(t.type_string(us, None), "[]uint8");
        assert!(t.identical(ids::ANY, ids::EMPTY_INTERFACE));
        assert_eq!(t.type_string(ids::ANY, None), "any");
    }

    #[test]
    fn named_types_are_distinct_and_recursive() {
        let mut t = TypeTable::new();
        let n1 = t.new_named(ObjId(0), "L", Some(PkgId(0)));
        let p = t.pointer(n1);
        let st = t.intern(Type::Struct(vec![Field {
            name: "next".into(),
            ty: p,
            embedded: false,
            pkg: Some(PkgId(0)),
            tag: String::new(),
        }]));
        t.named_mut(n1).unwrap().underlying = st;
        let n2 = t.new_named(ObjId(1), "L", Some(PkgId(0)));
        t.named_mut(n2).unwrap().underlying = st;
        assert!(!t.identical(n1, n2));
        assert_eq!(t.under(n1), st);
        assert_eq!(t.type_string(st, Some(PkgId(0))), "struct{next *L}");
        t.pkg_names.push("list".into());
        assert_eq!(t.type_string(p, None), "*list.L");
    }

    #[test]
    fn func_and_chan_strings() {
        let mut t = TypeTable::new();
        let s = t.slice(ids::STRING);
        let f = t.func(vec![ids::INT, s], vec![ids::BOOL, ids::INT], true);
        assert_eq!(t.type_string(f, None), "func(int, ...string) (bool, int)");
        let rc = t.intern(Type::Chan(ChanDir::Recv, ids::INT));
        let c = t.intern(Type::Chan(ChanDir::Both, rc));
        assert_eq!(t.type_string(c, None), "chan (<-chan int)");
        let sc = t.intern(Type::Chan(ChanDir::Send, rc));
        assert_eq!(t.type_string(sc, None), "chan<- <-chan int");
    }

    #[test]
    fn comparability() {
        let mut t = TypeTable::new();
        let s = t.slice(ids::INT);
        assert!(!t.comparable(s));
        let a = t.intern(Type::Array(3, ids::INT));
        assert!(t.comparable(a));
        let st = t.intern(Type::Struct(vec![Field {
            name: "x".into(),
            ty: s,
            embedded: false,
            pkg: None,
            tag: String::new(),
        }]));
        assert!(!t.comparable(st));
        assert!(t.has_nil(s));
        assert!(!t.has_nil(a));
    }
}
