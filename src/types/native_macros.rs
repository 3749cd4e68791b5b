//! The `#[doc(hidden)]` macros that declare a Rust type for a Python type implemented in C,
//! with the names and parameters PyO3's ecosystem crates (`numpy`, ...) call them with:
//!
//! - `pyobject_native_type_named!(T $(;G)*)`: `Bound<T>` dereferences to `Bound<PyAny>`;
//! - `pyobject_native_type_info!(T, typeobject, module $(, #checkfunction=f)? $(;G)*)`:
//!   [`PyTypeInfo`](crate::PyTypeInfo), `typeobject` being callable as `typeobject(py)` and
//!   returning `*mut ffi::PyTypeObject`, `f` an optional fast instance check such as
//!   `ffi::PyDict_Check`;
//! - `pyobject_native_type_core!(T, typeobject $(, #module=m)? $(, #checkfunction=f)? $(;G)*)`:
//!   both of the above (the module defaults to `Some("builtins")`);
//! - `pyobject_native_type_sized!(T, Layout $(;G)*)`: `Layout` is the C struct of `T`'s
//!   instances: [`PyLayout`](crate::type_object::PyLayout) /
//!   [`PySizedLayout`](crate::type_object::PySizedLayout);
//! - `pyobject_subclassable_native_type!(T, Layout $(;G)*)`: `T` can be the base of a
//!   `#[pyclass(extends = T)]`, its part of the instances being a `Layout`;
//! - `pyobject_native_type!(T, Layout, typeobject $(, #module=m)? $(, #checkfunction=f)? $(;G)*)`:
//!   core, sized and subclassable together;
//! - `pyobject_native_static_type_object!(ffi::PyDict_Type)`: the `typeobject` argument for a
//!   statically allocated type object.
//!
//! `;G` lists the generic parameters of `T`, as in `pyobject_native_type_named!(Wrapper<U>; U)`.
//! The `module` argument (an `Option<&'static str>`) becomes the type's (hidden)
//! `PyTypeInfo::MODULE`; names shown in error messages are read from the type object at run time.

/// `Bound<'py, $name>` dereferences to `Bound<'py, PyAny>` (see the module documentation).
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type_named (
    ($name:ty $(;$generics:ident)*) => {
        impl<$($generics,)*> $crate::types::DerefToPyAny for $name {}
    };
);

/// A closure returning the address of a static type object (see the module documentation).
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_static_type_object(
    ($typeobject:expr) => {
        |_py: $crate::Python<'_>| {
            #[allow(unused_unsafe)]
            // SAFETY: only the address of the static is taken.
            unsafe { ::std::ptr::addr_of_mut!($typeobject) }
        }
    };
);

/// Implements `PyTypeInfo` for a native type (see the module documentation).
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type_info(
    ($name:ty, $typeobject:expr, $module:expr $(, #checkfunction=$checkfunction:path)? $(;$generics:ident)*) => {
        // SAFETY: the caller gives the type object of `$name` and, if any, its exact check.
        unsafe impl<$($generics,)*> $crate::type_object::PyTypeInfo for $name {
            const MODULE: ::std::option::Option<&'static str> = $module;

            #[inline]
            #[allow(clippy::redundant_closure_call)]
            fn type_object_raw(py: $crate::Python<'_>) -> *mut $crate::ffi::PyTypeObject {
                ($typeobject)(py)
            }

            $(
            #[inline]
            fn is_type_of(object: &$crate::Bound<'_, $crate::PyAny>) -> bool {
                #[allow(unused_unsafe)]
                // SAFETY: `object` is a valid object and the thread is attached.
                unsafe { $checkfunction(object.as_ptr()) != 0 }
            }
            )?
        }
    };
);

/// `pyobject_native_type_named!` plus `pyobject_native_type_info!` (see the module
/// documentation).
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type_core {
    ($name:ty, $typeobject:expr, #module=$module:expr $(, #checkfunction=$checkfunction:path)? $(;$generics:ident)*) => {
        $crate::pyobject_native_type_named!($name $(;$generics)*);
        $crate::pyobject_native_type_info!($name, $typeobject, $module $(, #checkfunction=$checkfunction)? $(;$generics)*);
    };
    ($name:ty, $typeobject:expr $(, #checkfunction=$checkfunction:path)? $(;$generics:ident)*) => {
        $crate::pyobject_native_type_core!($name, $typeobject, #module=::std::option::Option::Some("builtins") $(, #checkfunction=$checkfunction)? $(;$generics)*);
    };
}

/// Declares `$layout` as the instance struct of `$name` (see the module documentation).
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type_sized {
    ($name:ty, $layout:path $(;$generics:ident)*) => {
        // SAFETY: the caller states that instances of `$name` are `$layout` structs.
        unsafe impl<$($generics,)*> $crate::type_object::PyLayout<$name> for $layout {}
        impl<$($generics,)*> $crate::type_object::PySizedLayout<$name> for $layout {}
    };
}

/// Makes `$name`, whose instances are `$layout` structs, usable as the base of a
/// `#[pyclass(extends = ...)]` (see the module documentation).
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_subclassable_native_type {
    ($name:ty, $layout:path $(;$generics:ident)*) => {
        // SAFETY: the caller states that instances of `$name` are `$layout` structs; the
        // native type allocates and frees its instances itself.
        unsafe impl<$($generics,)*> $crate::impl_::pyclass::PyClassBaseType for $name {
            type LayoutAsBase = $layout;
            type Initializer = $crate::impl_::pyclass::PyNativeTypeInitializer<Self>;
            fn default_initializer() -> ::std::option::Option<Self::Initializer> {
                ::std::option::Option::Some($crate::impl_::pyclass::PyNativeTypeInitializer::new())
            }
            unsafe fn root_borrow_flag<'a>(
                _obj: *mut $crate::ffi::PyObject,
            ) -> ::std::option::Option<&'a $crate::impl_::pyclass::BorrowFlag> {
                ::std::option::Option::None
            }
            unsafe fn dealloc_base(py: $crate::Python<'_>, obj: *mut $crate::ffi::PyObject) {
                // SAFETY: forwarded from the caller (an instance being deallocated).
                unsafe {
                    $crate::impl_::pyclass::native_dealloc(
                        <Self as $crate::type_object::PyTypeInfo>::type_object_raw(py),
                        obj,
                    )
                }
            }
        }
    };
}

/// `pyobject_native_type_core!`, `pyobject_native_type_sized!` and
/// `pyobject_subclassable_native_type!` together (see the module documentation).
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type {
    ($name:ty, $layout:path, $typeobject:expr $(, #module=$module:expr)? $(, #checkfunction=$checkfunction:path)? $(;$generics:ident)*) => {
        $crate::pyobject_native_type_core!($name, $typeobject $(, #module=$module)? $(, #checkfunction=$checkfunction)? $(;$generics)*);
        $crate::pyobject_native_type_sized!($name, $layout $(;$generics)*);
        $crate::pyobject_subclassable_native_type!($name, $layout $(;$generics)*);
    };
}
