//! Interrupt checks and fork hooks from `Include/intrcheck.h`.

use std::ffi::c_int;

extern "C" {
    /// Whether a `SIGINT` was received (clears the flag); main thread only.
    #[cfg_attr(PyPy, link_name = "PyPyOS_InterruptOccurred")]
    pub fn PyOS_InterruptOccurred() -> c_int;
    /// Installs the default `SIGINT` handler (removed in 3.10; the 3.9 header declares it for
    /// the limited API too).
    #[cfg(not(Py_3_10))]
    #[deprecated(note = "Not documented in Python API; see Python 3.10 release notes")]
    pub fn PyOS_InitInterrupts();
    /// To be called before `fork()`.
    #[cfg(not(windows))]
    #[cfg(not(PyPy))]
    pub fn PyOS_BeforeFork();
    /// To be called in the parent process after `fork()`.
    #[cfg(not(windows))]
    #[cfg(not(PyPy))]
    pub fn PyOS_AfterFork_Parent();
    /// To be called in the child process after `fork()`.
    #[cfg(not(windows))]
    #[cfg(not(PyPy))]
    pub fn PyOS_AfterFork_Child();
    /// Old name of [`PyOS_AfterFork_Child`] (deprecated since 3.7).
    #[cfg(not(windows))]
    #[deprecated(note = "deprecated since Python 3.7, use PyOS_AfterFork_Child")]
    #[cfg_attr(PyPy, link_name = "PyPyOS_AfterFork")]
    pub fn PyOS_AfterFork();
}
