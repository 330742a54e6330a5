//! Fetching FHIR in the browser: the three ways in, paging, per-request auth headers from the
//! host, timeouts and bounded retries, and writing a new entry.
//!
//! The policy (what to retry, how long to wait) is `retry`'s, the reading is `bundle`'s and
//! `history`'s; this file only carries them out with gloo-net. Nothing here stores a header,
//! a token or a patient identifier, and a national identity number only ever travels in a POST
//! body.

use std::time::Duration;

use gloo_net::http::Request;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::abort;
use super::bundle::{Expect, MAX_PAGE_BYTES, NotData, NotDataKind, Page, read_answer};
use super::codes;
use super::communication;
use super::history::{FhirHistory, reference_key};
use super::national_id;
use super::patient::{self, Searched};
use super::problem::{Problem, ProblemKind};
use super::retry::{FetchError, FetchErrorKind, Outcome, RetryPolicy, Step, next_step};
use super::urls::{
    BrowserUrls, Home, Planned, UrlParser, UrlRefusal, page_base, plan_first, plan_link,
    plan_on_home,
};

/// Where a widget's observations come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A Bundle at this URL.
    BundleUrl(String),
    /// `GET {base}/Observation?subject={patient}&…`.
    Patient { base: String, patient: String },
    /// `POST {base}/Observation/_search` with `patient.identifier` in the form body.
    NationalId { base: String, national_id: String },
    /// NHN's Pasientens måledata: as `NationalId`, by POST only (next pages and referenced
    /// Observations too), without `_include`; new entries go as PMD's `collection` Bundle.
    Pmd { base: String, national_id: String },
}

impl Source {
    /// The patient a search was for, to check every Observation it returns against.
    fn searched(&self) -> Option<Searched<'_>> {
        match self {
            Source::BundleUrl(_) => None,
            Source::Patient { patient, .. } => Some(Searched::Reference(patient)),
            Source::NationalId { national_id, .. } | Source::Pmd { national_id, .. } => {
                Some(Searched::NationalId(national_id))
            }
        }
    }
}

/// How requests are made.
#[derive(Clone, Debug)]
pub struct ClientOptions {
    /// Called before every request as `auth(method, url)`; returns (or resolves to) an object of
    /// header names to values. HelseID with DPoP needs a fresh proof for each request, so it is
    /// asked every time and nothing it returns is kept.
    pub auth: Option<Function>,
    pub retry: RetryPolicy,
    /// How long `auth` may take to answer before the request counts as refused (`auth`).
    pub auth_timeout: Duration,
    /// `_count` per page.
    pub page_size: u32,
    /// Aborts every request of this load or save when signalled (the widget was removed, or
    /// its source changed), and stops retrying.
    pub cancel: Option<AbortSignal>,
    /// Sends a fresh `correlation-id` (a random UUID) with every request, for the service's
    /// support to trace it (PMD). Off for other servers: a header they do not expect makes the
    /// browser ask their CORS rules first, and some refuse it.
    pub correlation_ids: bool,
}

/// How long the host's auth callback may take by default: a token refresh takes a second or
/// two; a callback that never settles must not leave the widget loading for good.
pub const AUTH_TIMEOUT: Duration = Duration::from_secs(10);

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            auth: None,
            retry: RetryPolicy::default(),
            auth_timeout: AUTH_TIMEOUT,
            page_size: 0,
            cancel: None,
            correlation_ids: false,
        }
    }
}

fn cancelled(options: &ClientOptions) -> bool {
    options.cancel.as_ref().is_some_and(AbortSignal::aborted)
}

fn cancelled_error() -> FetchError {
    FetchError {
        kind: FetchErrorKind::Cancelled,
        status: None,
        message: "cancelled by the widget".into(),
    }
}

/// Most pages followed, so a server that links a page to itself cannot loop the widget.
const MAX_PAGES: usize = 500;

fn news2_codes() -> String {
    codes::OBSERVATION_CODES
        .iter()
        .map(|(system, code, _)| format!("{system}|{code}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// The search's query, as `key=value&…` (for a URL, or for a form body). `include` asks for
/// the Observations totals are derived from (PMD does not take `_include`).
fn search_query(subject: (&str, &str), page_size: u32, include: bool) -> String {
    let size = if page_size == 0 { 100 } else { page_size };
    let include = if include {
        "&_include=Observation:derived-from"
    } else {
        ""
    };
    format!(
        "{}={}&code={}&_sort=-date&_count={size}{include}",
        subject.0,
        encode(subject.1),
        encode(&news2_codes())
    )
}

/// `patient.identifier=system|number`, as a search names a patient by national identity
/// number.
fn patient_identifier(national_id: &str) -> String {
    format!(
        "{}|{}",
        national_id::identifier_system(national_id),
        national_id.trim()
    )
}

/// A fresh random UUID from the browser (an entry's id, a correlation id).
pub fn random_id() -> String {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).ok();
    let uuid = crypto.and_then(|crypto| {
        let random_uuid: Function = Reflect::get(&crypto, &"randomUUID".into())
            .ok()?
            .dyn_into()
            .ok()?;
        random_uuid.call0(&crypto).ok()?.as_string()
    });
    uuid.unwrap_or_else(|| {
        // Without a secure context there is no randomUUID; time and Math.random still make
        // collisions practically impossible.
        format!(
            "{:x}-{:x}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 1e15) as u64
        )
    })
}

fn base_url(base: &str) -> &str {
    base.trim_end_matches('/')
}

/// Waits, in the browser's event loop.
async fn sleep(duration: Duration) {
    let millis = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
    let promise = Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().is_some_and(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis)
                .is_ok()
        });
        // No timer (a worker, say): retry at once rather than wait for ever.
        if !scheduled {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A promise that resolves to `marker` after `ms` milliseconds (never, without a timer).
fn resolve_after(ms: u32, marker: &JsValue) -> Promise {
    let marker = marker.clone();
    Promise::new(&mut |resolve, _| {
        let millis = i32::try_from(ms).unwrap_or(i32::MAX);
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_1(&resolve, millis, &marker);
        }
    })
}

/// Asks the host for this request's headers, within `within`.
async fn auth_headers(
    auth: &Function,
    method: &str,
    url: &str,
    within: Duration,
) -> Result<Vec<(String, String)>, FetchError> {
    let refused = |why: &str| FetchError {
        kind: FetchErrorKind::Auth,
        status: None,
        message: format!("the host's auth callback {why}"),
    };
    let returned = auth
        .call2(&JsValue::NULL, &method.into(), &url.into())
        .map_err(|_| refused("threw"))?;
    let resolved = match returned.dyn_into::<Promise>() {
        Ok(promise) => {
            let too_late = JsValue::from(Object::new());
            let timer = resolve_after(
                u32::try_from(within.as_millis()).unwrap_or(u32::MAX),
                &too_late,
            );
            let first = JsFuture::from(Promise::race(&js_sys::Array::of2(&promise, &timer)))
                .await
                .map_err(|_| refused("was rejected"))?;
            if Object::is(&first, &too_late) {
                return Err(refused(&format!(
                    "did not answer within {} ms",
                    within.as_millis()
                )));
            }
            first
        }
        Err(value) => value,
    };
    if resolved.is_undefined() || resolved.is_null() {
        return Ok(Vec::new());
    }
    let object: Object = resolved
        .dyn_into()
        .map_err(|_| refused("did not return an object of headers"))?;
    let mut headers = Vec::new();
    for key in Object::keys(&object).iter() {
        let (Some(name), Some(value)) = (
            key.as_string(),
            Reflect::get(&object, &key).ok().and_then(|v| v.as_string()),
        ) else {
            return Err(refused("returned a header that is not a string"));
        };
        // gloo-net would throw (and kill the widget) on a header the browser refuses.
        let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
        let valid_value = |c: char| (c as u32) <= 0xFF && !matches!(c, '\r' | '\n' | '\0');
        if name.is_empty() || !name.chars().all(token) || !value.chars().all(valid_value) {
            return Err(refused(
                "returned a header name or value that HTTP does not allow",
            ));
        }
        headers.push((name, value));
    }
    Ok(headers)
}

/// A request to make: where and how, and what its answer must be.
struct Call<'a> {
    planned: Planned,
    /// A body of this content type (a write); a search's form comes with `planned`.
    body: Option<(&'a str, String)>,
    /// Whether a request that got no answer (network error, timeout) is sent again. Not for
    /// writes: the first may still be running on the server, and two conditional creates
    /// racing each other can both create. A write is retried by the user, under the same id.
    retry_unanswered: bool,
}

impl Call<'_> {
    fn read(planned: Planned) -> Self {
        Call {
            planned,
            body: None,
            retry_unanswered: true,
        }
    }

    fn method(&self) -> &'static str {
        match (&self.planned, &self.body) {
            (Planned::PostForm { .. }, _) | (_, Some(_)) => "POST",
            (Planned::Get { .. }, None) => "GET",
        }
    }
}

/// Why an answer that arrived whole is not taken.
struct Refused {
    kind: FetchErrorKind,
    message: String,
    /// Whether another attempt may fare better (a body cut short by the network).
    retry: bool,
}

impl From<NotData> for Refused {
    fn from(not: NotData) -> Self {
        let kind = match not.kind {
            NotDataKind::WebPage | NotDataKind::SessionEnded => FetchErrorKind::Auth,
            NotDataKind::ServerMessage => FetchErrorKind::Server,
            NotDataKind::TooLarge => FetchErrorKind::TooLarge,
            NotDataKind::NotJson | NotDataKind::NotExpected => FetchErrorKind::Malformed,
        };
        Refused {
            kind,
            retry: not.kind == NotDataKind::NotJson,
            message: not.message,
        }
    }
}

/// How reading a body ended, when it did not end with the body.
enum BodyFailure {
    TooLarge,
    TimedOut,
    Cancelled,
    BrokeOff,
}

/// Reads a body up to `limit` bytes, chunk by chunk, so a body larger than the budget is never
/// held whole, and a body that drips is cut off by the request's timeout (its signal aborts the
/// stream).
async fn read_body(
    response: &gloo_net::http::Response,
    limit: usize,
    timeout: &AbortSignal,
    cancel: Option<&AbortSignal>,
) -> Result<Vec<u8>, BodyFailure> {
    let failed = || {
        if cancel.is_some_and(AbortSignal::aborted) {
            BodyFailure::Cancelled
        } else if timeout.aborted() {
            BodyFailure::TimedOut
        } else {
            BodyFailure::BrokeOff
        }
    };
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| BodyFailure::BrokeOff)?;
    // Room for the whole body at once where the server says its length (within the limit): a
    // year in one Bundle is otherwise copied each time the buffer doubles, and kept at up to
    // twice its size.
    let announced = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<usize>().ok())
        .unwrap_or(0);
    let mut bytes = Vec::with_capacity(announced.min(limit));
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| failed())?;
        let done = Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value = Reflect::get(&chunk, &"value".into()).map_err(|_| BodyFailure::BrokeOff)?;
        let array: js_sys::Uint8Array = value.dyn_into().map_err(|_| BodyFailure::BrokeOff)?;
        let length = array.length() as usize;
        if bytes.len() + length > limit {
            // Stops the download: the rest is never read into memory.
            let _ = reader.cancel();
            return Err(BodyFailure::TooLarge);
        }
        let start = bytes.len();
        bytes.resize(start + length, 0);
        array.copy_to(&mut bytes[start..]);
    }
}

fn too_large(status: Option<u16>) -> FetchError {
    FetchError {
        kind: FetchErrorKind::TooLarge,
        status,
        message: format!(
            "the answer is larger than {} MB; not read",
            MAX_PAGE_BYTES / (1024 * 1024)
        ),
    }
}

/// Makes a request with retries; returns what `accept` makes of a 2xx answer's body. Redirects
/// are not followed (a redirected API request is a login page in front of the server, as a
/// rule, and following one could carry a DPoP proof elsewhere); the body of an error answer is
/// not read.
async fn send<T>(
    call: &Call<'_>,
    home: &Home,
    options: &ClientOptions,
    accept: impl Fn(&[u8]) -> Result<T, Refused>,
) -> Result<T, FetchError> {
    let url = call.planned.url();
    let method = call.method();
    let mut attempt = 1;
    loop {
        if cancelled(options) {
            return Err(cancelled_error());
        }
        let mut headers = vec![("Accept".to_string(), "application/fhir+json".to_string())];
        if options.correlation_ids {
            headers.push(("correlation-id".to_string(), random_id()));
        }
        if let Some(auth) = &options.auth {
            headers.extend(auth_headers(auth, method, url, options.auth_timeout).await?);
            if cancelled(options) {
                return Err(cancelled_error());
            }
        }
        let timeout_ms = u32::try_from(options.retry.timeout.as_millis()).unwrap_or(u32::MAX);
        let timeout = abort::timeout(timeout_ms);
        let signal = match options.cancel.as_ref() {
            Some(cancel) => abort::either(&timeout, cancel),
            None => timeout.clone(),
        };
        let body = match (&call.planned, &call.body) {
            (_, Some((content_type, body))) => Some((*content_type, body.clone())),
            (Planned::PostForm { form, .. }, None) => {
                Some(("application/x-www-form-urlencoded", form.clone()))
            }
            (Planned::Get { .. }, None) => None,
        };
        if let Some((content_type, _)) = &body {
            headers.push(("Content-Type".to_string(), (*content_type).to_string()));
        }
        let request =
            request(url, method, &headers, body.map(|(_, b)| b), &signal).map_err(|why| {
                FetchError {
                    kind: FetchErrorKind::Rejected,
                    status: None,
                    message: format!("the request could not be made: {why}"),
                }
            })?;
        let (outcome, retry_after, refused) = match request.send().await {
            Ok(response) if response.type_() == web_sys::ResponseType::Opaqueredirect => {
                return Err(FetchError {
                    kind: FetchErrorKind::Auth,
                    status: None,
                    message: "the server sent the request elsewhere (a redirect, as to a login \
                              page); it was not followed"
                        .into(),
                });
            }
            Ok(response) if !response_stays_home(&response, home) => {
                return Err(FetchError {
                    kind: FetchErrorKind::Malformed,
                    status: None,
                    message: "the answer came from another server than the configured one; \
                              not used"
                        .into(),
                });
            }
            Ok(response) => {
                let status = response.status();
                let retry_after = response.headers().get("Retry-After");
                if !(200..=299).contains(&status) {
                    // Not read: an error page can be of any size, and says nothing the status
                    // does not.
                    if let Some(body) = response.body() {
                        let _ = body.cancel();
                    }
                    (Outcome::Status(status), retry_after, None)
                } else {
                    let declared_too_large = response
                        .headers()
                        .get("Content-Length")
                        .and_then(|length| length.trim().parse::<usize>().ok())
                        .is_some_and(|length| length > MAX_PAGE_BYTES);
                    if declared_too_large {
                        if let Some(body) = response.body() {
                            let _ = body.cancel();
                        }
                        return Err(too_large(Some(status)));
                    }
                    match read_body(&response, MAX_PAGE_BYTES, &timeout, options.cancel.as_ref())
                        .await
                    {
                        Ok(bytes) => match accept(&bytes) {
                            Ok(value) => return Ok(value),
                            Err(refused) if refused.retry => {
                                (Outcome::NetworkError, None, Some(refused))
                            }
                            Err(refused) => {
                                return Err(FetchError {
                                    kind: refused.kind,
                                    status: Some(status),
                                    message: refused.message,
                                });
                            }
                        },
                        Err(BodyFailure::TooLarge) => return Err(too_large(Some(status))),
                        Err(BodyFailure::Cancelled) => return Err(cancelled_error()),
                        Err(BodyFailure::TimedOut) => (Outcome::Timeout, None, None),
                        Err(BodyFailure::BrokeOff) => (Outcome::NetworkError, None, None),
                    }
                }
            }
            Err(_) if cancelled(options) => return Err(cancelled_error()),
            Err(_) if timeout.aborted() => (Outcome::Timeout, None, None),
            Err(gloo_net::Error::JsError(e)) if e.name == "TimeoutError" => {
                (Outcome::Timeout, None, None)
            }
            Err(_) => (Outcome::NetworkError, None, None),
        };
        let unanswered = matches!(outcome, Outcome::NetworkError | Outcome::Timeout);
        let policy = if unanswered && !call.retry_unanswered {
            RetryPolicy {
                max_attempts: attempt,
                ..options.retry
            }
        } else {
            options.retry
        };
        match next_step(
            &policy,
            attempt,
            outcome,
            retry_after.as_deref(),
            js_sys::Math::random(),
        ) {
            // `next_step` says `Done` only for a 2xx, which has returned above.
            Step::Done => {
                return Err(FetchError {
                    kind: FetchErrorKind::Malformed,
                    status: None,
                    message: "no usable answer".into(),
                });
            }
            Step::RetryAfter(wait) => {
                sleep(wait).await;
                attempt += 1;
            }
            Step::GiveUp(mut error) => {
                if let Some(refused) = refused {
                    error.kind = refused.kind;
                    error.message = format!("{} ({attempt} attempts)", refused.message);
                }
                return Err(error);
            }
        }
    }
}

/// The request exactly as planned: the URL as the URL rules resolved it (gloo-net's builder would
/// parse it again and append to its query), redirects not followed, and the signal that ends it.
fn request(
    url: &str,
    method: &str,
    headers: &[(String, String)],
    body: Option<String>,
    signal: &AbortSignal,
) -> Result<Request, String> {
    let why = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the browser refused it".to_string())
    };
    let sent = web_sys::Headers::new().map_err(why)?;
    for (name, value) in headers {
        sent.append(name, value).map_err(why)?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_headers(&sent);
    init.set_redirect(web_sys::RequestRedirect::Manual);
    init.set_signal(Some(signal));
    if let Some(body) = body {
        init.set_body(&JsValue::from(body));
    }
    web_sys::Request::new_with_str_and_init(url, &init)
        .map(Request::from)
        .map_err(why)
}

/// Whether the answer is from the home origin (a service worker could answer with another's).
fn response_stays_home(response: &gloo_net::http::Response, home: &Home) -> bool {
    let url = response.url();
    url.is_empty()
        || BrowserUrls
            .resolve(&url, &url)
            .is_some_and(|parsed| parsed.origin == home.origin())
}

fn page_of(expect: Expect) -> impl Fn(&[u8]) -> Result<Page, Refused> {
    move |bytes| read_answer(bytes, expect).map_err(Refused::from)
}

/// What a load brought: everything that arrived, and why it stopped early, if it did.
#[derive(Debug)]
pub struct Loaded {
    pub history: FhirHistory,
    /// The failure that ended the load before the last page; pages read before it are kept.
    pub stopped: Option<FetchError>,
}

impl Loaded {
    /// The history if every page arrived, else the failure.
    pub fn into_result(self) -> Result<FhirHistory, FetchError> {
        match self.stopped {
            None => Ok(self.history),
            Some(error) => Err(error),
        }
    }
}

fn stopped(kind: FetchErrorKind, message: impl Into<String>) -> FetchError {
    FetchError {
        kind,
        status: None,
        message: message.into(),
    }
}

/// Most Observations one widget holds: a year of hourly raw vital signs is about 61,000. Pages
/// come newest first, so what is loaded when the budget is reached is the newest.
pub const MAX_OBSERVATIONS: usize = 120_000;

/// The first request of a source, planned by the URL rules: the home origin, the request, and
/// the number that must stay out of every URL.
fn first_request(source: &Source, page_size: u32) -> Result<(Home, Planned), FetchError> {
    let base = page_base().unwrap_or_default();
    let refused = |why: UrlRefusal| stopped(FetchErrorKind::Config, why.message());
    match source {
        Source::BundleUrl(url) => plan_first(&BrowserUrls, url, &base, None, None),
        Source::Patient {
            base: fhir,
            patient,
        } => plan_first(
            &BrowserUrls,
            &format!(
                "{}/Observation?{}",
                base_url(fhir),
                search_query(("subject", patient), page_size, true)
            ),
            &base,
            None,
            None,
        ),
        Source::NationalId {
            base: fhir,
            national_id,
        } => plan_first(
            &BrowserUrls,
            &format!("{}/Observation/_search", base_url(fhir)),
            &base,
            Some(search_query(
                ("patient.identifier", &patient_identifier(national_id)),
                page_size,
                true,
            )),
            Some(national_id),
        ),
        Source::Pmd {
            base: fhir,
            national_id,
        } => plan_first(
            &BrowserUrls,
            &format!("{}/Observation/_search", base_url(fhir)),
            &base,
            Some(search_query(
                ("patient.identifier", &patient_identifier(national_id)),
                page_size,
                false,
            )),
            Some(national_id),
        ),
    }
    .map_err(refused)
}

/// The number a source's URLs must never carry, where it has one.
fn secret(source: &Source) -> Option<&str> {
    match source {
        Source::NationalId { national_id, .. } | Source::Pmd { national_id, .. } => {
            Some(national_id)
        }
        _ => None,
    }
}

/// Loads every page of a source. `on_page` is called after each page with everything read so
/// far, so the latest sets (the first page, sorted newest first) show before the rest arrive.
/// Every URL goes through the URL rules (`urls`): next links are resolved against the page that
/// carried them and followed only on the configured source's origin, so the host's credentials
/// go nowhere else; a next link that carries a national identity number in its query is sent
/// as a POST form instead, and one with the number in its path is not followed.
pub async fn load(
    source: &Source,
    options: &ClientOptions,
    mut on_page: impl FnMut(&FhirHistory),
) -> Loaded {
    let mut history = FhirHistory::new();
    let stop = |history, error| Loaded {
        history,
        stopped: Some(error),
    };
    let (home, first) = match first_request(source, options.page_size) {
        Ok(first) => first,
        Err(error) => return stop(history, error),
    };
    let expect = match source {
        Source::BundleUrl(_) => Expect::BundleOrObservation,
        Source::Patient { .. } | Source::NationalId { .. } | Source::Pmd { .. } => {
            Expect::SearchSet
        }
    };
    let first_url = first.url().to_string();
    let mut next = Some(first);
    // Each request as sent (URL and any form body), to catch a server that links back.
    let mut seen_requests: Vec<Planned> = Vec::new();
    while let Some(planned) = next.take() {
        if seen_requests.contains(&planned) {
            let error = stopped(
                FetchErrorKind::Malformed,
                "the server linked a page it had already sent; the rest was not loaded",
            );
            return stop(history, error);
        }
        if seen_requests.len() >= MAX_PAGES {
            let error = stopped(
                FetchErrorKind::TooLarge,
                format!("more than {MAX_PAGES} pages; the rest was not loaded"),
            );
            return stop(history, error);
        }
        let mut page = match send(
            &Call::read(planned.clone()),
            &home,
            options,
            page_of(expect),
        )
        .await
        {
            Ok(page) => page,
            Err(error) => return stop(history, error),
        };
        if let Some(searched) = source.searched() {
            patient::keep_the_patients(&mut page, searched);
        }
        let link = page.next.clone();
        history.add_page(page);
        on_page(&history);
        if history.len() > MAX_OBSERVATIONS {
            let error = stopped(
                FetchErrorKind::TooLarge,
                format!(
                    "more than {MAX_OBSERVATIONS} Observations; the newest were loaded, the \
                     older were not"
                ),
            );
            return stop(history, error);
        }
        if let Some(link) = link {
            let planned_link = plan_link(&BrowserUrls, &home, &link, planned.url(), secret(source))
                .map(|request| match source {
                    // PMD searches by POST only: its next page too.
                    Source::Pmd { .. } => request.into_post_search(),
                    _ => request,
                });
            match planned_link {
                Ok(request) => next = Some(request),
                Err(why) => {
                    let error = stopped(
                        FetchErrorKind::Malformed,
                        format!("the next page was not loaded: {}", why.message()),
                    );
                    return stop(history, error);
                }
            }
        }
        seen_requests.push(planned);
    }
    let fetched = match fetch_unresolved(source, &home, &first_url, options, &mut history).await {
        Ok(fetched) => fetched,
        Err(error) => return stop(history, error),
    };
    // Escalation responses are read after the sets they answer: their failure loses no
    // measurement, so it is a problem in the list, not a stopped load.
    let responded = match fetch_responses(source, &home, &first_url, options, &mut history).await {
        Ok(any) => any,
        Err(error) if error.kind == FetchErrorKind::Cancelled => return stop(history, error),
        Err(error) => {
            history.responses_not_read(&error.message);
            true
        }
    };
    if fetched || responded {
        on_page(&history);
    }
    Loaded {
        history,
        stopped: None,
    }
}

/// Reads every escalation response recorded for a `Patient/…` source (a search of
/// `Communication` by subject and the response category, paged like the Observations, on the
/// same server only). Other sources hold none that the widget can search for: PMD holds only
/// Observations, and a Bundle holds what the host put in it. Says whether any response came.
async fn fetch_responses(
    source: &Source,
    home: &Home,
    first_url: &str,
    options: &ClientOptions,
    history: &mut FhirHistory,
) -> Result<bool, FetchError> {
    let (Source::Patient { patient, .. }, Some(base)) = (source, source_base(first_url)) else {
        return Ok(false);
    };
    let mut any = false;
    let size = if options.page_size == 0 {
        100
    } else {
        options.page_size
    };
    let url = format!(
        "{base}/Communication?subject={}&category={}&_count={size}",
        encode(patient),
        encode(&format!(
            "{}|{}",
            communication::RESPONSE_CATEGORY,
            communication::ESCALATION_RESPONSE
        ))
    );
    let refused = |why: UrlRefusal| stopped(FetchErrorKind::Malformed, why.message());
    let mut next = Some(plan_on_home(&BrowserUrls, home, &url, None).map_err(refused)?);
    let searched = if patient.contains('/') {
        reference_key(patient)
    } else {
        format!("Patient/{patient}")
    };
    let mut seen_requests: Vec<Planned> = Vec::new();
    let mut dropped = false;
    while let Some(planned) = next.take() {
        if seen_requests.contains(&planned) {
            return Err(stopped(
                FetchErrorKind::Malformed,
                "the server linked a page of responses it had already sent",
            ));
        }
        if seen_requests.len() >= MAX_PAGES {
            return Err(stopped(
                FetchErrorKind::TooLarge,
                format!("more than {MAX_PAGES} pages of responses"),
            ));
        }
        let mut page = send(
            &Call::read(planned.clone()),
            home,
            options,
            page_of(Expect::SearchSet),
        )
        .await?;
        if let Some(link) = &page.next {
            next = Some(plan_link(&BrowserUrls, home, link, planned.url(), None).map_err(refused)?);
        }
        // Only the searched patient's responses: a server that ignores a parameter must not
        // bring another patient's, nor Observations this search did not ask for (the
        // Observation search reads those, checked against the patient).
        page.observations.clear();
        page.retracted.clear();
        let before = page.responses.len();
        page.responses
            .retain(|r| r.subject.as_deref() == Some(searched.as_str()));
        if page.responses.len() < before {
            dropped = true;
            page.problems.push(Problem {
                resource: None,
                kind: ProblemKind::NotScored,
                message: format!(
                    "{} Communication(s) in the answer name another patient or none; not used",
                    before - page.responses.len()
                ),
            });
        }
        any |= !page.responses.is_empty();
        history.add_page(page);
        seen_requests.push(planned);
    }
    // A response not taken may have been this patient's (named another way): the search then
    // cannot tell that none was recorded.
    if !dropped {
        history.responses_searched();
    }
    Ok(any)
}

/// The FHIR base a source's relative references resolve against: the part of its first URL
/// before `/Observation`.
fn source_base(first_url: &str) -> Option<String> {
    first_url
        .find("/Observation")
        .map(|at| first_url[..at].to_string())
}

/// Fetches the Observations that totals refer to by `derivedFrom` but that did not come with
/// the search (a server without `_include`), by `_id`, 50 at a time. Only references on the
/// source's own server are followed: the host's credentials never go anywhere else. Says
/// whether it fetched anything.
async fn fetch_unresolved(
    source: &Source,
    home: &Home,
    first_url: &str,
    options: &ClientOptions,
    history: &mut FhirHistory,
) -> Result<bool, FetchError> {
    let Some(base) = source_base(first_url) else {
        return Ok(false);
    };
    let ids: Vec<String> = history
        .group(None)
        .unresolved
        .iter()
        .filter_map(|reference| {
            let relative = reference
                .strip_prefix(&format!("{base}/"))
                .unwrap_or(reference);
            let relative = relative.split("/_history/").next().unwrap_or(relative);
            relative
                .strip_prefix("Observation/")
                .filter(|id| !id.contains(['/', ':']))
                .map(str::to_owned)
        })
        .collect();
    for chunk in ids.chunks(50) {
        let url = format!(
            "{base}/Observation?_id={}&_count={}",
            encode(&chunk.join(",")),
            chunk.len()
        );
        let planned = match source {
            // By POST only, and only with the patient: PMD searches nothing else.
            Source::Pmd { national_id, .. } => plan_first(
                &BrowserUrls,
                &format!("{base}/Observation/_search"),
                home.origin(),
                Some(format!(
                    "patient.identifier={}&_id={}&_count={}",
                    encode(&patient_identifier(national_id)),
                    encode(&chunk.join(",")),
                    chunk.len()
                )),
                secret(source),
            )
            .map(|(_, planned)| planned),
            _ => plan_on_home(&BrowserUrls, home, &url, secret(source)),
        }
        .map_err(|why| {
            stopped(
                FetchErrorKind::Malformed,
                format!(
                    "referenced Observations were not fetched: {}",
                    why.message()
                ),
            )
        })?;
        let mut page = send(
            &Call::read(planned),
            home,
            options,
            page_of(Expect::SearchSet),
        )
        .await?;
        if let Some(searched) = source.searched() {
            patient::keep_the_patients(&mut page, searched);
        }
        history.add_page(page);
    }
    Ok(!ids.is_empty())
}

/// Sends a transaction Bundle to `base`. Retried only when the server answered that it could
/// not take it (429, 502–504); a request that got no answer is reported, to be resent by the
/// user with the same Bundle, which creates nothing twice (every entry is a conditional create).
pub async fn save(
    base: &str,
    bundle: &serde_json::Value,
    options: &ClientOptions,
) -> Result<serde_json::Value, FetchError> {
    let page = page_base().unwrap_or_default();
    let (home, planned) = plan_first(
        &BrowserUrls,
        &format!("{}/", base_url(base)),
        &page,
        None,
        None,
    )
    .map_err(|why| stopped(FetchErrorKind::Config, why.message()))?;
    let call = Call {
        planned,
        body: Some(("application/fhir+json", bundle.to_string())),
        retry_unanswered: false,
    };
    send(&call, &home, options, |bytes| {
        serde_json::from_slice(bytes).map_err(|e| Refused {
            kind: FetchErrorKind::Malformed,
            message: format!("the answer is not JSON: {e}"),
            retry: false,
        })
    })
    .await
}
