//! Date expressions: finding them, resolving each against an anchor, and the page's own anchor.
#![no_main]
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use vigie_core::mentions::dates;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let found = dates::find_dates(&text);
    let anchor = NaiveDate::from_ymd_opt(2025, 3, 4);
    let mut previous = None;
    for m in &found {
        assert!(text.get(m.span.start..m.span.end).is_some(), "bad span");
        let r = dates::resolve(&m.expr, anchor, previous);
        let _ = dates::resolve(&m.expr, None, None);
        if r.is_some() {
            previous = r;
        }
    }
    let _ = dates::anchor_from_text(&text, &found);
    let _ = dates::page_anchor(&text, &found, None);
});
