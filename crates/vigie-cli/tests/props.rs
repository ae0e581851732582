//! Property tests: no input makes the reader or the binary panic.

mod common;
use common::*;
use proptest::prelude::*;
use vigie_cli::input::{decode, parse_file_bytes, parse_published, read_jsonl, Item, Kind};

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Text),
        Just(Kind::Html),
        Just(Kind::Jsonl),
        Just(Kind::Json)
    ]
}

/// Bytes that are often almost-JSON or almost-text, to reach the deeper branches.
fn tricky_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..400),
        "\\PC{0,300}".prop_map(String::into_bytes),
        (
            any::<Option<String>>(),
            any::<Option<String>>(),
            any::<Option<String>>(),
            any::<bool>()
        )
            .prop_map(|(id, text, published, html)| {
                let mut o = serde_json::Map::new();
                if let Some(i) = id {
                    o.insert("id".into(), i.into());
                }
                if let Some(t) = text {
                    o.insert(if html { "html" } else { "text" }.into(), t.into());
                }
                if let Some(p) = published {
                    o.insert("published".into(), p.into());
                }
                format!("{}\n", serde_json::Value::Object(o)).into_bytes()
            }),
    ]
}

fn check_items(items: &[Item]) {
    for it in items {
        match it {
            Item::Rejected(r) => {
                let line = r.to_string();
                assert!(!line.contains('\n'), "rejection must be one line: {line:?}");
                assert!(!r.reason.is_empty());
            }
            Item::Article(a) => assert!(!a.article.reference.is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn parsing_never_panics(bytes in tricky_bytes(), k in kind()) {
        let items = parse_file_bytes("f", "f", k, &bytes);
        prop_assert!(!items.is_empty());
        check_items(&items);
        let items = read_jsonl("f.jsonl", std::io::Cursor::new(bytes.clone()), Some("f"));
        check_items(&items);
        let _ = decode(&bytes);
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let _ = parse_published(s);
        }
    }

    #[test]
    fn clean_text_is_always_accepted(text in "[a-zA-Zàéèçô0-9 ,.'\n-]{1,200}") {
        prop_assume!(!text.trim().is_empty());
        let items = parse_file_bytes("t.txt", "t", Kind::Text, text.as_bytes());
        prop_assert_eq!(items.len(), 1);
        match &items[0] {
            Item::Article(a) => prop_assert_eq!(&a.article.body, &vigie_core::Body::Text(text.clone())),
            Item::Rejected(r) => prop_assert!(false, "rejected: {}", r),
        }
    }

    #[test]
    fn cp1252_text_round_trips(text in "[a-zA-Zàéèçôœ€«» ,.'-]{1,100}") {
        prop_assume!(!text.trim().is_empty());
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        prop_assume!(!unmappable);
        // Some short Windows-1252 byte strings are also valid UTF-8 ("ç«€" = E7 AB 80 = "竀"):
        // UTF-8 wins there, as it must.
        prop_assume!(std::str::from_utf8(&bytes).is_err());
        let (decoded, _) = decode(&bytes).expect("windows-1252 text is accepted");
        prop_assert_eq!(decoded, text);
    }
}

proptest! {
    // Each case spawns the binary: keep them few.
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn the_binary_never_panics_on_any_file(bytes in tricky_bytes(), ext in prop_oneof![Just("txt"), Just("html"), Just("jsonl"), Just("json")]) {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join(format!("input.{ext}"));
        write(&f, &bytes);
        let db = dir.path().join("v.db");
        let r = vigie(&db, &["ingest", f.to_str().unwrap()]);
        prop_assert!(r.code == 0 || r.code == 1, "exit {}: {}", r.code, r.stderr);
        prop_assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        for l in r.stderr.lines() {
            prop_assert!(l.starts_with("error: ") || l.starts_with("note: "), "unexpected stderr line {:?}", l);
        }
        let q = vigie(&db, &["incidents", "--format", "jsonl"]);
        prop_assert_eq!(q.code, 0);
    }
}
