//! The heap type of a `#[pyclass]`: created lazily from a spec, once, with its slots,
//! methods, descriptors and class attributes.

use super::*;

/// The type object of a `#[pyclass]`, created on first use.
///
/// Creation has two steps: the type object itself, then its class attributes (`#[classattr]`),
/// which may create instances of the class and so need the type object. The type is only
/// handed out once both are done (a failing class attribute leaves it unusable, and the next
/// use tries again), except to the thread filling the attributes.
pub struct LazyTypeObject<T> {
    ty: OnceLock<Py<PyType>>,
    /// The class attributes are set.
    complete: std::sync::atomic::AtomicBool,
    /// Threads setting the class attributes (they may use the type meanwhile).
    initializing: std::sync::Mutex<Vec<std::thread::ThreadId>>,
    _marker: PhantomData<T>,
}

// SAFETY: holds only a `Py<PyType>` and thread-safe bookkeeping.
unsafe impl<T> Sync for LazyTypeObject<T> {}

impl<T> LazyTypeObject<T> {
    /// An uninitialised cell.
    pub const fn new() -> Self {
        LazyTypeObject {
            ty: OnceLock::new(),
            complete: std::sync::atomic::AtomicBool::new(false),
            initializing: std::sync::Mutex::new(Vec::new()),
            _marker: PhantomData,
        }
    }
}

impl<T> Default for LazyTypeObject<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Removes the current thread from the initializing list, also on unwind.
struct Initializing<'a>(&'a std::sync::Mutex<Vec<std::thread::ThreadId>>);

impl Drop for Initializing<'_> {
    fn drop(&mut self) {
        let me = std::thread::current().id();
        let mut list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        list.retain(|id| *id != me);
    }
}

/// `PyTypeInfo::type_object_raw` of a `#[pyclass]` (its lazily created type object), so that
/// the generated impl is one call.
#[inline]
pub fn class_type_object<T: PyClass + PyClassImpl>(py: Python<'_>) -> *mut ffi::PyTypeObject {
    T::lazy_type_object().get_or_init(py).as_ptr().cast()
}

impl<T: PyClass> LazyTypeObject<T> {
    /// The type object; panics (after printing the error) if it cannot be created.
    // Inlined: every type check of a receiver or operand asks for the type object, and once
    // it exists that is two loads; creating it and failing stay out of line.
    #[inline]
    pub fn get_or_init<'py>(&self, py: Python<'py>) -> &Bound<'py, PyType> {
        match self.get_or_try_init(py) {
            Ok(t) => t,
            Err(e) => Self::init_failed(py, e),
        }
    }

    #[cold]
    #[inline(never)]
    fn init_failed(py: Python<'_>, e: PyErr) -> ! {
        // Reported through `sys.unraisablehook` with the whole chain of causes.
        let msg = format!("An error occurred while initializing class {}", T::PY_NAME);
        let err = crate::exceptions::PyRuntimeError::new_err(msg.clone());
        err.set_cause(py, Some(e));
        err.write_unraisable(py, None);
        panic!("{msg}")
    }

    /// The type object, or the error creating it.
    #[inline]
    pub fn get_or_try_init<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyType>> {
        if self.complete.load(Ordering::Acquire) {
            if let Some(t) = self.ty.get() {
                return Ok(t.bind(py));
            }
        }
        self.init(py)
    }

    #[cold]
    fn init<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyType>> {
        // Non-generic: one copy of the creation code for all classes, not one per class.
        init_type(
            py,
            &self.ty,
            &self.complete,
            &self.initializing,
            create_type_object::<T>,
            T::items(),
            T::PY_NAME,
            T::IMMUTABLE_TYPE,
        )
    }
}

/// [`LazyTypeObject::init`]: creates the type object with `create` unless it exists, then
/// sets the class attributes found in `items`.
#[allow(clippy::too_many_arguments)]
fn init_type<'a, 'py>(
    py: Python<'py>,
    cell: &'a OnceLock<Py<PyType>>,
    complete: &std::sync::atomic::AtomicBool,
    initializing: &std::sync::Mutex<Vec<std::thread::ThreadId>>,
    create: fn(Python<'_>) -> PyResult<Py<PyType>>,
    items: [&'static PyClassItems; 2],
    py_name: &str,
    immutable: bool,
) -> PyResult<&'a Bound<'py, PyType>> {
    let ty = match cell.get() {
        Some(t) => t,
        None => {
            let t = create(py)?;
            let _ = cell.set(t);
            cell.get().expect("just set")
        }
    };
    let ty = ty.bind(py);
    let me = std::thread::current().id();
    {
        let mut list = initializing.lock().unwrap_or_else(|e| e.into_inner());
        if list.contains(&me) {
            // A class attribute of this class being built uses the class.
            return Ok(ty);
        }
        list.push(me);
    }
    let guard = Initializing(initializing);
    for (name, make) in class_attrs(items) {
        let value = make(py).map_err(|e| {
            let err = crate::exceptions::PyRuntimeError::new_err(format!(
                "An error occurred while initializing `{py_name}.{name}`"
            ));
            err.set_cause(py, Some(e));
            err
        })?;
        set_type_attr(py, ty, name, value, immutable)?;
    }
    drop(guard);
    complete.store(true, Ordering::Release);
    Ok(ty)
}

/// The `#[classattr]`s among a class's items.
fn class_attrs(
    items: [&'static PyClassItems; 2],
) -> impl Iterator<Item = (&'static str, ClassAttrFn)> {
    items
        .into_iter()
        .flat_map(|items| items.methods.iter())
        .filter_map(|m| match m {
            PyMethodDefType::ClassAttribute(name, make) => Some((*name, *make)),
            _ => None,
        })
}

/// Sets a class attribute. Through `type.__setattr__` where possible, so that dunder
/// attributes update the type's slots as for a Python class (`__contains__ = None` disables
/// `in`); immutable types only accept a write to their dict.
fn set_type_attr(
    py: Python<'_>,
    ty: &Bound<'_, PyType>,
    name: &str,
    value: Py<PyAny>,
    immutable: bool,
) -> PyResult<()> {
    let key = crate::types::PyString::new(py, name);
    #[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
    if immutable {
        unsafe {
            let tp = ty.as_ptr().cast::<ffi::PyTypeObject>();
            let dict = (*tp).tp_dict;
            if ffi::PyDict_SetItem(dict, key.as_ptr(), value.as_ptr()) != 0 {
                return Err(PyErr::fetch(py));
            }
            ffi::PyType_Modified(tp);
            return Ok(());
        }
    }
    let _ = immutable;
    unsafe {
        if ffi::PyObject_SetAttr(ty.as_ptr(), key.as_ptr(), value.as_ptr()) != 0 {
            return Err(PyErr::fetch(py));
        }
        Ok(())
    }
}

/// The setter and deleter of one getset descriptor (its getter is a C function of its own).
struct GetSetClosure {
    set: Option<SetterFn>,
    del: Option<SetterFn>,
}

unsafe extern "C" fn getset_set(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
) -> c_int {
    let c = unsafe { &*(closure as *const GetSetClosure) };
    let f = if value.is_null() && c.del.is_some() {
        c.del
    } else {
        c.set
    };
    let data = std::panic::AssertUnwindSafe((slf, value));
    unsafe {
        trampoline(move |py| {
            let (slf, value) = data.0;
            match f {
                Some(f) => f(py, slf, value),
                None if value.is_null() => Err(crate::exceptions::PyAttributeError::new_err(
                    "property has no deleter",
                )),
                // PyO3's wording for a property with a getter and deleter but no setter.
                None => Err(crate::exceptions::PyAttributeError::new_err(
                    "property has no setter",
                )),
            }
        })
    }
}

/// The `__dict__` slot of `obj`. Reads and writes of it happen in the object's critical
/// section (as CPython's own `__dict__` descriptor does): on free-threaded builds two threads
/// assigning `obj.__dict__` would otherwise both release the same old dict.
unsafe fn dict_slot<T: PyClassImpl>(obj: *mut ffi::PyObject) -> *mut *mut ffi::PyObject {
    unsafe { std::ptr::addr_of_mut!((*obj.cast::<PyClassObject<T>>()).contents.dict) }
}

unsafe extern "C" fn dict_get<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    _closure: *mut c_void,
) -> *mut ffi::PyObject {
    unsafe {
        let py = Python::assume_attached();
        let this = crate::Borrowed::from_ptr(py, obj);
        crate::sync::critical_section::with_critical_section(&this, || {
            let slot = dict_slot::<T>(obj);
            if (*slot).is_null() {
                *slot = ffi::PyDict_New();
                if (*slot).is_null() {
                    return std::ptr::null_mut();
                }
            }
            ffi::Py_IncRef(*slot);
            *slot
        })
    }
}

unsafe extern "C" fn dict_set<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    _closure: *mut c_void,
) -> c_int {
    unsafe {
        if value.is_null() {
            ffi::PyErr_SetString(ffi::PyExc_TypeError, c"cannot delete __dict__".as_ptr());
            return -1;
        }
        if ffi::PyDict_Check(value) == 0 {
            ffi::PyErr_SetString(
                ffi::PyExc_TypeError,
                c"__dict__ must be set to a dictionary".as_ptr(),
            );
            return -1;
        }
        let py = Python::assume_attached();
        let this = crate::Borrowed::from_ptr(py, obj);
        ffi::Py_IncRef(value);
        let old = crate::sync::critical_section::with_critical_section(&this, || {
            std::mem::replace(&mut *dict_slot::<T>(obj), value)
        });
        // Released outside the critical section: it may run arbitrary code.
        if !old.is_null() {
            ffi::Py_DecRef(old);
        }
        0
    }
}

unsafe extern "C" fn sq_item_via_getitem(
    obj: *mut ffi::PyObject,
    index: ffi::Py_ssize_t,
) -> *mut ffi::PyObject {
    unsafe {
        let key = ffi::PyLong_FromSsize_t(index);
        if key.is_null() {
            return std::ptr::null_mut();
        }
        let r = ffi::PyObject_GetItem(obj, key);
        ffi::Py_DecRef(key);
        r
    }
}

unsafe extern "C" fn sq_ass_item_via_setitem(
    obj: *mut ffi::PyObject,
    index: ffi::Py_ssize_t,
    value: *mut ffi::PyObject,
) -> c_int {
    unsafe {
        let key = ffi::PyLong_FromSsize_t(index);
        if key.is_null() {
            return -1;
        }
        let r = if value.is_null() {
            ffi::PyObject_DelItem(obj, key)
        } else {
            ffi::PyObject_SetItem(obj, key, value)
        };
        ffi::Py_DecRef(key);
        r
    }
}

/// `tp_new` of a class without `#[new]` where `Py_TPFLAGS_DISALLOW_INSTANTIATION` does not
/// apply (before 3.10): raises what CPython raises for a type with that flag.
unsafe extern "C" fn no_constructor(
    subtype: *mut ffi::PyTypeObject,
    _args: *mut ffi::PyObject,
    _kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    unsafe {
        trampoline(|py| -> PyResult<*mut ffi::PyObject> {
            #[cfg(not(Py_LIMITED_API))]
            let name = {
                let _ = py;
                std::ffi::CStr::from_ptr((*subtype).tp_name)
                    .to_string_lossy()
                    .into_owned()
            };
            // `tp_name` is not readable here; a heap type's is `__module__.__name__`.
            #[cfg(Py_LIMITED_API)]
            let name = {
                use crate::types::PyAnyMethods;
                let ty = crate::Borrowed::from_ptr(py, subtype.cast::<ffi::PyObject>());
                format!(
                    "{}.{}",
                    ty.getattr(crate::intern!(py, "__module__"))?,
                    ty.getattr(crate::intern!(py, "__name__"))?
                )
            };
            Err(PyTypeError::new_err(format!(
                "cannot create '{name}' instances"
            )))
        })
    }
}

/// The type's spec name, its `tp_name`: `module.Name`, or `builtins.Name` without a module.
fn spec_name(module: Option<&str>, py_name: &str) -> String {
    // Without a module the class says it is a builtin, as PyO3's do: a dotless spec name
    // would leave `__module__` unset (CPython 3.10+ warns about that at creation).
    format!("{}.{}", module.unwrap_or("builtins"), py_name)
}

/// Refuses a base whose instances are larger than the layout `T` places its fields after
/// (CPython's own fields of the base would overlap them) or variable-sized.
#[cfg(not(Py_LIMITED_API))]
fn check_base_layout<T: PyClass>(base: *mut ffi::PyTypeObject) -> PyResult<()> {
    // SAFETY: a live type object.
    let (basicsize, itemsize) = unsafe { ((*base).tp_basicsize, (*base).tp_itemsize) };
    let layout = std::mem::size_of::<<T::BaseType as PyClassBaseType>::LayoutAsBase>();
    if itemsize != 0 || layout < basicsize as usize {
        return Err(PyTypeError::new_err(format!(
            "cannot create class {}: instances of its base are {} bytes (item size {}), \
             its layout assumes {}",
            T::PY_NAME,
            basicsize,
            itemsize,
            layout
        )));
    }
    Ok(())
}

/// Builds the heap type of `T` (without its class attributes): collects what depends on `T`
/// and hands it to the non-generic [`create_from_spec`], so the creation code exists once
/// in a binary rather than once per class.
fn create_type_object<T: PyClass>(py: Python<'_>) -> PyResult<Py<PyType>> {
    let base = <T::BaseType as PyTypeInfo>::type_object_raw(py);
    // Native bases other than `object` exist only on the full API, where sizes are readable.
    #[cfg(not(Py_LIMITED_API))]
    check_base_layout::<T>(base)?;
    let spec = ClassSpec {
        items: T::items(),
        py_name: T::PY_NAME,
        doc: T::DOC,
        module: T::MODULE_NAME,
        is_sequence: T::IS_SEQUENCE,
        is_mapping: T::IS_MAPPING,
        is_basetype: T::IS_BASETYPE,
        immutable: T::IMMUTABLE_TYPE,
        base,
        basicsize: std::mem::size_of::<PyClassObject<T>>() as c_int,
        dict: if T::HAS_DICT {
            Some((
                dict_get::<T>,
                dict_set::<T>,
                PyClassObject::<T>::dict_offset(),
            ))
        } else {
            None
        },
        weaklist_offset: if T::HAS_WEAKREF {
            Some(PyClassObject::<T>::weaklist_offset())
        } else {
            None
        },
        dealloc: tp_dealloc::<T> as *mut c_void,
        traverse_all: tp_traverse_all::<T> as *mut c_void,
        clear_dict: tp_clear_dict::<T> as *mut c_void,
    };
    create_from_spec(py, &spec)
}

/// Everything about a class that [`create_from_spec`] needs, taken from its `PyClassImpl`.
struct ClassSpec {
    items: [&'static PyClassItems; 2],
    py_name: &'static str,
    doc: &'static str,
    module: Option<&'static str>,
    is_sequence: bool,
    is_mapping: bool,
    is_basetype: bool,
    /// `immutable_type` (only where the build can create immutable types).
    #[cfg_attr(not(any(all(Py_3_10, not(Py_LIMITED_API)), Py_3_14)), allow(dead_code))]
    immutable: bool,
    base: *mut ffi::PyTypeObject,
    basicsize: c_int,
    /// `__dict__` getter, setter and offset (`dict` option).
    dict: Option<(ffi::getter, ffi::setter, usize)>,
    /// Offset of the weak reference list (`weakref` option).
    weaklist_offset: Option<usize>,
    /// The slot functions instantiated for the class.
    dealloc: *mut c_void,
    traverse_all: *mut c_void,
    clear_dict: *mut c_void,
}

/// Builds a heap type from `c` (without its class attributes).
fn create_from_spec(py: Python<'_>, c: &ClassSpec) -> PyResult<Py<PyType>> {
    let mut slots: Vec<ffi::PyType_Slot> = Vec::new();
    let mut methods: Vec<ffi::PyMethodDef> = Vec::new();
    #[allow(clippy::type_complexity)]
    let mut getsets: Vec<(
        &'static CStr,
        Option<ffi::getter>,
        Option<SetterFn>,
        Option<&'static CStr>,
        Option<SetterFn>,
    )> = Vec::new();
    let mut has_new = false;
    let mut has_traverse = false;
    let mut has_clear = false;
    let mut text_signature = None;
    let mut has_subscript = false;
    let mut has_sq_item = false;
    let mut has_ass_subscript = false;
    let mut has_sq_ass_item = false;
    for items in c.items {
        if items.text_signature.is_some() {
            text_signature = items.text_signature;
        }
        for s in items.slots {
            match s.slot {
                ffi::Py_tp_new => has_new = true,
                ffi::Py_tp_traverse => has_traverse = true,
                ffi::Py_tp_clear => has_clear = true,
                ffi::Py_mp_subscript => has_subscript = true,
                ffi::Py_sq_item => has_sq_item = true,
                ffi::Py_mp_ass_subscript => has_ass_subscript = true,
                ffi::Py_sq_ass_item => has_sq_ass_item = true,
                ffi::Py_sq_length if !c.is_sequence => continue,
                _ => {}
            }
            // `__len__` is registered once, as `mp_length`: a `sequence` has a length only
            // as a sequence (not `PyMapping_Length`).
            let slot = match s.slot {
                ffi::Py_mp_length if c.is_sequence => ffi::Py_sq_length,
                slot => slot,
            };
            slots.push(ffi::PyType_Slot {
                slot,
                pfunc: s.pfunc,
            });
        }
        for m in items.methods {
            match m {
                PyMethodDefType::Method(d) => methods.push(d.method_def(0)),
                PyMethodDefType::Class(d) => methods.push(d.method_def(ffi::METH_CLASS)),
                PyMethodDefType::Static(d) => methods.push(d.method_def(ffi::METH_STATIC)),
                PyMethodDefType::ClassAttribute(..) => {}
                PyMethodDefType::Getter(name, f, doc) => {
                    match getsets.iter_mut().find(|g| g.0 == *name) {
                        Some(g) => {
                            g.1 = Some(*f);
                            g.3 = g.3.or(*doc);
                        }
                        None => getsets.push((name, Some(*f), None, *doc, None)),
                    }
                }
                PyMethodDefType::Setter(name, f, doc) => {
                    match getsets.iter_mut().find(|g| g.0 == *name) {
                        Some(g) => {
                            g.2 = Some(*f);
                            g.3 = g.3.or(*doc);
                        }
                        None => getsets.push((name, None, Some(*f), *doc, None)),
                    }
                }
                PyMethodDefType::Deleter(name, f, doc) => {
                    match getsets.iter_mut().find(|g| g.0 == *name) {
                        Some(g) => {
                            g.4 = Some(*f);
                            g.3 = g.3.or(*doc);
                        }
                        None => getsets.push((name, None, None, *doc, Some(*f))),
                    }
                }
            }
        }
    }
    if has_ass_subscript && !has_sq_ass_item && !c.is_mapping {
        // `PySequence_SetItem` / `DelItem` fall back to `__setitem__` / `__delitem__`.
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_sq_ass_item,
            pfunc: sq_ass_item_via_setitem as *mut c_void,
        });
    }
    if has_subscript && !has_sq_item && !c.is_mapping {
        // Iteration and `PySequence_GetItem` fall back to `__getitem__` with an int.
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_sq_item,
            pfunc: sq_item_via_getitem as *mut c_void,
        });
    }
    // Without `#[new]` the class cannot be instantiated from Python: CPython's own flag where
    // it exists (3.10+: `PyType_Ready` then sets `tp_new` to NULL, also for Python
    // subclasses, whatever the slot says), and a refusing `tp_new` for interpreters without
    // it (before 3.10, and PyPy, should it not honour the flag), with CPython's message.
    if !has_new {
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_new,
            pfunc: no_constructor as *mut c_void,
        });
    }
    slots.push(ffi::PyType_Slot {
        slot: ffi::Py_tp_dealloc,
        pfunc: c.dealloc,
    });
    // Every class is a GC type (its values may hold Python objects).
    if !has_traverse {
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_traverse,
            pfunc: c.traverse_all,
        });
        if !has_clear {
            slots.push(ffi::PyType_Slot {
                slot: ffi::Py_tp_clear,
                pfunc: c.clear_dict,
            });
        }
    }
    let doc = match text_signature {
        Some(sig) => format!("{}{}\n--\n\n{}", c.py_name, sig, c.doc),
        None => c.doc.to_string(),
    };
    // CPython copies `tp_doc` out of the spec: this only has to outlive the creation call.
    let doc = (!doc.is_empty()).then(|| CString::new(doc.replace('\0', "")).unwrap());
    if let Some(doc) = &doc {
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_doc,
            pfunc: doc.as_ptr() as *mut c_void,
        });
    }
    if !methods.is_empty() {
        methods.push(ffi::PyMethodDef::zeroed());
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_methods,
            pfunc: Box::leak(methods.into_boxed_slice()).as_mut_ptr().cast(),
        });
    }
    let dict_getset = c.dict.map(|(get, set, _)| ffi::PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(get),
        set: Some(set),
        doc: std::ptr::null(),
        closure: std::ptr::null_mut(),
    });
    if !getsets.is_empty() || dict_getset.is_some() {
        let mut defs: Vec<ffi::PyGetSetDef> = getsets
            .into_iter()
            .map(|(name, get, set, doc, del)| {
                let closure = Box::leak(Box::new(GetSetClosure { set, del }));
                ffi::PyGetSetDef {
                    name: name.as_ptr(),
                    get,
                    set: set.or(del).map(|_| getset_set as ffi::setter),
                    doc: doc.map_or(std::ptr::null(), CStr::as_ptr),
                    closure: (closure as *mut GetSetClosure).cast(),
                }
            })
            .collect();
        defs.extend(dict_getset);
        defs.push(ffi::PyGetSetDef::default());
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_getset,
            pfunc: Box::leak(defs.into_boxed_slice()).as_mut_ptr().cast(),
        });
    }
    let mut members = Vec::new();
    if let Some((_, _, offset)) = c.dict {
        members.push(ffi::PyMemberDef {
            name: c"__dictoffset__".as_ptr(),
            type_code: ffi::Py_T_PYSSIZET,
            offset: offset as ffi::Py_ssize_t,
            flags: ffi::Py_READONLY,
            doc: std::ptr::null(),
        });
    }
    if let Some(offset) = c.weaklist_offset {
        members.push(ffi::PyMemberDef {
            name: c"__weaklistoffset__".as_ptr(),
            type_code: ffi::Py_T_PYSSIZET,
            offset: offset as ffi::Py_ssize_t,
            flags: ffi::Py_READONLY,
            doc: std::ptr::null(),
        });
    }
    if !members.is_empty() {
        members.push(ffi::PyMemberDef::default());
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_members,
            pfunc: members.as_mut_ptr().cast(),
        });
    }
    if c.base != std::ptr::addr_of_mut!(ffi::PyBaseObject_Type) {
        slots.push(ffi::PyType_Slot {
            slot: ffi::Py_tp_base,
            pfunc: c.base.cast(),
        });
    }
    slots.push(ffi::PyType_Slot::default());
    let name = spec_name(c.module, c.py_name);
    let mut flags = ffi::Py_TPFLAGS_DEFAULT | ffi::Py_TPFLAGS_HAVE_GC;
    #[cfg(Py_3_10)]
    if !has_new {
        flags |= ffi::Py_TPFLAGS_DISALLOW_INSTANTIATION;
    }
    if c.is_basetype {
        flags |= ffi::Py_TPFLAGS_BASETYPE;
    }
    #[cfg(any(all(Py_3_10, not(Py_LIMITED_API)), Py_3_14))]
    if c.immutable {
        flags |= ffi::Py_TPFLAGS_IMMUTABLETYPE;
    }
    let name = CString::new(name.replace('\0', "")).unwrap();
    let mut spec = ffi::PyType_Spec {
        name: name.as_ptr(),
        basicsize: c.basicsize,
        itemsize: 0,
        flags: flags as std::ffi::c_uint,
        slots: slots.as_mut_ptr(),
    };
    // SAFETY: attached; what the slots point to (method and getset tables) lives forever, and
    // the spec, the slot array, the doc and the name live until after the call.
    let ty = unsafe { ffi::PyType_FromSpec(&mut spec) };
    // The slot array and the doc are not referenced after the call (valgrind reported them
    // as leaked). Before 3.11 `tp_name` points into the spec's name, so that must live on;
    // 3.11+ copies it (with the limited API the running version is unknown: keep it).
    if cfg!(any(not(Py_3_11), Py_LIMITED_API)) {
        let _ = name.into_raw();
    }
    drop((slots, doc));
    // CPython copies the member table into the heap type it creates (AddressSanitizer's leak
    // checker reported the table as unreachable while it was leaked). PyPy's cpyext is not
    // documented to copy it, so there the table lives on.
    if cfg!(PyPy) {
        std::mem::forget(members);
    } else {
        drop(members);
    }
    unsafe { Py::<PyType>::from_owned_ptr_or_err(py, ty) }
}
