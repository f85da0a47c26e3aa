//! Prints a Markdown table of the derive's time relative to hand-written code doing the same
//! work, for every figure of the `lookup`, `envelope` and `response` benchmarks, and the bodies
//! of errors that transparent variants wrap.
//!
//! `cargo bench -p api-error-benches --bench ratios [-- FILTER]`
//!
//! The two sides of a figure run in alternating batches, and which side goes first alternates
//! too, so a slow phase of a shared machine hits both alike. A figure's ratio is the median of
//! its per-batch ratios, with the middle half of them beside it to show the noise. The
//! criterion benchmarks (`--bench lookup`, `--bench envelope`) give the detailed evidence.
//!
//! Only figures whose id contains FILTER are timed. Progress goes to stderr, the table to
//! stdout.

use std::time::{Duration, Instant};

use api_error_benches::counting::{self, Counting};
use api_error_benches::{Compare, bodies, decoding, lookups, responses, transparent};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Batches per side and figure.
const BATCHES: usize = 41;
/// The least time one batch of the derive's side takes; the iterations per batch are set by it.
const BATCH_TIME: Duration = Duration::from_millis(2);
/// How long both sides run before the batches are timed.
const WARM_UP: Duration = Duration::from_millis(200);

fn main() {
    let filter = std::env::args()
        .skip(1)
        .find(|argument| !argument.starts_with('-'));
    lookups::assert_no_allocations();

    let mut ratios = Ratios {
        filter,
        rows: Vec::new(),
    };
    lookups::cases(&mut ratios);
    bodies::cases(&mut ratios);
    transparent::cases(&mut ratios);
    responses::cases(&mut ratios);
    decoding::cases(&mut ratios);
    print_table(&ratios.rows);
}

/// One figure's results.
struct Row {
    id: &'static str,
    /// Median time of one iteration, in nanoseconds.
    derive: f64,
    hand_written: f64,
    /// Median, first and third quartile of the per-batch ratios derive / hand-written.
    ratio: f64,
    low: f64,
    high: f64,
    /// Allocations of one iteration, once warm: derive, hand-written.
    allocations: (u64, u64),
}

/// Times every figure that passes the filter.
struct Ratios {
    filter: Option<String>,
    rows: Vec<Row>,
}

impl Compare for Ratios {
    fn compare(
        &mut self,
        id: &'static str,
        mut derive: impl FnMut(),
        mut hand_written: impl FnMut(),
    ) {
        if self
            .filter
            .as_deref()
            .is_some_and(|filter| !id.contains(filter))
        {
            return;
        }
        eprintln!("timing {id}");

        let mut iterations = 1;
        while run(&mut derive, iterations) < BATCH_TIME {
            iterations *= 2;
        }
        let start = Instant::now();
        while start.elapsed() < WARM_UP {
            run(&mut derive, iterations);
            run(&mut hand_written, iterations);
        }
        let allocations = (
            counting::allocations(&mut derive),
            counting::allocations(&mut hand_written),
        );

        let mut derive_times = Vec::with_capacity(BATCHES);
        let mut hand_written_times = Vec::with_capacity(BATCHES);
        let mut ratios = Vec::with_capacity(BATCHES);
        for batch in 0..BATCHES {
            let (derive_time, hand_written_time) = if batch % 2 == 0 {
                let derive_time = run(&mut derive, iterations);
                (derive_time, run(&mut hand_written, iterations))
            } else {
                let hand_written_time = run(&mut hand_written, iterations);
                (run(&mut derive, iterations), hand_written_time)
            };
            derive_times.push(nanoseconds(derive_time, iterations));
            hand_written_times.push(nanoseconds(hand_written_time, iterations));
            ratios.push(derive_time.as_secs_f64() / hand_written_time.as_secs_f64());
        }

        self.rows.push(Row {
            id,
            derive: quantile(&mut derive_times, 0.5),
            hand_written: quantile(&mut hand_written_times, 0.5),
            ratio: quantile(&mut ratios, 0.5),
            low: quantile(&mut ratios, 0.25),
            high: quantile(&mut ratios, 0.75),
            allocations,
        });
    }
}

/// The time `iterations` calls of `f` take.
fn run(f: &mut impl FnMut(), iterations: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed()
}

fn nanoseconds(time: Duration, iterations: u32) -> f64 {
    time.as_secs_f64() * 1e9 / f64::from(iterations)
}

/// The `q` quantile of `values` (nearest rank), which it sorts.
fn quantile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let last = values.len() - 1;
    // Rounded to the nearest rank; the index lies in 0..=last for q in 0..=1.
    let index = (q * last as f64).round() as usize;
    values[index]
}

fn print_table(rows: &[Row]) {
    println!(
        "| figure | derive | hand-written | derive / hand-written | middle half | allocations |"
    );
    println!("|---|--:|--:|--:|--:|--:|");
    for row in rows {
        println!(
            "| `{}` | {:.1} ns | {:.1} ns | **{:.2}x** | {:.2}x – {:.2}x | {} / {} |",
            row.id,
            row.derive,
            row.hand_written,
            row.ratio,
            row.low,
            row.high,
            row.allocations.0,
            row.allocations.1,
        );
    }
    println!();
    println!(
        "Time of one iteration (one body, or one lookup of each of the {} variants of \
         `lookups::ShopError`), median of {BATCHES} batches; the ratio is the median of the \
         per-batch ratios, \"middle half\" their first to third quartile; allocations are those \
         of one warm iteration, derive / hand-written.",
        lookups::ShopError::CATALOG.descriptors().len(),
    );
}
