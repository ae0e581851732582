//! Bad input never panics: feeds, OPML lists, GeoJSON zones and pages of arbitrary bytes give a
//! result or a one-line error.

use proptest::prelude::*;
use vigie_monitor::{feed, watch, zones};

/// Fragments of real documents, so that the generator reaches deep into the parsers.
const PIECES: &[&str] = &[
    "<?xml version=\"1.0\"?>",
    "<rss version=\"2.0\">",
    "<channel>",
    "</channel>",
    "<item>",
    "</item>",
    "<title>",
    "</title>",
    "<link>",
    "</link>",
    "<guid>",
    "</guid>",
    "<pubDate>",
    "</pubDate>",
    "Tue, 03 Mar 2026 08:00:00 GMT",
    "<description>",
    "</description>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "<entry>",
    "</entry>",
    "<id>",
    "</id>",
    "<link href=\"",
    "\"/>",
    "<opml>",
    "<outline xmlUrl=\"",
    "http://a.example/",
    "&amp;",
    "&lt;",
    "<![CDATA[",
    "]]>",
    "é",
    "\u{0}",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"type\"",
    "\"FeatureCollection\"",
    "\"features\"",
    "\"Feature\"",
    "\"geometry\"",
    "\"coordinates\"",
    "\"LineString\"",
    "\"Polygon\"",
    "\"Point\"",
    "\"properties\"",
    "\"name\"",
    "\"buffer_km\"",
    "\"radius_km\"",
    "1e308",
    "-0",
    "NaN",
    "12.5",
    "null",
    "charset=",
    "latin1",
    "<meta ",
];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            any::<String>(),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn feeds_and_lists_never_panic(doc in document()) {
        if let Err(e) = feed::parse(doc.as_bytes(), "http://a.example/feed") {
            prop_assert!(!e.contains('\n'), "{}", e);
        }
        if let Err(e) = feed::parse_opml(&doc) {
            prop_assert!(!e.contains('\n'), "{}", e);
        }
        let _ = watch::decode_page(doc.as_bytes(), Some("text/html; charset=\u{0}"));
    }

    #[test]
    fn geojson_zones_never_panic(doc in document()) {
        match zones::parse_geojson(&doc) {
            Ok(zs) => for z in zs {
                prop_assert!(z.shape.validate().is_ok());
                let _ = z.shape.contains((12.0, -1.0));
            },
            Err(e) => prop_assert!(!e.contains('\n'), "{}", e),
        }
    }

    #[test]
    fn bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = feed::parse(&bytes, "http://a.example/");
        let _ = watch::decode_page(&bytes, None);
    }
}
