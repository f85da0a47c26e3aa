use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 401)]
pub enum AuthError {
    #[api(code = 1001)]
    TokenExpired,
}

#[derive(Debug, ApiError)]
#[api(status = 402)]
pub enum BillingError {
    #[api(code = 1002)]
    CardDeclined,
    #[api(code = 1001)]
    CardExpired,
}

#[derive(Debug, ApiError)]
pub enum HandlerError {
    #[api(transparent)]
    Auth(AuthError),
    #[api(transparent)]
    Billing(BillingError),
}

fn main() {}
