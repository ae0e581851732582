use super::*;
use vigie_core::{
    Actor, ActorKind, Claim, ClaimValue, Document, Estimate, EventDate, EventType, Incident,
    Language, Mention, Quantity, ResolvedPlace, Span, SubEventType, TimePrecision,
};

fn processed(reference: &str, text: &str, mentions: Vec<Mention>) -> Processed {
    Processed {
        document: Document {
            reference: reference.into(),
            title: Some(format!("Title of {reference}")),
            text: text.into(),
            language: Language::Fr,
            published: NaiveDate::from_ymd_opt(2025, 3, 2),
            published_month: None,
            paragraphs: vec![Span::new(0, text.len())],
            sentences: vec![Span::new(0, text.len())],
            content_hash: String::new(),
            diagnostics: vec![],
        },
        fingerprint: vigie_core::incidents::copies::Fingerprint::of(text),
        mentions,
        diagnostics: vec![vigie_core::Diagnostic::info("test", "hello")],
    }
}

fn place(location: &str, cc: &str, country: &str, lat: f64, lon: f64) -> ResolvedPlace {
    ResolvedPlace {
        location: location.into(),
        place_id: None,
        country: country.into(),
        country_code: cc.into(),
        admin1: Some(format!("{location} region")),
        admin1_new: None,
        admin2: Some(format!("{location} cercle")),
        admin3: None,
        latitude: Some(lat),
        longitude: Some(lon),
        geo_precision: 1,
    }
}

fn actor(name: &str, kind: ActorKind) -> Actor {
    Actor {
        name: name.into(),
        kind,
        parent: None,
    }
}

fn count_claim(field: &str, n: u32, quote: &str, by: Option<&str>, hedged: bool) -> Claim {
    Claim {
        field: field.into(),
        value: ClaimValue::Count(Quantity::exact(n)),
        quote: quote.into(),
        span: Span::new(0, quote.len()),
        attributed_to: by.map(str::to_string),
        hedged,
        victims: None,
    }
}

fn mention(article: &str, ordinal: u32, claims: Vec<Claim>) -> Mention {
    Mention {
        id: format!("m-{article}-{ordinal}"),
        article: article.into(),
        published: NaiveDate::from_ymd_opt(2025, 3, 2),
        ordinal,
        background: false,
        event_type: EventType::ViolenceAgainstCivilians,
        sub_event_type: SubEventType::AbductionForcedDisappearance,
        actor1: Some(actor(
            "Unidentified Armed Group (Mali)",
            ActorKind::PoliticalMilitia,
        )),
        assoc_actor1: None,
        actor2: Some(actor("Civilians (Mali)", ActorKind::Civilians)),
        assoc_actor2: None,
        people: vec![],
        targets: vec![],
        date: Some(EventDate {
            date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            precision: TimePrecision::Day,
        }),
        place: Some(place("Nioro", "ML", "Mali", 15.23, -9.59)),
        operation: None,
        operation_wide: false,
        claims,
        evidence: Span::new(0, 1),
        keys: vec![],
        passage_marks: vec![],
    }
}

#[allow(clippy::too_many_arguments)]
fn incident(
    id: &str,
    et: SubEventType,
    date: (i32, u32, u32),
    pl: ResolvedPlace,
    a1: &str,
    a2: Option<(&str, ActorKind)>,
    mentions: &[&Mention],
) -> Incident {
    Incident {
        id: id.into(),
        event_type: et.event_type(),
        sub_event_type: et,
        date: Some(EventDate {
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
            precision: TimePrecision::Day,
        }),
        place: Some(pl),
        actor1: Some(actor(a1, ActorKind::RebelGroup)),
        assoc_actor1: None,
        actor2: a2.map(|(n, k)| actor(n, k)),
        assoc_actor2: None,
        targets: vec![],
        people: vec![],
        fatalities: Estimate::default(),
        injured: Estimate::default(),
        abducted: Estimate {
            low: Some(3),
            best: Some(3),
            high: Some(4),
        },
        attackers: Estimate::default(),
        mentions: mentions.iter().map(|m| m.id.clone()).collect(),
        articles: {
            let mut a: Vec<String> = mentions.iter().map(|m| m.article.clone()).collect();
            a.dedup();
            a
        },
        operation: None,
        notes: String::new(),
    }
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn
        .query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn migrations_are_idempotent_and_wal_is_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    {
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), schema::MIGRATIONS.len() as i64);
        s.ingest(&[processed("a", "Un texte.", vec![])]).unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), schema::MIGRATIONS.len() as i64);
    assert_eq!(
        s.articles().unwrap().len(),
        1,
        "re-opening must not lose data"
    );
    let mode: String = s
        .conn
        .query_row("PRAGMA journal_mode", params![], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = s
        .conn
        .query_row("PRAGMA foreign_keys", params![], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    drop(Store::open(&path).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let err = Store::open(&path).err().expect("must refuse");
    assert!(err.0.contains("schema version 99"), "{err}");
}

#[test]
fn ingest_new_unchanged_updated() {
    let mut s = test_store();
    let r = s
        .ingest(&[
            processed("a", "Texte A.", vec![]),
            processed("b", "Text B.", vec![]),
        ])
        .unwrap();
    assert_eq!((r.new, r.unchanged, r.updated), (2, 0, 0));
    assert_eq!(
        r.outcomes,
        vec![
            ("a".into(), Some(Outcome::New)),
            ("b".into(), Some(Outcome::New))
        ]
    );
    let before: Vec<(String, i64)> = {
        s.conn
            .query_map(
                "SELECT ref, ingested_at FROM articles ORDER BY ref",
                params![],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    // Force a visible difference should anything be rewritten.
    s.conn
        .execute("UPDATE articles SET ingested_at = 7", params![])
        .unwrap();
    let r = s
        .ingest(&[
            processed("a", "Texte A.", vec![]),
            processed("b", "Text B.", vec![]),
        ])
        .unwrap();
    assert_eq!((r.new, r.unchanged, r.updated), (0, 2, 0));
    let at: Vec<i64> = {
        s.conn
            .query_map(
                "SELECT ingested_at FROM articles ORDER BY ref",
                params![],
                |r| r.get::<i64>(0),
            )
            .unwrap()
    };
    assert_eq!(at, vec![7, 7], "unchanged articles must not be written");
    assert_eq!(before.len(), 2);

    let r = s
        .ingest(&[processed("a", "Texte A, corrigé.", vec![])])
        .unwrap();
    assert_eq!((r.new, r.unchanged, r.updated), (0, 0, 1));
    let rows = s.articles().unwrap();
    assert_eq!(rows[0].reference, "a");
    assert_eq!(rows[0].version, 2);
    assert_eq!(rows[1].version, 1);
    assert_eq!(rows[0].diagnostics, vec!["info: test: hello".to_string()]);
    assert_eq!(rows[0].status, "extracted");
    assert_eq!(count(&s, "article_versions"), 3);
    let d = s.article("a").unwrap().unwrap();
    assert_eq!(d.text, "Texte A, corrigé.");
    assert!(s.article("zzz").unwrap().is_none());
}

#[test]
fn an_updated_version_replaces_its_mentions() {
    let mut s = test_store();
    let m1 = mention(
        "a",
        0,
        vec![count_claim("abducted", 3, "trois", None, false)],
    );
    let m2 = mention("a", 1, vec![]);
    s.ingest(&[processed("a", "v1", vec![m1, m2])]).unwrap();
    assert_eq!(s.articles().unwrap()[0].mentions, 2);
    let mut m3 = mention(
        "a",
        0,
        vec![count_claim("abducted", 5, "cinq", None, false)],
    );
    m3.id = "m-new".into();
    s.ingest(&[processed("a", "v2", vec![m3])]).unwrap();
    assert_eq!(s.articles().unwrap()[0].mentions, 1);
    let ids: Vec<String> = {
        s.conn
            .query_map("SELECT id FROM mentions", params![], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(ids, vec!["m-new".to_string()]);
}

#[test]
fn a_failing_batch_leaves_the_store_intact() {
    let mut s = test_store();
    s.ingest(&[processed("a", "Texte A.", vec![mention("a", 0, vec![])])])
        .unwrap();
    // The second article has an empty ref, which the schema refuses: the whole batch rolls back,
    // including the update of "a" and the new "b" written before the failure.
    let err = s
        .ingest(&[
            processed("a", "Texte A modifié.", vec![]),
            processed("b", "Text B.", vec![mention("b", 0, vec![])]),
            processed("", "no ref", vec![]),
        ])
        .unwrap_err();
    assert!(err.0.contains("database error"), "{err}");
    let rows = s.articles().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].version, 1);
    assert_eq!(rows[0].mentions, 1);
    assert_eq!(count(&s, "mentions"), 1);
    assert_eq!(s.article("a").unwrap().unwrap().text, "Texte A.");
}

pub(crate) fn seeded_incidents() -> (Store, Vec<Incident>, Vec<Mention>) {
    let mut s = test_store();
    let ma = mention(
        "alpha",
        0,
        vec![count_claim("abducted", 3, "trois personnes", None, false)],
    );
    let mb = mention(
        "beta",
        0,
        vec![count_claim(
            "abducted",
            4,
            "four people",
            Some("an elected official"),
            true,
        )],
    );
    let mc = mention("gamma", 0, vec![]);
    let md = mention("delta", 0, vec![]);
    let mut pa = processed("alpha", "A", vec![ma.clone()]);
    pa.document.language = Language::Fr;
    s.ingest_articles(
        &[
            pa,
            processed("beta", "B", vec![mb.clone()]),
            processed("gamma", "C", vec![mc.clone()]),
            processed("delta", "D", vec![md.clone()]),
        ],
        &[
            ArticleMeta {
                url: Some("https://news.example.ml/x".into()),
                outlet: Some("Journal du Mali".into()),
            },
            ArticleMeta {
                url: Some("https://www.example.com/y".into()),
                outlet: Some("Wire".into()),
            },
            ArticleMeta::default(),
            ArticleMeta::default(),
        ],
    )
    .unwrap();
    let incs = vec![
        incident(
            "inc-1",
            SubEventType::AbductionForcedDisappearance,
            (2025, 3, 1),
            place("Nioro", "ML", "Mali", 15.2300, -9.5900),
            "JNIM: Group for Support of Islam and Muslims",
            Some(("Civilians (Mali)", ActorKind::Civilians)),
            &[&ma, &mb],
        ),
        incident(
            "inc-2",
            SubEventType::ArmedClash,
            (2025, 2, 10),
            place("Djibo", "BF", "Burkina Faso", 14.10, -1.63),
            "Islamic State Sahel",
            Some((
                "Military Forces of Burkina Faso (2022-)",
                ActorKind::StateForces,
            )),
            &[&mc],
        ),
        incident(
            "inc-3",
            SubEventType::Attack,
            (2025, 3, 1),
            place("Diéma", "ML", "Mali", 14.54, -9.19),
            "Unidentified Armed Group (Mali)",
            None,
            &[&md],
        ),
    ];
    let all = vec![ma, mb, mc, md];
    assert_eq!(s.replace_incidents(&incs, &all).unwrap(), 3);
    (s, incs, all)
}

#[test]
fn incident_views_carry_acled_columns_claims_and_disputes() {
    let (s, _, _) = seeded_incidents();
    let v = s.incident("inc-1").unwrap().unwrap();
    assert_eq!(v.event_id_cnty, "inc-1");
    assert_eq!(v.date.as_deref(), Some("2025-03-01"));
    assert_eq!(v.time_precision, Some(1));
    assert_eq!(v.disorder_type.as_deref(), Some("Political violence"));
    assert_eq!(v.event_type.as_deref(), Some("Violence against civilians"));
    assert_eq!(v.inter1, Some(2));
    assert_eq!(v.inter2, Some(7));
    assert_eq!(v.interaction, Some(27));
    assert_eq!(v.civilian_targeting.as_deref(), Some("Civilian targeting"));
    assert_eq!(v.iso, Some(466));
    assert_eq!(v.region.as_deref(), Some("Western Africa"));
    assert_eq!(v.source.as_deref(), Some("Journal du Mali; Wire"));
    assert_eq!(v.source_scale.as_deref(), Some("National-International"));
    assert_eq!(v.claims.len(), 2);
    assert_eq!(
        v.claims[1].attributed_to.as_deref(),
        Some("an elected official")
    );
    assert_eq!(v.articles[0].outlet.as_deref(), Some("Journal du Mali"));
    assert_eq!(v.articles[0].published.as_deref(), Some("2025-03-02"));
    assert_eq!(
        figure_claims_text(&v, "abducted"),
        "3 (Journal du Mali) · 4 (an elected official) (unconfirmed)"
    );
    let notes = v.notes.clone().unwrap();
    assert!(notes.starts_with("On 2025-03-01, abduction/forced disappearance at Nioro (Nioro cercle, Nioro region, Mali)"), "{notes}");
    assert!(
        notes.contains(
            "Disputed abducted: 3 (Journal du Mali) · 4 (an elected official) (unconfirmed)."
        ),
        "{notes}"
    );
    assert_eq!(
        v.tags.as_deref(),
        Some("disputed abducted; unconfirmed claims")
    );
    let v3 = s.incident("inc-3").unwrap().unwrap();
    assert_eq!(v3.interaction, Some(20));
    assert_eq!(v3.civilian_targeting, None);
    assert_eq!(v3.source, None);
    assert_eq!(v3.source_scale.as_deref(), Some("Other"));
    let d = s.article("alpha").unwrap().unwrap();
    assert_eq!(d.incidents, vec!["inc-1".to_string()]);
}

#[test]
fn filters_select_and_order_incidents() {
    let (s, _, _) = seeded_incidents();
    let ids = |f: IncidentFilter| -> Vec<String> {
        s.incidents(&f).unwrap().into_iter().map(|v| v.id).collect()
    };
    assert_eq!(
        ids(IncidentFilter::default()),
        vec!["inc-1", "inc-3", "inc-2"]
    );
    assert_eq!(
        ids(IncidentFilter {
            country: Some("mali".into()),
            ..Default::default()
        }),
        vec!["inc-1", "inc-3"]
    );
    assert_eq!(
        ids(IncidentFilter {
            country: Some("bf".into()),
            ..Default::default()
        }),
        vec!["inc-2"]
    );
    assert_eq!(
        ids(IncidentFilter {
            country: Some("854".into()),
            ..Default::default()
        }),
        vec!["inc-2"]
    );
    assert_eq!(
        ids(IncidentFilter {
            since: NaiveDate::from_ymd_opt(2025, 2, 11),
            ..Default::default()
        }),
        vec!["inc-1", "inc-3"]
    );
    assert_eq!(
        ids(IncidentFilter {
            until: NaiveDate::from_ymd_opt(2025, 2, 10),
            ..Default::default()
        }),
        vec!["inc-2"]
    );
    assert_eq!(
        ids(IncidentFilter {
            event_type: Some("battles".into()),
            ..Default::default()
        }),
        vec!["inc-2"]
    );
    assert_eq!(
        ids(IncidentFilter {
            event_type: Some("Attack".into()),
            ..Default::default()
        }),
        vec!["inc-3"]
    );
    assert_eq!(
        ids(IncidentFilter {
            actor: Some("jnim".into()),
            ..Default::default()
        }),
        vec!["inc-1"]
    );
    assert_eq!(
        ids(IncidentFilter {
            actor: Some("burkina".into()),
            ..Default::default()
        }),
        vec!["inc-2"]
    );
    assert!(ids(IncidentFilter {
        actor: Some("%".into()),
        ..Default::default()
    })
    .is_empty());
    // Nioro–Diéma is about 80 km.
    assert_eq!(
        ids(IncidentFilter {
            near: Some((15.23, -9.59, 10.0)),
            ..Default::default()
        }),
        vec!["inc-1"]
    );
    assert_eq!(
        ids(IncidentFilter {
            near: Some((15.23, -9.59, 100.0)),
            ..Default::default()
        }),
        vec!["inc-1", "inc-3"]
    );
    assert_eq!(
        ids(IncidentFilter {
            near: Some((15.23, -9.59, 100.0)),
            offset: 1,
            ..Default::default()
        }),
        vec!["inc-3"]
    );
    assert_eq!(
        ids(IncidentFilter {
            text: Some("DIÉMA".into()),
            ..Default::default()
        }),
        vec!["inc-3"]
    );
    assert_eq!(
        ids(IncidentFilter {
            text: Some("four people".into()),
            ..Default::default()
        }),
        vec!["inc-1"]
    );
    assert_eq!(
        ids(IncidentFilter {
            limit: Some(1),
            offset: 1,
            ..Default::default()
        }),
        vec!["inc-3"]
    );
    assert_eq!(
        ids(IncidentFilter {
            offset: 2,
            ..Default::default()
        }),
        vec!["inc-2"]
    );
    assert!(s
        .incidents(&IncidentFilter {
            near: Some((f64::NAN, 0.0, 1.0)),
            ..Default::default()
        })
        .is_err());
}

#[test]
fn counts_match_the_listed_incidents_for_every_filter() {
    let (s, _, _) = seeded_incidents();
    let filters = [
        IncidentFilter::default(),
        IncidentFilter {
            country: Some("ml".into()),
            ..Default::default()
        },
        IncidentFilter {
            admin1: Some("NO SUCH REGION".into()),
            ..Default::default()
        },
        IncidentFilter {
            near: Some((14.10, -1.63, 30.0)),
            ..Default::default()
        },
        IncidentFilter {
            limit: Some(1),
            offset: 1,
            ..Default::default()
        },
    ];
    let counts: Vec<usize> = filters
        .iter()
        .map(|f| s.count_incidents(f).unwrap())
        .collect();
    assert_eq!(
        counts,
        vec![3, 2, 0, 1, 3],
        "limit and offset do not change the count"
    );
    for f in &filters[..4] {
        assert_eq!(s.incidents(f).unwrap().len(), s.count_incidents(f).unwrap());
    }
    assert_eq!(s.incidents(&filters[4]).unwrap().len(), 1);
}

#[test]
fn replacing_incidents_keeps_unchanged_timestamps_and_drops_gone_ones() {
    let (mut s, mut incs, all) = seeded_incidents();
    s.conn
        .execute("UPDATE incidents SET timestamp = 1", params![])
        .unwrap();
    assert_eq!(s.replace_incidents(&incs, &all).unwrap(), 3);
    let ts: Vec<i64> = {
        s.conn
            .query_map(
                "SELECT timestamp FROM incidents ORDER BY id",
                params![],
                |r| r.get::<i64>(0),
            )
            .unwrap()
    };
    assert_eq!(ts, vec![1, 1, 1]);
    incs[0].fatalities = Estimate {
        low: Some(1),
        best: Some(1),
        high: Some(1),
    };
    incs.remove(2);
    assert_eq!(s.replace_incidents(&incs, &all).unwrap(), 2);
    let ts: Vec<(String, i64)> = {
        s.conn
            .query_map(
                "SELECT id, timestamp FROM incidents ORDER BY id",
                params![],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    assert_eq!(ts.len(), 2);
    assert!(ts[0].1 > 1, "changed incident gets a new timestamp");
    assert_eq!(ts[1], ("inc-2".to_string(), 1));
    assert_eq!(
        count(&s, "incident_articles"),
        3,
        "links of the deleted incident cascade away"
    );
}

#[test]
fn an_update_replaces_link_keys_and_fingerprint_too() {
    let mut s = test_store();
    s.ingest(&[processed(
        "a",
        "un texte assez long pour avoir une empreinte de plusieurs mots au moins",
        vec![mention("a", 0, vec![]), mention("a", 1, vec![])],
    )])
    .unwrap();
    assert_eq!(count(&s, "mention_keys"), 2);
    s.ingest(&[processed(
        "a",
        "un autre texte",
        vec![mention("a", 0, vec![])],
    )])
    .unwrap();
    assert_eq!(count(&s, "mention_keys"), 1);
    assert_eq!(count(&s, "article_prints"), 1);
    let print: String = s
        .conn
        .query_row("SELECT fingerprint FROM article_prints", params![], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(print, "", "too short a text for a fingerprint");
}

#[test]
fn a_schema_1_database_is_upgraded_and_relinks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO articles (ref, language, status, content_hash, version, text, ingested_at)
             VALUES ('old', 'fr', 'extracted', 'h', 1, 'Des hommes armés ont attaqué le village hier matin selon des habitants', 0)",
            [],
        )
        .unwrap();
        let m = mention("old", 0, vec![]);
        conn.execute(
            "INSERT INTO mentions (article_ref, ordinal, id, data) VALUES ('old', 0, ?1, ?2)",
            rusqlite::params![m.id, serde_json::to_string(&m).unwrap()],
        )
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), schema::MIGRATIONS.len() as i64);
    assert_eq!(count(&s, "mention_keys"), 1);
    assert_eq!(count(&s, "article_prints"), 1);
    assert_eq!(s.relink().unwrap(), 1);
    assert_eq!(count(&s, "incident_mentions"), 1);
}

#[test]
fn summaries_say_what_the_views_say_in_the_list_order() {
    let (s, _, _) = seeded_incidents();
    let filters = [
        IncidentFilter::default(),
        IncidentFilter {
            country: Some("mali".into()),
            ..Default::default()
        },
        IncidentFilter {
            limit: Some(1),
            offset: 1,
            ..Default::default()
        },
        IncidentFilter {
            near: Some((15.23, -9.59, 10.0)),
            ..Default::default()
        },
    ];
    for f in &filters {
        let views = s.incidents(f).unwrap();
        assert!(!views.is_empty(), "{f:?}");
        assert_eq!(
            s.incident_summaries(f).unwrap(),
            views.iter().map(IncidentSummary::of).collect::<Vec<_>>(),
            "{f:?}"
        );
    }
    let first = &s.incident_summaries(&IncidentFilter::default()).unwrap()[0];
    assert_eq!(first.id, "inc-1");
    assert_eq!(
        (first.reports, first.languages.clone()),
        (2, vec!["fr".to_string()])
    );
    assert_eq!(first.abducted.best, Some(3));
    assert_eq!(first.location.as_deref(), Some("Nioro"));
}

#[test]
fn a_schema_6_store_gets_the_summaries_of_its_incidents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.db");
    let views = {
        let mut s = Store::open(&path).unwrap();
        s.ingest(&[
            processed("a", "texte a", vec![mention("a", 0, vec![])]),
            processed("b", "texte b", vec![mention("b", 0, vec![])]),
        ])
        .unwrap();
        s.relink().unwrap();
        let views = s.incidents(&IncidentFilter::default()).unwrap();
        assert!(!views.is_empty());
        // Back to the store as schema 6 wrote it: no summary column.
        s.conn
            .execute_batch(
                "DROP TABLE incidents_text;
                 ALTER TABLE incidents DROP COLUMN summary; DROP INDEX incidents_filters;
                 CREATE INDEX incidents_country ON incidents(country); PRAGMA user_version = 6",
            )
            .unwrap();
        views
    };
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), schema::MIGRATIONS.len() as i64);
    assert_eq!(
        s.incident_summaries(&IncidentFilter::default()).unwrap(),
        views.iter().map(IncidentSummary::of).collect::<Vec<_>>()
    );
}

/// A report of `article` whose one claim gives `n` for `field`, quoting `quote`.
fn quoting(article: &str, field: &str, n: u32, quote: &str) -> Mention {
    mention(article, 0, vec![count_claim(field, n, quote, None, false)])
}

/// Two incidents in Niger whose quotes and places carry accents, curly apostrophes and
/// characters of the LIKE and FTS5 syntaxes.
fn free_text_store() -> Store {
    let mut s = test_store();
    let ma = quoting(
        "alpha",
        "fatalities",
        5,
        "l’Armée a repoussé une attaque près de Tillabéri, 100% des assaillants \"neutralisés\"",
    );
    let mb = quoting(
        "beta",
        "abducted",
        2,
        "gunmen seized two traders on the Say_Niamey road",
    );
    s.ingest(&[
        processed("alpha", "A", vec![ma.clone()]),
        processed("beta", "B", vec![mb.clone()]),
    ])
    .unwrap();
    let incs = vec![
        incident(
            "inc-a",
            SubEventType::Attack,
            (2025, 4, 2),
            place("Tillabéri", "NE", "Niger", 14.21, 1.45),
            "Unidentified Armed Group (Niger)",
            None,
            &[&ma],
        ),
        incident(
            "inc-b",
            SubEventType::AbductionForcedDisappearance,
            (2025, 4, 3),
            place("Say", "NE", "Niger", 13.10, 2.36),
            "Unidentified Armed Group (Niger)",
            None,
            &[&mb],
        ),
    ];
    s.replace_incidents(&incs, &[ma, mb]).unwrap();
    s
}

fn ids_for_text(s: &Store, q: &str) -> Vec<String> {
    let f = IncidentFilter {
        text: Some(q.into()),
        ..Default::default()
    };
    let ids: Vec<String> = s.incidents(&f).unwrap().into_iter().map(|v| v.id).collect();
    assert_eq!(s.count_incidents(&f).unwrap(), ids.len(), "count for {q:?}");
    ids
}

#[test]
fn free_text_ignores_case_accents_and_apostrophe_styles() {
    let s = free_text_store();
    for q in [
        "tillaberi",
        "TILLABÉRI",
        "l'armee a",
        "L’ARMÉE",
        "Tillabéri ",
    ] {
        assert_eq!(ids_for_text(&s, q), vec!["inc-a"], "{q:?}");
    }
    assert_eq!(ids_for_text(&s, "say_niamey ROAD"), vec!["inc-b"]);
    assert_eq!(ids_for_text(&s, "100%"), vec!["inc-a"]);
    assert_eq!(ids_for_text(&s, "\"neutralises\""), vec!["inc-a"]);
    // Shorter than a trigram: found by a scan, the same way.
    assert_eq!(ids_for_text(&s, "Y_"), vec!["inc-b"]);
    assert_eq!(ids_for_text(&s, "É"), vec!["inc-b", "inc-a"]);
    // The words must stand together, as written.
    assert!(ids_for_text(&s, "tillaberi say").is_empty());
    assert!(ids_for_text(&s, "say niamey").is_empty());
    assert!(ids_for_text(&s, "%%").is_empty());
    assert_eq!(ids_for_text(&s, "\""), vec!["inc-a"]);
    assert!(ids_for_text(&s, "*").is_empty());
    assert!(ids_for_text(&s, "say OR tillaberi").is_empty());
    assert!(ids_for_text(&s, "tillaberi\0").is_empty());
}

#[test]
fn free_text_through_the_index_finds_what_a_scan_finds() {
    let s = free_text_store();
    let views = s.incidents(&IncidentFilter::default()).unwrap();
    let texts: Vec<(String, String)> = views
        .iter()
        .map(|v| (v.id.clone(), search::incident_search_text(v)))
        .collect();
    // Every piece of one to seven characters of both texts, and pieces of neither.
    let mut queries: Vec<String> = vec!["zzz".into(), "tillaberi road".into(), "a\"b".into()];
    for (_, t) in &texts {
        let chars: Vec<char> = t.chars().collect();
        for len in 1..=7 {
            for start in (0..chars.len().saturating_sub(len)).step_by(5) {
                queries.push(chars[start..start + len].iter().collect());
            }
        }
    }
    for q in queries {
        let Some(folded) = search::folded_query(&q) else {
            continue;
        };
        let scanned: Vec<String> = texts
            .iter()
            .filter(|(_, t)| t.contains(&folded))
            .map(|(id, _)| id.clone())
            .collect();
        assert_eq!(ids_for_text(&s, &q), scanned, "{q:?}");
    }
}

#[test]
fn the_text_index_follows_incidents_replaced_and_the_store_vacuumed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("text.db");
    let mut s = Store::open(&path).unwrap();
    let ma = quoting(
        "alpha",
        "abducted",
        3,
        "trois commerçants enlevés à Bankass",
    );
    let mb = quoting("beta", "fatalities", 4, "quatre soldats tués à Boni");
    s.ingest(&[
        processed("alpha", "A", vec![ma.clone()]),
        processed("beta", "B", vec![mb.clone()]),
    ])
    .unwrap();
    let inc = |id: &str, m: &Mention| {
        incident(
            id,
            SubEventType::Attack,
            (2025, 5, 1),
            place("Mopti", "ML", "Mali", 14.49, -4.19),
            "Unidentified Armed Group (Mali)",
            None,
            &[m],
        )
    };
    let all = vec![ma.clone(), mb.clone()];
    s.replace_incidents(&[inc("inc-1", &ma)], &all).unwrap();
    assert_eq!(ids_for_text(&s, "commercants"), vec!["inc-1"]);
    assert!(ids_for_text(&s, "soldats").is_empty());
    // The same id now told by the other report: its old text is no longer found.
    s.replace_incidents(&[inc("inc-1", &mb), inc("inc-2", &ma)], &all)
        .unwrap();
    assert_eq!(ids_for_text(&s, "soldats tues"), vec!["inc-1"]);
    assert_eq!(ids_for_text(&s, "commercants"), vec!["inc-2"]);
    s.replace_incidents(&[inc("inc-2", &ma)], &all).unwrap();
    assert!(ids_for_text(&s, "soldats").is_empty());
    s.conn.execute_batch("VACUUM").unwrap();
    drop(s);
    let s = Store::open(&path).unwrap();
    assert_eq!(ids_for_text(&s, "enleves a bankass"), vec!["inc-2"]);
    assert!(ids_for_text(&s, "soldats").is_empty());
}

#[test]
fn free_text_has_its_index_on_either_backend() {
    let s = test_store();
    let indexes: i64 = match s.conn.dialect() {
        db::Dialect::Sqlite => s.conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'incidents_text'",
            params![],
            |r| r.get(0),
        ),
        db::Dialect::Postgres => s.conn.query_row(
            "SELECT count(*) FROM pg_indexes
             WHERE schemaname = current_schema() AND indexname = 'incidents_search_trigrams'",
            params![],
            |r| r.get(0),
        ),
    }
    .unwrap();
    assert_eq!(indexes, 1);
}

#[test]
fn a_schema_7_store_gets_its_texts_folded_and_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.db");
    {
        let mut s = Store::open(&path).unwrap();
        let ma = quoting("alpha", "abducted", 3, "Trois Commerçants enlevés");
        s.ingest(&[processed("alpha", "A", vec![ma.clone()])])
            .unwrap();
        let inc = incident(
            "inc-1",
            SubEventType::AbductionForcedDisappearance,
            (2025, 5, 1),
            place("Ségou", "ML", "Mali", 13.43, -6.26),
            "Unidentified Armed Group (Mali)",
            None,
            &[&ma],
        );
        s.replace_incidents(&[inc], &[ma]).unwrap();
        // Back to the store as schema 7 wrote it: lower-cased text, no index.
        s.conn
            .execute_batch(
                "DROP TABLE incidents_text;
                 UPDATE incidents SET search = lower(search); PRAGMA user_version = 7",
            )
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), schema::MIGRATIONS.len() as i64);
    assert_eq!(ids_for_text(&s, "segou"), vec!["inc-1"]);
    assert_eq!(ids_for_text(&s, "commercants enleves"), vec!["inc-1"]);
}

#[test]
fn relinked_and_copied_incidents_are_found_by_their_new_text_only() {
    let mut s = test_store();
    s.ingest(&[processed(
        "a",
        "x",
        vec![quoting("a", "abducted", 3, "trois commerçants enlevés")],
    )])
    .unwrap();
    s.relink().unwrap();
    assert_eq!(ids_for_text(&s, "commercants").len(), 1);
    // The report corrected: its incident is rebuilt, its old text leaves the index.
    s.ingest(&[processed(
        "a",
        "x2",
        vec![quoting("a", "abducted", 3, "quatre soldats tués")],
    )])
    .unwrap();
    s.relink().unwrap();
    assert!(ids_for_text(&s, "commercants").is_empty());
    let found = ids_for_text(&s, "soldats tues");
    assert_eq!(found.len(), 1);
    let mut copy = Store::open_in_memory().unwrap();
    s.copy_to(&mut copy).unwrap();
    assert_eq!(ids_for_text(&copy, "soldats tues"), found);
    assert!(ids_for_text(&copy, "commercants").is_empty());
}

#[test]
fn relink_if_needed_skips_only_when_nothing_changed() {
    let mut s = test_store();
    s.ingest(&[processed("a", "x", vec![mention("a", 0, vec![])])])
        .unwrap();
    assert_eq!(s.relink_if_needed().unwrap(), 1);
    // Deleting incidents behind the store's back shows whether a relink ran.
    s.conn.execute("DELETE FROM incidents", params![]).unwrap();
    s.ingest(&[processed("a", "x", vec![mention("a", 0, vec![])])])
        .unwrap();
    assert_eq!(
        s.relink_if_needed().unwrap(),
        0,
        "unchanged ingest: no relink"
    );
    s.ingest(&[processed("b", "y", vec![mention("b", 0, vec![])])])
        .unwrap();
    assert_eq!(
        s.relink_if_needed().unwrap(),
        1,
        "a new article: relinked (both reports in one incident)"
    );
    assert_eq!(count(&s, "incident_articles"), 2);
}

#[test]
fn relink_runs_over_stored_mentions() {
    let mut s = test_store();
    s.ingest(&[processed("a", "x", vec![mention("a", 0, vec![])])])
        .unwrap();
    let n = s.relink().unwrap();
    assert_eq!(n as i64, count(&s, "incidents"));
}

#[test]
fn stats_count_weeks_admins_and_actors() {
    let (s, _, _) = seeded_incidents();
    let st = s.stats().unwrap();
    assert_eq!(st.articles, 4);
    assert_eq!(st.incidents, 3);
    assert_eq!(
        st.per_week_type,
        vec![
            ("2025-02-10".to_string(), "Battles".to_string(), 1),
            (
                "2025-02-24".to_string(),
                "Violence against civilians".to_string(),
                2
            ),
        ]
    );
    let admins: Vec<&str> = st.per_admin1.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(admins, vec!["Diéma region", "Djibo region", "Nioro region"]);
    assert_eq!(
        st.per_actor
            .iter()
            .find(|a| a.0 == "Civilians (Mali)")
            .map(|a| a.1),
        Some(1)
    );
}

#[test]
fn rejections_are_recorded_and_forgotten_when_fixed() {
    let mut s = test_store();
    let r = |src: &str, line: Option<usize>, reason: &str| Rejection {
        source: src.into(),
        line,
        reason: reason.into(),
    };
    s.record_rejections(
        &["x.jsonl".into(), "e.txt".into()],
        &[
            r("x.jsonl", Some(3), "malformed JSON"),
            r("e.txt", None, "empty file"),
        ],
    )
    .unwrap();
    let rows = s.rejections().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].rejection.to_string(), "e.txt: empty file");
    assert_eq!(rows[1].rejection.to_string(), "x.jsonl:3: malformed JSON");
    s.conn
        .execute("UPDATE rejections SET at = 5", params![])
        .unwrap();
    // e.txt fixed, x.jsonl still bad: the old row (and its time) stays.
    s.record_rejections(
        &["x.jsonl".into(), "e.txt".into()],
        &[r("x.jsonl", Some(3), "malformed JSON")],
    )
    .unwrap();
    let rows = s.rejections().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].at, 5);
}

#[test]
fn a_feed_item_is_ingested_once_with_its_seen_mark() {
    let mut s = test_store();
    let (feed, new) = s
        .add_feed("http://a.example/rss", Some("A"), Some("fr"), None)
        .unwrap();
    assert!(new);
    let p = processed("http://a.example/1", "Un texte.", vec![]);
    let meta = ArticleMeta::default();
    let first = s
        .ingest_feed_item(feed, "guid-1", Some((&p, &meta)))
        .unwrap();
    assert_eq!(first, Some(Some(Outcome::New)));
    // The same item again (a restart that re-reads the feed): nothing written.
    assert_eq!(
        s.ingest_feed_item(feed, "guid-1", Some((&p, &meta)))
            .unwrap(),
        None
    );
    // An item with nothing to read is seen, not ingested.
    assert_eq!(
        s.ingest_feed_item(feed, "guid-2", None).unwrap(),
        Some(None)
    );
    let f = &s.feeds().unwrap()[0];
    assert_eq!((f.items_seen, f.items_ingested), (2, 1));
    assert_eq!(count(&s, "articles"), 1);
    let known = s
        .known_feed_items(feed, &["guid-1".into(), "guid-3".into()])
        .unwrap();
    assert!(known.contains("guid-1") && !known.contains("guid-3"));
    // Adding the same URL again updates, and removing it keeps its articles.
    assert_eq!(
        s.add_feed("http://a.example/rss", Some("B"), None, None)
            .unwrap(),
        (feed, false)
    );
    assert_eq!(s.feeds().unwrap()[0].name.as_deref(), Some("B"));
    assert!(s.remove_feed("http://a.example/rss").unwrap());
    assert_eq!(count(&s, "feed_items"), 0);
    assert_eq!(count(&s, "articles"), 1);
}

#[test]
fn an_alert_queues_one_delivery_per_hook() {
    let mut s = test_store();
    let zone = s
        .add_zone("N1", "point", &serde_json::json!({}), &[], 0)
        .unwrap();
    assert!(s
        .add_zone("N1", "point", &serde_json::json!({}), &[], 0)
        .is_err());
    let h1 = s.add_hook("http://h.example/1", Some("k")).unwrap();
    s.add_hook("http://h.example/2", None).unwrap();
    let alert = NewAlert {
        incident_id: "BF-1".into(),
        zone_id: zone,
        kind: "new".into(),
        changes: vec![],
        state: serde_json::json!({"x": 1}),
        payload: serde_json::json!({"kind": "new"}),
    };
    let id = s.record_alert(&alert).unwrap();
    assert_eq!(
        s.last_alert_state("BF-1", zone).unwrap(),
        Some(serde_json::json!({"x": 1}))
    );
    let due = s.due_deliveries(i64::MAX).unwrap();
    assert_eq!(due.len(), 2);
    assert_eq!(due[0].payload["alert_id"], id);
    s.record_delivery(id, h1, None, None).unwrap();
    s.record_delivery(id, due[1].hook_id, Some("HTTP 500"), Some(i64::MAX))
        .unwrap();
    assert!(s.due_deliveries(1).unwrap().is_empty(), "the retry waits");
    let hooks = s.hooks().unwrap();
    assert_eq!((hooks[0].delivered, hooks[0].pending), (1, 0));
    assert_eq!(hooks[1].pending, 1);
    assert_eq!(hooks[1].last_error.as_deref(), Some("HTTP 500"));
    assert_eq!(s.alerts(10, Some("N1")).unwrap().len(), 1);
    assert!(s.remove_zone("N1").unwrap());
    assert!(s.alerts(10, None).unwrap().is_empty());
}

/// `url` opening `schema` first on the search path.
fn scoped_url(url: &str, schema: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-csearch_path%3D{schema}")
}

#[test]
fn postgres_migrations_are_idempotent_and_a_newer_schema_is_refused() {
    let Some(url) = test_postgres_url() else {
        return;
    };
    let s = Store::open_postgres_scratch(&url).unwrap();
    let schema = match &s.conn {
        db::Db::Pg(pg) => pg.scratch_schema.clone().expect("scratch"),
        db::Db::Sqlite(_) => unreachable!("a PostgreSQL store"),
    };
    let scoped = scoped_url(&url, &schema);
    {
        let mut again = Store::open(Path::new(&scoped)).unwrap();
        assert_eq!(again.backend(), "postgres");
        assert_eq!(
            again.schema_version().unwrap(),
            schema::MIGRATIONS.len() as i64
        );
        again
            .ingest(&[processed("a", "Un texte.", vec![])])
            .unwrap();
    }
    assert_eq!(
        s.articles().unwrap().len(),
        1,
        "re-opening must not lose data"
    );
    s.conn
        .execute("UPDATE vigie_schema SET version = 99", params![])
        .unwrap();
    let err = Store::open_postgres(&scoped).err().expect("must refuse");
    assert!(err.0.contains("schema version 99"), "{err}");
}

#[test]
fn postgres_processes_opening_a_new_database_at_once_migrate_it_once() {
    let Some(url) = test_postgres_url() else {
        return;
    };
    // A scratch store only to own (and drop) an empty schema beside it.
    let owner = Store::open_postgres_scratch(&url).unwrap();
    let empty = format!("vigie_e{}_{}", std::process::id(), unix_now());
    owner
        .conn
        .execute_batch(&format!("CREATE SCHEMA \"{empty}\""))
        .unwrap();
    let scoped = scoped_url(&url, &empty);
    let openers: Vec<_> = (0..4)
        .map(|_| {
            let scoped = scoped.clone();
            std::thread::spawn(move || Store::open_postgres(&scoped).map(|s| s.schema_version()))
        })
        .collect();
    for o in openers {
        let version = o.join().expect("thread").expect("open").expect("version");
        assert_eq!(version, schema::MIGRATIONS.len() as i64);
    }
    let rows: i64 = owner
        .conn
        .query_row(
            &format!("SELECT count(*) FROM \"{empty}\".vigie_schema"),
            params![],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 1, "one version row");
    owner
        .conn
        .execute_batch(&format!("DROP SCHEMA \"{empty}\" CASCADE"))
        .unwrap();
}
