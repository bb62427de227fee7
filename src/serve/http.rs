//! The few pieces of HTTP the handler needs, free of any server crate: a
//! request and a response as plain values, percent-decoding, form and query
//! string parsing, and `Accept` negotiation. Keeping them plain is what lets
//! the handler be tested without a socket (STYLE 24).

/// An HTTP request as the handler sees it.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// `GET`, `POST`, … (upper case).
    pub method: String,
    /// The path, percent-decoded (`/entity/mira-kessel`).
    pub path: String,
    /// The query string's pairs, decoded, in order.
    pub query: Vec<(String, String)>,
    /// Header names in lower case, with their values.
    pub headers: Vec<(String, String)>,
    /// The body (already capped by the listener).
    pub body: Vec<u8>,
}

impl Request {
    /// A request from a method and a target (`/sparql?query=…`).
    pub fn new(method: &str, target: &str) -> Request {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        Request {
            method: method.to_ascii_uppercase(),
            path: percent_decode(path, false),
            query: parse_form(query),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// The same request with a header added.
    pub fn with_header(mut self, name: &str, value: &str) -> Request {
        self.headers
            .push((name.to_ascii_lowercase(), value.to_owned()));
        self
    }

    /// The same request with a body.
    pub fn with_body(mut self, body: impl Into<Vec<u8>>) -> Request {
        self.body = body.into();
        self
    }

    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }

    /// The media type of the body, without parameters, lower case.
    pub fn content_type(&self) -> String {
        self.header("content-type")
            .unwrap_or_default()
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    }

    /// The first query-string value of `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The first value of header `name` (any case) among `headers`: requests
/// and responses keep theirs alike.
fn header_value<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// An HTTP response: status, headers, body.
#[derive(Clone, Debug)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers (name, value).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with `status`, a `Content-Type` and a body.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// A plain-text error message (a line ending in a newline).
    pub fn error(status: u16, message: &str) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            format!("{message}\n").into_bytes(),
        )
    }

    /// The same response with a header added.
    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }

    /// The body as text (lossy), for tests and logs.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Decodes `%XX` escapes (and `+` as a space when `plus_is_space`, as forms
/// encode it); malformed escapes stay as written, invalid UTF-8 is replaced.
pub fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes `s` for a URL path segment or query value.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The pairs of an `application/x-www-form-urlencoded` text (also a query
/// string). A name without `=` has an empty value.
pub fn parse_form(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name, true), percent_decode(value, true))
        })
        .collect()
}

/// The media type of `offered` the `Accept` header prefers, by quality then
/// by the order of `offered` (the first is the server's default). `None`
/// when the header accepts none of them. A missing header accepts anything.
pub fn negotiate<'a>(accept: Option<&str>, offered: &[&'a str]) -> Option<&'a str> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offered.first().copied();
    };
    let mut best: Option<(f32, usize, &'a str)> = None;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .filter_map(|q| q.trim().parse::<f32>().ok())
            .next()
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        // Exact types outrank `type/*`, which outranks `*/*`, at equal q.
        for (order, candidate) in offered.iter().enumerate() {
            let (specificity, matches) = if media == *candidate {
                (0, true)
            } else if media == "*/*" {
                (2, true)
            } else if let Some(main) = media.strip_suffix("/*") {
                (1, candidate.split('/').next() == Some(main))
            } else {
                (0, false)
            };
            if !matches {
                continue;
            }
            let rank = order + specificity * offered.len();
            let better = match best {
                None => true,
                Some((bq, brank, _)) => q > bq || (q == bq && rank < brank),
            };
            if better {
                best = Some((q, rank, candidate));
            }
        }
    }
    best.map(|(_, _, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_and_forms() {
        assert_eq!(percent_decode("a%20b+c", true), "a b c");
        assert_eq!(percent_decode("a%20b+c", false), "a b+c");
        assert_eq!(percent_decode("100%", true), "100%");
        assert_eq!(percent_decode("%zz%4", true), "%zz%4");
        assert_eq!(percent_decode("%C3%A9", true), "é");
        assert_eq!(
            parse_form("query=SELECT+*+%7B%7D&x&=y"),
            vec![
                ("query".to_string(), "SELECT * {}".to_string()),
                ("x".into(), String::new()),
                (String::new(), "y".into())
            ]
        );
        let text = "Mira \"K\" & {}?=+%";
        assert_eq!(percent_decode(&percent_encode(text), true), text);
        let r = Request::new("get", "/entity/mira%20kessel?q=a%26b");
        assert_eq!(
            (r.method.as_str(), r.path.as_str(), r.param("q")),
            ("GET", "/entity/mira kessel", Some("a&b"))
        );
    }

    #[test]
    fn accept_negotiation() {
        let offered = ["application/sparql-results+json", "text/csv", "text/html"];
        assert_eq!(negotiate(None, &offered), Some(offered[0]));
        assert_eq!(negotiate(Some("*/*"), &offered), Some(offered[0]));
        assert_eq!(negotiate(Some("text/csv"), &offered), Some("text/csv"));
        assert_eq!(
            negotiate(Some("text/html,application/xhtml+xml,*/*;q=0.8"), &offered),
            Some("text/html")
        );
        assert_eq!(
            negotiate(
                Some("text/*;q=0.5, application/sparql-results+json;q=0.4"),
                &offered
            ),
            Some("text/csv")
        );
        assert_eq!(negotiate(Some("image/png"), &offered), None);
        assert_eq!(negotiate(Some("text/csv;q=0"), &offered), None);
    }
}
