//! HTML → paragraphs, headline, date and URL.
//!
//! Parses with `scraper` (html5ever, the browsers' parsing algorithm, so any
//! tag soup gives a tree) and walks the tree with an explicit stack, so deep
//! nesting cannot overflow. Scripts, styles, navigation, headers, footers,
//! asides, forms and the like are dropped with everything inside them; block
//! elements (p, div, h1-h6, li, ...) end a paragraph. The headline is the
//! `<title>` (or `og:title`, or the first `<h1>`); the date and URL come from
//! the usual meta tags. Source lines are found by looking each paragraph's
//! first words up in the raw markup, so messages can still point near it.

use scraper::{Html, Node};

use super::dedup::{collapse, Paragraph, Parsed};

/// Elements dropped with their whole content.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "head", "template",
    "svg", "iframe", "button", "select", "textarea", "object", "canvas",
];

/// Elements that end a paragraph where they open and close.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "address",
    "body",
    "details",
    "summary",
];

/// Elements that do not deepen the tree as their tags are counted: void
/// elements, which hold nothing, and those whose end tag pages often leave
/// out (the parser closes them itself when the next one opens).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "basefont", "bgsound", "frame", "keygen", "image", "menuitem", "p", "li", "dt",
    "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
    "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Whether the elements of `raw` nest deeper than `max`, counted from the
/// tags in one pass before the page is parsed: html5ever has no depth
/// limit, its tree builder scans the open elements at each new one (time
/// quadratic in the depth), and browsers stop nesting at 512. The count is
/// a close estimate, not the parser's tree: end tags that pages commonly
/// leave out (`p`, `li`, `td`, ...) and void elements do not count, and
/// `/>` closes an element only inside SVG and MathML, as in the parser.
pub(crate) fn too_deep(raw: &str, max: usize) -> bool {
    let bytes = raw.as_bytes();
    let find = |from: usize, what: &[u8]| {
        bytes
            .get(from..)
            .and_then(|rest| rest.windows(what.len()).position(|w| w == what))
            .map(|i| from + i)
    };
    let (mut depth, mut foreign, mut i) = (0usize, 0usize, 0usize);
    while let Some(lt) = find(i, b"<") {
        let start = lt + 1;
        if bytes[start..].starts_with(b"!--") {
            i = find(start + 3, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if matches!(bytes.get(start), Some(b'!' | b'?')) {
            i = find(start, b">").map_or(bytes.len(), |e| e + 1);
            continue;
        }
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':'))
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start; // a `<` in text
            continue;
        }
        let name = &raw[name_start..name_start + name_len];
        let Some(end) = find(name_start + name_len, b">") else {
            break;
        };
        i = end + 1;
        let is = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
        let svg = name.eq_ignore_ascii_case("svg") || name.eq_ignore_ascii_case("math");
        let self_closing = bytes[end - 1] == b'/';
        if closing {
            if !is(NOT_NESTING) {
                depth = depth.saturating_sub(1);
            }
            if svg {
                foreign = foreign.saturating_sub(1);
            }
            continue;
        }
        if is(RAW_TEXT) && !self_closing {
            // Skip to the end tag (any case); what is inside is text.
            let mut at = i;
            loop {
                match find(at, b"</") {
                    Some(e)
                        if raw
                            .get(e + 2..e + 2 + name_len)
                            .is_some_and(|n| n.eq_ignore_ascii_case(name)) =>
                    {
                        i = e;
                        break;
                    }
                    Some(e) => at = e + 2,
                    None => return false,
                }
            }
            depth += 1;
        } else if is(NOT_NESTING) || (self_closing && foreign > 0) {
            continue;
        } else {
            depth += 1;
            if svg {
                foreign += 1;
            }
        }
        if depth > max {
            return true;
        }
    }
    false
}

/// Paragraphs and metadata of an HTML page.
pub(crate) fn parse(raw: String) -> Parsed {
    let html = Html::parse_document(&raw);
    let mut walker = Walker::default();
    // Depth-first walk without recursion: open, descend, close, move on.
    let root = html.tree.root();
    let mut cur = root;
    'walk: loop {
        walker.open(cur.value());
        if let Some(child) = cur.first_child() {
            cur = child;
            continue;
        }
        loop {
            walker.close(cur.value());
            if cur.id() == root.id() {
                break 'walk;
            }
            if let Some(next) = cur.next_sibling() {
                cur = next;
                continue 'walk;
            }
            match cur.parent() {
                Some(parent) => cur = parent,
                None => break 'walk,
            }
        }
    }
    walker.finish(&raw)
}

/// The state of the walk over the tree.
#[derive(Default)]
struct Walker {
    out: Parsed,
    title: String,
    in_title: bool,
    first_h1: Option<String>,
    h1: String,
    in_h1: bool,
    /// How many dropped elements we are inside.
    skip: usize,
    current: String,
    texts: Vec<String>,
}

impl Walker {
    fn open(&mut self, node: &Node) {
        match node {
            Node::Element(el) => {
                let name = el.name();
                match name {
                    "title" => self.in_title = true,
                    "h1" if self.first_h1.is_none() => self.in_h1 = true,
                    "meta" => meta(
                        &mut self.out,
                        el.attr("property").or(el.attr("name")),
                        el.attr("content"),
                    ),
                    "link" if el.attr("rel") == Some("canonical") && self.out.url.is_none() => {
                        self.out.url = el.attr("href").map(str::to_owned);
                    }
                    "time" if self.out.date.is_none() => {
                        self.out.date = el.attr("datetime").map(str::to_owned);
                    }
                    _ => {}
                }
                if DROPPED.contains(&name) {
                    self.skip += 1;
                } else if self.skip == 0 && BLOCKS.contains(&name) {
                    self.flush();
                }
            }
            Node::Text(text) => {
                if self.in_title {
                    self.title.push_str(text);
                }
                if self.in_h1 {
                    self.h1.push_str(text);
                }
                if self.skip == 0 {
                    self.current.push_str(text);
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, node: &Node) {
        let Node::Element(el) = node else { return };
        let name = el.name();
        match name {
            "title" => self.in_title = false,
            "h1" if self.in_h1 => {
                self.in_h1 = false;
                self.first_h1 = Some(collapse(&self.h1));
            }
            _ => {}
        }
        if DROPPED.contains(&name) {
            self.skip = self.skip.saturating_sub(1);
        } else if self.skip == 0 && BLOCKS.contains(&name) {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let text = collapse(&self.current);
        if !text.is_empty() {
            self.texts.push(text);
        }
        self.current.clear();
    }

    fn finish(mut self, raw: &str) -> Parsed {
        self.flush();
        let title = collapse(&self.title);
        let og_title = self.out.title.take();
        self.out.title = [Some(title), og_title, self.first_h1]
            .into_iter()
            .flatten()
            .find(|t| !t.is_empty());
        self.out.paragraphs = locate(raw, self.texts);
        self.out
    }
}

/// Takes the metadata the common meta tags carry.
fn meta(out: &mut Parsed, key: Option<&str>, content: Option<&str>) {
    let (Some(key), Some(content)) = (key, content) else {
        return;
    };
    let content = collapse(content);
    let slot = match key {
        "og:title" => &mut out.title,
        "og:url" => &mut out.url,
        "article:published_time" | "date" | "pubdate" | "datePublished" => &mut out.date,
        _ => return,
    };
    if slot.is_none() && !content.is_empty() {
        *slot = Some(content);
    }
}

/// Pairs each paragraph with a source line: where its opening words are
/// found in `raw` after the previous paragraph's position (markup or an
/// entity inside them stops the probe early), or the previous line.
fn locate(raw: &str, texts: Vec<String>) -> Vec<Paragraph> {
    let mut pos = 0;
    let mut line = 1u64;
    texts
        .into_iter()
        .map(|text| {
            let long: String = text
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == ' ')
                .take(40)
                .collect();
            let word: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
            let probes = [long.trim_end(), word.as_str()];
            let found = probes
                .iter()
                .filter(|p| p.chars().count() >= 4)
                .find_map(|p| raw[pos..].find(*p));
            if let Some(found) = found {
                line += raw[pos..pos + found]
                    .bytes()
                    .filter(|&b| b == b'\n')
                    .count() as u64;
                pos += found;
            }
            Paragraph::on_line(text, line)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html><head><title> The  Page Title </title>\n\
        <meta property=\"article:published_time\" content=\"2025-02-01\">\n\
        <link rel=\"canonical\" href=\"https://example.org/a\">\n\
        <script>var x = 'no';</script><style>p { color: red }</style></head>\n\
        <body><nav><a href=\"/\">Home</a> Menu</nav><header>Site name</header>\n\
        <article><h1>Big News</h1>\n<p>First <b>bold</b> paragraph.</p>\n\
        <p>Second &amp; last.<br>After break.</p></article>\n\
        <aside>Related links</aside><footer>Copyright</footer>\n\
        <form>Subscribe</form><noscript>Enable JS</noscript></body></html>";

    #[test]
    fn strips_markup_and_furniture() {
        let p = parse(PAGE.to_string());
        let texts: Vec<&str> = p.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Big News",
                "First bold paragraph.",
                "Second & last.",
                "After break."
            ]
        );
        assert_eq!(p.title.as_deref(), Some("The Page Title"));
        assert_eq!(p.date.as_deref(), Some("2025-02-01"));
        assert_eq!(p.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(p.paragraphs[1].lines, vec![(0, 8)]);
    }

    #[test]
    fn nesting_depth_is_counted_from_the_tags() {
        let nested = |n: usize| "<div>".repeat(n) + "deep" + &"</div>".repeat(n);
        assert!(!too_deep(&nested(50), 50));
        assert!(too_deep(&nested(51), 50));
        // Siblings, unclosed paragraphs and list items, void elements,
        // comments, scripts and SVG's self-closed shapes do not nest.
        let flat = "<html><body>".to_string()
            + &"<div><p>one<li>two<br><img src=x></div>".repeat(200)
            + &"<!-- <div><div><div> -->".repeat(100)
            + "<script>if (a<b) { x = '<div><div><div>'; }</script>"
            + "<svg>"
            + &"<path d=\"M0\"/>".repeat(200)
            + "</svg></body></html>";
        assert!(!too_deep(&flat, 5), "{flat}");
        // Outside SVG, `<div/>` opens a div (HTML ignores the slash).
        assert!(too_deep(&"<div/>".repeat(6), 5));
        assert!(!too_deep("a < b and <3 <", 1));
    }

    #[test]
    fn falls_back_to_h1_and_survives_junk() {
        let p = parse("<div><h1>Only Heading</h1>text".into());
        assert_eq!(p.title.as_deref(), Some("Only Heading"));
        let deep = "<div>".repeat(5000) + "deep";
        let p = parse(deep);
        assert_eq!(p.paragraphs.len(), 1);
        let p = parse("<<>></p></div>&&&".into());
        assert!(p.paragraphs.iter().all(|x| !x.text.contains("</")));
    }
}
