//! Tokens: what the lexer hands the parser.
//!
//! A [`Token`] carries its decoded value (identifier text, literal source text
//! for numbers, decoded bytes for strings, the code point for runes). Spans
//! travel beside tokens as `(lo, Token, hi)` triples of global offsets, the
//! shape lalrpop's external-lexer interface wants.
//!
//! [`Token::describe`] names a token the way Go's compiler names it in a
//! syntax error (`name x`, `literal 5`, `keyword func`, `newline`, `comma`),
//! so parser errors read exactly like `go build`'s.

use crate::ast::BinaryOp;
use std::fmt;

/// Why a semicolon is there: Go's messages say `unexpected newline` for an
/// inserted one, `unexpected semicolon` for a written one, `unexpected EOF`
/// at the end of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemiKind {
    Explicit,
    Newline,
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Ident(String),
    /// Integer literal: validated source text.
    Int(String),
    /// Floating-point literal: validated source text.
    Float(String),
    /// Imaginary literal: source text.
    Imag(String),
    /// Rune literal: decoded value.
    Rune(u32),
    /// String literal (raw or interpreted): decoded bytes.
    Str(Vec<u8>),

    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    /// `func`.
    Func,
    /// `func` at the start of a top-level declaration. The lexer tells the
    /// two apart (a `func` that begins a statement at brace depth zero) so the
    /// grammar does not need two tokens of lookahead to separate a method
    /// declaration `func (r T) M()` from a function literal `func (x T) R {`
    /// in a script's top-level statements.
    FuncDecl,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,

    // Operators and punctuation.
    /// A binary operator other than `<` `>` `*` `&` `^` `+` `-`, which
    /// double as unary operators or type punctuation and have their own
    /// tokens.
    Add,
    Sub,
    Star,
    Quo,
    Rem,
    Amp,
    Or,
    Caret,
    Shl,
    Shr,
    AndNot,
    LAnd,
    LOr,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    /// `op=`
    AssignOp(BinaryOp),
    Arrow,
    Inc,
    Dec,
    Assign,
    Define,
    Not,
    Tilde,
    Ellipsis,
    LParen,
    RParen,
    LBrack,
    /// A `[` that the parser reads as an instantiation's (`List[int]`)
    /// or an index's: set by `parser::repair::mark_instances` where a
    /// type could not follow the matching `]`, so `a [n]T` stays an
    /// array type and `List[int]` parses as a type name in a parameter.
    LBrackInst,
    /// The `[` of a type declaration's type parameter list (`type
    /// A[P *C,] T`), set by `parser::repair::mark_type_params` where Go's
    /// parser reads a type parameter list rather than an array length.
    LBrackParams,
    RBrack,
    LBrace,
    RBrace,
    Comma,
    Period,
    Colon,
    Semi(SemiKind),
    /// A whole function body, `{` to its `}`, that the lexer skipped
    /// (only in a standard package's file lexed with lazy bodies; see
    /// `lexer::skip_body`): the parser keeps its span, and the body is
    /// parsed when the checker reaches it.
    LazyBody,
}

/// Go's 25 keywords: the words [`Token::keyword`] recognises (a test keeps
/// the two in step), for tools that list them (the REPL's completion).
pub const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

impl Token {
    /// The keyword token for an identifier-shaped word, if it is one.
    pub(crate) fn keyword(word: &str) -> Option<Token> {
        use Token::*;
        Some(match word {
            "break" => Break,
            "case" => Case,
            "chan" => Chan,
            "const" => Const,
            "continue" => Continue,
            "default" => Default,
            "defer" => Defer,
            "else" => Else,
            "fallthrough" => Fallthrough,
            "for" => For,
            "func" => Func,
            "go" => Go,
            "goto" => Goto,
            "if" => If,
            "import" => Import,
            "interface" => Interface,
            "map" => Map,
            "package" => Package,
            "range" => Range,
            "return" => Return,
            "select" => Select,
            "struct" => Struct,
            "switch" => Switch,
            "type" => Type,
            "var" => Var,
            _ => return None,
        })
    }

    pub(crate) fn is_keyword(&self) -> bool {
        use Token::*;
        matches!(
            self,
            Break
                | Case
                | Chan
                | Const
                | Continue
                | Default
                | Defer
                | Else
                | Fallthrough
                | For
                | Func
                | FuncDecl
                | Go
                | Goto
                | If
                | Import
                | Interface
                | Map
                | Package
                | Range
                | Return
                | Select
                | Struct
                | Switch
                | Type
                | Var
        )
    }

    /// Whether a newline after this token becomes a semicolon (Go spec,
    /// "Semicolons").
    pub(crate) fn ends_statement(&self) -> bool {
        use Token::*;
        matches!(
            self,
            Ident(_)
                | Int(_)
                | Float(_)
                | Imag(_)
                | Rune(_)
                | Str(_)
                | Break
                | Continue
                | Fallthrough
                | Return
                | Inc
                | Dec
                | RParen
                | RBrack
                | RBrace
                | LazyBody
        )
    }

    /// Source spelling of operators, punctuation and keywords.
    pub(crate) fn text(&self) -> &'static str {
        use Token::*;
        match self {
            Ident(_) | Int(_) | Float(_) | Imag(_) | Rune(_) | Str(_) => "",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func | FuncDecl => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
            Add => "+",
            Sub => "-",
            Star => "*",
            Quo => "/",
            Rem => "%",
            Amp => "&",
            Or => "|",
            Caret => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LAnd => "&&",
            LOr => "||",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            AssignOp(op) => match op {
                BinaryOp::Add => "+=",
                BinaryOp::Sub => "-=",
                BinaryOp::Mul => "*=",
                BinaryOp::Div => "/=",
                BinaryOp::Rem => "%=",
                BinaryOp::And => "&=",
                BinaryOp::Or => "|=",
                BinaryOp::Xor => "^=",
                BinaryOp::Shl => "<<=",
                BinaryOp::Shr => ">>=",
                BinaryOp::AndNot => "&^=",
                _ => "op=",
            },
            Arrow => "<-",
            Inc => "++",
            Dec => "--",
            Assign => "=",
            Define => ":=",
            Not => "!",
            Tilde => "~",
            Ellipsis => "...",
            LParen => "(",
            RParen => ")",
            LBrack | LBrackInst | LBrackParams => "[",
            RBrack => "]",
            LBrace => "{",
            RBrace | LazyBody => "}",
            Comma => ",",
            Period => ".",
            Colon => ":",
            Semi(_) => ";",
        }
    }

    /// The same token without its heap payload (identifier names and
    /// literal values become empty): a cheap copy for error reporting,
    /// which reads names from the source text instead.
    pub(crate) fn without_payload(&self) -> Token {
        match self {
            Token::Ident(_) => Token::Ident(String::new()),
            Token::Int(_) => Token::Int(String::new()),
            Token::Float(_) => Token::Float(String::new()),
            Token::Imag(_) => Token::Imag(String::new()),
            Token::Str(_) => Token::Str(Vec::new()),
            t => t.clone(),
        }
    }

    /// The token as Go's syntax errors name it: `name x`, `literal 5`,
    /// `keyword func`, `newline`, `semicolon`, `EOF`, `comma`, or the
    /// operator itself. `source` is the token's source text (for literals,
    /// which Go quotes as written).
    pub(crate) fn describe(&self, source: &str) -> String {
        use Token::*;
        match self {
            Ident(name) if name.is_empty() => format!("name {source}"),
            Ident(name) => format!("name {name}"),
            Int(_) | Float(_) | Imag(_) | Rune(_) | Str(_) => format!("literal {source}"),
            Semi(SemiKind::Explicit) => "semicolon".to_string(),
            Semi(SemiKind::Newline) => "newline".to_string(),
            Semi(SemiKind::Eof) => "EOF".to_string(),
            Comma => "comma".to_string(),
            t if t.is_keyword() => format!("keyword {}", t.text()),
            t => t.text().to_string(),
        }
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Ident(s) | Token::Int(s) | Token::Float(s) | Token::Imag(s) => f.write_str(s),
            Token::Rune(r) => write!(f, "rune {r:#x}"),
            Token::Str(b) => write!(f, "{:?}", String::from_utf8_lossy(b)),
            t => f.write_str(t.text()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_is_what_keyword_recognises() {
        for k in KEYWORDS {
            assert!(Token::keyword(k).is_some(), "{k}");
        }
        // Each one's token spells it back, and is a keyword token.
        for k in KEYWORDS {
            let t = Token::keyword(k).unwrap();
            assert!(t.is_keyword() && t.text() == *k, "{k}");
        }
        assert_eq!(KEYWORDS.len(), 25);
        assert!(Token::keyword("main").is_none());
    }
}
