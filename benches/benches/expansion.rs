//! The derive's own work (parsing the input, reading and checking its attributes, writing the
//! impl) on enums of 100, 1,000, 5,000 and 10,000 variants, and how it grows with their number.
//!
//! `cargo bench -p api-error-benches --bench expansion`
//!
//! rustc's `-Z time-passes` (see `benches/compile/`) counts the derive inside macro expansion,
//! together with the other derives on the enum and rustc's own parsing of what they produce;
//! this times the derive alone. A proc-macro crate exports nothing but its macros, so its
//! modules are compiled into this benchmark from their source files, and it calls the same
//! entry point the macro does. Input tokens are lexed once, before timing, as rustc hands them
//! over already lexed. What the derive writes as source text is lexed here by `proc_macro2`'s
//! own lexer, which a build leaves to rustc's.
//!
//! The sizes run in alternating rounds, so a slow phase of a shared machine falls on all of
//! them; each figure is the median of its rounds. The table gives each size's time, its time
//! per variant, and its time relative to 1,000 variants: linear growth is 5.0x at 5,000 and a
//! steady time per variant, where a quadratic step would double the time per variant from
//! 5,000 to 10,000.

// The derive's modules are checked and linted in their own crate; here they are only run,
// without their unit tests and the entry point that would use some of their items.
#![allow(dead_code, unused_imports, clippy::all, clippy::pedantic)]

extern crate proc_macro;

#[path = "../../api-error-derive/src/ast.rs"]
mod ast;
#[path = "../../api-error-derive/src/attr.rs"]
mod attr;
#[path = "../../api-error-derive/src/case.rs"]
mod case;
#[path = "../../api-error-derive/src/code.rs"]
mod code;
#[path = "../../api-error-derive/src/compose.rs"]
mod compose;
#[path = "../../api-error-derive/src/descriptors.rs"]
mod descriptors;
#[path = "../../api-error-derive/src/doc.rs"]
mod doc;
#[path = "../../api-error-derive/src/examples.rs"]
mod examples;
#[path = "../../api-error-derive/src/expand.rs"]
mod expand;
#[path = "../../api-error-derive/src/expand_fields.rs"]
mod expand_fields;
#[path = "../../api-error-derive/src/fallback.rs"]
mod fallback;
#[path = "../../api-error-derive/src/generics.rs"]
mod generics;
#[path = "../../api-error-derive/src/json.rs"]
mod json;
#[path = "../../api-error-derive/src/message.rs"]
mod message;
#[path = "../../api-error-derive/src/meta.rs"]
mod meta;
#[path = "../../api-error-derive/src/placeholder.rs"]
mod placeholder;
#[path = "../../api-error-derive/src/rebuild.rs"]
mod rebuild;
#[path = "../../api-error-derive/src/rejection.rs"]
mod rejection;
#[path = "../../api-error-derive/src/retry.rs"]
mod retry;
#[path = "../../api-error-derive/src/roles.rs"]
mod roles;
#[path = "../../api-error-derive/src/source.rs"]
mod source;
#[path = "../../api-error-derive/src/spans.rs"]
mod spans;
#[path = "../../api-error-derive/src/split.rs"]
mod split;
#[path = "../../api-error-derive/src/status.rs"]
mod status;
#[path = "../../api-error-derive/src/suggest.rs"]
mod suggest;
#[path = "../../api-error-derive/src/template.rs"]
mod template;
#[path = "../../api-error-derive/src/transparent.rs"]
mod transparent;
#[path = "../../api-error-derive/src/valid.rs"]
mod valid;

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use proc_macro2::TokenStream;

const SIZES: [usize; 4] = [100, 1_000, 5_000, 10_000];
const ROUNDS: usize = 11;
/// Each round of a size expands it this long at least.
const ROUND_TIME: Duration = Duration::from_millis(200);

fn main() {
    let inputs: Vec<(usize, TokenStream)> = SIZES
        .iter()
        .map(|&size| {
            let source = enum_source(size);
            let tokens = source
                .parse::<TokenStream>()
                .expect("the generated enum lexes");
            (size, tokens)
        })
        .collect();
    for (size, tokens) in &inputs {
        check(*size, tokens);
    }

    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(ROUNDS); inputs.len()];
    for round in 0..ROUNDS {
        // Rotate which size goes first.
        for offset in 0..inputs.len() {
            let index = (round + offset) % inputs.len();
            let (_, tokens) = &inputs[index];
            times[index].push(seconds_per_expansion(tokens));
        }
        eprintln!("round {} of {ROUNDS}", round + 1);
    }

    let medians: Vec<f64> = times.iter_mut().map(|times| median(times)).collect();
    let baseline = SIZES
        .iter()
        .position(|&size| size == 1_000)
        .map_or(medians[0], |at| medians[at]);
    println!("| variants | derive's own time | per variant | relative to 1,000 variants |");
    println!("|--:|--:|--:|--:|");
    for ((size, _), time) in inputs.iter().zip(&medians) {
        println!(
            "| {size} | {:.1} ms | {:.1} µs | **{:.2}x** |",
            time * 1e3,
            time * 1e6 / *size as f64,
            time / baseline,
        );
    }
    println!();
    println!(
        "Median of {ROUNDS} rounds; one expansion is parsing the input, validating it and \
         writing the impl, with the derive compiled optimized (rustc runs it unoptimized in a \
         dev build; the growth is what this measures)."
    );
}

/// What the macro does with its input.
fn expand(tokens: &TokenStream) -> TokenStream {
    let input: syn::DeriveInput = syn::parse2(tokens.clone()).expect("the generated enum parses");
    expand::derive(&input, tokens)
}

/// The mean time of one expansion over a round.
fn seconds_per_expansion(tokens: &TokenStream) -> f64 {
    let start = Instant::now();
    let mut expansions = 0u32;
    while start.elapsed() < ROUND_TIME || expansions == 0 {
        black_box(expand(black_box(tokens)));
        expansions += 1;
    }
    start.elapsed().as_secs_f64() / f64::from(expansions)
}

/// The expansion is the real impl, not the stand-in written beside errors.
fn check(size: usize, tokens: &TokenStream) {
    let output = expand(tokens).to_string();
    assert!(
        !output.contains("compile_error"),
        "{size} variants: the derive reported an error"
    );
    assert!(
        output.contains(&format!("Plans < {size} >")),
        "{size} variants: no plan per variant in the output"
    );
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// An enum of `size` variants like the compile-time benchmark's: a quarter each of unit
/// variants, tuple variants, struct variants and struct variants with details; ten statuses,
/// by name and by number; interpolated messages on most, the status's reason phrase on the
/// rest; one code in ten explicit.
fn enum_source(size: usize) -> String {
    const STATUSES: [&str; 10] = [
        "BAD_REQUEST",
        "401",
        "FORBIDDEN",
        "404",
        "CONFLICT",
        "410",
        "UNPROCESSABLE_ENTITY",
        "429",
        "INTERNAL_SERVER_ERROR",
        "503",
    ];
    let mut source = String::from(
        "/// Errors of the benchmark service.\n\
         #[derive(Debug)]\n\
         #[api(envelope = \"face\", code_case = \"SCREAMING_SNAKE_CASE\")]\n\
         pub enum BenchError {\n",
    );
    for index in 0..size {
        let name = format!("Failure{index}");
        let status = STATUSES[index % STATUSES.len()];
        let code = if index % 10 == 7 {
            format!("code = \"E{index:05}\", ")
        } else {
            String::new()
        };
        // Each kind: its fields, and its message when it has one.
        let (fields, message) = match index % 4 {
            0 => ("", format!("failure {index} happened")),
            1 => ("(String, u32)", format!("item {{0}} failed {index} times")),
            2 => (
                " { id: String, shard: u32 }",
                format!("item {{id}} failed in shard {{shard}} ({index})"),
            ),
            _ => (
                " { id: String, #[api(details)] problems: Vec<String> }",
                format!("item {{id}} was rejected ({index})"),
            ),
        };
        // One in five shows its status's reason phrase.
        let message = if index % 5 == 4 {
            String::new()
        } else {
            format!(", message = \"{message}\"")
        };
        let _ = writeln!(source, "    /// Failure number {index} of the service.");
        let _ = writeln!(source, "    #[api({code}status = {status}{message})]");
        let _ = writeln!(source, "    {name}{fields},");
    }
    source.push_str("}\n");
    source
}
