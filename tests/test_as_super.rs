//! `PyRefMut::as_super`: a `&mut` view of each base level, which dereferences to the base's
//! value and can be bound as `&mut Base` (as with PyO3's `&mut PyRefMut<Base>`), while two
//! views cannot be swapped (`tests/ui/invalid_as_super_swap.rs`).
#![cfg(feature = "macros")]

use pyo3::prelude::*;

#[pyclass(subclass)]
struct Top {
    a: i64,
}

#[pyclass(extends = Top, subclass)]
struct Middle {
    b: i64,
}

#[pyclass(extends = Middle)]
struct Bottom {
    c: i64,
}

#[test]
fn views_of_every_level() {
    Python::attach(|py| {
        let init = pyo3::PyClassInitializer::from(Top { a: 1 })
            .add_subclass(Middle { b: 2 })
            .add_subclass(Bottom { c: 3 });
        let obj = Bound::new(py, init).unwrap();
        {
            let mut bottom = obj.borrow_mut();
            bottom.c += 10;
            bottom.as_super().b += 20;
            bottom.as_super().as_super().a += 30;
            // Bound as plain `&mut` references, as code written for PyO3 does.
            let top: &mut Top = bottom.as_super().as_super();
            top.a *= 2;
            let middle = bottom.as_super();
            assert_eq!(middle.as_ptr(), obj.as_ptr());
            assert!(middle.py().version_info() >= (3, 9));
            let top = middle.as_super();
            top.a += 1;
            assert_eq!(top.as_ptr(), obj.as_ptr());
        }
        // The exclusive borrow ended with the `PyRefMut`: every level reads the new values.
        let bottom = obj.borrow();
        assert_eq!(
            (
                bottom.as_super().as_super().a,
                bottom.as_super().b,
                bottom.c
            ),
            (63, 22, 13)
        );
        drop(bottom);
        assert!(obj.try_borrow_mut().is_ok());
    });
}

#[test]
fn swapping_base_values_keeps_each_object_whole() {
    // Swapping the *values* behind two views is allowed (both are `Top`s); the objects keep
    // their own subclass parts.
    Python::attach(|py| {
        let make = |a, c| {
            let init = pyo3::PyClassInitializer::from(Top { a })
                .add_subclass(Middle { b: 0 })
                .add_subclass(Bottom { c });
            Bound::new(py, init).unwrap()
        };
        let (x, y) = (make(1, 10), make(2, 20));
        {
            let (mut rx, mut ry) = (x.borrow_mut(), y.borrow_mut());
            std::mem::swap::<Top>(rx.as_super().as_super(), ry.as_super().as_super());
        }
        assert_eq!((x.borrow().as_super().as_super().a, x.borrow().c), (2, 10));
        assert_eq!((y.borrow().as_super().as_super().a, y.borrow().c), (1, 20));
    });
}
