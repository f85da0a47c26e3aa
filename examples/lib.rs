//! The examples are the `[[example]]` targets beside this file: `cargo run --example NAME`.
