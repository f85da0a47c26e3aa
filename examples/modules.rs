//! A shop service whose errors live in its modules: `auth`, `billing` and `storage` each
//! declare their own enum, with their own code prefix, and the handlers' error wraps all three
//! with transparent variants. Clients see one contract: every body in the handlers' envelope,
//! one catalog of every error, one documentation page.
//!
//! Run with `cargo run --example modules`; `cargo test` checks the bodies, the merged catalog
//! and the committed page `docs/errors/modules.md`.
//!
//! The prefixes nest: every code starts with the handlers' `SHOP_`, each module's with its
//! own `SHOP_AUTH_`, `SHOP_BILLING_` or `SHOP_STORAGE_`. A module's code outside `SHOP_`, or
//! one that another module (or the handlers) already use, fails the build at the variant that
//! wraps it.

use api_error_core::markdown::{Page, summary};
use api_error_core::{ApiError, FieldError, FieldErrors, RequestContext};
use api_error_examples::print_bodies;

/// Signing in and permissions.
pub mod auth {
    use api_error_core::ApiError;

    /// Errors of the auth module.
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api(prefix = "SHOP_AUTH_", code_case = "SCREAMING_SNAKE_CASE")]
    pub enum AuthError {
        /// The session token is missing, malformed or revoked.
        #[error("invalid session token")]
        #[api(
            status = UNAUTHORIZED,
            category = "Authentication",
            message = "The session token is invalid.",
            www_authenticate = "Bearer realm=\"shop\"",
            solution = "Sign in again"
        )]
        InvalidToken,

        /// The session has expired.
        #[error("session of {user} expired")]
        #[api(
            status = UNAUTHORIZED,
            category = "Authentication",
            message = "The session has expired.",
            www_authenticate = "Bearer realm=\"shop\"",
            retryable = "after signing in again"
        )]
        SessionExpired { user: String },

        /// The account may not do what it asked.
        #[error("{user} may not {action}")]
        #[api(
            status = FORBIDDEN,
            category = "Authentication",
            message = "You may not {action}.",
            solution = "Ask an administrator for the permission"
        )]
        Forbidden {
            user: String,
            #[api(example = "delete orders".to_owned())]
            action: String,
        },

        /// Too many sign-in attempts from one address.
        #[error("too many sign-in attempts")]
        #[api(
            status = TOO_MANY_REQUESTS,
            category = "Authentication",
            message = "Too many sign-in attempts.",
            retryable
        )]
        TooManyAttempts {
            #[api(retry_after)]
            retry_after: u64,
        },
    }

    /// The user a session token belongs to.
    ///
    /// # Errors
    ///
    /// [`AuthError::InvalidToken`] for a token without the `user:` scheme.
    pub fn user(token: &str) -> Result<&str, AuthError> {
        token.strip_prefix("user:").ok_or(AuthError::InvalidToken)
    }
}

/// Payments.
pub mod billing {
    use api_error_core::{ApiError, FieldErrors};

    /// Errors of the billing module.
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api(prefix = "SHOP_BILLING_", code_case = "SCREAMING_SNAKE_CASE")]
    pub enum BillingError {
        /// The card issuer declined the payment.
        #[error("card {last4} declined by the issuer: {reason}")]
        #[api(
            status = PAYMENT_REQUIRED,
            category = "Billing",
            message = "The card ending {last4} was declined.",
            solution = "Use another card"
        )]
        CardDeclined {
            #[api(example = "4242".to_owned())]
            last4: String,
            reason: String,
        },

        /// The payment details are invalid.
        #[error("invalid payment details")]
        #[api(
            status = UNPROCESSABLE_ENTITY,
            category = "Billing",
            message = "The payment details are invalid."
        )]
        InvalidPayment {
            #[api(details)]
            fields: FieldErrors,
        },

        /// The payment provider did not answer. Its own error stays in the logs.
        #[error("payment provider failed: {0}")]
        #[api(status = SERVICE_UNAVAILABLE, category = "Billing", retryable)]
        ProviderUnavailable(String),
    }
}

/// Uploaded files.
pub mod storage {
    use api_error_core::ApiError;

    /// Errors of the storage module.
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api(prefix = "SHOP_STORAGE_", code_case = "SCREAMING_SNAKE_CASE")]
    pub enum StorageError {
        /// No object has that key.
        #[error("no object {key} in bucket {bucket}")]
        #[api(
            status = NOT_FOUND,
            category = "Storage",
            message = "No object {key}.",
            solution = "List the objects to find its key"
        )]
        ObjectNotFound {
            #[api(example = "invoices/2024-01.pdf".to_owned())]
            key: String,
            bucket: String,
        },

        /// The account's storage quota is used up.
        #[error("quota exceeded: {used} of {quota} bytes")]
        #[api(
            status = INSUFFICIENT_STORAGE,
            category = "Storage",
            message = "The storage quota is used up.",
            solution = "Delete objects or upgrade the plan"
        )]
        QuotaExceeded { used: u64, quota: u64 },
    }

    /// The object stored under `key`.
    ///
    /// # Errors
    ///
    /// [`StorageError::ObjectNotFound`] for every key: the example stores nothing.
    pub fn object(key: &str) -> Result<Vec<u8>, StorageError> {
        Err(StorageError::ObjectNotFound {
            key: key.to_owned(),
            bucket: "shop-uploads".to_owned(),
        })
    }
}

use auth::AuthError;
use billing::BillingError;
use storage::StorageError;

/// Errors of the shop's HTTP handlers: their own, and every module's, in one envelope.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    envelope = "face",
    prefix = "SHOP_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum ShopError {
    /// No route matches the request.
    #[error("no route for {path}")]
    #[api(status = NOT_FOUND, category = "Request", message = "No route for {path}.")]
    RouteNotFound {
        #[api(example = "/v1/carts".to_owned())]
        path: String,
    },

    #[error(transparent)]
    #[api(transparent)]
    Auth(#[from] AuthError),

    #[error(transparent)]
    #[api(transparent)]
    Billing(#[from] BillingError),

    #[error(transparent)]
    #[api(transparent)]
    Storage(#[from] StorageError),
}

/// A handler: the download of an object, for the user the token names. `?` turns each
/// module's error into the handlers'.
///
/// # Errors
///
/// The auth module's for a bad token, the storage module's for a missing object.
pub fn download(token: &str, key: &str) -> Result<Vec<u8>, ShopError> {
    let _user = auth::user(token)?;
    Ok(storage::object(key)?)
}

/// One error of each module and of the handlers, with the request context of its response.
pub fn documented() -> Vec<(ShopError, RequestContext<'static>)> {
    let context = RequestContext::new()
        .request_id("req_7f3a")
        .timestamp("2024-05-02T09:30:00Z");
    vec![
        ShopError::RouteNotFound {
            path: "/v1/carts".into(),
        },
        ShopError::Auth(AuthError::SessionExpired { user: "ada".into() }),
        ShopError::Auth(AuthError::TooManyAttempts { retry_after: 60 }),
        ShopError::Billing(BillingError::CardDeclined {
            last4: "0005".into(),
            reason: "do_not_honor".into(),
        }),
        ShopError::Billing(BillingError::InvalidPayment {
            fields: FieldErrors::from([FieldError::new("expiry", "must be in the future")]),
        }),
        ShopError::Billing(BillingError::ProviderUnavailable(
            "upstream timeout after 30s".into(),
        )),
        ShopError::Storage(StorageError::ObjectNotFound {
            key: "avatars/ada.png".into(),
            bucket: "shop-uploads".into(),
        }),
    ]
    .into_iter()
    .map(|error| (error, context))
    .collect()
}

/// The catalog page committed as `docs/errors/modules.md`: every error of the handlers and of
/// the three modules, then the summary tables.
pub fn page() -> String {
    let mut page = Page::new("Shop API Errors")
        .overview("Every error the shop's API answers with, whichever module it comes from, in one envelope.")
        .context(RequestContext::new().request_id("req_7f3a"))
        .render::<ShopError>();
    page.push('\n');
    page.push_str(&summary::<ShopError>());
    page
}

fn main() {
    print_bodies(&documented());
    match download("not-a-token", "avatars/ada.png") {
        Ok(_) => println!("downloaded"),
        Err(error) => println!("download: {} ({}): {error}", error.code(), error.status()),
    }
}

#[cfg(test)]
mod tests {
    use api_error_examples::{assert_catalog, assert_json_bodies};

    use super::*;

    // Every error of the handlers and of the modules, own errors first, then each module's in
    // the order the handlers wrap them.
    const CATALOG: [(&str, u16, &str); 10] = [
        ("SHOP_ROUTE_NOT_FOUND", 404, "RouteNotFound"),
        ("SHOP_AUTH_INVALID_TOKEN", 401, "InvalidToken"),
        ("SHOP_AUTH_SESSION_EXPIRED", 401, "SessionExpired"),
        ("SHOP_AUTH_FORBIDDEN", 403, "Forbidden"),
        ("SHOP_AUTH_TOO_MANY_ATTEMPTS", 429, "TooManyAttempts"),
        ("SHOP_BILLING_CARD_DECLINED", 402, "CardDeclined"),
        ("SHOP_BILLING_INVALID_PAYMENT", 422, "InvalidPayment"),
        (
            "SHOP_BILLING_PROVIDER_UNAVAILABLE",
            503,
            "ProviderUnavailable",
        ),
        ("SHOP_STORAGE_OBJECT_NOT_FOUND", 404, "ObjectNotFound"),
        ("SHOP_STORAGE_QUOTA_EXCEEDED", 507, "QuotaExceeded"),
    ];

    const CONTEXT: &str = r#""request_id":"req_7f3a","timestamp":"2024-05-02T09:30:00Z""#;

    #[test]
    fn every_module_answers_in_the_handlers_envelope() {
        let bodies = [
            r#"{"code":"SHOP_ROUTE_NOT_FOUND","message":"No route for /v1/carts."}"#,
            r#"{"code":"SHOP_AUTH_SESSION_EXPIRED","message":"The session has expired."}"#,
            r#"{"code":"SHOP_AUTH_TOO_MANY_ATTEMPTS","message":"Too many sign-in attempts."}"#,
            r#"{"code":"SHOP_BILLING_CARD_DECLINED","message":"The card ending 0005 was declined."}"#,
            r#"{"code":"SHOP_BILLING_INVALID_PAYMENT","message":"The payment details are invalid.","details":[{"field":"expiry","message":"must be in the future"}]}"#,
            r#"{"code":"SHOP_BILLING_PROVIDER_UNAVAILABLE","message":"Service Unavailable"}"#,
            r#"{"code":"SHOP_STORAGE_OBJECT_NOT_FOUND","message":"No object avatars/ada.png."}"#,
        ]
        .map(|error| format!(r#"{{"success":false,"error":{error},{CONTEXT}}}"#));
        let bodies: Vec<&str> = bodies.iter().map(String::as_str).collect();
        assert_json_bodies(&documented(), &bodies);
    }

    #[test]
    fn the_catalog_holds_every_module() {
        assert_catalog(ShopError::CATALOG, &CATALOG);
        let modules: Vec<&str> = ShopError::CATALOG
            .nested()
            .iter()
            .map(|catalog| catalog.name())
            .collect();
        assert_eq!(modules, ["AuthError", "BillingError", "StorageError"]);
        let found = ShopError::CATALOG
            .get("SHOP_STORAGE_QUOTA_EXCEEDED")
            .unwrap();
        assert_eq!(found.solutions(), ["Delete objects or upgrade the plan"]);
    }

    #[test]
    fn the_page_lists_every_error_of_all_three_modules() {
        let page = page();
        for (code, status, name) in CATALOG {
            assert_eq!(
                page.matches(&format!("\n### {code} - {name}\n\nStatus Code: {status}\n"))
                    .count(),
                1,
                "{code}"
            );
            assert!(page.contains(&format!("| `{code}` | {status} |")), "{code}");
        }
        for section in ["Request", "Authentication", "Billing", "Storage"] {
            assert!(
                page.contains(&format!("\n## {section} Errors")),
                "{section}"
            );
        }
    }

    #[test]
    fn question_marks_wrap_each_modules_error() {
        let error = download("not-a-token", "a.png").unwrap_err();
        assert!(matches!(error, ShopError::Auth(AuthError::InvalidToken)));
        let response = error.to_response(&RequestContext::new());
        assert_eq!(response.status(), 401);
        assert_eq!(
            response.headers()["www-authenticate"],
            "Bearer realm=\"shop\""
        );
        let error = download("user:ada", "a.png").unwrap_err();
        assert_eq!(error.code(), "SHOP_STORAGE_OBJECT_NOT_FOUND");
        // The log line keeps the module's internal text; the client never sees the bucket.
        assert_eq!(error.to_string(), "no object a.png in bucket shop-uploads");
        assert!(
            !error
                .to_json_string(&RequestContext::new())
                .contains("shop-uploads")
        );
    }

    #[test]
    fn module_headers_come_through() {
        let limited = ShopError::from(AuthError::TooManyAttempts { retry_after: 60 });
        let response = limited.to_response(&RequestContext::new());
        assert_eq!(response.status(), 429);
        assert_eq!(response.headers()["retry-after"], "60");
    }

    #[test]
    fn every_error_reads_back_in_every_envelope() {
        let errors = ShopError::examples();
        assert_eq!(
            errors.len(),
            ShopError::CATALOG.len(),
            "an example of every error"
        );
        api_error_examples::assert_round_trips(&errors);
    }

    #[test]
    fn committed_page_is_current() {
        api_error_examples::assert_committed_page("modules", &page());
    }

    #[test]
    fn catalog_is_stable_against_its_snapshot() {
        api_error_examples::assert_stable_catalog("modules", ShopError::CATALOG);
    }
}
