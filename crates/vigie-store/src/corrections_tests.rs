//! The corrections journal: decisions survive a full rebuild from the stored articles.

use crate::*;
use vigie_core::Article;

const NIONO_FR: &str = "Ceci est un texte de fiction écrit pour les tests de Vigie.\n\nLe camp militaire de Niono, dans la région de Ségou, a été attaqué le 3 mars 2031 par des hommes armés. Selon une source sécuritaire, douze soldats ont été tués. L'armée affirme avoir repoussé les assaillants.";
const NIONO_EN: &str = "This is a fictional text written for Vigie's tests.\n\nGunmen attacked the army camp in Niono, in the Ségou region, on March 3, 2031. Fifteen soldiers were killed, a local official said. The army said it repelled the attackers.";
const DJENNE_EN: &str = "This is a fictional text written for Vigie's tests.\n\nFour traders were abducted by gunmen near Djenné, in the Mopti region, on March 20, 2031, their families said.";
const DOUENTZA_FR: &str = "Ceci est un texte de fiction écrit pour les tests de Vigie.\n\nTrois passagers ont été tués le 10 mai 2031 lorsqu'un engin explosif improvisé a touché leur bus près de Douentza, dans la région de Mopti, selon la police.";
const KAYES_EN: &str = "This is a fictional text written for Vigie's tests.\n\nGunmen killed two herders near Nioro du Sahel, in the Kayes region, on June 2, 2031, a local official said.";

fn article(reference: &str, text: &str, published: &str, language: &str) -> Article {
    let mut a = Article::text(reference, text);
    a.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    a.declared_language = Some(language.into());
    a.outlet = Some(format!("Outlet of {reference}"));
    a
}

fn store_with_fixture() -> Store {
    let mut s = test_store();
    let batch = vigie_core::process_batch(&[
        article("niono-fr", NIONO_FR, "2031-03-04", "fr"),
        article("niono-en", NIONO_EN, "2031-03-04", "en"),
        article("djenne-en", DJENNE_EN, "2031-03-21", "en"),
        article("douentza-fr", DOUENTZA_FR, "2031-05-11", "fr"),
        article("kayes-en", KAYES_EN, "2031-06-03", "en"),
    ]);
    s.ingest(&batch).unwrap();
    s.relink().unwrap();
    s
}

/// The id of the (listed) incident a report of `article` is in.
fn incident_of(s: &Store, article: &str) -> Option<IncidentView> {
    s.incidents(&IncidentFilter {
        include_dismissed: true,
        ..Default::default()
    })
    .unwrap()
    .into_iter()
    .find(|i| i.articles.iter().any(|a| a.reference == article))
}

fn refs(v: &IncidentView) -> Vec<&str> {
    v.articles.iter().map(|a| a.reference.as_str()).collect()
}

fn correct(
    s: &mut Store,
    incident: &str,
    operation: Operation,
    note: Option<&str>,
) -> CorrectionRow {
    s.correct(&CorrectionRequest {
        incident: incident.into(),
        operation,
        note: note.map(str::to_string),
        author: "amina".into(),
    })
    .unwrap()
}

#[test]
fn merges_splits_and_edits_survive_a_rebuild_from_the_stored_articles() {
    let mut s = store_with_fixture();
    // What the linker decides on its own: both Niono reports together, the rest apart.
    let niono = incident_of(&s, "niono-fr").unwrap();
    assert_eq!(refs(&niono), ["niono-en", "niono-fr"]);
    let djenne = incident_of(&s, "djenne-en").unwrap();
    let douentza = incident_of(&s, "douentza-fr").unwrap();
    assert_ne!(djenne.id, douentza.id);
    let kayes = incident_of(&s, "kayes-en").unwrap();

    // Split the English Niono report out; merge Douentza into Djenné; edit what is left of
    // Niono; dismiss Kayes; confirm the merged incident.
    let split = correct(
        &mut s,
        &niono.id,
        Operation::Split {
            articles: vec!["niono-en".into()],
        },
        Some("two different attacks"),
    );
    assert!(split.applied_to.is_some(), "{split:?}");
    let merge = correct(
        &mut s,
        &djenne.id,
        Operation::Merge {
            other: douentza.id.clone(),
        },
        None,
    );
    assert_eq!(merge.applied_to.as_deref(), Some(djenne.id.as_str()));
    let niono_fr = incident_of(&s, "niono-fr").unwrap();
    assert_eq!(refs(&niono_fr), ["niono-fr"]);
    let edits = [
        FieldEdit::Figure {
            figure: "fatalities".into(),
            low: Some(12),
            best: Some(13),
            high: Some(15),
        },
        FieldEdit::Type {
            sub_event_type: "Armed clash".into(),
        },
        FieldEdit::Date {
            date: "2031-03-02".into(),
            precision: 2,
        },
        FieldEdit::Actors {
            actor1: Some("JNIM: Group for Support of Islam and Muslims".into()),
            actor2: None,
        },
        FieldEdit::Place {
            place: PlaceValue::from_coordinates("14.30,-5.99", "Niono camp").unwrap(),
        },
    ];
    for edit in edits {
        let row = correct(
            &mut s,
            &niono_fr.id,
            Operation::Edit { edit },
            Some("hospital count"),
        );
        assert!(row.applied_to.is_some());
    }
    correct(&mut s, &kayes.id, Operation::NotAnEvent, Some("a rumour"));
    correct(&mut s, &djenne.id, Operation::Confirm, None);

    let check = |s: &Store, when: &str| {
        let niono_fr = incident_of(s, "niono-fr").unwrap();
        assert_eq!(refs(&niono_fr), ["niono-fr"], "{when}: split lost");
        let niono_en = incident_of(s, "niono-en").unwrap();
        assert_ne!(niono_en.id, niono_fr.id, "{when}: split lost");
        assert_eq!(niono_en.fatalities.best, Some(15), "{when}");
        assert_eq!(
            (
                niono_fr.fatalities.low,
                niono_fr.fatalities.best,
                niono_fr.fatalities.high
            ),
            (Some(12), Some(13), Some(15)),
            "{when}: figure edit lost"
        );
        assert_eq!(
            niono_fr.sub_event_type.as_deref(),
            Some("Armed clash"),
            "{when}"
        );
        assert_eq!(niono_fr.event_type.as_deref(), Some("Battles"), "{when}");
        assert_eq!(niono_fr.date.as_deref(), Some("2031-03-02"), "{when}");
        assert_eq!(niono_fr.time_precision, Some(2), "{when}");
        assert_eq!(
            niono_fr.actor1.as_deref(),
            Some("JNIM: Group for Support of Islam and Muslims"),
            "{when}"
        );
        assert_eq!(niono_fr.location.as_deref(), Some("Niono camp"), "{when}");
        assert_eq!(
            (niono_fr.latitude, niono_fr.longitude),
            (Some(14.30), Some(-5.99))
        );
        let review = niono_fr.review.as_ref().expect("reviewed");
        assert_eq!(review.status, "corrected", "{when}");
        assert!(review.notes.iter().any(|n| n.contains("hospital count")));
        assert!(niono_fr
            .tags
            .as_deref()
            .unwrap()
            .contains("reviewed: corrected"));

        let merged = incident_of(s, "djenne-en").unwrap();
        assert_eq!(
            refs(&merged),
            ["djenne-en", "douentza-fr"],
            "{when}: merge lost"
        );
        assert_eq!(
            merged.review.as_ref().unwrap().status,
            "confirmed",
            "{when}"
        );

        let kayes = incident_of(s, "kayes-en").unwrap();
        assert_eq!(
            kayes.review.as_ref().unwrap().status,
            "not an event",
            "{when}"
        );
        let listed = s.incidents(&IncidentFilter::default()).unwrap();
        assert!(
            !listed.iter().any(|i| i.id == kayes.id),
            "{when}: an incident marked not an event is listed"
        );
        assert_eq!(listed.len(), 3, "{when}");
        // The summaries the lists read follow every correction.
        let everything = IncidentFilter {
            include_dismissed: true,
            ..Default::default()
        };
        let summaries = s.incident_summaries(&everything).unwrap();
        let views = s.incidents(&everything).unwrap();
        assert_eq!(
            summaries,
            views.iter().map(IncidentSummary::of).collect::<Vec<_>>(),
            "{when}"
        );
        assert!(
            summaries
                .iter()
                .any(|x| x.id == kayes.id && x.review.as_deref() == Some("not an event")),
            "{when}"
        );
        assert!(
            s.corrections(true).unwrap().is_empty(),
            "{when}: stale corrections"
        );
        assert_eq!(s.corrections(false).unwrap().len(), 9);
    };
    check(&s, "after the corrections");

    // A plain relink, then a rebuild of every incident from the stored articles: mentions,
    // link keys, fingerprints, wire copies and incidents are dropped and derived again.
    s.relink().unwrap();
    check(&s, "after a relink");
    s.conn
        .execute_batch(
            "DELETE FROM incident_mentions; DELETE FROM incident_articles; DELETE FROM incidents;
             DELETE FROM mention_keys; DELETE FROM mentions; DELETE FROM article_prints;
             DELETE FROM article_copies;",
        )
        .unwrap();
    assert_eq!(s.count_incidents(&IncidentFilter::default()).unwrap(), 0);
    s.reprocess().unwrap();
    check(&s, "after a rebuild from the stored articles");

    // The history of the Niono incident lists its split and edits, with who and before/after.
    let niono_fr = incident_of(&s, "niono-fr").unwrap();
    let history = s.history(&niono_fr.id).unwrap();
    assert!(history.len() >= 6, "{history:?}");
    let figure = history
        .iter()
        .find(|c| {
            matches!(
                &c.operation,
                Operation::Edit {
                    edit: FieldEdit::Figure { .. }
                }
            )
        })
        .unwrap();
    assert_eq!(figure.author, "amina");
    assert_eq!(figure.before["fatalities"]["best"], serde_json::json!(12));
    assert_eq!(figure.after["fatalities"]["best"], serde_json::json!(13));
}

#[test]
fn a_correction_whose_reports_are_gone_is_listed_as_stale() {
    let mut s = store_with_fixture();
    let kayes = incident_of(&s, "kayes-en").unwrap();
    correct(&mut s, &kayes.id, Operation::NotAnEvent, None);
    // A new version of the article no longer reports any incident.
    let gone = vigie_core::process_batch(&[article(
        "kayes-en",
        "This is a fictional text written for Vigie's tests. The weather was fine.",
        "2031-06-03",
        "en",
    )]);
    s.ingest(&gone).unwrap();
    s.relink().unwrap();
    let stale = s.corrections(true).unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].incident, kayes.id);
    assert!(stale[0].stale.as_deref().unwrap().contains("gone"));
    // Its history is still there under the id the analyst saw.
    assert_eq!(s.history(&kayes.id).unwrap().len(), 1);
}

#[test]
fn bad_corrections_are_refused_with_one_line_and_nothing_written() {
    let mut s = store_with_fixture();
    let niono = incident_of(&s, "niono-fr").unwrap();
    let mut try_op = |incident: &str, operation: Operation| {
        s.correct(&CorrectionRequest {
            incident: incident.into(),
            operation,
            note: None,
            author: "amina".into(),
        })
        .unwrap_err()
        .to_string()
    };
    let e = try_op("nope", Operation::Confirm);
    assert_eq!(e, "no incident nope");
    let e = try_op(
        &niono.id,
        Operation::Split {
            articles: vec!["niono-en".into(), "niono-fr".into()],
        },
    );
    assert!(e.contains("every report"), "{e}");
    let e = try_op(
        &niono.id,
        Operation::Split {
            articles: vec!["djenne-en".into()],
        },
    );
    assert!(e.contains("not a report"), "{e}");
    let e = try_op(
        &niono.id,
        Operation::Edit {
            edit: FieldEdit::Type {
                sub_event_type: "Picnic".into(),
            },
        },
    );
    assert!(e.starts_with("type: \"Picnic\""), "{e}");
    let e = try_op(
        &niono.id,
        Operation::Edit {
            edit: FieldEdit::Figure {
                figure: "fatalities".into(),
                low: Some(5),
                best: Some(3),
                high: None,
            },
        },
    );
    assert!(e.contains("low ≤ best ≤ high"), "{e}");
    assert!(PlaceValue::from_coordinates("91,3", "x").is_err());
    assert!(s.corrections(false).unwrap().is_empty());
}

#[test]
fn corrections_follow_their_articles_when_new_rules_rename_the_mentions() {
    let mut s = store_with_fixture();
    let niono = incident_of(&s, "niono-fr").unwrap();
    correct(
        &mut s,
        &niono.id,
        Operation::Split {
            articles: vec!["niono-en".into()],
        },
        None,
    );
    let niono_fr = incident_of(&s, "niono-fr").unwrap();
    correct(
        &mut s,
        &niono_fr.id,
        Operation::Edit {
            edit: FieldEdit::Figure {
                figure: "fatalities".into(),
                low: None,
                best: Some(20),
                high: None,
            },
        },
        None,
    );
    let old_mentions: Vec<String> = s.corrections(false).unwrap()[1].reports.mentions.clone();
    // What new extraction rules do to mention ids (they hash what was extracted): rename every
    // stored mention, in its row, its JSON and its link key, then relink.
    let rename = match s.conn.dialect() {
        db::Dialect::Sqlite => {
            "UPDATE mentions SET id = 'new-' || id,
                                 data = json_set(data, '$.id', 'new-' || json_extract(data, '$.id'));
             UPDATE mention_keys SET link_key =
                 json_set(link_key, '$.id', 'new-' || json_extract(link_key, '$.id'));"
        }
        db::Dialect::Postgres => {
            "UPDATE mentions SET id = 'new-' || id,
                 data = jsonb_set(data::jsonb, '{id}', to_jsonb('new-' || (data::jsonb ->> 'id')))::text;
             UPDATE mention_keys SET link_key =
                 jsonb_set(link_key::jsonb, '{id}', to_jsonb('new-' || (link_key::jsonb ->> 'id')))::text;"
        }
    };
    s.conn.execute_batch(rename).unwrap();
    // Written behind the store's back, as `reprocess` does it (which also drops the saved link
    // state): regroup everything.
    s.relink_full().unwrap();
    let fr = incident_of(&s, "niono-fr").unwrap();
    let ids: Vec<String> = s
        .conn
        .query_map(
            "SELECT mention_id FROM incident_mentions WHERE incident_id = ?1",
            params![fr.id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        ids.iter().all(|m| !old_mentions.contains(m)),
        "the mentions were not renamed: the test proves nothing"
    );
    assert_eq!(
        refs(&fr),
        ["niono-fr"],
        "split lost with the new mention ids"
    );
    assert_eq!(
        fr.fatalities.best,
        Some(20),
        "edit lost with the new mention ids"
    );
    assert!(s.corrections(true).unwrap().is_empty());
}

#[test]
fn a_date_moved_to_another_government_renames_the_state_forces() {
    let mut s = store_with_fixture();
    let niono = incident_of(&s, "niono-fr").unwrap();
    let army = |v: &IncidentView| {
        [&v.actor1, &v.actor2]
            .into_iter()
            .flatten()
            .find(|a| a.starts_with("Military Forces of Mali"))
            .cloned()
    };
    assert_eq!(
        army(&niono).as_deref(),
        Some("Military Forces of Mali (2021-)")
    );
    // The analyst finds the attack was in 2019, under the previous government.
    correct(
        &mut s,
        &niono.id,
        Operation::Edit {
            edit: FieldEdit::Date {
                date: "2019-03-03".into(),
                precision: 1,
            },
        },
        Some("archive date"),
    );
    let check = |s: &Store| {
        let v = incident_of(s, "niono-fr").unwrap();
        assert_eq!(v.date.as_deref(), Some("2019-03-03"));
        assert_eq!(
            army(&v).as_deref(),
            Some("Military Forces of Mali (2013-2020)")
        );
    };
    check(&s);
    s.relink().unwrap();
    check(&s);
}
