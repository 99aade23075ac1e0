//! Standard error broken (`levelmap check 2>&1 >/dev/null | true`): every command
//! still ends with its normal exit code, never a panic (exit 101).

use std::path::Path;

use crate::support::*;

/// A query's arguments: `args`, then `--corpus corpus --out out`.
fn query_of(args: &[&str], corpus: &str, out: &str) -> Vec<String> {
    let mut v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    v.extend(["--corpus", corpus, "--out", out].map(String::from));
    v
}

/// One invocation of every subcommand that prints to stderr.
fn invocations(bad: &Path, none: &Path) -> Vec<Vec<String>> {
    let mini = fixture("mini").display().to_string();
    let (bad, none) = (bad.display().to_string(), none.display().to_string());
    let query = |args: &[&str]| query_of(args, &mini, &none);
    let of = |args: &[&str]| -> Vec<String> { args.iter().map(|s| s.to_string()).collect() };
    vec![
        of(&["check", "--corpus", &bad]),
        of(&["build", "--corpus", &bad, "--out", &none]),
        query(&["show", "nosuchthing"]),
        query(&["neighbors", "nosuchthing"]),
        query(&["path", "nosuchthing", "other"]),
        query(&["stance", "nosuchthing"]),
        query(&["timeline", "--about", "nosuchthing"]),
        query(&["search", "levelling"]),
        query(&["stats"]),
        query(&["render", "timeline", "--width", "5"]),
        of(&[
            "export",
            "--corpus",
            &mini,
            "--output",
            &format!("{none}.svg"),
            "--around",
            "nosuchthing",
        ]),
        of(&["extract", "--stdout", "/nonexistent/article.txt"]),
        of(&["add", "--corpus", &bad, "/nonexistent/draft.toml"]),
        of(&["eval", "--gold", "/nonexistent"]),
        of(&["nosuchcommand"]),
    ]
}

#[test]
fn no_command_panics_when_stderr_is_a_broken_pipe() {
    let bad = TempCorpus::of("mini");
    bad.edit(
        "articles/2020-09-alpha-towns.toml",
        "not a blueprint\"",
        "not a blueprint at all\"",
    );
    let none = bad.dir.path().join("no-out");
    for args in invocations(&bad.path(), &none) {
        let normal = levelmap(&args).run();
        assert!(
            !normal.stderr.is_empty(),
            "{args:?} prints nothing to stderr, so this would not test it"
        );
        assert!(
            !normal.stderr.contains("panicked"),
            "{args:?}: {}",
            normal.stderr
        );
        let broken = levelmap(&args).with_broken_stderr();
        assert_ne!(broken, Some(101), "{args:?} panicked with stderr broken");
        assert_eq!(
            broken, normal.code,
            "{args:?}: exit code changed with stderr broken"
        );
    }
}

/// A copy of the mini fixture built into its own out folder: the copy (kept alive for
/// the test), and the corpus and out paths as arguments.
fn built_mini() -> (TempCorpus, String, String) {
    let built = TempCorpus::of("mini");
    let out = built.dir.path().join("out").display().to_string();
    let corpus = built.path().display().to_string();
    assert_eq!(
        levelmap(["build", "--corpus", &corpus, "--out", &out])
            .run()
            .code,
        Some(0)
    );
    (built, corpus, out)
}

/// `levelmap eval --format json | head` sometimes ended "error: Broken pipe" with exit
/// 1: serde_json wraps the writer's io error in its own, which the check for a reader
/// that went away did not look into. Every command that prints JSON, to a closed pipe.
#[test]
fn eval_json_into_a_closed_pipe_ended_with_an_error() {
    let mini = fixture("mini").display().to_string();
    let (_built, corpus, out) = built_mini();
    let query = |args: &[&str]| query_of(args, &corpus, &out);
    let cases = vec![
        vec![
            "eval".to_string(),
            "--corpus".into(),
            mini.clone(),
            "--gold".into(),
            mini.clone(),
            "--format".into(),
            "json".into(),
        ],
        query(&["stats", "--format", "json"]),
        query(&["timeline", "--format", "json"]),
        query(&["statements", "--format", "json"]),
        query(&["network", "congruence", "--format", "json"]),
    ];
    for args in cases {
        let (code, stderr) = levelmap(&args).with_broken_stdout();
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

/// `levelmap network KIND --format graphml | head -0` (and GEXF) ended "error: cannot
/// write: Broken pipe" with exit 1: the interchange error was turned into a string on
/// the way up, hiding the io error the binary looks for (the CSV writer's case, which
/// shows only past its buffer, is `a_csv_into_a_closed_pipe_was_an_error_not_a_broken_pipe`).
/// Every format of the statements, the networks, polarisation, stats and the exports to
/// standard output, into a pipe whose reader is gone.
#[test]
fn network_graphml_into_a_closed_pipe_ended_with_an_error() {
    let (_built, corpus, out) = built_mini();
    let query = |args: &[&str]| query_of(args, &corpus, &out);
    let mut cases = Vec::new();
    for format in ["table", "json", "csv"] {
        cases.push(query(&["statements", "--format", format]));
        cases.push(query(&["polarisation", "--format", format]));
        cases.push(query(&["stats", "--format", format]));
    }
    for kind in [
        "affiliation",
        "congruence",
        "conflict",
        "subtract",
        "policies",
    ] {
        for format in ["table", "json", "csv", "matrix", "svg", "graphml", "gexf"] {
            cases.push(query(&["network", kind, "--format", format]));
        }
    }
    for format in ["dot", "svg", "json", "graphml", "gexf", "aif", "timelinejs"] {
        cases.push(vec![
            "export".into(),
            "--corpus".into(),
            corpus.clone(),
            "--format".into(),
            format.into(),
        ]);
    }
    let mut failed = Vec::new();
    for args in cases {
        let (code, stderr) = levelmap(&args).with_broken_stdout();
        if code != Some(0) || stderr.contains("error") {
            failed.push(format!("{:?}: exit {code:?}: {stderr}", &args[..4]));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// An error whose message quotes its cause printed the cause again ("error: cannot
/// write: No space left on device" then "caused by: No space left on device"; "no
/// timeline to export: the corpus has no articles: ..." then the same words): main
/// now leaves out a cause an earlier line already says.
#[cfg(target_os = "linux")]
#[test]
fn an_errors_cause_was_printed_twice() {
    let mini = fixture("mini").display().to_string();
    for format in ["graphml", "gexf", "aif", "timelinejs", "json"] {
        let (code, stderr) =
            levelmap(["export", "--corpus", &mini, "--format", format]).with_full_stdout();
        assert_eq!(code, Some(1), "{format}: {stderr}");
        assert_eq!(
            stderr.matches("No space left on device").count(),
            1,
            "{format}: {stderr}"
        );
    }
}

/// `export --format aif --kind actor,policy` wrote an empty AIF document with exit 0,
/// and TimelineJS of a view without articles blamed the corpus ("the corpus has no
/// articles"): both are refused, naming the view and the fix.
#[test]
fn aif_of_a_view_without_claims_was_an_empty_document() {
    let mini = fixture("mini").display().to_string();
    for (format, says) in [
        ("aif", "the view (kind actor,policy) has no claim"),
        ("timelinejs", "the view (kind actor,policy) has no article"),
    ] {
        let done = levelmap([
            "export",
            "--corpus",
            &mini,
            "--format",
            format,
            "--kind",
            "actor,policy",
        ])
        .run();
        assert_eq!(done.code, Some(1), "{format}: {}", done.stdout);
        assert!(done.stderr.contains(says), "{format}: {}", done.stderr);
        assert!(done.stdout.is_empty(), "{format}: {}", done.stdout);
    }
}

/// `export --from-json out/graph.json --auto` ignored `--auto` (a graph.json holds what
/// its build included) and exited 0, as though the drafts were in: refused.
#[test]
fn export_from_json_with_auto_ignored_auto() {
    let done = levelmap([
        "export",
        "--from-json",
        "out/graph.json",
        "--auto",
        "--format",
        "json",
    ])
    .run();
    assert_eq!(done.code, Some(2), "{}", done.stderr);
    assert!(
        done.stderr
            .contains("'--from-json <FILE>' cannot be used with '--auto'"),
        "{}",
        done.stderr
    );
}
