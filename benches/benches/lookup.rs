//! `status()`, `code()` and the public message of a 32-variant enum, through the derive and
//! through a hand-written `match`, in one run. The figures are in `api_error_benches::lookups`.
//!
//! `cargo bench -p api-error-benches --bench lookup`
//!
//! Before timing anything, it checks that none of these lookups allocates.

use api_error_benches::counting::Counting;
use api_error_benches::{InCriterion, lookups};
use criterion::{Criterion, criterion_group, criterion_main};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn bench(c: &mut Criterion) {
    lookups::assert_no_allocations();
    lookups::cases(&mut InCriterion(c));
}

criterion_group!(benches, bench);
criterion_main!(benches);
