//! Lookups on an enum of a realistic size: the derive's `status()`, `code()` and public message
//! against the `match` a person would write by hand for the same values.
//!
//! One iteration of each figure looks up every variant once, so it measures a mix of arms
//! rather than one arm the branch predictor learns.

use std::fmt::Write as _;
use std::hint::black_box;

use api_error_core::ApiError;

use crate::Compare;
use crate::counting;

/// The errors of an online shop's API: 32 variants, unit, tuple and struct ones, with static
/// messages, interpolated messages, and no message at all (the status's reason phrase).
#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", prefix = "SHOP_")]
pub enum ShopError {
    // Authentication.
    #[api(status = 401, message = "Missing or invalid credentials.")]
    Unauthenticated,
    #[api(status = 401, message = "The access token has expired.")]
    TokenExpired,
    #[api(status = 403, message = "API key {0} may not call this endpoint.")]
    KeyNotAllowed(String),
    #[api(status = 403, message = "Account {account_id} is suspended.")]
    AccountSuspended { account_id: u64, reason: String },

    // Catalog.
    #[api(status = 404, message = "No product with SKU {sku}.")]
    ProductNotFound { sku: String },
    #[api(status = 404, message = "No such category.")]
    CategoryNotFound(u32),
    #[api(status = 410, message = "Product {0} has been discontinued.")]
    ProductDiscontinued(String),
    #[api(status = 409, message = "Only {available} of {sku} left in stock.")]
    OutOfStock { sku: String, available: u32 },

    // Cart.
    #[api(status = 404)]
    CartNotFound,
    #[api(status = 410, message = "Your cart has expired.")]
    CartExpired,
    #[api(status = 422, message = "A cart holds at most {limit} items.")]
    CartItemLimit { limit: u16 },
    #[api(status = 422, message = "Quantity {0} is not allowed.")]
    InvalidQuantity(i32),
    #[api(status = 422, message = "Coupon {coupon:?} is not valid.")]
    CouponInvalid { coupon: String },
    #[api(status = 422, message = "This coupon has expired.")]
    CouponExpired,

    // Payment.
    #[api(status = 402, message = "The payment was declined.")]
    PaymentDeclined { reason_code: u16 },
    #[api(
        code = "SHOP_PAYMENT_3DS",
        status = 402,
        message = "The payment needs the customer's confirmation."
    )]
    PaymentRequiresAction,
    #[api(status = 402)]
    InsufficientFunds,
    #[api(status = 422, message = "Currency {0} is not supported.")]
    CurrencyNotSupported(String),
    #[api(
        status = 422,
        message = "Amount {amount_cents} exceeds the limit of {max_cents}."
    )]
    AmountTooLarge { amount_cents: u64, max_cents: u64 },

    // Orders.
    #[api(status = 404, message = "No order {order_id}.")]
    OrderNotFound { order_id: u64 },
    #[api(status = 409, message = "Order {0} has already shipped.")]
    OrderAlreadyShipped(u64),
    #[api(status = 409, message = "The order was cancelled.")]
    OrderCancelled,
    #[api(status = 422, message = "Refunds close {days} days after delivery.")]
    RefundWindowClosed { days: u32 },

    // Shipping.
    #[api(status = 422, message = "Address field {field} is invalid.")]
    AddressInvalid { field: &'static str },
    #[api(status = 422, message = "We do not ship to {0}.")]
    ShippingUnavailable(String),

    // Limits.
    #[api(
        status = 429,
        message = "Too many requests; retry in {seconds} seconds."
    )]
    RateLimited {
        #[api(retry_after)]
        seconds: u64,
    },
    #[api(status = 429)]
    QuotaExceeded,

    // Server side: no message, so clients see the reason phrase.
    #[api(status = 500)]
    Database(String),
    #[api(status = 504)]
    UpstreamTimeout { service: &'static str },
    #[api(status = 503, message = "The payment provider is unavailable.")]
    UpstreamUnavailable,
    #[api(status = 503, message = "Down for maintenance.")]
    Maintenance,
    #[api(status = 501)]
    NotImplemented,
}

/// One value of every variant, in declaration order.
pub fn every_variant() -> Vec<ShopError> {
    use ShopError::*;
    vec![
        Unauthenticated,
        TokenExpired,
        KeyNotAllowed("pk_live_51H".into()),
        AccountSuspended {
            account_id: 4711,
            reason: "chargebacks".into(),
        },
        ProductNotFound {
            sku: "SKU-1042-BLK".into(),
        },
        CategoryNotFound(77),
        ProductDiscontinued("SKU-0007".into()),
        OutOfStock {
            sku: "SKU-2200".into(),
            available: 3,
        },
        CartNotFound,
        CartExpired,
        CartItemLimit { limit: 100 },
        InvalidQuantity(-2),
        CouponInvalid {
            coupon: "SPRING24".into(),
        },
        CouponExpired,
        PaymentDeclined { reason_code: 51 },
        PaymentRequiresAction,
        InsufficientFunds,
        CurrencyNotSupported("XTS".into()),
        AmountTooLarge {
            amount_cents: 2_500_000,
            max_cents: 1_000_000,
        },
        OrderNotFound { order_id: 90_210 },
        OrderAlreadyShipped(90_211),
        OrderCancelled,
        RefundWindowClosed { days: 30 },
        AddressInvalid {
            field: "postal_code",
        },
        ShippingUnavailable("Antarctica".into()),
        RateLimited { seconds: 12 },
        QuotaExceeded,
        Database("connection reset by peer".into()),
        UpstreamTimeout {
            service: "payments",
        },
        UpstreamUnavailable,
        Maintenance,
        NotImplemented,
    ]
}

/// The same lookups, written by hand as one `match` each.
pub mod by_hand {
    use std::fmt;

    use api_error_core::http::StatusCode;

    use super::ShopError;

    /// The HTTP status.
    pub fn status(error: &ShopError) -> StatusCode {
        use ShopError::*;
        match error {
            Unauthenticated | TokenExpired => StatusCode::UNAUTHORIZED,
            KeyNotAllowed(_) | AccountSuspended { .. } => StatusCode::FORBIDDEN,
            ProductNotFound { .. } | CategoryNotFound(_) | CartNotFound | OrderNotFound { .. } => {
                StatusCode::NOT_FOUND
            }
            ProductDiscontinued(_) | CartExpired => StatusCode::GONE,
            OutOfStock { .. } | OrderAlreadyShipped(_) | OrderCancelled => StatusCode::CONFLICT,
            CartItemLimit { .. }
            | InvalidQuantity(_)
            | CouponInvalid { .. }
            | CouponExpired
            | CurrencyNotSupported(_)
            | AmountTooLarge { .. }
            | RefundWindowClosed { .. }
            | AddressInvalid { .. }
            | ShippingUnavailable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            PaymentDeclined { .. } | PaymentRequiresAction | InsufficientFunds => {
                StatusCode::PAYMENT_REQUIRED
            }
            RateLimited { .. } | QuotaExceeded => StatusCode::TOO_MANY_REQUESTS,
            Database(_) => StatusCode::INTERNAL_SERVER_ERROR,
            UpstreamTimeout { .. } => StatusCode::GATEWAY_TIMEOUT,
            UpstreamUnavailable | Maintenance => StatusCode::SERVICE_UNAVAILABLE,
            NotImplemented => StatusCode::NOT_IMPLEMENTED,
        }
    }

    /// The stable code.
    pub fn code(error: &ShopError) -> &'static str {
        use ShopError::*;
        match error {
            Unauthenticated => "SHOP_UNAUTHENTICATED",
            TokenExpired => "SHOP_TOKEN_EXPIRED",
            KeyNotAllowed(_) => "SHOP_KEY_NOT_ALLOWED",
            AccountSuspended { .. } => "SHOP_ACCOUNT_SUSPENDED",
            ProductNotFound { .. } => "SHOP_PRODUCT_NOT_FOUND",
            CategoryNotFound(_) => "SHOP_CATEGORY_NOT_FOUND",
            ProductDiscontinued(_) => "SHOP_PRODUCT_DISCONTINUED",
            OutOfStock { .. } => "SHOP_OUT_OF_STOCK",
            CartNotFound => "SHOP_CART_NOT_FOUND",
            CartExpired => "SHOP_CART_EXPIRED",
            CartItemLimit { .. } => "SHOP_CART_ITEM_LIMIT",
            InvalidQuantity(_) => "SHOP_INVALID_QUANTITY",
            CouponInvalid { .. } => "SHOP_COUPON_INVALID",
            CouponExpired => "SHOP_COUPON_EXPIRED",
            PaymentDeclined { .. } => "SHOP_PAYMENT_DECLINED",
            PaymentRequiresAction => "SHOP_PAYMENT_3DS",
            InsufficientFunds => "SHOP_INSUFFICIENT_FUNDS",
            CurrencyNotSupported(_) => "SHOP_CURRENCY_NOT_SUPPORTED",
            AmountTooLarge { .. } => "SHOP_AMOUNT_TOO_LARGE",
            OrderNotFound { .. } => "SHOP_ORDER_NOT_FOUND",
            OrderAlreadyShipped(_) => "SHOP_ORDER_ALREADY_SHIPPED",
            OrderCancelled => "SHOP_ORDER_CANCELLED",
            RefundWindowClosed { .. } => "SHOP_REFUND_WINDOW_CLOSED",
            AddressInvalid { .. } => "SHOP_ADDRESS_INVALID",
            ShippingUnavailable(_) => "SHOP_SHIPPING_UNAVAILABLE",
            RateLimited { .. } => "SHOP_RATE_LIMITED",
            QuotaExceeded => "SHOP_QUOTA_EXCEEDED",
            Database(_) => "SHOP_DATABASE",
            UpstreamTimeout { .. } => "SHOP_UPSTREAM_TIMEOUT",
            UpstreamUnavailable => "SHOP_UPSTREAM_UNAVAILABLE",
            Maintenance => "SHOP_MAINTENANCE",
            NotImplemented => "SHOP_NOT_IMPLEMENTED",
        }
    }

    /// The public message, when it has no interpolated values.
    pub fn static_message(error: &ShopError) -> Option<&'static str> {
        use ShopError::*;
        match error {
            Unauthenticated => Some("Missing or invalid credentials."),
            TokenExpired => Some("The access token has expired."),
            CategoryNotFound(_) => Some("No such category."),
            CartNotFound => Some("Not Found"),
            CartExpired => Some("Your cart has expired."),
            CouponExpired => Some("This coupon has expired."),
            PaymentDeclined { .. } => Some("The payment was declined."),
            PaymentRequiresAction => Some("The payment needs the customer's confirmation."),
            InsufficientFunds => Some("Payment Required"),
            OrderCancelled => Some("The order was cancelled."),
            QuotaExceeded => Some("Too Many Requests"),
            Database(_) => Some("Internal Server Error"),
            UpstreamTimeout { .. } => Some("Gateway Timeout"),
            UpstreamUnavailable => Some("The payment provider is unavailable."),
            Maintenance => Some("Down for maintenance."),
            NotImplemented => Some("Not Implemented"),
            KeyNotAllowed(_)
            | AccountSuspended { .. }
            | ProductNotFound { .. }
            | ProductDiscontinued(_)
            | OutOfStock { .. }
            | CartItemLimit { .. }
            | InvalidQuantity(_)
            | CouponInvalid { .. }
            | CurrencyNotSupported(_)
            | AmountTooLarge { .. }
            | OrderNotFound { .. }
            | OrderAlreadyShipped(_)
            | RefundWindowClosed { .. }
            | AddressInvalid { .. }
            | ShippingUnavailable(_)
            | RateLimited { .. } => None,
        }
    }

    /// The public message, formatted where it is written, as `thiserror` would do it.
    pub struct Message<'a>(pub &'a ShopError);

    impl fmt::Display for Message<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            use ShopError::*;
            match self.0 {
                KeyNotAllowed(key) => write!(f, "API key {key} may not call this endpoint."),
                AccountSuspended { account_id, .. } => {
                    write!(f, "Account {account_id} is suspended.")
                }
                ProductNotFound { sku } => write!(f, "No product with SKU {sku}."),
                ProductDiscontinued(sku) => write!(f, "Product {sku} has been discontinued."),
                OutOfStock { sku, available } => {
                    write!(f, "Only {available} of {sku} left in stock.")
                }
                CartItemLimit { limit } => write!(f, "A cart holds at most {limit} items."),
                InvalidQuantity(quantity) => write!(f, "Quantity {quantity} is not allowed."),
                CouponInvalid { coupon } => write!(f, "Coupon {coupon:?} is not valid."),
                CurrencyNotSupported(currency) => {
                    write!(f, "Currency {currency} is not supported.")
                }
                AmountTooLarge {
                    amount_cents,
                    max_cents,
                } => write!(f, "Amount {amount_cents} exceeds the limit of {max_cents}."),
                OrderNotFound { order_id } => write!(f, "No order {order_id}."),
                OrderAlreadyShipped(order_id) => write!(f, "Order {order_id} has already shipped."),
                RefundWindowClosed { days } => {
                    write!(f, "Refunds close {days} days after delivery.")
                }
                AddressInvalid { field } => write!(f, "Address field {field} is invalid."),
                ShippingUnavailable(place) => write!(f, "We do not ship to {place}."),
                RateLimited { seconds } => {
                    write!(f, "Too many requests; retry in {seconds} seconds.")
                }
                error => f.write_str(static_message(error).unwrap_or_default()),
            }
        }
    }
}

/// The figures: status, code, static message and formatted message, each over every variant.
///
/// # Panics
///
/// When the derive and the hand-written `match` disagree on any variant.
pub fn cases(run: &mut impl Compare) {
    let errors = every_variant();
    check(&errors);
    let errors = errors.as_slice();

    run.compare(
        "lookup/status",
        || {
            for error in black_box(errors) {
                black_box(error.status());
            }
        },
        || {
            for error in black_box(errors) {
                black_box(by_hand::status(error));
            }
        },
    );
    run.compare(
        "lookup/code",
        || {
            for error in black_box(errors) {
                black_box(error.code());
            }
        },
        || {
            for error in black_box(errors) {
                black_box(by_hand::code(error));
            }
        },
    );
    run.compare(
        "lookup/static_message",
        || {
            for error in black_box(errors) {
                black_box(error.static_message());
            }
        },
        || {
            for error in black_box(errors) {
                black_box(by_hand::static_message(error));
            }
        },
    );

    // Every message written into a reused `String`, as a response or a log line would be.
    let mut derived = String::with_capacity(256);
    let mut by_hand = String::with_capacity(256);
    run.compare(
        "lookup/message",
        move || {
            for error in black_box(errors) {
                derived.clear();
                write!(derived, "{}", error.message()).unwrap();
                black_box(&derived);
            }
        },
        move || {
            for error in black_box(errors) {
                by_hand.clear();
                write!(by_hand, "{}", by_hand::Message(error)).unwrap();
                black_box(&by_hand);
            }
        },
    );
}

/// The derive and the hand-written `match` give the same values for every variant, and the
/// values cover every variant of the catalog.
fn check(errors: &[ShopError]) {
    let catalog = ShopError::CATALOG.descriptors();
    assert_eq!(errors.len(), catalog.len(), "one value of every variant");
    for (error, descriptor) in errors.iter().zip(catalog) {
        assert_eq!(error.descriptor(), descriptor, "{error:?}");
        assert_eq!(error.status(), by_hand::status(error), "{error:?}");
        assert_eq!(error.code(), by_hand::code(error), "{error:?}");
        assert_eq!(
            error.static_message(),
            by_hand::static_message(error),
            "{error:?}"
        );
        assert_eq!(
            error.message().to_string(),
            by_hand::Message(error).to_string(),
            "{error:?}"
        );
    }
}

/// Checks that `status()`, `code()`, `static_message()`, and writing the message into a
/// `String` with room for it, allocate nothing, for every variant; the hand-written `match`
/// too, so the check itself is known to work.
///
/// # Panics
///
/// When one of them allocates, or when [`counting::Counting`] is not the global allocator.
pub fn assert_no_allocations() {
    let errors = every_variant();
    let mut text = String::with_capacity(256);
    let derived = counting::allocations(|| {
        for error in &errors {
            black_box(error.status());
            black_box(error.code());
            black_box(error.static_message());
            text.clear();
            write!(text, "{}", error.message()).unwrap();
        }
    });
    let by_hand = counting::allocations(|| {
        for error in &errors {
            black_box(by_hand::status(error));
            black_box(by_hand::code(error));
            black_box(by_hand::static_message(error));
            text.clear();
            write!(text, "{}", by_hand::Message(error)).unwrap();
        }
    });
    assert_eq!(derived, 0, "lookups through the derive allocated");
    assert_eq!(by_hand, 0, "hand-written lookups allocated");
}
