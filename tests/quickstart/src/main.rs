use api_error_core::ApiError;
use api_error_core::axum::ErrorLayer;
use axum::{Router, extract::Path, routing::get};

/// Every error the orders service answers with, as RFC 9457 problem details.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
pub enum OrderError {
    /// The order does not exist, or was deleted.
    #[error("no order {order_id} in the orders table")]
    #[api(status = 404, message = "order {order_id} does not exist")]
    OrderNotFound { order_id: u64 },

    /// The request could not be read: axum's rejections (a bad path, bad JSON) become this.
    #[error("rejected: {0}")]
    #[api(status = 400, message = "the request is not valid", rejection)]
    BadRequest(String),

    /// Clients see "Internal Server Error"; the cause stays in the logs.
    #[error("database: {0}")]
    #[api(status = 500)]
    Database(String),
}

async fn get_order(Path(order_id): Path<u64>) -> Result<String, OrderError> {
    Err(OrderError::OrderNotFound { order_id })
}

pub fn app() -> Router {
    Router::new()
        .route("/orders/{order_id}", get(get_order))
        .layer(ErrorLayer::<OrderError>::new())
}

#[tokio::main]
async fn main() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000")
        .await
        .unwrap();
    axum::serve(listener, app()).await.unwrap();
}

#[cfg(test)]
mod tests;
