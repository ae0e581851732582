//! The `vigie` command's library side: input reading ([`input`]), the ingest loop ([`ingest`])
//! and output formats ([`output`]). `main.rs` only parses arguments and dispatches.

pub mod bench;
pub mod edit;
pub mod ingest;
pub mod input;
pub mod monitor;
pub mod output;
pub mod report;

/// Load the store's imported gazetteer rows and install bundled + extra as the process-wide
/// gazetteer. Returns the number of extra rows.
pub fn install_gazetteer(store: &vigie_store::Store) -> anyhow::Result<usize> {
    let extra = store.gazetteer_extra()?;
    let n = extra.len();
    if n > 0 {
        let merged = vigie_geo::Gazetteer::bundled().with_extra(extra);
        // A gazetteer installed earlier in this process stays; that is fine.
        let _ = vigie_geo::install_global(merged);
    }
    Ok(n)
}
