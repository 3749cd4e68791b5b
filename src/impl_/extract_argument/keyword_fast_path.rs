//! The common keyword call, `f(1, b=2, c=3)`, parsed without the general parser.
//!
//! Keyword names in a call are almost always the identifiers written in the caller's source,
//! which CPython interns, so they are the very objects interned for the parameter names. When
//! every name of a fastcall call is found that way, for a distinct parameter that accepts
//! keywords, and nothing else is involved (no `*args`, no `**kwargs`, every required parameter
//! given), parsing is only stores into the argument slots. Everything else (another name
//! object, an unknown or repeated name, a missing argument, names not yet interned) goes to
//! the general parser, which makes the same decisions the slow way and raises the errors.
//! This path never raises, so the general parser stays the one place of every message.

use super::{tuple_item, tuple_len, FunctionDescription};
use crate::{ffi, Python};

impl FunctionDescription {
    /// Whether the keyword fast path can apply to this function at all.
    #[inline(always)]
    pub(super) fn keyword_fast_path(&self) -> bool {
        !self.accept_varargs && !self.accept_varkeywords
    }

    /// Fills `output` (all NULL on entry) for a fastcall call with keywords when the call is
    /// the common case described in the module docs, and returns `true`; otherwise leaves
    /// `output` all NULL again and returns `false`.
    ///
    /// # Safety
    /// `argv` holds `nargs` positional arguments followed by one value per name of the
    /// `kwnames` tuple; `output` has one slot per positional and keyword-only parameter.
    #[inline(always)]
    pub(super) unsafe fn try_keyword_fast_path(
        &self,
        py: Python<'_>,
        argv: *const *mut ffi::PyObject,
        nargs: ffi::Py_ssize_t,
        kwnames: *mut ffi::PyObject,
        output: &mut [*mut ffi::PyObject],
    ) -> bool {
        let n = nargs as usize;
        let np = self.n_positional();
        if n > np {
            return false;
        }
        // Not interned yet (the first keyword call): the general parser interns them.
        let Some(interned) = self.interned.0.get(py) else {
            return false;
        };
        let by_keyword = &interned[self.positional_only_parameters..];
        let filled = 'parse: {
            for (i, slot) in output[..n].iter_mut().enumerate() {
                // SAFETY: `i < nargs`.
                let arg = unsafe { *argv.add(i) };
                // Never true for the interpreter's arguments; the early exit also keeps this
                // loop of one to three pointers from becoming a `memcpy` call, which costs
                // more than the copy.
                if arg.is_null() {
                    break 'parse false;
                }
                *slot = arg;
            }
            // SAFETY: a tuple of `str`, one per value after the positional arguments.
            let nkw = unsafe { tuple_len(kwnames) } as usize;
            for j in 0..nkw {
                // SAFETY: `j` is in range of the names and of the values after `nargs`.
                let (key, value) =
                    unsafe { (tuple_item(kwnames, j as ffi::Py_ssize_t), *argv.add(n + j)) };
                let Some(k) = by_keyword.iter().position(|&p| p == key as usize) else {
                    break 'parse false;
                };
                let slot = &mut output[self.positional_only_parameters + k];
                if !slot.is_null() {
                    break 'parse false;
                }
                *slot = value;
            }
            let required = &output[..self.required_positional_parameters];
            if required.iter().any(|p| p.is_null()) {
                break 'parse false;
            }
            let keyword_only = &output[np..];
            !self
                .keyword_only_parameters
                .iter()
                .zip(keyword_only)
                .any(|(p, slot)| p.required && slot.is_null())
        };
        if !filled {
            output.fill(std::ptr::null_mut());
        }
        filled
    }
}
