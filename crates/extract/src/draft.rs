//! Writing a [`Draft`] as an annotation file in the corpus format (graph/README.md),
//! every item marked `extracted = true` with its confidence. Strings are escaped as
//! TOML basic strings, and quotes are verbatim passages of the article text.

use std::fmt::Write as _;
use std::io;

use super::Draft;

/// A TOML basic string, escaped.
pub(crate) fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn conf(c: f64) -> String {
    format!("{:.2}", c.clamp(0.0, 1.0))
}

fn comment(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Render the draft as TOML. `source` names the file it was extracted from.
pub fn render(d: &Draft, source: &str) -> String {
    let mut o = String::new();
    let w = &mut o;
    let _ = writeln!(
        w,
        "# Drafted by `levelmap extract` from {}.",
        comment(source)
    );
    let _ = writeln!(
        w,
        "# Every item is marked `extracted = true` with a confidence (0 to 1): review each one,"
    );
    let _ = writeln!(
        w,
        "# correct it, then delete its `extracted` and `confidence` lines. See graph/README.md."
    );
    let _ = writeln!(
        w,
        "# Read {} sentences; {} claims, {} candidate lexicon entries.",
        d.sentence_count,
        d.claims.len(),
        d.candidates.iter().filter(|c| !c.known).count()
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "title = {}", toml_str(&d.title));
    let _ = writeln!(w, "extracted = true");
    let _ = writeln!(w, "confidence = {}", conf(d.confidence));
    let _ = writeln!(w);
    let _ = writeln!(w, "[date]");
    let _ = writeln!(w, "value = {}", toml_str(&d.date.value.to_string()));
    let _ = writeln!(w, "provenance = {}", toml_str(d.date.provenance.as_str()));
    let _ = writeln!(w, "evidence = {}", toml_str(&d.date.evidence));
    if let Some(r) = &d.date.reasoning {
        let _ = writeln!(w, "reasoning = {}", toml_str(r));
    }
    let _ = writeln!(w, "extracted = true");
    let _ = writeln!(w, "confidence = {}", conf(d.date.confidence));
    if let Some(out) = &d.outlet {
        let _ = writeln!(w);
        let _ = writeln!(w, "[outlet]");
        let _ = writeln!(w, "actor = {}", toml_str(&out.id));
        let _ = writeln!(w, "quote = {}", toml_str(&out.quote));
        let _ = writeln!(w, "extracted = true");
        let _ = writeln!(w, "confidence = {}", conf(out.confidence));
    }
    for a in &d.authors {
        let _ = writeln!(w);
        let _ = writeln!(w, "[[author]]");
        let _ = writeln!(w, "actor = {}", toml_str(&a.id));
        let _ = writeln!(w, "quote = {}", toml_str(&a.quote));
        let _ = writeln!(w, "extracted = true");
        let _ = writeln!(w, "confidence = {}", conf(a.confidence));
    }
    for r in &d.refers_to {
        let _ = writeln!(w);
        let _ = writeln!(w, "[[refers_to]]");
        let _ = writeln!(w, "event = {}", toml_str(&r.id));
        let _ = writeln!(w, "quote = {}", toml_str(&r.quote));
        let _ = writeln!(w, "extracted = true");
        let _ = writeln!(w, "confidence = {}", conf(r.confidence));
    }
    for c in &d.candidates {
        let _ = writeln!(w);
        if c.known {
            let _ = writeln!(
                w,
                "# {} ({}) is already proposed elsewhere in the corpus; referenced here.",
                c.id,
                comment(&c.name)
            );
            continue;
        }
        let mut why = format!(
            "# candidate: {}; found {} time(s)",
            comment(&c.evidence),
            c.count
        );
        if let Some(r) = &c.role {
            let _ = write!(why, "; role: {}", comment(r));
        }
        let _ = writeln!(w, "{why}");
        let _ = writeln!(w, "[[candidate]]");
        let _ = writeln!(w, "id = {}", toml_str(&c.id));
        let _ = writeln!(w, "name = {}", toml_str(&c.name));
        let _ = writeln!(w, "kind = {}", toml_str(&c.kind));
        if !c.aliases.is_empty() {
            let list: Vec<String> = c.aliases.iter().map(|a| toml_str(a)).collect();
            let _ = writeln!(w, "aliases = [{}]", list.join(", "));
        }
        let _ = writeln!(w, "quote = {}", toml_str(&c.quote));
        let _ = writeln!(w, "confidence = {}", conf(c.confidence));
    }
    for c in &d.claims {
        let _ = writeln!(w);
        let _ = writeln!(w, "[[claim]]");
        let _ = writeln!(w, "id = {}", toml_str(&c.id));
        let _ = writeln!(w, "text = {}", toml_str(&c.text));
        let _ = writeln!(w, "quote = {}", toml_str(&c.quote));
        let _ = writeln!(w, "kind = {}", toml_str(c.kind.as_str()));
        if let Some(sp) = &c.speaker {
            let _ = writeln!(w, "speaker = {}", toml_str(sp));
        }
        if c.hedged {
            let _ = writeln!(w, "hedged = true");
        }
        if !c.about.is_empty() {
            let list: Vec<String> = c
                .about
                .iter()
                .map(|(p, s)| {
                    format!(
                        "{{ policy = {}, stance = {} }}",
                        toml_str(p),
                        toml_str(s.as_str())
                    )
                })
                .collect();
            let _ = writeln!(w, "about = [{}]", list.join(", "));
        }
        if !c.echoes.is_empty() {
            let list: Vec<String> = c.echoes.iter().map(|e| toml_str(e)).collect();
            let _ = writeln!(w, "echoes = [{}]", list.join(", "));
        }
        let _ = writeln!(w, "extracted = true");
        let _ = writeln!(w, "confidence = {}", conf(c.confidence));
    }
    for r in &d.relations {
        let _ = writeln!(w);
        let _ = writeln!(w, "[[relation]]");
        let _ = writeln!(w, "from = {}", toml_str(&r.from));
        let _ = writeln!(w, "kind = {}", toml_str(r.kind.as_str()));
        let _ = writeln!(w, "to = {}", toml_str(&r.to));
        let _ = writeln!(w, "quote = {}", toml_str(&r.quote));
        let _ = writeln!(w, "note = {}", toml_str(&r.note));
        let _ = writeln!(w, "extracted = true");
        let _ = writeln!(w, "confidence = {}", conf(r.confidence));
    }
    o
}

/// Write the draft as TOML to `w`.
pub fn write(d: &Draft, source: &str, w: &mut dyn io::Write) -> io::Result<()> {
    w.write_all(render(d, source).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_toml() {
        let nasty = "He said \"no\" \\ then\nleft\t\u{1}é";
        let doc = format!("x = {}\n", toml_str(nasty));
        let v: toml::Table = toml::from_str(&doc).unwrap();
        assert_eq!(v["x"].as_str(), Some(nasty));
    }
}
