//! Shape checks of `#[pymethods]` items that the type checker would otherwise report through
//! generated code (an accessor or slot with the wrong number of arguments, a second
//! `#[new]`): each is reported on the user's method with what it should look like.

use crate::errors::Errors;
use crate::model::pymethods::{MethodKind, MethodModel, Receiver};

/// How many Python arguments (besides the receiver and `py: Python`) a slot method takes:
/// `(min, max)`. `None`: any (`__call__`, `__init__`) or not checked here.
fn slot_arity(name: &str) -> Option<(usize, usize)> {
    const NONE: &[&str] = &[
        "__repr__",
        "__str__",
        "__hash__",
        "__len__",
        "__iter__",
        "__next__",
        "__await__",
        "__aiter__",
        "__anext__",
        "__bool__",
        "__neg__",
        "__pos__",
        "__abs__",
        "__invert__",
        "__int__",
        "__float__",
        "__index__",
        "__clear__",
    ];
    const TWO: &[&str] = &[
        "__richcmp__",
        "__setitem__",
        "__setattr__",
        "__set__",
        "__get__",
    ];
    const ONE_OR_TWO: &[&str] = &["__pow__", "__rpow__", "__ipow__"];
    const ONE: &[&str] = &[
        "__eq__",
        "__ne__",
        "__lt__",
        "__le__",
        "__gt__",
        "__ge__",
        "__getitem__",
        "__delitem__",
        "__contains__",
        "__getattr__",
        "__getattribute__",
        "__delattr__",
        "__delete__",
        "__traverse__",
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__truediv__",
        "__rtruediv__",
        "__floordiv__",
        "__rfloordiv__",
        "__mod__",
        "__rmod__",
        "__matmul__",
        "__rmatmul__",
        "__and__",
        "__rand__",
        "__or__",
        "__ror__",
        "__xor__",
        "__rxor__",
        "__lshift__",
        "__rlshift__",
        "__rshift__",
        "__rrshift__",
        "__divmod__",
        "__rdivmod__",
        "__iadd__",
        "__isub__",
        "__imul__",
        "__itruediv__",
        "__ifloordiv__",
        "__imod__",
        "__iand__",
        "__ior__",
        "__ixor__",
        "__ilshift__",
        "__irshift__",
        "__imatmul__",
    ];
    if NONE.contains(&name) {
        Some((0, 0))
    } else if ONE.contains(&name) {
        Some((1, 1))
    } else if TWO.contains(&name) {
        Some((2, 2))
    } else if ONE_OR_TWO.contains(&name) {
        Some((1, 2))
    } else {
        None
    }
}

fn arguments(n: usize) -> String {
    match n {
        0 => "no arguments".to_string(),
        1 => "1 argument".to_string(),
        n => format!("{n} arguments"),
    }
}

/// Checks one method.
pub fn check(m: &MethodModel, errors: &mut Errors) {
    let n = m.func.params.len();
    let name = m.func.rust_ident.to_string();
    match &m.kind {
        MethodKind::Getter(_) if n != 0 => errors.push_span(
            m.span,
            "a `#[getter]` takes no arguments besides the receiver (and `py: Python<'_>`)",
        ),
        MethodKind::Deleter(_) if n != 0 => errors.push_span(
            m.span,
            "a `#[deleter]` takes no arguments besides the receiver (and `py: Python<'_>`)",
        ),
        MethodKind::Setter(_) if n != 1 => errors.push_span(
            m.span,
            format!(
                "a `#[setter]` takes exactly one argument, the new value, besides the receiver \
                 (and `py: Python<'_>`); `{name}` has {}",
                arguments(n)
            ),
        ),
        MethodKind::ClassAttr if n != 0 => errors.push_span(
            m.span,
            "a `#[classattr]` takes no arguments (only `py: Python<'_>`)",
        ),
        MethodKind::Slot(slot) => {
            // PyO3 takes neither option on a magic method (`signature` only on `__call__` and
            // `__init__`, whose arguments are parsed like a function's); `#[new]` is not a
            // slot here.
            if let Some(kw) = m.func.signature_kw {
                if slot != "__call__" && slot != "__init__" {
                    errors.push_span(
                        kw,
                        format!("`signature` cannot be used with magic method `{slot}`"),
                    );
                }
            }
            if let Some(kw) = m.func.text_signature_kw {
                errors.push_span(
                    kw,
                    format!("`text_signature` cannot be used with magic method `{slot}`"),
                );
            }
            if let Some((min, max)) = slot_arity(slot) {
                if n < min || n > max {
                    let expected = if min == max {
                        arguments(min)
                    } else {
                        format!("{} or {}", arguments(min), arguments(max))
                    };
                    errors.push_span(
                        m.span,
                        format!(
                            "`{slot}` takes {expected} besides the receiver, but has {}",
                            arguments(n)
                        ),
                    );
                }
            }
            if slot == "__traverse__" && m.receiver != Receiver::Ref {
                errors.push_span(
                    m.span,
                    "`__traverse__` must take `&self`: the garbage collector may call it while \
                     the object is borrowed elsewhere, and it must not touch Python",
                );
            }
        }
        _ => {}
    }
}

/// Checks the methods of one block together.
pub fn check_block(methods: &[MethodModel], errors: &mut Errors) {
    let mut news = methods.iter().filter(|m| m.kind == MethodKind::New);
    if news.next().is_some() {
        for extra in news {
            errors.push_span(
                extra.span,
                "a class has one constructor: `#[new]` is already used on another method",
            );
        }
    }
}
