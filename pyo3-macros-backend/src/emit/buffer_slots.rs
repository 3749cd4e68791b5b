//! `__getbuffer__` / `__releasebuffer__`: the buffer protocol slots of a `#[pymethods]` block.
//!
//! Both take raw C arguments after the receiver (`*mut ffi::Py_buffer`, and `c_int` flags for
//! `__getbuffer__`), passed through unconverted; a `Python<'py>` argument gets the token.

use crate::model::function::ArgRole;
use crate::model::pymethods::MethodModel;
use crate::utils::Ctx;
use proc_macro2::TokenStream;
use quote::quote;

/// Emits the slot function `fname` for `m` (named `__getbuffer__` or `__releasebuffer__`);
/// returns the function and the slot id's name.
pub fn emit(
    m: &MethodModel,
    fname: &syn::Ident,
    prelude: &TokenStream,
    leading: &[TokenStream],
    call: &TokenStream,
    ctx: &Ctx,
) -> (TokenStream, &'static str) {
    let gl = &ctx.p;
    let ps = ctx.p.clone();
    let is_get = m.func.rust_ident == "__getbuffer__";
    let raw = if is_get {
        vec![quote!(_view), quote!(_flags)]
    } else {
        vec![quote!(_view)]
    };
    let mut raw = raw.into_iter();
    let args: Vec<TokenStream> = m
        .func
        .args
        .iter()
        .map(|a| match a.role {
            ArgRole::Python | ArgRole::Module | ArgRole::CancelHandle => quote!(py),
            ArgRole::Param(_) => raw.next().unwrap_or_else(|| quote!(())),
        })
        .collect();
    if is_get {
        let f = quote! {
            unsafe extern "C" fn #fname(
                _slf: *mut #gl::PyObject,
                _view: *mut #gl::ffi::Py_buffer,
                _flags: #gl::c_int,
            ) -> #gl::c_int {
                unsafe {
                    #gl::trampoline(move |py| {
                        let __result = (|| {
                            #prelude
                            #ps::UnitOutput::into_c_unit(#call(#(#leading,)* #(#args),*))
                        })();
                        #ps::getbuffer_result(__result, _view)
                    })
                }
            }
        };
        (f, "Py_bf_getbuffer")
    } else {
        let f = quote! {
            unsafe extern "C" fn #fname(
                _slf: *mut #gl::PyObject,
                _view: *mut #gl::ffi::Py_buffer,
            ) {
                unsafe {
                    #ps::releasebuffer_trampoline(move |py| {
                        #prelude
                        #ps::UnitOutput::into_c_unit(#call(#(#leading,)* #(#args),*)).map(|_| ())
                    }, _slf)
                }
            }
        };
        (f, "Py_bf_releasebuffer")
    }
}
