//! `levelmap render`: the timeline, the evolution view and the yearly map slices are
//! well-formed SVG, deterministic, written atomically, and every odd corpus (one
//! article, no events, articles sharing a date, labels in any script) draws without a
//! panic; filters that match nothing fail with a clear message.

use std::path::{Path, PathBuf};

use crate::support::*;

/// Parse `svg` as XML; panic with the position of the first error. Returns the number
/// of elements.
fn well_formed(svg: &str) -> usize {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(svg);
    let mut depth = 0i64;
    let mut elements = 0;
    loop {
        match r.read_event() {
            Ok(Event::Start(_)) => {
                depth += 1;
                elements += 1;
            }
            Ok(Event::Empty(_)) => elements += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at byte {}: {e}", r.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    elements
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// `levelmap render VIEW… --corpus CORPUS --out OUT` in a fresh folder; returns the folder.
fn render(corpus: &Path, view: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tmp();
    let out = dir.path().join("out");
    levelmap(["render"])
        .args(view)
        .arg("--corpus")
        .arg(corpus)
        .arg("--out")
        .arg(&out)
        .ok();
    (dir, out)
}

trait Args {
    fn args(self, a: &[&str]) -> Self;
}

impl Args for Run {
    fn args(mut self, a: &[&str]) -> Self {
        for x in a {
            self = self.arg(x);
        }
        self
    }
}

fn no_temp_files(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".tmp"),
            "temporary file left behind: {name}"
        );
    }
}

#[test]
fn timeline_of_the_mini_corpus_is_well_formed_and_deterministic() {
    let (_d, out) = render(&fixture("mini"), &["timeline"]);
    let a = read(&out.join("timeline.svg"));
    assert!(well_formed(&a) > 50);
    for id in [
        "article:2020-09-alpha-towns",
        "article:2024-07-beta-labour",
        "policy:levelling-up",
        "event:general-election-2024",
    ] {
        assert!(a.contains(&format!("id=\"{id}\"")), "{id} missing");
    }
    assert!(
        a.contains("id=\"policy:levelling-up-evolves-into-&gt;policy:securonomics\""),
        "the evolution link is drawn"
    );
    assert!(
        a.contains("<title>Levelling up is a pencil sketch, not a blueprint.\n“levelling up remains a pencil sketch"),
        "tooltips carry the quote"
    );
    no_temp_files(&out);
    let (_d2, out2) = render(&fixture("mini"), &["timeline"]);
    assert_eq!(
        a,
        read(&out2.join("timeline.svg")),
        "two runs give the same bytes"
    );
}

#[test]
fn evolution_and_slices_are_deterministic_and_named_by_policy_and_year() {
    let (_d, out) = render(&fixture("mini"), &["evolution", "Levelling Up"]);
    let ev = read(&out.join("evolution-levelling-up.svg"));
    well_formed(&ev);
    assert!(ev.contains("id=\"policy:securonomics\""));
    let (_d2, out2) = render(&fixture("mini"), &["evolution", "policy:levelling-up"]);
    assert_eq!(ev, read(&out2.join("evolution-levelling-up.svg")));

    let (_d, out) = render(&fixture("mini"), &["map", "--slice", "year"]);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["map-2020.svg", "map-2024.svg"]);
    let p2024 = read(&out.join("map-2024.svg"));
    well_formed(&p2024);
    assert!(
        p2024.contains("class=\"node article new\""),
        "the 2024 article is marked new"
    );
    let (_d2, out2) = render(&fixture("mini"), &["map", "--slice", "year"]);
    assert_eq!(p2024, read(&out2.join("map-2024.svg")));
}

#[test]
fn filters_matching_nothing_fail_with_a_clear_message() {
    let run = |extra: &[&str]| {
        levelmap(["render"])
            .args(extra)
            .arg("--corpus")
            .arg(fixture("mini"))
            .arg("--out")
            .arg(tmp().path())
            .fails()
    };
    let d = run(&["timeline", "--from", "2030"]);
    assert!(
        d.stderr.contains(
            "nothing to draw: no article dated 2030 or later; the corpus has 2 article(s) dated 2020-09 to 2024-07-08"
        ),
        "{}",
        d.stderr
    );
    let d = run(&["timeline", "--about", "securonomcs"]);
    assert!(
        d.stderr
            .contains("no node 'securonomcs'; did you mean policy:securonomics (Securonomics)?"),
        "{}",
        d.stderr
    );
    let d = run(&["timeline", "--about", "Rachel Reeves", "--to", "2021"]);
    assert!(
        d.stderr
            .contains("no article about Rachel Reeves (actor:rachel-reeves) dated 2021 or earlier"),
        "{}",
        d.stderr
    );
    let d = run(&["timeline", "--from", "2024", "--to", "2020"]);
    assert!(
        d.stderr.contains("--from 2024 is after --to 2020"),
        "{}",
        d.stderr
    );
    let d = run(&["timeline", "--from", "2021-02-30"]);
    assert!(
        d.stderr
            .contains("'2021-02-30' is impossible: 2021-02 has 28 days"),
        "{}",
        d.stderr
    );
    let d = run(&["timeline", "--lanes", "0"]);
    assert!(
        d.stderr.contains("--lanes must be at least 1"),
        "{}",
        d.stderr
    );
    let d = run(&["evolution", "Rachel Reeves"]);
    assert!(
        d.stderr
            .contains("'Rachel Reeves' is actor:rachel-reeves, not a policy"),
        "{}",
        d.stderr
    );
    let d = run(&["evolution", "nothing-like-it"]);
    assert!(
        d.stderr.contains("no node 'nothing-like-it'"),
        "{}",
        d.stderr
    );
    let d = run(&["map"]);
    assert!(d.stderr.contains("--slice"), "{}", d.stderr);
}

#[test]
fn a_failed_render_leaves_the_earlier_file_intact() {
    let dir = tmp();
    let file = dir.path().join("t.svg");
    levelmap(["render", "timeline", "--corpus"])
        .arg(fixture("mini"))
        .arg("-o")
        .arg(&file)
        .ok();
    let before = read(&file);
    levelmap(["render", "timeline", "--from", "2030", "--corpus"])
        .arg(fixture("mini"))
        .arg("-o")
        .arg(&file)
        .fails();
    assert_eq!(before, read(&file));
    no_temp_files(dir.path());
}

#[test]
fn a_single_article_without_events_gives_every_view() {
    let c = fixture("one-article");
    let (_d, out) = render(&c, &["timeline"]);
    let t = read(&out.join("timeline.svg"));
    well_formed(&t);
    assert!(t.contains("id=\"article:2021-03-solo-towns\""));
    assert!(
        !t.contains("class=\"node event"),
        "no events, no event markers"
    );
    assert!(
        t.contains("Timeline of the debate, 3 Mar 2021"),
        "one date, not a range"
    );
    let (_d, out) = render(&c, &["evolution", "towns fund"]);
    well_formed(&read(&out.join("evolution-towns-fund.svg")));
    let (_d, out) = render(&c, &["map", "--slice", "year"]);
    well_formed(&read(&out.join("map-2021.svg")));
}

#[test]
fn articles_sharing_a_date_each_get_a_card_and_their_claims() {
    let (_d, out) = render(&fixture("same-date"), &["timeline"]);
    let t = read(&out.join("timeline.svg"));
    well_formed(&t);
    for a in ["2022-02-a-missions", "2022-02-b-money", "2022-02-c-metrics"] {
        assert!(t.contains(&format!("id=\"article:{a}\"")), "{a}");
    }
    for c in [
        "claim:a-2022-heart",
        "claim:b-2022-heart",
        "claim:c-2022-heart",
    ] {
        assert!(t.contains(&format!("id=\"{c}\"")), "{c}");
    }
    assert!(
        t.contains("id=\"claim:c-2022-money-attacks-&gt;claim:a-2022-heart\""),
        "a link between articles of one date"
    );
}

#[test]
fn labels_in_any_script_are_kept_and_markup_is_escaped() {
    let c = fixture("scripts");
    let (_d, out) = render(&c, &["timeline"]);
    let t = read(&out.join("timeline.svg"));
    well_formed(&t);
    for s in [
        "地方創生",
        "اللامركزية",
        "Децентрализация",
        "Ἡ Ἐφημερίς",
        "αποκέντρωση",
    ] {
        assert!(t.contains(s), "{s} missing");
    }
    assert!(!t.contains("<script"), "markup in labels is escaped");
    assert!(!t.contains("<b>"), "markup in labels is escaped");
    assert!(t.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let (_d, out) = render(&c, &["evolution", "地方創生"]);
    let e = read(&out.join("evolution-chiho-sosei.svg"));
    well_formed(&e);
    assert!(e.contains("地方への移住支援は十分ではない。"));
    let (_d, out) = render(&c, &["map", "--slice", "year"]);
    well_formed(&read(&out.join("map-2023.svg")));
}

#[test]
fn bundled_corpus_timeline_shows_the_articles_on_a_time_axis_with_lanes_and_evolution() {
    let (_d, out) = render(&corpus(), &["timeline"]);
    let t = read(&out.join("timeline.svg"));
    well_formed(&t);
    let articles: Vec<String> = std::fs::read_dir(corpus().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(articles.len() >= 5);
    for a in &articles {
        assert!(
            t.contains(&format!("id=\"article:{a}\"")),
            "{a} has no card"
        );
    }
    for lane in [
        "policy:levelling-up",
        "policy:securonomics",
        "policy:devolution",
    ] {
        assert!(
            t.contains(&format!("id=\"{lane}\" class=\"lane policy\"")),
            "{lane} has no lane"
        );
    }
    assert!(t.contains("id=\"policy:levelling-up-evolves-into-&gt;policy:securonomics\""));
    let d = levelmap(["render", "evolution", "industrial strategy", "--corpus"])
        .arg(corpus())
        .arg("--out")
        .arg(&out)
        .ok();
    assert!(
        d.stdout.contains("evolution-industrial-strategy.svg"),
        "{}",
        d.stdout
    );
    assert!(read(&out.join("evolution-industrial-strategy.svg"))
        .contains("id=\"policy:local-growth-plans\""));
}
