//! Vigie's monitor: follow news feeds, watch places, alert on what happens near them.
//!
//! - [`feed`]: RSS 2.0 / Atom documents and OPML lists into items and feed URLs;
//! - [`fetch`]: safe HTTP (time limit, size cap, ≤ 5 redirects, User-Agent, conditional GET,
//!   private addresses refused after DNS and redirects);
//! - [`zones`]: points with a radius, corridors, polygons, admin units; what each cares about;
//! - [`alerts`]: new/updated alerts from an incident's state against the last one alerted;
//! - [`hooks`]: signed webhook delivery with retries;
//! - [`watch`]: one poll → ingest → relink → alert → deliver cycle, and the loop around it.
//!
//! No SQL here: storage goes through `vigie-store`'s monitor methods.

pub mod alerts;
pub mod feed;
pub mod fetch;
pub mod hooks;
pub mod watch;
pub mod zones;
