//! axum responses end to end, from a derived error's `IntoResponse` and from a hand-written
//! one giving the same status, content type and body, in one run. The figures are in
//! `api_error_benches::responses`.
//!
//! `cargo bench -p api-error-benches --bench response`
//!
//! `--bench ratios` prints the derive's time relative to the hand-written one's as a table.

use api_error_benches::{InCriterion, responses};
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    responses::cases(&mut InCriterion(c));
}

criterion_group!(benches, bench);
criterion_main!(benches);
