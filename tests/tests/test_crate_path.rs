//! `#[api(crate = ...)]` reaches the core crate under another name.

// The core crate under another name, as a workspace that renames its dependency sees it.
extern crate api_error_core as renamed_core;

use renamed_core::ApiError;

#[derive(Debug, ApiError)]
#[api(crate = ::renamed_core, code_case = "snake_case", status = 418)]
enum Renamed {
    Teapot,
}

mod reexport {
    pub use api_error_core as api;
}

#[derive(Debug, ApiError)]
#[api(crate = "crate::reexport::api", code = "VIA_REEXPORT", status = 400)]
struct ThroughReexport;

#[test]
fn renamed_crate_path() {
    assert_eq!(Renamed::Teapot.code(), "teapot");
    assert_eq!(Renamed::Teapot.message().to_string(), "I'm a teapot");
    assert_eq!(ThroughReexport.code(), "VIA_REEXPORT");
}
