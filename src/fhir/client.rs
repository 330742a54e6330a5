//! Fetching FHIR in the browser: the three ways in, paging, per-request auth headers from the
//! host, timeouts and bounded retries, and writing a new entry.
//!
//! The policy (what to retry, how long to wait) is `retry`'s, the reading is `bundle`'s and
//! `history`'s; this file only carries them out with gloo-net. Nothing here stores a header,
//! a token or a patient identifier, and a national identity number only ever travels in a POST
//! body.

use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder};
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::bundle::{MAX_PAGE_BYTES, Page, read_page};
use super::codes;
use super::history::FhirHistory;
use super::retry::{FetchError, FetchErrorKind, Outcome, RetryPolicy, Step, next_step};
use super::signal;

/// Where a widget's observations come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A Bundle at this URL.
    BundleUrl(String),
    /// `GET {base}/Observation?subject={patient}&…`.
    Patient { base: String, patient: String },
    /// `POST {base}/Observation/_search` with `patient.identifier` in the form body.
    NationalId { base: String, national_id: String },
}

/// How requests are made.
#[derive(Clone, Debug, Default)]
pub struct ClientOptions {
    /// Called before every request as `auth(method, url)`; returns (or resolves to) an object of
    /// header names to values. HelseID with DPoP needs a fresh proof for each request, so it is
    /// asked every time and nothing it returns is kept.
    pub auth: Option<Function>,
    pub retry: RetryPolicy,
    /// `_count` per page.
    pub page_size: u32,
    /// Aborts every request of this load or save when signalled (the widget was removed, or
    /// its source changed), and stops retrying.
    pub cancel: Option<AbortSignal>,
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

/// The request's signal: its timeout, and the widget's cancel signal when there is one.
fn request_signal(timeout_ms: u32, cancel: Option<&AbortSignal>) -> AbortSignal {
    let timeout = signal::timeout(timeout_ms);
    match cancel {
        Some(cancel) => signal::either(&timeout, cancel),
        None => timeout,
    }
}

/// The system of Norwegian national identity numbers (fødselsnummer, D-nummer).
pub const NATIONAL_ID_SYSTEM: &str = "urn:oid:2.16.578.1.12.4.1.4.1";

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

/// The search's query, as `key=value&…` (for a URL, or for a form body).
fn search_query(subject: (&str, &str), page_size: u32) -> String {
    let size = if page_size == 0 { 100 } else { page_size };
    format!(
        "{}={}&code={}&_sort=-date&_count={size}&_include=Observation:derived-from",
        subject.0,
        encode(subject.1),
        encode(&news2_codes())
    )
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

/// Asks the host for this request's headers.
async fn auth_headers(
    auth: &Function,
    method: &str,
    url: &str,
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
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|_| refused("was rejected"))?,
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

/// A request to make: method, URL and body.
struct Call<'a> {
    method: &'a str,
    url: &'a str,
    body: Option<(&'a str, String)>,
    /// Whether a request that got no answer (network error, timeout) is sent again. Not for
    /// writes: the first may still be running on the server, and two conditional creates
    /// racing each other can both create. A write is retried by the user, under the same id.
    retry_unanswered: bool,
}

impl<'a> Call<'a> {
    fn get(url: &'a str) -> Self {
        Call {
            method: "GET",
            url,
            body: None,
            retry_unanswered: true,
        }
    }

    fn post_form(url: &'a str, form: String) -> Self {
        Call {
            method: "POST",
            url,
            body: Some(("application/x-www-form-urlencoded", form)),
            retry_unanswered: true,
        }
    }
}

/// Makes a request with retries; returns the body of a 2xx answer that `accept` takes. A body
/// that `accept` refuses (a truncated page, say) counts as a failed attempt.
async fn send<T>(
    call: &Call<'_>,
    options: &ClientOptions,
    accept: impl Fn(&str) -> Result<T, String>,
) -> Result<T, FetchError> {
    let mut attempt = 1;
    loop {
        if cancelled(options) {
            return Err(cancelled_error());
        }
        let mut builder: RequestBuilder = match call.method {
            "POST" => Request::post(call.url),
            _ => Request::get(call.url),
        };
        builder = builder.header("Accept", "application/fhir+json");
        if let Some(auth) = &options.auth {
            for (name, value) in auth_headers(auth, call.method, call.url).await? {
                builder = builder.header(&name, &value);
            }
        }
        let timeout_ms = u32::try_from(options.retry.timeout.as_millis()).unwrap_or(u32::MAX);
        let signal = request_signal(timeout_ms, options.cancel.as_ref());
        builder = builder.abort_signal(Some(&signal));
        let request = match &call.body {
            Some((content_type, body)) => builder
                .header("Content-Type", content_type)
                .body(body.clone()),
            None => builder.build(),
        };
        let request = request.map_err(|e| FetchError {
            kind: FetchErrorKind::Rejected,
            status: None,
            message: format!("the request could not be made: {e}"),
        })?;
        let (outcome, retry_after, accepted) = match request.send().await {
            Ok(response) => {
                let status = response.status();
                let retry_after = response.headers().get("Retry-After");
                let too_large = response
                    .headers()
                    .get("Content-Length")
                    .and_then(|length| length.trim().parse::<usize>().ok())
                    .is_some_and(|length| length > MAX_PAGE_BYTES);
                if too_large {
                    return Err(FetchError {
                        kind: FetchErrorKind::Malformed,
                        status: Some(status),
                        message: format!(
                            "the answer is larger than {} MB; not read",
                            MAX_PAGE_BYTES / (1024 * 1024)
                        ),
                    });
                }
                let body = response.text().await;
                let accepted = match (status, body) {
                    (200..=299, Ok(text)) => Some(accept(&text)),
                    (200..=299, Err(e)) => Some(Err(format!("the answer broke off: {e}"))),
                    _ => None,
                };
                match accepted {
                    Some(Ok(value)) => return Ok(value),
                    // A 2xx with an unreadable body: the connection likely broke; try again.
                    Some(Err(why)) => (Outcome::NetworkError, None, Some(why)),
                    None => (Outcome::Status(status), retry_after, None),
                }
            }
            Err(_) if cancelled(options) => return Err(cancelled_error()),
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
                if let Some(why) = accepted {
                    error.kind = FetchErrorKind::Malformed;
                    error.message = format!("{why} ({attempt} attempts)");
                }
                return Err(error);
            }
        }
    }
}

fn page_of(text: &str) -> Result<Page, String> {
    let page = read_page(text.as_bytes());
    match page
        .problems
        .iter()
        .find(|p| p.message.starts_with("the page is not JSON"))
    {
        Some(problem) => Err(problem.message.clone()),
        None => Ok(page),
    }
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

/// `scheme://host[:port]` of an absolute URL.
fn origin(url: &str) -> Option<&str> {
    let after_scheme = url.find("://")? + 3;
    let end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    Some(&url[..end])
}

fn stopped(message: String) -> FetchError {
    FetchError {
        kind: FetchErrorKind::Malformed,
        status: None,
        message,
    }
}

/// Loads every page of a source. `on_page` is called after each page with everything read so
/// far, so the latest sets (the first page, sorted newest first) show before the rest arrive.
/// Next links are followed only on the first request's server, so the host's credentials go
/// nowhere else; a next link that carries the national identity number is sent as a POST
/// form instead, so the number never travels in a URL.
pub async fn load(
    source: &Source,
    options: &ClientOptions,
    mut on_page: impl FnMut(&FhirHistory),
) -> Loaded {
    let mut history = FhirHistory::new();
    let (first_url, form) = match source {
        Source::BundleUrl(url) => (url.clone(), None),
        Source::Patient { base, patient } => (
            format!(
                "{}/Observation?{}",
                base_url(base),
                search_query(("subject", patient), options.page_size)
            ),
            None,
        ),
        Source::NationalId { base, national_id } => (
            format!("{}/Observation/_search", base_url(base)),
            Some(search_query(
                (
                    "patient.identifier",
                    &format!("{NATIONAL_ID_SYSTEM}|{national_id}"),
                ),
                options.page_size,
            )),
        ),
    };
    let home = origin(&first_url).map(str::to_owned);
    let secret = match source {
        Source::NationalId { national_id, .. } => Some(national_id.clone()),
        _ => None,
    };
    let mut next = Some(first_url);
    // Each request as sent (URL and any form body), to catch a server that links back.
    let mut seen_requests: Vec<String> = Vec::new();
    let mut form = form;
    while let Some(url) = next.take() {
        let request = format!("{url} {}", form.as_deref().unwrap_or(""));
        if seen_requests.contains(&request) {
            let error = stopped(
                "the server linked a page it had already sent; the rest was not loaded".into(),
            );
            return Loaded {
                history,
                stopped: Some(error),
            };
        }
        if seen_requests.len() >= MAX_PAGES {
            let error = stopped(format!(
                "more than {MAX_PAGES} pages; the rest was not loaded"
            ));
            return Loaded {
                history,
                stopped: Some(error),
            };
        }
        let call = match form.take() {
            Some(body) => Call::post_form(&url, body),
            None => Call::get(&url),
        };
        let page = match send(&call, options, page_of).await {
            Ok(page) => page,
            Err(error) => {
                return Loaded {
                    history,
                    stopped: Some(error),
                };
            }
        };
        seen_requests.push(request);
        if let Some(link) = page.next.clone() {
            let absolute = match (link.starts_with('/'), home.as_deref()) {
                (true, Some(home)) => format!("{home}{link}"),
                _ => link,
            };
            if origin(&absolute) != home.as_deref() {
                history.add_page(page);
                on_page(&history);
                let error =
                    stopped("the next page is on another server; it was not followed".into());
                return Loaded {
                    history,
                    stopped: Some(error),
                };
            }
            let carries_secret = secret
                .as_deref()
                .is_some_and(|id| absolute.contains(id) || absolute.contains(&encode(id)));
            next = Some(match (carries_secret, absolute.split_once('?')) {
                (true, Some((path, query))) => {
                    form = Some(query.to_string());
                    if path.ends_with("/_search") {
                        path.to_string()
                    } else {
                        format!("{path}/_search")
                    }
                }
                _ => absolute,
            });
        }
        history.add_page(page);
        on_page(&history);
    }
    match fetch_unresolved(source, options, &mut history).await {
        Ok(true) => {
            on_page(&history);
            Loaded {
                history,
                stopped: None,
            }
        }
        Ok(false) => Loaded {
            history,
            stopped: None,
        },
        Err(error) => Loaded {
            history,
            stopped: Some(error),
        },
    }
}

/// The FHIR base a source's relative references resolve against.
fn source_base(source: &Source) -> Option<String> {
    match source {
        Source::Patient { base, .. } | Source::NationalId { base, .. } => {
            Some(base_url(base).to_string())
        }
        Source::BundleUrl(url) => url.find("/Observation").map(|at| url[..at].to_string()),
    }
}

/// Fetches the Observations that totals refer to by `derivedFrom` but that did not come with
/// the search (a server without `_include`), by `_id`, 50 at a time. Only references on the
/// source's own server are followed: the host's credentials never go anywhere else. Says
/// whether it fetched anything.
async fn fetch_unresolved(
    source: &Source,
    options: &ClientOptions,
    history: &mut FhirHistory,
) -> Result<bool, FetchError> {
    let Some(base) = source_base(source) else {
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
        history.add_page(send(&Call::get(&url), options, page_of).await?);
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
    let url = format!("{}/", base_url(base));
    let call = Call {
        method: "POST",
        url: &url,
        body: Some(("application/fhir+json", bundle.to_string())),
        retry_unanswered: false,
    };
    send(&call, options, |text| {
        serde_json::from_str(text).map_err(|e| format!("the answer is not JSON: {e}"))
    })
    .await
}
