//! A small HTTP/1.1 server on 127.0.0.1 for the monitor's tests: routes the test changes while
//! it runs (feeds, pages, a webhook receiver), conditional GET with ETags, slow answers, and a
//! log of every request.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    /// Answered with 304 when the request's If-None-Match is this.
    pub etag: Option<String>,
    /// Wait this long before answering.
    pub delay: Duration,
    /// Replace `{fetch}` in the body with how many times the path was requested (so a page
    /// fetched twice has two texts).
    pub numbered: bool,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            content_type: content_type.into(),
            body: body.into(),
            etag: None,
            delay: Duration::ZERO,
            numbered: false,
        }
    }
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            ..Reply::ok("text/plain", format!("status {status}"))
        }
    }
    pub fn with_etag(mut self, etag: &str) -> Reply {
        self.etag = Some(etag.into());
        self
    }
    pub fn with_delay(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
    pub fn numbered(mut self) -> Reply {
        self.numbered = true;
        self
    }
}

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
    /// The status answered.
    pub status: u16,
}

#[derive(Default)]
struct State {
    /// Each path's replies: the first is used and dropped while more than one remain.
    routes: HashMap<String, VecDeque<Reply>>,
    log: Vec<Request>,
}

#[derive(Clone)]
pub struct Server {
    pub base: String,
    state: Arc<Mutex<State>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(State::default()));
        let s = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let s = s.clone();
                std::thread::spawn(move || {
                    let _ = handle(stream, &s);
                });
            }
        });
        Server { base, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Serve `reply` at `path` from now on.
    pub fn set(&self, path: &str, reply: Reply) {
        self.state
            .lock()
            .unwrap()
            .routes
            .insert(path.into(), VecDeque::from([reply]));
    }

    /// Serve these replies in turn at `path`, the last one for good.
    pub fn set_sequence(&self, path: &str, replies: Vec<Reply>) {
        self.state
            .lock()
            .unwrap()
            .routes
            .insert(path.into(), replies.into());
    }

    pub fn requests(&self, path: &str) -> Vec<Request> {
        self.state
            .lock()
            .unwrap()
            .log
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }
}

fn handle(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let path = parts.next().unwrap_or("").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; len];
    reader.read_exact(&mut body)?;
    let reply = {
        let mut st = state.lock().unwrap();
        let reply = match st.routes.get_mut(&path) {
            Some(q) if q.len() > 1 => q.pop_front(),
            Some(q) => q.front().cloned(),
            None => None,
        }
        .unwrap_or_else(|| Reply::status(404));
        let not_modified =
            reply.etag.is_some() && headers.get("if-none-match") == reply.etag.as_ref();
        let status = if not_modified { 304 } else { reply.status };
        let mut reply = reply;
        if reply.numbered {
            let n = st.log.iter().filter(|r| r.path == path).count() + 1;
            let body = String::from_utf8_lossy(&reply.body).replace("{fetch}", &n.to_string());
            reply.body = body.into_bytes();
        }
        st.log.push(Request {
            method,
            path,
            headers,
            body,
            status,
        });
        (reply, not_modified)
    };
    let (reply, not_modified) = reply;
    std::thread::sleep(reply.delay);
    let mut out = stream;
    let reason = match reply.status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Status",
    };
    if not_modified {
        write!(
            out,
            "HTTP/1.1 304 Not Modified\r\nETag: {}\r\nConnection: close\r\n\r\n",
            reply.etag.as_deref().unwrap_or("")
        )?;
    } else {
        let mut head = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
            reply.status,
            reply.content_type,
            reply.body.len()
        );
        if let Some(e) = &reply.etag {
            head.push_str(&format!("ETag: {e}\r\n"));
        }
        head.push_str("\r\n");
        out.write_all(head.as_bytes())?;
        out.write_all(&reply.body)?;
    }
    out.flush()
}

/// An RSS 2.0 document with these items: (guid, title, link, RFC 822 date, description).
pub fn rss(items: &[(&str, &str, &str, &str, &str)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Le Sahel en bref</title><link>http://example.org/</link><description>test</description>\n",
    );
    for (guid, title, link, date, description) in items {
        s.push_str(&format!(
            "<item><guid isPermaLink=\"false\">{guid}</guid><title>{}</title><link>{}</link>\
             <pubDate>{date}</pubDate><description>{}</description></item>\n",
            xml(title),
            xml(link),
            xml(description)
        ));
    }
    s.push_str("</channel></rss>\n");
    s
}

/// [`rss`] over owned strings (items built in a loop).
pub fn rss_of(items: &[(String, String, String, String, String)]) -> String {
    let refs: Vec<(&str, &str, &str, &str, &str)> = items
        .iter()
        .map(|(g, t, l, d, s)| (g.as_str(), t.as_str(), l.as_str(), d.as_str(), s.as_str()))
        .collect();
    rss(&refs)
}

/// The words of row `n` (0 = the header) of a table the CLI printed.
pub fn table_row(stdout: &str, n: usize) -> Vec<&str> {
    stdout
        .lines()
        .nth(n)
        .unwrap_or_else(|| panic!("no row {n} in:\n{stdout}"))
        .split_whitespace()
        .collect()
}

/// An Atom document with these entries: (id, title, link, RFC 3339 date, summary).
pub fn atom(entries: &[(&str, &str, &str, &str, &str)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>Sahel wire</title><id>urn:test:wire</id><updated>2026-03-05T10:00:00Z</updated>\n",
    );
    for (id, title, link, date, summary) in entries {
        s.push_str(&format!(
            "<entry><id>{id}</id><title>{}</title><link rel=\"alternate\" href=\"{}\"/>\
             <published>{date}</published><updated>{date}</updated><summary>{}</summary></entry>\n",
            xml(title),
            xml(link),
            xml(summary)
        ));
    }
    s.push_str("</feed>\n");
    s
}

/// A news page: furniture around the story, as outlets serve it.
pub fn page(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", xml(p)))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><title>{t}</title></head><body>\
         <nav><a href=\"/\">Accueil</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>{t}</h1>{body}</article>\
         <footer>© Le Sahel en bref — tous droits réservés</footer></body></html>",
        t = xml(title)
    )
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
