//! Tests live in `tests/`: `cargo test --manifest-path conformance/Cargo.toml`.
