use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 402)]
pub enum BillingError {
    #[api(code = 4020)]
    CardDeclined,
}

#[derive(Debug, ApiError)]
#[api(status = 400, code_case = "SCREAMING_SNAKE_CASE")]
pub enum HandlerError {
    BadRequest,
    #[api(transparent)]
    Billing(BillingError),
}

fn main() {}
