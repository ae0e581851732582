//! The values that flow through the pipeline: Article → Document → Mention → Incident.
//!
//! Everything here is plain data. Serde derives are for the outer crates (store, CLI, API);
//! this crate itself never formats JSON or touches a database.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

pub use vigie_geo::ResolvedPlace;

/// One input report, as read by the CLI or received by the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The input record's `id`, else its URL, else the file name without extension.
    pub reference: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Publication date when the source gives one (never the ingestion date).
    pub published: Option<NaiveDate>,
    /// Language declared by the source ("fr", "en"); the detector has the last word.
    pub declared_language: Option<String>,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Body {
    Text(String),
    Html(String),
}

impl Article {
    pub fn text(reference: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            reference: reference.into(),
            url: None,
            title: None,
            outlet: None,
            published: None,
            declared_language: None,
            body: Body::Text(text.into()),
        }
    }

    /// Size of the body in bytes, text or HTML (for throughput figures).
    pub fn body_len(&self) -> usize {
        match &self.body {
            Body::Text(t) => t.len(),
            Body::Html(h) => h.len(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    En,
    /// Identified, but not a language Vigie extracts from.
    Other,
    /// Too little text to tell.
    Unknown,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
            Language::Other => "other",
            Language::Unknown => "unknown",
        }
    }
    pub fn is_supported(self) -> bool {
        matches!(self, Language::Fr | Language::En)
    }
    pub fn from_code(code: &str) -> Language {
        match code {
            "fr" => Language::Fr,
            "en" => Language::En,
            "unknown" => Language::Unknown,
            _ => Language::Other,
        }
    }
}

/// A message about one input that did not stop the pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub stage: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
}

impl Diagnostic {
    pub fn info(stage: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            stage: stage.to_string(),
            message: message.into(),
        }
    }
    pub fn warning(stage: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            stage: stage.to_string(),
            message: message.into(),
        }
    }
}

/// A byte range in a document's cleaned text.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

// ---------------------------------------------------------------------------
// ACLED taxonomy
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum EventType {
    Battles,
    Protests,
    Riots,
    ExplosionsRemoteViolence,
    ViolenceAgainstCivilians,
    StrategicDevelopments,
}

impl EventType {
    pub fn label(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }
    pub fn from_label(s: &str) -> Option<EventType> {
        EventType::ALL
            .into_iter()
            .find(|t| t.label().eq_ignore_ascii_case(s))
    }
    pub const ALL: [EventType; 6] = [
        EventType::Battles,
        EventType::Protests,
        EventType::Riots,
        EventType::ExplosionsRemoteViolence,
        EventType::ViolenceAgainstCivilians,
        EventType::StrategicDevelopments,
    ];
    /// ACLED disorder type of this event type.
    pub fn disorder_type(self) -> &'static str {
        match self {
            EventType::Protests | EventType::Riots => "Demonstrations",
            EventType::StrategicDevelopments => "Strategic developments",
            _ => "Political violence",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum SubEventType {
    GovernmentRegainsTerritory,
    NonStateActorOvertakesTerritory,
    ArmedClash,
    ExcessiveForceAgainstProtesters,
    ProtestWithIntervention,
    PeacefulProtest,
    ViolentDemonstration,
    MobViolence,
    ChemicalWeapon,
    AirDroneStrike,
    SuicideBomb,
    ShellingArtilleryMissileAttack,
    RemoteExplosiveLandmineIed,
    Grenade,
    SexualViolence,
    Attack,
    AbductionForcedDisappearance,
    Agreement,
    Arrests,
    ChangeToGroupActivity,
    DisruptedWeaponsUse,
    HeadquartersOrBaseEstablished,
    LootingPropertyDestruction,
    NonViolentTransferOfTerritory,
    Other,
}

impl SubEventType {
    pub const ALL: [SubEventType; 25] = [
        SubEventType::GovernmentRegainsTerritory,
        SubEventType::NonStateActorOvertakesTerritory,
        SubEventType::ArmedClash,
        SubEventType::ExcessiveForceAgainstProtesters,
        SubEventType::ProtestWithIntervention,
        SubEventType::PeacefulProtest,
        SubEventType::ViolentDemonstration,
        SubEventType::MobViolence,
        SubEventType::ChemicalWeapon,
        SubEventType::AirDroneStrike,
        SubEventType::SuicideBomb,
        SubEventType::ShellingArtilleryMissileAttack,
        SubEventType::RemoteExplosiveLandmineIed,
        SubEventType::Grenade,
        SubEventType::SexualViolence,
        SubEventType::Attack,
        SubEventType::AbductionForcedDisappearance,
        SubEventType::Agreement,
        SubEventType::Arrests,
        SubEventType::ChangeToGroupActivity,
        SubEventType::DisruptedWeaponsUse,
        SubEventType::HeadquartersOrBaseEstablished,
        SubEventType::LootingPropertyDestruction,
        SubEventType::NonViolentTransferOfTerritory,
        SubEventType::Other,
    ];

    pub fn label(self) -> &'static str {
        use SubEventType::*;
        match self {
            GovernmentRegainsTerritory => "Government regains territory",
            NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
            ArmedClash => "Armed clash",
            ExcessiveForceAgainstProtesters => "Excessive force against protesters",
            ProtestWithIntervention => "Protest with intervention",
            PeacefulProtest => "Peaceful protest",
            ViolentDemonstration => "Violent demonstration",
            MobViolence => "Mob violence",
            ChemicalWeapon => "Chemical weapon",
            AirDroneStrike => "Air/drone strike",
            SuicideBomb => "Suicide bomb",
            ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
            RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
            Grenade => "Grenade",
            SexualViolence => "Sexual violence",
            Attack => "Attack",
            AbductionForcedDisappearance => "Abduction/forced disappearance",
            Agreement => "Agreement",
            Arrests => "Arrests",
            ChangeToGroupActivity => "Change to group/activity",
            DisruptedWeaponsUse => "Disrupted weapons use",
            HeadquartersOrBaseEstablished => "Headquarters or base established",
            LootingPropertyDestruction => "Looting/property destruction",
            NonViolentTransferOfTerritory => "Non-violent transfer of territory",
            Other => "Other",
        }
    }

    pub fn from_label(s: &str) -> Option<SubEventType> {
        SubEventType::ALL
            .into_iter()
            .find(|t| t.label().eq_ignore_ascii_case(s))
    }

    /// The event type this sub-event type belongs to (ACLED's hierarchy).
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            GovernmentRegainsTerritory | NonStateActorOvertakesTerritory | ArmedClash => {
                EventType::Battles
            }
            ExcessiveForceAgainstProtesters | ProtestWithIntervention | PeacefulProtest => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => EventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | AbductionForcedDisappearance => {
                EventType::ViolenceAgainstCivilians
            }
            _ => EventType::StrategicDevelopments,
        }
    }
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// ACLED time precision: 1 day, 2 week, 3 month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum TimePrecision {
    Day = 1,
    Week = 2,
    Month = 3,
}

impl TimePrecision {
    pub fn code(self) -> u8 {
        self as u8
    }
    pub fn from_code(c: i64) -> Option<TimePrecision> {
        match c {
            1 => Some(TimePrecision::Day),
            2 => Some(TimePrecision::Week),
            3 => Some(TimePrecision::Month),
            _ => None,
        }
    }
    /// How many days either side of the coded date the true day may lie.
    pub fn slack_days(self) -> i64 {
        match self {
            TimePrecision::Day => 0,
            TimePrecision::Week => 3,
            TimePrecision::Month => 15,
        }
    }
}

/// A resolved event date: the ACLED coded day (middle of the week/month when imprecise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventDate {
    pub date: NaiveDate,
    pub precision: TimePrecision,
}

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

/// A reported number with its qualifier, as a closed or half-open range.
///
/// "plus de 150" → low 150, high None; "près de 160" → 160 approx; "trois à quatre" → 3..4;
/// "une centaine" → ≈100; "plusieurs" → ACLED's 3 (vague).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Quantity {
    /// Lowest value the wording allows.
    pub low: u32,
    /// Highest value the wording allows (None = open above).
    pub high: Option<u32>,
    /// The single figure to use when one is needed (ACLED's coding of vague words).
    pub best: u32,
    pub qualifier: Qualifier,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// "plus de", "more than", "over"
    MoreThan,
    /// "au moins", "at least"
    AtLeast,
    /// "près de", "nearly", "almost", "up to"
    UpTo,
    /// "environ", "about", "une centaine"
    About,
    /// "trois à quatre", "three or four"
    Range,
    /// "plusieurs", "dozens", "des dizaines": ACLED's conventional figure
    Vague,
}

impl Quantity {
    pub fn exact(n: u32) -> Self {
        Quantity {
            low: n,
            high: Some(n),
            best: n,
            qualifier: Qualifier::Exact,
        }
    }
}

/// Which figure of an incident a count speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum CountField {
    Fatalities,
    Injured,
    Abducted,
    Attackers,
}

impl CountField {
    pub const ALL: [CountField; 4] = [
        CountField::Fatalities,
        CountField::Injured,
        CountField::Abducted,
        CountField::Attackers,
    ];
    pub fn name(self) -> &'static str {
        match self {
            CountField::Fatalities => "fatalities",
            CountField::Injured => "injured",
            CountField::Abducted => "abducted",
            CountField::Attackers => "attackers",
        }
    }
}

/// Whose dead or wounded a count is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Victims {
    Unspecified,
    Soldiers,
    Attackers,
    Civilians,
}

// ---------------------------------------------------------------------------
// Actors and targets
// ---------------------------------------------------------------------------

/// ACLED actor type (inter code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum ActorKind {
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    External = 8,
}

impl ActorKind {
    pub fn inter_code(self) -> u8 {
        self as u8
    }
    pub fn from_code(c: u8) -> Option<ActorKind> {
        use ActorKind::*;
        [
            StateForces,
            RebelGroup,
            PoliticalMilitia,
            IdentityMilitia,
            Rioters,
            Protesters,
            Civilians,
            External,
        ]
        .into_iter()
        .find(|k| k.inter_code() == c)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Actor {
    /// ACLED's standard name, e.g. "JNIM: Group for Support of Islam and Muslims".
    pub name: String,
    pub kind: ActorKind,
    /// The parent group when this actor is a wing of another (Katiba Macina → JNIM).
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    MilitaryBase,
    Checkpoint,
    BorderPost,
    Convoy,
    FuelTankers,
    IndustrialSite,
    Mine,
    Village,
    Civilians,
    PlaceOfWorship,
    School,
    HealthFacility,
    Officials,
    Vehicle,
    Infrastructure,
    /// A unit of armed forces on the move: whoever attacks it fights a battle.
    Patrol,
}

impl TargetKind {
    pub fn name(self) -> &'static str {
        use TargetKind::*;
        match self {
            MilitaryBase => "military_base",
            Checkpoint => "checkpoint",
            BorderPost => "border_post",
            Convoy => "convoy",
            FuelTankers => "fuel_tankers",
            IndustrialSite => "industrial_site",
            Mine => "mine",
            Village => "village",
            Civilians => "civilians",
            PlaceOfWorship => "place_of_worship",
            School => "school",
            HealthFacility => "health_facility",
            Officials => "officials",
            Vehicle => "vehicle",
            Infrastructure => "infrastructure",
            Patrol => "patrol",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Target {
    pub kind: TargetKind,
    /// A proper name when the text gives one ("Diamond Cement").
    pub name: Option<String>,
}

// ---------------------------------------------------------------------------
// Claims: every value with the words that say it
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ClaimValue {
    Count(Quantity),
    Text(String),
}

/// One statement of one value by one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Incident field this supports: "date", "location", "event_type", "actor1", "actor2",
    /// "target", "fatalities", "injured", "abducted", "attackers".
    pub field: String,
    pub value: ClaimValue,
    /// Exact words of the cleaned text, `quote == text[span.start..span.end]`.
    pub quote: String,
    pub span: Span,
    /// Who the article says said it ("ORTM", "an elected official", "local sources").
    pub attributed_to: Option<String>,
    /// Conditional, unconfirmed, "reportedly", "claimed".
    pub hedged: bool,
    /// Whose casualties (only for fatalities / injured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victims: Option<Victims>,
}

// ---------------------------------------------------------------------------
// Mentions and incidents
// ---------------------------------------------------------------------------

/// One incident as one article reports it, at one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Stable id: hash of the article's content and the mention's position.
    pub id: String,
    pub article: String,
    /// The article's publication date, when known (bounds when an undated report's incident
    /// can have happened).
    pub published: Option<NaiveDate>,
    /// Order within the article.
    pub ordinal: u32,
    /// Recalled in passing ("had already been attacked in July"), not the article's news.
    pub background: bool,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub actor1: Option<Actor>,
    pub assoc_actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    pub assoc_actor2: Option<Actor>,
    /// Named people tied to the event (leaders, spokesmen).
    pub people: Vec<String>,
    pub targets: Vec<Target>,
    pub date: Option<EventDate>,
    pub place: Option<ResolvedPlace>,
    /// Sites of one coordinated operation share this key (article-local).
    pub operation: Option<String>,
    /// Figures stated for the whole operation rather than this site.
    pub operation_wide: bool,
    pub claims: Vec<Claim>,
    /// Span of the text the mention was built from (its sentences).
    pub evidence: Span,
    /// Cue words for linking across languages: victim nationalities, named sites, etc.
    pub keys: Vec<String>,
    /// Hashes of the mention's wording (see `incidents::copies::passage_marks`): two reports
    /// that tell the event in the same words share some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passage_marks: Vec<u32>,
}

/// Prefix of the linking key that carries an undated event's day and month ("day:09-30"):
/// what two reports of one event share when neither page gives the year.
pub const DAY_MONTH_KEY: &str = "day:";

/// Prefix of the linking key that carries an undated event's weekday ("weekday:4" for a
/// Friday, Monday = 0) when the page gives nothing to count it from.
pub const WEEKDAY_KEY: &str = "weekday:";

/// Prefix of the key that carries the weekday of an event dated only to its page's month
/// ("date 2021-02 … dimanche": "month-weekday:6"). It never links reports; it only lets an
/// incident take the day when another of its reports has a publication date.
pub const MONTH_WEEKDAY_KEY: &str = "month-weekday:";

/// The weekday of a mention's month-weekday key, when it has one.
pub fn month_weekday_of(keys: &[String]) -> Option<chrono::Weekday> {
    keys.iter().find_map(|k| {
        let n: u8 = k.strip_prefix(MONTH_WEEKDAY_KEY)?.parse().ok()?;
        chrono::Weekday::try_from(n).ok()
    })
}

/// The weekday of a mention's weekday key, when it has one.
pub fn weekday_of(keys: &[String]) -> Option<chrono::Weekday> {
    keys.iter().find_map(|k| {
        let n: u8 = k.strip_prefix(WEEKDAY_KEY)?.parse().ok()?;
        chrono::Weekday::try_from(n).ok()
    })
}

/// Prefix of the key that carries the month of a page dated only to its month ("date 2017-11"),
/// on its mentions that have no date of their own ("page-month:2017-11"). It never links
/// reports; it keeps such a report from joining an incident of another year.
pub const PAGE_MONTH_KEY: &str = "page-month:";

/// Key of a report that tells its event as a repeat ("a second IED attack", "une nouvelle
/// attaque", "attacked again"): it never links reports; it keeps the event apart from the one
/// the day before on the same spot.
pub const REPEAT_KEY: &str = "repeat";

/// The first and last day of a mention's page month, when it has a page-month key.
pub fn page_month_of(keys: &[String]) -> Option<(NaiveDate, NaiveDate)> {
    keys.iter().find_map(|k| {
        let (year, month) = k.strip_prefix(PAGE_MONTH_KEY)?.split_once('-')?;
        let first = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)?;
        let last = first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?;
        Some((first, last))
    })
}

/// The (month, day) of a mention's day-and-month key, when it has one.
pub fn day_month_of(keys: &[String]) -> Option<(u32, u32)> {
    keys.iter().find_map(|k| {
        let (month, day) = k.strip_prefix(DAY_MONTH_KEY)?.split_once('-')?;
        Some((month.parse().ok()?, day.parse().ok()?))
    })
}

impl Mention {
    pub fn counts(&self, field: CountField) -> impl Iterator<Item = (&Claim, Quantity)> {
        self.claims
            .iter()
            .filter_map(move |c| match (&c.value, c.field == field.name()) {
                (ClaimValue::Count(q), true) => Some((c, *q)),
                _ => None,
            })
    }
}

/// UCDP-style estimate over all claims of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Estimate {
    pub low: Option<u32>,
    pub best: Option<u32>,
    pub high: Option<u32>,
}

/// A linked, reconciled incident: one event type, one place, one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: String,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub date: Option<EventDate>,
    pub place: Option<ResolvedPlace>,
    pub actor1: Option<Actor>,
    pub assoc_actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    pub assoc_actor2: Option<Actor>,
    pub targets: Vec<Target>,
    pub people: Vec<String>,
    pub fatalities: Estimate,
    pub injured: Estimate,
    pub abducted: Estimate,
    pub attackers: Estimate,
    /// Mention ids, in a stable order.
    pub mentions: Vec<String>,
    /// Article refs, in a stable order.
    pub articles: Vec<String>,
    /// Operation id shared by the sites of one coordinated operation.
    pub operation: Option<String>,
    pub notes: String,
}

impl Incident {
    pub fn estimate(&self, field: CountField) -> Estimate {
        match field {
            CountField::Fatalities => self.fatalities,
            CountField::Injured => self.injured,
            CountField::Abducted => self.abducted,
            CountField::Attackers => self.attackers,
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl fmt::Display for SubEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_event_type_belongs_to_one_of_the_six_types() {
        assert_eq!(SubEventType::ALL.len(), 25);
        for t in EventType::ALL {
            assert!(
                SubEventType::ALL.iter().any(|s| s.event_type() == t),
                "{t} has no sub-types"
            );
        }
        assert_eq!(
            SubEventType::AbductionForcedDisappearance.event_type(),
            EventType::ViolenceAgainstCivilians
        );
        assert_eq!(
            SubEventType::SuicideBomb.event_type(),
            EventType::ExplosionsRemoteViolence
        );
    }

    #[test]
    fn labels_round_trip() {
        for s in SubEventType::ALL {
            assert_eq!(SubEventType::from_label(s.label()), Some(s));
        }
        for t in EventType::ALL {
            assert_eq!(EventType::from_label(t.label()), Some(t));
        }
    }
}
