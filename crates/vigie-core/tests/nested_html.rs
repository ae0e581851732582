//! Deeply nested HTML (RELIABILITY.md, Open): the element nesting handed to Readability is
//! bounded (`document::html::MAX_NESTING`) and the text of the deep content is kept; pages
//! within the bound give exactly the document they gave before the bound existed.
//! The pages are written for this test (fictional reports).

use vigie_core::document::{self, html};
use vigie_core::{Article, Body, Document};

const FR_SENTENCE: &str =
    "Des hommes armés ont attaqué le poste de gendarmerie de Djibo mardi soir.";
const EN_SENTENCE: &str = "Gunmen attacked the army post near Kaya on Tuesday night.";

fn page(lang: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>Rapport</title></head><body>{body}</body></html>"
    )
}

fn build(html: &str) -> Document {
    document::build(&Article {
        body: Body::Html(html.to_string()),
        ..Article::text("nested", "")
    })
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Deep pages of several shapes: the deep sentence survives, the depth handed on is bounded.
#[test]
fn deep_pages_keep_their_text_and_are_bounded() {
    let n = 5_000;
    let shapes: Vec<(&str, String)> = vec![
        (
            "div",
            format!("{}{FR_SENTENCE}{}", "<div>".repeat(n), "</div>".repeat(n)),
        ),
        (
            "table",
            format!(
                "{}{EN_SENTENCE}{}",
                "<table><tr><td>".repeat(n / 3),
                "</td></tr></table>".repeat(n / 3)
            ),
        ),
        (
            "ul li",
            format!(
                "{}{FR_SENTENCE}{}",
                "<ul><li>".repeat(n / 2),
                "</li></ul>".repeat(n / 2)
            ),
        ),
        (
            "span",
            format!("{}{EN_SENTENCE}{}", "<span>".repeat(n), "</span>".repeat(n)),
        ),
        ("b unclosed", format!("{}{EN_SENTENCE}", "<b>".repeat(n))),
        ("section", format!("{}{FR_SENTENCE}", "<section>".repeat(n))),
        // Misnested formatting elements: each `</div>` leaves its `<b>` among the active
        // formatting elements, which the parser reopens, nested, before the next text.
        (
            "formatting",
            format!(
                "{}{EN_SENTENCE}",
                (0..n / 2)
                    .map(|i| format!("<div><b id=b{i}></div>"))
                    .collect::<String>()
            ),
        ),
    ];
    for (name, body) in shapes {
        let lang = if body.contains(FR_SENTENCE) {
            "fr"
        } else {
            "en"
        };
        let sentence = if lang == "fr" {
            FR_SENTENCE
        } else {
            EN_SENTENCE
        };
        let html = page(lang, &body);
        let depth = html::nesting(&html);
        // The parser held its open elements within its bound, and the tree handed on is
        // within its own.
        assert!(depth.dropped > 0, "{name}: {depth:?}");
        assert!(depth.parsed <= html::MAX_OPEN + 1, "{name}: {depth:?}");
        assert!(depth.handed <= html::MAX_NESTING + 1, "{name}: {depth:?}");
        let ex = html::extract(&html);
        assert_eq!(ex.nesting, depth, "{name}");
        assert!(squash(&ex.text).contains(sentence), "{name}: {:?}", ex.text);
        let doc = build(&html);
        assert!(doc.text.contains(sentence), "{name}: {:?}", doc.text);
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| d.message.contains("nested too deep")),
            "{name}: {:?}",
            doc.diagnostics
        );
    }
}

/// Text at every level of a deep tree is kept in order; sibling blocks below the bound do not
/// run together; scripts, styles, hidden elements and furniture below the bound are dropped,
/// not turned into text.
#[test]
fn deep_content_keeps_order_and_block_breaks_and_drops_what_is_no_text() {
    let n = 400;
    let mut body = String::new();
    for i in 0..n {
        body.push_str(&format!("<div>niveau{i} "));
    }
    body.push_str("<p>Premier paragraphe.</p><p>Second paragraphe.</p>");
    body.push_str("<script>var secret = 'script';</script><style>.x{color:red}</style>");
    body.push_str("<div hidden>texte caché</div><nav>menu de navigation</nav>");
    // Out of place, a <head> is ignored; beyond the bound it must not hide what follows.
    body.push_str("<head><span>Une</span> <em>phrase</em> <b>entière</b>.");
    body.push_str(&"</div>".repeat(n));
    let html = page("fr", &body);
    let depth = html::nesting(&html);
    assert!(depth.dropped > 0, "{depth:?}");
    assert!(depth.handed <= html::MAX_NESTING + 1, "{depth:?}");

    let text = html::extract(&html).text;
    let words: Vec<&str> = text.split_whitespace().collect();
    // The text of every level below the bound (div i is at depth i + 3), in order, each its own
    // word. (Readability picks the deepest part as the article and leaves the shallow levels,
    // each a short text in a wrapper, out: its choice, not the bound's.)
    let levels: Vec<usize> = words
        .iter()
        .filter_map(|w| w.strip_prefix("niveau"))
        .map(|i| i.parse().expect("a level"))
        .collect();
    let first_unwrapped = html::MAX_NESTING - 2;
    assert!(
        levels.first().is_some_and(|&l| l <= first_unwrapped),
        "{text:?}"
    );
    let expected: Vec<usize> = (levels[0]..n).collect();
    assert_eq!(levels, expected, "{text:?}");
    assert!(text.contains("Premier paragraphe."), "{text:?}");
    assert!(text.contains("Second paragraphe."), "{text:?}");
    assert!(!text.contains("paragraphe.Second"), "{text:?}");
    assert!(squash(&text).contains("Une phrase entière."), "{text:?}");
    for hidden in ["secret", "color:red", "texte caché", "menu de navigation"] {
        assert!(!text.contains(hidden), "{hidden}: {text:?}");
    }
}

/// Pages within the bound are handed on untouched.
#[test]
fn pages_within_the_bound_are_not_touched() {
    let n = html::MAX_NESTING - 2; // html, body, then n divs: exactly the bound
    let body = format!("{}{EN_SENTENCE}{}", "<div>".repeat(n), "</div>".repeat(n));
    let html = page("en", &body);
    let depth = html::nesting(&html);
    assert_eq!(depth.dropped, 0);
    assert_eq!(depth.parsed, html::MAX_NESTING);
    assert_eq!(depth.handed, html::MAX_NESTING);
    let doc = build(&html);
    assert!(!doc
        .diagnostics
        .iter()
        .any(|d| d.message.contains("nested too deep")));
    for (name, html) in normal_pages() {
        let depth = html::nesting(&html);
        assert!(!depth.bounded(), "{name}: {depth:?}");
        assert_eq!(depth.parsed, depth.handed, "{name}");
    }
}

/// Ordinary pages, French and English, written for this test: a full article with page
/// furniture, a short brief (the fallback path), a list-and-table report, a page of a few
/// dozen wrapper elements, and tag soup (unclosed paragraphs and formatting elements).
fn normal_pages() -> Vec<(&'static str, String)> {
    let fr_article = r#"<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>Attaque contre un poste de gendarmerie à Djibo | Le Veilleur du Sahel</title>
<meta property="article:published_time" content="2025-03-04T09:15:00+00:00">
<script>window.dataLayer = [];</script><style>body { font-family: serif; }</style>
</head><body>
<header><a href="/">Le Veilleur du Sahel</a><nav><ul><li><a href="/politique">Politique</a></li><li><a href="/securite">Sécurité</a></li><li><a href="/economie">Économie</a></li></ul></nav></header>
<main><article>
<h1>Attaque contre un poste de gendarmerie à Djibo</h1>
<p class="meta">Par la rédaction, le 4 mars 2025</p>
<p>Des hommes armés ont attaqué le poste de gendarmerie de Djibo dans la nuit de lundi à mardi, a-t-on appris de sources locales. Selon un responsable municipal, les assaillants sont arrivés à moto vers deux heures du matin et ont ouvert le feu sur le bâtiment.</p>
<p>Trois gendarmes ont été tués et cinq autres blessés, d&rsquo;après un communiqué publié mardi par le gouvernorat de la région du Sahel. Les blessés ont été évacués vers l&#8217;hôpital de Ouahigouya.</p>
<p>Les forces de défense ont lancé une opération de ratissage dans les villages voisins. Aucune revendication n&rsquo;avait été publiée mardi soir.</p>
<blockquote><p>« Nous avons entendu des tirs pendant près d&rsquo;une heure », a raconté un commerçant joint par téléphone.</p></blockquote>
<p>La même localité avait déjà été visée en janvier, lorsqu&rsquo;un convoi de ravitaillement était tombé dans une embuscade sur la route de Namsiguia.</p>
</article>
<aside><h2>À lire aussi</h2><ul><li><a href="/a">Les prix du mil en hausse</a></li><li><a href="/b">Rentrée scolaire reportée</a></li></ul></aside>
</main>
<footer><p>© 2025 Le Veilleur du Sahel. Tous droits réservés.</p><form><input type="email"><button>S&rsquo;abonner</button></form></footer>
</body></html>"#;
    let en_brief = r#"<!doctype html>
<html lang="en"><head><title>Briefs</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<div class="brief"><p>Two soldiers were killed near Kaya on Tuesday.</p></div>
<footer>Contact us</footer>
</body></html>"#;
    let en_report = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Weekly security report: northern Burkina Faso</title>
<meta name="date" content="2025-06-12"></head><body>
<div id="page"><div class="content"><article>
<h1>Weekly security report: northern Burkina Faso</h1>
<p>This report covers incidents recorded between 5 and 11 June 2025 in the Sahel and Nord regions. Figures come from local officials and humanitarian partners and could not all be confirmed independently.</p>
<h2>Main incidents</h2>
<ul>
<li>On 6 June, gunmen attacked a market in Arbinda and killed at least seven civilians.</li>
<li>On 8 June, an improvised explosive device hit a military vehicle on the road between Kaya and Dori; two soldiers were wounded.</li>
<li>On 10 June, armed men abducted four people from a village near Titao.</li>
</ul>
<table><thead><tr><th>Region</th><th>Incidents</th><th>Deaths</th></tr></thead>
<tbody><tr><td>Sahel</td><td>4</td><td>9</td></tr><tr><td>Nord</td><td>2</td><td>1</td></tr></tbody></table>
<p>Humanitarian access remained limited on the main roads. Several organisations suspended their activities in the area after the attack in Arbinda.</p>
<figure><img src="map.png" alt="Map of the incidents"><figcaption>Incidents recorded this week.</figcaption></figure>
</article></div></div>
</body></html>"#;
    // A page built of wrapper elements, as content management systems emit: 40 levels.
    let mut wrapped = String::from(
        "<!doctype html><html lang=\"fr\"><head><title>Affrontements près de Gao</title></head><body>",
    );
    for i in 0..40 {
        wrapped.push_str(&format!("<div class=\"wrap-{i}\">"));
    }
    wrapped.push_str("<article><h1>Affrontements près de Gao</h1>\
        <p>Des affrontements ont opposé l'armée à un groupe armé au nord de Gao samedi, selon des sources sécuritaires. Le bilan provisoire fait état de douze morts parmi les assaillants et de deux soldats blessés.</p>\
        <p>Les combats ont duré plusieurs heures autour du village de Tacharane. Des renforts aériens ont été dépêchés dans l'après-midi, a indiqué l'état-major dans un communiqué.</p>\
        <p>Les habitants ont fui vers la ville, où une centaine de familles ont trouvé refuge dans des écoles.</p></article>");
    wrapped.push_str(&"</div>".repeat(40));
    wrapped.push_str("</body></html>");
    let soup = r#"<html lang="en"><head><title>Clashes reported in Mopti</title></head><body>
<p><b>MOPTI</b> — Clashes between two armed groups were reported on Sunday near the town of Mopti.
<p>Residents said the fighting began at dawn and lasted <i>until the early afternoon</i>. <font color="red">At least five people were killed</font>, according to a local health worker.
<p>The army said it had sent a patrol to the area. <b>No group has claimed <i>responsibility</b> for the violence.</i>
<p>Markets in the town stayed closed on Monday.
</body></html>"#;
    vec![
        ("fr article", fr_article.to_string()),
        ("en brief", en_brief.to_string()),
        ("en report", en_report.to_string()),
        ("fr wrapped", wrapped),
        ("en soup", soup.to_string()),
    ]
}

/// What a page gave: text, title, date, language, paragraph count, sentence spans.
type Expected = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    usize,
    &'static [(usize, usize)],
);

/// Exactly what each normal page gave before the bound existed (recorded with the code of the
/// commit before it).
#[test]
fn normal_pages_give_the_same_document() {
    let expected: Vec<Expected> = vec![
        ("fr article", "Par la rédaction, le 4 mars 2025\n\nDes hommes armés ont attaqué le poste de gendarmerie de Djibo dans la nuit de lundi à mardi, a-t-on appris de sources locales. Selon un responsable municipal, les assaillants sont arrivés à moto vers deux heures du matin et ont ouvert le feu sur le bâtiment.\n\nTrois gendarmes ont été tués et cinq autres blessés, d’après un communiqué publié mardi par le gouvernorat de la région du Sahel. Les blessés ont été évacués vers l’hôpital de Ouahigouya.\n\nLes forces de défense ont lancé une opération de ratissage dans les villages voisins. Aucune revendication n’avait été publiée mardi soir.\n\n« Nous avons entendu des tirs pendant près d’une heure », a raconté un commerçant joint par téléphone.\n\nLa même localité avait déjà été visée en janvier, lorsqu’un convoi de ravitaillement était tombé dans une embuscade sur la route de Namsiguia.", Some("Attaque contre un poste de gendarmerie à Djibo"), Some("2025-03-04"), "fr", 6, &[(0, 33), (35, 164), (165, 299), (301, 440), (441, 506), (508, 596), (597, 654), (656, 767), (769, 922)]),
        ("en brief", "Two soldiers were killed near Kaya on Tuesday.", Some("Briefs"), None, "en", 1, &[(0, 46)]),
        ("en report", "This report covers incidents recorded between 5 and 11 June 2025 in the Sahel and Nord regions. Figures come from local officials and humanitarian partners and could not all be confirmed independently.\n\nMain incidents\n\nOn 6 June, gunmen attacked a market in Arbinda and killed at least seven civilians.\nOn 8 June, an improvised explosive device hit a military vehicle on the road between Kaya and Dori; two soldiers were wounded.\nOn 10 June, armed men abducted four people from a village near Titao.\n\nRegion Incidents Deaths\nSahel 4 9\nNord 2 1\n\nHumanitarian access remained limited on the main roads. Several organisations suspended their activities in the area after the attack in Arbinda.\n\nIncidents recorded this week.", Some("Weekly security report: northern Burkina Faso"), None, "en", 10, &[(0, 95), (96, 201), (203, 217), (219, 302), (303, 429), (430, 499), (501, 524), (525, 534), (535, 543), (545, 600), (601, 690), (692, 721)]),
        ("fr wrapped", "Des affrontements ont opposé l'armée à un groupe armé au nord de Gao samedi, selon des sources sécuritaires. Le bilan provisoire fait état de douze morts parmi les assaillants et de deux soldats blessés.\n\nLes combats ont duré plusieurs heures autour du village de Tacharane. Des renforts aériens ont été dépêchés dans l'après-midi, a indiqué l'état-major dans un communiqué.\n\nLes habitants ont fui vers la ville, où une centaine de familles ont trouvé refuge dans des écoles.", Some("Affrontements près de Gao"), None, "fr", 3, &[(0, 113), (114, 210), (212, 282), (283, 392), (394, 496)]),
        ("en soup", "Clashes between two armed groups were reported on Sunday near the town of Mopti.\n\nResidents said the fighting began at dawn and lasted until the early afternoon. At least five people were killed, according to a local health worker.\n\nThe army said it had sent a patrol to the area. No group has claimed responsibility for the violence.\n\nMarkets in the town stayed closed on Monday.", Some("Clashes reported in Mopti"), None, "en", 4, &[(0, 80), (82, 161), (162, 231), (233, 280), (281, 334), (336, 380)]),
    ];
    let pages = normal_pages();
    assert_eq!(pages.len(), expected.len());
    for ((name, html), want) in pages.iter().zip(expected) {
        let (want_name, text, title, published, lang, paragraphs, sentences) = want;
        assert_eq!(*name, want_name);
        let doc = build(html);
        assert_eq!(doc.text, text, "{name}");
        assert_eq!(doc.title.as_deref(), title, "{name}");
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            published,
            "{name}"
        );
        assert_eq!(doc.language.code(), lang, "{name}");
        assert_eq!(doc.paragraphs.len(), paragraphs, "{name}");
        let spans: Vec<(usize, usize)> = doc.sentences.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(spans, sentences, "{name}");
    }
}
