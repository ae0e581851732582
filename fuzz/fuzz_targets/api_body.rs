//! Bodies of the API's write endpoint (`POST /api/articles`): JSON (one record or an array) and
//! JSON Lines, with and without a Content-Type, parsed as the server parses them.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for ct in [
        None,
        Some("application/json"),
        Some("application/x-ndjson; charset=utf-8"),
    ] {
        if let Ok((articles, rejected)) = vigie_web::parse_article_body(ct, data) {
            for (line, error) in &rejected {
                assert!(*line >= 1);
                assert!(!error.contains('\n'), "multi-line error: {error:?}");
            }
            for a in &articles {
                assert!(!a.reference.is_empty());
            }
        }
    }
});
