#!/usr/bin/env python3
"""Compile-time benchmark of `#[derive(ApiError)]`.

For each size N (100, 1000 and 5000 variants by default) the script generates four crates
whose `lib.rs` holds one error enum of N variants, the same enum written three ways, the first
of them twice:

  derive     `#[derive(Debug, thiserror::Error, ApiError)]` with `#[error]` and `#[api]`;
  docs       the same, with the `docs` feature of api-error-core (example values for the
             Markdown and OpenAPI documentation);
  thiserror  `#[derive(Debug, thiserror::Error)]` alone, the same `#[error]` messages;
  hand       thiserror for `Display`, plus hand-written `status()`, `code()`,
             `public_message()`, `details()` and a `#[derive(Serialize)]` envelope filled by
             `to_json()`: the same job as the derive's status, code, message and body.

All crates live in one scratch cargo workspace under `benches/compile/target/scratch`, with one
target directory, so the dependencies are built once before anything is timed. Each timed run
touches one crate's `lib.rs` and runs `cargo check -p <crate>` or `cargo build -p <crate>` (dev
profile, `CARGO_INCREMENTAL=0`, so the crate is compiled from scratch and nothing else is). Every
repetition times every size, and within a size the four crates in a rotating order, so a change
in the machine's load falls on all of them alike.

It also times clean builds (`cargo build` into an empty target directory) of three crates:
syn 3 with darling's features alone, darling 0.24 alone, and `api-error-derive`, to tell what
the derive crate adds on top of darling.

With `--profile N` it also runs rustc's `-Z time-passes` (through `RUSTC_BOOTSTRAP=1`) on the
three crates of size N and measures their macro-expanded source, to show where the time goes.

The report is printed as Markdown and written to `benches/compile/results.md`.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CORE = REPO / "api-error-core"
DERIVE = REPO / "api-error-derive"
SCRATCH = HERE / "target" / "scratch"
CRATES = SCRATCH / "crates"
CLEAN_TARGETS = SCRATCH / "clean-targets"
PROFILE_TARGET = SCRATCH / "profile-target"
RESULTS = HERE / "results.md"
INSTRUCTIONS = HERE / "instructions.md"

WAYS = ("derive", "docs", "thiserror", "hand")
MODES = ("check", "build")
DEFAULT_SIZES = (100, 1000, 5000)

# The targets the project has set, on what each way adds to the thiserror-only crate.
TARGET_ADDED_RATIO = 1.0  # what the derive adds / what the hand-written code adds
TARGET_DOCS_RATIO = 1.2  # the same with the `docs` feature: at most a fifth more
TARGET_ADDED_GROWTH = 5.5  # what the derive adds at 5,000 variants / at 1,000
LINEAR_GROWTH = 5.0  # t(5000) / t(1000) when the cost is linear in the variants
# The ways whose addition to the thiserror-only crate is reported.
ADDING = ("derive", "docs", "hand")

# Words the variant names are made of: each is one capitalized word, so the derived
# SCREAMING_SNAKE_CASE code is the three words upper-cased and joined by underscores.
NOUNS = (
    "Pet", "Invoice", "Order", "Account", "Session", "Token", "Shard", "Tenant", "Upload",
    "Report", "Webhook", "Payment", "Refund", "Coupon", "Address", "Device", "Camera", "Photo",
    "Album", "Ticket", "Project", "Member", "Role", "Quota", "Export",
)
STATES = (
    "Missing", "Locked", "Expired", "Revoked", "Duplicated", "Frozen", "Stale", "Corrupted",
    "Rejected", "Pending", "Archived", "Orphaned", "Throttled", "Oversized", "Undersized",
    "Misrouted", "Unsigned", "Unverified", "Suspended", "Conflicting",
)
SCOPES = (
    "Api", "Billing", "Storage", "Search", "Auth", "Sync", "Import", "Mobile", "Admin",
    "Partner", "Legacy", "Batch",
)
MAX_SIZE = len(NOUNS) * len(STATES) * len(SCOPES)

# (name of the http::StatusCode constant, number, reason phrase)
STATUSES = (
    ("BAD_REQUEST", 400, "Bad Request"),
    ("UNAUTHORIZED", 401, "Unauthorized"),
    ("FORBIDDEN", 403, "Forbidden"),
    ("NOT_FOUND", 404, "Not Found"),
    ("CONFLICT", 409, "Conflict"),
    ("GONE", 410, "Gone"),
    ("UNPROCESSABLE_ENTITY", 422, "Unprocessable Entity"),
    ("TOO_MANY_REQUESTS", 429, "Too Many Requests"),
    ("INTERNAL_SERVER_ERROR", 500, "Internal Server Error"),
    ("SERVICE_UNAVAILABLE", 503, "Service Unavailable"),
)

# The request context every body of the equivalence check carries.
REQUEST_ID = "req_01j8"
TIMESTAMP = "2024-01-15T11:22:33Z"

DEPENDENCIES = f"""\
api-error-core = {{ path = "{{core}}" }}
http = "1"
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
thiserror = "2"
"""
# Way (a) again, with the core crate's `docs` feature, which adds each type's example values.
DOCS_DEPENDENCIES = DEPENDENCIES.replace('path = "{core}" }', 'path = "{core}", features = ["docs"] }')

# The crates whose clean build is timed, and what each one depends on.
CLEAN_CRATES = {
    "clean_syn": 'proc-macro2 = "1"\nquote = "1"\n'
    'syn = { version = "3", features = ["full", "extra-traits"] }\n',
    "clean_darling": 'darling = { version = "0.24", default-features = false }\n',
    "clean_derive": 'api-error-derive = { path = "{derive}" }\n',
}
CLEAN_LABELS = {
    "clean_syn": "proc-macro2 + quote + syn 3 (darling's features)",
    "clean_darling": "darling 0.24 (default-features = false)",
    "clean_derive": "api-error-derive",
}
# The packages that are darling's own, beyond proc-macro2, quote and syn.
DARLING_PACKAGES = ("ident_case", "strsim", "darling_core", "darling_macro", "darling")


# --------------------------------------------------------------------------------------------
# The enum every crate declares
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """One variant, with everything each way of writing it needs."""

    index: int
    noun: str
    state: str
    scope: str
    kind: str  # "unit", "tuple", "struct" or "details"
    status: tuple[str, int, str]
    explicit_code: bool

    @property
    def name(self) -> str:
        return f"{self.noun}{self.state}{self.scope}"

    @property
    def code(self) -> str:
        if self.explicit_code:
            return f"E{self.index:05}"
        return f"{self.noun}_{self.state}_{self.scope}".upper()

    @property
    def words(self) -> tuple[str, str, str]:
        return self.noun.lower(), self.state.lower(), self.scope.lower()

    @property
    def has_message(self) -> bool:
        """A public message of its own; the others show their status's reason phrase."""
        return self.status[1] < 500 and self.index % 6 != 5

    @property
    def doc(self) -> str:
        noun, state, scope = self.words
        return f"The {noun} is {state} in the {scope} service."

    @property
    def display(self) -> str:
        """The `#[error]` format string: the text for logs."""
        noun, state, scope = self.words
        return {
            "unit": f"{noun} {state} in {scope}",
            "tuple": f"{noun} {{0}} {state} after {{1}} attempts",
            "struct": f"{noun} {{id}} {state} in shard {{shard}}",
            "details": f"{noun} {{id}} rejected: {{problems:?}}",
        }[self.kind]

    @property
    def message(self) -> str:
        """The public message template, as `#[api(message)]` takes it."""
        noun, state, _ = self.words
        return {
            "unit": f"the {noun} is {state}",
            "tuple": f"{noun} {{0}} is {state}",
            "struct": f"{noun} {{id}} is {state} in shard {{shard}}",
            "details": f"{noun} {{id}} was rejected",
        }[self.kind]


def variants(size: int) -> list[Variant]:
    """`size` variants, cycling through kinds, statuses and message sources."""
    kinds = ("unit", "tuple", "struct", "details")
    result = []
    for index in range(size):
        noun = NOUNS[index % len(NOUNS)]
        state = STATES[index // len(NOUNS) % len(STATES)]
        scope = SCOPES[index // (len(NOUNS) * len(STATES))]
        result.append(
            Variant(
                index=index,
                noun=noun,
                state=state,
                scope=scope,
                kind=kinds[index % len(kinds)],
                status=STATUSES[index % len(STATUSES)],
                explicit_code=index % 10 == 7,
            )
        )
    return result


def fields_decl(variant: Variant, with_api: bool) -> str:
    """The variant's fields, as its declaration writes them."""
    if variant.kind == "unit":
        return ""
    if variant.kind == "tuple":
        return "(String, u32)"
    if variant.kind == "struct":
        return " {\n        id: String,\n        shard: u32,\n    }"
    marker = "        #[api(details)]\n" if with_api else ""
    return f" {{\n        id: String,\n{marker}        problems: Vec<String>,\n    }}"


def api_attribute(variant: Variant) -> str:
    """The variant's `#[api(...)]` attribute."""
    name, number, _ = variant.status
    keys = []
    if variant.explicit_code:
        keys.append(f'code = "{variant.code}"')
    # Both spellings of a status, by name and by number.
    keys.append(f"status = {name}" if variant.index % 2 == 0 else f"status = {number}")
    if variant.has_message:
        keys.append(f'message = "{variant.message}"')
    return f"    #[api({', '.join(keys)})]\n"


# The enums every crate declares: a service's main enum in a built-in envelope, and a quarter
# of the variants in a second enum written in a shape the crate declares itself.
SHAPED_SHARE = 4  # one variant in SHAPED_SHARE goes to the declared shape's enum
TYPE_BASE = "https://errors.example.com/"


@dataclass(frozen=True)
class Enum:
    """One enum of the crate and its variants."""

    name: str
    doc: str
    shaped: bool
    variants: tuple[Variant, ...]

    @property
    def message_type(self) -> str:
        return f"PublicMessage<'_, {self.name}>"


def enums(size: int) -> list[Enum]:
    """The crate's enums: the first three quarters of the variants in `BenchError`
    (`envelope = "face"`), the last quarter in `ShapedError` (`envelope = SHAPE`)."""
    all_variants = variants(size)
    shaped = size // SHAPED_SHARE
    main = Enum(
        "BenchError", "Errors of the benchmark service.", False, tuple(all_variants[: size - shaped])
    )
    if not shaped:
        return [main]
    storage = Enum(
        "ShapedError",
        "Errors of the storage module, in a body of the service's own shape.",
        True,
        tuple(all_variants[size - shaped :]),
    )
    return [main, storage]


def enum_source(enum: Enum, derives: str, with_api: bool) -> str:
    """The enum declaration, with `#[api]` attributes or without."""
    lines = [f"/// {enum.doc}\n", f"#[derive({derives})]\n"]
    if with_api:
        envelope = "SHAPE" if enum.shaped else '"face"'
        lines.append(f'#[api(envelope = {envelope}, code_case = "SCREAMING_SNAKE_CASE")]\n')
    lines.append(f"pub enum {enum.name} {{\n")
    for variant in enum.variants:
        lines.append(f"    /// {variant.doc}\n")
        lines.append(f'    #[error("{variant.display}")]\n')
        if with_api:
            lines.append(api_attribute(variant))
        lines.append(f"    {variant.name}{fields_decl(variant, with_api)},\n")
    lines.append("}\n")
    return "".join(lines)


DERIVE_SHAPE = f"""\
/// The body of the storage module's errors, declared as data.
pub const SHAPE: Shape = Shape::new(&[
    Member::new(
        "error",
        Value::Object(&[
            Member::new("type", Value::TypeUri("{TYPE_BASE}")),
            Member::new("code", Value::Code),
            Member::new("status", Value::Status),
            Member::new("message", Value::Message),
            Member::new("details", Value::Details),
        ]),
    ),
    Member::new("request_id", Value::RequestId).null_if_absent(),
]);
"""


def derive_source(size: int) -> str:
    """Way (a): the derive does everything."""
    parts = [
        f"//! {size} errors with `#[derive(ApiError)]`.\n\n"
        "use api_error_core::envelope::{Member, Value};\n"
        "use api_error_core::{ApiError, Shape};\n\n",
        DERIVE_SHAPE,
    ]
    parts += [enum_source(enum, "Debug, thiserror::Error, ApiError", True) for enum in enums(size)]
    return "\n".join(parts)


def thiserror_source(size: int) -> str:
    """Way (b): `Display` and `Error` only."""
    parts = [f"//! {size} errors with `thiserror::Error` alone.\n"]
    parts += [enum_source(enum, "Debug, thiserror::Error", False) for enum in enums(size)]
    return "\n".join(parts)


def pattern(variant: Variant, bound: tuple[str, ...] = (), prefix: str = "Self") -> str:
    """A pattern for `variant`, binding the named fields (`f0`, `f1` for a tuple variant)."""
    path = f"{prefix}::{variant.name}"
    if variant.kind == "unit":
        return path
    if variant.kind == "tuple":
        slots = [name if name in bound else "_" for name in ("f0", "f1")]
        return f"{path}({', '.join(slots)})"
    if not bound:
        return f"{path} {{ .. }}"
    rest = ", .." if len(bound) < 2 else ""
    return f"{path} {{ {', '.join(bound)}{rest} }}"


def message_arm(variant: Variant, enum: Enum) -> str:
    """The hand-written public message of one variant, written to the formatter `f`."""
    if not variant.has_message:
        return f'{pattern(variant, prefix=enum.name)} => f.write_str("{variant.status[2]}")'
    if variant.kind == "unit":
        return f'{pattern(variant, prefix=enum.name)} => f.write_str("{variant.message}")'
    if variant.kind == "tuple":
        text = variant.message.replace("{0}", "{f0}")
        bound = ("f0",)
    else:
        text = variant.message
        bound = ("id", "shard") if variant.kind == "struct" else ("id",)
    return f'{pattern(variant, bound, enum.name)} => f.write_fmt(format_args!("{text}"))'


def method(signature: str, arms: list[str], scrutinee: str = "self") -> str:
    """A method whose body is one `match` over the given arms."""
    body = "".join(f"            {arm},\n" for arm in arms)
    return f"    {signature} {{\n        match {scrutinee} {{\n{body}        }}\n    }}\n"


HAND_COMMON = """\
/// An error's public message, formatted as it is written.
pub struct PublicMessage<'a, E>(&'a E);

impl<E> Serialize for PublicMessage<'_, E>
where
    Self: fmt::Display,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
"""

HAND_FACE_BODY = """\
/// The body `BenchError` is written as, in the same shape as the derive's `face` envelope.
#[derive(Serialize)]
struct Body<'a, M> {
    success: bool,
    error: BodyError<'a, M>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp: Option<&'a str>,
}

#[derive(Serialize)]
struct BodyError<'a, M> {
    code: &'static str,
    message: M,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a [String]>,
}
"""

HAND_SHAPED_BODY = """\
/// The body `ShapedError` is written as, in the same shape as the derive's `SHAPE`.
#[derive(Serialize)]
struct ShapedBody<'a, T, M> {
    error: ShapedBodyError<'a, T, M>,
    request_id: Option<&'a str>,
}

#[derive(Serialize)]
struct ShapedBodyError<'a, T, M> {
    #[serde(rename = "type")]
    type_uri: T,
    code: &'static str,
    status: u16,
    message: M,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a [String]>,
}
"""

HAND_FACE_TO_JSON = """\
    /// The body of this error as JSON.
    pub fn to_json(&self, request_id: Option<&str>, timestamp: Option<&str>) -> Vec<u8> {
        let body = Body {
            success: false,
            error: BodyError {
                code: self.code(),
                message: self.public_message(),
                details: self.details(),
            },
            request_id,
            timestamp,
        };
        serde_json::to_vec(&body).unwrap_or_default()
    }
"""

HAND_SHAPED_TO_JSON = f"""\
    /// The body of this error as JSON.
    pub fn to_json(&self, request_id: Option<&str>, _timestamp: Option<&str>) -> Vec<u8> {{
        let body = ShapedBody {{
            error: ShapedBodyError {{
                type_uri: format_args!("{TYPE_BASE}{{}}", self.code()),
                code: self.code(),
                status: self.status().as_u16(),
                message: self.public_message(),
                details: self.details(),
            }},
            request_id,
        }};
        serde_json::to_vec(&body).unwrap_or_default()
    }}
"""


def hand_impl(enum: Enum) -> str:
    """Status, code, public message, details and body of one enum, written by hand."""
    all_variants = enum.variants
    status = method(
        "/// The HTTP status.\n    pub fn status(&self) -> StatusCode",
        [f"{pattern(v)} => StatusCode::{v.status[0]}" for v in all_variants],
    )
    code = method(
        "/// The stable error code.\n    pub fn code(&self) -> &'static str",
        [f'{pattern(v)} => "{v.code}"' for v in all_variants],
    )
    public_message = (
        "    /// The message clients see.\n"
        f"    pub fn public_message(&self) -> {enum.message_type} {{\n"
        "        PublicMessage(self)\n    }\n"
    )
    details_arms = [
        f"{pattern(v, ('problems',))} => Some(problems)" for v in all_variants if v.kind == "details"
    ]
    details = method(
        "/// The details written into the body.\n    pub fn details(&self) -> Option<&[String]>",
        details_arms + ["_ => None"],
    )
    to_json = HAND_SHAPED_TO_JSON if enum.shaped else HAND_FACE_TO_JSON
    methods = "\n".join((status, code, public_message, details, to_json))
    display = method(
        "fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result",
        [message_arm(v, enum) for v in all_variants],
        scrutinee="self.0",
    )
    return (
        f"impl {enum.name} {{\n{methods}}}\n\n"
        f"impl fmt::Display for {enum.message_type} {{\n{display}}}\n"
    )


def hand_source(size: int) -> str:
    """Way (c): thiserror for `Display`, everything else written by hand."""
    header = (
        f"//! {size} errors with hand-written status, code, message and body.\n\n"
        "use std::fmt;\n\n"
        "use http::StatusCode;\n"
        "use serde::{Serialize, Serializer};\n"
    )
    parts = [header, HAND_COMMON]
    for enum in enums(size):
        parts += [
            enum_source(enum, "Debug, thiserror::Error", False),
            hand_impl(enum),
            HAND_SHAPED_BODY if enum.shaped else HAND_FACE_BODY,
        ]
    return "\n".join(parts)


def constructor(variant: Variant, path: str) -> str:
    """An expression building a value of `variant`, whose enum is at `path`."""
    path = f"{path}::{variant.name}"
    value = f'"{variant.noun.lower()}_{variant.index}".to_owned()'
    if variant.kind == "unit":
        return path
    if variant.kind == "tuple":
        return f"{path}({value}, {variant.index})"
    if variant.kind == "struct":
        return f"{path} {{ id: {value}, shard: {variant.index % 64} }}"
    problems = '["name is required".to_owned(), "email is invalid".to_owned()]'
    return f"{path} {{ id: {value}, problems: vec!{problems} }}"


def verify_source(size: int) -> str:
    """A program asserting that the derive and the hand-written code give the same answers."""
    checks = []
    calls = []
    for enum in enums(size):
        function = f"check_{enum.name.lower()}"
        checks.append(f"""\
fn {function}(derived: &derived::{enum.name}, hand: &hand::{enum.name}) {{
    for context in [
        RequestContext::new(),
        RequestContext::new().request_id("{REQUEST_ID}").timestamp("{TIMESTAMP}"),
    ] {{
        assert_eq!(derived.to_string(), hand.to_string());
        assert_eq!(derived.status(), hand.status());
        assert_eq!(derived.code().as_str(), Some(hand.code()));
        assert_eq!(derived.message().to_string(), hand.public_message().to_string());
        let body = hand.to_json(context.request_id, context.timestamp);
        assert_eq!(derived.to_json_string(&context), String::from_utf8(body).unwrap());
    }}
}}
""")
        calls += [
            f"    {function}(\n"
            f"        &{constructor(v, f'derived::{enum.name}')},\n"
            f"        &{constructor(v, f'hand::{enum.name}')},\n"
            "    );\n"
            for v in enum.variants
        ]
    checks_text, calls_text = "\n".join(checks), "".join(calls)
    return f"""\
//! Checks that the derive and the hand-written code agree on every variant.

use api_error_core::{{ApiError, RequestContext}};
use bench_derive_{size} as derived;
use bench_hand_{size} as hand;

{checks_text}
fn main() {{
{calls_text}    println!("{size} variants: the derive and the hand-written code agree");
}}
"""


# --------------------------------------------------------------------------------------------
# The scratch workspace
# --------------------------------------------------------------------------------------------


def crate_name(way: str, size: int) -> str:
    return f"bench_{way}_{size}"


def relative(path: Path, start: Path) -> str:
    return os.path.relpath(path, start).replace(os.sep, "/")


def write_if_changed(path: Path, text: str) -> None:
    """Writes `text`, leaving the file (and its timestamp) alone when it is already there."""
    if path.exists() and path.read_text() == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def write_crate(name: str, dependencies: str, sources: dict[str, str]) -> None:
    """One package of the scratch workspace; `dependencies` may name `{core}` and `{derive}`."""
    directory = CRATES / name
    dependencies = dependencies.replace("{core}", relative(CORE, directory))
    dependencies = dependencies.replace("{derive}", relative(DERIVE, directory))
    manifest = (
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f"[dependencies]\n{dependencies}"
    )
    write_if_changed(directory / "Cargo.toml", manifest)
    for file, text in sources.items():
        write_if_changed(directory / "src" / file, text)


WARM_SOURCE = """\
//! Uses every dependency of the benchmark crates once, so building this crate builds them.

use api_error_core::ApiError;

#[derive(Debug, thiserror::Error, ApiError, serde::Serialize)]
#[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
pub enum WarmError {
    #[error("warm")]
    #[api(status = NOT_FOUND, message = "warm {0}")]
    Warm(u32),
}

pub fn status() -> http::StatusCode {
    http::StatusCode::OK
}

pub fn json() -> Vec<u8> {
    serde_json::to_vec(&WarmError::Warm(1)).unwrap_or_default()
}
"""


def generate(sizes: list[int], verify_size: int | None) -> list[str]:
    """Writes the scratch workspace and returns its members' names."""
    members = ["bench_warm"]
    write_crate("bench_warm", DEPENDENCIES, {"lib.rs": WARM_SOURCE})
    members.append("bench_warm_docs")
    write_crate("bench_warm_docs", DOCS_DEPENDENCIES, {"lib.rs": WARM_SOURCE})
    writers = {
        "derive": derive_source,
        "docs": derive_source,
        "thiserror": thiserror_source,
        "hand": hand_source,
    }
    for size in sizes:
        for way in WAYS:
            name = crate_name(way, size)
            dependencies = DOCS_DEPENDENCIES if way == "docs" else DEPENDENCIES
            write_crate(name, dependencies, {"lib.rs": writers[way](size)})
            members.append(name)
    if verify_size is not None:
        name = f"bench_verify_{verify_size}"
        dependencies = DEPENDENCIES + "".join(
            f'{crate_name(way, verify_size)} = {{ path = "../{crate_name(way, verify_size)}" }}\n'
            for way in ("derive", "hand")
        )
        write_crate(name, dependencies, {"main.rs": verify_source(verify_size)})
        members.append(name)
    for name, dependencies in CLEAN_CRATES.items():
        write_crate(name, dependencies, {"lib.rs": "//! Built from clean to time its dependencies.\n"})
        members.append(name)
    remove_stale_crates(members)
    listed = "".join(f'    "crates/{name}",\n' for name in members)
    write_if_changed(
        SCRATCH / "Cargo.toml",
        '# Generated by benches/compile/run.py.\n[workspace]\nresolver = "3"\n'
        f"members = [\n{listed}]\n",
    )
    return members


def remove_stale_crates(members: list[str]) -> None:
    """Deletes crates of earlier runs that this run does not generate."""
    for directory in CRATES.iterdir():
        if directory.name not in members:
            shutil.rmtree(directory)


# --------------------------------------------------------------------------------------------
# Running cargo
# --------------------------------------------------------------------------------------------


def cargo(*args: str, env: dict[str, str] | None = None, capture: bool = False) -> str:
    """Runs cargo in the scratch workspace; exits with its output when it fails."""
    full_env = {**os.environ, "CARGO_INCREMENTAL": "0", "CARGO_TERM_COLOR": "never"}
    full_env.update(env or {})
    command = ["cargo", *args]
    result = subprocess.run(command, cwd=SCRATCH, env=full_env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"failed: {' '.join(command)}")
    return result.stdout + result.stderr if capture else ""


@dataclass(frozen=True)
class Run:
    """One timed cargo run: wall-clock seconds, and CPU seconds of cargo and its children."""

    wall: float
    cpu: float


def cpu_seconds() -> float:
    """User and system time of every child process that has finished (rustc included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(*args: str) -> tuple[Run, str]:
    """Runs cargo and returns how long it took, and what it printed."""
    cpu = cpu_seconds()
    start = time.perf_counter()
    output = cargo(*args, capture=True)
    return Run(wall=time.perf_counter() - start, cpu=cpu_seconds() - cpu), output


def rebuilt(output: str) -> set[str]:
    """The packages cargo compiled or checked, from its progress lines."""
    return set(re.findall(r"^\s*(?:Compiling|Checking) (\S+) v", output, re.MULTILINE))


def timed_alone(name: str, *args: str) -> Run:
    """Times a cargo command that should compile `name` only. When cargo also rebuilt a
    dependency (the local crates were edited during the run), or found `name` fresh (touched
    within the timestamp resolution of its last build), the run is timed again."""
    for _ in range(3):
        run, output = timed(*args)
        compiled = rebuilt(output)
        others = compiled - {name}
        if name in compiled and not others:
            return run
        if others:
            print(f"  (cargo also rebuilt {', '.join(sorted(others))}; timing again)", flush=True)
        else:
            print(f"  (cargo found {name} fresh; touching it again)", flush=True)
            time.sleep(1)
            touch(name)
    sys.exit("the dependencies keep changing during the run, or the crate stays fresh; stopping")


def touch(name: str) -> None:
    for source in (CRATES / name / "src").iterdir():
        os.utime(source)


def check_lock() -> list[str]:
    """The syn versions in the scratch lock file; warns unless they are all syn 3."""
    lock = (SCRATCH / "Cargo.lock").read_text()
    versions = re.findall(r'name = "syn"\nversion = "([^"]+)"', lock)
    others = [version for version in versions if not version.startswith("3.")]
    if others or not versions:
        print(f"WARNING: the lock file holds syn {', '.join(versions) or 'nothing'}, not syn 3 only")
    else:
        print(f"lock file: syn {', '.join(versions)} only")
    return versions


def warm_up(verify_size: int | None) -> None:
    """Builds every dependency, for `check` and `build`, and runs the equivalence check."""
    print("building the dependencies ...", flush=True)
    for warm in ("bench_warm", "bench_warm_docs"):
        cargo("check", "-p", warm)
        cargo("build", "-p", warm)
    if verify_size is not None:
        print(f"checking that derive and hand-written agree ({verify_size} variants) ...", flush=True)
        output = cargo("run", "-q", "-p", f"bench_verify_{verify_size}", capture=True)
        print(output.strip())


def rotated(items: tuple[str, ...] | list[str], by: int) -> list[str]:
    by %= len(items)
    return list(items[by:]) + list(items[:by])


@dataclass
class Samples:
    """The runs per (size, way, mode), and per clean-built crate."""

    crate: dict[tuple[int, str, str], list[Run]] = field(default_factory=dict)
    clean: dict[str, list[Run]] = field(default_factory=dict)
    # Per clean-built crate, per run: seconds per package, from cargo's --timings report.
    units: dict[str, list[dict[str, float]]] = field(default_factory=dict)

    def median(self, size: int, way: str, mode: str, metric: str = "wall") -> float:
        return statistics.median(getattr(run, metric) for run in self.crate[(size, way, mode)])

    def added(self, size: int, way: str, mode: str, metric: str = "wall") -> float:
        """What `way` adds to the thiserror-only crate: the median of the differences between
        the two crates' runs of the same round, timed one shortly after the other."""
        pairs = zip(self.crate[(size, way, mode)], self.crate[(size, "thiserror", mode)])
        return statistics.median(getattr(top, metric) - getattr(base, metric) for top, base in pairs)

    def clean_median(self, name: str, metric: str = "wall") -> float:
        return statistics.median(getattr(run, metric) for run in self.clean[name])


def rounds(size: int, small_repeats: int) -> int:
    """Rounds per repetition: a crate of fewer than 1,000 variants compiles in a fraction of a
    second, where what a way adds is a few hundredths, so it is timed several times more."""
    return small_repeats if size < 1000 else 1


def measure_crates(sizes: list[int], repeats: int, small_repeats: int, samples: Samples) -> None:
    """Every repetition times every size and way, so a change in the machine's load during
    the run affects the ratios between ways and between sizes alike. Within a round the four
    crates of a size are timed one after the other, in an order that rotates between rounds,
    and what a way adds is taken against the thiserror-only crate of the same round."""
    round_number = 0
    for repeat in range(repeats):
        for size in sizes:
            for _ in range(rounds(size, small_repeats)):
                round_number += 1
                for way in rotated(WAYS, round_number):
                    name = crate_name(way, size)
                    for mode in MODES:
                        touch(name)
                        run = timed_alone(name, mode, "-p", name)
                        samples.crate.setdefault((size, way, mode), []).append(run)
                        print(
                            f"  run {repeat + 1}: N={size:<5} {way:<9} {mode:<5} "
                            f"{run.wall:7.2f} s wall, {run.cpu:7.2f} s CPU",
                            flush=True,
                        )


def measure_clean_builds(repeats: int, samples: Samples) -> None:
    names = list(CLEAN_CRATES)
    for repeat in range(repeats):
        for name in rotated(names, repeat):
            target = CLEAN_TARGETS / name
            shutil.rmtree(target, ignore_errors=True)
            run, _ = timed("build", "-p", name, "--target-dir", str(target), "--timings")
            samples.clean.setdefault(name, []).append(run)
            samples.units.setdefault(name, []).append(unit_durations(target))
            print(
                f"  clean build {name:<14} run {repeat + 1}: {run.wall:7.2f} s wall, {run.cpu:7.2f} s CPU",
                flush=True,
            )


def unit_durations(target: Path) -> dict[str, float]:
    """Seconds per package in the `cargo build --timings` report, its units (build script,
    library) summed; empty when the report cannot be read."""
    page = target / "cargo-timings" / "cargo-timing.html"
    try:
        html = page.read_text()
        start = html.index("UNIT_DATA = ") + len("UNIT_DATA = ")
        units, _ = json.JSONDecoder().raw_decode(html, start)
        durations: dict[str, float] = {}
        for unit in units:
            durations[unit["name"]] = durations.get(unit["name"], 0.0) + float(unit["duration"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return durations


# --------------------------------------------------------------------------------------------
# Profiling
# --------------------------------------------------------------------------------------------

PASSES = (
    ("macro_expand_crate", "macro expansion (all derives)"),
    ("resolve_crate", "name resolution"),
    ("type_check_crate", "type checking"),
    ("MIR_borrow_checking", "MIR building and borrow checking"),
    ("generate_crate_metadata", "metadata"),
    ("monomorphization_collector_graph_walk", "monomorphization"),
    ("codegen_crate", "codegen to LLVM IR"),
    ("LLVM_passes", "LLVM passes"),
    ("finish_ongoing_codegen", "waiting for LLVM"),
    ("total", "total rustc"),
)


def time_passes(name: str, mode: str) -> dict[str, float]:
    """rustc's `-Z time-passes` for one crate: seconds per top-level pass."""
    touch(name)
    profile = ["--profile", "check"] if mode == "check" else []
    output = cargo(
        "rustc", "-p", name, "--lib", *profile, "--target-dir", str(PROFILE_TARGET),
        "--", "-Ztime-passes",
        env={"RUSTC_BOOTSTRAP": "1"}, capture=True,
    )
    passes: dict[str, float] = {}
    for line in output.splitlines():
        found = re.match(r"time:\s+([\d.]+);.*\t(\S+)$", line)
        if found:
            passes.setdefault(found.group(2), float(found.group(1)))
    return passes


def expanded_size(name: str) -> tuple[int, int]:
    """Lines and bytes of the crate's macro-expanded source."""
    touch(name)
    output = cargo(
        "rustc", "-p", name, "--lib", "--profile", "check",
        "--target-dir", str(PROFILE_TARGET), "--", "-Zunpretty=expanded",
        env={"RUSTC_BOOTSTRAP": "1"}, capture=True,
    )
    return output.count("\n"), len(output.encode())


def rustc_command(name: str, mode: str) -> list[str]:
    """The rustc command cargo runs to check or build `name`, from `cargo -v`."""
    touch(name)
    output = cargo(mode, "-v", "-p", name, capture=True)
    commands = [
        line.split("Running `", 1)[1].rstrip("`")
        for line in output.splitlines()
        if "Running `" in line and f"--crate-name {name} " in line
    ]
    if not commands:
        sys.exit(f"cargo -v printed no rustc command for {name}")
    return shlex.split(commands[-1])


def instructions(name: str, mode: str) -> int:
    """Instructions rustc executes to check or build `name` (valgrind's cachegrind): the same
    count on a loaded machine as on an idle one, where timings are not."""
    command = rustc_command(name, mode)
    touch(name)
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         *command],
        cwd=SCRATCH, capture_output=True, text=True,
        env={**os.environ, "CARGO_INCREMENTAL": "0"},
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if result.returncode != 0 or not found:
        sys.stderr.write(result.stderr[-4000:])
        sys.exit(f"valgrind could not count {mode} of {name}")
    return int(found.group(1).replace(",", ""))


def instruction_section(sizes: list[int], build_sizes: list[int]) -> str:
    """A Markdown section: instruction counts of each way, for `check` at `sizes` and `build`
    at `build_sizes`, what each adds to thiserror alone, and the ratios and growth of the
    additions."""
    counted = [(size, "check") for size in sizes] + [(size, "build") for size in build_sizes]
    modes = tuple(mode for mode in MODES if mode in {m for _, m in counted})
    counts: dict[tuple[int, str, str], int] = {}
    for size in sorted({size for size, _ in counted}):
        for mode in modes:
            if (size, mode) not in counted:
                continue
            for way in WAYS:
                print(f"  counting {mode} of {crate_name(way, size)} ...", flush=True)
                counts[(size, way, mode)] = instructions(crate_name(way, size), mode)

    def added(size: int, way: str, mode: str) -> int:
        return counts[(size, way, mode)] - counts[(size, "thiserror", mode)]

    giga = lambda count: f"{count / 1e9:.2f}"
    lines = [
        "Billions of instructions rustc executes (valgrind's cachegrind; one run each, as the "
        "count does not depend on the machine's load). \"adds\" is a way's count minus the "
        "thiserror-only crate's.",
        "",
        "| N | mode | thiserror alone | derive adds | docs adds | hand adds | derive/hand | docs/hand |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sorted({size for size, _ in counted}):
        for mode in modes:
            if (size, mode) not in counted:
                continue
            hand = added(size, "hand", mode)
            lines.append(row([
                f"{size:,}", mode, giga(counts[(size, "thiserror", mode)]),
                giga(added(size, "derive", mode)), giga(added(size, "docs", mode)), giga(hand),
                ratio(added(size, "derive", mode), hand), ratio(added(size, "docs", mode), hand),
            ]))
    for first, last in zip(sizes, sizes[1:]):
        grown = [mode for mode in modes if {(first, mode), (last, mode)} <= set(counted)]
        lines += [
            "",
            f"| what grows, {first:,} to {last:,} variants | "
            + " | ".join(f"{mode}" for mode in grown) + " |",
            "|---|" + "---:|" * len(grown),
        ]
        for way in ADDING:
            cells = [ratio(added(last, way, mode), added(first, way, mode)) for mode in grown]
            lines.append(row([f"what {way} adds"] + cells))
        lines.append(row(["linear"] + [f"{last / first:.2f}" for _ in grown]))
    return "\n".join(lines) + "\n"


def profile(size: int) -> str:
    """A Markdown section: where each way's compile time goes at `size` variants."""
    print(f"profiling the crates of {size} variants ...", flush=True)
    rows = {}
    for way in WAYS:
        name = crate_name(way, size)
        rows[way] = {mode: time_passes(name, mode) for mode in MODES}
        rows[way]["expanded"] = expanded_size(name)
    lines = [
        f"### Where the time goes at {size} variants (`-Z time-passes`, one run)\n",
        "| pass | " + " | ".join(f"{way} check" for way in WAYS) + " | "
        + " | ".join(f"{way} build" for way in WAYS) + " |",
        "|---|" + "---:|" * (2 * len(WAYS)),
    ]
    for key, label in PASSES:
        cells = [
            f"{rows[way][mode][key]:.2f}" if key in rows[way][mode] else "-"
            for mode in MODES
            for way in WAYS
        ]
        lines.append(f"| {label} (`{key}`) | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| expanded source (`-Z unpretty=expanded`) | " + " | ".join(WAYS) + " |")
    lines.append("|---|" + "---:|" * len(WAYS))
    lines.append("| lines | " + " | ".join(f"{rows[w]['expanded'][0]:,}" for w in WAYS) + " |")
    lines.append("| bytes | " + " | ".join(f"{rows[w]['expanded'][1]:,}" for w in WAYS) + " |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


def source_state() -> str:
    """The commit the local crates come from, and whether they differ from it."""
    git = ["git", "-C", str(REPO)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        return "not a git checkout"
    changed = subprocess.run(
        [*git, "status", "--porcelain", "--", "api-error-core", "api-error-derive"],
        capture_output=True, text=True,
    ).stdout.strip()
    state = "with uncommitted changes" if changed else "as committed"
    return f"commit {head.stdout.strip()}, api-error-core and api-error-derive {state}"


def machine(load_before: tuple[float, ...], source: str) -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "-V"], capture_output=True, text=True).stdout.strip()
    cargo_version = subprocess.run(["cargo", "-V"], capture_output=True, text=True).stdout.strip()
    load = " / ".join(f"{value:.2f}" for value in load_before)
    load_after = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        f"- CPUs (`nproc`): {os.cpu_count()}",
        f"- CPU model: {cpu}",
        f"- OS: {platform.system()} {platform.release()}",
        f"- `{rustc}`, `{cargo_version}`",
        f"- Python {platform.python_version()}",
        f"- load average (1 / 5 / 15 min) before the run: {load}; after: {load_after}",
        f"- source: {source}",
    ]


METRICS = {"wall": "wall-clock seconds", "cpu": "CPU seconds (user + system, cargo and rustc)"}
PAIRS = (
    ("derive", "hand", "a/c"),
    ("docs", "hand", "docs/c"),
    ("thiserror", "hand", "b/c"),
    ("derive", "thiserror", "a/b"),
)


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}" if denominator > 0 else "-"


def row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def medians_table(sizes: list[int], samples: Samples, metric: str) -> list[str]:
    """Per size: the median of each way and mode, then the ratios between the ways."""
    header = ["N"]
    header += [f"{mode} {way}" for mode in MODES for way in WAYS]
    header += [f"{mode} {label}" for mode in MODES for _, _, label in PAIRS]
    lines = [row(header), "|" + "---:|" * len(header)]
    for size in sizes:
        cells = [f"{size:,}"]
        cells += [f"{samples.median(size, way, mode, metric):.2f}" for mode in MODES for way in WAYS]
        cells += [
            ratio(samples.median(size, top, mode, metric), samples.median(size, bottom, mode, metric))
            for mode in MODES
            for top, bottom, _ in PAIRS
        ]
        lines.append(row(cells))
    return lines


def added_table(sizes: list[int], samples: Samples, metric: str) -> list[str]:
    """Per size: what each way adds to the thiserror-only crate, and their ratios."""
    header = ["N"]
    for mode in MODES:
        header += [f"{mode}: thiserror alone"]
        header += [f"{mode}: {way} adds" for way in ADDING]
        header += [f"{mode}: derive/hand", f"{mode}: docs/hand"]
    lines = [row(header), "|" + "---:|" * len(header)]
    for size in sizes:
        cells = [f"{size:,}"]
        for mode in MODES:
            added = {way: samples.added(size, way, mode, metric) for way in ADDING}
            cells.append(f"{samples.median(size, 'thiserror', mode, metric):.2f}")
            cells += [f"{added[way]:.3f}" for way in ADDING]
            cells += [ratio(added["derive"], added["hand"]), ratio(added["docs"], added["hand"])]
        lines.append(row(cells))
    return lines


def added_growth_table(sizes: list[int], samples: Samples, metric: str) -> list[str]:
    """How what each way adds grows from 1,000 to 5,000 variants."""
    if not {1000, 5000} <= set(sizes):
        return ["(needs sizes 1000 and 5000)"]
    header = ["what grows"]
    header += [f"{mode}: added(5000)/added(1000)" for mode in MODES]
    header += [f"{mode}: ms per added variant, 1000→5000" for mode in MODES]
    lines = [row(header), "|---|" + "---:|" * (len(header) - 1)]
    for way in ADDING:
        cells = [f"what {way} adds"]
        cells += [
            ratio(samples.added(5000, way, mode, metric), samples.added(1000, way, mode, metric))
            for mode in MODES
        ]
        cells += [
            f"{(samples.added(5000, way, mode, metric) - samples.added(1000, way, mode, metric)) / 4:.2f}"
            for mode in MODES
        ]
        lines.append(row(cells))
    lines.append(row(["linear", f"{LINEAR_GROWTH:.2f}", f"{LINEAR_GROWTH:.2f}", "", ""]))
    return lines


def growth_table(sizes: list[int], samples: Samples, metric: str) -> list[str]:
    """t(5000)/t(1000) per way, and the derive's own share (derive minus thiserror)."""
    if not {1000, 5000} <= set(sizes):
        return ["(needs sizes 1000 and 5000)"]
    header = ["way"]
    header += [f"{mode} t(5000)/t(1000)" for mode in MODES]
    header += [f"{mode} ms per added variant, 1000→5000" for mode in MODES]
    lines = [row(header), "|---|" + "---:|" * (len(header) - 1)]

    def way_time(way: str):
        return lambda size, mode: samples.median(size, way, mode, metric)

    def derive_share(size: int, mode: str) -> float:
        return samples.median(size, "derive", mode, metric) - samples.median(size, "thiserror", mode, metric)

    timings = [(way, way_time(way)) for way in WAYS]
    timings.append(("derive − thiserror (what `ApiError` adds)", derive_share))
    for label, time_of in timings:
        cells = [label]
        cells += [ratio(time_of(5000, mode), time_of(1000, mode)) for mode in MODES]
        cells += [f"{(time_of(5000, mode) - time_of(1000, mode)) / 4:.2f}" for mode in MODES]
        lines.append(row(cells))
    lines.append(row(["linear", f"{LINEAR_GROWTH:.2f}", f"{LINEAR_GROWTH:.2f}", "", ""]))
    return lines


def clean_table(samples: Samples) -> list[str]:
    lines = [
        "| crate built from clean | wall median (s) | CPU median (s) | wall runs (s) |",
        "|---|---:|---:|---|",
    ]
    for name in CLEAN_CRATES:
        runs = ", ".join(f"{run.wall:.1f}" for run in samples.clean[name])
        wall, cpu = samples.clean_median(name), samples.clean_median(name, "cpu")
        lines.append(f"| {CLEAN_LABELS[name]} | {wall:.1f} | {cpu:.1f} | {runs} |")
    return lines


def unit_median(samples: Samples, name: str, packages: tuple[str, ...]) -> float:
    """The median over runs of the summed unit times of `packages` in one clean build."""
    return statistics.median(
        sum(durations.get(package, 0.0) for package in packages) for durations in samples.units[name]
    )


def own_compile_times(samples: Samples) -> tuple[float, float] | None:
    """Darling's packages' and the `api-error-derive` package's own compile times (medians of
    cargo --timings), when both clean builds were timed."""
    if not (samples.units.get("clean_darling") and samples.units.get("clean_derive")):
        return None
    return (
        unit_median(samples, "clean_darling", DARLING_PACKAGES),
        unit_median(samples, "clean_derive", ("api-error-derive",)),
    )


def units_table(samples: Samples) -> list[str]:
    """Each package's own compile time (cargo --timings), per clean build."""
    names = list(CLEAN_CRATES)
    packages: list[str] = []
    for name in names:
        for durations in samples.units.get(name, []):
            packages += [package for package in durations if package not in packages]
    if not packages:
        return ["(cargo's --timings report could not be read)"]
    header = ["package"] + [CLEAN_LABELS[name] for name in names]
    lines = [row(header), "|---|" + "---:|" * len(names)]
    for package in packages:
        if package in names:
            continue
        cells = [
            f"{unit_median(samples, name, (package,)):.2f}"
            if any(package in durations for durations in samples.units.get(name, []))
            else "-"
            for name in names
        ]
        lines.append(row([f"`{package}`", *cells]))
    return lines


def clean_summary(samples: Samples) -> list[str]:
    lines = []
    for metric in METRICS:
        syn, darling, derive = (samples.clean_median(name, metric) for name in CLEAN_CRATES)
        lines.append(
            f"- {metric}: darling adds {darling - syn:.1f} s to syn; api-error-derive adds "
            f"{derive - darling:.1f} s to darling ({derive / darling:.2f}× darling's clean build)"
        )
    own = own_compile_times(samples)
    if own:
        darling_own, derive_own = own
        lines.append(
            f"- own compile time (cargo --timings, units overlap in time): darling's packages "
            f"{darling_own:.1f} s, the `api-error-derive` package {derive_own:.1f} s"
        )
    return lines


def samples_table(sizes: list[int], samples: Samples) -> list[str]:
    lines = ["| N | way | check runs, wall (CPU) | build runs, wall (CPU) |", "|---:|---|---|---|"]
    for size in sizes:
        for way in WAYS:
            cells = [
                ", ".join(f"{run.wall:.2f} ({run.cpu:.2f})" for run in samples.crate[(size, way, mode)])
                for mode in MODES
            ]
            lines.append(f"| {size:,} | {way} | " + " | ".join(cells) + " |")
    return lines


def verdict(holds: bool) -> str:
    return "**holds**" if holds else "**fails**"


def targets(sizes: list[int], samples: Samples) -> list[str]:
    """Each target the project has set, decided on wall-clock medians, CPU given beside."""
    lines = []
    for mode in MODES:
        for size in sizes:
            wall, cpu = (
                samples.added(size, "derive", mode, metric) / samples.added(size, "hand", mode, metric)
                for metric in METRICS
            )
            lines.append(
                f"- `cargo {mode}`, {size:,} variants: what the derive adds ≤ {TARGET_ADDED_RATIO}× "
                f"what the hand-written code adds: {wall:.2f}× (CPU: {cpu:.2f}×) — "
                f"{verdict(wall <= TARGET_ADDED_RATIO)}"
            )
        for size in sizes:
            wall, cpu = (
                samples.added(size, "docs", mode, metric) / samples.added(size, "hand", mode, metric)
                for metric in METRICS
            )
            lines.append(
                f"- `cargo {mode}`, {size:,} variants: with the `docs` feature, ≤ "
                f"{TARGET_DOCS_RATIO}× what the hand-written code adds: {wall:.2f}× (CPU: {cpu:.2f}×) — "
                f"{verdict(wall <= TARGET_DOCS_RATIO)}"
            )
        if {1000, 5000} <= set(sizes):
            wall, cpu = (
                samples.added(5000, "derive", mode, metric) / samples.added(1000, "derive", mode, metric)
                for metric in METRICS
            )
            lines.append(
                f"- `cargo {mode}`: what the derive adds grows from 1,000 to 5,000 variants at most "
                f"{TARGET_ADDED_GROWTH}×: {wall:.2f}× (CPU: {cpu:.2f}×) — "
                f"{verdict(wall <= TARGET_ADDED_GROWTH)}"
            )
    if samples.clean:
        syn, darling, derive = (samples.clean_median(name) for name in CLEAN_CRATES)
        added, own = derive - darling, darling - syn
        lines.append(
            "- the derive crate's clean build adds no more than darling's own cost: "
            f"api-error-derive adds {added:.1f} s to darling, darling adds {own:.1f} s to syn — "
            f"{verdict(added <= own)}"
        )
        own = own_compile_times(samples)
        if own:
            darling_own, derive_own = own
            lines.append(
                f"  (by cargo --timings: the `api-error-derive` package compiles in {derive_own:.1f} s, "
                f"darling's own packages in {darling_own:.1f} s)"
            )
    return lines


def report(
    args: argparse.Namespace,
    command: str,
    samples: Samples,
    profile_section: str,
    load_before: tuple[float, ...],
    source: str,
    instruction_text: str = "",
) -> str:
    sizes = args.sizes
    sections = [
        "# Compile-time benchmark results",
        "",
        "Written by `benches/compile/run.py`; `benches/compile/README.md` says what is measured.",
        "",
        f"Command (from the repository root): `{command}`",
        "",
        "Machine:",
        "",
        *machine(load_before, source),
        "",
        f"Each number is the median of {args.repeats} runs ({args.repeats * args.small_repeats} "
        "below 1,000 variants) of `cargo check -p` / `cargo build -p` (dev profile, "
        "`CARGO_INCREMENTAL=0`) of the one crate holding the enums, its dependencies already "
        "built. Each crate declares N variants in two enums: three quarters in `BenchError`, "
        "written in the built-in `face` envelope, a quarter in `ShapedError`, written in a shape "
        "the crate declares. derive = (a) `thiserror::Error` + `ApiError`; docs = (a) with the "
        "`docs` feature of api-error-core; thiserror = (b) `thiserror::Error` alone; hand = (c) "
        "`thiserror::Error` + hand-written `status()`, `code()`, public message (`format_args!`), "
        "details and `#[derive(Serialize)]` bodies.",
        "",
        "What a way *adds* is its time minus the thiserror-only crate's, taken within each round "
        "(the crates of a size are timed one after the other) and given as the median over the "
        "rounds. The targets are on these additions: what `ApiError` adds to a thiserror enum "
        "against what writing the same features by hand adds.",
        "",
    ]
    for metric, label in METRICS.items():
        sections += [
            f"## What each way adds to the thiserror-only crate, {label}",
            "",
            *added_table(sizes, samples, metric),
            "",
        ]
    for metric, label in METRICS.items():
        sections += [
            f"## Growth of what each way adds, 1,000 to 5,000 variants, {label}",
            "",
            *added_growth_table(sizes, samples, metric),
            "",
        ]
    for metric, label in METRICS.items():
        sections += [f"## Medians and ratios, {label}", "", *medians_table(sizes, samples, metric), ""]
    for metric, label in METRICS.items():
        sections += [
            f"## Growth from 1,000 to 5,000 variants, {label}",
            "",
            *growth_table(sizes, samples, metric),
            "",
        ]
    if samples.clean:
        sections += [
            "## Clean builds: api-error-derive against darling",
            "",
            *clean_table(samples),
            "",
            *clean_summary(samples),
            "",
            "Each package's own compile time in those builds (median seconds, from `cargo build "
            "--timings`; a build script and its run count toward their package):",
            "",
            *units_table(samples),
            "",
        ]
    sections += ["## Targets", "", *targets(sizes, samples), ""]
    if instruction_text:
        sections += ["## Instruction counts", "", instruction_text]
    if profile_section:
        sections += ["## Profile", "", profile_section]
    sections += ["## Every run", "", *samples_table(sizes, samples), ""]
    return "\n".join(sections)


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    if not sizes or sizes[0] < 1 or sizes[-1] > MAX_SIZE:
        raise argparse.ArgumentTypeError(f"sizes must lie in 1..={MAX_SIZE}")
    return sizes


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=parse_sizes, default=list(DEFAULT_SIZES),
        help="comma-separated numbers of variants (default: 100,1000,5000)",
    )
    parser.add_argument("--repeats", "-r", type=int, default=3, help="runs per measurement (default: 3)")
    parser.add_argument(
        "--small-repeats", type=int, default=5, metavar="K",
        help="rounds per repetition of sizes below 1000 (default: 5)",
    )
    parser.add_argument(
        "--skip-clean", action="store_true", help="skip the clean builds of darling and the derive"
    )
    parser.add_argument(
        "--skip-verify", action="store_true", help="skip checking that derive and hand-written agree"
    )
    parser.add_argument(
        "--profile", type=int, metavar="N",
        help="also run -Z time-passes and -Z unpretty=expanded on the crates of N variants",
    )
    parser.add_argument(
        "--instructions", type=parse_sizes, metavar="SIZES",
        help="also count rustc's instructions with valgrind for `check` of these sizes "
        "(a few minutes per size at 1,000 variants)",
    )
    parser.add_argument(
        "--build-instructions", type=parse_sizes, metavar="SIZES", default=[],
        help="also count rustc's instructions for `build` (code generation included) of these "
        "sizes, which must be among --instructions",
    )
    parser.add_argument(
        "--instructions-only", action="store_true",
        help="count instructions (--instructions) and skip the timings",
    )
    parser.add_argument("--generate-only", action="store_true", help="write the crates and stop")
    args = parser.parse_args()
    if args.repeats < 1 or args.small_repeats < 1:
        parser.error("--repeats and --small-repeats must be at least 1")
    if args.profile is not None and args.profile not in args.sizes:
        parser.error("--profile N needs N among --sizes")
    if args.instructions and not set(args.instructions) <= set(args.sizes):
        parser.error("--instructions needs its sizes among --sizes")
    if not set(args.build_instructions) <= set(args.instructions or []):
        parser.error("--build-instructions needs its sizes among --instructions")
    if args.instructions_only and not args.instructions:
        parser.error("--instructions-only needs --instructions")
    return args


def command_line() -> str:
    script = relative(Path(__file__).resolve(), REPO)
    return " ".join(["python3", script, *sys.argv[1:]])


def main() -> None:
    args = parse_args()
    load_before = os.getloadavg()
    source = source_state()
    verify_size = None if args.skip_verify else args.sizes[0]
    CRATES.mkdir(parents=True, exist_ok=True)
    generate(args.sizes, verify_size)
    print(f"generated {len(args.sizes) * len(WAYS)} crates in {relative(SCRATCH, REPO)}")
    cargo("fetch")
    check_lock()
    if args.generate_only:
        return
    warm_up(verify_size)
    instruction_text = ""
    if args.instructions:
        print("counting instructions ...", flush=True)
        instruction_text = instruction_section(args.instructions, args.build_instructions)
    if args.instructions_only:
        text = "\n".join([
            "# Compile-time instruction counts",
            "",
            "Written by `benches/compile/run.py --instructions-only`; `benches/compile/README.md` "
            "says what is measured.",
            "",
            f"Command (from the repository root): `{command_line()}`",
            "",
            "Machine:",
            "",
            *machine(load_before, source),
            "",
            instruction_text,
        ])
        INSTRUCTIONS.write_text(text)
        print()
        print(text)
        print(f"written to {relative(INSTRUCTIONS, REPO)}")
        return
    samples = Samples()
    print(f"timing check and build, {args.repeats} runs each ...", flush=True)
    measure_crates(args.sizes, args.repeats, args.small_repeats, samples)
    if not args.skip_clean:
        print(f"timing clean builds, {args.repeats} runs each ...", flush=True)
        measure_clean_builds(args.repeats, samples)
    profile_section = profile(args.profile) if args.profile is not None else ""
    text = report(
        args, command_line(), samples, profile_section, load_before, source, instruction_text
    )
    RESULTS.write_text(text)
    print()
    print(text)
    print(f"written to {relative(RESULTS, REPO)}")


if __name__ == "__main__":
    main()
