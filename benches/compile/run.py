#!/usr/bin/env python3
"""Compile-time benchmark of `#[derive(ApiError)]`.

For each size N (100, 1000 and 5000 variants by default) the script generates three crates
whose `lib.rs` holds one error enum of N variants, the same enum written three ways:

  derive     `#[derive(Debug, thiserror::Error, ApiError)]` with `#[error]` and `#[api]`;
  thiserror  `#[derive(Debug, thiserror::Error)]` alone, the same `#[error]` messages;
  hand       thiserror for `Display`, plus hand-written `status()`, `code()`,
             `public_message()`, `details()` and a `#[derive(Serialize)]` envelope filled by
             `to_json()`: the same job as the derive's status, code, message and body.

All crates live in one scratch cargo workspace under `benches/compile/target/scratch`, with one
target directory, so the dependencies are built once before anything is timed. Each timed run
touches one crate's `lib.rs` and runs `cargo check -p <crate>` or `cargo build -p <crate>` (dev
profile, `CARGO_INCREMENTAL=0`, so the crate is compiled from scratch and nothing else is). The
three ways are interleaved, in a rotating order, within every repetition.

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
import os
import platform
import re
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
SHARED_TARGET = SCRATCH / "target"
CLEAN_TARGETS = SCRATCH / "clean-targets"
PROFILE_TARGET = SCRATCH / "profile-target"
RESULTS = HERE / "results.md"

WAYS = ("derive", "thiserror", "hand")
MODES = ("check", "build")
DEFAULT_SIZES = (100, 1000, 5000)

# The targets the project has set.
TARGET_CHECK_RATIO = 1.2  # derive / hand-written `cargo check` at 1,000 variants
LINEAR_GROWTH = 5.0  # t(5000) / t(1000) when the cost is linear in the variants

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


# --------------------------------------------------------------------------------------------
# The enum every crate declares
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """One variant, with everything the three ways of writing it need."""

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


def enum_source(all_variants: list[Variant], derives: str, enum_attrs: str, with_api: bool) -> str:
    """The enum declaration, with `#[api]` attributes or without."""
    lines = [
        "/// Errors of the benchmark service.\n",
        f"#[derive({derives})]\n",
        enum_attrs,
        "pub enum BenchError {\n",
    ]
    for variant in all_variants:
        lines.append(f"    /// {variant.doc}\n")
        lines.append(f'    #[error("{variant.display}")]\n')
        if with_api:
            lines.append(api_attribute(variant))
        lines.append(f"    {variant.name}{fields_decl(variant, with_api)},\n")
    lines.append("}\n")
    return "".join(lines)


def derive_source(all_variants: list[Variant]) -> str:
    """Way (a): the derive does everything."""
    header = (
        f"//! {len(all_variants)} errors with `#[derive(ApiError)]`.\n\n"
        "use api_error_core::ApiError;\n\n"
    )
    attrs = '#[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]\n'
    return header + enum_source(all_variants, "Debug, thiserror::Error, ApiError", attrs, True)


def thiserror_source(all_variants: list[Variant]) -> str:
    """Way (b): `Display` and `Error` only."""
    header = f"//! {len(all_variants)} errors with `thiserror::Error` alone.\n\n"
    return header + enum_source(all_variants, "Debug, thiserror::Error", "", False)


def pattern(variant: Variant, bound: tuple[str, ...] = ()) -> str:
    """A pattern for `variant`, binding the named fields (`f0`, `f1` for a tuple variant)."""
    if variant.kind == "unit":
        return f"Self::{variant.name}"
    if variant.kind == "tuple":
        slots = [name if name in bound else "_" for name in ("f0", "f1")]
        return f"Self::{variant.name}({', '.join(slots)})"
    if not bound:
        return f"Self::{variant.name} {{ .. }}"
    rest = ", .." if len(bound) < 2 else ""
    return f"Self::{variant.name} {{ {', '.join(bound)}{rest} }}"


def message_arm(variant: Variant) -> str:
    """The hand-written public message of one variant."""
    if not variant.has_message:
        return f'{pattern(variant)} => Cow::Borrowed("{variant.status[2]}")'
    if variant.kind == "unit":
        return f'{pattern(variant)} => Cow::Borrowed("{variant.message}")'
    if variant.kind == "tuple":
        text = variant.message.replace("{0}", "{f0}")
        return f'{pattern(variant, ("f0",))} => Cow::Owned(format!("{text}"))'
    bound = ("id", "shard") if variant.kind == "struct" else ("id",)
    return f'{pattern(variant, bound)} => Cow::Owned(format!("{variant.message}"))'


def method(signature: str, arms: list[str]) -> str:
    """A method whose body is one `match self` over the given arms."""
    body = "".join(f"            {arm},\n" for arm in arms)
    return f"    {signature} {{\n        match self {{\n{body}        }}\n    }}\n"


HAND_ENVELOPE = """\
/// The body every error is written as, in the same shape as the derive's `face` envelope.
#[derive(Serialize)]
struct Body<'a> {
    success: bool,
    error: BodyError<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp: Option<&'a str>,
}

#[derive(Serialize)]
struct BodyError<'a> {
    code: &'static str,
    message: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a [String]>,
}
"""

HAND_TO_JSON = """\
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


def hand_source(all_variants: list[Variant]) -> str:
    """Way (c): thiserror for `Display`, everything else written by hand."""
    header = (
        f"//! {len(all_variants)} errors with hand-written status, code, message and body.\n\n"
        "use std::borrow::Cow;\n\n"
        "use http::StatusCode;\n"
        "use serde::Serialize;\n\n"
    )
    enum = enum_source(all_variants, "Debug, thiserror::Error", "", False)
    status = method(
        "/// The HTTP status.\n    pub fn status(&self) -> StatusCode",
        [f"{pattern(v)} => StatusCode::{v.status[0]}" for v in all_variants],
    )
    code = method(
        "/// The stable error code.\n    pub fn code(&self) -> &'static str",
        [f'{pattern(v)} => "{v.code}"' for v in all_variants],
    )
    message = method(
        "/// The message clients see.\n    pub fn public_message(&self) -> Cow<'static, str>",
        [message_arm(v) for v in all_variants],
    )
    details_arms = [
        f"{pattern(v, ('problems',))} => Some(problems)"
        for v in all_variants
        if v.kind == "details"
    ]
    details = method(
        "/// The details written into the body.\n    pub fn details(&self) -> Option<&[String]>",
        details_arms + ["_ => None"],
    )
    methods = "\n".join((status, code, message, details, HAND_TO_JSON))
    return f"{header}{enum}\nimpl BenchError {{\n{methods}}}\n\n{HAND_ENVELOPE}"


def constructor(variant: Variant) -> str:
    """An expression building a value of `variant`, in either crate (`{krate}` left open)."""
    path = f"{{krate}}::BenchError::{variant.name}"
    value = f'"{variant.noun.lower()}_{variant.index}".to_owned()'
    if variant.kind == "unit":
        return path
    if variant.kind == "tuple":
        return f"{path}({value}, {variant.index})"
    if variant.kind == "struct":
        return f"{path} {{ id: {value}, shard: {variant.index % 64} }}"
    problems = '["name is required".to_owned(), "email is invalid".to_owned()]'
    return f"{path} {{ id: {value}, problems: vec!{problems} }}"


def verify_source(size: int, all_variants: list[Variant]) -> str:
    """A program asserting that the derive and the hand-written code give the same answers."""
    calls = "".join(
        "    check(\n"
        f"        &{constructor(v).replace('{krate}', 'derived')},\n"
        f"        &{constructor(v).replace('{krate}', 'hand')},\n"
        "    );\n"
        for v in all_variants
    )
    return f"""\
//! Checks that the derive and the hand-written code agree on every variant.

use api_error_core::{{ApiError, RequestContext}};
use bench_derive_{size} as derived;
use bench_hand_{size} as hand;

fn check(derived: &derived::BenchError, hand: &hand::BenchError) {{
    let context = RequestContext::new()
        .request_id("{REQUEST_ID}")
        .timestamp("{TIMESTAMP}");
    assert_eq!(derived.to_string(), hand.to_string());
    assert_eq!(derived.status(), hand.status());
    assert_eq!(derived.code().as_str(), Some(hand.code()));
    assert_eq!(derived.message().to_string(), hand.public_message());
    let body = hand.to_json(Some("{REQUEST_ID}"), Some("{TIMESTAMP}"));
    assert_eq!(derived.to_json_string(&context), String::from_utf8(body).unwrap());
}}

fn main() {{
{calls}    println!("{size} variants: the derive and the hand-written code agree");
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
    writers = {"derive": derive_source, "thiserror": thiserror_source, "hand": hand_source}
    for size in sizes:
        all_variants = variants(size)
        for way in WAYS:
            name = crate_name(way, size)
            write_crate(name, DEPENDENCIES, {"lib.rs": writers[way](all_variants)})
            members.append(name)
    if verify_size is not None:
        name = f"bench_verify_{verify_size}"
        dependencies = DEPENDENCIES + "".join(
            f'{crate_name(way, verify_size)} = {{ path = "../{crate_name(way, verify_size)}" }}\n'
            for way in ("derive", "hand")
        )
        write_crate(name, dependencies, {"main.rs": verify_source(verify_size, variants(verify_size))})
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


def timed(*args: str, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    cargo(*args, env=env)
    return time.perf_counter() - start


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
    cargo("check", "-p", "bench_warm")
    cargo("build", "-p", "bench_warm")
    if verify_size is not None:
        print(f"checking that derive and hand-written agree ({verify_size} variants) ...", flush=True)
        output = cargo("run", "-q", "-p", f"bench_verify_{verify_size}", capture=True)
        print(output.strip())


def rotated(items: tuple[str, ...] | list[str], by: int) -> list[str]:
    by %= len(items)
    return list(items[by:]) + list(items[:by])


@dataclass
class Samples:
    """Seconds per (size, way, mode), and per clean-built crate."""

    crate: dict[tuple[int, str, str], list[float]] = field(default_factory=dict)
    clean: dict[str, list[float]] = field(default_factory=dict)

    def median(self, size: int, way: str, mode: str) -> float:
        return statistics.median(self.crate[(size, way, mode)])


def measure_crates(sizes: list[int], repeats: int, samples: Samples) -> None:
    for size in sizes:
        for repeat in range(repeats):
            for way in rotated(WAYS, repeat):
                name = crate_name(way, size)
                for mode in MODES:
                    touch(name)
                    seconds = timed(mode, "-p", name)
                    samples.crate.setdefault((size, way, mode), []).append(seconds)
                    print(f"  N={size:<5} {way:<9} {mode:<5} run {repeat + 1}: {seconds:7.2f} s", flush=True)


def measure_clean_builds(repeats: int, samples: Samples) -> None:
    names = list(CLEAN_CRATES)
    for repeat in range(repeats):
        for name in rotated(names, repeat):
            target = CLEAN_TARGETS / name
            shutil.rmtree(target, ignore_errors=True)
            seconds = timed("build", "-p", name, "--target-dir", str(target))
            samples.clean.setdefault(name, []).append(seconds)
            print(f"  clean build {name:<14} run {repeat + 1}: {seconds:7.2f} s", flush=True)


# --------------------------------------------------------------------------------------------
# Profiling
# --------------------------------------------------------------------------------------------

PASSES = (
    ("macro_expand_crate", "macro expansion (all derives)"),
    ("type_check_crate", "type checking"),
    ("MIR_borrow_checking", "borrow checking"),
    ("MIR_effect_checking", "MIR effect checking"),
    ("generate_crate_metadata", "metadata"),
    ("codegen_crate", "codegen (to LLVM IR)"),
    ("LLVM_passes", "LLVM passes"),
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


def machine() -> list[str]:
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
    return [
        f"- CPUs (`nproc`): {os.cpu_count()}",
        f"- CPU model: {cpu}",
        f"- OS: {platform.system()} {platform.release()}",
        f"- `{rustc}`, `{cargo_version}`",
        f"- Python {platform.python_version()}",
    ]


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}" if denominator > 0 else "-"


def medians_table(sizes: list[int], samples: Samples) -> list[str]:
    header = "| N | " + " | ".join(f"{mode} {way}" for mode in MODES for way in WAYS) + " |"
    lines = [header, "|---:|" + "---:|" * (len(MODES) * len(WAYS))]
    for size in sizes:
        cells = [f"{samples.median(size, way, mode):.2f}" for mode in MODES for way in WAYS]
        lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    return lines


def ratios_table(sizes: list[int], samples: Samples) -> list[str]:
    pairs = (("derive", "hand", "a/c"), ("thiserror", "hand", "b/c"), ("derive", "thiserror", "a/b"))
    header = "| N | " + " | ".join(f"{mode} {label}" for mode in MODES for _, _, label in pairs) + " |"
    lines = [header, "|---:|" + "---:|" * (len(MODES) * len(pairs))]
    for size in sizes:
        cells = [
            ratio(samples.median(size, top, mode), samples.median(size, bottom, mode))
            for mode in MODES
            for top, bottom, _ in pairs
        ]
        lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    return lines


def growth_table(sizes: list[int], samples: Samples) -> list[str]:
    """t(5000)/t(1000) per way, and the same for the time above the 100-variant crate."""
    if not {1000, 5000} <= set(sizes):
        return ["(needs sizes 1000 and 5000)"]
    has_base = 100 in sizes
    header = "| way | check t(5000)/t(1000) | build t(5000)/t(1000) |"
    rule = "|---|---:|---:|"
    if has_base:
        header += " check per variant, 1000→5000 (ms) | build per variant, 1000→5000 (ms) |"
        rule += "---:|---:|"
    lines = [header, rule]
    rows = [(way, lambda size, mode, way=way: samples.median(size, way, mode)) for way in WAYS]
    rows.append(
        (
            "derive − thiserror (the derive's own share)",
            lambda size, mode: samples.median(size, "derive", mode)
            - samples.median(size, "thiserror", mode),
        )
    )
    for label, time_of in rows:
        cells = [ratio(time_of(5000, mode), time_of(1000, mode)) for mode in MODES]
        if has_base:
            cells += [f"{(time_of(5000, mode) - time_of(1000, mode)) / 4000 * 1000:.2f}" for mode in MODES]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append(f"| linear | {LINEAR_GROWTH:.2f} | {LINEAR_GROWTH:.2f} |" + (" | |" if has_base else ""))
    return lines


def clean_table(samples: Samples) -> list[str]:
    lines = ["| crate built from clean | median (s) | runs (s) |", "|---|---:|---|"]
    for name in CLEAN_CRATES:
        runs = ", ".join(f"{value:.1f}" for value in samples.clean[name])
        lines.append(f"| {CLEAN_LABELS[name]} | {statistics.median(samples.clean[name]):.1f} | {runs} |")
    return lines


def samples_table(sizes: list[int], samples: Samples) -> list[str]:
    lines = ["| N | way | check runs (s) | build runs (s) |", "|---:|---|---|---|"]
    for size in sizes:
        for way in WAYS:
            cells = [", ".join(f"{v:.2f}" for v in samples.crate[(size, way, mode)]) for mode in MODES]
            lines.append(f"| {size:,} | {way} | " + " | ".join(cells) + " |")
    return lines


def verdict(holds: bool) -> str:
    return "**holds**" if holds else "**fails**"


def targets(sizes: list[int], samples: Samples) -> list[str]:
    """Each target the project has set, with the numbers that decide it."""
    lines = []
    if 1000 in sizes:
        value = samples.median(1000, "derive", "check") / samples.median(1000, "hand", "check")
        lines.append(
            f"- derive ≤ {TARGET_CHECK_RATIO}× hand-written `cargo check` at 1,000 variants: "
            f"{value:.2f}× — {verdict(value <= TARGET_CHECK_RATIO)}"
        )
    if {1000, 5000} <= set(sizes):
        for mode in MODES:
            value = samples.median(5000, "derive", mode) / samples.median(1000, "derive", mode)
            lines.append(
                f"- derive `cargo {mode}` growth 1,000 → 5,000 no worse than linear "
                f"(≤ {LINEAR_GROWTH:.1f}): {value:.2f} — {verdict(value <= LINEAR_GROWTH)}"
            )
    if samples.clean:
        syn, darling, derive = (statistics.median(samples.clean[name]) for name in CLEAN_CRATES)
        added, own = derive - darling, darling - syn
        lines.append(
            "- the derive crate's clean build adds no more than darling's own cost: "
            f"api-error-derive adds {added:.1f} s on top of darling; darling adds {own:.1f} s on "
            f"top of syn — {verdict(added <= own)}"
        )
    return lines


def report(args: argparse.Namespace, command: str, samples: Samples, profile_section: str) -> str:
    sizes = args.sizes
    sections = [
        "# Compile-time benchmark results",
        "",
        "Generated by `benches/compile/run.py`; see `benches/compile/README.md` for what is measured.",
        "",
        f"Command (from the repository root): `{command}`",
        "",
        "Machine:",
        "",
        *machine(),
        "",
        f"Median of {args.repeats} runs, in seconds, of `cargo check -p` / `cargo build -p` (dev "
        "profile, `CARGO_INCREMENTAL=0`) of the one crate holding the enum, its dependencies "
        "already built. derive = (a) `thiserror::Error` + `ApiError`; thiserror = (b) "
        "`thiserror::Error` alone; hand = (c) `thiserror::Error` + hand-written status, code, "
        "public message and `Serialize` body.",
        "",
        "## Medians",
        "",
        *medians_table(sizes, samples),
        "",
        "## Ratios",
        "",
        *ratios_table(sizes, samples),
        "",
        "## Growth from 1,000 to 5,000 variants",
        "",
        *growth_table(sizes, samples),
        "",
    ]
    if samples.clean:
        sections += ["## Clean builds of the derive crate and of darling", "", *clean_table(samples), ""]
    sections += ["## Targets", "", *targets(sizes, samples), ""]
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
    parser.add_argument("--skip-clean", action="store_true", help="skip the clean builds of darling and the derive")
    parser.add_argument("--skip-verify", action="store_true", help="skip checking that derive and hand-written agree")
    parser.add_argument(
        "--profile", type=int, metavar="N",
        help="also run -Z time-passes and -Z unpretty=expanded on the crates of N variants",
    )
    parser.add_argument("--generate-only", action="store_true", help="write the crates and stop")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.profile is not None and args.profile not in args.sizes:
        parser.error("--profile N needs N among --sizes")
    return args


def command_line() -> str:
    script = relative(Path(__file__).resolve(), REPO)
    return " ".join(["python3", script, *sys.argv[1:]])


def main() -> None:
    args = parse_args()
    verify_size = None if args.skip_verify else args.sizes[0]
    CRATES.mkdir(parents=True, exist_ok=True)
    generate(args.sizes, verify_size)
    print(f"generated {len(args.sizes) * len(WAYS)} crates in {relative(SCRATCH, REPO)}")
    cargo("fetch")
    check_lock()
    if args.generate_only:
        return
    warm_up(verify_size)
    samples = Samples()
    print(f"timing check and build, {args.repeats} runs each ...", flush=True)
    measure_crates(args.sizes, args.repeats, samples)
    if not args.skip_clean:
        print(f"timing clean builds, {args.repeats} runs each ...", flush=True)
        measure_clean_builds(args.repeats, samples)
    profile_section = profile(args.profile) if args.profile is not None else ""
    text = report(args, command_line(), samples, profile_section)
    RESULTS.write_text(text)
    print()
    print(text)
    print(f"written to {relative(RESULTS, REPO)}")


if __name__ == "__main__":
    main()
