//! Rate limit of the write routes, per client IP address (GCRA, the `governor` crate).
//!
//! Runs after the token check: a request without the right token is refused (401/403) whatever
//! its rate, as clients and the OpenAPI document expect; guessing a long random token through a
//! constant-time comparison is no shortcut anyway. A request without a peer
//! address (an app driven in process, without `into_make_service_with_connect_info`) shares one
//! bucket. Refused requests get `429 Too Many Requests` with `Retry-After` (seconds).

use crate::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

/// Default sustained write rate per client: one batch per second.
pub const WRITES_PER_MINUTE: u32 = 60;
/// Default burst: writes a client may send at once before the rate applies.
pub const WRITE_BURST: u32 = 30;
/// Clients remembered before idle ones are forgotten.
const MAX_TRACKED: usize = 10_000;

pub struct WriteLimit {
    limiter: RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, DefaultClock>,
    clock: DefaultClock,
    per_minute: u32,
    burst: u32,
}

impl WriteLimit {
    /// `per_minute` writes per minute sustained, `burst` at once (each at least 1).
    pub fn new(per_minute: u32, burst: u32) -> WriteLimit {
        let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        WriteLimit {
            limiter: RateLimiter::keyed(Quota::per_minute(per_minute).allow_burst(burst)),
            clock: DefaultClock::default(),
            per_minute: per_minute.get(),
            burst: burst.get(),
        }
    }

    /// Ok, or the whole seconds to wait before the next write of `client` is allowed.
    pub fn check(&self, client: IpAddr) -> Result<(), u64> {
        if self.limiter.len() > MAX_TRACKED {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&client).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }
}

/// Middleware for write routes: 429 beyond the client's quota.
pub async fn limit_writes(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    let client = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    match state.write_limit.check(client) {
        Ok(()) => next.run(req).await,
        Err(wait) => {
            let limit = &state.write_limit;
            let mut resp = crate::api::ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "too many writes: at most {} per minute per client (bursts of {}); retry in {wait} s",
                    limit.per_minute, limit.burst
                ),
            )
            .into_response();
            resp.headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(wait.max(1)));
            resp
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_beyond_its_burst_waits_and_others_do_not() {
        let limit = WriteLimit::new(60, 3);
        let a: IpAddr = "127.0.0.1".parse().unwrap();
        let b: IpAddr = "::1".parse().unwrap();
        for _ in 0..3 {
            assert_eq!(limit.check(a), Ok(()));
        }
        let wait = limit.check(a).unwrap_err();
        assert!((1..=1).contains(&wait), "wait {wait} s at 60 per minute");
        assert_eq!(limit.check(b), Ok(()), "another client has its own bucket");
    }
}
