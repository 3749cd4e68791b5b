//! The smallest extension-shaped cdylib that can panic and catch it (see Cargo.toml): what the
//! standard library alone costs in a `panic = "unwind"` build, the floor under both modules.

/// Returns NULL; panics first (and catches it) when `BENCH_FLOOR_PANIC` is set, so that the
/// panic and unwinding machinery cannot be optimised away.
#[no_mangle]
pub extern "C" fn PyInit_bench_floor() -> *mut std::ffi::c_void {
    std::panic::catch_unwind(|| {
        if std::env::var_os("BENCH_FLOOR_PANIC").is_some() {
            panic!("bench_floor");
        }
        std::ptr::null_mut()
    })
    .unwrap_or(std::ptr::null_mut())
}
