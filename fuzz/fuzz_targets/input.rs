//! The CLI's input reader: JSON Lines (streamed, line by line), whole JSON files, text and HTML
//! files, byte decoding (UTF-8 / CP1252 / BOMs).
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_cli::input::{self, Kind};

fuzz_target!(|data: &[u8]| {
    let _ = input::read_jsonl("fuzz.jsonl", data, Some("fuzz"));
    let _ = input::parse_jsonl_line("fuzz.jsonl", 1, data, None);
    let _ = input::parse_file_bytes("fuzz.json", "fuzz", Kind::Json, data);
    let _ = input::parse_file_bytes("fuzz.txt", "fuzz", Kind::Text, data);
    let _ = input::decode(data);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = input::parse_published(s);
    }
});
