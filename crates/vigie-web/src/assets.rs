//! The web UI, built from `web/` into `web/dist` (see `build.rs`) and embedded in the binary.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

#[derive(rust_embed::RustEmbed)]
#[folder = "../../web/dist"]
pub(crate) struct Dist;

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "geojson" => "application/geo+json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Every path that is not `/api/...`: the embedded file, `index.html` for `/`.
pub(crate) async fn static_file(uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    let Some(file) = Dist::get(path) else {
        return crate::api::ApiError::new(StatusCode::NOT_FOUND, format!("no such page: /{path}"))
            .into_response();
    };
    let etag = format!(
        "\"{}\"",
        file.metadata
            .sha256_hash()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let etag_value = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\""));
    if headers
        .get(IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return (StatusCode::NOT_MODIFIED, [(ETAG, etag_value)]).into_response();
    }
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static(content_type(path))),
            (CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (ETAG, etag_value),
        ],
        file.data.into_owned(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// URLs allowed in the embedded files: XML namespaces (identifiers, never fetched) and,
    /// in Leaflet's own files, its licence comment, its attribution link (disabled by the UI)
    /// and bug-tracker links in CSS comments.
    const ALLOWED: &[&str] = &[
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
        "https://leafletjs.com",
        "https://bugs.chromium.org/p/chromium/issues/detail?id=600120",
        "https://bugzilla.mozilla.org/show_bug.cgi?id=888319",
    ];

    #[test]
    fn the_ui_is_embedded_and_fetches_nothing_from_the_network() {
        let names: Vec<String> = Dist::iter().map(|n| n.to_string()).collect();
        for needed in [
            "index.html",
            "app.js",
            "app.css",
            "vendor/leaflet.js",
            "geo/countries.geojson",
        ] {
            assert!(
                names.iter().any(|n| n == needed),
                "{needed} is not embedded: {names:?}"
            );
        }
        let mut offending = Vec::new();
        for name in &names {
            if !(name.ends_with(".html") || name.ends_with(".js") || name.ends_with(".css")) {
                continue;
            }
            let data = Dist::get(name).unwrap().data;
            let text = String::from_utf8_lossy(&data);
            for scheme in ["http://", "https://", "//cdn", "//unpkg"] {
                let mut from = 0;
                while let Some(i) = text[from..].find(scheme) {
                    let at = from + i;
                    let rest = &text[at..];
                    let end = rest
                        .find(|c: char| c.is_whitespace() || "\"'`)<>".contains(c))
                        .unwrap_or(rest.len());
                    let url = &rest[..end];
                    let allowed = ALLOWED.contains(&url)
                        || (scheme.starts_with("//") && at > 0 && text[..at].ends_with(':'));
                    if !allowed {
                        offending.push(format!("{name}: {url}"));
                    }
                    from = at + scheme.len();
                }
            }
        }
        assert!(
            offending.is_empty(),
            "external URLs in the embedded UI: {offending:?}"
        );
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("geo/countries.geojson"),
            "application/geo+json"
        );
        assert_eq!(content_type("vendor/images/marker-icon.png"), "image/png");
    }
}
