//! The catalogs and shapes of `examples/`: the twelve public APIs, each a declared shape, the
//! five seed catalogs, and the composed shop. For each, the OpenAPI document and utoipa's
//! responses pass the checks of this package, and every body the examples quote from their
//! API's documentation matches the schema. The example files are compiled here as they are,
//! their own tests with them.

use api_error_conformance::{check_document, check_schema};
use api_error_core::{ApiError, ApiErrors, Envelope, RequestContext, Shape};
use serde_json::{Value, json};

#[allow(dead_code)]
#[path = "../../../examples/public_apis/bearer.rs"]
mod bearer;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/cloudflare.rs"]
mod cloudflare;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/discord.rs"]
mod discord;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/github.rs"]
mod github;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/google.rs"]
mod google;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/graphql.rs"]
mod graphql;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/json_api.rs"]
mod json_api;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/kubernetes.rs"]
mod kubernetes;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/microsoft.rs"]
mod microsoft;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/oauth.rs"]
mod oauth;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/paypal.rs"]
mod paypal;
#[allow(dead_code)]
#[path = "../../../examples/public_apis/rfc9457.rs"]
mod rfc9457;

#[allow(dead_code)]
#[path = "../../../examples/face_api.rs"]
mod face_api;
#[allow(dead_code)]
#[path = "../../../examples/incident_api.rs"]
mod incident_api;
#[allow(dead_code)]
#[path = "../../../examples/modules.rs"]
mod modules;
#[allow(dead_code)]
#[path = "../../../examples/oz_api.rs"]
mod oz_api;
#[allow(dead_code)]
#[path = "../../../examples/tennis_registry.rs"]
mod tennis_registry;

use api_error_examples::petnow::{self, PetnowError};

/// Checks `E`'s OpenAPI document and utoipa's responses for `E`, and that each of `bodies`
/// matches the schema; returns how many bodies matched.
fn check<E: ApiError>(bodies: &[Vec<u8>]) -> usize {
    let name = E::CATALOG.name();
    // An example body per error, when there is a body.
    let examples = if E::body_content_type().is_empty() {
        0
    } else {
        E::CATALOG.len()
    };
    let document = api_error_core::openapi::document::<E>(name, "1.0.0");
    assert_eq!(check_document(&document), examples, "{name}");

    // The same responses through utoipa, under an operation of a document.
    let responses = serde_json::to_value(api_error_core::utoipa::responses::<E>()).unwrap();
    let operation = json!({
        "openapi": "3.1.0",
        "info": {"title": name, "version": "1.0.0"},
        "paths": {"/": {"get": {"responses": responses}}},
    });
    assert_eq!(check_document(&operation), examples, "{name}");

    let Some(schema) = E::body_schema() else {
        // No body: nothing to match.
        assert!(bodies.iter().all(Vec::is_empty), "{name}");
        return 0;
    };
    check_schema(&schema);
    matching(&schema, bodies, name)
}

fn matching(schema: &Value, bodies: &[Vec<u8>], name: &str) -> usize {
    let validator = jsonschema::draft202012::new(schema).unwrap();
    for body in bodies {
        let body: Value = serde_json::from_slice(body).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&body)
            .map(|error| format!("{error} at {}", error.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{name}: {body} does not match {schema:#}: {errors:?}"
        );
    }
    bodies.len()
}

fn in_context<E: ApiError>(errors: Vec<(E, RequestContext<'_>)>) -> Vec<Vec<u8>> {
    errors
        .iter()
        .map(|(error, context)| error.to_json(context))
        .collect()
}

fn bare<E: ApiError>(errors: Vec<E>) -> Vec<Vec<u8>> {
    errors
        .iter()
        .map(|error| error.to_json(&RequestContext::new()))
        .collect()
}

fn listed<E: ApiError>(errors: &ApiErrors<E>, context: &RequestContext<'_>) -> Vec<u8> {
    errors.to_json(context)
}

#[test]
fn the_public_apis_documents_and_bodies_conform() {
    let mut matched = 0;
    matched += check::<rfc9457::ProblemError>(&in_context(rfc9457::documented()));
    matched += check::<github::GitHubError>(&in_context(github::documented()));
    matched += check::<discord::DiscordError>(&in_context(discord::documented()));
    matched += check::<graphql::GraphqlError>(&[
        listed(&graphql::documented(), &graphql::CONTEXT),
        listed(&graphql::two_errors(), &graphql::CONTEXT),
    ]);
    let mut json_api = in_context(json_api::documented());
    json_api.push(listed(&json_api::multiple_errors(), &RequestContext::new()));
    matched += check::<json_api::JsonApiError>(&json_api);
    matched += check::<google::GoogleError>(&in_context(google::documented()));
    matched += check::<microsoft::ServiceError>(&in_context(microsoft::documented()));
    matched += check::<kubernetes::StatusReason>(&in_context(kubernetes::documented()));
    matched += check::<paypal::PayPalError>(&in_context(paypal::documented()));
    matched += check::<oauth::TokenError>(&in_context(oauth::documented()));
    // No body: the error is in the status and `WWW-Authenticate`.
    let bearer: Vec<Vec<u8>> = in_context(bearer::documented());
    matched += check::<bearer::BearerError>(&bearer);
    let mut cloudflare = in_context(cloudflare::documented());
    cloudflare.push(listed(&cloudflare::two_errors(), &RequestContext::new()));
    matched += check::<cloudflare::CloudflareError>(&cloudflare);
    assert!(matched >= 20, "only {matched} documented bodies");
}

#[test]
fn bearer_responses_declare_www_authenticate_and_no_content() {
    let document = api_error_core::openapi::document::<bearer::BearerError>("Bearer", "1");
    for response in document["components"]["responses"]
        .as_object()
        .unwrap()
        .values()
    {
        assert!(response.get("content").is_none(), "{response}");
        let challenge = &response["headers"]["www-authenticate"];
        assert_eq!(challenge["required"], true, "{response}");
    }
}

#[test]
fn the_seed_catalogs_conform() {
    let mut matched = 0;
    matched += check::<face_api::FaceError>(&in_context(face_api::documented()));
    matched += check::<incident_api::IncidentError>(&bare(incident_api::documented()));
    matched += check::<oz_api::OzError>(&bare(oz_api::documented()));
    matched += check::<PetnowError>(&bare(petnow::documented()));
    matched += check::<modules::ShopError>(&in_context(modules::documented()));
    let documented = tennis_registry::documented();
    let own: Vec<Vec<u8>> = documented
        .iter()
        .filter(|(_, shape)| *shape == api_error_core::envelopes::TENNIS_REGISTRY)
        .map(|(error, _)| error.to_json(&RequestContext::new()))
        .collect();
    matched += check::<tennis_registry::TennisRegistryError>(&own);
    assert!(matched >= 20, "only {matched} documented bodies");
}

/// The tennis registry's flat shape, the second its document shows: its schema, and its
/// bodies against it.
#[test]
fn a_second_shape_of_one_catalog_conforms() {
    let catalog = tennis_registry::TennisRegistryError::CATALOG;
    let flat: Shape = tennis_registry::FLAT;
    let schema = Envelope::schema(&flat, &catalog).unwrap();
    check_schema(&schema);
    let bodies: Vec<Vec<u8>> = tennis_registry::documented()
        .iter()
        .filter(|(_, shape)| *shape == flat)
        .map(|(error, shape)| tennis_registry::body(error, shape).unwrap().into_bytes())
        .collect();
    assert_eq!(matching(&schema, &bodies, "flat"), 2);
}
