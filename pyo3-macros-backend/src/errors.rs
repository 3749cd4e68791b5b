//! Error collection: the check pass gathers every problem and reports them together.

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::fmt::Display;

/// Accumulates `syn::Error`s so that all problems of one macro invocation are reported at once.
#[derive(Default)]
pub struct Errors {
    inner: Option<syn::Error>,
}

impl Errors {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error at the span of `tokens`.
    pub fn push<T: ToTokens, M: Display>(&mut self, tokens: T, message: M) {
        self.add(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error at an explicit span.
    pub fn push_span<M: Display>(&mut self, span: proc_macro2::Span, message: M) {
        self.add(syn::Error::new(span, message));
    }

    /// Records an existing error (which may itself hold several).
    pub fn add(&mut self, err: syn::Error) {
        match &mut self.inner {
            Some(e) => e.combine(err),
            None => self.inner = Some(err),
        }
    }

    /// Records the error of a `Result`, returning its value if any.
    pub fn handle<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(e);
                None
            }
        }
    }

    /// True if nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.inner.is_none()
    }

    /// `Ok(value)` if nothing was recorded, else all errors combined.
    pub fn finish<T>(self, value: T) -> syn::Result<T> {
        match self.inner {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }

    /// Same as [`Errors::finish`] with `()`.
    pub fn check(self) -> syn::Result<()> {
        self.finish(())
    }
}

/// Turns a macro result into tokens: the expansion, or `compile_error!`s.
pub fn into_tokens(result: syn::Result<TokenStream>) -> TokenStream {
    result.unwrap_or_else(|e| e.into_compile_error())
}
