//! The syntax tree of a gol source file.
//!
//! The tree follows Go's own `go/ast` closely, with two simplifications that
//! make an LR(1) grammar possible and that `go/parser` also makes:
//!
//! * **Types are expressions.** `[]int{1}` (composite literal), `[]byte(s)`
//!   (conversion) and `var x []int` (declaration) all parse the type as an
//!   [`Expr`]; the checker decides, per position, whether an expression
//!   denotes a type or a value. The type-only forms are the `*Type` variants of
//!   [`ExprKind`].
//! * **Statements are parsed from expressions first.** `a, b := f()` parses its
//!   left side as expressions; the parser then requires them to be identifiers.
//!
//! Every expression, identifier and statement carries a [`NodeId`], unique
//! within one checked program (all files and the imported package sources),
//! so the checker can record facts about nodes in side tables (type of every
//! expression, the declaration every identifier resolves to) and the code
//! generator never looks a name up by string.
//!
//! Positions are [`Span`]s of *global* byte offsets: the [`SourceMap`]
//! (crate::source) gives every file a distinct base offset, the way
//! `go/token.Pos` does, so a span alone names its file.
//!
//! [`SourceMap`]: crate::source::SourceMap

use std::fmt;

/// A half-open range `lo..hi` of global byte offsets (see [`crate::source`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub const fn new(lo: u32, hi: u32) -> Span {
        Span { lo, hi }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.lo.min(other.lo), self.hi.max(other.hi))
    }
    /// An empty span at the start of this one.
    pub fn start(self) -> Span {
        Span::new(self.lo, self.lo)
    }
    /// An empty span at the end of this one.
    pub fn end(self) -> Span {
        Span::new(self.hi, self.hi)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.lo, self.hi)
    }
}

/// Identity of a syntax node, unique within one program.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct NodeId(pub u32);

/// Hands out fresh [`NodeId`]s; one generator serves every file of a program.
#[derive(Debug, Default)]
pub struct NodeIdGen {
    next: u32,
}

impl NodeIdGen {
    pub fn new() -> NodeIdGen {
        NodeIdGen { next: 0 }
    }
    pub fn fresh(&mut self) -> NodeId {
        let id = NodeId(self.next);
        self.next += 1;
        id
    }
    /// A generator that goes on from `next` (the checker's, for copies of
    /// generic declarations).
    pub fn starting_at(next: u32) -> NodeIdGen {
        NodeIdGen { next }
    }
    /// How many ids have been handed out: a bound for dense side tables.
    pub fn count(&self) -> u32 {
        self.next
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub id: NodeId,
    pub span: Span,
    pub name: String,
}

impl Ident {
    pub fn is_blank(&self) -> bool {
        self.name == "_"
    }
}

/// One source file.
#[derive(Clone, Debug)]
pub struct File {
    /// Span of the whole file.
    pub span: Span,
    /// `package name`; `None` when omitted (allowed in `.gol` files).
    pub package: Option<Ident>,
    pub imports: Vec<ImportSpec>,
    /// Top-level items in source order. `Stmt` items only appear in script
    /// files (`.gol`); in other files the parser reports Go's
    /// "non-declaration statement outside function body" and drops them.
    pub items: Vec<Item>,
}

#[derive(Clone, Debug)]
pub enum Item {
    Decl(Decl),
    Stmt(Stmt),
}

#[derive(Clone, Debug)]
pub struct ImportSpec {
    pub span: Span,
    /// `import name "path"`, `import . "path"`, `import _ "path"`.
    pub name: Option<Ident>,
    /// The decoded path and the span of its string literal.
    pub path: String,
    pub path_span: Span,
}

/// `Func` is much larger than the others; declarations are few, so boxing
/// it would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Decl {
    Var(GenDecl<VarSpec>),
    Const(GenDecl<ConstSpec>),
    Type(GenDecl<TypeSpec>),
    Func(FuncDecl),
}

/// `var x int`, `var ( ... )`: the keyword's span, and one spec per line.
#[derive(Clone, Debug)]
pub struct GenDecl<S> {
    pub span: Span,
    pub specs: Vec<S>,
}

#[derive(Clone, Debug)]
pub struct VarSpec {
    pub span: Span,
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct ConstSpec {
    pub span: Span,
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    /// Empty when the spec repeats the previous one's expressions (and
    /// type), as Go allows inside a parenthesised `const` group.
    pub values: Vec<Expr>,
    /// The value of `iota` for this spec: its index in the group.
    pub iota: u32,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub span: Span,
    pub name: Ident,
    /// `type A = B` declares an alias.
    pub alias: bool,
    /// `type L[T any] ...`: the type parameters (empty if not generic).
    pub tparams: Vec<TypeParam>,
    pub ty: Expr,
}

/// One group of a type parameter list: `K comparable`, `T, U any`.
#[derive(Clone, Debug)]
pub struct TypeParam {
    pub names: Vec<Ident>,
    /// The constraint: a type name, an interface, or a union of terms
    /// (parsed as an interface holding one [`InterfaceElem::Union`]).
    pub constraint: Expr,
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub span: Span,
    pub recv: Option<Param>,
    pub name: Ident,
    /// `func F[T any]`: the type parameters (empty if not generic).
    pub tparams: Vec<TypeParam>,
    pub ty: FuncType,
    /// `None` for a declaration without body: allowed only in the standard
    /// packages' declaration files, whose bodies are native.
    pub body: Option<Block>,
    /// The body was not parsed (a standard file parsed with lazy bodies,
    /// see `parser::parse_file_with`): `body` is an empty block with the
    /// body's span, which `parser::parse_body` parses when needed.
    pub lazy: bool,
}

/// A function signature.
#[derive(Clone, Debug)]
pub struct FuncType {
    pub span: Span,
    pub params: Vec<Param>,
    pub results: Vec<Param>,
}

/// One parameter group: `a, b int`, `x ...string`, or an unnamed `int`.
#[derive(Clone, Debug)]
pub struct Param {
    pub span: Span,
    /// Empty for an unnamed parameter or result.
    pub names: Vec<Ident>,
    pub ty: Expr,
    /// `...T`: only on the last parameter.
    pub variadic: bool,
}

/// One line of a struct type.
#[derive(Clone, Debug)]
pub struct FieldDecl {
    pub span: Span,
    /// Empty for an embedded field (`T` or `*T`, possibly qualified).
    pub names: Vec<Ident>,
    pub ty: Expr,
    /// The field's tag (`json:"name"`), if it has one.
    pub tag: Option<String>,
}

impl FieldDecl {
    pub fn is_embedded(&self) -> bool {
        self.names.is_empty()
    }
}

/// One element of an interface type.
#[derive(Clone, Debug)]
pub enum InterfaceElem {
    Method {
        name: Ident,
        ty: FuncType,
    },
    /// An embedded interface, by name.
    Embed(Expr),
    /// A type set: `~int | ~string | float64` (each term with its `~`).
    Union(Vec<(bool, Expr)>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: NodeId,
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Ident(Ident),
    /// Integer literal, raw source text (`0x_1F`, `0o17`, `017`, `1_000`);
    /// the lexer has validated its form.
    Int(String),
    /// Floating-point literal, raw source text (`1e9`, `0x1p-2`, `.5`).
    Float(String),
    /// Imaginary literal, raw text: parsed so the checker can say complex
    /// numbers are not supported.
    Imag(String),
    /// Rune literal, decoded code point (may exceed char range, e.g. '\xff').
    Rune(u32),
    /// String literal, decoded bytes (Go strings are bytes, not UTF-8).
    Str(Vec<u8>),
    /// `T{...}`; `ty` is `None` for an elided type inside another literal.
    Composite {
        ty: Option<Box<Expr>>,
        elems: Vec<Element>,
        /// The closing brace.
        rbrace: Span,
    },
    FuncLit {
        ty: FuncType,
        body: Block,
    },
    Paren(Box<Expr>),
    Selector(Box<Expr>, Ident),
    Index(Box<Expr>, Box<Expr>),
    /// `F[int, string]`, `Pair[K, V]`: an instantiation with two or more
    /// type arguments (one argument parses as [`ExprKind::Index`]; the
    /// checker tells an index from an instantiation).
    IndexList(Box<Expr>, Vec<Expr>),
    /// `x[lo:hi]`, `x[lo:hi:max]` (`three` tells the form even when bounds are missing).
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
        three: bool,
    },
    /// `x.(T)`; `ty` is `None` for `x.(type)` (type switch guard only).
    TypeAssert {
        x: Box<Expr>,
        ty: Option<Box<Expr>>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        /// Span of the `...` of `f(xs...)`.
        ellipsis: Option<Span>,
    },
    /// `*x`: dereference, or pointer type.
    Star(Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),

    // Type-only forms.
    /// `[N]T`; `len` is `None` for `[...]T`.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    SliceType(Box<Expr>),
    MapType(Box<Expr>, Box<Expr>),
    ChanType(ChanDir, Box<Expr>),
    FuncType(FuncType),
    StructType(Vec<FieldDecl>),
    InterfaceType(Vec<InterfaceElem>),
    /// Placeholder left by syntax-error recovery; the checker ignores it
    /// silently (the syntax error has been reported).
    Bad,
}

/// An element of a composite literal: `value` or `key: value`.
#[derive(Clone, Debug)]
pub struct Element {
    pub key: Option<Expr>,
    pub value: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+x`
    Pos,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
    /// `&x`
    Addr,
    /// `<-x`
    Recv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LAnd,
    LOr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    /// The operator as Go writes it.
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LAnd => "&&",
            LOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }
    /// Go's precedence: 5 `* / % << >> & &^`, 4 `+ - | ^`, 3 comparisons,
    /// 2 `&&`, 1 `||`.
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            Mul | Div | Rem | Shl | Shr | And | AndNot => 5,
            Add | Sub | Or | Xor => 4,
            Eq | Ne | Lt | Le | Gt | Ge => 3,
            LAnd => 2,
            LOr => 1,
        }
    }
    pub fn is_comparison(self) -> bool {
        self.precedence() == 3
    }
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Pos => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::BitNot => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
        }
    }
}

/// `{ ... }`
#[derive(Clone, Debug)]
pub struct Block {
    /// From `{` to `}` inclusive.
    pub span: Span,
    pub stmts: Vec<Stmt>,
}

impl Block {
    /// The closing brace, where Go reports `missing return`.
    pub fn rbrace(&self) -> Span {
        Span::new(self.span.hi.saturating_sub(1), self.span.hi)
    }
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub id: NodeId,
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Expr(Expr),
    /// `ch <- v`
    Send {
        ch: Expr,
        value: Expr,
    },
    /// `x++` / `x--`
    IncDec {
        x: Expr,
        inc: bool,
    },
    /// `a, b = c, d`, or `x op= y` with `op` set.
    Assign {
        lhs: Vec<Expr>,
        op: Option<BinaryOp>,
        rhs: Vec<Expr>,
    },
    /// `a, b := c, d`
    Define {
        names: Vec<Ident>,
        values: Vec<Expr>,
    },
    /// `var`, `const` or `type` inside a function.
    Decl(Decl),
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    /// `goto L`.
    Goto(Ident),
    Fallthrough,
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        /// An `If` statement or a `Block`.
        els: Option<Box<Stmt>>,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        cases: Vec<CaseClause>,
        /// The closing brace of the switch body.
        rbrace: Span,
    },
    /// `switch [init;] [v :=] x.(type) { ... }`
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        /// The operand `x` of `x.(type)`.
        x: Expr,
        cases: Vec<TypeCaseClause>,
        rbrace: Span,
    },
    Select {
        cases: Vec<CommClause>,
        rbrace: Span,
    },
    /// The three-clause and condition-only forms; `for {}` has all `None`.
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for k, v := range x`, `for k = range x`, `for range x`.
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        /// `:=` (new variables) rather than `=`.
        define: bool,
        x: Expr,
        body: Block,
        /// The third iteration variable, if more than two are given:
        /// which error that is depends on `x`'s type (Go's checker says).
        extra: Option<Span>,
    },
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
    /// Placeholder left by syntax-error recovery.
    Bad,
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    pub span: Span,
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct TypeCaseClause {
    pub span: Span,
    /// Types (or `nil`); empty for `default`.
    pub types: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    /// Id for the per-clause implicit variable when the switch binds one.
    pub implicit: NodeId,
}

#[derive(Clone, Debug)]
pub struct CommClause {
    pub span: Span,
    /// `None` for `default`; otherwise a `Send`, an `Expr` (receive), an
    /// `Assign` or a `Define` whose right side is one receive.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
}
