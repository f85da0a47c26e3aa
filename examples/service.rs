//! A small pet-biometrics service in axum, modelled on the Petnow server API (seed 000): pets,
//! capture sessions and fingerprint jobs, in memory. Every failure is a `PetnowError` returned
//! from a handler, a JSON body that does not parse is the document's `ValidationError` (400)
//! naming the field, and `ErrorLayer` answers everything else (a bad path, an unknown route,
//! a wrong method, a panic) in the same `{"errors":[{"code":..}]}` envelope, with the
//! generic code of its status where the document has no error for it.
//!
//! `cargo run --example service` serves on 127.0.0.1:3000 (or `$PORT`); `cargo test` starts it
//! on a free port and calls every error path over HTTP.
//!
//! ```text
//! curl -i localhost:3000/v2/pets/nope -H 'x-petnow-api-key: demo-key'
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use api_error_core::ApiJson;
use api_error_core::axum::ErrorLayer;
use api_error_examples::petnow::PetnowError;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The API key the demo accepts in `x-petnow-api-key`.
const API_KEY: &str = "demo-key";
/// How many pets the demo plan registers.
const DEMO_PLAN_PETS: usize = 3;

type Result<T, E = PetnowError> = std::result::Result<T, E>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Species {
    Dog,
    Cat,
}

impl Species {
    /// The name the API and the store use.
    const fn name(self) -> &'static str {
        match self {
            Species::Dog => "DOG",
            Species::Cat => "CAT",
        }
    }

    fn from_name(name: &str) -> Option<Species> {
        [Species::Dog, Species::Cat]
            .into_iter()
            .find(|species| species.name() == name)
    }
}

/// What a capture session is for, in the API's own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(clippy::enum_variant_names)]
enum Purpose {
    PetProfileRegistration,
    PetVerification,
    PetIdentification,
}

struct Pet {
    /// As stored; records from before species were checked may hold anything.
    species: String,
    fingerprints: u32,
    running_job: Option<String>,
}

struct Session {
    purpose: Purpose,
    species: Species,
    finished: bool,
    used: bool,
}

/// A job the service accepted; every job has completed by the time it is polled.
enum Job {
    /// Adds a fingerprint to this pet, when polled.
    Addition {
        pet_id: String,
    },
    Verification,
    Identification,
}

/// Everything the service knows.
#[derive(Default)]
struct Store {
    next_id: u64,
    pets: HashMap<String, Pet>,
    sessions: HashMap<String, Session>,
    jobs: HashMap<String, Job>,
    search_pools: HashSet<String>,
}

impl Store {
    /// A store with the `default` search pool and one legacy pet of an unknown species.
    fn new() -> Self {
        let mut store = Store::default();
        store.search_pools.insert("default".to_owned());
        store.pets.insert(
            "pet_legacy".to_owned(),
            Pet {
                species: "PARROT".to_owned(),
                fingerprints: 0,
                running_job: None,
            },
        );
        store
    }

    fn id(&mut self, kind: &str) -> String {
        self.next_id += 1;
        format!("{kind}_{}", self.next_id)
    }

    /// Accepts `job`, answering with its id.
    fn start(&mut self, kind: &str, job: Job) -> (StatusCode, Json<Value>) {
        let job_id = self.id(kind);
        if let Job::Addition { pet_id } = &job
            && let Some(pet) = self.pets.get_mut(pet_id)
        {
            pet.running_job = Some(job_id.clone());
        }
        self.jobs.insert(job_id.clone(), job);
        (StatusCode::ACCEPTED, Json(json!({ "jobId": job_id })))
    }

    fn pet(&mut self, pet_id: &str) -> Result<&mut Pet> {
        self.pets
            .get_mut(pet_id)
            .ok_or_else(|| PetnowError::NoSuchPet {
                pet_id: pet_id.to_owned(),
            })
    }

    /// The finished, unused session for `purpose`, now used.
    fn use_session(&mut self, session_id: &str, purpose: Purpose) -> Result<Species> {
        let session_id = session_id.to_owned();
        let Some(session) = self.sessions.get_mut(&session_id) else {
            return Err(PetnowError::NoSuchCaptureSession { session_id });
        };
        if session.purpose != purpose {
            return Err(PetnowError::InvalidSessionPurpose { session_id });
        }
        if !session.finished {
            return Err(PetnowError::CaptureSessionIsNotFinished { session_id });
        }
        if session.used {
            return Err(PetnowError::CaptureSessionAlreadyUsed { session_id });
        }
        session.used = true;
        Ok(session.species)
    }
}

#[derive(Clone)]
struct App(Arc<Mutex<Store>>);

impl App {
    fn store(&self) -> MutexGuard<'_, Store> {
        // A handler that panicked mid-update cannot leave the maps inconsistent.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A JSON request body, rejected as the document's `ValidationError` with its status (400)
/// and the failing field in its details (`{"species":["unknown variant `BIRD`, ..."]}`),
/// where axum would answer 415 or 422: the Petnow document gives one status for every
/// validation failure.
struct JsonBody<T>(T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = PetnowError;

    async fn from_request(request: Request, state: &S) -> Result<Self> {
        match ApiJson::from_request(request, state).await {
            Ok(ApiJson(value)) => Ok(JsonBody(value)),
            Err(rejection) => Err(PetnowError::Validation {
                fields: rejection.into(),
            }),
        }
    }
}

/// A request that carried the right `x-petnow-api-key`.
struct ApiKey;

impl<S: Send + Sync> FromRequestParts<S> for ApiKey {
    type Rejection = PetnowError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self> {
        match parts.headers.get("x-petnow-api-key") {
            Some(key) if key == API_KEY => Ok(ApiKey),
            _ => Err(PetnowError::InvalidApiKey),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewPet {
    species: Species,
    #[allow(dead_code)]
    name: String,
}

async fn create_pet(
    _: ApiKey,
    State(app): State<App>,
    JsonBody(new): JsonBody<NewPet>,
) -> Result<(StatusCode, Json<Value>)> {
    let mut store = app.store();
    let registered = store.pets.keys().filter(|id| *id != "pet_legacy").count();
    if registered >= DEMO_PLAN_PETS {
        return Err(PetnowError::PetLimitExceeded);
    }
    let pet_id = store.id("pet");
    let pet = Pet {
        species: new.species.name().to_owned(),
        fingerprints: 0,
        running_job: None,
    };
    store.pets.insert(pet_id.clone(), pet);
    Ok((StatusCode::CREATED, Json(json!({ "petId": pet_id }))))
}

async fn get_pet(
    _: ApiKey,
    State(app): State<App>,
    Path(pet_id): Path<String>,
) -> Result<Json<Value>> {
    let mut store = app.store();
    let pet = store.pet(&pet_id)?;
    let species = Species::from_name(&pet.species).ok_or_else(|| PetnowError::UnknownSpecies {
        species: pet.species.clone(),
    })?;
    Ok(Json(json!({
        "petId": pet_id,
        "species": species,
        "fingerprints": pet.fingerprints,
    })))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewSession {
    purpose: Purpose,
    species: Species,
    pet_id: Option<String>,
}

async fn create_session(
    _: ApiKey,
    State(app): State<App>,
    JsonBody(new): JsonBody<NewSession>,
) -> Result<(StatusCode, Json<Value>)> {
    let mut store = app.store();
    match (&new.pet_id, new.purpose) {
        (_, Purpose::PetIdentification) => {}
        (None, _) => return Err(PetnowError::NoPetIdCaptureSession),
        (Some(pet_id), _) => {
            store.pet(pet_id)?;
        }
    }
    let session_id = store.id("session");
    let session = Session {
        purpose: new.purpose,
        species: new.species,
        finished: false,
        used: false,
    };
    store.sessions.insert(session_id.clone(), session);
    Ok((
        StatusCode::CREATED,
        Json(json!({ "sessionId": session_id })),
    ))
}

/// The UI module uploads the appearance image, which finishes the session.
async fn upload_appearance(
    _: ApiKey,
    State(app): State<App>,
    Path(session_id): Path<String>,
) -> Result<StatusCode> {
    let mut store = app.store();
    let session = store
        .sessions
        .get_mut(&session_id)
        .ok_or(PetnowError::NoSuchCaptureSession { session_id })?;
    session.finished = true;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WithSession {
    session_id: String,
}

async fn add_fingerprints(
    _: ApiKey,
    State(app): State<App>,
    Path(pet_id): Path<String>,
    JsonBody(body): JsonBody<WithSession>,
) -> Result<(StatusCode, Json<Value>)> {
    let mut store = app.store();
    if store.pet(&pet_id)?.running_job.is_some() {
        return Err(PetnowError::PetAlreadyHasFingerprintAdditionJob { pet_id });
    }
    let species = store.use_session(&body.session_id, Purpose::PetProfileRegistration)?;
    let pet = store.pet(&pet_id)?;
    if species.name() != pet.species {
        return Err(PetnowError::SpeciesMismatch {
            session_id: body.session_id,
            pet_id,
        });
    }
    Ok(store.start("addition", Job::Addition { pet_id }))
}

async fn addition_job(
    _: ApiKey,
    State(app): State<App>,
    Path(job_id): Path<String>,
) -> Result<Json<Value>> {
    let mut store = app.store();
    let Some(Job::Addition { pet_id }) = store.jobs.get(&job_id) else {
        return Err(PetnowError::NoSuchFingerprintAdditionJob { job_id });
    };
    let pet_id = pet_id.clone();
    let pet = store.pet(&pet_id)?;
    if pet.running_job.as_deref() == Some(&job_id) {
        pet.running_job = None;
        pet.fingerprints += 1;
    }
    Ok(Json(json!({ "jobId": job_id, "status": "COMPLETED" })))
}

async fn verify(
    _: ApiKey,
    State(app): State<App>,
    Path(pet_id): Path<String>,
    JsonBody(body): JsonBody<WithSession>,
) -> Result<(StatusCode, Json<Value>)> {
    let mut store = app.store();
    if store.pet(&pet_id)?.fingerprints == 0 {
        return Err(PetnowError::PetHasNoFingerprint { pet_id });
    }
    store.use_session(&body.session_id, Purpose::PetVerification)?;
    Ok(store.start("verification", Job::Verification))
}

async fn verification_job(
    _: ApiKey,
    State(app): State<App>,
    Path(job_id): Path<String>,
) -> Result<Json<Value>> {
    if !matches!(app.store().jobs.get(&job_id), Some(Job::Verification)) {
        return Err(PetnowError::NoSuchPetVerificationJob { job_id });
    }
    Ok(Json(
        json!({ "jobId": job_id, "status": "COMPLETED", "matched": true }),
    ))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Identification {
    session_id: String,
    search_pool: String,
}

async fn identify(
    _: ApiKey,
    State(app): State<App>,
    JsonBody(body): JsonBody<Identification>,
) -> Result<(StatusCode, Json<Value>)> {
    let mut store = app.store();
    if !store.search_pools.contains(&body.search_pool) {
        return Err(PetnowError::NoSuchSearchPool {
            pool: body.search_pool,
        });
    }
    store.use_session(&body.session_id, Purpose::PetIdentification)?;
    Ok(store.start("identification", Job::Identification))
}

async fn identification_job(
    _: ApiKey,
    State(app): State<App>,
    Path(job_id): Path<String>,
) -> Result<Json<Value>> {
    if !matches!(app.store().jobs.get(&job_id), Some(Job::Identification)) {
        return Err(PetnowError::NoSuchPetIdentificationJob { job_id });
    }
    Ok(Json(
        json!({ "jobId": job_id, "status": "COMPLETED", "candidates": [] }),
    ))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct V1Fingerprints {
    /// `<session id>:<n>`: V1 fingerprint UUIDs name the session that captured them.
    fingerprint_uuids: Vec<String>,
}

/// The V1 endpoint, which takes fingerprint UUIDs of a single capture session.
async fn add_fingerprints_v1(
    _: ApiKey,
    State(app): State<App>,
    Path(pet_id): Path<String>,
    JsonBody(body): JsonBody<V1Fingerprints>,
) -> Result<StatusCode> {
    let sessions: HashSet<&str> = body
        .fingerprint_uuids
        .iter()
        .map(|uuid| {
            uuid.split_once(':')
                .map_or(uuid.as_str(), |(session, _)| session)
        })
        .collect();
    if sessions.len() > 1 {
        return Err(PetnowError::MultipleCaptureSessions);
    }
    app.store().pet(&pet_id)?.fingerprints += 1;
    Ok(StatusCode::NO_CONTENT)
}

/// The service, behind the layer that puts request ids on every response and answers axum's
/// rejections, unknown routes, wrong methods and panics in the envelope.
fn router() -> Router {
    let app = App(Arc::new(Mutex::new(Store::new())));
    Router::new()
        .route("/v2/pets", post(create_pet))
        .route("/v2/pets/{pet_id}", get(get_pet))
        .route("/v2/pets/{pet_id}/fingerprints", post(add_fingerprints))
        .route("/v2/pets/{pet_id}/verifications", post(verify))
        .route("/v2/capture-sessions", post(create_session))
        .route(
            "/v2/capture-sessions/{session_id}/appearance",
            post(upload_appearance),
        )
        .route("/v2/fingerprint-addition-jobs/{job_id}", get(addition_job))
        .route("/v2/verification-jobs/{job_id}", get(verification_job))
        .route("/v2/identifications", post(identify))
        .route("/v2/identification-jobs/{job_id}", get(identification_job))
        .route("/v1/pets/{pet_id}/fingerprints", post(add_fingerprints_v1))
        .with_state(app)
        .layer(ErrorLayer::<PetnowError>::new())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router()).await
}

#[cfg(test)]
#[path = "service/tests.rs"]
mod tests;
