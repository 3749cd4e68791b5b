//! Measurement harness shared by both builds: one process measures one case.
//!
//! Timing uses the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), so that time the process
//! spends preempted on the shared machine is not counted. A case is a closure that performs
//! `n` iterations and returns the CPU nanoseconds they took (a case times only the part it
//! measures, e.g. the drops and not the set-up of the objects it drops).

use std::hint::black_box;

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

/// Linux's `CLOCK_THREAD_CPUTIME_ID`.
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

/// CPU time of the calling thread in nanoseconds.
pub fn thread_cpu_ns() -> u64 {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-pointer; the clock id is a Linux constant.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Times `body` over `n` iterations (the common case: everything in the loop is measured).
pub fn time_loop(n: u64, mut body: impl FnMut()) -> u64 {
    let start = thread_cpu_ns();
    for _ in 0..n {
        body();
    }
    thread_cpu_ns() - start
}

/// Picks the iterations per sample so that one sample takes about `target_ns`, then takes
/// `samples` samples and prints them (nanoseconds per iteration) on one line.
pub fn measure(samples: usize, target_ns: u64, mut case: impl FnMut(u64) -> u64) {
    // Warm up (first-use costs: interned strings, caches, freelists).
    black_box(case(64));
    // `R2P_ITERS` fixes the iterations per sample (for instruction counting under callgrind,
    // where the time-based calibration would pick a different count in every run).
    if let Some(n) = std::env::var("R2P_ITERS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        let per_iter: Vec<String> = (0..samples)
            .map(|_| format!("{:.3}", case(n) as f64 / n as f64))
            .collect();
        println!("{} {}", n, per_iter.join(" "));
        return;
    }
    let mut n = 16u64;
    loop {
        let t = case(n).max(1);
        if t >= target_ns / 4 || n >= 1 << 30 {
            n = (n as u128 * target_ns as u128 / t as u128).clamp(1, 1 << 30) as u64;
            break;
        }
        n *= 4;
    }
    let per_iter: Vec<String> = (0..samples)
        .map(|_| format!("{:.3}", case(n) as f64 / n as f64))
        .collect();
    println!("{} {}", n, per_iter.join(" "));
}
