//! Support code for the pyo3-ffi layout and symbol checks (see `tests/`).
//!
//! The build script reads pyo3-ffi's sources, evaluates their `#[cfg]`s for the interpreter
//! pyo3-build-config resolved, asks a C program compiled against that interpreter's headers
//! for the real layouts, and writes the comparisons into `OUT_DIR`; the tests run them.

use std::collections::HashMap;
use std::process::Command;

/// Fails a check that compared fewer items than `full` (full API) or `limited` (abi3): a
/// harness that silently stopped finding declarations would otherwise report "0 mismatches".
/// The floors sit well below the real counts (CPython 3.11, full API: 258 constants, 80
/// structs / 554 fields, 1039 signatures, 1043 symbols; abi3-py39 on 3.9: 175 constants,
/// 12 structs / 46 fields, 771 signatures, 774 symbols).
#[track_caller]
pub fn require_at_least(what: &str, count: usize, limited_api: bool, full: usize, limited: usize) {
    let minimum = if limited_api { limited } else { full };
    assert!(
        count >= minimum,
        "{what}: only {count} checked, expected at least {minimum}: the harness found too few declarations"
    );
}

/// One layout comparison: C numbers against Rust numbers.
#[derive(Debug, Clone)]
pub struct LayoutEntry {
    /// `Struct` or `Struct.field`.
    pub item: &'static str,
    /// Declaring file, relative to `pyo3-ffi/src`.
    pub file: &'static str,
    /// C spelling that was measured (`PyObject`, `struct _inittab`, `PyObject.ob_type`).
    pub c_name: &'static str,
    /// Whether this is a field (offset, size) or a whole type (size, alignment).
    pub is_field: bool,
    /// C values: `[size, align]` for types, `[offset, size]` for fields.
    pub c: [usize; 2],
    /// Rust values, same order.
    pub rust: [usize; 2],
}

impl LayoutEntry {
    /// A whole-type entry: `[size, align]`.
    pub fn size(
        item: &'static str,
        file: &'static str,
        c_name: &'static str,
        c: [usize; 2],
        rust: [usize; 2],
    ) -> Self {
        LayoutEntry {
            item,
            file,
            c_name,
            is_field: false,
            c,
            rust,
        }
    }

    /// A field entry: `[offset, size]`.
    pub fn field(
        item: &'static str,
        file: &'static str,
        c_name: &'static str,
        c: [usize; 2],
        rust: [usize; 2],
    ) -> Self {
        LayoutEntry {
            item,
            file,
            c_name,
            is_field: true,
            c,
            rust,
        }
    }

    /// Describe the mismatch, if any.
    pub fn mismatch(&self) -> Option<String> {
        if self.c == self.rust {
            return None;
        }
        let (a, b) = if self.is_field {
            ("offset", "size")
        } else {
            ("size", "align")
        };
        Some(format!(
            "{} ({}): C `{}` {a}={} {b}={}, Rust {a}={} {b}={}",
            self.item, self.file, self.c_name, self.c[0], self.c[1], self.rust[0], self.rust[1]
        ))
    }
}

/// Size of a field's type, without needing a value: `field_size!(path::Type, field)`.
#[macro_export]
macro_rules! field_size {
    ($t:path, $f:ident) => {{
        let value = ::core::mem::MaybeUninit::<$t>::uninit();
        let ptr = value.as_ptr();
        // SAFETY: only the address of the field is formed; nothing is read.
        $crate::size_of_pointee(unsafe { ::core::ptr::addr_of!((*ptr).$f) })
    }};
}

/// `size_of::<T>()` for a pointer's pointee type.
pub fn size_of_pointee<T>(_: *const T) -> usize {
    core::mem::size_of::<T>()
}

/// Symbols defined (exported) by a shared library with their `nm` type letter (`T` code,
/// `D`/`B`/`R` data, ...), read with `nm -D --defined-only` (or `nm --defined-only` for a
/// static archive). `None` if `nm` cannot be run.
pub fn nm_defined_symbols(library: &str) -> Option<HashMap<String, char>> {
    let mut cmd = Command::new(std::env::var("NM").unwrap_or_else(|_| "nm".to_string()));
    if !library.ends_with(".a") {
        cmd.arg("-D");
    }
    let out = cmd.arg("--defined-only").arg(library).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut map = HashMap::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() < 2 {
            continue;
        }
        let name = parts[parts.len() - 1];
        let kind = parts[parts.len() - 2].chars().next().unwrap_or('?');
        let name = name.split('@').next().unwrap_or(name).to_string();
        map.insert(name, kind);
    }
    Some(map)
}

/// Whether an `nm` type letter denotes code (a function) rather than data.
pub fn nm_kind_is_code(kind: char) -> bool {
    matches!(kind, 'T' | 't' | 'W' | 'w' | 'i')
}

/// Which of `names` `dlsym` cannot find in `library` (used when `nm` is missing).
pub fn dlsym_missing<'a>(
    library: &str,
    names: impl Iterator<Item = &'a str>,
) -> Result<Vec<&'a str>, String> {
    let path = std::ffi::CString::new(library).map_err(|e| e.to_string())?;
    // SAFETY: plain dlopen/dlsym on a NUL-terminated path and names.
    unsafe {
        let handle = libc::dlopen(path.as_ptr(), libc::RTLD_LAZY | libc::RTLD_LOCAL);
        if handle.is_null() {
            return Err(format!("dlopen({library}) failed"));
        }
        let mut missing = Vec::new();
        for n in names {
            let c = std::ffi::CString::new(n).map_err(|e| e.to_string())?;
            if libc::dlsym(handle, c.as_ptr()).is_null() {
                missing.push(n);
            }
        }
        Ok(missing)
    }
}
