//! The one table of the magic methods that `#[pymethods]` implements through type slots.
//!
//! The model reads it to tell slot methods from ordinary ones; the emitters read it for the
//! C signature and conversions of each slot function (its [`Shape`]), the `ffi` slot ids it
//! fills and, for methods that share one slot function, their partner.

/// The C signature of a slot function, how its operands are bound and how its result is
/// converted. Shapes marked "shared" put two or more methods into one slot function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `(self) -> object`, result converted to an object.
    Unary,
    /// `(self) -> object`; an `Option` result of `None` ends the iteration.
    IterNext,
    /// `(self) -> Py_hash_t`.
    Hash,
    /// `(self) -> Py_ssize_t`.
    Len,
    /// `(self) -> int`, truth value.
    Bool,
    /// `(self, key) -> object`, the key bound like an argument.
    GetItem,
    /// `(self, item) -> int`, truth value.
    Contains,
    /// `(self, args, kwargs) -> int`, arguments parsed like a method's.
    Init,
    /// `(self, args, kwargs) -> object`, arguments parsed like a method's.
    Call,
    /// The GC traversal function of the class (no slot of its own here).
    Traverse,
    /// A buffer protocol function (see `emit::buffer_slots`).
    Buffer,
    /// `(self) -> int`, the GC clear function.
    Clear,
    /// `(self, other[, mod]) -> object`, in-place operator returning `self`.
    Inplace,
    /// `(self, other) -> object`, sequence concatenation.
    Concat,
    /// `(self, count) -> object`, sequence repetition.
    Repeat,
    /// `(self, obj, type) -> object`, descriptor `__get__`.
    DescrGet,
    /// Shared: `__set__` / `__delete__` -> `(self, obj, value) -> int`.
    DescrSet,
    /// Shared: `__getattribute__` then `__getattr__` -> `(self, name) -> object`.
    GetAttr,
    /// Shared: `__setattr__` / `__delattr__` -> `(self, name, value) -> int`.
    SetAttr,
    /// Shared: `__setitem__` / `__delitem__` -> `(self, key, value) -> int`.
    AssSubscript,
    /// Shared: `__richcmp__`, or the six comparison methods -> `(self, other, op) -> object`.
    Compare,
    /// Shared: a binary operator and its reflected form -> `(lhs, rhs[, mod]) -> object`.
    Binary {
        /// This is the reflected (`__r*__`) form.
        reflected: bool,
    },
}

impl Shape {
    /// Whether the interpreter only ever calls the slot function with `self` an instance of
    /// the class: it calls a type's slot with an object of that type (or of a subclass that
    /// inherited the slot), and the `__dunder__` wrapper descriptors check `self` first. A
    /// binary number operator is the exception: `a + b` may call the right operand's slot
    /// with `a` first. The receivers of the others are not type-checked again.
    pub fn self_is_typed(self) -> bool {
        !matches!(self, Binary { .. })
    }
}

/// One slot method.
#[derive(Clone, Copy, Debug)]
pub struct Slot {
    /// The Python name, e.g. `__len__`.
    pub name: &'static str,
    /// Signature and conversions of its slot function.
    pub shape: Shape,
    /// The `pyo3::ffi` slot ids the function is registered under.
    pub ffi: &'static [&'static str],
    /// The method sharing the slot function: the other form of a binary operator, the
    /// deleting half of a setter, the fallback of `__getattribute__`.
    pub partner: Option<&'static str>,
}

const fn slot(name: &'static str, shape: Shape, ffi: &'static [&'static str]) -> Slot {
    Slot {
        name,
        shape,
        ffi,
        partner: None,
    }
}

const fn paired(
    name: &'static str,
    shape: Shape,
    ffi: &'static [&'static str],
    partner: &'static str,
) -> Slot {
    Slot {
        name,
        shape,
        ffi,
        partner: Some(partner),
    }
}

const fn binary(fwd: &'static str, rev: &'static str, ffi: &'static [&'static str]) -> [Slot; 2] {
    [
        paired(fwd, Shape::Binary { reflected: false }, ffi, rev),
        paired(rev, Shape::Binary { reflected: true }, ffi, fwd),
    ]
}

use Shape::*;

/// Every slot method. Order matters only for emission order (slots are emitted in the
/// order their methods appear; shared slots in the order of this table).
pub const SLOTS: &[Slot] = &{
    const SINGLE: [Slot; 36] = [
        slot("__repr__", Unary, &["Py_tp_repr"]),
        slot("__str__", Unary, &["Py_tp_str"]),
        slot("__iter__", Unary, &["Py_tp_iter"]),
        slot("__await__", Unary, &["Py_am_await"]),
        slot("__aiter__", Unary, &["Py_am_aiter"]),
        slot("__neg__", Unary, &["Py_nb_negative"]),
        slot("__pos__", Unary, &["Py_nb_positive"]),
        slot("__abs__", Unary, &["Py_nb_absolute"]),
        slot("__invert__", Unary, &["Py_nb_invert"]),
        slot("__int__", Unary, &["Py_nb_int"]),
        slot("__float__", Unary, &["Py_nb_float"]),
        slot("__index__", Unary, &["Py_nb_index"]),
        slot("__next__", IterNext, &["Py_tp_iternext"]),
        slot("__anext__", IterNext, &["Py_am_anext"]),
        slot("__hash__", Hash, &["Py_tp_hash"]),
        // (`sq_length` of a `sequence` class: the type builder moves it there)
        slot("__len__", Len, &["Py_mp_length"]),
        slot("__bool__", Bool, &["Py_nb_bool"]),
        slot("__getitem__", GetItem, &["Py_mp_subscript"]),
        slot("__contains__", Contains, &["Py_sq_contains"]),
        slot("__init__", Init, &["Py_tp_init"]),
        slot("__call__", Call, &["Py_tp_call"]),
        slot("__traverse__", Traverse, &[]),
        slot("__getbuffer__", Buffer, &["Py_bf_getbuffer"]),
        slot("__releasebuffer__", Buffer, &["Py_bf_releasebuffer"]),
        slot("__clear__", Clear, &["Py_tp_clear"]),
        slot("__concat__", Concat, &["Py_sq_concat"]),
        slot("__inplace_concat__", Concat, &["Py_sq_inplace_concat"]),
        slot("__repeat__", Repeat, &["Py_sq_repeat"]),
        slot("__inplace_repeat__", Repeat, &["Py_sq_inplace_repeat"]),
        slot("__get__", DescrGet, &["Py_tp_descr_get"]),
        paired("__set__", DescrSet, &["Py_tp_descr_set"], "__delete__"),
        paired("__delete__", DescrSet, &["Py_tp_descr_set"], "__set__"),
        paired(
            "__getattribute__",
            GetAttr,
            &["Py_tp_getattro"],
            "__getattr__",
        ),
        paired(
            "__getattr__",
            GetAttr,
            &["Py_tp_getattro"],
            "__getattribute__",
        ),
        paired("__setattr__", SetAttr, &["Py_tp_setattro"], "__delattr__"),
        paired("__delattr__", SetAttr, &["Py_tp_setattro"], "__setattr__"),
    ];
    const MORE: [Slot; 9] = [
        paired(
            "__setitem__",
            AssSubscript,
            &["Py_mp_ass_subscript"],
            "__delitem__",
        ),
        paired(
            "__delitem__",
            AssSubscript,
            &["Py_mp_ass_subscript"],
            "__setitem__",
        ),
        slot("__richcmp__", Compare, &["Py_tp_richcompare"]),
        slot("__lt__", Compare, &["Py_tp_richcompare"]),
        slot("__le__", Compare, &["Py_tp_richcompare"]),
        slot("__eq__", Compare, &["Py_tp_richcompare"]),
        slot("__ne__", Compare, &["Py_tp_richcompare"]),
        slot("__gt__", Compare, &["Py_tp_richcompare"]),
        slot("__ge__", Compare, &["Py_tp_richcompare"]),
    ];
    const INPLACE: [Slot; 13] = [
        slot("__iadd__", Inplace, &["Py_nb_inplace_add"]),
        slot("__isub__", Inplace, &["Py_nb_inplace_subtract"]),
        slot("__imul__", Inplace, &["Py_nb_inplace_multiply"]),
        slot("__itruediv__", Inplace, &["Py_nb_inplace_true_divide"]),
        slot("__ifloordiv__", Inplace, &["Py_nb_inplace_floor_divide"]),
        slot("__imod__", Inplace, &["Py_nb_inplace_remainder"]),
        slot("__iand__", Inplace, &["Py_nb_inplace_and"]),
        slot("__ior__", Inplace, &["Py_nb_inplace_or"]),
        slot("__ixor__", Inplace, &["Py_nb_inplace_xor"]),
        slot("__ilshift__", Inplace, &["Py_nb_inplace_lshift"]),
        slot("__irshift__", Inplace, &["Py_nb_inplace_rshift"]),
        slot("__imatmul__", Inplace, &["Py_nb_inplace_matrix_multiply"]),
        slot("__ipow__", Inplace, &["Py_nb_inplace_power"]),
    ];
    const BIN: [[Slot; 2]; 14] = [
        binary("__add__", "__radd__", &["Py_nb_add"]),
        binary("__sub__", "__rsub__", &["Py_nb_subtract"]),
        binary("__mul__", "__rmul__", &["Py_nb_multiply"]),
        binary("__truediv__", "__rtruediv__", &["Py_nb_true_divide"]),
        binary("__floordiv__", "__rfloordiv__", &["Py_nb_floor_divide"]),
        binary("__mod__", "__rmod__", &["Py_nb_remainder"]),
        binary("__matmul__", "__rmatmul__", &["Py_nb_matrix_multiply"]),
        binary("__and__", "__rand__", &["Py_nb_and"]),
        binary("__or__", "__ror__", &["Py_nb_or"]),
        binary("__xor__", "__rxor__", &["Py_nb_xor"]),
        binary("__lshift__", "__rlshift__", &["Py_nb_lshift"]),
        binary("__rshift__", "__rrshift__", &["Py_nb_rshift"]),
        binary("__divmod__", "__rdivmod__", &["Py_nb_divmod"]),
        binary("__pow__", "__rpow__", &["Py_nb_power"]),
    ];
    let mut all = [SINGLE[0]; 36 + 9 + 13 + 28];
    let mut i = 0;
    while i < 36 {
        all[i] = SINGLE[i];
        i += 1;
    }
    let mut j = 0;
    while j < 9 {
        all[36 + j] = MORE[j];
        j += 1;
    }
    let mut k = 0;
    while k < 13 {
        all[45 + k] = INPLACE[k];
        k += 1;
    }
    let mut b = 0;
    while b < 14 {
        all[58 + 2 * b] = BIN[b][0];
        all[58 + 2 * b + 1] = BIN[b][1];
        b += 1;
    }
    all
};

/// The slot method named `name`, if it is one.
pub fn lookup(name: &str) -> Option<&'static Slot> {
    SLOTS.iter().find(|s| s.name == name)
}

/// Whether `name` is implemented through a type slot.
pub fn is_slot(name: &str) -> bool {
    lookup(name).is_some()
}

/// The forward (non-reflected) binary operators: `(forward, reflected, ffi slot)`.
pub fn binary_operators() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    SLOTS.iter().filter_map(|s| match (s.shape, s.partner) {
        (Binary { reflected: false }, Some(rev)) => Some((s.name, rev, s.ffi[0])),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_dunder() {
        for (i, s) in SLOTS.iter().enumerate() {
            assert!(
                s.name.starts_with("__") && s.name.ends_with("__"),
                "{}",
                s.name
            );
            assert!(
                SLOTS[..i].iter().all(|t| t.name != s.name),
                "duplicate {}",
                s.name
            );
        }
        assert_eq!(SLOTS.len(), 86);
    }

    #[test]
    fn partners_point_back_and_share_the_slot() {
        for s in SLOTS {
            if let Some(p) = s.partner {
                let other = lookup(p).expect("partner in the table");
                assert_eq!(other.partner, Some(s.name), "{} <-> {}", s.name, p);
                assert_eq!(other.ffi, s.ffi, "{} and {} share a slot", s.name, p);
            }
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup("__len__").unwrap().ffi, &["Py_mp_length"]);
        assert_eq!(
            lookup("__radd__").unwrap().shape,
            Binary { reflected: true }
        );
        assert!(!is_slot("__new__"));
        assert!(!is_slot("total"));
        assert!(lookup("__len__").unwrap().shape.self_is_typed());
        assert!(!lookup("__add__").unwrap().shape.self_is_typed());
        let ops: Vec<_> = binary_operators().collect();
        assert_eq!(ops.len(), 14);
        assert!(ops.contains(&("__pow__", "__rpow__", "Py_nb_power")));
    }
}
