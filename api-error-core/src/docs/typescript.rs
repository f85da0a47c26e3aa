//! The catalog as a TypeScript module, for web front ends: the codes as a union type, each
//! code's status, name, message template and retry advice, and the envelope read back with a
//! type guard and a parser.

use core::fmt::{self, Write as _};
use std::io;
use std::path::Path;

use crate::envelope::{Absent, Constant, Member, Value};
use crate::{ApiError, Catalog, Code, Retryable, Shape};

impl Catalog {
    /// The catalog as a TypeScript module: the union type of the codes (`<Name>Code`), a
    /// table of each code's status, name, message template and retry advice
    /// (`<name>Catalog`), a type guard for the codes (`is<Name>Code`) and the retry advice of
    /// a code (`retryKindOf`). [`module`] adds the envelope's body type, type guard and
    /// parser, from the type's shape. Needs the `docs` feature.
    ///
    /// The retry advice is the one the Markdown pages give and
    /// [`RetryAdvice`](crate::RetryAdvice) acts on: the error's own, else its status's.
    ///
    /// ```
    /// use api_error_core::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "incident")]
    /// enum IncidentError {
    ///     #[api(code = "NOT_FOUND", status = 404, message = "Not found: {0}")]
    ///     NotFound(String),
    ///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, retryable = "yes, with backoff")]
    ///     RateLimitExceeded,
    /// }
    ///
    /// let module = IncidentError::CATALOG.to_typescript();
    /// assert!(module.contains("export type IncidentErrorCode =\n  | \"NOT_FOUND\"\n  | \"RATE_LIMIT_EXCEEDED\";"));
    /// assert!(module.contains(
    ///     r#""RATE_LIMIT_EXCEEDED": { status: 429, name: "RateLimitExceeded", message: "Too Many Requests", retry: "backoff", retryable: "Yes, with backoff" },"#
    /// ));
    /// assert!(module.contains(r#"message: "Not found: {0}", retry: "never", retryable: "No""#));
    /// ```
    pub fn to_typescript(&self) -> String {
        let mut out = String::new();
        let _ = write_catalog(&mut out, self);
        out
    }
}

/// The TypeScript module of `E`: [`Catalog::to_typescript`], what its HTTP edge answers
/// with ([`edge_errors`](crate::edge_errors)), and, when `E`'s envelope is a
/// [`Shape`], the body's type (`<Name>Body`), its type guard (`is<Name>Body`) and its parser
/// (`parse<Name>Body`), which reads the shape backwards as the Rust client does: each error's
/// code, whether the catalog knows it and its entry there, its message and details, and the
/// body's request id, timestamp and instance.
///
/// ```
/// use api_error_core::ApiError;
/// use api_error_core::typescript;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "petnow")]
/// enum PetnowError {
///     #[api(code = "PETNOWB2B20000", status = 404, name = "NoSuchPetException")]
///     NoSuchPet,
/// }
///
/// let module = typescript::module::<PetnowError>();
/// assert!(module.contains("export function isPetnowErrorBody(body: unknown): body is PetnowErrorBody"));
/// assert!(module.contains("export function parsePetnowErrorBody(body: unknown): PetnowErrorReceived | null"));
/// assert!(module.contains(r#"readonly errors: ReadonlyArray<{ readonly code: PetnowErrorCode | (string & {}); readonly details?: unknown }>;"#));
/// // What the HTTP edge answers with, generic codes included.
/// assert!(module.contains(r#"  { situation: "a path no route matches", status: 404, code: "NOT_FOUND" },"#));
/// ```
pub fn module<E: ApiError>() -> String {
    let catalog = E::CATALOG;
    let mut out = catalog.to_typescript();
    let _ = write_edge::<E>(&mut out, catalog.name());
    if let Some(shape) = E::body_shape() {
        let _ = write_envelope(&mut out, &catalog, &shape);
    }
    out
}

/// Writes [`module`] to `path` when the file does not hold it already (so a build script
/// that calls it does not make cargo rebuild), creating its folder; `true` when it wrote.
///
/// ```
/// use api_error_core::ApiError;
/// use api_error_core::typescript;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "oz")]
/// enum OzError {
///     #[api(code = 10, status = 404)]
///     NotExist,
/// }
///
/// let path = std::env::temp_dir().join("api-error-doc-test").join("oz.ts");
/// let _ = std::fs::remove_file(&path);
/// assert!(typescript::write::<OzError>(&path).unwrap());
/// assert!(!typescript::write::<OzError>(&path).unwrap());
/// assert!(std::fs::read_to_string(&path).unwrap().contains("export type OzErrorCode =\n  | 10;"));
/// ```
///
/// # Errors
///
/// When the folder cannot be created or the file cannot be read or written.
pub fn write<E: ApiError>(path: impl AsRef<Path>) -> io::Result<bool> {
    let path = path.as_ref();
    let module = module::<E>();
    match std::fs::read_to_string(path) {
        Ok(existing) if existing == module => return Ok(false),
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(error),
    }
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(path, module)?;
    Ok(true)
}

fn write_catalog(out: &mut String, catalog: &Catalog) -> fmt::Result {
    let name = catalog.name();
    let value = lower_first(name);
    let int_codes = catalog.iter().next().is_some() && catalog.iter().all(|e| e.code().is_int());
    writeln!(
        out,
        "// The {name} error catalog, generated by api-error from its declaration: do not edit.\n"
    )?;
    writeln!(out, "/** Every code of the catalog. */")?;
    write!(out, "export type {name}Code =")?;
    if catalog.is_empty() {
        write!(out, " never")?;
    }
    for error in catalog.iter() {
        write!(out, "\n  | {}", literal(error.code()))?;
    }
    writeln!(out, ";\n")?;
    writeln!(out, "{RETRY_KIND}")?;
    writeln!(
        out,
        "/** The catalog's facts about one error. */\n\
         export interface {name}Info {{\n  \
         /** The HTTP status. */\n  readonly status: number;\n  \
         /** The documented name. */\n  readonly name: string;\n  \
         /** The public message, `{{field}}` placeholders included; `null` when it is the error's own text. */\n  \
         readonly message: string | null;\n  \
         /** What a client does about the error. */\n  readonly retry: RetryKind;\n  \
         /** The advice in words, as the catalog's pages give it. */\n  readonly retryable: string;\n}}\n"
    )?;
    writeln!(out, "/** Every error of the catalog, by code. */")?;
    writeln!(
        out,
        "export const {value}Catalog: {{ readonly [code in {name}Code]: {name}Info }} = {{"
    )?;
    for error in catalog.iter() {
        let retryable = Retryable::of(error);
        let key = match error.code() {
            Code::Str(code) => json(code),
            Code::Int(code) => code.to_string(),
        };
        writeln!(
            out,
            "  {key}: {{ status: {}, name: {}, message: {}, retry: {}, retryable: {} }},",
            error.status().as_u16(),
            json(error.name()),
            error.message().map_or_else(|| "null".to_owned(), json),
            json(retryable.kind()),
            json(&capitalized(retryable.text())),
        )?;
    }
    writeln!(out, "}};\n")?;
    let code_type = if int_codes { "number" } else { "string" };
    writeln!(
        out,
        "/** Whether `code` is a code of the catalog. */\n\
         export function is{name}Code(code: unknown): code is {name}Code {{\n  \
         return typeof code === \"{code_type}\" && Object.prototype.hasOwnProperty.call({value}Catalog, code);\n}}\n"
    )?;
    writeln!(
        out,
        "/** The retry advice for an error: its code's in the catalog, else its status's. */\n\
         export function retryKindOf(code: unknown, status: number): RetryKind {{\n  \
         return is{name}Code(code) ? {value}Catalog[code].retry : retryKindOfStatus(status);\n}}\n"
    )?;
    writeln!(out, "{RETRY_OF_STATUS}")
}

/// What the HTTP edge answers with ([`edge_errors`](crate::edge_errors)): the generic codes
/// among them as a type, and every situation's status and code as a table.
fn write_edge<E: ApiError>(out: &mut String, name: &str) -> fmt::Result {
    let value = lower_first(name);
    let edge = crate::edge_errors::<E>();
    let mut generic: Vec<String> = Vec::new();
    for error in edge.iter().filter(|error| !error.is_declared()) {
        let code = literal(error.descriptor().code());
        if !generic.contains(&code) {
            generic.push(code);
        }
    }
    writeln!(
        out,
        "/** The generic codes of statuses that the service's HTTP edge answers with where no \
         error of the catalog takes the situation. */"
    )?;
    match generic.as_slice() {
        [] => writeln!(out, "export type {name}EdgeCode = never;\n")?,
        codes => writeln!(out, "export type {name}EdgeCode = {};\n", codes.join(" | "))?,
    }
    writeln!(
        out,
        "/** What the service's HTTP edge answers where no operation's error does (a body that \
         is not JSON, an unknown route, a wrong method, a panic): the status and the code. Any \
         other status answered in plain text carries the generic code of its status. */\n\
         export const {value}Edge: ReadonlyArray<{{ readonly situation: string; readonly status: number; \
         readonly code: {name}Code | {name}EdgeCode }}> = ["
    )?;
    for error in &edge {
        writeln!(
            out,
            "  {{ situation: {}, status: {}, code: {} }},",
            json(error.situation()),
            error.status().as_u16(),
            literal(error.descriptor().code())
        )?;
    }
    writeln!(out, "];\n")
}

/// The advice kinds, as [`Retryable::kind`] names them.
const RETRY_KIND: &str = "/** What a client does about an error: retry with backoff, retry once with caution, \
re-authenticate then retry, fix the request, retry once a condition is met, or never retry. */
export type RetryKind = \"backoff\" | \"caution\" | \"reauthenticate\" | \"fix-request\" | \"condition\" | \"never\";
";

/// [`Retryable::for_status`], in TypeScript.
const RETRY_OF_STATUS: &str =
    "/** The retry advice of a status, for an error the catalog does not know. */
export function retryKindOfStatus(status: number): RetryKind {
  switch (status) {
    case 401:
      return \"reauthenticate\";
    case 408:
    case 425:
    case 429:
    case 502:
    case 503:
    case 504:
      return \"backoff\";
    case 500:
      return \"caution\";
    case 422:
      return \"fix-request\";
    default:
      return \"never\";
  }
}
";

fn write_envelope(out: &mut String, catalog: &Catalog, shape: &Shape) -> fmt::Result {
    let name = catalog.name();
    let value = lower_first(name);
    let int_codes = catalog.iter().next().is_some() && catalog.iter().all(|e| e.code().is_int());
    let code_type = if int_codes {
        format!("{name}Code | (number & {{}})")
    } else {
        format!("{name}Code | (string & {{}})")
    };
    writeln!(out, "/** A body in the catalog's envelope. */")?;
    writeln!(
        out,
        "export interface {name}Body {}\n",
        object_type(shape.members(), &code_type, true)
    )?;
    writeln!(
        out,
        "/** One error of a body, read back. */\n\
         export interface {name}ReceivedError {{\n  \
         /** The code, as the body had it; absent from a shape without one. */\n  \
         readonly code?: {code_type};\n  \
         /** The catalog's entry for the code; absent for a code the catalog does not know. */\n  \
         readonly known?: {name}Info;\n  \
         readonly message?: string;\n  readonly details?: unknown;\n  \
         /** The field of a per-field item, its message, and where it was. */\n  \
         readonly field?: string;\n  readonly fieldMessage?: string;\n  readonly fieldLocation?: string;\n  \
         /** The error's member fields. */\n  readonly members?: {{ readonly [member: string]: unknown }};\n  \
         /** The inner error nested in this one. */\n  readonly cause?: {name}ReceivedError;\n}}\n"
    )?;
    writeln!(
        out,
        "/** A body read back: its errors, and the request context it carried. */\n\
         export interface {name}Received {{\n  readonly errors: {name}ReceivedError[];\n  \
         readonly requestId?: string;\n  readonly timestamp?: string;\n  readonly instance?: string;\n}}\n"
    )?;
    writeln!(out, "{SHAPE_TYPES}")?;
    write!(out, "const {value}Shape: readonly ShapeMember[] = ")?;
    shape_data(out, shape.members())?;
    writeln!(out, ";\n")?;
    writeln!(
        out,
        "/** Whether `body` is in the catalog's envelope. */\n\
         export function is{name}Body(body: unknown): body is {name}Body {{\n  \
         return matchesObject({value}Shape, body, \"{}\");\n}}\n",
        if int_codes { "number" } else { "string" }
    )?;
    writeln!(
        out,
        "function receive{name}(found: Found): {name}ReceivedError {{\n  \
         const code = found.code as {code_type} | undefined;\n  \
         return {{\n    code,\n    \
         known: is{name}Code(code) ? {value}Catalog[code] : undefined,\n    \
         message: found.message,\n    details: found.details,\n    \
         field: found.field,\n    fieldMessage: found.fieldMessage,\n    fieldLocation: found.fieldLocation,\n    \
         members: found.members,\n    \
         cause: found.cause === undefined ? undefined : receive{name}(found.cause),\n  }};\n}}\n"
    )?;
    writeln!(
        out,
        "/** The errors of a body in the catalog's envelope; `null` for any other body. */\n\
         export function parse{name}Body(body: unknown): {name}Received | null {{\n  \
         if (!is{name}Body(body)) {{\n    return null;\n  }}\n  \
         const state: ReadState = {{ errors: [], context: {{}} }};\n  \
         const root: Found = {{}};\n  \
         readObject({value}Shape, body, root, state);\n  \
         const said = (found: Found): boolean =>\n    \
         found.code !== undefined || found.message !== undefined || found.field !== undefined;\n  \
         const found = said(root) ? [root, ...state.errors] : state.errors;\n  \
         return {{ errors: found.filter(said).map(receive{name}), ...state.context }};\n}}\n"
    )?;
    writeln!(out, "{SHAPE_READER}")
}

/// The TypeScript type of an object of the shape: one member a line at the top, inline
/// within.
fn object_type(members: &[Member], code_type: &str, top: bool) -> String {
    let properties: Vec<String> = members
        .iter()
        .map(|member| {
            let mut ty = value_type(member.value(), code_type);
            if member.absent() == Absent::Null {
                ty.push_str(" | null");
            }
            let optional = member.absent() == Absent::Omit && can_be_absent(member);
            format!(
                "readonly {}{}: {ty}",
                property_name(member.name()),
                if optional { "?" } else { "" }
            )
        })
        .collect();
    if top {
        let mut out = String::from("{\n");
        for property in properties {
            let _ = writeln!(out, "  {property};");
        }
        out.push('}');
        out
    } else {
        format!("{{ {} }}", properties.join("; "))
    }
}

fn value_type(value: Value, code_type: &str) -> String {
    match value {
        Value::Code => code_type.to_owned(),
        Value::Status => "number".to_owned(),
        Value::IsClientError | Value::IsServerError => "boolean".to_owned(),
        Value::Attr(_) => "string | number | boolean".to_owned(),
        Value::Members => "{ readonly [member: string]: unknown }".to_owned(),
        Value::Constant(constant) => constant_json(constant),
        Value::Object(members) => object_type(members, code_type, false),
        Value::List(members) => {
            format!("ReadonlyArray<{}>", object_type(members, code_type, false))
        }
        Value::Message
        | Value::Name
        | Value::Category
        | Value::StatusText
        | Value::Title
        | Value::TypeUri(_)
        | Value::RequestId
        | Value::Timestamp
        | Value::Instance
        | Value::Field
        | Value::FieldPointer(_)
        | Value::FieldMessage
        | Value::FieldCode
        | Value::FieldLocation => "string".to_owned(),
        // Details, a member field, an inner error, and whatever the model adds.
        _ => "unknown".to_owned(),
    }
}

/// Whether a member can be left out of a body, as the writer leaves out absent values.
fn can_be_absent(member: &Member) -> bool {
    member.value().can_be_absent() || member.only_when_declared() || member.is_flattened()
}

/// The shape as data for the reader below: `[name, value, nullable, optional]`.
fn shape_data(out: &mut String, members: &[Member]) -> fmt::Result {
    out.push('[');
    for (index, member) in members.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        write!(out, "[{}, ", json(member.name()))?;
        match member.value() {
            Value::Object(inner) => {
                out.push_str("{ object: ");
                shape_data(out, inner)?;
                out.push_str(" }");
            }
            Value::List(inner) => {
                out.push_str("{ list: ");
                shape_data(out, inner)?;
                out.push_str(" }");
            }
            Value::Constant(constant) => {
                write!(out, "{{ constant: {} }}", constant_json(constant))?
            }
            Value::TypeUri(base) => write!(out, "{{ typeUri: {} }}", json(base))?,
            Value::FieldPointer(base) => write!(out, "{{ fieldPointer: {} }}", json(base))?,
            Value::Member(key) => write!(out, "{{ member: {} }}", json(key))?,
            other => out.push_str(&json(kind(other))),
        }
        write!(
            out,
            ", {}, {}, {}]",
            member.absent() == Absent::Null,
            member.absent() == Absent::Omit && can_be_absent(member),
            member.fallback() == Some(Value::Message)
        )?;
    }
    out.push(']');
    Ok(())
}

/// The name of a value the reader knows by name.
fn kind(value: Value) -> &'static str {
    match value {
        Value::Code => "code",
        Value::Message => "message",
        Value::Name => "name",
        Value::Category => "category",
        Value::Status => "status",
        Value::StatusText => "statusText",
        Value::Title => "title",
        Value::Details => "details",
        Value::RequestId => "requestId",
        Value::Timestamp => "timestamp",
        Value::Instance => "instance",
        Value::Field => "field",
        Value::FieldMessage => "fieldMessage",
        Value::FieldCode => "fieldCode",
        Value::FieldLocation => "fieldLocation",
        Value::Attr(_) => "attr",
        Value::Members => "members",
        Value::Inner => "inner",
        Value::IsClientError | Value::IsServerError => "flag",
        _ => "other",
    }
}

/// The types of the shape's data, and the reader's state.
const SHAPE_TYPES: &str = r##"type ShapeValue =
  | "code" | "message" | "name" | "category" | "status" | "statusText" | "title" | "details"
  | "requestId" | "timestamp" | "instance" | "field" | "fieldMessage" | "fieldCode" | "fieldLocation"
  | "attr" | "members" | "inner" | "flag" | "other"
  | { readonly object: readonly ShapeMember[] }
  | { readonly list: readonly ShapeMember[] }
  | { readonly constant: unknown }
  | { readonly typeUri: string }
  | { readonly fieldPointer: string }
  | { readonly member: string };
/**
 * A member of the envelope: its name (empty for members written in its place), its value,
 * whether it may be null, whether it may be left out, whether it stands in for the message.
 */
type ShapeMember = readonly [string, ShapeValue, boolean, boolean, boolean];
interface Found {
  code?: unknown;
  message?: string;
  details?: unknown;
  field?: string;
  fieldMessage?: string;
  fieldLocation?: string;
  members?: { [member: string]: unknown };
  cause?: Found;
}
interface ReadState {
  errors: Found[];
  context: { requestId?: string; timestamp?: string; instance?: string };
}
"##;

/// The reader: the shape walked over a parsed body, the same for every catalog.
/// The reader: the shape walked over a parsed body, the same for every catalog.
const SHAPE_READER: &str = r##"function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function matchesValue(value: ShapeValue, member: unknown, codeType: string): boolean {
  if (typeof value === "string") {
    switch (value) {
      case "code":
        return typeof member === codeType;
      case "status":
        return typeof member === "number";
      case "flag":
        return typeof member === "boolean";
      case "attr":
        return typeof member === "string" || typeof member === "number" || typeof member === "boolean";
      case "members":
      case "inner":
        return isRecord(member);
      case "details":
      case "other":
        return true;
      default:
        return typeof member === "string";
    }
  }
  if ("object" in value) {
    return matchesObject(value.object, member, codeType);
  }
  if ("list" in value) {
    const items = value.list;
    return Array.isArray(member) && member.every((item: unknown) => matchesObject(items, item, codeType));
  }
  if ("constant" in value) {
    return JSON.stringify(member) === JSON.stringify(value.constant);
  }
  if ("typeUri" in value) {
    return typeof member === "string" && member.startsWith(value.typeUri);
  }
  if ("fieldPointer" in value) {
    return typeof member === "string";
  }
  return true;
}

function matchesObject(members: readonly ShapeMember[], body: unknown, codeType: string): boolean {
  if (!isRecord(body)) {
    return false;
  }
  return members.every(([name, value, nullable, optional, standsForMessage]) => {
    if (name === "" || !Object.prototype.hasOwnProperty.call(body, name)) {
      return name === "" || optional;
    }
    const member = body[name];
    return (
      (nullable && member === null) ||
      matchesValue(value, member, codeType) ||
      (standsForMessage && typeof member === "string")
    );
  });
}

function readObject(members: readonly ShapeMember[], body: unknown, found: Found, state: ReadState): void {
  if (!isRecord(body)) {
    return;
  }
  if (members.some(([name, value]) => name === "" && value === "members")) {
    for (const [key, member] of Object.entries(body)) {
      if (!members.some(([name]) => name === key)) {
        found.members = { ...found.members, [key]: member };
      }
    }
  }
  for (const [name, value, , , standsForMessage] of members) {
    const member = name === "" ? undefined : body[name];
    if (member === undefined || member === null) {
      continue;
    }
    const text = typeof member === "string" ? member : undefined;
    if (typeof value !== "string") {
      if ("object" in value) {
        readObject(value.object, member, found, state);
      } else if ("list" in value && Array.isArray(member)) {
        for (const item of member) {
          const error: Found = {};
          readObject(value.list, item, error, state);
          state.errors.push(error);
        }
      } else if ("typeUri" in value && text !== undefined && found.code === undefined) {
        found.code = text.slice(value.typeUri.length);
      } else if ("fieldPointer" in value && text !== undefined) {
        found.field = text.slice(value.fieldPointer.length);
      } else if ("member" in value) {
        found.members = { ...found.members, [value.member]: member };
      }
      continue;
    }
    switch (value) {
      case "code":
        found.code = member;
        break;
      case "message":
        found.message = text;
        break;
      case "details":
        if (standsForMessage && text !== undefined) {
          found.message = text;
        } else {
          found.details = member;
        }
        break;
      case "members":
        if (isRecord(member)) {
          found.members = { ...found.members, ...member };
        }
        break;
      case "inner": {
        const cause: Found = {};
        readObject(members, member, cause, state);
        found.cause = cause;
        break;
      }
      case "field":
        found.field = text;
        break;
      case "fieldMessage":
        found.fieldMessage = text;
        if (standsForMessage && found.field === undefined) {
          found.message ??= text;
        }
        break;
      case "fieldLocation":
        found.fieldLocation = text;
        break;
      case "requestId":
      case "timestamp":
      case "instance":
        state.context[value] ??= text;
        break;
      default:
        break;
    }
  }
  if (found.field !== undefined && found.fieldMessage !== undefined && found.message === found.fieldMessage) {
    found.message = undefined;
  }
}
"##;

fn constant_json(constant: Constant) -> String {
    match constant {
        Constant::Null => "null".to_owned(),
        Constant::Bool(flag) => flag.to_string(),
        Constant::Int(number) => number.to_string(),
        Constant::Str(text) => json(text),
        Constant::Array(items) => {
            let items: Vec<String> = items.iter().map(|item| constant_json(*item)).collect();
            format!("[{}]", items.join(", "))
        }
        Constant::Object(members) => {
            let members: Vec<String> = members
                .iter()
                .map(|(name, value)| format!("{}: {}", json(name), constant_json(*value)))
                .collect();
            format!("{{ {} }}", members.join(", "))
        }
        // Whatever the model adds: any JSON.
        #[allow(unreachable_patterns)]
        _ => "unknown".to_owned(),
    }
}

fn literal(code: Code) -> String {
    match code {
        Code::Str(text) => json(text),
        Code::Int(number) => number.to_string(),
    }
}

/// A JSON string literal, which is also a TypeScript one.
fn json(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// A member name as a property: bare when it is an identifier, quoted otherwise.
fn property_name(name: &str) -> String {
    let mut chars = name.chars();
    let identifier = chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_' || first == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        name.to_owned()
    } else {
        json(name)
    }
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
