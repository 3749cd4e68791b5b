//! Crate-internal helpers (not public API).

pub(crate) mod ptr_ext;
pub(crate) mod state;

/// The module the `collections.abc` classes (`Mapping`, `Sequence`, `Iterator`) are read from.
///
/// `collections.abc` is only an alias: its `abc.py` imports `_collections_abc` and then puts
/// that module in its own place in `sys.modules`. Another thread importing `collections.abc`
/// inside that window gets the half-made alias (CPython 3.13.0 shows
/// `cannot import name 'Mapping' from 'collections.abc'` when two threads import, say, `socket`
/// and `asyncio` at once). `_collections_abc` is the real module, the one the interpreter itself
/// imports while starting (for `os`), so reading the classes from it gives the same objects
/// without taking part in that race.
pub(crate) const COLLECTIONS_ABC: &str = "_collections_abc";
