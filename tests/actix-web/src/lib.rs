//! The face API's errors, shared with the axum tests, answered by actix-web, and the JSON
//! extractor whose rejections name the failing field.

api_error_tests::face_http_error!(actix_web);

api_error_core::actix_json!();
