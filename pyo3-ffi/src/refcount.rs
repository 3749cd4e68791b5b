//! Reference counting: `Py_INCREF`, `Py_DECREF`, `Py_REFCNT`, ... (from `object.h`; CPython
//! 3.14 moves them to `refcount.h`).
//!
//! The C macros / `static inline` functions are reimplemented here as `#[inline]` Rust
//! functions with the same behaviour for each configuration:
//! - before 3.12 the count is a plain `Py_ssize_t`;
//! - from 3.12 objects can be immortal (their count is never changed);
//! - free-threaded builds (`Py_GIL_DISABLED`) split the count into an owner-thread local part
//!   and an atomic shared part;
//! - the limited API from 3.12 and debug builds (`Py_REF_DEBUG`) call the exported
//!   `_Py_IncRef`/`_Py_DecRef` (or `Py_IncRef`/`Py_DecRef` before 3.10) instead of touching
//!   the object header.

use crate::{PyObject, Py_ssize_t};
#[cfg(Py_3_12)]
use std::ffi::c_int;
use std::ptr;
#[cfg(Py_GIL_DISABLED)]
use std::sync::atomic::Ordering::Relaxed;

/// The reference count of immortal objects (3.12, 3.13): all low 32 bits set on 64-bit targets.
#[cfg(all(Py_3_12, not(Py_3_14), target_pointer_width = "64"))]
pub(crate) const _Py_IMMORTAL_REFCNT: Py_ssize_t = u32::MAX as Py_ssize_t;
/// `_Py_IMMORTAL_INITIAL_REFCNT` (3.14+, 64-bit): the count immortal objects start with. Any
/// count whose low 32 bits are negative as an `int32_t` is immortal; increments stop here.
#[cfg(all(Py_3_14, target_pointer_width = "64"))]
pub(crate) const _Py_IMMORTAL_REFCNT: Py_ssize_t = 3 << 30;
/// `_Py_STATIC_IMMORTAL_INITIAL_REFCNT` (3.14+, 64-bit, default build): the initial count word
/// of statically allocated objects, with the static and immortal flags in `ob_flags`.
#[cfg(all(Py_3_14, not(Py_GIL_DISABLED), target_pointer_width = "64"))]
pub(crate) const _Py_STATIC_IMMORTAL_INITIAL_REFCNT: Py_ssize_t =
    _Py_IMMORTAL_REFCNT | ((_Py_STATICALLY_ALLOCATED_FLAG | _Py_IMMORTAL_FLAGS) << 48);
/// `ob_flags` bit of statically allocated objects (3.14+).
#[cfg(all(Py_3_14, not(Py_GIL_DISABLED), target_pointer_width = "64"))]
const _Py_STATICALLY_ALLOCATED_FLAG: Py_ssize_t = 4;
/// `ob_flags` bit of immortal objects (3.14+).
#[cfg(all(Py_3_14, not(Py_GIL_DISABLED), target_pointer_width = "64"))]
const _Py_IMMORTAL_FLAGS: Py_ssize_t = 1;
/// The reference count of immortal objects (3.12+): the low 30 bits set on 32-bit targets.
#[cfg(all(Py_3_12, not(target_pointer_width = "64")))]
pub(crate) const _Py_IMMORTAL_REFCNT: Py_ssize_t = (u32::MAX >> 2) as Py_ssize_t;

/// Local reference count marking an object immortal in free-threaded builds.
#[cfg(Py_GIL_DISABLED)]
pub(crate) const _Py_IMMORTAL_REFCNT_LOCAL: u32 = u32::MAX;
/// `ob_tid` of an object that no thread owns (free-threaded builds).
#[cfg(Py_GIL_DISABLED)]
pub(crate) const _Py_UNOWNED_TID: libc::uintptr_t = 0;
/// Shift of the count stored in `ob_ref_shared` (the low bits hold flags).
#[cfg(Py_GIL_DISABLED)]
pub(crate) const _Py_REF_SHARED_SHIFT: isize = 2;
/// Mask of the flag bits of `ob_ref_shared`.
#[cfg(Py_GIL_DISABLED)]
pub(crate) const _Py_REF_SHARED_FLAG_MASK: isize = 0x3;
/// `ob_ref_shared` flag: the local and shared counts have been merged.
#[cfg(Py_GIL_DISABLED)]
pub(crate) const _Py_REF_MERGED: isize = 0x3;

extern "C" {
    /// Deallocates an object whose reference count dropped to zero (calls `tp_dealloc`).
    #[cfg_attr(PyPy, link_name = "_PyPy_Dealloc")]
    fn _Py_Dealloc(op: *mut PyObject);

    /// Increments the reference count of `o`; accepts NULL. Always a real function call.
    #[cfg_attr(PyPy, link_name = "PyPy_IncRef")]
    pub fn Py_IncRef(o: *mut PyObject);
    /// Decrements the reference count of `o`; accepts NULL. Always a real function call.
    #[cfg_attr(PyPy, link_name = "PyPy_DecRef")]
    pub fn Py_DecRef(o: *mut PyObject);

    #[cfg(all(Py_3_10, not(PyPy)))]
    fn _Py_IncRef(o: *mut PyObject);
    #[cfg(all(Py_3_10, not(PyPy)))]
    fn _Py_DecRef(o: *mut PyObject);

    #[cfg(all(Py_LIMITED_API, Py_3_13))]
    fn _Py_SetRefcnt(ob: *mut PyObject, refcnt: Py_ssize_t);

    #[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
    fn _Py_DecRefShared(op: *mut PyObject);
    #[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
    fn _Py_MergeZeroLocalRefcount(op: *mut PyObject);
    #[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
    fn _Py_GetThreadLocal_Addr() -> libc::uintptr_t;
}

/// Pointer to the 32-bit reference count of a 3.14+ object on a 64-bit target: C's
/// `ob_refcnt` member, the low half of the word (the high half holds `ob_overflow` and
/// `ob_flags`, which writes must preserve).
#[cfg(all(Py_3_14, not(Py_GIL_DISABLED), target_pointer_width = "64"))]
#[inline(always)]
unsafe fn refcnt32_ptr(op: *mut PyObject) -> *mut u32 {
    ptr::addr_of_mut!((*op).ob_refcnt.ob_refcnt_split[crate::PY_BIG_ENDIAN])
}

/// Pointer to the `Py_ssize_t` reference count word of a (non free-threaded) object (3.14 on
/// 64-bit targets goes through `refcnt32_ptr` instead).
#[cfg(not(any(Py_GIL_DISABLED, all(Py_3_14, target_pointer_width = "64"))))]
#[inline(always)]
unsafe fn refcnt_ptr(op: *mut PyObject) -> *mut Py_ssize_t {
    #[cfg(Py_3_12)]
    {
        ptr::addr_of_mut!((*op).ob_refcnt.ob_refcnt)
    }
    #[cfg(not(Py_3_12))]
    {
        ptr::addr_of_mut!((*op).ob_refcnt)
    }
}

/// `_Py_ThreadId()`: an id of the current thread, as stored in `ob_tid` (free-threaded builds).
///
/// Like CPython this reads the thread pointer register where it can, and otherwise asks the
/// runtime for the address of a thread-local variable.
#[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
#[inline]
pub(crate) unsafe fn _Py_ThreadId() -> libc::uintptr_t {
    // The register holding the thread pointer differs by OS, not the way it is read.
    #[cfg(all(target_arch = "x86_64", not(target_os = "windows")))]
    {
        let tid: libc::uintptr_t;
        #[cfg(not(target_vendor = "apple"))]
        core::arch::asm!("mov {}, fs:0", out(reg) tid, options(nostack, readonly, preserves_flags));
        #[cfg(target_vendor = "apple")]
        core::arch::asm!("mov {}, gs:0", out(reg) tid, options(nostack, readonly, preserves_flags));
        tid
    }
    #[cfg(all(target_arch = "aarch64", not(target_os = "windows")))]
    {
        let tid: libc::uintptr_t;
        #[cfg(not(target_vendor = "apple"))]
        core::arch::asm!("mrs {}, tpidr_el0", out(reg) tid, options(nostack, nomem, preserves_flags));
        #[cfg(target_vendor = "apple")]
        core::arch::asm!("mrs {}, tpidrro_el0", out(reg) tid, options(nostack, nomem, preserves_flags));
        tid
    }
    #[cfg(not(any(
        all(target_arch = "x86_64", not(target_os = "windows")),
        all(target_arch = "aarch64", not(target_os = "windows"))
    )))]
    {
        _Py_GetThreadLocal_Addr()
    }
}

/// `_Py_IsOwnedByCurrentThread(ob)` (free-threaded builds).
#[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
#[inline]
pub(crate) unsafe fn _Py_IsOwnedByCurrentThread(ob: *mut PyObject) -> bool {
    ptr::read_volatile(ptr::addr_of!((*ob).ob_tid)) == _Py_ThreadId()
}

/// `_Py_IsImmortal(op)`: whether the object is immortal (3.12+).
#[cfg(Py_3_12)]
#[inline]
pub(crate) unsafe fn _Py_IsImmortal(op: *mut PyObject) -> c_int {
    #[cfg(Py_GIL_DISABLED)]
    {
        ((*op).ob_ref_local.load(Relaxed) == _Py_IMMORTAL_REFCNT_LOCAL) as c_int
    }
    #[cfg(all(not(Py_GIL_DISABLED), Py_3_14, target_pointer_width = "64"))]
    {
        // The 32-bit count, read as a signed int, is negative for immortal objects.
        ((*refcnt32_ptr(op) as i32) < 0) as c_int
    }
    #[cfg(all(not(Py_GIL_DISABLED), not(Py_3_14), target_pointer_width = "64"))]
    {
        // The low 32 bits, read as a signed int, are negative for immortal objects.
        ((*refcnt_ptr(op) as i32) < 0) as c_int
    }
    #[cfg(all(not(Py_GIL_DISABLED), not(target_pointer_width = "64")))]
    {
        (*refcnt_ptr(op) == _Py_IMMORTAL_REFCNT) as c_int
    }
}

/// `Py_REFCNT(ob)`: the object's reference count.
#[inline]
pub unsafe fn Py_REFCNT(ob: *mut PyObject) -> Py_ssize_t {
    #[cfg(Py_GIL_DISABLED)]
    {
        let local = (*ob).ob_ref_local.load(Relaxed);
        if local == _Py_IMMORTAL_REFCNT_LOCAL {
            return _Py_IMMORTAL_REFCNT;
        }
        let shared = (*ob).ob_ref_shared.load(Relaxed);
        local as Py_ssize_t + (shared >> _Py_REF_SHARED_SHIFT)
    }
    #[cfg(all(Py_3_14, not(Py_GIL_DISABLED), target_pointer_width = "64"))]
    {
        *refcnt32_ptr(ob) as Py_ssize_t
    }
    #[cfg(all(not(Py_GIL_DISABLED), not(all(Py_3_14, target_pointer_width = "64"))))]
    {
        *refcnt_ptr(ob)
    }
}

/// `Py_SET_REFCNT(ob, refcnt)`: sets the reference count (ignored for immortal objects).
#[inline]
pub unsafe fn Py_SET_REFCNT(ob: *mut PyObject, refcnt: Py_ssize_t) {
    #[cfg(all(Py_LIMITED_API, Py_3_13))]
    {
        _Py_SetRefcnt(ob, refcnt);
    }
    #[cfg(not(all(Py_LIMITED_API, Py_3_13)))]
    {
        #[cfg(Py_3_12)]
        if _Py_IsImmortal(ob) != 0 {
            return;
        }
        #[cfg(all(Py_3_14, not(Py_GIL_DISABLED), target_pointer_width = "64"))]
        {
            *refcnt32_ptr(ob) = refcnt as u32;
        }
        #[cfg(all(not(Py_GIL_DISABLED), not(all(Py_3_14, target_pointer_width = "64"))))]
        {
            *refcnt_ptr(ob) = refcnt;
        }
        #[cfg(Py_GIL_DISABLED)]
        {
            if _Py_IsOwnedByCurrentThread(ob) {
                if refcnt as usize > u32::MAX as usize {
                    // Too large for the local count: make the object immortal.
                    (*ob).ob_tid = _Py_UNOWNED_TID;
                    (*ob).ob_ref_local.store(_Py_IMMORTAL_REFCNT_LOCAL, Relaxed);
                    (*ob).ob_ref_shared.store(0, Relaxed);
                } else {
                    (*ob).ob_ref_local.store(refcnt as u32, Relaxed);
                    let flags = (*ob).ob_ref_shared.load(Relaxed) & _Py_REF_SHARED_FLAG_MASK;
                    (*ob).ob_ref_shared.store(flags, Relaxed);
                }
            } else {
                (*ob).ob_tid = _Py_UNOWNED_TID;
                (*ob).ob_ref_local.store(0, Relaxed);
                (*ob)
                    .ob_ref_shared
                    .store((refcnt << _Py_REF_SHARED_SHIFT) + _Py_REF_MERGED, Relaxed);
            }
        }
    }
}

// `Py_INCREF`/`Py_DECREF` have two implementations, selected by one condition (module
// `imp`): calls into libpython, or the header code inlined.
//
// They are calls into libpython rather than header code in
// - the limited API from 3.12 (the object header may change between versions), and the limited
//   API of debug builds: `_Py_IncRef`/`_Py_DecRef` (3.10+) or `Py_IncRef`/`Py_DecRef`;
// - non-limited debug builds (`Py_REF_DEBUG`), where the C macros also maintain the global
//   reference total and check for negative counts: calling libpython's own exported
//   functions performs exactly that bookkeeping.
pub use self::imp::{Py_DECREF, Py_INCREF};

#[cfg(any(
    all(
        Py_LIMITED_API,
        any(Py_3_12, py_sys_config = "Py_REF_DEBUG", py_sys_config = "Py_DEBUG")
    ),
    all(
        not(Py_LIMITED_API),
        any(py_sys_config = "Py_REF_DEBUG", py_sys_config = "Py_DEBUG")
    )
))]
mod imp {
    use super::*;

    /// `Py_INCREF(op)`: takes a new strong reference to `op` (must not be NULL).
    #[inline]
    pub unsafe fn Py_INCREF(op: *mut PyObject) {
        #[cfg(all(Py_3_10, not(PyPy)))]
        _Py_IncRef(op);
        #[cfg(not(all(Py_3_10, not(PyPy))))]
        Py_IncRef(op);
    }

    /// `Py_DECREF(op)`: releases a strong reference to `op` (must not be NULL); the object is
    /// deallocated when the count drops to zero.
    #[inline]
    pub unsafe fn Py_DECREF(op: *mut PyObject) {
        #[cfg(all(Py_3_10, not(PyPy)))]
        _Py_DecRef(op);
        #[cfg(not(all(Py_3_10, not(PyPy))))]
        Py_DecRef(op);
    }
}

#[cfg(not(any(
    all(
        Py_LIMITED_API,
        any(Py_3_12, py_sys_config = "Py_REF_DEBUG", py_sys_config = "Py_DEBUG")
    ),
    all(
        not(Py_LIMITED_API),
        any(py_sys_config = "Py_REF_DEBUG", py_sys_config = "Py_DEBUG")
    )
)))]
mod imp {
    use super::*;

    /// `Py_INCREF(op)`: takes a new strong reference to `op` (must not be NULL).
    #[inline(always)]
    pub unsafe fn Py_INCREF(op: *mut PyObject) {
        #[cfg(Py_GIL_DISABLED)]
        {
            let new_local = (*op).ob_ref_local.load(Relaxed).wrapping_add(1);
            if new_local == 0 {
                // The local count was _Py_IMMORTAL_REFCNT_LOCAL: immortal.
                return;
            }
            if _Py_IsOwnedByCurrentThread(op) {
                (*op).ob_ref_local.store(new_local, Relaxed);
            } else {
                (*op)
                    .ob_ref_shared
                    .fetch_add(1 << _Py_REF_SHARED_SHIFT, Relaxed);
            }
        }
        #[cfg(all(Py_3_14, not(Py_GIL_DISABLED), target_pointer_width = "64"))]
        {
            // Counts at or above the immortal initial count are left alone.
            let count = refcnt32_ptr(op);
            if *count as Py_ssize_t >= _Py_IMMORTAL_REFCNT {
                return;
            }
            *count += 1;
        }
        #[cfg(all(
            Py_3_12,
            not(Py_3_14),
            not(Py_GIL_DISABLED),
            target_pointer_width = "64"
        ))]
        {
            // CPython increments the low 32 bits and leaves a count whose low half is all ones
            // (immortal) alone. The same on the whole word gives the same count (no carry can
            // leave a low half that is not all ones) and matches `Py_DECREF`'s 64-bit access:
            // a 64-bit load right after a 32-bit store to the same word (a `Bound` made and
            // dropped in a loop) cannot be forwarded from the store and stalls for about a
            // dozen cycles, which made iterating a list of 1000 ints twice as slow.
            let count = refcnt_ptr(op);
            if *count as u32 == u32::MAX {
                return;
            }
            *count += 1;
        }
        #[cfg(all(Py_3_12, not(Py_GIL_DISABLED), not(target_pointer_width = "64")))]
        {
            if _Py_IsImmortal(op) != 0 {
                return;
            }
            *refcnt_ptr(op) += 1;
        }
        #[cfg(not(Py_3_12))]
        {
            *refcnt_ptr(op) += 1;
        }
    }

    /// `Py_DECREF(op)`: releases a strong reference to `op` (must not be NULL); the object is
    /// deallocated when the count drops to zero.
    #[inline(always)]
    pub unsafe fn Py_DECREF(op: *mut PyObject) {
        #[cfg(Py_GIL_DISABLED)]
        {
            let local = (*op).ob_ref_local.load(Relaxed);
            if local == _Py_IMMORTAL_REFCNT_LOCAL {
                return;
            }
            if _Py_IsOwnedByCurrentThread(op) {
                let local = local - 1;
                (*op).ob_ref_local.store(local, Relaxed);
                if local == 0 {
                    _Py_MergeZeroLocalRefcount(op);
                }
            } else {
                _Py_DecRefShared(op);
            }
        }
        #[cfg(not(Py_GIL_DISABLED))]
        {
            #[cfg(Py_3_12)]
            if _Py_IsImmortal(op) != 0 {
                return;
            }
            #[cfg(all(Py_3_14, target_pointer_width = "64"))]
            let refcnt = refcnt32_ptr(op);
            #[cfg(not(all(Py_3_14, target_pointer_width = "64")))]
            let refcnt = refcnt_ptr(op);
            *refcnt -= 1;
            if *refcnt == 0 {
                _Py_Dealloc(op);
            }
        }
    }
}

/// `Py_CLEAR(op)`: sets `*op` to NULL, then releases the reference it held (if any).
#[inline]
pub unsafe fn Py_CLEAR(op: *mut *mut PyObject) {
    let old = *op;
    if !old.is_null() {
        *op = ptr::null_mut();
        Py_DECREF(old);
    }
}

/// `Py_XINCREF(op)`: [`Py_INCREF`] that accepts NULL.
#[inline]
pub unsafe fn Py_XINCREF(op: *mut PyObject) {
    if !op.is_null() {
        Py_INCREF(op);
    }
}

/// `Py_XDECREF(op)`: [`Py_DECREF`] that accepts NULL.
#[inline]
pub unsafe fn Py_XDECREF(op: *mut PyObject) {
    if !op.is_null() {
        Py_DECREF(op);
    }
}

/// `Py_NewRef(obj)`: takes a new strong reference and returns `obj`.
#[inline]
pub unsafe fn Py_NewRef(obj: *mut PyObject) -> *mut PyObject {
    Py_INCREF(obj);
    obj
}

/// `Py_XNewRef(obj)`: [`Py_NewRef`] that accepts NULL.
#[inline]
pub unsafe fn Py_XNewRef(obj: *mut PyObject) -> *mut PyObject {
    Py_XINCREF(obj);
    obj
}
