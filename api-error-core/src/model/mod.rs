//! The error model: what a derived type is (the [`ApiError`] trait), the static facts about
//! each of its errors ([`Descriptor`], [`Code`], [`Catalog`]), and what a value adds to them
//! when it is answered ([`Message`], [`Details`], [`RequestContext`]).

pub(crate) mod api_error;
pub(crate) mod catalog;
pub(crate) mod code;
pub(crate) mod code_table;
pub(crate) mod conflict;
pub(crate) mod context;
pub(crate) mod descriptor;
pub(crate) mod details;
pub(crate) mod message;
pub(crate) mod retry;
pub(crate) mod text;
