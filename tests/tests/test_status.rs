use api_error_core::ApiError;
use http::StatusCode;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
enum Error {
    UsesDefault,
    #[api(status = 404)]
    Number,
    #[api(status = CONFLICT)]
    Name,
    #[api(status = StatusCode::TOO_MANY_REQUESTS)]
    QualifiedName,
    #[api(status = http::StatusCode::SERVICE_UNAVAILABLE)]
    FullPath,
    #[api(status = 100)]
    Lowest,
    #[api(status = 599)]
    Highest,
    #[api(status = 499)]
    Unregistered,
}

#[test]
fn statuses_are_typed() {
    assert_eq!(Error::UsesDefault.status(), StatusCode::BAD_REQUEST);
    assert_eq!(Error::Number.status(), StatusCode::NOT_FOUND);
    assert_eq!(Error::Name.status(), StatusCode::CONFLICT);
    assert_eq!(Error::QualifiedName.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(Error::FullPath.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(Error::Lowest.status().as_u16(), 100);
    assert_eq!(Error::Highest.status().as_u16(), 599);
    assert_eq!(Error::Unregistered.status().as_u16(), 499);
}

#[test]
fn descriptor_and_value_agree() {
    for descriptor in Error::CATALOG.iter() {
        assert!((100..=599).contains(&descriptor.status().as_u16()));
    }
    assert_eq!(Error::Name.descriptor().status(), Error::Name.status());
}

#[test]
fn default_message_is_the_reason_phrase() {
    assert_eq!(Error::Number.message().to_string(), "Not Found");
    assert_eq!(Error::Name.message().to_string(), "Conflict");
    assert_eq!(Error::Highest.message().to_string(), "Server Error");
    assert_eq!(Error::Unregistered.message().to_string(), "Client Error");
}
