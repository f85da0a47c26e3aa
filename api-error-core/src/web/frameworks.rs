//! The web framework impls the derive asks for. It cannot see this crate's features, so it
//! always calls these macros, which write the impl when the framework's feature is on and
//! nothing (axum) or a clear error (actix-web, which a type asks for by name) when it is off.

pub use http::Response;

#[cfg(feature = "axum")]
pub use axum_core::response::{IntoResponse, Response as AxumResponse};

/// Implements axum's `IntoResponse` for a derived type when the `axum` feature is on:
/// `impl_axum!([impl generics] [type] [where predicates])`.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ([$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::IntoResponse for $($ty)*
        where
            $($ty)*: $crate::ApiError,
            $($bounds)*
        {
            fn into_response(self) -> $crate::__private::AxumResponse {
                // The most the type can say in its log event: `Error`, else `Display`, else
                // `Debug`, else nothing.
                #[allow(unused_imports)]
                use $crate::__private::{
                    ReportDebug as _, ReportDisplay as _, ReportError as _, ReportNothing as _,
                };
                let __report = (&&&&$crate::__private::Reported(&self)).report();
                $crate::axum::reported(&self, __report)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($tokens:tt)*) => {};
}

pub use crate::__impl_axum as impl_axum;

/// Implements actix-web's `ResponseError` for a derived type when the `actix-web`
/// feature is on, against the `actix_web` crate of the crate using the derive.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ([$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* ::actix_web::ResponseError for $($ty)*
        where
            $($ty)*: $crate::ApiError + $crate::__private::Debug + $crate::__private::Display,
            $($bounds)*
        {
            fn status_code(&self) -> ::actix_web::http::StatusCode {
                let status = $crate::ApiError::status(self).as_u16();
                ::actix_web::http::StatusCode::from_u16(status)
                    .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
            }

            fn error_response(&self) -> ::actix_web::HttpResponse {
                // The most the type can say in its log event: `Error`, else `Display`.
                #[allow(unused_imports)]
                use $crate::__private::{
                    ReportDebug as _, ReportDisplay as _, ReportError as _, ReportNothing as _,
                };
                let __report = (&&&&$crate::__private::Reported(self)).report();
                $crate::__private::actix_response!($crate::actix::reported(self, __report))
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "`#[api(actix_web)]` needs the `actix-web` feature of api-error-core"
        );
    };
}

pub use crate::__impl_actix_web as impl_actix_web;

/// An `http::Response<Vec<u8>>` and the descriptor of its body as an
/// `actix_web::HttpResponse`, with the descriptor as an extension, which marks it as an
/// error's own.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_response {
    ($answer:expr) => {{
        let (response, descriptor): (
            $crate::__private::Response<$crate::__private::Vec<u8>>,
            &'static $crate::Descriptor,
        ) = $answer;
        let (parts, body) = $crate::__private::Response::into_parts(response);
        let status = ::actix_web::http::StatusCode::from_u16(parts.status.as_u16())
            .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR);
        let mut builder = ::actix_web::HttpResponse::build(status);
        for (name, value) in &parts.headers {
            if let $crate::__private::Result::Ok(value) = value.to_str() {
                builder.append_header((name.as_str(), value));
            }
        }
        let mut response = builder.body(body);
        response.extensions_mut().insert(descriptor);
        response
    }};
}

#[cfg(feature = "actix-web")]
pub use crate::__actix_response as actix_response;

#[cfg(feature = "actix-web")]
pub use crate::{__actix_rejection as actix_rejection, __actix_replace as actix_replace};
