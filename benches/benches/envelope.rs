//! Error bodies in every built-in envelope and in a declared shape, written by the derive and by
//! a hand-written `#[derive(Serialize)]` struct giving the same bytes, in one run; three of them
//! also through a `serde_json::json!` value. The figures are in `api_error_benches::bodies`, and
//! those of errors that transparent variants wrap in `api_error_benches::transparent`.
//!
//! `cargo bench -p api-error-benches --bench envelope`
//!
//! `--bench ratios` prints the derive's time relative to the hand-written struct's as a table.

use api_error_benches::{InCriterion, bodies, transparent};
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    bodies::cases(&mut InCriterion(c));
    transparent::cases(&mut InCriterion(c));
}

criterion_group!(benches, bench);
criterion_main!(benches);
