//! [`PyComplex`]: Python `complex` objects.

use std::os::raw::c_double;

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyAny;
use crate::{ffi, Bound, Python};

/// A Python `complex` object.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyComplex, PyComplexMethods};
///
/// Python::attach(|py| {
///     let z = PyComplex::from_doubles(py, 3.0, -4.0);
///     assert_eq!(z.real(), 3.0);
///     assert_eq!(z.imag(), -4.0);
/// });
/// ```
#[repr(transparent)]
pub struct PyComplex(PyAny);

crate::pyobject_native_type_core!(PyComplex, crate::pyobject_native_static_type_object!(ffi::PyComplex_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyComplex_Check);
#[cfg(not(Py_LIMITED_API))]
crate::pyobject_native_type_sized!(PyComplex, ffi::PyComplexObject);
#[cfg(not(Py_LIMITED_API))]
crate::pyobject_subclassable_native_type!(PyComplex, ffi::PyComplexObject);

impl PyComplex {
    /// Creates a new `complex` from its real and imaginary parts.
    #[inline]
    pub fn from_doubles(py: Python<'_>, real: c_double, imag: c_double) -> Bound<'_, PyComplex> {
        // SAFETY: attached; new reference.
        unsafe {
            ffi::PyComplex_FromDoubles(real, imag)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }
}

/// Methods of [`PyComplex`], implemented for `Bound<'py, PyComplex>`.
pub trait PyComplexMethods<'py>: sealed::Sealed {
    /// The real part.
    fn real(&self) -> c_double;
    /// The imaginary part.
    fn imag(&self) -> c_double;
    /// The magnitude, as Python's `abs(z)`.
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn abs(&self) -> c_double;
    /// `self ** other`.
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn pow(&self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyComplex> {}
}

impl<'py> PyComplexMethods<'py> for Bound<'py, PyComplex> {
    #[inline]
    fn real(&self) -> c_double {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        {
            not_limited::value(self).real
        }
        // SAFETY: `self` is a complex (cannot fail).
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        unsafe {
            ffi::PyComplex_RealAsDouble(self.as_ptr())
        }
    }

    #[inline]
    fn imag(&self) -> c_double {
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        {
            not_limited::value(self).imag
        }
        // SAFETY: `self` is a complex (cannot fail).
        #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
        unsafe {
            ffi::PyComplex_ImagAsDouble(self.as_ptr())
        }
    }

    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    #[inline]
    fn abs(&self) -> c_double {
        let v = not_limited::value(self);
        v.real.hypot(v.imag)
    }

    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn pow(&self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
        let result = not_limited::pow(not_limited::value(self), not_limited::value(other));
        not_limited::new(self.py(), result)
    }
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod not_limited {
    //! Direct access to the stored value, and the arithmetic operators.
    use std::ops::{Add, Div, Mul, Neg, Sub};

    use super::PyComplex;
    use crate::ffi::Py_complex;
    use crate::internal::ptr_ext::FfiPtrExt;
    use crate::{ffi, Bound, Python};

    #[inline]
    pub(super) fn value(z: &Bound<'_, PyComplex>) -> Py_complex {
        // SAFETY: `z` is a complex object, whose layout starts with PyComplexObject.
        unsafe { (*z.as_ptr().cast::<ffi::PyComplexObject>()).cval }
    }

    #[inline]
    pub(super) fn new(py: Python<'_>, v: Py_complex) -> Bound<'_, PyComplex> {
        // SAFETY: attached; new reference.
        unsafe {
            ffi::PyComplex_FromCComplex(v)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    fn c(real: f64, imag: f64) -> Py_complex {
        Py_complex { real, imag }
    }

    fn mul(a: Py_complex, b: Py_complex) -> Py_complex {
        c(
            a.real * b.real - a.imag * b.imag,
            a.real * b.imag + a.imag * b.real,
        )
    }

    /// Division with Smith's scaling; a zero divisor gives `0+0j` as CPython's C helper does
    /// (the Python operator raises `ZeroDivisionError` instead).
    fn quot(a: Py_complex, b: Py_complex) -> Py_complex {
        let (abs_re, abs_im) = (b.real.abs(), b.imag.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                c(0.0, 0.0)
            } else {
                let ratio = b.imag / b.real;
                let denom = b.real + b.imag * ratio;
                c(
                    (a.real + a.imag * ratio) / denom,
                    (a.imag - a.real * ratio) / denom,
                )
            }
        } else if abs_im >= abs_re {
            let ratio = b.real / b.imag;
            let denom = b.real * ratio + b.imag;
            c(
                (a.real * ratio + a.imag) / denom,
                (a.imag * ratio - a.real) / denom,
            )
        } else {
            // a NaN in the divisor
            c(f64::NAN, f64::NAN)
        }
    }

    /// Exact repeated squaring for small integral exponents, like Python.
    fn powu(x: Py_complex, mut n: u32) -> Py_complex {
        let mut result = c(1.0, 0.0);
        let mut base = x;
        while n > 0 {
            if n & 1 == 1 {
                result = mul(result, base);
            }
            base = mul(base, base);
            n >>= 1;
        }
        result
    }

    pub(super) fn pow(a: Py_complex, b: Py_complex) -> Py_complex {
        if b.real == 0.0 && b.imag == 0.0 {
            return c(1.0, 0.0);
        }
        if a.real == 0.0 && a.imag == 0.0 {
            // 0 ** b: 0 for b.real > 0 and real b; otherwise a domain error (0+0j as in C).
            return c(0.0, 0.0);
        }
        if b.imag == 0.0 && b.real == b.real.trunc() && b.real.abs() <= 100.0 {
            let n = b.real as i32;
            let r = powu(a, n.unsigned_abs());
            return if n < 0 { quot(c(1.0, 0.0), r) } else { r };
        }
        let modulus = a.real.hypot(a.imag);
        let arg = a.imag.atan2(a.real);
        let mut len = modulus.powf(b.real);
        let mut phase = arg * b.real;
        if b.imag != 0.0 {
            len /= (arg * b.imag).exp();
            phase += b.imag * modulus.ln();
        }
        c(len * phase.cos(), len * phase.sin())
    }

    macro_rules! bin_op {
        ($trait:ident, $method:ident, $op:expr) => {
            impl<'py> $trait for &Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $method(self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    new(self.py(), $op(value(self), value(other)))
                }
            }

            impl<'py> $trait<Bound<'py, PyComplex>> for &Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                #[inline]
                fn $method(self, other: Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    $trait::$method(self, &other)
                }
            }

            impl<'py> $trait<&Bound<'py, PyComplex>> for Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                #[inline]
                fn $method(self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    $trait::$method(&self, other)
                }
            }

            impl<'py> $trait for Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                #[inline]
                fn $method(self, other: Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    $trait::$method(&self, &other)
                }
            }
        };
    }

    bin_op!(Add, add, |a: Py_complex, b: Py_complex| c(
        a.real + b.real,
        a.imag + b.imag
    ));
    bin_op!(Sub, sub, |a: Py_complex, b: Py_complex| c(
        a.real - b.real,
        a.imag - b.imag
    ));
    bin_op!(Mul, mul, mul);
    bin_op!(Div, div, quot);

    impl<'py> Neg for &Bound<'py, PyComplex> {
        type Output = Bound<'py, PyComplex>;
        fn neg(self) -> Bound<'py, PyComplex> {
            let v = value(self);
            new(self.py(), c(-v.real, -v.imag))
        }
    }

    impl<'py> Neg for Bound<'py, PyComplex> {
        type Output = Bound<'py, PyComplex>;
        #[inline]
        fn neg(self) -> Bound<'py, PyComplex> {
            -&self
        }
    }

    /// The operators on borrowed complex numbers, through the ones on `&Bound`.
    macro_rules! borrowed_bin_op {
        ($trait:ident, $method:ident) => {
            impl<'py> $trait for crate::Borrowed<'_, 'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                #[inline]
                fn $method(self, other: Self) -> Bound<'py, PyComplex> {
                    $trait::$method(&*self, &*other)
                }
            }
        };
    }

    borrowed_bin_op!(Add, add);
    borrowed_bin_op!(Sub, sub);
    borrowed_bin_op!(Mul, mul);
    borrowed_bin_op!(Div, div);

    impl<'py> Neg for crate::Borrowed<'_, 'py, PyComplex> {
        type Output = Bound<'py, PyComplex>;
        #[inline]
        fn neg(self) -> Bound<'py, PyComplex> {
            -&*self
        }
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn parts() {
        Python::attach(|py| {
            let z = PyComplex::from_doubles(py, 1.5, -2.0);
            assert_eq!((z.real(), z.imag()), (1.5, -2.0));
            assert!(z.is_exact_instance_of::<PyComplex>());
        });
    }

    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    #[test]
    fn arithmetic_matches_python() {
        Python::attach(|py| {
            let a = PyComplex::from_doubles(py, 3.0, 4.0);
            let b = PyComplex::from_doubles(py, 1.0, -2.0);
            assert_eq!(a.abs(), 5.0);
            let check = |rust: Bound<'_, PyComplex>, python: Bound<'_, PyAny>| {
                let python = python.cast_into::<PyComplex>().unwrap();
                assert_eq!((rust.real(), rust.imag()), (python.real(), python.imag()));
            };
            check(&a + &b, a.as_any().add(&b).unwrap());
            check(&a - &b, a.as_any().sub(&b).unwrap());
            check(&a * &b, a.as_any().mul(&b).unwrap());
            check(&a / &b, a.as_any().div(&b).unwrap());
            check(-&a, a.as_any().neg().unwrap());
            check(a.pow(&b), a.as_any().pow(&b, py.None()).unwrap());
            let two = PyComplex::from_doubles(py, 2.0, 0.0);
            check(a.pow(&two), a.as_any().pow(&two, py.None()).unwrap());
            let half = PyComplex::from_doubles(py, 0.5, 0.25);
            check(a.pow(&half), a.as_any().pow(&half, py.None()).unwrap());
            check(a.clone() + b.clone(), a.as_any().add(&b).unwrap());
        });
    }
}
