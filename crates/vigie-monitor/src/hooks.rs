//! Webhook delivery: each alert is POSTed as JSON to every hook, signed with HMAC-SHA256 over
//! the exact body when the hook has a secret (`X-Vigie-Signature: sha256=<hex>`), retried with
//! exponential back-off, its status kept per (alert, hook).
//!
//! Delivery is at least once: a crash between the receiver's answer and the status write sends
//! the alert again at the next run. Receivers tell a redelivery by `X-Vigie-Alert-Id`.

use crate::fetch::Fetcher;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;
use vigie_store::Store;

pub const SIGNATURE_HEADER: &str = "X-Vigie-Signature";
pub const ALERT_ID_HEADER: &str = "X-Vigie-Alert-Id";

/// How many attempts before a delivery is marked failed.
pub const MAX_ATTEMPTS: i64 = 8;

/// `sha256=` + hex HMAC-SHA256 of `body` under `secret`.
pub fn sign(secret: &str, body: &[u8]) -> String {
    // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

/// Whether `signature` (the header's value) is `body` signed under `secret`, compared in
/// constant time. For receivers (and tests).
pub fn verify(secret: &str, body: &[u8], signature: &str) -> bool {
    let Some(hex) = signature.strip_prefix("sha256=") else {
        return false;
    };
    let Some(bytes) = decode_hex(hex) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return false;
    };
    mac.update(body);
    mac.verify_slice(&bytes).is_ok()
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() & 1 == 1 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Wait before attempt `attempts + 1`: base × 2^(attempts − 1), at most an hour.
pub fn backoff(base: Duration, attempts: i64) -> Duration {
    let exp = (attempts.max(1) - 1).min(16) as u32;
    base.saturating_mul(1u32 << exp)
        .min(Duration::from_secs(3600))
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct DeliveryReport {
    pub delivered: usize,
    pub retrying: usize,
    pub failed: usize,
}

/// Attempt every delivery that is due. Errors are kept on the delivery, never raised; only a
/// store error stops the round.
pub fn deliver_due(
    store: &mut Store,
    fetcher: &Fetcher,
    retry_base: Duration,
) -> Result<DeliveryReport, String> {
    let now = crate::alerts::unix_now();
    let mut report = DeliveryReport::default();
    for d in store.due_deliveries(now).map_err(|e| e.to_string())? {
        let body = d.payload.to_string();
        let mut headers = vec![(ALERT_ID_HEADER, d.alert_id.to_string())];
        if let Some(secret) = d.secret.as_deref().filter(|s| !s.is_empty()) {
            headers.push((SIGNATURE_HEADER, sign(secret, body.as_bytes())));
        }
        let outcome = fetcher.post_json(&d.url, body.as_bytes(), &headers);
        let attempts = d.attempts + 1;
        match outcome {
            Ok(()) => {
                store
                    .record_delivery(d.alert_id, d.hook_id, None, None)
                    .map_err(|e| e.to_string())?;
                report.delivered += 1;
            }
            Err(e) => {
                let next = (attempts < MAX_ATTEMPTS)
                    .then(|| now + backoff(retry_base, attempts).as_secs().max(1) as i64);
                if next.is_some() {
                    report.retrying += 1;
                } else {
                    report.failed += 1;
                }
                store
                    .record_delivery(d.alert_id, d.hook_id, Some(&e), next)
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_sha256_matches_rfc_4231_case_2() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        assert_eq!(
            sign("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn verify_accepts_the_signature_and_nothing_else() {
        let body = br#"{"kind":"new"}"#;
        let sig = sign("s3cret", body);
        assert!(verify("s3cret", body, &sig));
        assert!(!verify("other", body, &sig));
        assert!(!verify("s3cret", br#"{"kind":"updated"}"#, &sig));
        assert!(!verify("s3cret", body, "sha256=zz"));
        assert!(!verify("s3cret", body, &sig[7..]));
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let base = Duration::from_secs(10);
        assert_eq!(backoff(base, 1), Duration::from_secs(10));
        assert_eq!(backoff(base, 2), Duration::from_secs(20));
        assert_eq!(backoff(base, 4), Duration::from_secs(80));
        assert_eq!(backoff(base, 40), Duration::from_secs(3600));
    }
}
