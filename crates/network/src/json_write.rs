//! `levelmap/network` JSON written fast: the bytes of
//! [`NetworkOut`](crate::json::NetworkOut) laid out by `write_layered` (pretty down to
//! the lists, each statement, node and tie compact on a line of its own), with the
//! document's frame written here, statements and nodes serialised in parallel
//! chunks, and every tie (a dense network has millions) laid out by hand on every
//! core, with no allocation per tie and integers written without a formatter
//! (`written_json_is_the_layered_network_document`).

use std::io::{self, Write};

use levelmap_model::json::{write_chunks, write_items};

use levelmap_model::date::PartialDate;
use levelmap_model::Text;

use crate::json::{node_json, NetworkOut, StatementJson, WindowOut};
use crate::measures::{measures_of, NodeMeasures, Sample};
use crate::network::{each_edge_written, network_ties, NetEdge, NetNode, Network, NetworkOptions};
use crate::statements::Statement;

/// Write `doc` (no final newline): `write_layered(w, doc, NETWORK_FLAT_AT)`'s bytes.
pub fn write_network_json(w: &mut (impl Write + ?Sized), doc: &NetworkOut<'_>) -> io::Result<()> {
    let mut out = NetworkWriter::start(w, doc)?;
    for window in &doc.windows {
        out.window(window)?;
    }
    out.finish()
}

/// A network document written window by window: [`NetworkWriter::start`] writes its
/// head (`doc`'s fields, not its windows), each window is written whole
/// ([`NetworkWriter::window`]) or as its ties are found
/// ([`NetworkWriter::window_streamed`]), and [`NetworkWriter::finish`] closes it.
pub struct NetworkWriter<'w, W: Write + ?Sized> {
    w: &'w mut W,
    windows: usize,
}

impl<'w, W: Write + ?Sized> NetworkWriter<'w, W> {
    /// Write the document's fields up to its windows.
    pub fn start(w: &'w mut W, doc: &NetworkOut<'_>) -> io::Result<Self> {
        w.write_all(b"{\n  \"schema\": ")?;
        string(w, doc.schema)?;
        w.write_all(b",\n  \"version\": ")?;
        number(w, doc.version as u64)?;
        w.write_all(b",\n  \"kind\": ")?;
        string(w, doc.kind)?;
        w.write_all(b",\n  \"normalisation\": ")?;
        string(w, doc.normalisation)?;
        w.write_all(b",\n  \"duplicates\": ")?;
        string(w, doc.duplicates)?;
        w.write_all(b",\n  \"min_statements\": ")?;
        number(w, doc.min_statements as u64)?;
        w.write_all(b",\n  \"windows\": ")?;
        Ok(NetworkWriter { w, windows: 0 })
    }

    /// One window of a network built whole.
    pub fn window(&mut self, window: &WindowOut<'_>) -> io::Result<()> {
        self.open()?;
        let net = window.network();
        let w = &mut *self.w;
        let sep = window_dates(w, window.from, window.to, window.betweenness_sources)?;
        write_statements(w, sep, &net.statements)?;
        write_nodes(w, &net.nodes, window.measures())?;
        w.write_all(b",\n      \"edges\": ")?;
        let (ids, names) = quoted(&net.nodes, net.via_names());
        write_chunks(w, 3, &edge_chunks(net), |_: &mut (), i, buf| {
            let e = &net.edges[i];
            let via = net.via_numbers(e).iter().map(|&c| &names[c as usize][..]);
            tie(buf, &ids[e.source], &ids[e.target], e, via);
            Ok(())
        })?;
        self.w.write_all(b"\n    }")
    }

    /// One window of the network of `statements` (already selected and deduplicated)
    /// under `opts`, none of its ties kept: the measures come from its adjacency
    /// lists ([`network_ties`]), then its ties are written as the pair loop finds
    /// them ([`each_edge_written`]). The bytes of [`NetworkWriter::window`] given the
    /// network built whole and its measures. Returns how betweenness was sampled.
    pub fn window_streamed(
        &mut self,
        statements: &[Statement],
        opts: NetworkOptions,
        from: Option<PartialDate>,
        to: Option<PartialDate>,
    ) -> io::Result<Option<Sample>> {
        let ties = network_ties(statements, opts).map_err(io::Error::other)?;
        let (measures, sample) = measures_of(&ties.adjacency);
        drop(ties.adjacency);
        self.open()?;
        let w = &mut *self.w;
        let sep = window_dates(w, from, to, sample.map(|s| s.sources))?;
        write_statements(w, sep, statements)?;
        write_nodes(w, &ties.nodes, &measures)?;
        drop(measures);
        w.write_all(b",\n      \"edges\": ")?;
        let (mut first, mut failed) = (true, None);
        each_edge_written(
            statements,
            opts,
            quoted,
            |(ids, names), buf, e, via| {
                buf.extend_from_slice(ITEM);
                let via = via.iter().map(|&c| &names[c as usize][..]);
                tie(buf, &ids[e.source], &ids[e.target], e, via);
            },
            |bytes| {
                if bytes.is_empty() {
                    return true;
                }
                // the first tie opens the list: "[" for its leading comma
                let done = if first {
                    first = false;
                    w.write_all(b"[").and_then(|()| w.write_all(&bytes[1..]))
                } else {
                    w.write_all(bytes)
                };
                done.map_err(|e| failed = Some(e)).is_ok()
            },
        )
        .map_err(io::Error::other)?;
        if let Some(e) = failed {
            return Err(e);
        }
        w.write_all(if first { b"[]" } else { b"\n      ]" })?;
        w.write_all(b"\n    }")?;
        Ok(sample)
    }

    /// Close the document (no final newline).
    pub fn finish(self) -> io::Result<()> {
        self.w
            .write_all(if self.windows == 0 { b"[]" } else { b"\n  ]" })?;
        self.w.write_all(b"\n}")
    }

    /// Open the next window's object.
    fn open(&mut self) -> io::Result<()> {
        self.windows += 1;
        self.w.write_all(if self.windows == 1 {
            b"[\n    {"
        } else {
            b",\n    {"
        })
    }
}

/// What comes before a tie in the list: a comma, a line break and the indentation of
/// depth 4.
const ITEM: &[u8] = b",\n        ";

/// A window's dates and sampling, at depth 3; returns what comes before its next
/// field.
fn window_dates(
    w: &mut (impl Write + ?Sized),
    from: Option<PartialDate>,
    to: Option<PartialDate>,
    betweenness_sources: Option<usize>,
) -> io::Result<&'static [u8]> {
    let mut sep: &'static [u8] = b"\n      \"";
    for (name, date) in [("from", from), ("to", to)] {
        if let Some(d) = date {
            w.write_all(sep)?;
            write!(w, "{name}\": \"{d}\"")?;
            sep = b",\n      \"";
        }
    }
    if let Some(k) = betweenness_sources {
        w.write_all(sep)?;
        w.write_all(b"betweenness_sources\": ")?;
        number(w, k as u64)?;
        sep = b",\n      \"";
    }
    Ok(sep)
}

/// A window's statements, after `sep`.
fn write_statements(
    w: &mut (impl Write + ?Sized),
    sep: &[u8],
    statements: &[Statement],
) -> io::Result<()> {
    w.write_all(sep)?;
    w.write_all(b"statements\": ")?;
    // a statement is a quote and eight fields: small chunks keep a round's bytes small
    let chunks: Vec<(usize, usize)> = (0..statements.len())
        .step_by(512)
        .map(|s| (s, (s + 512).min(statements.len())))
        .collect();
    write_chunks(w, 3, &chunks, |_: &mut (), i, buf| {
        serde_json::to_writer(buf, &StatementJson::of(&statements[i])).map_err(io::Error::from)
    })
}

/// A window's nodes with their measures.
fn write_nodes(
    w: &mut (impl Write + ?Sized),
    nodes: &[NetNode],
    measures: &[NodeMeasures],
) -> io::Result<()> {
    w.write_all(b",\n      \"nodes\": ")?;
    write_items(w, 3, nodes.len(), |_: &mut (), i, buf| {
        serde_json::to_writer(buf, &node_json(&nodes[i], &measures[i])).map_err(io::Error::from)
    })
}

/// The edges in chunks of about equal bytes (a tie's JSON grows with its `via`, and a
/// few ties of a dense network run through thousands of policies).
fn edge_chunks(net: &Network) -> Vec<(usize, usize)> {
    // about 12 bytes a concept, 100 a tie: chunks of about 256 KB, 4 MB a round
    const CONCEPTS: usize = 1 << 14;
    let mut chunks = Vec::new();
    let (mut start, mut lines) = (0, 0);
    for (i, e) in net.edges.iter().enumerate() {
        lines += 8 + e.via_len();
        if lines >= CONCEPTS {
            chunks.push((start, i + 1));
            (start, lines) = (i + 1, 0);
        }
    }
    if start < net.edges.len() {
        chunks.push((start, net.edges.len()));
    }
    chunks
}

/// Each node's id and each concept's name as JSON strings, quoted once for the
/// millions of ties that name them.
fn quoted(nodes: &[NetNode], names: &[Text]) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let q = |s: &str| {
        let mut b = Vec::with_capacity(s.len() + 2);
        push_string(&mut b, s);
        b
    };
    (
        nodes.iter().map(|n| q(&n.id)).collect(),
        names.iter().map(|t| q(t)).collect(),
    )
}

/// One tie as a compact object, `EdgeJson`'s fields in order; `source`, `target`
/// and `via` are JSON strings already.
fn tie<'a>(
    buf: &mut Vec<u8>,
    source: &[u8],
    target: &[u8],
    e: &NetEdge,
    via: impl Iterator<Item = &'a [u8]>,
) {
    buf.extend_from_slice(b"{\"source\":");
    buf.extend_from_slice(source);
    buf.extend_from_slice(b",\"target\":");
    buf.extend_from_slice(target);
    buf.extend_from_slice(b",\"weight\":");
    push_float(buf, e.weight);
    buf.extend_from_slice(b",\"sign\":\"");
    buf.extend_from_slice(e.sign().as_bytes());
    buf.extend_from_slice(b"\",\"via\":[");
    for (k, v) in via.enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(v);
    }
    buf.push(b']');
    if let Some(d) = e.first {
        // a date's text needs no escaping
        buf.extend_from_slice(b",\"first\":\"");
        d.push_to(buf);
        buf.push(b'"');
    }
    buf.extend_from_slice(b",\"statements\":");
    push_digits(buf, e.statements as u64);
    buf.push(b'}');
}

/// An f64 as serde_json writes it: a whole number below 10^15 (the raw networks'
/// weights are counts) as its digits and ".0", without the float formatter; any other
/// through serde_json (`null` when not finite).
fn push_float(buf: &mut Vec<u8>, x: f64) {
    if let Some((negative, digits)) = whole(x) {
        if negative {
            buf.push(b'-');
        }
        push_digits(buf, digits);
        buf.extend_from_slice(b".0");
    } else {
        let _ = serde_json::to_writer(&mut *buf, &x);
    }
}

/// A weight that is a whole number below 10^15 (the raw networks' weights are
/// counts), as whether it is negative and its digits' value, for the writers that
/// write such numbers without the float formatter; None for any other (a fraction,
/// -0.0, 10^15 and beyond, not finite).
pub fn whole(x: f64) -> Option<(bool, u64)> {
    (x.fract() == 0.0 && x.abs() < 1e15 && !(x == 0.0 && x.is_sign_negative()))
        .then(|| (x < 0.0, x.abs() as u64))
}

/// A JSON string as serde_json writes it: as it is, quoted, unless it holds a
/// character to escape (a quote, a backslash or a control character).
fn push_string(buf: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        let _ = serde_json::to_writer(&mut *buf, s);
    } else {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    }
}

/// The decimal digits of `v`.
fn push_digits(out: &mut Vec<u8>, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

fn string(w: &mut (impl Write + ?Sized), s: &str) -> io::Result<()> {
    let mut buf = Vec::with_capacity(s.len() + 2);
    push_string(&mut buf, s);
    w.write_all(&buf)
}

fn number(w: &mut (impl Write + ?Sized), v: u64) -> io::Result<()> {
    let mut buf = Vec::with_capacity(20);
    push_digits(&mut buf, v);
    w.write_all(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{NETWORK_FLAT_AT, NETWORK_VERSION};
    use crate::measures::measures;
    use crate::network::{build_network, Kind, NetworkOptions, Normalisation};
    use crate::testgen::random_statements;
    use levelmap_model::date::PartialDate;

    #[test]
    fn a_weight_is_written_as_serde_json_writes_it() {
        let mut xs = vec![0.0, -0.0, 1.0, -1.0, 7.0, 1377606.0, 0.5, -2.25, 1.0 / 3.0];
        xs.extend([
            1e15 - 1.0,
            1e15,
            1e16,
            123456789012345.0,
            f64::NAN,
            f64::INFINITY,
        ]);
        for x in xs {
            let mut buf = Vec::new();
            push_float(&mut buf, x);
            assert_eq!(
                String::from_utf8(buf).unwrap(),
                serde_json::to_string(&x).unwrap(),
                "{x}"
            );
        }
    }

    /// A network document of `kind` under `normalisation`, as the tests write it.
    fn doc<'a>(
        kind: Kind,
        normalisation: Normalisation,
        windows: Vec<WindowOut<'a>>,
    ) -> NetworkOut<'a> {
        NetworkOut {
            schema: "levelmap/network",
            version: NETWORK_VERSION,
            kind: kind.as_str(),
            normalisation: normalisation.as_str(),
            duplicates: "article",
            min_statements: 2,
            windows,
        }
    }

    fn both(doc: &NetworkOut<'_>) -> (String, String) {
        let mut want = Vec::new();
        levelmap_model::json::write_layered(&mut want, doc, NETWORK_FLAT_AT).unwrap();
        let mut got = Vec::new();
        write_network_json(&mut got, doc).unwrap();
        (
            String::from_utf8(got).unwrap(),
            String::from_utf8(want).unwrap(),
        )
    }

    #[test]
    fn written_json_is_the_layered_network_document() {
        let mut all = random_statements(5, 9000, 40, 25);
        // hostile text, a missing date, an odd weight
        all[0].actor = "actor:\"q\\\u{1}".into();
        all[1].policy_label = "P \"x\"\n\t".into();
        all[2].date = None;
        all[3].quote = "“é” \u{7f} \u{2028}".into();
        let kinds = Kind::ALL;
        let norms = [Normalisation::None, Normalisation::Jaccard];
        for (kind, normalisation) in kinds.iter().flat_map(|k| norms.map(|n| (*k, n))) {
            let opts = NetworkOptions {
                kind,
                normalisation,
                min_statements: 2,
            };
            let nets = [
                build_network(&all, opts).unwrap(),
                build_network(&all[..3], opts).unwrap(),
            ];
            let ms: Vec<_> = nets.iter().map(measures).collect();
            let date = |s| Some(PartialDate::parse(s).unwrap());
            let mut windows = vec![
                WindowOut::of(&nets[0], &ms[0], date("2020-01"), date("2020-12")),
                WindowOut::of(&nets[1], &ms[1], None, date("2021")),
            ];
            windows[1].betweenness_sources = Some(7);
            windows.push(WindowOut::of(&nets[1], &ms[1], None, None));
            windows[2].betweenness_sources = Some(3);
            windows.push(WindowOut::of(&nets[1], &ms[1], None, None));
            let doc = |windows| doc(kind, normalisation, windows);
            let (got, want) = both(&doc(windows));
            assert!(got.len() > 1000);
            assert!(got == want, "{kind:?} {normalisation:?}");
            let (got, want) = both(&doc(vec![]));
            assert_eq!(got, want);
        }
    }

    #[test]
    fn a_ties_statements_are_found_from_the_document_by_the_stated_rule() {
        use crate::json::{evidence_of, NetworkJson};
        let all = random_statements(11, 3000, 30, 20);
        for kind in Kind::ALL {
            let opts = NetworkOptions {
                kind,
                normalisation: Normalisation::None,
                min_statements: 2,
            };
            let net = build_network(&all, opts).unwrap();
            let m = measures(&net);
            let doc = doc(
                kind,
                Normalisation::None,
                vec![WindowOut::of(&net, &m, None, None)],
            );
            let mut out = Vec::new();
            write_network_json(&mut out, &doc).unwrap();
            let back: NetworkJson = serde_json::from_slice(&out).unwrap();
            let w = &back.windows[0];
            assert_eq!(w.edges.len(), net.edges.len());
            assert!(net.edges.len() > 20, "{kind:?}");
            for (e, j) in net.edges.iter().zip(&w.edges) {
                let want = net.evidence_positions(e);
                assert_eq!(
                    evidence_of(kind.as_str(), &w.statements, j),
                    want,
                    "{kind:?}"
                );
                assert_eq!(j.statements, want.len(), "{kind:?}");
            }
        }
    }

    #[test]
    fn a_window_written_as_its_ties_are_found_is_the_window_built_whole() {
        use crate::measures::measures_sampled;
        let mut all = random_statements(7, 6000, 40, 25);
        all[0].actor = "actor:\"q\\\u{1}".into();
        all[2].date = None;
        for (kind, normalisation) in Kind::ALL
            .iter()
            .flat_map(|k| [Normalisation::None, Normalisation::Cosine].map(|n| (*k, n)))
        {
            let opts = NetworkOptions {
                kind,
                normalisation,
                min_statements: 2,
            };
            let date = |s| Some(PartialDate::parse(s).unwrap());
            // a network, one too small to have ties, and one of no statements
            let parts: [(&[_], _, _); 3] = [
                (&all[..], date("2020-01"), date("2020-12")),
                (&all[..1], None, date("2021")),
                (&all[..0], None, None),
            ];
            let nets: Vec<_> = parts
                .iter()
                .map(|(list, ..)| build_network(list, opts).unwrap())
                .collect();
            let ms: Vec<_> = nets.iter().map(measures_sampled).collect();
            let doc = |windows| doc(kind, normalisation, windows);
            let windows = nets
                .iter()
                .zip(&ms)
                .zip(&parts)
                .map(|((net, (m, sample)), (_, from, to))| {
                    let mut w = WindowOut::of(net, m, *from, *to);
                    w.betweenness_sources = sample.map(|s| s.sources);
                    w
                })
                .collect();
            let mut want = Vec::new();
            write_network_json(&mut want, &doc(windows)).unwrap();
            let mut got = Vec::new();
            let head = doc(vec![]);
            let mut out = NetworkWriter::start(&mut got, &head).unwrap();
            for (list, from, to) in &parts {
                out.window_streamed(list, opts, *from, *to).unwrap();
            }
            out.finish().unwrap();
            assert!(nets[0].edges.len() > 20, "{kind:?}");
            assert!(
                got == want,
                "{kind:?} {normalisation:?}\n{}",
                String::from_utf8_lossy(&got[..got.len().min(3000)])
            );
        }
    }
}
