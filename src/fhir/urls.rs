//! Which URLs the widget may request, and how: the rules that keep the host's credentials on the
//! host's FHIR server and a national identity number out of every URL.
//!
//! Every URL is resolved by a real URL parser (the browser's in the widget, the `url` crate's in
//! native tests: both implement the WHATWG URL standard) against the URL it came from: the first
//! against the page, a next link against the page of results that carried it. Its origin is
//! compared only after that, so `//other-host/…`, `\\other-host\…`, `https:other-host` and
//! `/%2F%2Fother-host` are all seen for what the browser would make of them. The first request
//! fixes the home origin; nothing is requested anywhere else, so the auth callback's headers
//! (a bearer token, a DPoP proof) only ever go home.

use percent_encoding::percent_decode_str;

use super::national_id;

/// A URL as the WHATWG URL standard reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The whole URL without its fragment (which is never sent).
    pub href: String,
    /// `scheme://host[:port]`, or `null` for a URL without one (`data:`, `file:`).
    pub origin: String,
    /// `http` or `https`, …, without the colon.
    pub scheme: String,
    /// Whether it carries a user name or password (fetch refuses those).
    pub has_credentials: bool,
    /// The path, percent-encoded as sent.
    pub path: String,
    /// The query without `?`, percent-encoded as sent; empty when there is none.
    pub query: String,
}

/// Resolves a URL reference against a base, as a browser does.
pub trait UrlParser {
    fn resolve(&self, reference: &str, base: &str) -> Option<ParsedUrl>;
}

/// Why a URL is not requested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlRefusal {
    /// Not a URL, even relative to where it came from.
    Unreadable,
    /// Not http or https (nor, for the configured source, a `data:` URL).
    NotHttp,
    /// A user name or password written into the URL.
    Credentials,
    /// On another origin than the configured source: the host's credentials would go there.
    OtherOrigin,
    /// A national identity number in the path, where no form body can take its place.
    NationalIdInPath,
}

impl UrlRefusal {
    /// In English, for integrators' logs and the technical detail on screen. Never holds the
    /// URL itself, which may hold a patient identifier.
    pub fn message(self) -> &'static str {
        match self {
            UrlRefusal::Unreadable => "a URL could not be read",
            UrlRefusal::NotHttp => "a URL is not http or https",
            UrlRefusal::Credentials => "a URL has a user name or password written into it",
            UrlRefusal::OtherOrigin => {
                "a URL leads to another server than the configured one; it was not requested, so \
                 the credentials went nowhere else"
            }
            UrlRefusal::NationalIdInPath => {
                "a URL has a national identity number in its path; it was not requested"
            }
        }
    }
}

/// How a URL is requested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Planned {
    Get {
        url: String,
    },
    /// A search whose parameters hold a national identity number: sent as a form body, which
    /// no log records.
    PostForm {
        url: String,
        form: String,
    },
}

impl Planned {
    /// The same request as a search sent by POST with its query as the form body, for a
    /// server that searches by POST only (PMD).
    pub fn into_post_search(self) -> Planned {
        match self {
            Planned::Get { url } => {
                let (path, query) = url.split_once('?').unwrap_or((&url, ""));
                let path = path.trim_end_matches('/');
                let url = if path.ends_with("/_search") {
                    path.to_string()
                } else {
                    format!("{path}/_search")
                };
                Planned::PostForm {
                    url,
                    form: query.to_string(),
                }
            }
            post => post,
        }
    }

    pub fn url(&self) -> &str {
        match self {
            Planned::Get { url } | Planned::PostForm { url, .. } => url,
        }
    }
}

/// The origin every request of one load goes to: the configured source's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Home {
    origin: String,
}

impl Home {
    pub fn origin(&self) -> &str {
        &self.origin
    }
}

/// Text as a server would read it: percent-decoding undone (twice, for a doubly encoded link)
/// and `+` read as a space.
fn decoded(text: &str) -> String {
    let once = percent_decode_str(&text.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned();
    percent_decode_str(&once).decode_utf8_lossy().into_owned()
}

fn holds_id(text: &str, secret: Option<&str>) -> bool {
    let text = decoded(text);
    national_id::contains_valid(&text)
        || secret.is_some_and(|secret| {
            text.contains(secret.trim()) || national_id::contains_number(&text, secret)
        })
}

fn checked(parsed: &ParsedUrl, home: Option<&Home>) -> Result<(), UrlRefusal> {
    // A `data:` URL the host configured itself holds its own Bundle and reaches no server; a
    // link from a server is never one.
    let allowed = match home {
        None => matches!(parsed.scheme.as_str(), "http" | "https" | "data"),
        Some(_) => matches!(parsed.scheme.as_str(), "http" | "https"),
    };
    if !allowed {
        return Err(UrlRefusal::NotHttp);
    }
    if parsed.has_credentials {
        return Err(UrlRefusal::Credentials);
    }
    match home {
        Some(home) if home.origin != parsed.origin => Err(UrlRefusal::OtherOrigin),
        _ => Ok(()),
    }
}

/// The first request of a load: `reference` (the configured URL) resolved against the page's
/// base URL; its origin becomes the load's home. `form` is a search already meant for a POST.
pub fn plan_first(
    parser: &dyn UrlParser,
    reference: &str,
    page_base: &str,
    form: Option<String>,
    secret: Option<&str>,
) -> Result<(Home, Planned), UrlRefusal> {
    let parsed = parser
        .resolve(reference.trim(), page_base)
        .ok_or(UrlRefusal::Unreadable)?;
    checked(&parsed, None)?;
    let home = Home {
        origin: parsed.origin.clone(),
    };
    let planned = plan(parsed, form, secret)?;
    Ok((home, planned))
}

/// A link the server sent (a next page), resolved against the URL of the page that carried it,
/// and requested only if it stays home.
pub fn plan_link(
    parser: &dyn UrlParser,
    home: &Home,
    link: &str,
    carried_by: &str,
    secret: Option<&str>,
) -> Result<Planned, UrlRefusal> {
    let parsed = parser
        .resolve(link.trim(), carried_by)
        .ok_or(UrlRefusal::Unreadable)?;
    checked(&parsed, Some(home))?;
    plan(parsed, None, secret)
}

/// A further request the widget builds itself on the home server (`derivedFrom` lookups).
pub fn plan_on_home(
    parser: &dyn UrlParser,
    home: &Home,
    url: &str,
    secret: Option<&str>,
) -> Result<Planned, UrlRefusal> {
    plan_link(parser, home, url, home.origin(), secret)
}

fn plan(
    parsed: ParsedUrl,
    form: Option<String>,
    secret: Option<&str>,
) -> Result<Planned, UrlRefusal> {
    if holds_id(&parsed.path, secret) {
        return Err(UrlRefusal::NationalIdInPath);
    }
    let query_holds_id = holds_id(&parsed.query, secret);
    match form {
        // A search already in a form body: its URL must hold no identifier at all.
        Some(_) if query_holds_id => Err(UrlRefusal::NationalIdInPath),
        Some(form) => Ok(Planned::PostForm {
            url: parsed.href,
            form,
        }),
        None if query_holds_id => {
            let path_end = parsed.href.find('?').unwrap_or(parsed.href.len());
            let path = parsed.href[..path_end].trim_end_matches('/');
            let url = if path.ends_with("/_search") {
                path.to_string()
            } else {
                format!("{path}/_search")
            };
            Ok(Planned::PostForm {
                url,
                form: parsed.query,
            })
        }
        None => Ok(Planned::Get { url: parsed.href }),
    }
}

/// The browser's URL parser (in the widget; natively it finds no browser and resolves nothing).
pub struct BrowserUrls;

impl UrlParser for BrowserUrls {
    fn resolve(&self, reference: &str, base: &str) -> Option<ParsedUrl> {
        let url = web_sys::Url::new_with_base(reference, base).ok()?;
        url.set_hash("");
        let href = url.href();
        let href = href.strip_suffix('#').map(str::to_owned).unwrap_or(href);
        Some(ParsedUrl {
            href,
            origin: url.origin(),
            scheme: url.protocol().trim_end_matches(':').to_string(),
            has_credentials: !url.username().is_empty() || !url.password().is_empty(),
            path: url.pathname(),
            query: url.search().trim_start_matches('?').to_string(),
        })
    }
}

/// The page's base URL, which a relative `src` or `fhir-base` is resolved against.
pub fn page_base() -> Option<String> {
    web_sys::window()?.document()?.base_uri().ok().flatten()
}
