//! The Petnow server API's error catalog (seed 000), shared by the `petnow` example, which
//! prints and documents it, and the `service` example, which serves it.
//!
//! The document gives no messages (its envelope has no message member), so the public
//! messages are the statuses' reason phrases; its categories are its section headings.

use api_error_core::{ApiError, FieldError, FieldErrors};

/// Errors of the Petnow server API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(envelope = "petnow", prefix = "PETNOWB2B")]
pub enum PetnowError {
    /// The API key is invalid, missing or deactivated.
    #[error("invalid api key")]
    #[api(
        code = "PETNOWB2B10000",
        status = UNAUTHORIZED,
        name = "InvalidApiKeyException",
        category = "Authentication",
        cause = "Invalid API Key",
        cause = "Missing API Key",
        cause = "Deactivated API Key",
        solution = "Check x-petnow-api-key header",
        solution = "Use the correct API Key issued from the Petify Console",
        solution = "Contact Petnow representative to verify Key status",
        retryable = "after re-auth"
    )]
    InvalidApiKey,

    /// Request parameter validation failed; `details` lists the failed fields. Requests the
    /// web framework rejects (a body that is not JSON, a bad query) become this error too.
    #[error("request validation failed")]
    #[api(
        code = "PETNOWB2B10001",
        status = BAD_REQUEST,
        name = "ValidationError",
        category = "Authentication",
        cause = "Missing required parameters",
        cause = "Invalid type or format for parameter values",
        cause = "Disallowed enum values (e.g., a value other than DOG or CAT for species)",
        solution = "Check the details field for the failed field names and error messages",
        solution = "Fix the request parameters and retry",
        retryable = "after fixing request",
        rejection
    )]
    Validation {
        #[api(details, example = FieldErrors::from([FieldError::new("petId", "This field is required.")]))]
        fields: FieldErrors,
    },

    /// The demo plan's maximum pet registration count was exceeded.
    #[error("pet limit of the demo plan exceeded")]
    #[api(
        code = "PETNOWB2B10005",
        status = PAYMENT_REQUIRED,
        name = "PetLimitExceededError",
        category = "Payment Required",
        cause = "Demo plan maximum pet registration count exceeded",
        solution = "Contact Petnow representative to upgrade to a paid plan",
        retryable = false
    )]
    PetLimitExceeded,

    /// The pet already has an ongoing fingerprint addition job.
    #[error("pet {pet_id} already has a fingerprint addition job")]
    #[api(
        code = "PETNOWB2B20007",
        status = BAD_REQUEST,
        name = "PetAlreadyHasFingerprintAdditionJobException",
        category = "Request",
        cause = "Pet already has an ongoing fingerprint addition job",
        solution = "Wait for the existing job to complete",
        solution = "Retry after polling job status",
        retryable = "after the running job completes"
    )]
    PetAlreadyHasFingerprintAdditionJob { pet_id: String },

    /// The pet has no registered fingerprints to verify against.
    #[error("pet {pet_id} has no fingerprint")]
    #[api(
        code = "PETNOWB2B20009",
        status = BAD_REQUEST,
        name = "PetHasNoFingerprintException",
        category = "Request",
        cause = "Pet has no registered fingerprints during verification",
        solution = "Complete fingerprint registration first",
        solution = "Add fingerprints via addFingerprints endpoint"
    )]
    PetHasNoFingerprint { pet_id: String },

    /// A session whose purpose needs a pet was created without `petId`.
    #[error("capture session created without petId")]
    #[api(
        code = "PETNOWB2B20011",
        status = BAD_REQUEST,
        name = "NoPetIdCaptureSessionException",
        category = "Request",
        cause = "Missing petId when creating session with PET_PROFILE_REGISTRATION or PET_VERIFICATION purpose",
        solution = "Include petId parameter when creating session",
        solution = "PET_IDENTIFICATION does not require petId"
    )]
    NoPetIdCaptureSession,

    /// The capture session is not finished yet.
    #[error("capture session {session_id} is not finished")]
    #[api(
        code = "PETNOWB2B20012",
        status = BAD_REQUEST,
        name = "CaptureSessionIsNotFinishedException",
        category = "Request",
        cause = "Attempting to perform action while capture session is not yet finished",
        cause = "Appearance image(s) not uploaded to the session (required for every purpose)",
        solution = "Ensure sufficient files are uploaded to the session",
        solution = "Upload the appearance image(s) the UI module provides before performing the action",
        solution = "Check session status"
    )]
    CaptureSessionIsNotFinished { session_id: String },

    /// The capture session's purpose does not match the requested operation.
    #[error("capture session {session_id} has the wrong purpose")]
    #[api(
        code = "PETNOWB2B20013",
        status = BAD_REQUEST,
        name = "InvalidSessionPurposeError",
        category = "Request",
        cause = "Capture session purpose does not match the requested operation",
        cause = "Example: Attempting fingerprint registration with a PET_IDENTIFICATION session",
        solution = "Create a session with the correct purpose",
        solution = "Choose the appropriate purpose among PET_PROFILE_REGISTRATION, PET_VERIFICATION, PET_IDENTIFICATION"
    )]
    InvalidSessionPurpose { session_id: String },

    /// The capture session has already been used.
    #[error("capture session {session_id} was already used")]
    #[api(
        code = "PETNOWB2B20014",
        status = BAD_REQUEST,
        name = "CaptureSessionAlreadyUsedError",
        category = "Request",
        cause = "Attempting to reuse a capture session that has already been used",
        solution = "Create a new capture session and retry"
    )]
    CaptureSessionAlreadyUsed { session_id: String },

    /// The capture session's species does not match the pet's.
    #[error("species of session {session_id} differs from pet {pet_id}")]
    #[api(
        code = "PETNOWB2B20015",
        status = BAD_REQUEST,
        name = "SpeciesMismatchError",
        category = "Request",
        cause = "Capture session species does not match the pet's species",
        solution = "Create a session with the same species as the pet",
        solution = "Verify the correct pet ID"
    )]
    SpeciesMismatch { session_id: String, pet_id: String },

    /// V1 fingerprint UUIDs span more than one capture session.
    #[error("fingerprints belong to several capture sessions")]
    #[api(
        code = "PETNOWB2B20017",
        status = BAD_REQUEST,
        name = "MultipleCaptureSessionsError",
        category = "Request",
        cause = "V1 fingerprint UUIDs belong to more than one capture session",
        solution = "Use fingerprint UUIDs from a single capture session only"
    )]
    MultipleCaptureSessions,

    /// The capture session does not exist or has expired.
    #[error("no capture session {session_id}")]
    #[api(
        code = "PETNOWB2B20010",
        status = NOT_FOUND,
        name = "NoSuchCaptureSessionException",
        category = "Session",
        cause = "Session ID does not exist",
        cause = "Session has expired",
        solution = "Verify session ID",
        solution = "Create a new session"
    )]
    NoSuchCaptureSession { session_id: String },

    /// The pet does not exist or has been deleted.
    #[error("no pet {pet_id}")]
    #[api(
        code = "PETNOWB2B20000",
        status = NOT_FOUND,
        name = "NoSuchPetException",
        category = "Resource",
        cause = "Pet ID does not exist",
        cause = "Pet has been deleted",
        solution = "Verify pet ID",
        solution = "Check existence via pet list endpoint"
    )]
    NoSuchPet { pet_id: String },

    /// The fingerprint addition job does not exist.
    #[error("no fingerprint addition job {job_id}")]
    #[api(
        code = "PETNOWB2B20004",
        status = NOT_FOUND,
        name = "NoSuchFingerprintAdditionJobException",
        category = "Resource",
        cause = "Fingerprint addition job ID does not exist",
        solution = "Verify job ID",
        solution = "Start a new job"
    )]
    NoSuchFingerprintAdditionJob { job_id: String },

    /// The verification job does not exist.
    #[error("no pet verification job {job_id}")]
    #[api(
        code = "PETNOWB2B20005",
        status = NOT_FOUND,
        name = "NoSuchPetVerificationJobException",
        category = "Resource",
        cause = "Verification job ID does not exist",
        solution = "Verify job ID",
        solution = "Start a new verification job"
    )]
    NoSuchPetVerificationJob { job_id: String },

    /// The identification job does not exist.
    #[error("no pet identification job {job_id}")]
    #[api(
        code = "PETNOWB2B20006",
        status = NOT_FOUND,
        name = "NoSuchPetIdentificationJobException",
        category = "Resource",
        cause = "Identification job ID does not exist",
        solution = "Verify job ID",
        solution = "Start a new identification job"
    )]
    NoSuchPetIdentificationJob { job_id: String },

    /// The search pool does not exist.
    #[error("no search pool {pool}")]
    #[api(
        code = "PETNOWB2B20016",
        status = NOT_FOUND,
        name = "NoSuchSearchPoolError",
        category = "Resource",
        cause = "Search pool name does not exist",
        solution = "Verify the correct search pool name",
        solution = "Contact Petnow representative to configure the search pool"
    )]
    NoSuchSearchPool { pool: String },

    /// The pet's species is neither DOG nor CAT.
    #[error("unknown species {species:?}")]
    #[api(
        code = "PETNOWB2B30002",
        status = INTERNAL_SERVER_ERROR,
        name = "UnknownSpeciesException",
        category = "Server",
        cause = "Unknown pet species",
        solution = "Verify species value is DOG or CAT",
        retryable = false
    )]
    UnknownSpecies { species: String },
}

/// One value of every error, in the order the document shows them, with the document's own
/// example values.
pub fn documented() -> Vec<PetnowError> {
    let pet = || "pet_1".to_owned();
    let session = || "session_1".to_owned();
    let job = || "job_1".to_owned();
    vec![
        PetnowError::InvalidApiKey,
        PetnowError::Validation {
            fields: FieldErrors::from([FieldError::new("petId", "This field is required.")]),
        },
        PetnowError::PetLimitExceeded,
        PetnowError::PetAlreadyHasFingerprintAdditionJob { pet_id: pet() },
        PetnowError::PetHasNoFingerprint { pet_id: pet() },
        PetnowError::NoPetIdCaptureSession,
        PetnowError::CaptureSessionIsNotFinished {
            session_id: session(),
        },
        PetnowError::InvalidSessionPurpose {
            session_id: session(),
        },
        PetnowError::CaptureSessionAlreadyUsed {
            session_id: session(),
        },
        PetnowError::SpeciesMismatch {
            session_id: session(),
            pet_id: pet(),
        },
        PetnowError::MultipleCaptureSessions,
        PetnowError::NoSuchCaptureSession {
            session_id: session(),
        },
        PetnowError::NoSuchPet { pet_id: pet() },
        PetnowError::NoSuchFingerprintAdditionJob { job_id: job() },
        PetnowError::NoSuchPetVerificationJob { job_id: job() },
        PetnowError::NoSuchPetIdentificationJob { job_id: job() },
        PetnowError::NoSuchSearchPool {
            pool: "default".into(),
        },
        PetnowError::UnknownSpecies {
            species: "PARROT".into(),
        },
    ]
}
