//! Which variant each kind of framework rejection becomes: the one naming the kind, else the
//! one bare `rejection` for a kind about a request's content, else none (the generic error of
//! the status). Every kind of the core crate's `RejectionKind` can be named, but `Other`.

use api_error_core::{ApiError, FieldErrors, Rejection, RejectionKind};
use http::StatusCode;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
enum Named {
    #[api(status = 400, rejection(json_syntax, json_data, content_type))]
    Body(#[api(details)] FieldErrors),
    #[api(status = 413, rejection(body_too_large))]
    TooLarge,
    #[api(status = 400, rejection(path, query))]
    Url(String),
    #[api(status = 404, rejection(unknown_route))]
    NoRoute,
    #[api(status = 405, rejection(method))]
    NoMethod,
}

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
enum Bare {
    #[api(status = 400, rejection)]
    Invalid {
        #[api(details)]
        fields: FieldErrors,
    },
    #[api(status = 422, rejection(json_data))]
    Unprocessable(#[api(details)] FieldErrors),
}

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
enum Unmapped {
    #[api(status = 404)]
    NotFound,
}

fn code<E: ApiError>(kind: RejectionKind) -> Option<String> {
    let rejection = Rejection::new(kind, StatusCode::BAD_REQUEST, "refused").at("pets[0].name");
    E::from_rejection(rejection).map(|error| error.code().to_string())
}

#[test]
fn every_kind_can_be_named_but_other() {
    let expected = [
        (RejectionKind::JsonSyntax, Some("BODY")),
        (RejectionKind::JsonData, Some("BODY")),
        (RejectionKind::ContentType, Some("BODY")),
        (RejectionKind::BodyTooLarge, Some("TOO_LARGE")),
        (RejectionKind::Path, Some("URL")),
        (RejectionKind::Query, Some("URL")),
        (RejectionKind::UnknownRoute, Some("NO_ROUTE")),
        (RejectionKind::Method, Some("NO_METHOD")),
        (RejectionKind::Other, None),
    ];
    assert_eq!(expected.len(), RejectionKind::ALL.len());
    for (kind, expected) in expected {
        assert_eq!(code::<Named>(kind).as_deref(), expected, "{kind}");
    }
}

#[test]
fn a_bare_rejection_takes_the_content_kinds_no_variant_names() {
    for kind in RejectionKind::ALL {
        let expected = match kind {
            RejectionKind::JsonData => Some("UNPROCESSABLE"),
            RejectionKind::UnknownRoute | RejectionKind::Method => None,
            _ => Some("INVALID"),
        };
        assert_eq!(code::<Bare>(kind).as_deref(), expected, "{kind}");
        assert_eq!(kind.is_content(), code::<Bare>(kind).is_some(), "{kind}");
        assert_eq!(code::<Unmapped>(kind), None);
    }
}

#[test]
fn the_field_is_built_from_the_rejection() {
    let rejection = Rejection::new(
        RejectionKind::JsonSyntax,
        StatusCode::BAD_REQUEST,
        "expected value",
    );
    let Some(Bare::Invalid { fields }) = Bare::from_rejection(rejection.clone()) else {
        panic!("not Invalid");
    };
    let only = fields.iter().next().unwrap();
    assert_eq!(
        (only.field(), only.message()),
        ("request", "expected value")
    );
    let Some(Named::Url(text)) = Named::from_rejection(Rejection::new(
        RejectionKind::Query,
        StatusCode::BAD_REQUEST,
        "limit: invalid digit",
    )) else {
        panic!("not Url");
    };
    assert_eq!(text, "limit: invalid digit");
}
