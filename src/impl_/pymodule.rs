//! Runtime support for `#[pymodule]`: module definitions with multi-phase initialisation
//! (PEP 489), submodules, `wrap_pymodule!` and `append_to_inittab!`.
//!
//! `PyInit_<name>` returns `PyModuleDef_Init(def)`; the interpreter then creates the module
//! object and runs the `Py_mod_exec` slot, which calls the user's initializer. Sub-interpreters
//! are refused: on 3.12+ through the `Py_mod_multiple_interpreters` slot, and on every version
//! by remembering the interpreter that first executed the module and raising `ImportError` in
//! any other one. On 3.13+ the `Py_mod_gil` slot declares whether the module needs the GIL
//! (`#[pymodule(gil_used = ...)]`, default `false`).

use std::cell::UnsafeCell;
use std::ffi::{c_int, c_void, CStr};
use std::marker::PhantomData;
use std::sync::atomic::AtomicI64;
#[cfg(not(any(PyPy, GraalPy)))]
use std::sync::atomic::Ordering;

#[cfg(not(any(PyPy, GraalPy)))]
use crate::exceptions::PyImportError;
use crate::types::PyModule;
use crate::{ffi, Bound, IntoPyObject, Py, PyErr, PyResult, PyTypeInfo, Python};

/// The user's initializer: adds the module's content.
pub struct ModuleInitializer(pub for<'py> fn(&Bound<'py, PyModule>) -> PyResult<()>);

const N_SLOTS: usize = 4;

/// A module definition, in static memory.
pub struct ModuleDef {
    ffi_def: UnsafeCell<ffi::PyModuleDef>,
    slots: UnsafeCell<[ffi::PyModuleDef_Slot; N_SLOTS]>,
    name: &'static CStr,
    full_name: &'static str,
    doc: Option<&'static CStr>,
    // Only read by `append_to_inittab`, which PyPy (not embeddable) does not have.
    #[cfg_attr(PyPy, allow(dead_code))]
    pyinit: unsafe extern "C" fn() -> *mut ffi::PyObject,
    initializer: ModuleInitializer,
    // The id of the interpreter that imported the module; PyPy has no sub-interpreters.
    #[cfg_attr(any(PyPy, GraalPy), allow(dead_code))]
    interpreter: AtomicI64,
}

// SAFETY: the ffi structures are only written by the interpreter (with the import lock held)
// and by `init_multi_phase` before handing the definition over.
unsafe impl Sync for ModuleDef {}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
use super::pymodule_abi_guard::check as abi_matches;

/// Stable-ABI modules load in any CPython at or above their minimum (which the build checks),
/// and PyPy/GraalPy tag and load their own modules: nothing to compare.
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
unsafe fn abi_matches() -> bool {
    true
}

const fn slot(slot: c_int, value: *mut c_void) -> ffi::PyModuleDef_Slot {
    ffi::PyModuleDef_Slot { slot, value }
}

impl ModuleDef {
    /// Builds a definition. `exec` is the generated `Py_mod_exec` function (calling
    /// [`ModuleDef::exec`]), `pyinit` the generated `PyInit_` function.
    pub const fn new(
        name: &'static CStr,
        full_name: &'static str,
        doc: Option<&'static CStr>,
        exec: unsafe extern "C" fn(*mut ffi::PyObject) -> c_int,
        pyinit: unsafe extern "C" fn() -> *mut ffi::PyObject,
        initializer: ModuleInitializer,
        gil_used: bool,
    ) -> Self {
        let _ = gil_used;
        let mut slots = [slot(0, std::ptr::null_mut()); N_SLOTS];
        slots[0] = slot(ffi::Py_mod_exec, exec as *mut c_void);
        #[allow(unused_mut)]
        let mut next = 1;
        #[cfg(all(Py_3_12, not(any(PyPy, GraalPy))))]
        {
            slots[next] = slot(
                ffi::Py_mod_multiple_interpreters,
                ffi::Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED,
            );
            next += 1;
        }
        #[cfg(all(Py_3_13, not(any(PyPy, GraalPy))))]
        {
            slots[next] = slot(
                ffi::Py_mod_gil,
                if gil_used {
                    ffi::Py_MOD_GIL_USED
                } else {
                    ffi::Py_MOD_GIL_NOT_USED
                },
            );
            next += 1;
        }
        let _ = next;
        let doc_ptr = match doc {
            Some(d) => d.as_ptr(),
            None => std::ptr::null(),
        };
        ModuleDef {
            ffi_def: UnsafeCell::new(ffi::PyModuleDef {
                m_base: ffi::PyModuleDef_HEAD_INIT,
                m_name: name.as_ptr(),
                m_doc: doc_ptr,
                m_size: 0,
                m_methods: std::ptr::null_mut(),
                m_slots: std::ptr::null_mut(),
                m_traverse: None,
                m_clear: None,
                m_free: None,
            }),
            slots: UnsafeCell::new(slots),
            name,
            full_name,
            doc,
            pyinit,
            initializer,
            interpreter: AtomicI64::new(-1),
        }
    }

    /// The module's (short) Python name.
    pub fn name(&self) -> &'static str {
        self.name.to_str().unwrap_or("<invalid>")
    }

    /// Body of `PyInit_<name>`: hands the definition to the interpreter (multi-phase init).
    ///
    /// # Safety
    /// Must be called by the interpreter's import machinery.
    pub unsafe fn init_multi_phase(&'static self) -> *mut ffi::PyObject {
        // A module compiled for another kind of interpreter refuses to load (ImportError with
        // the fix) before the interpreter reads a definition whose layout may not match.
        // SAFETY: `PyInit_<name>` runs attached.
        if !unsafe { abi_matches() } {
            return std::ptr::null_mut();
        }
        // SAFETY: called with the import lock held, before the interpreter reads the def.
        unsafe {
            let def = self.ffi_def.get();
            (*def).m_slots = self.slots.get().cast();
            ffi::PyModuleDef_Init(def)
        }
    }

    fn check_interpreter(&self, py: Python<'_>) -> PyResult<()> {
        #[cfg(not(any(PyPy, GraalPy)))]
        {
            // SAFETY: attached.
            let id = unsafe { ffi::PyInterpreterState_GetID(ffi::PyInterpreterState_Get()) };
            if id == -1 {
                return Err(PyErr::fetch(py));
            }
            match self
                .interpreter
                .compare_exchange(-1, id, Ordering::SeqCst, Ordering::SeqCst)
            {
                Ok(_) => {}
                Err(first) if first == id => {}
                Err(_) => {
                    return Err(PyImportError::new_err(
                        "PyO3 modules do not yet support subinterpreters, see https://github.com/PyO3/pyo3/issues/576",
                    ))
                }
            }
        }
        let _ = py;
        Ok(())
    }

    /// Body of the `Py_mod_exec` slot: runs the initializer on the new module.
    ///
    /// # Safety
    /// Must be called by the interpreter with a module object.
    pub unsafe fn exec(&'static self, module: *mut ffi::PyObject) -> c_int {
        let this = std::panic::AssertUnwindSafe(self);
        unsafe {
            crate::impl_::trampoline::trampoline(move |py| {
                let this = this;
                let this: &'static ModuleDef = this.0;
                this.check_interpreter(py)?;
                let module: Bound<'_, PyModule> =
                    Bound::from_borrowed_ptr(py, module).cast_into_unchecked();
                (this.initializer.0)(&module)?;
                Ok(0)
            })
        }
    }

    /// Creates a module object from this definition without the import system (submodules,
    /// `wrap_pymodule!`). Its `__name__` is the full dotted name when the parent is known.
    pub fn make_module(&'static self, py: Python<'_>) -> PyResult<Py<PyModule>> {
        self.check_interpreter(py)?;
        let name = crate::types::PyString::new(py, self.full_name);
        // SAFETY: attached.
        let module: Bound<'_, PyModule> = unsafe {
            Bound::from_owned_ptr_or_err(py, ffi::PyModule_NewObject(name.as_ptr()))?
                .cast_into_unchecked()
        };
        if let Some(doc) = self.doc {
            set_module_doc(&module, doc)?;
        }
        (self.initializer.0)(&module)?;
        Ok(module.unbind())
    }
}

/// The `_PYO3_DEF` of a module: a function returning its static definition.
#[derive(Clone, Copy)]
pub struct ModuleDefRef(pub fn() -> &'static ModuleDef);

impl ModuleDefRef {
    /// The definition.
    pub fn def(&self) -> &'static ModuleDef {
        (self.0)()
    }

    /// Creates the module object (see [`ModuleDef::make_module`]).
    pub fn make_module(&self, py: Python<'_>) -> PyResult<Py<PyModule>> {
        self.def().make_module(py)
    }

    /// Adds the module as a submodule of `parent`. As in PyO3 it is not registered in
    /// `sys.modules` (so `import parent.child` needs the module's init to put it there).
    pub fn add_to_module(&self, parent: &Bound<'_, PyModule>) -> PyResult<()> {
        let def = self.def();
        let sub = def.make_module(parent.py())?;
        export_item_cstr(parent, def.name, sub.as_ptr())
    }

    /// Registers the module in the interpreter's builtin module table (before initialisation).
    ///
    /// # Safety
    /// Must be called before the interpreter is initialised, from one thread.
    #[cfg(not(PyPy))]
    pub unsafe fn append_to_inittab(&self) {
        if unsafe { ffi::Py_IsInitialized() } != 0 {
            panic!("called `append_to_inittab` but a Python interpreter is already running.");
        }
        let def = self.def();
        unsafe {
            ffi::PyImport_AppendInittab(def.name.as_ptr(), Some(def.pyinit));
        }
    }
}

/// Sets `module.<name> = value` and lists `name` in the module's `__all__`, as
/// `PyModuleMethods::add` does: what a declarative module exports (functions, classes,
/// constants, submodules) is exactly what `from module import *` gives, as in PyO3.
///
/// # Safety
/// `name` and `value` must be valid object pointers (borrowed) of an attached thread.
pub(crate) unsafe fn export_item(
    module: &Bound<'_, PyModule>,
    name: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
) -> PyResult<()> {
    use crate::types::{PyListMethods, PyModuleMethods};
    let py = module.py();
    let name = unsafe { crate::Borrowed::from_ptr(py, name) };
    module.index()?.append(name)?;
    if unsafe { ffi::PyObject_SetAttr(module.as_ptr(), name.as_ptr(), value) } != 0 {
        return Err(PyErr::fetch(py));
    }
    Ok(())
}

/// [`export_item`] with the name given as a C string.
pub(crate) fn export_item_cstr(
    module: &Bound<'_, PyModule>,
    name: &CStr,
    value: *mut ffi::PyObject,
) -> PyResult<()> {
    let py = module.py();
    let key =
        unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyUnicode_FromString(name.as_ptr()))? };
    unsafe { export_item(module, key.as_ptr(), value) }
}

/// Adds a type to a module under its `__name__` (`#[pymodule_export] use SomeType;`).
pub struct AddType<T>(PhantomData<T>);

impl<T: PyTypeInfo> AddType<T> {
    /// Adds `T`'s type object to `module`.
    pub fn add_to_module(&self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        let py = module.py();
        let ty = T::type_object(py);
        let name = unsafe {
            Bound::from_owned_ptr_or_err(
                py,
                ffi::PyObject_GetAttrString(ty.as_ptr(), c"__name__".as_ptr()),
            )?
        };
        unsafe { export_item(module, name.as_ptr(), ty.as_ptr()) }
    }
}

/// Gives every Python type a `_PYO3_DEF` so that `#[pymodule_export]` can add it (functions
/// and modules have their own inherent `_PYO3_DEF`, which takes precedence).
pub trait AddTypeToModule: PyTypeInfo {
    /// The adder.
    const _PYO3_DEF: AddType<Self> = AddType(PhantomData);
}

impl<T: PyTypeInfo> AddTypeToModule for T {}

/// Adds a constant (`#[pymodule_export] const X: T = ...;`).
pub fn add_constant<'py, T: IntoPyObject<'py>>(
    module: &Bound<'py, PyModule>,
    name: &str,
    value: T,
) -> PyResult<()> {
    let py = module.py();
    let value = crate::impl_::intopyobject::to_any(py, value)?;
    let key = crate::types::PyString::new(py, name);
    unsafe { export_item(module, key.as_ptr(), value.as_ptr()) }
}

/// What a module initializer may return: `()` or `Result<(), E>`.
pub trait ModuleInitResult {
    /// As a `PyResult`.
    fn into_init_result(self) -> PyResult<()>;
}

impl ModuleInitResult for () {
    #[inline]
    fn into_init_result(self) -> PyResult<()> {
        Ok(())
    }
}

impl<E: Into<PyErr>> ModuleInitResult for Result<(), E> {
    #[inline]
    fn into_init_result(self) -> PyResult<()> {
        self.map_err(Into::into)
    }
}

/// Normalises the result of a module initializer (`#[pymodule]` fn or `#[pymodule_init]`).
#[inline]
pub fn module_init_result(result: impl ModuleInitResult) -> PyResult<()> {
    result.into_init_result()
}

/// The module argument of a `#[pymodule]` function, by value or by reference.
pub trait ModuleArg<'py> {
    /// The module.
    fn module(&self) -> &Bound<'py, PyModule>;
}

impl<'py> ModuleArg<'py> for Bound<'py, PyModule> {
    fn module(&self) -> &Bound<'py, PyModule> {
        self
    }
}

impl<'py> ModuleArg<'py> for &Bound<'py, PyModule> {
    fn module(&self) -> &Bound<'py, PyModule> {
        self
    }
}

/// Adds a `#[pyfn(m)]` function to `m`.
pub fn add_pyfn<'py>(
    m: &impl ModuleArg<'py>,
    def: &'static crate::impl_::pyfunction::PyFunctionDef,
) -> PyResult<()> {
    use crate::impl_::pyfunction::WrapPyFunctionArg;
    use crate::types::PyModuleMethods;
    let m = m.module();
    let f = WrapPyFunctionArg::wrap_pyfunction(m, def)?;
    m.add_function(f)
}

/// Runs `code` (dedented) with `locals` for `py_run!`; on error prints it and panics.
///
/// Generic over the code's type so that `py_run!(py, x, code)` leaves the type of `code` to
/// the caller (a closure parameter given `&str` later, a `String`, ...).
pub fn run_code<C: AsRef<str> + ?Sized>(
    py: Python<'_>,
    code: &C,
    locals: &Bound<'_, crate::PyAny>,
) {
    let code = dedent(code.as_ref());
    let c = std::ffi::CString::new(code.clone()).expect("py_run! code contains a NUL byte");
    let locals = locals
        .cast::<crate::types::PyDict>()
        .expect("py_run! locals must be a dict");
    if let Err(err) = py.run(&c, None, Some(locals)) {
        err.print(py);
        panic!("{}", code);
    }
}

/// Removes the common leading indentation of all non-blank lines.
pub fn dedent(code: &str) -> String {
    // A first line that starts right after the opening quote (`"import x\n    more"`) has no
    // indentation of its own: it does not count for the common indentation.
    let first_unindented = code
        .lines()
        .next()
        .is_some_and(|l| !l.trim().is_empty() && !l.starts_with(char::is_whitespace));
    let skip = usize::from(first_unindented);
    let indent = code
        .lines()
        .skip(skip)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for (i, line) in code.lines().enumerate() {
        if i < skip {
            out.push_str(line);
        } else if line.len() >= indent {
            out.push_str(&line[indent..]);
        } else {
            out.push_str(line.trim_start());
        }
        out.push('\n');
    }
    out
}

/// Sets the module's `__doc__` (`PyModule_SetDocString`, which PyPy lacks: there the attribute
/// is set directly, which is what the C function does).
fn set_module_doc(module: &Bound<'_, PyModule>, doc: &'static CStr) -> PyResult<()> {
    #[cfg(not(PyPy))]
    {
        // SAFETY: attached; a module and a NUL-terminated string.
        if unsafe { ffi::PyModule_SetDocString(module.as_ptr(), doc.as_ptr()) } != 0 {
            return Err(PyErr::fetch(module.py()));
        }
        Ok(())
    }
    #[cfg(PyPy)]
    {
        use crate::types::PyAnyMethods;
        module.setattr(
            crate::intern!(module.py(), "__doc__"),
            doc.to_string_lossy(),
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dedent() {
        assert_eq!(super::dedent("\n    a\n      b\n"), "\na\n  b\n");
        assert_eq!(super::dedent("a;\n    b\n      c"), "a;\nb\n  c\n");
        assert_eq!(super::dedent("  a\n    b"), "a\n  b\n");
    }
}
