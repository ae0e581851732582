//! Vigie's pipeline library.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! Article ──document──▶ Document ──mentions──▶ Vec<Mention> ──incidents──▶ Vec<Incident>
//!  (raw)     clean, html,   (cleaned text,   frames, dates,    (per-article      link, reconcile
//!            language,       sentences,      counts, actors,    event frames      (low/best/high)
//!            sentences       language)       places, claims     with claims)
//! ```
//!
//! Invariants: no network or database I/O (the only data read is compiled in); no stage fails
//! on text — each returns its result plus [`model::Diagnostic`]s; the same input always gives
//! the same output and the same ids.

pub mod document;
pub mod incidents;
pub mod lexicon;
pub mod mentions;
pub mod model;
pub mod pipeline;
pub mod regimes;

pub use document::Document;
pub use model::*;
pub use pipeline::{process, process_batch, Processed};
