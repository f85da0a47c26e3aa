//! Benchmarks live in `benches/`: `cargo bench --manifest-path benches/Cargo.toml`.
