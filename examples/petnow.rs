//! The Petnow server API's error catalog, declared once: every code, status, name, cause and
//! solution of its error-code document, in the document's `{"errors":[{"code":..}]}` envelope.
//! The declaration is in `petnow_error.rs`, which the `service` example serves over HTTP.
//!
//! Run with `cargo run --example petnow`; `cargo test` checks every body against the document.

use api_error_core::markdown::{Page, summary};
use api_error_examples::petnow::{PetnowError, documented};
use api_error_examples::{print_bodies, with_empty_context};

/// The catalog page committed as `docs/errors/petnow.md`: the guide, then the summary tables.
pub fn page() -> String {
    let mut page = Page::new("Error Codes")
        .overview("Petnow Server API error codes and solutions guide. Petnow API returns detailed error information along with HTTP status codes when an error occurs.")
        .render::<PetnowError>();
    page.push('\n');
    page.push_str(&summary::<PetnowError>());
    page
}

fn main() {
    print_bodies(&with_empty_context(documented()));
}

#[cfg(test)]
mod tests {
    use api_error_core::{ApiError, RequestContext};
    use api_error_examples::{assert_catalog, assert_json_bodies};

    use super::*;

    // Every body of the document, in its order, whitespace removed.
    const BODIES: [&str; 18] = [
        r#"{"errors":[{"code":"PETNOWB2B10000"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B10001","details":{"petId":["This field is required."]}}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B10005"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20007"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20009"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20011"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20012"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20013"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20014"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20015"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20017"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20010"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20000"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20004"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20005"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20006"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B20016"}]}"#,
        r#"{"errors":[{"code":"PETNOWB2B30002"}]}"#,
    ];

    // (code, status, name) as the document lists them.
    const CATALOG: [(&str, u16, &str); 18] = [
        ("PETNOWB2B10000", 401, "InvalidApiKeyException"),
        ("PETNOWB2B10001", 400, "ValidationError"),
        ("PETNOWB2B10005", 402, "PetLimitExceededError"),
        (
            "PETNOWB2B20007",
            400,
            "PetAlreadyHasFingerprintAdditionJobException",
        ),
        ("PETNOWB2B20009", 400, "PetHasNoFingerprintException"),
        ("PETNOWB2B20011", 400, "NoPetIdCaptureSessionException"),
        (
            "PETNOWB2B20012",
            400,
            "CaptureSessionIsNotFinishedException",
        ),
        ("PETNOWB2B20013", 400, "InvalidSessionPurposeError"),
        ("PETNOWB2B20014", 400, "CaptureSessionAlreadyUsedError"),
        ("PETNOWB2B20015", 400, "SpeciesMismatchError"),
        ("PETNOWB2B20017", 400, "MultipleCaptureSessionsError"),
        ("PETNOWB2B20010", 404, "NoSuchCaptureSessionException"),
        ("PETNOWB2B20000", 404, "NoSuchPetException"),
        (
            "PETNOWB2B20004",
            404,
            "NoSuchFingerprintAdditionJobException",
        ),
        ("PETNOWB2B20005", 404, "NoSuchPetVerificationJobException"),
        ("PETNOWB2B20006", 404, "NoSuchPetIdentificationJobException"),
        ("PETNOWB2B20016", 404, "NoSuchSearchPoolError"),
        ("PETNOWB2B30002", 500, "UnknownSpeciesException"),
    ];

    #[test]
    fn bodies_match_the_document_byte_for_byte() {
        assert_json_bodies(&with_empty_context(documented()), &BODIES);
    }

    #[test]
    fn catalog_matches_the_document() {
        assert_catalog(PetnowError::CATALOG, &CATALOG);
        for descriptor in PetnowError::CATALOG {
            let code = descriptor.code();
            assert!(
                !descriptor.causes().is_empty() && !descriptor.solutions().is_empty(),
                "{code}"
            );
            assert!(descriptor.category().is_some(), "{code}");
        }
        let documented: Vec<_> = documented().iter().map(ApiError::code).collect();
        let declared: Vec<_> = PetnowError::CATALOG.iter().map(|d| d.code()).collect();
        assert_eq!(
            documented, declared,
            "every declared error is documented, in order"
        );
    }

    #[test]
    fn request_context_has_no_place_in_this_envelope() {
        let context = RequestContext::new()
            .request_id("req_1")
            .timestamp("2024-01-15T11:22:33Z");
        assert_eq!(
            PetnowError::InvalidApiKey.to_json_string(&context),
            BODIES[0]
        );
    }

    #[test]
    fn every_error_reads_back_in_every_envelope() {
        let errors = PetnowError::examples();
        assert_eq!(
            errors.len(),
            PetnowError::CATALOG.len(),
            "an example of every error"
        );
        api_error_examples::assert_round_trips(&errors);
    }

    #[test]
    fn committed_page_is_current() {
        api_error_examples::assert_committed_page("petnow", &page());
    }

    #[test]
    fn committed_typescript_is_current() {
        let module = api_error_core::typescript::module::<PetnowError>();
        api_error_examples::assert_committed_typescript("petnow", &module);
    }

    #[test]
    fn catalog_is_stable_against_its_snapshot() {
        api_error_examples::assert_stable_catalog("petnow", PetnowError::CATALOG);
    }
}
