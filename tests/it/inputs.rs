//! Hostile inputs (issue 13): corpus files that are not regular files or are too
//! large, ids that make one file name twice or hidden files, DOT strings over
//! Graphviz's limit, and labels that would drive the terminal.

use crate::support::*;

const ALPHA_TXT: &str = "articles/2020-09-alpha-towns.txt";
const BETA_TXT: &str = "articles/2024-07-beta-labour.txt";

/// Generous: a run takes well under a second; this only turns a hang into a failure.
const HANG: u64 = 120;

fn check_within(c: &TempCorpus) -> Done {
    levelmap(["check", "--corpus"])
        .arg(c.path())
        .run_within(HANG)
}

#[cfg(unix)]
fn replace_by_link(c: &TempCorpus, rel: &str, target: &std::path::Path) {
    std::fs::remove_file(c.file(rel)).unwrap();
    std::os::unix::fs::symlink(target, c.file(rel)).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_text_linked_to_dev_zero_is_refused_before_it_is_read() {
    let c = TempCorpus::of("mini");
    replace_by_link(&c, BETA_TXT, std::path::Path::new("/dev/zero"));
    let d = check_within(&c);
    assert_ne!(d.code, Some(0), "{}", d.stderr);
    assert!(
        d.stderr.contains("error[not-a-file]: ")
            && d.stderr
                .contains("2024-07-beta-labour.txt is a character device, not a regular file"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr
            .contains("= help: the corpus reads only regular files"),
        "{}",
        d.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_corpus_is_refused_instead_of_hanging() {
    let c = TempCorpus::of("mini");
    // Queries compare a store with the corpus: build one first.
    levelmap(["build", "--draw", "never", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    std::fs::remove_file(c.file(ALPHA_TXT)).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(c.file(ALPHA_TXT))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let d = check_within(&c);
    assert_ne!(d.code, Some(0), "{}", d.stderr);
    assert!(
        d.stderr
            .contains("2020-09-alpha-towns.txt is a FIFO (named pipe), not a regular file"),
        "{}",
        d.stderr
    );
    // Building and answering from the store (its digest reads the corpus) end too.
    let b = levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .run_within(HANG);
    assert_ne!(b.code, Some(0), "{}", b.stderr);
    levelmap(["show", "policy:levelling-up", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .run_within(HANG);
}

#[test]
fn a_lexicon_file_over_the_size_limit_is_refused_unread() {
    let c = TempCorpus::of("mini");
    // Sparse: 21 MB on paper, nothing on disk.
    let f = std::fs::OpenOptions::new()
        .append(true)
        .open(c.file("lexicon/actors.toml"))
        .unwrap();
    f.set_len(21 * 1024 * 1024).unwrap();
    let d = check_within(&c);
    assert_ne!(d.code, Some(0), "{}", d.stderr);
    assert!(
        d.stderr.contains("error[too-large]: ")
            && d.stderr.contains("actors.toml is too large: 22020096 bytes or more, over the limit of 20971520 bytes"),
        "{}",
        d.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_text_linked_to_a_file_outside_the_corpus_is_read_and_said() {
    let c = TempCorpus::of("mini");
    let outside = c.dir.path().join("beta-elsewhere.txt");
    std::fs::copy(c.file(BETA_TXT), &outside).unwrap();
    replace_by_link(&c, BETA_TXT, &outside);
    let d = check_within(&c);
    assert_eq!(d.code, Some(0), "{}", d.stderr);
    assert!(
        d.stderr
            .contains("warning[symlink]: read through a symbolic link to ")
            && d.stderr.contains("beta-elsewhere.txt")
            && d.stderr.contains("2024-07-beta-labour.txt"),
        "{}",
        d.stderr
    );
    assert!(
        d.stdout.contains("0 error(s), 1 warning(s)"),
        "{}",
        d.stdout
    );
}

#[test]
fn a_dot_in_an_id_is_refused_as_the_readme_says() {
    let c = TempCorpus::of("mini");
    c.edit(
        "lexicon/policies.toml",
        "[[policy]]\nid = \"policy:devolution\"",
        "[[policy]]\nid = \"policy:plan.b\"\nname = \"Plan B\"\nkind = \"agenda\"\n\n\
         [[policy]]\nid = \"policy:devolution\"",
    );
    let d = check_within(&c);
    assert_ne!(d.code, Some(0), "{}", d.stderr);
    assert!(
        d.stderr.contains(
            "error[bad-id]: bad id 'policy:plan.b': '.' is not allowed: a slug is lowercase letters, digits and hyphens"
        ) && d.stderr.contains("policies.toml:"),
        "{}",
        d.stderr
    );
}

#[test]
fn add_with_a_dot_dot_id_makes_no_hidden_files() {
    let c = TempCorpus::of("mini");
    let input = c.dir.path().join("new.txt");
    std::fs::copy(c.file(BETA_TXT), &input).unwrap();
    let before: Vec<_> = std::fs::read_dir(c.file("articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let d = levelmap(["add", "--id", "..", "--corpus"])
        .arg(c.path())
        .arg(&input)
        .fails();
    assert!(
        d.stderr
            .contains("'..' is not a valid article id ('.' is not allowed"),
        "{}",
        d.stderr
    );
    let after: Vec<_> = std::fs::read_dir(c.file("articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before.len(), after.len(), "{after:?}");
}

/// A corpus of one article that names `n` lexicon entries, and a policy with a long
/// description and alias list.
fn crowded_corpus(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("lexicon")).unwrap();
    std::fs::create_dir_all(root.join("articles")).unwrap();
    let mut actors = String::new();
    let mut text = String::from("By Ann Crowd. Posted on 8 July 2024.\n\n");
    actors.push_str(
        "[[actor]]\nid = \"actor:ann-crowd\"\nname = \"Ann Crowd\"\nkind = \"person\"\n\n",
    );
    for i in 0..n {
        actors.push_str(&format!(
            "[[actor]]\nid = \"actor:member-{i:04}\"\nname = \"Member Number{i:04} Ofthecommittee\"\nkind = \"organisation\"\n\n"
        ));
        text.push_str(&format!(
            "We met Member Number{i:04} Ofthecommittee today. "
        ));
    }
    let aliases: Vec<String> = (0..1500).map(|i| format!("\"zz alias {i:04}\"")).collect();
    let policy = format!(
        "[[policy]]\nid = \"policy:everything\"\nname = \"Everything Plan\"\nkind = \"agenda\"\n\
         aliases = [{}]\ndescription = \"{}\"\n",
        aliases.join(", "),
        "A very long description of the plan. ".repeat(800)
    );
    text.push_str("\nThe Everything Plan is here.\n");
    let toml = "title = \"Everyone\"\n\n[date]\nvalue = \"2024-07-08\"\nprovenance = \"stated\"\n\
                evidence = \"Posted on 8 July 2024\"\n\n[[author]]\nactor = \"actor:ann-crowd\"\n\
                quote = \"By Ann Crowd\"\n";
    std::fs::write(root.join("lexicon/actors.toml"), actors).unwrap();
    std::fs::write(root.join("lexicon/policies.toml"), policy).unwrap();
    std::fs::write(root.join("articles/2024-07-crowd-everyone.txt"), text).unwrap();
    std::fs::write(root.join("articles/2024-07-crowd-everyone.toml"), toml).unwrap();
    dir
}

#[test]
fn an_article_naming_700_entries_gives_dot_that_graphviz_reads() {
    let dir = crowded_corpus(700);
    let out = dir.path().join("out");
    levelmap(["build", "--draw", "never", "--corpus"])
        .arg(dir.path())
        .arg("--out")
        .arg(&out)
        .ok();
    let dot = std::fs::read_to_string(out.join("graph.dot")).unwrap();
    // The article's tooltip lists every mention (about 40 kB), the policy's its
    // description and aliases (about 50 kB): both are cut.
    assert!(dot.matches("\u{2026}\"").count() >= 2, "no string was cut");
    for line in dot.lines() {
        for string in line.split("=\"").skip(1) {
            assert!(
                string.len() < 16 * 1024,
                "a DOT string of {} bytes",
                string.len()
            );
        }
    }
    graphviz_svg(&out.join("graph.dot"));
}

#[test]
fn show_prints_escape_osc_and_bidi_characters_visibly_but_json_keeps_them() {
    let c = TempCorpus::of("mini");
    let hostile = "Ann \\u001B[31mRed\\u001B[0m \\u001B]8;;https://evil.example\\u0007link\\u001B]8;;\\u0007 \\u202Eahpla";
    c.edit(
        "lexicon/actors.toml",
        "name = \"Ann Alpha\"",
        &format!("name = \"{hostile}\"\naliases = [\"Ann Alpha\"]"),
    );
    let show = |format: &str| {
        levelmap(["show", "actor:ann-alpha", "--format", format, "--corpus"])
            .arg(c.path())
            .arg("--out")
            .arg(c.out())
            .run_within(HANG)
    };
    let table = show("table");
    assert_eq!(table.code, Some(0), "{}", table.stderr);
    for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(
            !table.stdout.contains(raw),
            "{raw:?} printed raw:\n{}",
            table.stdout
        );
    }
    assert!(
        table.stdout.contains(
            "Ann \\u{1b}[31mRed\\u{1b}[0m \\u{1b}]8;;https://evil.example\\u{7}link\\u{1b}]8;;\\u{7} \\u{202e}ahpla"
        ),
        "{}",
        table.stdout
    );
    let json = show("json");
    assert_eq!(json.code, Some(0), "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let text = v.to_string();
    assert!(
        text.contains("Ann \\u001b[31mRed\\u001b[0m \\u001b]8;;https://evil.example\\u0007link\\u001b]8;;\\u0007 \u{202e}ahpla"),
        "{text}"
    );
}

/// `levelmap search` printed a matching label raw in its table's "match" column, and
/// every message on stderr ("error: no node 'Ann'; did you mean actor:ann-alpha
/// (...)?") quoted labels raw: a name holding escape sequences recoloured the
/// terminal or opened a hyperlink. Every table command and such an error, stdout and
/// stderr alike.
#[test]
fn search_and_did_you_mean_printed_raw_control_characters() {
    let c = TempCorpus::of("mini");
    let hostile =
        "Ann \\u001B[31mRed \\u001B]8;;https://evil.example\\u0007link \\u009B\\u202Eahpla";
    c.edit(
        "lexicon/actors.toml",
        "name = \"Ann Alpha\"",
        &format!("name = \"{hostile}\"\naliases = [\"Ann Alpha\"]"),
    );
    let run = |args: &[&str]| {
        levelmap(args)
            .arg("--corpus")
            .arg(c.path())
            .arg("--out")
            .arg(c.out())
            .run_within(HANG)
    };
    let mut printed = Vec::new();
    for args in [
        &["search", "Ann"][..],
        &["search", "Alpha"],
        &["show", "actor:ann-alpha"],
        &["show", "Ann"],
        &["neighbors", "actor:ann-alpha"],
        &["stance", "actor:ann-alpha"],
        &["statements", "--actor", "An"],
        &["path", "An", "actor:ann-alpha"],
        &["timeline"],
        &["stats"],
        &["network", "affiliation"],
    ] {
        let done = run(args);
        for (stream, text) in [("stdout", &done.stdout), ("stderr", &done.stderr)] {
            if text.chars().any(levelmap_model::visible::is_hidden) {
                printed.push(format!("{args:?} {stream}: {text:?}"));
            }
        }
    }
    assert!(printed.is_empty(), "{}", printed.join("\n"));
    // and the error names the node, its label shown
    let error = run(&["show", "Ann"]);
    assert!(error.stderr.contains("\\u{1b}[31mRed"), "{}", error.stderr);
}

#[cfg(unix)]
#[test]
fn extract_of_a_fifo_is_refused_instead_of_hanging() {
    let c = TempCorpus::of("mini");
    let fifo = c.dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let d = levelmap(["extract", "--stdout", "--corpus"])
        .arg(c.path())
        .arg(&fifo)
        .run_within(HANG);
    assert_ne!(d.code, Some(0), "{}", d.stderr);
    assert!(
        d.stderr
            .contains("pipe.txt: not a regular file: it is a FIFO (named pipe)"),
        "{}",
        d.stderr
    );
}
