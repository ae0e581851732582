//! The incremental relink against a full one: random sequences of small ingests (new articles,
//! new versions of stored ones, wire copies), corrections and relinks; after each relink, a copy
//! of the store is relinked from scratch and must hold the same incidents (ids, members, every
//! field), the same corrections' resolutions and the same saved link state.

use crate::*;
use proptest::prelude::*;
use vigie_core::{
    Actor, ActorKind, Claim, ClaimValue, Document, EventDate, EventType, Mention, Quantity,
    ResolvedPlace, Span, SubEventType, TimePrecision,
};

/// splitmix64: the test's own generator, driven by a seed proptest picks.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// (name, country code, country, lat, lon, admin1, admin2, geo precision); places a few km,
/// tens of km and regions apart, in two countries, and one known only at country level.
type Town = (
    &'static str,
    &'static str,
    &'static str,
    Option<(f64, f64)>,
    Option<&'static str>,
    Option<&'static str>,
    u8,
);
const TOWNS: [Town; 10] = [
    (
        "Nioro",
        "ML",
        "Mali",
        Some((15.23, -9.59)),
        Some("Kayes"),
        Some("Nioro"),
        1,
    ),
    (
        "Nioro-Est",
        "ML",
        "Mali",
        Some((15.26, -9.55)),
        Some("Kayes"),
        Some("Nioro"),
        1,
    ),
    (
        "Diéma",
        "ML",
        "Mali",
        Some((14.54, -9.19)),
        Some("Kayes"),
        Some("Diéma"),
        1,
    ),
    (
        "Nioro cercle",
        "ML",
        "Mali",
        Some((15.10, -9.50)),
        Some("Kayes"),
        Some("Nioro"),
        2,
    ),
    (
        "Kayes",
        "ML",
        "Mali",
        Some((14.45, -11.44)),
        Some("Kayes"),
        None,
        3,
    ),
    (
        "Djibo",
        "BF",
        "Burkina Faso",
        Some((14.10, -1.63)),
        Some("Sahel"),
        Some("Soum"),
        1,
    ),
    (
        "Arbinda",
        "BF",
        "Burkina Faso",
        Some((14.23, -0.87)),
        Some("Sahel"),
        Some("Soum"),
        1,
    ),
    // Two villages 6 km apart on either side of a 1° cell border.
    (
        "Gogui",
        "ML",
        "Mali",
        Some((15.02, -9.50)),
        Some("Kayes"),
        Some("Nioro"),
        1,
    ),
    (
        "Gogui-Sud",
        "ML",
        "Mali",
        Some((14.97, -9.52)),
        Some("Kayes"),
        Some("Nioro"),
        1,
    ),
    ("Mali", "ML", "Mali", None, None, None, 4),
];

const KINDS: [(EventType, SubEventType); 4] = [
    (EventType::Battles, SubEventType::ArmedClash),
    (EventType::ViolenceAgainstCivilians, SubEventType::Attack),
    (
        EventType::ViolenceAgainstCivilians,
        SubEventType::AbductionForcedDisappearance,
    ),
    (
        EventType::ExplosionsRemoteViolence,
        SubEventType::RemoteExplosiveLandmineIed,
    ),
];

const ACTORS: [Option<&str>; 4] = [
    None,
    Some("Unidentified Armed Group (Mali)"),
    Some("JNIM: Group for Support of Islam and Muslims"),
    Some("Islamic State Sahel"),
];

/// How often the rarer shapes of report appear (undated, timeless, country-level, operations):
/// low enough that most relinks can stay incremental, high enough that the fallbacks run.
struct Mix {
    /// Over how many days the events are spread.
    days: usize,
    undated: u64,
    /// Of the articles, how many have no publication date (their undated reports read whole
    /// 1° cells whatever the day).
    timeless: u64,
    country_level: u64,
    operation: u64,
}

fn day(offset: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 1).expect("date") + chrono::Duration::days(offset as i64)
}

fn claim(field: &str, n: u32) -> Claim {
    Claim {
        field: field.into(),
        value: ClaimValue::Count(Quantity::exact(n)),
        quote: format!("{n} {field}"),
        span: Span::new(0, 1),
        attributed_to: None,
        hedged: false,
        victims: None,
    }
}

/// One article's version: its mentions and document, at random.
fn article(rng: &mut Rng, reference: &str, version: u32, mix: &Mix, days: usize) -> Processed {
    let event_day = rng.below(days);
    let timeless = rng.chance(mix.timeless);
    let published = (!timeless).then(|| day(event_day + 1 + rng.below(3)));
    let n = 1 + usize::from(rng.chance(25));
    let mut mentions = Vec::new();
    for ordinal in 0..n {
        let town = if rng.chance(mix.country_level) {
            &TOWNS[9]
        } else {
            rng.pick(&TOWNS[..9])
        };
        let (location, cc, country, coords, admin1, admin2, precision) = *town;
        let date = (!rng.chance(mix.undated)).then(|| EventDate {
            date: day(event_day + rng.below(2)),
            precision: match rng.below(10) {
                0 => TimePrecision::Week,
                1 => TimePrecision::Month,
                _ => TimePrecision::Day,
            },
        });
        let (event_type, sub_event_type) = *rng.pick(&KINDS);
        let mut claims = Vec::new();
        if rng.chance(60) {
            claims.push(claim("fatalities", *rng.pick(&[1, 3, 5, 12, 20, 37, 38])));
        }
        if rng.chance(20) {
            claims.push(claim("abducted", *rng.pick(&[2, 4, 9])));
        }
        let mut keys = Vec::new();
        if rng.chance(5) {
            keys.push("coordinated".to_string());
        }
        if rng.chance(10) {
            keys.push(format!("camp-{}", rng.below(3)));
        }
        mentions.push(Mention {
            id: format!("m-{reference}-v{version}-{ordinal}"),
            article: reference.into(),
            published,
            ordinal: ordinal as u32,
            background: rng.chance(5),
            event_type,
            sub_event_type,
            actor1: rng.pick(&ACTORS).map(|name| Actor {
                name: name.into(),
                kind: ActorKind::RebelGroup,
                parent: None,
            }),
            assoc_actor1: None,
            actor2: None,
            assoc_actor2: None,
            people: vec![],
            targets: vec![],
            date,
            place: Some(ResolvedPlace {
                location: location.into(),
                place_id: None,
                country: country.into(),
                country_code: cc.into(),
                admin1: admin1.map(str::to_string),
                admin1_new: None,
                admin2: admin2.map(str::to_string),
                admin3: None,
                latitude: coords.map(|c| c.0),
                longitude: coords.map(|c| c.1),
                geo_precision: precision,
            }),
            operation: rng
                .chance(mix.operation)
                .then(|| format!("op-{}", rng.below(3))),
            operation_wide: false,
            claims,
            evidence: Span::new(0, 1),
            keys,
            // (one of three wordings, so that some reports share a passage)
            passage_marks: if rng.chance(25) {
                let wording = rng.below(3) as u32 * 10;
                vec![wording, wording + 1, wording + 2]
            } else {
                vec![]
            },
        });
    }
    // A few stories are wire copies of one text; the others have their own.
    let text = if rng.chance(20) {
        format!(
            "Story {} as told by the wire service, with the same long paragraph of words \
             about the attack and its victims repeated by every outlet that took it.",
            rng.below(3)
        )
    } else {
        format!("Report {reference} version {version}: its own words, told by its own outlet.")
    };
    Processed {
        document: Document {
            reference: reference.into(),
            title: Some(format!("Title of {reference}")),
            text: text.clone(),
            language: vigie_core::Language::Fr,
            published,
            published_month: None,
            paragraphs: vec![Span::new(0, text.len())],
            sentences: vec![Span::new(0, text.len())],
            content_hash: format!("{reference}-{version}"),
            diagnostics: vec![],
        },
        fingerprint: vigie_core::incidents::copies::Fingerprint::of(&text),
        mentions,
        diagnostics: vec![],
    }
}

fn rows(s: &Store, sql: &str) -> Vec<Vec<String>> {
    s.conn
        .query_map(sql, params![], |r| {
            (0..r.len())
                .map(|i| {
                    let v: db::Value = r.get(i)?;
                    Ok(format!("{v:?}"))
                })
                .collect::<Result<Vec<String>>>()
        })
        .unwrap()
}

/// Everything a relink decides, timestamps left out.
fn snapshot(s: &Store) -> Vec<(String, Vec<Vec<String>>)> {
    let views: Vec<Vec<String>> = {
        let rows: Vec<(String, String)> = s
            .conn
            .query_map(
                "SELECT id, view FROM incidents ORDER BY id",
                params![],
                |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
            )
            .unwrap();
        rows.into_iter()
            .map(|(id, view)| {
                let mut json: serde_json::Value = serde_json::from_str(&view).unwrap();
                json["timestamp"] = serde_json::Value::Null;
                vec![id, json.to_string()]
            })
            .collect()
    };
    [
        ("incidents", views),
        (
            "incident rows",
            rows(
                s,
                "SELECT id, content_hash, members_hash, country_code, dismissed FROM incidents ORDER BY id",
            ),
        ),
        (
            "incident mentions",
            rows(s, "SELECT incident_id, mention_id FROM incident_mentions ORDER BY 1, 2"),
        ),
        (
            "incident articles",
            rows(s, "SELECT incident_id, article_ref FROM incident_articles ORDER BY 1, 2"),
        ),
        (
            "corrections",
            rows(s, "SELECT id, applied_to, stale FROM corrections ORDER BY id"),
        ),
        (
            "link clusters",
            rows(s, "SELECT founder, id, base_id, data FROM link_clusters ORDER BY founder"),
        ),
        (
            "link members",
            rows(s, "SELECT * FROM link_members ORDER BY mention_id, cluster"),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The store copied, its incidents dropped, and everything relinked from scratch.
fn from_scratch(s: &Store, dir: &std::path::Path, n: usize) -> Store {
    let mut copy = match s.conn.dialect() {
        db::Dialect::Sqlite => Store::open(&dir.join(format!("copy-{n}.db"))).unwrap(),
        db::Dialect::Postgres => test_store(),
    };
    s.copy_to(&mut copy).unwrap();
    copy.conn
        .execute("DELETE FROM incidents", params![])
        .unwrap();
    copy.relink_full().unwrap();
    copy
}

fn incident_ids(s: &Store) -> Vec<String> {
    rows(s, "SELECT id FROM incidents ORDER BY id")
        .into_iter()
        .map(|r| {
            r[0].trim_start_matches("Text(\"")
                .trim_end_matches("\")")
                .to_string()
        })
        .collect()
}

fn correct_at_random(s: &mut Store, rng: &mut Rng) {
    let ids = incident_ids(s);
    if ids.is_empty() {
        return;
    }
    let id = rng.pick(&ids).clone();
    let operation = match rng.below(5) {
        0 => Operation::Edit {
            edit: FieldEdit::Figure {
                figure: "fatalities".into(),
                low: None,
                best: Some(rng.below(50) as u32),
                high: None,
            },
        },
        1 => Operation::NotAnEvent,
        2 => Operation::Confirm,
        3 => Operation::Merge {
            other: rng.pick(&ids).clone(),
        },
        _ => {
            let articles: Vec<String> = rows(
                s,
                &format!(
                    "SELECT article_ref FROM incident_articles WHERE incident_id = '{}'",
                    id.replace('\'', "''")
                ),
            )
            .into_iter()
            .map(|r| {
                r[0].trim_start_matches("Text(\"")
                    .trim_end_matches("\")")
                    .to_string()
            })
            .collect();
            Operation::Split {
                articles: vec![rng.pick(&articles).clone()],
            }
        }
    };
    // A correction may be refused (a merge with itself, a split of every report): fine.
    let _ = s.correct(&CorrectionRequest {
        incident: id,
        operation,
        note: None,
        author: "test".into(),
    });
}

fn run(seed: u64, steps: usize, mix: &Mix) {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(seed);
    let mut s = test_store();
    let mut versions: Vec<(String, u32)> = Vec::new();
    // A first batch, relinked in full; then small ingests over the same few weeks.
    let days = mix.days;
    let first: Vec<Processed> = (0..20 + days / 3)
        .map(|i| {
            versions.push((format!("a{i}"), 1));
            article(&mut rng, &format!("a{i}"), 1, mix, days)
        })
        .collect();
    s.ingest(&first).unwrap();
    s.relink().unwrap();
    for step in 0..steps {
        let action = rng.below(10);
        if std::env::var_os("DEBUG_STEPS").is_some() {
            eprintln!("step {step}: action {action}");
        }
        match action {
            0..=5 => {
                let batch: Vec<Processed> = (0..1 + rng.below(3))
                    .map(|_| {
                        let r = format!("a{}", versions.len());
                        versions.push((r.clone(), 1));
                        article(&mut rng, &r, 1, mix, days)
                    })
                    .collect();
                s.ingest(&batch).unwrap();
            }
            6 | 7 => {
                let i = rng.below(versions.len());
                versions[i].1 += 1;
                let (r, v) = versions[i].clone();
                s.ingest(&[article(&mut rng, &r, v, mix, days)]).unwrap();
            }
            _ => correct_at_random(&mut s, &mut rng),
        }
        s.relink_if_needed().unwrap();
        let copy = from_scratch(&s, dir.path(), step);
        let (got, want) = (snapshot(&s), snapshot(&copy));
        for ((what, g), (_, w)) in got.iter().zip(&want) {
            assert_eq!(
                g, w,
                "seed {seed}, step {step}: {what} differ from a full relink"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Mostly dated, placed reports: the incremental path runs nearly every time.
    #[test]
    fn incremental_relink_equals_full_relink_on_dated_reports(seed in any::<u64>()) {
        run(seed, 12, &Mix { days: 30, undated: 0, timeless: 2, country_level: 0, operation: 0 });
    }

    /// Events spread over months: pass 1 stops where a change dies out, or loads more days.
    #[test]
    fn incremental_relink_equals_full_relink_over_months(seed in any::<u64>()) {
        run(seed, 12, &Mix { days: 150, undated: 0, timeless: 2, country_level: 0, operation: 0 });
    }

    /// Pages with no publication date, whose undated reports read the 1° cells around them:
    /// a change elsewhere stays incremental, one in their cells must not.
    #[test]
    fn incremental_relink_equals_full_relink_beside_pages_without_dates(seed in any::<u64>()) {
        run(seed, 12, &Mix { days: 30, undated: 25, timeless: 40, country_level: 2, operation: 0 });
    }

    /// Every shape of report, so that the fallbacks and their boundaries run too.
    #[test]
    fn incremental_relink_equals_full_relink_on_every_kind_of_report(seed in any::<u64>()) {
        run(seed, 12, &Mix { days: 30, undated: 8, timeless: 2, country_level: 6, operation: 4 });
    }
}

#[test]
fn most_small_ingests_relink_incrementally() {
    let before = super::INCREMENTAL_RUNS.load(std::sync::atomic::Ordering::Relaxed);
    run(
        7,
        12,
        &Mix {
            days: 30,
            undated: 0,
            timeless: 2,
            country_level: 0,
            operation: 0,
        },
    );
    let after = super::INCREMENTAL_RUNS.load(std::sync::atomic::Ordering::Relaxed);
    assert!(
        after - before >= 8,
        "only {} incremental relinks",
        after - before
    );
}

/// A report of one day at one spot, with a toll (the shape that joins across a day boundary).
fn report_on(reference: &str, offset: usize, precision: TimePrecision, dead: u32) -> Processed {
    let mut rng = Rng(offset as u64);
    let mix = Mix {
        days: 1,
        undated: 0,
        timeless: 0,
        country_level: 0,
        operation: 0,
    };
    let mut p = article(&mut rng, reference, 1, &mix, 1);
    p.mentions.truncate(1);
    let m = &mut p.mentions[0];
    m.date = Some(EventDate {
        date: day(offset),
        precision,
    });
    m.published = Some(day(offset + 1));
    p.document.published = m.published;
    m.place = Some(ResolvedPlace {
        location: "Nioro".into(),
        place_id: Some(4242),
        country: "Mali".into(),
        country_code: "ML".into(),
        admin1: Some("Kayes".into()),
        admin1_new: None,
        admin2: Some("Nioro".into()),
        admin3: None,
        latitude: Some(15.23),
        longitude: Some(-9.59),
        geo_precision: 1,
    });
    m.event_type = EventType::Battles;
    m.sub_event_type = SubEventType::ArmedClash;
    m.actor1 = None;
    m.background = false;
    m.operation = None;
    m.keys = vec![];
    m.claims = vec![claim("fatalities", dead)];
    p
}

fn same_as_from_scratch(s: &Store, dir: &std::path::Path, n: usize) {
    let copy = from_scratch(s, dir, n);
    for ((what, g), (_, w)) in snapshot(s).iter().zip(&snapshot(&copy)) {
        assert_eq!(g, w, "{what} differ from a full relink");
    }
}

#[test]
fn a_report_of_the_next_day_joins_across_the_first_changed_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = test_store();
    // An incident on day 10 only; then a report of day 11 at the same spot and toll (it joins
    // the day before), then a month-precise report whose window reaches back 15 days.
    s.ingest(&[
        report_on("d10a", 10, TimePrecision::Day, 12),
        report_on("d10b", 10, TimePrecision::Day, 12),
        report_on("d30", 30, TimePrecision::Day, 12),
    ])
    .unwrap();
    s.relink().unwrap();
    let before = super::INCREMENTAL_RUNS.load(std::sync::atomic::Ordering::Relaxed);
    s.ingest(&[report_on("d11", 11, TimePrecision::Day, 12)])
        .unwrap();
    s.relink().unwrap();
    same_as_from_scratch(&s, dir.path(), 0);
    let n: i64 = s
        .conn
        .query_row("SELECT COUNT(*) FROM incidents", params![], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2, "the day-11 report joined the day-10 incident");
    s.ingest(&[report_on("m25", 25, TimePrecision::Month, 12)])
        .unwrap();
    s.relink().unwrap();
    same_as_from_scratch(&s, dir.path(), 1);
    s.ingest(&[report_on("w13", 13, TimePrecision::Week, 12)])
        .unwrap();
    s.relink().unwrap();
    same_as_from_scratch(&s, dir.path(), 2);
    let after = super::INCREMENTAL_RUNS.load(std::sync::atomic::Ordering::Relaxed);
    assert!(after - before >= 3, "the relinks were not incremental");
}

#[test]
fn a_new_version_that_moves_a_report_elsewhere_leaves_its_old_incident() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = test_store();
    s.ingest(&[
        report_on("a", 10, TimePrecision::Day, 12),
        report_on("b", 10, TimePrecision::Day, 12),
        report_on("c", 40, TimePrecision::Day, 5),
    ])
    .unwrap();
    s.relink().unwrap();
    // "b" is corrected by its outlet: another day, another toll.
    let mut b2 = report_on("b", 40, TimePrecision::Day, 5);
    b2.document.text.push_str(" Corrected.");
    b2.mentions[0].id = "m-b-v2-0".into();
    assert_eq!(s.ingest(&[b2]).unwrap().updated, 1);
    s.relink().unwrap();
    same_as_from_scratch(&s, dir.path(), 0);
    let b_in: Vec<String> = rows(
        &s,
        "SELECT incident_id FROM incident_articles WHERE article_ref IN ('b', 'c') ORDER BY 1",
    )
    .into_iter()
    .map(|r| r[0].clone())
    .collect();
    assert_eq!(b_in.len(), 2);
    assert_eq!(b_in[0], b_in[1], "b joined c's incident: {b_in:?}");
}
