//! Communal violence: the two communities a sentence sets against each other ("des
//! affrontements entre Peuls et Dogons", "clashes between herders and farmers"), the sides ACLED
//! codes as identity militias ("Fulani Ethnic Militia (Mali)", "Unidentified Communal Militia
//! (Chad)").

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::lexicon::{fold, rows};

/// One side of communal violence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Community {
    /// Named: the community as ACLED writes it ("Fulani").
    Named(String),
    /// Told only by a trade or as a community ("des éleveurs", "farmers", "deux communautés").
    Unnamed,
}

impl Community {
    /// ACLED's name for the militia of this community in `country`.
    pub fn militia(&self, country: &str) -> String {
        match self {
            Community::Named(name) => format!("{name} Ethnic Militia ({country})"),
            Community::Unnamed => format!("Unidentified Communal Militia ({country})"),
        }
    }
}

/// `data/communities.tsv`: folded forms (one or two words) → the community's name, and the
/// words of communal violence by class.
struct Lexicon {
    names: HashMap<String, &'static str>,
    clash: HashSet<String>,
    communal: HashSet<String>,
    side: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        names: HashMap::new(),
        clash: HashSet::new(),
        communal: HashSet::new(),
        side: HashSet::new(),
    };
    for row in rows(include_str!("../../data/communities.tsv")) {
        let (Some(form), Some(value)) = (row.first(), row.get(1)) else {
            continue;
        };
        let form = fold(form);
        match *value {
            ":clash" => lexicon.clash.insert(form),
            ":communal" => lexicon.communal.insert(form),
            ":side" => lexicon.side.insert(form),
            name => lexicon.names.insert(form, name).is_none(),
        };
    }
    lexicon
});

fn clash_noun(w: &str) -> bool {
    LEXICON.clash.contains(w)
}

fn communal_adjective(w: &str) -> bool {
    LEXICON.communal.contains(w)
}

fn community_word(w: &str) -> bool {
    LEXICON.side.contains(w)
}

/// How many words may stand between the word of violence and "entre"/"between"
/// ("des affrontements intercommunautaires meurtriers entre").
const CLASH_REACH: usize = 4;

/// Words that may come before a side's name ("les membres des communautés", "the two").
const FILLERS: [&str; 22] = [
    "les",
    "des",
    "d",
    "de",
    "du",
    "la",
    "l",
    "ces",
    "the",
    "of",
    "membres",
    "members",
    "groupe",
    "groupes",
    "group",
    "groups",
    "peuple",
    "peuples",
    "people",
    "peoples",
    "populations",
    "rival",
];

/// "deux communautés", "two ethnic groups": both sides told at once.
const TWO: [&str; 2] = ["deux", "two"];

const AND: [&str; 3] = ["et", "and", "&"];

/// How many words a side may take before its name.
const SIDE_REACH: usize = 6;

/// The two communities a folded sentence sets against each other, if it tells violence between
/// them: "affrontements entre Peuls et Dogons" → (Fulani, Dogon); "clashes between herders and
/// farmers" → (unnamed, unnamed). `None` when either side is not a community ("between the
/// Fulani owners of the cattle and the state government").
pub fn at_odds(folded_sentence: &str) -> Option<(Community, Community)> {
    if !folded_sentence.contains("entre") && !folded_sentence.contains("between") {
        return None;
    }
    let tokens = tokens(folded_sentence);
    tokens.iter().enumerate().find_map(|(i, w)| {
        if !matches!(*w, "entre" | "between") {
            return None;
        }
        let clash = tokens[i.saturating_sub(CLASH_REACH)..i]
            .iter()
            .any(|w| clash_noun(w));
        if !clash {
            return None;
        }
        sides(&tokens, i + 1)
    })
}

/// Does a folded sentence call violence communal without naming its sides ("des affrontements
/// intercommunautaires", "communal clashes", "inter-ethnic violence")?
pub fn communal(folded_sentence: &str) -> bool {
    if !["communa", "ethni"]
        .iter()
        .any(|w| folded_sentence.contains(w))
    {
        return false;
    }
    tokens(folded_sentence).windows(2).any(|w| {
        (clash_noun(w[0]) && communal_adjective(w[1]))
            || (communal_adjective(w[0]) && clash_noun(w[1]))
    })
}

/// Words, with "&" kept as one ("Dogons & Fulanis").
fn tokens(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&folded[s..i]);
        }
        if c == '&' {
            out.push(&folded[i..i + 1]);
        }
    }
    if let Some(s) = start {
        out.push(&folded[s..]);
    }
    out
}

/// The community named at `tokens[j]` (two words first: "arabes choa" may be listed), with the
/// number of words it takes.
fn named_at(tokens: &[&str], j: usize) -> Option<(&'static str, usize)> {
    if let Some(next) = tokens.get(j + 1) {
        if let Some(name) = LEXICON.names.get(&format!("{} {next}", tokens[j])) {
            return Some((name, 2));
        }
    }
    LEXICON.names.get(*tokens.get(j)?).map(|name| (*name, 1))
}

/// The two sides after "entre"/"between" at `from`.
fn sides(tokens: &[&str], from: usize) -> Option<(Community, Community)> {
    let (first, end, two) = side(tokens, from, false)?;
    // ("les communautés Arabes Choa et Mousgoum": a word or two may follow the name)
    let and = (end..(end + 3).min(tokens.len())).find(|&k| AND.contains(&tokens[k]));
    match and {
        Some(k) => {
            let (second, ..) = side(tokens, k + 1, false)?;
            (first != second || first == Community::Unnamed).then_some((first, second))
        }
        // "entre deux communautés": both sides, unnamed
        None if two && first == Community::Unnamed => {
            Some((Community::Unnamed, Community::Unnamed))
        }
        None => None,
    }
}

/// One side starting at `from`: the community, where its words end, and whether "deux"/"two"
/// was among them. (`nested`: already inside one side's second trade; no third is read.)
fn side(tokens: &[&str], from: usize, nested: bool) -> Option<(Community, usize, bool)> {
    let mut told = false;
    let mut two = false;
    let mut j = from;
    while j < tokens.len() && j < from + SIDE_REACH {
        if let Some((name, len)) = named_at(tokens, j) {
            return Some((Community::Named(name.to_string()), j + len, two));
        }
        let w = tokens[j];
        if community_word(w) {
            told = true;
        } else if TWO.contains(&w) {
            two = true;
        } else if AND.contains(&w) && told && !nested {
            // ("des pêcheurs et agriculteurs mousgoum": one side told by two trades, when a
            // name follows them; "entre éleveurs et agriculteurs" is two sides)
            return match side(tokens, j + 1, true) {
                Some((Community::Named(name), end, _)) => Some((Community::Named(name), end, two)),
                _ => Some((Community::Unnamed, j, two)),
            };
        } else if !FILLERS.contains(&w) {
            break;
        }
        j += 1;
    }
    told.then_some((Community::Unnamed, j, two))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odds(s: &str) -> Option<(Community, Community)> {
        at_odds(&fold(s))
    }

    fn named(n: &str) -> Community {
        Community::Named(n.to_string())
    }

    #[test]
    fn two_named_communities_fr_en() {
        assert_eq!(
            odds("De violents affrontements entre Peuls et Dogons ont fait trois morts."),
            Some((named("Fulani"), named("Dogon")))
        );
        assert_eq!(
            odds("Renewed violence between Dogons & Fulanis near Koro."),
            Some((named("Dogon"), named("Fulani")))
        );
        assert_eq!(
            odds("Clashes between the Konkomba and Chokosi ethnic groups left two dead."),
            Some((named("Konkomba"), named("Chokosi")))
        );
        assert_eq!(
            odds("des heurts entre les communautés Arabes Choa et Mousgoum"),
            Some((named("Arab"), named("Mousgoum")))
        );
    }

    #[test]
    fn communities_told_by_their_trade_fr_en() {
        assert_eq!(
            odds("Des affrontements entre éleveurs et agriculteurs ont fait dix morts."),
            Some((Community::Unnamed, Community::Unnamed))
        );
        assert_eq!(
            odds("Fighting between herders and farmers killed ten people."),
            Some((Community::Unnamed, Community::Unnamed))
        );
        assert_eq!(
            odds("des affrontements entre éleveurs peuls et pêcheurs et agriculteurs bozos"),
            Some((named("Fulani"), named("Bozo")))
        );
        assert_eq!(
            odds("des violences entre deux communautés du village"),
            Some((Community::Unnamed, Community::Unnamed))
        );
    }

    #[test]
    fn communal_violence_that_names_no_community_fr_en() {
        let communal = |s: &str| super::communal(&fold(s));
        assert!(communal(
            "Les affrontements intercommunautaires ont fait onze morts à Béoumi."
        ));
        assert!(communal(
            "One man was killed in communal clashes near Tenenkou."
        ));
        assert!(communal("Inter-ethnic violence left three dead."));
        assert!(!communal("a communal meeting"));
        assert!(!communal("la radio communautaire a été incendiée"));
    }

    #[test]
    fn a_side_that_is_no_community_or_no_violence_between_them() {
        // (the other side is a government)
        assert_eq!(
            odds("a conflict between the Fulani owners of the cattle and the state government"),
            None
        );
        // (no word of violence before "between")
        assert_eq!(odds("a meeting between Fulani and Dogon elders"), None);
        assert_eq!(odds("une réunion entre Peuls et Dogons"), None);
    }
}
