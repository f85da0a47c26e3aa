//! The face API's errors, shared with the axum tests, answered by actix-web.

api_error_tests::face_http_error!(actix_web);
