//! `levelmap/network` JSON written fast: the bytes serde_json's pretty printer gives
//! for [`NetworkOut`](crate::json::NetworkOut), with the document's frame written
//! here, statements and nodes serialised in parallel chunks, and every edge (a dense
//! network has millions, each listing its evidence) laid out by hand on every core:
//! its evidence found through an [`EvidenceIndex`], no allocation per edge, integers
//! written without a formatter (`written_json_is_serde_jsons_pretty_printing`).

use std::io::{self, Write};

use levelmap_model::json::{write_chunks, write_items, write_pretty_at};

use crate::evidence::EvidenceIndex;
use crate::json::{node_json, NetworkOut, StatementJson, WindowOut};
use crate::network::{NetEdge, Network};

/// Write `doc` as pretty JSON (no final newline): `write_pretty(w, doc)`'s bytes.
pub fn write_network_json(w: &mut (impl Write + ?Sized), doc: &NetworkOut<'_>) -> io::Result<()> {
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
    if doc.windows.is_empty() {
        w.write_all(b"[]")?;
    }
    for (k, window) in doc.windows.iter().enumerate() {
        w.write_all(if k == 0 { b"[\n    {" } else { b",\n    {" })?;
        write_window(w, window)?;
        w.write_all(b"\n    }")?;
    }
    if !doc.windows.is_empty() {
        w.write_all(b"\n  ]")?;
    }
    w.write_all(b"\n}")
}

/// One window's fields, at depth 3.
fn write_window(w: &mut (impl Write + ?Sized), window: &WindowOut<'_>) -> io::Result<()> {
    let mut sep: &[u8] = b"\n      \"";
    for (name, date) in [("from", window.from), ("to", window.to)] {
        if let Some(d) = date {
            w.write_all(sep)?;
            write!(w, "{name}\": \"{d}\"")?;
            sep = b",\n      \"";
        }
    }
    if let Some(k) = window.betweenness_sources {
        w.write_all(sep)?;
        w.write_all(b"betweenness_sources\": ")?;
        number(w, k as u64)?;
        sep = b",\n      \"";
    }
    let net = window.network();
    w.write_all(sep)?;
    w.write_all(b"statements\": ")?;
    // a statement is a quote and eight fields: small chunks keep a round's bytes small
    let chunks: Vec<(usize, usize)> = (0..net.statements.len())
        .step_by(512)
        .map(|s| (s, (s + 512).min(net.statements.len())))
        .collect();
    write_chunks(w, 3, &chunks, |_: &mut (), i, buf| {
        write_pretty_at(buf, 4, &StatementJson::of(&net.statements[i]))
    })?;
    w.write_all(b",\n      \"nodes\": ")?;
    let m = window.measures();
    write_items(w, 3, net.nodes.len(), |_: &mut (), i, buf| {
        write_pretty_at(buf, 4, &node_json(&net.nodes[i], &m[i]))
    })?;
    w.write_all(b",\n      \"edges\": ")?;
    let index = EvidenceIndex::new(net);
    write_chunks(
        w,
        3,
        &edge_chunks(net),
        |positions: &mut Vec<u32>, i, buf| {
            let e = &net.edges[i];
            index.positions(e, positions);
            edge(buf, net, e, positions);
            Ok(())
        },
    )
}

/// The edges in chunks of about equal bytes (an edge's JSON grows with its
/// evidence, and a few ties of a dense network list thousands of statements).
fn edge_chunks(net: &Network) -> Vec<(usize, usize)> {
    // about 16 bytes a line: chunks of about 256 KB, 4 MB a round
    const LINES: usize = 1 << 14;
    let mut chunks = Vec::new();
    let (mut start, mut lines) = (0, 0);
    for (i, e) in net.edges.iter().enumerate() {
        lines += 10 + e.statements + e.via_len();
        if lines >= LINES {
            chunks.push((start, i + 1));
            (start, lines) = (i + 1, 0);
        }
    }
    if start < net.edges.len() {
        chunks.push((start, net.edges.len()));
    }
    chunks
}

/// One edge as an object at depth 4, `EdgeJson`'s fields in order.
fn edge(buf: &mut Vec<u8>, net: &Network, e: &NetEdge, evidence: &[u32]) {
    const FIELD: &[u8] = b",\n          \"";
    const ITEM: &[u8] = b",\n            ";
    buf.extend_from_slice(&b"{\n          \"source\": "[..]);
    push_string(buf, &net.nodes[e.source].id);
    buf.extend_from_slice(FIELD);
    buf.extend_from_slice(b"target\": ");
    push_string(buf, &net.nodes[e.target].id);
    buf.extend_from_slice(FIELD);
    buf.extend_from_slice(b"weight\": ");
    // serde_json's own float writing (ryu, `null` when not finite)
    let _ = serde_json::to_writer(&mut *buf, &e.weight);
    buf.extend_from_slice(FIELD);
    buf.extend_from_slice(b"sign\": \"");
    buf.extend_from_slice(e.sign().as_bytes());
    buf.extend_from_slice(b"\"");
    buf.extend_from_slice(FIELD);
    buf.extend_from_slice(b"via\": ");
    let mut first = true;
    for v in net.via(e) {
        buf.extend_from_slice(if first { b"[\n            " } else { ITEM });
        push_string(buf, v);
        first = false;
    }
    close(buf, first);
    if let Some(d) = e.first {
        buf.extend_from_slice(FIELD);
        // a date's text needs no escaping
        let _ = write!(buf, "first\": \"{d}\"");
    }
    buf.extend_from_slice(FIELD);
    buf.extend_from_slice(b"evidence\": ");
    for (k, &p) in evidence.iter().enumerate() {
        buf.extend_from_slice(if k == 0 { b"[\n            " } else { ITEM });
        push_digits(buf, p as u64);
    }
    close(buf, evidence.is_empty());
    buf.extend_from_slice(b"\n        }");
}

/// The end of an array of an edge: `[]` when it was empty.
fn close(buf: &mut Vec<u8>, empty: bool) {
    buf.extend_from_slice(if empty { b"[]" } else { b"\n          ]" });
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
    use crate::json::VERSION;
    use crate::measures::measures;
    use crate::network::{build_network, Kind, NetworkOptions, Normalisation};
    use crate::testgen::random_statements;
    use levelmap_model::date::PartialDate;

    fn both(doc: &NetworkOut<'_>) -> (String, String) {
        let mut want = Vec::new();
        levelmap_model::json::write_pretty(&mut want, doc).unwrap();
        let mut got = Vec::new();
        write_network_json(&mut got, doc).unwrap();
        (
            String::from_utf8(got).unwrap(),
            String::from_utf8(want).unwrap(),
        )
    }

    #[test]
    fn written_json_is_serde_jsons_pretty_printing() {
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
            let doc = |windows| NetworkOut {
                schema: "levelmap/network",
                version: VERSION,
                kind: kind.as_str(),
                normalisation: normalisation.as_str(),
                duplicates: "article",
                min_statements: 2,
                windows,
            };
            let (got, want) = both(&doc(windows));
            assert!(got.len() > 1000);
            assert!(got == want, "{kind:?} {normalisation:?}");
            let (got, want) = both(&doc(vec![]));
            assert_eq!(got, want);
        }
    }
}
