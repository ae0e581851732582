//! Safe HTTP: a time limit on the whole call, a size cap on bodies, at most 5 redirects, a clear
//! User-Agent, conditional GET, and no private, loopback or link-local address unless allowed.
//!
//! The address check sits in the resolver ureq calls for every connection — the first request
//! and each redirect, after DNS — so a public name that resolves to 127.0.0.1, or a redirect to
//! http://169.254.169.254/, is refused where the socket would be opened, not only by looking at
//! the URL.

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

pub const USER_AGENT: &str = concat!(
    "Vigie/",
    env!("CARGO_PKG_VERSION"),
    " (conflict-event monitor; +https://github.com/vigie-monitor/vigie)"
);

#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// For the whole call: resolving, connecting, headers and body.
    pub timeout: Duration,
    /// Larger bodies are refused.
    pub max_bytes: u64,
    pub max_redirects: u32,
    /// Allow private, loopback and link-local addresses (tests, intranets).
    pub allow_private: bool,
    /// Socket addresses allowed even when private (one intranet feed, not the whole LAN).
    pub allow_addrs: Vec<SocketAddr>,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            timeout: Duration::from_secs(20),
            max_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
            allow_private: false,
            allow_addrs: Vec::new(),
        }
    }
}

/// What a GET gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    /// 304: the validators still hold.
    NotModified,
    Body {
        bytes: Vec<u8>,
        /// Where the body came from after redirects.
        final_url: String,
        content_type: Option<String>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// Validators from the previous response, for a conditional GET.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Whether an address may be fetched without `allow_private`: not loopback, private (RFC 1918,
/// unique local), link-local, carrier-grade NAT, unspecified, broadcast, multicast or
/// documentation ranges — nor an IPv4 address wrapped in IPv6.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (first & 0xffc0) == 0xfe80 // link-local fe80::/10
                || (first & 0xffc0) == 0xfec0 // site-local (deprecated)
                || v6.segments()[..6] == [0, 0, 0, 0, 0, 0] // IPv4-compatible ::a.b.c.d
                || (first == 0x2001 && v6.segments()[1] == 0x0db8)) // documentation
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // carrier-grade NAT
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

/// ureq's resolver, keeping only public addresses (unless allowed).
#[derive(Debug)]
struct CheckedResolver {
    allow_private: bool,
    allow_addrs: Vec<SocketAddr>,
}

impl Resolver for CheckedResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let resolved = DefaultResolver::default().resolve(uri, config, timeout)?;
        if self.allow_private {
            return Ok(resolved);
        }
        let mut kept = self.empty();
        let mut refused: Option<SocketAddr> = None;
        for addr in resolved.iter() {
            if is_public(addr.ip()) || self.allow_addrs.contains(addr) {
                kept.push(*addr);
            } else {
                refused = Some(*addr);
            }
        }
        if kept.is_empty() {
            let host = uri.host().unwrap_or("?").trim_matches(['[', ']']);
            const WHY: &str =
                "a private, loopback or link-local address: refused (--allow-private allows it)";
            let line = match refused {
                Some(a) if a.ip().to_string() == host => format!("{host} is {WHY}"),
                Some(a) => format!("{host} resolves to {}, {WHY}", a.ip()),
                None => format!("{host}: no address to connect to"),
            };
            return Err(ureq::Error::Io(io::Error::new(
                io::ErrorKind::PermissionDenied,
                line,
            )));
        }
        Ok(kept)
    }
}

/// An HTTP client with the checks above. Cheap to clone (shares its connection pool).
#[derive(Debug, Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    config: FetchConfig,
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Fetcher {
        let agent_config = ureq::Agent::config_builder()
            .timeout_global(Some(config.timeout))
            .max_redirects(config.max_redirects)
            .max_redirects_will_error(true)
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            // A proxy would connect for us and bypass the address check.
            .proxy(None)
            .https_only(false)
            .build();
        let agent = ureq::Agent::with_parts(
            agent_config,
            DefaultConnector::new(),
            CheckedResolver {
                allow_private: config.allow_private,
                allow_addrs: config.allow_addrs.clone(),
            },
        );
        Fetcher { agent, config }
    }

    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// GET `url`, conditional on `validators`. Errors are one line: a refused address, a
    /// timeout, a status other than 2xx/304, a body over the cap.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, String> {
        check_scheme(url)?;
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(lm) = &validators.last_modified {
            request = request.header("If-Modified-Since", lm);
        }
        let mut response = request.call().map_err(|e| describe(&e, &self.config))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(format!("HTTP {status}"));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type");
        let etag = header("etag");
        let last_modified = header("last-modified");
        if let Some(len) = header("content-length").and_then(|l| l.parse::<u64>().ok()) {
            if len > self.config.max_bytes {
                return Err(too_large(&self.config));
            }
        }
        let final_url = {
            use ureq::ResponseExt;
            response.get_uri().to_string()
        };
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.config.max_bytes)
            .read_to_vec()
            .map_err(|e| describe(&e, &self.config))?;
        Ok(Fetched::Body {
            bytes,
            final_url,
            content_type,
            etag,
            last_modified,
        })
    }

    /// POST a JSON body with extra headers; no redirects. Ok = a 2xx answer.
    pub fn post_json(
        &self,
        url: &str,
        body: &[u8],
        headers: &[(&str, String)],
    ) -> Result<(), String> {
        check_scheme(url)?;
        let mut request = self
            .agent
            .post(url)
            .config()
            .max_redirects(0)
            .build()
            .header("Content-Type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let mut response = request.send(body).map_err(|e| describe(&e, &self.config))?;
        let status = response.status().as_u16();
        // Drain a little of the answer so the connection can be reused; its content is not ours.
        let _ = response
            .body_mut()
            .with_config()
            .limit(64 * 1024)
            .read_to_vec();
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(format!("HTTP {status}"))
        }
    }
}

fn check_scheme(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        Ok(())
    } else {
        Err(format!("{url:?} is not an http(s) URL"))
    }
}

fn too_large(config: &FetchConfig) -> String {
    format!("body larger than {} bytes (refused)", config.max_bytes)
}

/// One line for a ureq error.
fn describe(e: &ureq::Error, config: &FetchConfig) -> String {
    let line = match e {
        ureq::Error::Timeout(_) => format!("timed out after {:?}", config.timeout),
        ureq::Error::BodyExceedsLimit(_) => too_large(config),
        ureq::Error::TooManyRedirects => {
            format!("more than {} redirects", config.max_redirects)
        }
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    };
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_loopback_and_link_local_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "2001:db8::1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip} should be refused");
        }
        for ip in [
            "1.1.1.1",
            "41.138.32.1",
            "2a00:1450:4007:80f::200e",
            "::ffff:8.8.8.8",
        ] {
            assert!(is_public(ip.parse().unwrap()), "{ip} should be allowed");
        }
    }

    /// A loopback server that counts the connections it accepts: a refused fetch must not
    /// even connect.
    fn counting_server() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let c = count.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { continue };
                c.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf);
                let body = "hello";
                let _ = write!(
                    s,
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
        (format!("http://127.0.0.1:{port}/"), count)
    }

    #[test]
    fn loopback_is_refused_unless_allowed_and_names_are_checked_after_dns() {
        let (url, count) = counting_server();
        let strict = Fetcher::new(FetchConfig::default());
        let e = strict.get(&url, &Validators::default()).unwrap_err();
        assert!(e.contains("127.0.0.1") && e.contains("refused"), "{e}");
        // A name is checked on what it resolves to.
        let by_name = url.replace("127.0.0.1", "localhost");
        let e = strict.get(&by_name, &Validators::default()).unwrap_err();
        assert!(e.contains("refused"), "{e}");
        assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 0);

        let open = Fetcher::new(FetchConfig {
            allow_private: true,
            ..FetchConfig::default()
        });
        match open.get(&url, &Validators::default()).unwrap() {
            Fetched::Body { bytes, .. } => assert_eq!(bytes, b"hello"),
            other => panic!("{other:?}"),
        }
        assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn a_redirect_to_a_private_address_is_refused() {
        use std::io::{Read, Write};
        let (target, count) = counting_server();
        // The first server is allowed by its exact address; it redirects to the other one.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let first = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { continue };
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf);
                let _ = write!(
                    s,
                    "HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            }
        });
        let f = Fetcher::new(FetchConfig {
            allow_addrs: vec![first],
            ..FetchConfig::default()
        });
        let e = f
            .get(&format!("http://{first}/feed"), &Validators::default())
            .unwrap_err();
        assert!(e.contains("refused"), "{e}");
        assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 0);
    }

    /// A loopback server answering each request with `answer(request head)` (raw HTTP bytes),
    /// then closing the connection.
    fn raw_server(answer: fn(&str) -> Vec<u8>) -> SocketAddr {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { continue };
                let mut buf = [0u8; 8192];
                let n = s.read(&mut buf).unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]).to_string();
                let _ = s.write_all(&answer(&head));
            }
        });
        addr
    }

    fn loopback_fetcher(max_bytes: u64) -> Fetcher {
        Fetcher::new(FetchConfig {
            allow_private: true,
            max_bytes,
            timeout: Duration::from_secs(10),
            ..FetchConfig::default()
        })
    }

    #[test]
    fn last_modified_gives_a_conditional_get() {
        let addr = raw_server(|head| {
            let lm = "Tue, 03 Mar 2026 08:00:00 GMT";
            if head
                .to_ascii_lowercase()
                .contains(&format!("if-modified-since: {}", lm.to_ascii_lowercase()))
            {
                b"HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n".to_vec()
            } else {
                format!("HTTP/1.1 200 OK\r\nLast-Modified: {lm}\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok").into_bytes()
            }
        });
        let f = loopback_fetcher(1000);
        let url = format!("http://{addr}/feed");
        let Fetched::Body { last_modified, .. } = f.get(&url, &Validators::default()).unwrap()
        else {
            panic!("expected a body");
        };
        let validators = Validators {
            etag: None,
            last_modified,
        };
        assert_eq!(f.get(&url, &validators).unwrap(), Fetched::NotModified);
    }

    #[test]
    fn the_size_cap_holds_without_a_content_length() {
        // No Content-Length: the body runs to the end of the connection.
        let addr = raw_server(|_| {
            let mut r = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec();
            r.extend(std::iter::repeat_n(b'x', 50_000));
            r
        });
        let e = loopback_fetcher(10_000)
            .get(&format!("http://{addr}/big"), &Validators::default())
            .unwrap_err();
        assert_eq!(e, "body larger than 10000 bytes (refused)");
        let ok =
            loopback_fetcher(100_000).get(&format!("http://{addr}/big"), &Validators::default());
        assert!(matches!(ok, Ok(Fetched::Body { bytes, .. }) if bytes.len() == 50_000));
    }

    #[test]
    fn at_most_five_redirects() {
        // /a/N and /b/N redirect to N+1, until 5 (/a: five redirects) or 6 (/b: six).
        let addr = raw_server(|head| {
            let path = head.split_whitespace().nth(1).unwrap_or("/a/0");
            let (prefix, n) = path.rsplit_once('/').unwrap_or(("/a", "0"));
            let n: u32 = n.parse().unwrap_or(0);
            let last = if prefix == "/b" { 6 } else { 5 };
            if n >= last {
                b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\ndone".to_vec()
            } else {
                format!(
                    "HTTP/1.1 302 Found\r\nLocation: {prefix}/{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    n + 1
                )
                .into_bytes()
            }
        });
        let f = loopback_fetcher(1000);
        match f
            .get(&format!("http://{addr}/a/0"), &Validators::default())
            .unwrap()
        {
            Fetched::Body {
                bytes, final_url, ..
            } => {
                assert_eq!(bytes, b"done");
                assert!(final_url.ends_with("/a/5"), "{final_url}");
            }
            other => panic!("{other:?}"),
        }
        let e = f
            .get(&format!("http://{addr}/b/0"), &Validators::default())
            .unwrap_err();
        assert_eq!(e, "more than 5 redirects");
    }

    #[test]
    fn other_schemes_are_refused() {
        let f = Fetcher::new(FetchConfig::default());
        for url in ["file:///etc/passwd", "ftp://x/y", "gopher://x", "not a url"] {
            assert!(f.get(url, &Validators::default()).is_err());
        }
    }
}
