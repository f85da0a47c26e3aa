//! Counts heap allocations, so a benchmark can check that code does not allocate.
//!
//! A binary opts in by installing [`Counting`] as its global allocator
//! (`#[global_allocator] static ALLOCATOR: Counting = Counting;`); then [`allocations`] tells how many allocations a closure made. Counts are kept per thread,
//! so tests running beside each other do not see each other's allocations.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

thread_local! {
    // A const-initialized `Cell` needs no allocation and no destructor, so the allocator can
    // use it at any time, even while a thread starts or ends.
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

/// The system allocator, counting every allocation and reallocation of the current thread.
pub struct Counting;

fn count() {
    // `try_with` fails only while the thread-local is being torn down; that allocation is
    // simply not counted.
    let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
}

// SAFETY: every method passes its arguments unchanged to `System`, which upholds
// `GlobalAlloc`'s contract; counting touches only a thread-local integer, never the memory
// handed out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller upholds `alloc`'s contract, which is `System.alloc`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: `ptr` came from this allocator, that is from `System`, with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, that is from `System`, with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// How many allocations (and reallocations) the current thread made while running `f`.
///
/// # Panics
///
/// When [`Counting`] is not the global allocator: every count would then be zero, and a check
/// that nothing allocates would pass without checking anything.
pub fn allocations(f: impl FnOnce()) -> u64 {
    assert!(
        counted(|| drop(black_box(Box::new(0_u64)))) > 0,
        "install `Counting` as the #[global_allocator] to count allocations"
    );
    counted(f)
}

fn counted(f: impl FnOnce()) -> u64 {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}
