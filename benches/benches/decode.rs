//! Error bodies of the seed documents read back by `client::ErrorResponse::decode`, against
//! `serde_json::from_slice` into a hand-written `#[derive(Deserialize)]` struct of the same
//! envelope, in one run. The figures are in `api_error_benches::decoding`.
//!
//! `cargo bench -p api-error-benches --bench decode`
//!
//! `--bench ratios decode` prints the reader's time relative to the struct's as a table.

use api_error_benches::{InCriterion, decoding};
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    decoding::cases(&mut InCriterion(c));
}

criterion_group!(benches, bench);
criterion_main!(benches);
