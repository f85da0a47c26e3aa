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
