//! The error catalogs of twelve public APIs, each declared as one enum and one [`Shape`]: no
//! hand-written `Serialize`, no `Envelope` impl. Each module quotes its API's documentation in
//! its tests and checks every documented body byte for byte (layout aside).
//!
//! Run with `cargo run --example public_apis`; `cargo test -p api-error-examples --example
//! public_apis` runs the checks.
//!
//! | API | what its shape shows |
//! |---|---|
//! | RFC 9457 problem details | attributes per problem type, `detail` only when declared, extension members, nested pointers |
//! | GitHub REST | validation items with renamed keys, a documentation URL per error, rate-limit headers from fields |
//! | Discord | form errors nested along each field's path |
//! | GraphQL | members by key (`locations`, `path`), the rest in `extensions`, several errors in one body |
//! | JSON:API | per-field items with a pointer in a nested `source`, status in some items only, errors of several statuses in one body |
//! | Google Cloud (AIP-193) | the status number and the canonical code, typed detail payloads |
//! | Microsoft REST API guidelines | inner errors nested to any depth with their own members, details with codes and targets |
//! | Kubernetes | constants (an empty object among them), the resource the error concerns |
//! | PayPal Orders v2 | the documented name, issue details, the debug id, a documentation link per issue |
//! | OAuth 2.0 token endpoint (RFC 6749) | a description only when declared, static headers, a content type |
//! | OAuth 2.0 bearer tokens (RFC 6750) | no body: the error in the status and `WWW-Authenticate` |
//! | Cloudflare | constants around the list of errors, several errors in one body |
//!
//! [`Shape`]: api_error_core::Shape

use api_error_core::{ApiError, ApiErrors, RequestContext};
use api_error_examples::print_bodies;

#[path = "public_apis/bearer.rs"]
mod bearer;
#[path = "public_apis/cloudflare.rs"]
mod cloudflare;
#[path = "public_apis/discord.rs"]
mod discord;
#[path = "public_apis/github.rs"]
mod github;
#[path = "public_apis/google.rs"]
mod google;
#[path = "public_apis/graphql.rs"]
mod graphql;
#[path = "public_apis/json_api.rs"]
mod json_api;
#[path = "public_apis/kubernetes.rs"]
mod kubernetes;
#[path = "public_apis/microsoft.rs"]
mod microsoft;
#[path = "public_apis/oauth.rs"]
mod oauth;
#[path = "public_apis/paypal.rs"]
mod paypal;
#[path = "public_apis/rfc9457.rs"]
mod rfc9457;

/// An API's heading.
fn section(title: &str) {
    println!("## {title}\n");
}

/// A body of several errors, after a line naming its errors and its status.
fn print_list<E: ApiError>(errors: &ApiErrors<E>, context: &RequestContext<'_>) {
    let codes: Vec<String> = errors
        .as_slice()
        .iter()
        .map(|e| e.code().to_string())
        .collect();
    println!("{} ({})", codes.join(" + "), errors.status());
    println!("{}\n", errors.to_json_string(context));
}

fn main() {
    section("RFC 9457 problem details");
    print_bodies(&rfc9457::documented());
    section("GitHub REST API");
    print_bodies(&github::documented());
    section("Discord");
    print_bodies(&discord::documented());
    section("GraphQL");
    print_list(&graphql::documented(), &graphql::CONTEXT);
    print_list(&graphql::two_errors(), &graphql::CONTEXT);
    section("JSON:API");
    print_bodies(&json_api::documented());
    print_list(&json_api::multiple_errors(), &RequestContext::new());
    section("Google Cloud (AIP-193)");
    print_bodies(&google::documented());
    section("Microsoft REST API guidelines");
    print_bodies(&microsoft::documented());
    section("Kubernetes");
    print_bodies(&kubernetes::documented());
    section("PayPal Orders v2");
    print_bodies(&paypal::documented());
    section("OAuth 2.0 token endpoint (RFC 6749)");
    print_bodies(&oauth::documented());
    section("OAuth 2.0 bearer tokens (RFC 6750): no body");
    for (error, context) in bearer::documented() {
        let response = error.to_response(&context);
        println!("{} ({})", error.code(), response.status());
        for (name, value) in response.headers() {
            println!("{name}: {}", value.to_str().unwrap_or("?"));
        }
        println!();
    }
    section("Cloudflare");
    print_bodies(&cloudflare::documented());
    print_list(&cloudflare::two_errors(), &RequestContext::new());
}

/// Every documented error of every API read back with its own shape, as a client of that API
/// reads it: code (or the one error its static facts fit), message, details, members, inner
/// errors and request context.
#[cfg(test)]
mod read_back {
    use api_error_core::client::{ErrorBody, ErrorResponse};
    use api_error_core::{ApiError, ApiErrors, RequestContext};
    use api_error_examples::assert_round_trips_in;

    use super::*;

    #[test]
    fn every_documented_error_reads_back_in_its_api_shape() {
        assert_round_trips_in("rfc9457", &rfc9457::SHAPE, &rfc9457::documented());
        assert_round_trips_in("github", &github::SHAPE, &github::documented());
        assert_round_trips_in("discord", &discord::SHAPE, &discord::documented());
        assert_round_trips_in("json_api", &json_api::SHAPE, &json_api::documented());
        assert_round_trips_in("google", &google::SHAPE, &google::documented());
        assert_round_trips_in("microsoft", &microsoft::SHAPE, &microsoft::documented());
        assert_round_trips_in("kubernetes", &kubernetes::SHAPE, &kubernetes::documented());
        assert_round_trips_in("paypal", &paypal::SHAPE, &paypal::documented());
        assert_round_trips_in("oauth", &oauth::SHAPE, &oauth::documented());
        assert_round_trips_in("cloudflare", &cloudflare::SHAPE, &cloudflare::documented());
    }

    /// Every error of a body of several errors, in order.
    fn assert_list<E: ApiError + std::fmt::Debug>(
        errors: &ApiErrors<E>,
        context: &RequestContext<'_>,
    ) {
        let response = errors.to_response(context);
        let received = ErrorResponse::<E>::from_response(&response);
        let sent: Vec<_> = errors.as_slice().iter().map(ApiError::code).collect();
        let read: Vec<_> = received
            .errors()
            .iter()
            .map(|error| error.descriptor().map(|descriptor| descriptor.code()))
            .collect();
        assert_eq!(
            read,
            sent.into_iter().map(Some).collect::<Vec<_>>(),
            "{received:?}"
        );
    }

    #[test]
    fn every_error_of_a_list_reads_back() {
        assert_list(&graphql::documented(), &graphql::CONTEXT);
        assert_list(&graphql::two_errors(), &graphql::CONTEXT);
        assert_list(&json_api::multiple_errors(), &RequestContext::new());
        assert_list(&cloudflare::two_errors(), &RequestContext::new());
    }

    #[test]
    fn a_response_without_a_body_is_known_by_its_status() {
        for (error, context) in bearer::documented() {
            assert!(!bearer::BearerError::body_shape().unwrap().has_body());
            let received =
                ErrorResponse::<bearer::BearerError>::from_response(&error.to_response(&context));
            match received.body() {
                ErrorBody::Errors(_) => assert_eq!(received.code().unwrap(), &error.code()),
                // Several errors share the status: the status is all there is.
                ErrorBody::Empty => assert!(
                    bearer::BearerError::CATALOG
                        .iter()
                        .filter(|other| other.status() == error.status())
                        .count()
                        > 1
                ),
                ErrorBody::Foreign(_) => panic!("a response without a body has no body"),
            }
        }
    }
}

/// The TypeScript module of every API, compiled with `tsc --strict` when the compiler is
/// there (`.ci/run` installs it and requires it; see `tests/typescript.rs`).
#[cfg(test)]
mod typescript_modules {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use api_error_core::typescript;

    use super::*;

    #[test]
    fn every_api_module_compiles_strictly() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let tsc = std::env::var_os("TSC").map_or_else(
            || root.join("target/typescript/node_modules/.bin/tsc"),
            PathBuf::from,
        );
        if !tsc.exists() {
            assert!(
                std::env::var_os("API_ERROR_REQUIRE_TSC").is_none(),
                "no TypeScript compiler at {}",
                tsc.display()
            );
            eprintln!("no TypeScript compiler at {}: not checked", tsc.display());
            return;
        }
        let folder = root.join("target/typescript-public-apis");
        let modules = [
            ("rfc9457", typescript::module::<rfc9457::ProblemError>()),
            ("github", typescript::module::<github::GitHubError>()),
            ("discord", typescript::module::<discord::DiscordError>()),
            ("graphql", typescript::module::<graphql::GraphqlError>()),
            ("json_api", typescript::module::<json_api::JsonApiError>()),
            ("google", typescript::module::<google::GoogleError>()),
            ("microsoft", typescript::module::<microsoft::ServiceError>()),
            (
                "kubernetes",
                typescript::module::<kubernetes::StatusReason>(),
            ),
            ("paypal", typescript::module::<paypal::PayPalError>()),
            ("oauth", typescript::module::<oauth::TokenError>()),
            ("bearer", typescript::module::<bearer::BearerError>()),
            (
                "cloudflare",
                typescript::module::<cloudflare::CloudflareError>(),
            ),
        ];
        std::fs::create_dir_all(&folder).unwrap();
        let mut files = Vec::new();
        for (name, module) in modules {
            let path = folder.join(format!("{name}.ts"));
            std::fs::write(&path, module).unwrap();
            files.push(path);
        }
        let compiled = Command::new(&tsc)
            .args([
                "--strict",
                "--noEmit",
                "--noUnusedLocals",
                "--target",
                "es2022",
            ])
            .args(&files)
            .output()
            .unwrap();
        assert!(
            compiled.status.success(),
            "tsc --strict:\n{}",
            String::from_utf8_lossy(&compiled.stdout)
        );
    }
}
