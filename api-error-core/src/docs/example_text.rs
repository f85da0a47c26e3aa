//! Example text for a string field, from the field's name: `pet_id` is an id with a `pet_`
//! prefix, `email` an address, `webhook_url` a URL. Documentation shows these values in
//! messages and bodies, so they should read like what the field holds.

/// The id part of every example id, in the shape of a ULID.
const ULID: &str = "01J8Z3K4QF7XW2M9V6T5R1N0BC";

/// The example text of a string field named `field` (`snake_case`; a tuple variant's fields
/// are named after the variant).
pub(crate) fn for_field(field: &str) -> String {
    let lower = field.trim_start_matches("r#").to_ascii_lowercase();
    let words: Vec<&str> = lower.split('_').filter(|word| !word.is_empty()).collect();
    let Some((&last, before)) = words.split_last() else {
        return "example".to_owned();
    };
    // The word before the last, which says what kind of id, name or URL it is.
    let kind = before.last().copied();
    if let Some(text) = by_name(&words.join("_")) {
        return text.to_owned();
    }
    match last {
        "id" | "ids" => match kind {
            None => "550e8400-e29b-41d4-a716-446655440000".to_owned(),
            Some("request" | "req") => format!("req_{ULID}"),
            Some(kind) => format!("{kind}_{ULID}"),
        },
        "uuid" | "guid" => "550e8400-e29b-41d4-a716-446655440000".to_owned(),
        "token" => format!("tok_{ULID}"),
        "key" => format!("key_{ULID}"),
        "url" | "uri" | "link" | "href" | "endpoint" | "webhook" | "callback" => match kind {
            Some(kind) if !matches!(kind, "base" | "redirect" | "callback") => {
                format!("https://example.com/{kind}")
            }
            _ => "https://example.com/".to_owned(),
        },
        "email" | "mail" => "jane.doe@example.com".to_owned(),
        "name" => match kind {
            Some("user" | "login" | "account") => "jane_doe".to_owned(),
            Some("first" | "given") => "Jane".to_owned(),
            Some("last" | "family") => "Doe".to_owned(),
            Some("full" | "display" | "real" | "contact") => "Jane Doe".to_owned(),
            Some("file") => "report.pdf".to_owned(),
            Some("host" | "domain" | "server") => "api.example.com".to_owned(),
            Some(kind) => format!("my-{kind}"),
            None => "Jane Doe".to_owned(),
        },
        "path" | "dir" | "directory" => "/var/data/report.pdf".to_owned(),
        "ip" | "addr" => "203.0.113.7".to_owned(),
        "host" | "hostname" | "domain" => "api.example.com".to_owned(),
        "phone" | "mobile" => "+1 202 555 0143".to_owned(),
        "country" => "US".to_owned(),
        "currency" => "USD".to_owned(),
        "language" | "lang" | "locale" => "en-US".to_owned(),
        "timezone" | "tz" => "Europe/Berlin".to_owned(),
        "date" | "day" | "birthday" => "2024-01-15".to_owned(),
        "at" | "time" | "timestamp" | "datetime" | "deadline" | "expiry" => {
            "2024-01-15T11:22:33Z".to_owned()
        }
        "status" | "state" => "approved".to_owned(),
        "method" | "verb" => "PATCH".to_owned(),
        "header" => "x-api-key".to_owned(),
        "field" | "param" | "parameter" | "attribute" | "property" | "subject" | "pointer" => {
            "firstName".to_owned()
        }
        "version" => "1.4.2".to_owned(),
        "sku" => "SKU-1042".to_owned(),
        "coupon" | "promo" | "voucher" => "SPRING24".to_owned(),
        "region" | "zone" => "eu-west-1".to_owned(),
        "role" => "admin".to_owned(),
        "scope" | "permission" => "orders:write".to_owned(),
        "plan" | "tier" => "pro".to_owned(),
        "resource" | "entity" | "object" => "order".to_owned(),
        "user" | "username" | "login" | "owner" | "handle" | "customer" | "member" => {
            "jane_doe".to_owned()
        }
        "reason" | "cause" | "error" | "detail" | "details" | "message" | "description"
        | "source" | "fault" | "problem" => "the upstream service timed out".to_owned(),
        "query" | "search" | "filter" => "status:open".to_owned(),
        "color" | "colour" => "#1e90ff".to_owned(),
        _ => format!("{}-1", words.join("-")),
    }
}

/// Names that mean one thing only as a whole.
fn by_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "username" | "user_name" => "jane_doe",
        "filename" | "file_name" | "file" => "report.pdf",
        "ip_address" | "remote_addr" | "client_ip" => "203.0.113.7",
        "email_address" => "jane.doe@example.com",
        "phone_number" => "+1 202 555 0143",
        "country_code" => "US",
        "currency_code" => "USD",
        "content_type" | "media_type" | "mime_type" => "application/json",
        "api_key" => "key_01J8Z3K4QF7XW2M9V6T5R1N0BC",
        "access_token" | "refresh_token" => "tok_01J8Z3K4QF7XW2M9V6T5R1N0BC",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::for_field;

    #[test]
    fn text_from_the_field_name() {
        for (field, text) in [
            ("pet_id", "pet_01J8Z3K4QF7XW2M9V6T5R1N0BC"),
            ("order_id", "order_01J8Z3K4QF7XW2M9V6T5R1N0BC"),
            ("request_id", "req_01J8Z3K4QF7XW2M9V6T5R1N0BC"),
            ("id", "550e8400-e29b-41d4-a716-446655440000"),
            ("email", "jane.doe@example.com"),
            ("contact_email", "jane.doe@example.com"),
            ("url", "https://example.com/"),
            ("webhook_url", "https://example.com/webhook"),
            ("redirect_uri", "https://example.com/"),
            ("user_name", "jane_doe"),
            ("collection_name", "my-collection"),
            ("file_name", "report.pdf"),
            ("created_at", "2024-01-15T11:22:33Z"),
            ("current_status", "approved"),
            ("unsupported_currency", "USD"),
            ("api_key", "key_01J8Z3K4QF7XW2M9V6T5R1N0BC"),
            ("r#type", "type-1"),
            ("species", "species-1"),
            ("shelf_life", "shelf-life-1"),
            ("", "example"),
            ("_", "example"),
        ] {
            assert_eq!(for_field(field), text, "{field}");
        }
    }

    #[test]
    fn never_the_bare_type_name() {
        for field in ["string", "value", "s", "x", "text", "name", "a_b_c"] {
            assert_ne!(for_field(field), "string", "{field}");
        }
    }
}
