use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 402, prefix = "BILLING_", code_case = "SCREAMING_SNAKE_CASE")]
pub enum BillingError {
    CardDeclined,
}

#[derive(Debug, ApiError)]
#[api(status = 400, prefix = "SHOP_", code_case = "SCREAMING_SNAKE_CASE")]
pub enum HandlerError {
    BadRequest,
    #[api(transparent)]
    Billing(BillingError),
}

fn main() {}
