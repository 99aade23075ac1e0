//! `levelmap export --format timelinejs` (issue 15) loaded in TimelineJS 3 itself: the
//! vendored TimelineJS (tests/fixtures/timelinejs/vendor) in headless Chromium, driven
//! by `tests/browser/timelinejs.py` (Playwright over the DevTools protocol, the system
//! Chromium), which checks the slides TimelineJS built against the JSON; any network
//! request fails it. `./test.sh` installs Python's playwright when missing.

use std::path::Path;
use std::process::Command;

use crate::support::*;
use levelmap_interchange::TljsDocument;

fn export(corpus: &Path, out: &Path) -> TljsDocument {
    levelmap(["export", "--corpus"])
        .arg(corpus)
        .arg("--format")
        .arg("timelinejs")
        .arg("-o")
        .arg(out)
        .ok();
    let text = std::fs::read_to_string(out).expect("the export is written");
    serde_json::from_str(&text).expect("the export is TimelineJS JSON as levelmap defines it")
}

/// Run the browser checks on `json`; every check in `expect` must report `ok`.
fn browser(json: &Path, hostile: &[&str], groups: &[&str], expect: &[&str]) {
    if !chromium_and_playwright("the TimelineJS test") {
        return;
    }
    let mut cmd = Command::new("python3");
    cmd.arg(root().join("tests/browser/timelinejs.py"))
        .arg(json);
    for h in hostile {
        cmd.arg("--hostile").arg(h);
    }
    for g in groups {
        cmd.arg("--group").arg(g);
    }
    let o = cmd.output().expect("python3 runs");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "TimelineJS checks failed\nstdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for t in expect {
        assert!(
            stdout.lines().any(|l| l == format!("ok {t}")),
            "{t} did not pass\n{stdout}"
        );
    }
}

#[test]
fn timelinejs_renders_every_slide_of_the_bundled_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("levelmap.timeline.json");
    let doc = export(&corpus(), &out);
    let reading = levelmap_read::read_corpus(&corpus());
    let g = levelmap_model::graph::build(&reading.corpus, Default::default());
    let count = |k: levelmap_model::NodeKind| {
        g.graph
            .node_indices()
            .filter(|&i| g.node(i).kind == k && g.node(i).date().is_some())
            .count()
    };
    let group = |name: &str| {
        doc.events
            .iter()
            .filter(|s| s.group.as_deref() == Some(name))
            .count()
    };
    assert_eq!(group("Articles"), count(levelmap_model::NodeKind::Article));
    assert_eq!(group("Events"), count(levelmap_model::NodeKind::Event));
    assert!(
        group("Levelling up") > 0,
        "the levelling-up lane is a group"
    );
    // Byte-identical reruns.
    let again = dir.path().join("again.json");
    export(&corpus(), &again);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap());
    browser(
        &out,
        &[],
        &["Levelling up", "Articles", "Events"],
        &[
            "slides-built",
            "one-row-per-group",
            "first-slide-headline",
            "next-changes-headline",
            "no-network-no-errors",
        ],
    );
}

#[test]
fn timelinejs_shows_hostile_names_as_text_and_dates_at_their_precision() {
    let c = TempCorpus::of("hostile");
    // The fund's lane is a group: give its name a real element to inject.
    let fund = "The \"Fund\" <Ω> & co \\ 基金 <u>under</u>";
    c.edit(
        "lexicon/policies.toml",
        r#"name = "The \"Fund\" <Ω> & co \\ 基金""#,
        &format!(
            "name = \"{}\"",
            fund.replace('\\', "\\\\").replace('"', "\\\"")
        ),
    );
    std::fs::write(
        c.file("lexicon/events.toml"),
        "[[event]]\nid = \"event:year-only\"\nname = \"<b id=\\\"injected\\\">Bold</b> & <i>co</i>\"\n\
         kind = \"election\"\ndate = \"2019\"\n\n\
         [[event]]\nid = \"event:month-only\"\nname = \"A month & more\"\nkind = \"election\"\ndate = \"2020-05\"\n",
    )
    .unwrap();
    let out = c.path().join("hostile.timeline.json");
    let doc = export(&c.path(), &out);
    let year = doc
        .events
        .iter()
        .find(|s| s.unique_id == "event-year-only")
        .expect("the year-only event is a slide");
    let d = year.start_date.unwrap();
    assert_eq!((d.year, d.month, d.day), (2019, None, None));
    browser(
        &out,
        &[
            "<b id=\"injected\">Bold</b> & <i>co</i>",
            fund,
            "<script>alert(\"x\")</script> & \"Quotes\"",
        ],
        &[fund],
        &[
            "slides-built",
            "one-row-per-group",
            "dates-at-their-precision",
            "hostile-names-as-text",
            "no-network-no-errors",
        ],
    );
}

#[test]
fn timelinejs_without_a_dated_article_is_a_clear_error() {
    let c = TempCorpus::of("mini");
    let d = levelmap(["export", "--corpus"])
        .arg(c.path())
        .arg("--kind")
        .arg("actor")
        .arg("--format")
        .arg("timelinejs")
        .fails();
    // the view, not the corpus, lacks the articles (the message once blamed the corpus)
    assert!(
        d.stderr.contains("the view (kind actor) has no article")
            && d.stderr.contains("include article in --kind"),
        "{}",
        d.stderr
    );
}
