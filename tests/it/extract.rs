//! `levelmap extract`, `add` and `eval`: drafts that `check` accepts, clear errors on
//! bad input, and the accuracy tables.

use std::path::Path;

use crate::support::*;

/// A temporary copy of the bundled corpus with every annotation file removed.
fn bare_bundled() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    copy_dir(&corpus(), &c);
    for e in std::fs::read_dir(c.join("articles")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            std::fs::remove_file(p).unwrap();
        }
    }
    (dir, c)
}

fn txts(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn drafts_of_the_seed_articles_pass_check() {
    let (_d, c) = bare_bundled();
    let files = txts(&c.join("articles"));
    assert!(
        files.len() >= 5,
        "the bundled corpus has the five seed articles"
    );
    let mut run = levelmap(["extract", "--corpus"]).arg(&c);
    for f in &files {
        run = run.arg(f);
    }
    let done = run.ok();
    assert_eq!(
        done.stdout.matches("drafted ").count(),
        files.len(),
        "{}",
        done.stdout
    );
    let check = levelmap(["check", "--corpus"]).arg(&c).ok();
    assert!(check.stdout.contains("0 error(s)"), "{}", check.stdout);
    for f in &files {
        let toml = std::fs::read_to_string(f.with_extension("toml")).unwrap();
        assert!(toml.contains("extracted = true"), "{toml}");
        assert!(toml.contains("[date]"));
        assert!(
            toml.contains("[[claim]]"),
            "every seed has argumentative sentences: {}",
            f.display()
        );
    }
}

#[test]
fn each_seed_alone_drafts_a_file_check_accepts() {
    for f in txts(&corpus().join("articles")) {
        let (_d, c) = bare_bundled();
        // Keep only this article.
        for other in txts(&c.join("articles")) {
            if other.file_name() != f.file_name() {
                std::fs::remove_file(other).unwrap();
            }
        }
        let target = c.join("articles").join(f.file_name().unwrap());
        levelmap(["extract", "--corpus"]).arg(&c).arg(&target).ok();
        let check = levelmap(["check", "--corpus"]).arg(&c).run();
        // The lexicon's lineage quotes cite the other seed articles, which are gone:
        // only those may fail, never the draft.
        let draft_errors: Vec<&str> = check
            .stderr
            .lines()
            .filter(|l| l.contains("-->") && l.contains(".toml") && !l.contains("lexicon"))
            .collect();
        assert!(draft_errors.is_empty(), "{}: {}", f.display(), check.stderr);
    }
}

#[test]
fn extraction_is_deterministic() {
    let f = corpus().join("articles/2024-07-hickson-labour-levelling-up.txt");
    let a = levelmap(["extract", "--stdout"]).arg(&f).ok().stdout;
    let b = levelmap(["extract", "--stdout"]).arg(&f).ok().stdout;
    assert_eq!(a, b);
    assert!(
        a.contains("value = \"2024-07-08\""),
        "the stated date is read: {a}"
    );
    assert!(a.contains("provenance = \"stated\""));
    assert!(
        a.contains("actor = \"actor:james-hickson\""),
        "the byline is read"
    );
}

#[test]
fn markdown_and_html_are_stripped_and_drafted() {
    let t = TempCorpus::of("mini");
    let inbox = t.dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(
        inbox.join("towns-note.md"),
        "# Towns need powers\n\nBy Ann Alpha\n\nPosted on 3 March 2021.\n\nThe Government **should** devolve real powers to towns, as the [Towns Institute](https://x.org) argues. Levelling up remains a pencil sketch.\n",
    )
    .unwrap();
    std::fs::write(
        inbox.join("labour.html"),
        "<!doctype html><html><head><title>Labour plans</title><script>alert('<p>x</p>')</script></head><body><h1>Labour &amp; the regions</h1><p>Posted on: Jul 9th 2024 by Bob Beta</p><p>Labour&rsquo;s &lsquo;securonomics&rsquo; agenda could offer the basis for a new approach, but devolution must go further.</p></body></html>",
    )
    .unwrap();
    let out = t.path().join("articles");
    levelmap(["extract", "--corpus"])
        .arg(t.path())
        .arg("-o")
        .arg(&out)
        .arg(inbox.join("towns-note.md"))
        .arg(inbox.join("labour.html"))
        .ok();
    let html_txt = std::fs::read_to_string(out.join("labour.txt")).unwrap();
    assert!(
        !html_txt.contains('<') && !html_txt.contains("alert"),
        "{html_txt}"
    );
    assert!(html_txt.contains("Labour & the regions"));
    let md_toml = std::fs::read_to_string(out.join("towns-note.toml")).unwrap();
    assert!(md_toml.contains("value = \"2021-03-03\""), "{md_toml}");
    let html_toml = std::fs::read_to_string(out.join("labour.toml")).unwrap();
    assert!(html_toml.contains("value = \"2024-07-09\""), "{html_toml}");
    let check = levelmap(["check", "--corpus"]).arg(t.path()).ok();
    assert!(check.stdout.contains("0 error(s)"), "{}", check.stdout);
}

#[test]
fn build_auto_includes_extracted_items_marked_as_such() {
    let t = TempCorpus::of("mini");
    let f = t.dir.path().join("new.txt");
    std::fs::write(&f, "Regions and Labour\n\nPosted on: 8 July 2024 by Carol Gamma\n\nDevolution must go further, and the Treasury should let go of growth funding across the regions.\n").unwrap();
    levelmap(["add", "--corpus"]).arg(t.path()).arg(&f).ok();
    let plain = levelmap(["build", "--corpus"])
        .arg(t.path())
        .arg("--out")
        .arg(t.out())
        .ok();
    let json_plain = std::fs::read_to_string(t.out().join("graph.json")).unwrap();
    assert!(
        !json_plain.contains("\"extracted\""),
        "build without --auto leaves drafts out: {}",
        plain.stdout
    );
    levelmap(["build", "--auto", "--corpus"])
        .arg(t.path())
        .arg("--out")
        .arg(t.out())
        .ok();
    let json = std::fs::read_to_string(t.out().join("graph.json")).unwrap();
    assert!(json.contains("\"origin\": \"extracted\""), "{json}");
    assert!(json.contains("\"confidence\""));
    // Marked visibly in the drawings too: a class, a dotted border, a tooltip saying so.
    let dot = std::fs::read_to_string(t.out().join("graph.dot")).unwrap();
    assert!(
        dot.contains("extracted") && dot.contains("dotted"),
        "DOT marks drafts"
    );
    let svg = std::fs::read_to_string(t.out().join("graph.svg")).unwrap();
    assert!(
        svg.contains(" extracted"),
        "SVG elements carry the extracted class"
    );
    assert!(
        svg.contains("drafted by levelmap extract"),
        "SVG tooltips say the item is a draft"
    );
}

#[test]
fn add_puts_text_and_draft_into_the_corpus_and_refuses_a_taken_id() {
    let t = TempCorpus::of("mini");
    let f = t.dir.path().join("piece.txt");
    std::fs::write(&f, "Towns and the state\n\nBy Carol Gamma\n\nPosted on 2 May 2022\n\nThe Government must fund towns properly, or levelling up will remain an empty slogan.\n").unwrap();
    let d = levelmap(["add", "--corpus"]).arg(t.path()).arg(&f).ok();
    assert!(d.stdout.contains("added"), "{}", d.stdout);
    let added: Vec<_> = std::fs::read_dir(t.path().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("2022-05"))
        .collect();
    assert_eq!(added.len(), 2, "{added:?}");
    levelmap(["check", "--corpus"]).arg(t.path()).ok();
    let again = levelmap(["add", "--corpus"])
        .arg(t.path())
        .arg("--again")
        .arg("--id")
        .arg("2020-09-alpha-towns")
        .arg(&f)
        .fails();
    assert!(
        again
            .stderr
            .contains("article '2020-09-alpha-towns' is already in"),
        "{}",
        again.stderr
    );
    let bad = levelmap(["add", "--corpus"])
        .arg(t.path())
        .arg("--id")
        .arg("Bad Id")
        .arg(&f)
        .fails();
    assert!(
        bad.stderr.contains("not a valid article id"),
        "{}",
        bad.stderr
    );
}

/// `levelmap add` of a text the corpus already held added it again as `<id>-2`, with
/// exit 0: its claims and statements then counted twice in every network and stance.
/// Refused, naming the article that holds it; `--again` adds it anyway.
#[test]
fn adding_the_same_text_twice_counted_its_statements_twice() {
    let t = TempCorpus::of("mini");
    let f = t.dir.path().join("piece.txt");
    std::fs::write(&f, "Towns and the state\n\nBy Carol Gamma\n\nPosted on 2 May 2022\n\nThe Government must fund towns properly, or levelling up will remain an empty slogan.\n").unwrap();
    let first = levelmap(["add", "--corpus"]).arg(t.path()).arg(&f).ok();
    let stem = first
        .stdout
        .split('\'')
        .nth(1)
        .expect("the added article's id")
        .to_string();
    let twice = levelmap(["add", "--corpus"]).arg(t.path()).arg(&f).fails();
    assert!(
        twice
            .stderr
            .contains(&format!("as article '{stem}' (the same text)"))
            && twice.stderr.contains("--again"),
        "{}",
        twice.stderr
    );
    let texts = |t: &TempCorpus| {
        std::fs::read_dir(t.path().join("articles"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == "txt")
            .count()
    };
    let before = texts(&t);
    levelmap(["add", "--again", "--corpus"])
        .arg(t.path())
        .arg(&f)
        .ok();
    assert_eq!(texts(&t), before + 1, "--again adds it anyway");
}

#[test]
fn extract_does_not_overwrite_an_annotation() {
    let t = TempCorpus::of("mini");
    let txt = t.file("articles/2020-09-alpha-towns.txt");
    let before = std::fs::read_to_string(t.file("articles/2020-09-alpha-towns.toml")).unwrap();
    let d = levelmap(["extract", "--corpus"])
        .arg(t.path())
        .arg(&txt)
        .fails();
    assert!(d.stderr.contains("not overwriting"), "{}", d.stderr);
    assert_eq!(
        std::fs::read_to_string(t.file("articles/2020-09-alpha-towns.toml")).unwrap(),
        before
    );
}

#[test]
fn bad_inputs_get_clear_errors_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(p("empty.txt"), "").unwrap();
    std::fs::write(p("blank.txt"), "  \n\n \t\n").unwrap();
    std::fs::write(p("binary.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    std::fs::write(p("latin1.txt"), b"Caf\xe9 society and the regions.").unwrap();
    std::fs::write(p("nosentences.txt"), "a\n\n12 34\n\n-\n").unwrap();
    let big = std::fs::File::create(p("big.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    drop(big);
    let cases = [
        ("empty.txt", "the file is empty"),
        ("blank.txt", "the file is empty"),
        (
            "binary.txt",
            "looks like a binary file, not text (a NUL byte at byte 8)",
        ),
        ("latin1.txt", "invalid UTF-8 at byte 3"),
        ("nosentences.txt", "no sentences found"),
        ("big.txt", "over the limit of 20971520 bytes"),
        ("missing.txt", "cannot read"),
    ];
    for (name, msg) in cases {
        let d = levelmap(["extract", "--corpus", "tests/fixtures/mini", "--stdout"])
            .arg(p(name))
            .fails();
        assert!(d.stderr.contains(msg), "{name}: {}", d.stderr);
        assert!(
            d.stderr.contains(name),
            "the message names the file: {}",
            d.stderr
        );
    }
    // One bad file does not stop the others, but the run fails.
    let ok = corpus().join("articles/2024-07-hickson-labour-levelling-up.txt");
    let d = levelmap(["extract", "--stdout"])
        .arg(p("empty.txt"))
        .arg(&ok)
        .fails();
    assert!(d.stdout.contains("[[claim]]"), "{}", d.stdout);
    assert!(
        d.stderr.contains("1 of 2 file(s) could not be drafted"),
        "{}",
        d.stderr
    );
}

#[test]
fn eval_prints_both_tables_with_sane_numbers() {
    let d = levelmap(["eval"]).ok();
    assert!(d.stdout.contains("== bundled"), "{}", d.stdout);
    assert!(d.stdout.contains("== held apart"), "{}", d.stdout);
    assert!(d.stdout.contains("Protocol:"));
    for label in ["actors", "policies", "claims", "dates"] {
        assert!(
            d.stdout
                .lines()
                .filter(|l| l.trim_start().starts_with(label))
                .count()
                >= 2,
            "{label}: {}",
            d.stdout
        );
    }
    let j = levelmap([
        "eval",
        "--format",
        "json",
        "--gold",
        "graph",
        "--gold",
        "tests/fixtures/heldout",
    ])
    .ok();
    let v: serde_json::Value = serde_json::from_str(&j.stdout).unwrap();
    let reports = v.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    for r in reports {
        for k in ["actors", "policies", "claims"] {
            let s = &r[k];
            let (c, e, f, g) = (
                s["correct"].as_u64().unwrap(),
                s["extracted"].as_u64().unwrap(),
                s["found"].as_u64().unwrap(),
                s["gold"].as_u64().unwrap(),
            );
            assert!(c <= e && f <= g && g > 0, "{k}: {s}");
        }
        assert!(r["articles"].as_array().unwrap().len() >= 5);
    }
    let held = &reports[1];
    assert!(
        held["articles"].as_array().unwrap().len() >= 6,
        "the held-apart corpus has at least six articles"
    );
}

fn eval_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["eval", "--format", "json"];
    all.extend_from_slice(args);
    let d = levelmap(all).ok();
    serde_json::from_str(&d.stdout).unwrap()
}

/// A judged article is scored by its judgement files: its gold actors are the rows
/// of entities.tsv (the fixture's Margate is in the lexicon but does not act), and
/// its claims are its clear sentences, found by overlap.
#[test]
fn eval_scores_a_judged_article_by_its_judgement_files() {
    let v = eval_json(&["--gold", "tests/fixtures/judged"]);
    let r = &v[0];
    assert_eq!(r["judged_articles"], 1, "{r}");
    assert_eq!(
        r["actors"]["gold"], 2,
        "entities.tsv, not computed mentions: {r}"
    );
    assert_eq!(r["policies"]["gold"], 1);
    assert_eq!(r["claims"]["gold"], 3, "the clear sentences: {r}");
    let kinds = r["claim_kinds"]["kinds"].as_array().unwrap();
    let total: u64 = kinds.iter().map(|k| k[2].as_u64().unwrap()).sum();
    assert_eq!(total, 3);
    // Both judged sentences about the Towns Fund are against it, and so are the
    // drafted claims that match them.
    assert_eq!(r["stances"]["pairs"], 2, "{r}");
    assert_eq!(r["stances"]["agree"], 2, "{r}");
}

/// Regression: nothing stopped a developer from reading the frozen test part's
/// misses; a folder with a FROZEN file gives totals only, in text and in JSON.
#[test]
fn eval_printed_the_misses_of_a_frozen_part() {
    let c = TempCorpus::of("judged");
    std::fs::write(c.file("FROZEN"), "frozen\n").unwrap();
    let gold = c.path().display().to_string();
    let d = levelmap(["eval", "--misses", "--gold", &gold]).ok();
    assert!(d.stdout.contains("frozen: totals only"), "{}", d.stdout);
    assert!(d.stdout.contains("claims "), "{}", d.stdout);
    for hidden in [
        "claim missed",
        "claim spurious",
        "2025-03-example-towns-fund",
        "seaside",
    ] {
        assert!(!d.stdout.contains(hidden), "{hidden} shown: {}", d.stdout);
    }
    let v = eval_json(&["--misses", "--gold", &gold]);
    assert_eq!(v[0]["articles"].as_array().unwrap().len(), 0, "{}", v[0]);
    assert_eq!(v[0]["claims"]["gold"], 3);
    assert!(crate::support::fixture("gold/test/FROZEN").is_file());
    // A run that names no gold does not measure the frozen part.
    let d = levelmap(["eval"]).ok();
    assert!(d.stdout.contains("== gold dev"), "{}", d.stdout);
    assert!(!d.stdout.contains("== gold test"), "{}", d.stdout);
}

/// The background lexicon of UK public life is what `eval --no-background` leaves
/// out: on the dev part it finds policies the bundled lexicon alone does not.
#[test]
fn eval_measures_what_the_background_lexicon_adds() {
    let found = |args: &[&str]| {
        let v = eval_json(args);
        v[0]["policies"]["found"].as_u64().unwrap()
    };
    let with = found(&["--gold", "tests/fixtures/gold/dev"]);
    let without = found(&["--no-background", "--gold", "tests/fixtures/gold/dev"]);
    assert!(with > without + 20, "with {with}, without {without}");
}

/// A malformed judgement row is a located error with the fix, not a silent zero.
#[test]
fn eval_refuses_a_malformed_judgement_file_with_its_line() {
    let c = TempCorpus::of("judged");
    let rel = "articles/2025-03-example-towns-fund.claims.tsv";
    c.edit(rel, "\tborderline\t", "\tmaybe\t");
    let gold = c.path().display().to_string();
    let d = levelmap(["eval", "--gold", &gold]).fails();
    assert!(
        d.stderr.contains("claims.tsv:8: label \"maybe\""),
        "{}",
        d.stderr
    );
    assert!(d.stderr.contains("annotation-guide"), "{}", d.stderr);
}

/// The drafts of one seed article and one held-apart article, pinned whole: the
/// extractor's speed work (combined automata, caches, inverted echo index) must not
/// change a byte of its output. When a deliberate change to extraction or to the
/// bundled lexicon (graph/lexicon) changes them, review the diff and accept it.
#[test]
fn drafts_stay_byte_identical_under_speed_work() {
    for (name, file) in [
        (
            "draft_seed_hickson",
            "graph/articles/2024-07-hickson-labour-levelling-up.txt",
        ),
        (
            "draft_heldout_roberts",
            "tests/fixtures/heldout/articles/2014-11-roberts-devo-manc-mayor.txt",
        ),
    ] {
        let out = levelmap(["extract", "--stdout", file]).ok().stdout;
        insta::assert_snapshot!(name, out);
    }
}

/// The body of the articles the metadata tests draft: two paragraphs of prose.
const BODY: &str = "The government promised a great deal to the towns of the north and the midlands, and very little of it has been delivered since then by anyone. Ministers say the new fund will change that, but councils are not convinced that it will.\n\nThe promise was broken by Boris Johnson, and the councils say so.\n";

/// `levelmap extract --stdout` of one text, from a temporary file.
fn draft_of(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("piece.txt");
    std::fs::write(&f, text).unwrap();
    levelmap(["extract", "--stdout"]).arg(&f).ok().stdout
}

/// Issue 12: a date line under a headline, standfirst and section line without
/// closing punctuation was merged into one pseudo-sentence and not read as stated.
#[test]
fn a_date_line_under_a_headline_was_merged_into_one_sentence() {
    let d = draft_of(&format!(
        "Why lots of English towns are creating puny local governments\n\
         The towns want their councils back and the government has only itself to blame for the swelling numbers\n\
         Local democracy\n\
         Feb 05, 2026 05:47 AM | MARGATE\n\
         {BODY}"
    ));
    assert!(
        d.contains(
            "[date]\nvalue = \"2026-02-05\"\nprovenance = \"stated\"\nevidence = \"Feb 05, 2026 05:47 AM | MARGATE\""
        ),
        "{d}"
    );
    assert!(
        d.contains("title = \"Why lots of English towns are creating puny local governments\"\n"),
        "{d}"
    );
}

/// Issue 12: a politician named after "by" in a body sentence was drafted as the
/// author with confidence 0.9; a byline of its own line still is.
#[test]
fn a_politician_named_after_by_in_a_body_sentence_was_taken_as_the_author() {
    let d = draft_of(&format!("Why the towns fund will fail\n\n{BODY}"));
    assert!(!d.contains("[[author]]"), "{d}");
    let d = draft_of(&format!(
        "Why the towns fund will fail\n\nBy Jane Smithson\n\n{BODY}"
    ));
    assert!(
        d.contains("[[author]]\nactor = \"actor:jane-smithson\""),
        "{d}"
    );
}

/// Issue 12: bylines "Name, Outlet (role)" and "Dr Name (site)" gave no author, and
/// the outlet was never drafted.
#[test]
fn bylines_with_an_outlet_or_a_title_gave_no_author_and_no_outlet() {
    let d = draft_of(&format!(
        "Why the towns fund will fail\n\nJane Smithson, The Northern Courier (economics editor)\n\n{BODY}"
    ));
    assert!(
        d.contains("[[author]]\nactor = \"actor:jane-smithson\""),
        "{d}"
    );
    assert!(
        d.contains("[outlet]\nactor = \"actor:northern-courier\"\nquote = \"Jane Smithson, The Northern Courier (economics editor)\""),
        "{d}"
    );
    assert!(
        d.contains("id = \"actor:northern-courier\""),
        "the outlet is an actor: {d}"
    );
    let d = draft_of(&format!(
        "Why the towns fund will fail\n\nDr Jane Smithson (janesmithson.org)\n\n{BODY}"
    ));
    assert!(
        d.contains("[[author]]\nactor = \"actor:jane-smithson\""),
        "{d}"
    );
    assert!(
        d.contains("[outlet]\nactor = \"actor:janesmithson-org\""),
        "{d}"
    );
}

/// Issue 12: generated ids held stemmed or truncated words and titles swallowed the
/// standfirst; `add` names the article with whole words of the headline.
#[test]
fn generated_ids_held_stemmed_or_truncated_words() {
    let t = TempCorpus::of("mini");
    let f = t.dir.path().join("piece.txt");
    std::fs::write(
        &f,
        format!(
            "The phoenix city\n\nReshaping regional policy after the pandemic\n\n\
             Everything the government promised the regions, and what it delivered\n\n\
             By Jane Smithson\n\n3 May 2020\n\n{BODY}"
        ),
    )
    .unwrap();
    levelmap(["add", "--corpus"]).arg(t.path()).arg(&f).ok();
    let toml = t.file("articles/2020-05-smithson-reshaping-regional-policy-after-pandemic.toml");
    let draft = std::fs::read_to_string(&toml).unwrap_or_else(|e| {
        panic!(
            "{e}: {:?}",
            std::fs::read_dir(t.path().join("articles"))
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect::<Vec<_>>()
        )
    });
    assert!(
        draft.contains("title = \"Reshaping regional policy after the pandemic\"\n"),
        "{draft}"
    );
}

/// A page saved from a browser states its author, date and outlet only in its
/// metadata (meta tags, JSON-LD, front matter); the draft had none of them. They are
/// now written into the stored text as header lines, so each is a verbatim quote.
#[test]
fn page_metadata_gave_no_author_date_or_outlet() {
    let t = TempCorpus::of("mini");
    for (file, id, date, author, outlet) in [
        (
            "page.html",
            "2021-03-page",
            "2021-03-04",
            "By Jane Smithson",
            Some("Publisher: The Northern Echo"),
        ),
        (
            "post.md",
            "2020-11-post",
            "2020-11-18",
            "By Ann Leeward",
            None,
        ),
    ] {
        let src = fixture("page-metadata").join(file);
        levelmap(["add", "--corpus"])
            .arg(t.path())
            .arg("--id")
            .arg(id)
            .arg(&src)
            .ok();
        let text = std::fs::read_to_string(t.file(&format!("articles/{id}.txt"))).unwrap();
        let draft = std::fs::read_to_string(t.file(&format!("articles/{id}.toml"))).unwrap();
        let v: toml::Value = toml::from_str(&draft).unwrap();
        assert_eq!(v["date"]["value"].as_str(), Some(date), "{draft}");
        assert_eq!(v["date"]["provenance"].as_str(), Some("stated"), "{draft}");
        let quotes: Vec<&str> = v["author"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["quote"].as_str())
            .collect();
        assert_eq!(quotes, [author], "{draft}");
        assert_eq!(
            v.get("outlet").and_then(|o| o["quote"].as_str()),
            outlet,
            "{draft}"
        );
        assert!(text.contains(author), "{text}");
        assert!(
            !text.contains("application/ld+json") && !text.contains("---"),
            "{text}"
        );
    }
    // Every quote is verbatim in the stored text: the corpus checks.
    levelmap(["check", "--corpus"]).arg(t.path()).ok();
}

#[test]
fn extract_outside_a_corpus_warned_of_errors_instead_of_saying_the_folder_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("2021-03-post.txt");
    std::fs::write(
        &f,
        "Towns need more\n\nAndy Burnham said the government should devolve more powers to mayors.\n",
    )
    .unwrap();
    let d = levelmap(["extract", "--stdout"])
        .arg(&f)
        .cwd(dir.path())
        .ok();
    assert!(
        d.stderr.contains("warning: no corpus folder at graph")
            && d.stderr.contains("--corpus DIR"),
        "{}",
        d.stderr
    );
    assert!(!d.stderr.contains("error(s)"), "{}", d.stderr);
    assert!(d.stdout.contains("actor:andy-burnham"), "{}", d.stdout);
}
