//! The benchmarks' shared fixtures: every figure is the same work done twice in one run, once
//! by `#[derive(ApiError)]` and once by the hand-written code it replaces.
//!
//! - [`lookups`]: `status()`, `code()` and the public message of a 32-variant enum, against a
//!   hand-written `match`;
//! - [`bodies`]: error bodies in every built-in envelope and in a declared [`Shape`], against
//!   hand-written `#[derive(Serialize)]` structs that write the same bytes;
//! - [`extensions`]: RFC 9457 extension members from fields, and a body of several errors;
//! - [`responses`]: whole axum responses, against a hand-written `IntoResponse`;
//! - [`transparent`]: bodies of errors that transparent variants wrap, one and three levels
//!   down, against the hand-written struct of the outer envelope;
//! - [`decoding`]: seed bodies read back by `client::ErrorResponse`, against
//!   `serde_json::from_slice` into hand-written `#[derive(Deserialize)]` structs.
//!
//! Four benchmark targets run them:
//!
//! ```text
//! cargo bench -p api-error-benches --bench lookup     # criterion, lookups
//! cargo bench -p api-error-benches --bench envelope   # criterion, bodies
//! cargo bench -p api-error-benches --bench response   # criterion, axum
//! cargo bench -p api-error-benches --bench ratios     # Markdown table of ratios
//! ```
//!
//! Each fixture checks, before anything is timed, that both sides give the same result (the
//! same values, the same bytes), so a figure never compares different work.
//!
//! [`Shape`]: api_error_core::Shape

use criterion::Criterion;

pub mod bodies;
pub mod counting;
pub mod decoding;
pub mod extensions;
pub mod lookups;
pub mod responses;
pub mod transparent;

/// What runs the figures: criterion, the ratio table, or a test that runs each side once.
///
/// A fixture calls [`compare`](Self::compare) once per figure, with two closures that each do
/// one iteration of the same work: write one body, or look up every variant of the enum once.
/// The closures keep their own output buffers and hide their inputs and results from the
/// optimizer with [`black_box`](std::hint::black_box), so the runner only calls them.
pub trait Compare {
    /// Runs one figure: `derive` against `hand_written`.
    fn compare(&mut self, id: &'static str, derive: impl FnMut(), hand_written: impl FnMut());

    /// Runs one figure that `serde_json::json!` can also write (by value only: `json!` does not
    /// keep the member order). Only criterion times the third way; by default it is ignored.
    fn compare_with_json(
        &mut self,
        id: &'static str,
        derive: impl FnMut(),
        hand_written: impl FnMut(),
        json_macro: impl FnMut(),
    ) {
        drop(json_macro);
        self.compare(id, derive, hand_written);
    }
}

/// Runs each figure as a criterion group named by its id, with the functions `derive`,
/// `hand_written` and, where there is one, `json_macro`.
pub struct InCriterion<'a>(pub &'a mut Criterion);

impl Compare for InCriterion<'_> {
    fn compare(&mut self, id: &'static str, derive: impl FnMut(), hand_written: impl FnMut()) {
        self.group(id, derive, hand_written, None::<fn()>);
    }

    fn compare_with_json(
        &mut self,
        id: &'static str,
        derive: impl FnMut(),
        hand_written: impl FnMut(),
        json_macro: impl FnMut(),
    ) {
        self.group(id, derive, hand_written, Some(json_macro));
    }
}

impl InCriterion<'_> {
    fn group(
        &mut self,
        id: &'static str,
        mut derive: impl FnMut(),
        mut hand_written: impl FnMut(),
        json_macro: Option<impl FnMut()>,
    ) {
        let mut group = self.0.benchmark_group(id);
        group.bench_function("derive", |b| b.iter(&mut derive));
        group.bench_function("hand_written", |b| b.iter(&mut hand_written));
        if let Some(mut json_macro) = json_macro {
            group.bench_function("json_macro", |b| b.iter(&mut json_macro));
        }
        group.finish();
    }
}

#[cfg(test)]
#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

#[cfg(test)]
mod tests {
    use super::Compare;

    /// Runs each side once: the fixtures' own checks are the test.
    struct Once(Vec<&'static str>);

    impl Compare for Once {
        fn compare(
            &mut self,
            id: &'static str,
            mut derive: impl FnMut(),
            mut hand_written: impl FnMut(),
        ) {
            derive();
            hand_written();
            self.0.push(id);
        }
    }

    #[test]
    fn the_reader_agrees_with_the_hand_written_structs() {
        let mut run = Once(Vec::new());
        crate::decoding::cases(&mut run);
        assert_eq!(
            run.0,
            [
                "decode/petnow_field_errors",
                "decode/incident_field_errors",
                "decode/face_not_found",
                "decode/oz_flat"
            ]
        );
    }

    #[test]
    fn lookups_agree_with_the_hand_written_match() {
        let mut run = Once(Vec::new());
        crate::lookups::cases(&mut run);
        assert_eq!(
            run.0,
            [
                "lookup/status",
                "lookup/code",
                "lookup/static_message",
                "lookup/message"
            ]
        );
    }

    #[test]
    fn lookups_do_not_allocate() {
        crate::lookups::assert_no_allocations();
    }

    #[test]
    fn responses_are_the_hand_written_responses() {
        let mut run = Once(Vec::new());
        crate::responses::cases(&mut run);
        assert_eq!(run.0, ["axum/static_message", "axum/field_errors"]);
    }

    #[test]
    fn wrapped_bodies_are_the_hand_written_bytes() {
        let mut run = Once(Vec::new());
        crate::transparent::cases(&mut run);
        assert_eq!(
            run.0,
            ["transparent/static_message", "transparent/three_levels"]
        );
    }

    #[test]
    fn bodies_are_the_hand_written_bytes() {
        let mut run = Once(Vec::new());
        crate::bodies::cases(&mut run);
        // Every built-in envelope and the declared shape.
        for envelope in [
            "problem/",
            "petnow/",
            "tennis_registry/",
            "oz/",
            "face/",
            "incident/",
            "declared/",
            "problem/extension_members",
            "list/",
        ] {
            assert!(
                run.0.iter().any(|id| id.starts_with(envelope)),
                "{envelope}"
            );
        }
    }
}
