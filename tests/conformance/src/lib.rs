//! The checks live in `tests/`: `cargo test -p api-error-conformance`.
