//! Handing the memory a finished phase freed back to the system at once.
//!
//! mimalloc keeps freed pages for a while before it returns them (its purge delay), so
//! that a program that frees and allocates again reuses them. Between the phases of a
//! large build that is the wrong bet: reading frees gigabytes of parse-time records of
//! sizes the graph never asks for again, and the graph's large arrays are fresh
//! mappings, so the freed pages stayed resident beside them. At 100,000 articles a
//! rebuild peaked at 8.4 GB; with the freed pages returned after reading and after
//! the graph, at about 7 GB (docs/scale.md, "Memory at 100,000 articles").

/// Return the memory freed so far to the system now (every thread's freed pages that
/// the allocator can give back), rather than after its purge delay.
pub(crate) fn return_freed() {
    // SAFETY: `mi_collect` takes no pointer and only frees pages that hold no live
    // block; mimalloc documents it as callable at any time, from any thread.
    #[allow(unsafe_code)]
    unsafe {
        libmimalloc_sys::mi_collect(true);
    }
}
