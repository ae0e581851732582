//! The monitor's feed reader (RSS 2.0 / Atom via feed-rs, link resolution, dates) and OPML lists.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_monitor::feed;

fuzz_target!(|data: &[u8]| {
    let _ = feed::parse(data, "https://news.example.org/feed.xml");
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = feed::parse_opml(s);
    }
});
