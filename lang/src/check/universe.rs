//! The universe scope: predeclared types, constants, `nil` and builtins.

use super::checker::Checker;
use crate::ast::Span;
use crate::constant::Value;
use crate::types::{ids, Builtin, IMethod, Interface, ObjKind, Object, Type, TypeId};

impl Checker<'_> {
    fn universe_obj(&mut self, name: &str, kind: ObjKind, ty: TypeId) -> crate::types::ObjId {
        let o = self.tt.add_object(Object {
            name: name.to_string(),
            kind,
            ty,
            pkg: None,
            span: Span::default(),
            node: None,
            captured: false,
            addressed: false,
        });
        self.universe.insert(name.to_string(), o);
        o
    }

    pub(crate) fn init_universe(&mut self) {
        let basics = [
            ("bool", ids::BOOL),
            ("int", ids::INT),
            ("int8", ids::INT8),
            ("int16", ids::INT16),
            ("int32", ids::INT32),
            ("int64", ids::INT64),
            ("uint", ids::UINT),
            ("uint8", ids::UINT8),
            ("uint16", ids::UINT16),
            ("uint32", ids::UINT32),
            ("uint64", ids::UINT64),
            ("uintptr", ids::UINTPTR),
            ("float32", ids::FLOAT32),
            ("float64", ids::FLOAT64),
            ("string", ids::STRING),
            ("byte", ids::BYTE),
            ("rune", ids::RUNE),
            ("any", ids::ANY),
        ];
        for (n, t) in basics {
            self.universe_obj(n, ObjKind::TypeName, t);
        }
        self.universe_obj("complex64", ObjKind::TypeName, ids::COMPLEX64);
        self.universe_obj("complex128", ObjKind::TypeName, ids::COMPLEX128);
        // error: a named interface type with Error() string.
        let err_obj = self.universe_obj("error", ObjKind::TypeName, ids::INVALID);
        let err = self.tt.new_named(err_obj, "error", None);
        let sig = self.tt.func(vec![], vec![ids::STRING], false);
        let iface = self.tt.intern(Type::Interface(Interface {
            methods: vec![IMethod {
                name: "Error".into(),
                pkg: None,
                sig,
            }],
            comparable: false,
            alias: None,
        }));
        if let Some(n) = self.tt.named_mut(err) {
            n.underlying = iface;
        }
        self.tt.obj_mut(err_obj).ty = err;
        self.error_type = err;
        let cmp = self.tt.intern(Type::Interface(Interface {
            methods: vec![],
            comparable: true,
            alias: Some("comparable"),
        }));
        self.universe_obj("comparable", ObjKind::TypeName, cmp);
        self.universe_obj("true", ObjKind::Const(Value::Bool(true)), ids::UNTYPED_BOOL);
        self.universe_obj(
            "false",
            ObjKind::Const(Value::Bool(false)),
            ids::UNTYPED_BOOL,
        );
        self.universe_obj("iota", ObjKind::Const(Value::int(0)), ids::UNTYPED_INT);
        self.universe_obj("nil", ObjKind::Nil, ids::UNTYPED_NIL);
        for b in Builtin::ALL {
            self.universe_obj(b.name(), ObjKind::Builtin(b), ids::INVALID);
        }
    }
}
