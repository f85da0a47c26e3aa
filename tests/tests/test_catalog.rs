use api_error_core::{ApiError, Catalog, Retryable};

/// Errors of an incident service.
#[derive(Debug, ApiError)]
#[api(status = 400)]
enum IncidentError {
    /// Missing or invalid authentication.
    ///
    /// Sent when neither an API key nor a session cookie came with the request.
    #[api(
        code = "UNAUTHORIZED",
        status = 401,
        category = "Authentication",
        cause = "No API key",
        cause = "No session cookie",
        solution = "Provide valid API key or session cookie",
        retryable = "after re-auth"
    )]
    Unauthorized,
    /// Too many requests.
    #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, retryable)]
    RateLimited,
    #[api(code = "BAD_REQUEST", name = "Malformed request", retryable = false)]
    BadRequest,
    #[api(code = "SERVICE_UNAVAILABLE", status = 503, retryable = true)]
    Unavailable,
}

#[test]
fn descriptors_carry_every_declared_fact() {
    let unauthorized = IncidentError::Unauthorized.descriptor();
    assert_eq!(unauthorized.variant(), "Unauthorized");
    assert_eq!(unauthorized.name(), "Unauthorized");
    assert_eq!(unauthorized.code(), "UNAUTHORIZED");
    assert_eq!(unauthorized.status().as_u16(), 401);
    assert_eq!(
        unauthorized.description(),
        "Missing or invalid authentication.\n\nSent when neither an API key nor a session cookie came with the request."
    );
    assert_eq!(unauthorized.message(), Some("Unauthorized"));
    assert_eq!(unauthorized.causes(), ["No API key", "No session cookie"]);
    assert_eq!(
        unauthorized.solutions(),
        ["Provide valid API key or session cookie"]
    );
    assert_eq!(unauthorized.retryable(), Some(Retryable::AfterReauth));
    assert_eq!(unauthorized.category(), Some("Authentication"));

    let bad = IncidentError::BadRequest.descriptor();
    assert_eq!(bad.name(), "Malformed request");
    assert_eq!(bad.variant(), "BadRequest");
    assert_eq!(bad.description(), "");
    assert!(bad.causes().is_empty() && bad.solutions().is_empty());
    assert_eq!(bad.retryable(), Some(Retryable::No));
    assert_eq!(bad.category(), None);

    assert_eq!(
        IncidentError::RateLimited.descriptor().retryable(),
        Some(Retryable::WithBackoff)
    );
    assert_eq!(
        IncidentError::Unavailable.descriptor().retryable(),
        Some(Retryable::WithBackoff)
    );
}

#[test]
fn catalog_lists_descriptors_in_declaration_order() {
    let catalog: Catalog = IncidentError::CATALOG;
    assert_eq!(catalog.name(), "IncidentError");
    assert_eq!(catalog.len(), 4);
    assert!(!catalog.is_empty());
    let codes: Vec<String> = catalog.iter().map(|d| d.code().to_string()).collect();
    assert_eq!(
        codes,
        [
            "UNAUTHORIZED",
            "RATE_LIMIT_EXCEEDED",
            "BAD_REQUEST",
            "SERVICE_UNAVAILABLE"
        ]
    );
    assert_eq!(catalog.descriptors().len(), 4);
    assert!(catalog.nested().is_empty());
    let via_into_iter: Vec<_> = (&catalog).into_iter().collect();
    assert_eq!(via_into_iter.len(), 4);
}

#[test]
fn value_descriptors_are_the_catalog_entries() {
    for (descriptor, value) in IncidentError::CATALOG.iter().zip([
        IncidentError::Unauthorized,
        IncidentError::RateLimited,
        IncidentError::BadRequest,
        IncidentError::Unavailable,
    ]) {
        assert_eq!(descriptor, value.descriptor());
    }
}

#[test]
fn catalog_is_usable_in_const_context() {
    const CATALOG: Catalog = IncidentError::CATALOG;
    const NAME: &str = CATALOG.name();
    const FIRST_STATUS: u16 = CATALOG.descriptors()[0].status().as_u16();
    assert_eq!(NAME, "IncidentError");
    assert_eq!(FIRST_STATUS, 401);
}

/// An enum without variants is allowed: a type with no errors has an empty catalog.
#[derive(Debug, ApiError)]
enum Never {}

#[test]
fn empty_enum_has_an_empty_catalog() {
    assert!(Never::CATALOG.is_empty());
    assert_eq!(Never::CATALOG.iter().count(), 0);
    assert!(Never::CATALOG.get("ANY").is_none());
}

#[derive(Debug, ApiError)]
enum Renamed {
    #[api(code = "UNAUTHORIZED", status = 401, name = "Unauthenticated")]
    Unauthorized,
}

#[test]
fn stability_check_reports_a_changed_meaning() {
    let snapshot = r#"{"name":"IncidentError","errors":[{"code":"UNAUTHORIZED","status":401,"name":"Unauthorized"}]}"#;
    assert!(IncidentError::CATALOG.check_stable(snapshot).is_ok());
    let breaks = Renamed::CATALOG.check_stable(snapshot).unwrap_err();
    assert_eq!(
        breaks.changes(),
        ["code `UNAUTHORIZED` changed its name from `Unauthorized` to `Unauthenticated`"]
    );
    let export: serde_json::Value =
        serde_json::from_str(&IncidentError::CATALOG.to_json_pretty()).unwrap();
    assert_eq!(export["errors"][0]["retryable"], "after re-auth");
    assert_eq!(export["errors"][1]["retryable"], "yes, with backoff");
    assert_eq!(export["errors"].as_array().unwrap().len(), 4);
}
