//! `levelmap check`: the corpus is validated, and every kind of bad input gets a
//! located, helpful message and a non-zero exit.

use crate::support::*;

const ALPHA: &str = "articles/2020-09-alpha-towns.toml";
const BETA: &str = "articles/2024-07-beta-labour.toml";

fn check(c: &TempCorpus) -> Done {
    levelmap(["check", "--corpus"]).arg(c.path()).fails()
}

#[test]
fn mini_fixture_passes() {
    let d = levelmap(["check", "--corpus"]).arg(fixture("mini")).ok();
    assert!(
        d.stdout.contains("0 error(s), 0 warning(s)"),
        "{}",
        d.stdout
    );
    assert!(d.stdout.contains("evolves-into"), "{}", d.stdout);
    assert!(
        d.stdout.contains("dates          2020-09 to 2024-07-08"),
        "{}",
        d.stdout
    );
}

#[test]
fn malformed_toml_names_file_line_column_and_shows_the_line() {
    let c = TempCorpus::of("mini");
    c.edit(
        BETA,
        "title = \"Labour and the regions\"",
        "title = \"Labour and the regions",
    );
    let d = check(&c);
    assert!(
        d.stderr.contains("error[toml]: malformed TOML"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("2024-07-beta-labour.toml:1:"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("1 | title = \"Labour and the regions"),
        "{}",
        d.stderr
    );
}

#[test]
fn misspelt_field_is_reported_not_ignored() {
    let c = TempCorpus::of("mini");
    c.edit(
        ALPHA,
        "kind = \"recommendation\"",
        "knid = \"recommendation\"",
    );
    let d = check(&c);
    assert!(d.stderr.contains("unknown field `knid`"), "{}", d.stderr);
    assert!(
        d.stderr.contains("2020-09-alpha-towns.toml:"),
        "{}",
        d.stderr
    );
}

#[test]
fn unknown_id_suggests_the_closest_known_ids() {
    let c = TempCorpus::of("mini");
    c.edit(
        BETA,
        "speaker = \"actor:rachel-reeves\"",
        "speaker = \"actor:rachel-reves\"",
    );
    let d = check(&c);
    assert!(
        d.stderr
            .contains("error[unknown-id]: unknown actor id 'actor:rachel-reves'"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr
            .contains("help: did you mean actor:rachel-reeves (Rachel Reeves)?"),
        "{}",
        d.stderr
    );
    // Located at the reference: line and column of the value.
    let line = std::fs::read_to_string(c.file(BETA))
        .unwrap()
        .lines()
        .position(|l| l.contains("rachel-reves"))
        .unwrap()
        + 1;
    assert!(
        d.stderr
            .contains(&format!("2024-07-beta-labour.toml:{line}:11")),
        "{}",
        d.stderr
    );
}

#[test]
fn duplicate_id_points_to_the_first_definition() {
    let c = TempCorpus::of("mini");
    c.edit(
        ALPHA,
        "id = \"claim:alpha-2020-devolve-to-towns\"",
        "id = \"claim:alpha-2020-pencil-sketch\"",
    );
    let d = check(&c);
    assert!(
        d.stderr.contains(
            "error[duplicate-id]: duplicate id 'claim:alpha-2020-pencil-sketch' (first defined at"
        ),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("2020-09-alpha-towns.toml:"),
        "{}",
        d.stderr
    );
}

#[test]
fn quote_not_found_shows_the_quote_and_the_closest_passage() {
    let c = TempCorpus::of("mini");
    c.edit(
        BETA,
        "quote = \"levelling up was undermined by government instability\"",
        "quote = \"levelling up was undermined by the instability of government\"",
    );
    let d = check(&c);
    assert!(
        d.stderr.contains("error[quote-not-found]: quote not found in article '2024-07-beta-labour': \"levelling up was undermined by the instability of government\""),
        "{}",
        d.stderr
    );
    assert!(d.stderr.contains("help: the closest passage is: \"levelling up was undermined by government instability."), "{}", d.stderr);
}

#[test]
fn quote_differing_only_in_case_says_so() {
    let c = TempCorpus::of("mini");
    c.edit(
        BETA,
        "quote = \"levelling up was undermined by government instability\"",
        "quote = \"Levelling Up was undermined by government instability\"",
    );
    let d = check(&c);
    assert!(
        d.stderr
            .contains("help: the text has it with different case: \"levelling up was undermined"),
        "{}",
        d.stderr
    );
}

#[test]
fn quote_matching_needs_only_normalised_whitespace_and_quote_marks() {
    let c = TempCorpus::of("mini");
    // Straight quotes and a line break stand for the curly quotes and space of the text.
    c.edit(
        BETA,
        "quote = \"Labour’s ‘securonomics’ agenda\"",
        "quote = \"\"\"Labour's 'securonomics'\n   agenda\"\"\"",
    );
    levelmap(["check", "--corpus"]).arg(c.path()).ok();
}

#[test]
fn article_text_without_annotation_and_annotation_without_text() {
    let c = TempCorpus::of("mini");
    std::fs::write(c.file("articles/2025-01-orphan.txt"), "Just text.").unwrap();
    std::fs::copy(c.file(ALPHA), c.file("articles/2025-02-no-text.toml")).unwrap();
    let d = check(&c);
    assert!(d.stderr.contains("error[missing-annotation]: article text '2025-01-orphan.txt' has no annotation file '2025-01-orphan.toml'"), "{}", d.stderr);
    assert!(
        d.stderr
            .contains("help: create articles/2025-01-orphan.toml (`levelmap extract"),
        "{}",
        d.stderr
    );
    assert!(d.stderr.contains("error[missing-text]: annotation '2025-02-no-text.toml' has no article text '2025-02-no-text.txt'"), "{}", d.stderr);
}

#[test]
fn text_that_is_not_utf8_is_located() {
    let c = TempCorpus::of("mini");
    let p = c.file("articles/2020-09-alpha-towns.txt");
    let mut bytes = std::fs::read(&p).unwrap();
    bytes.extend_from_slice(b"\nCaf\xe9 culture\n");
    std::fs::write(&p, bytes).unwrap();
    let d = check(&c);
    assert!(
        d.stderr
            .contains("error[utf8]: not UTF-8: invalid byte sequence at byte"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("2020-09-alpha-towns.txt:9:4"),
        "{}",
        d.stderr
    );
    assert!(d.stderr.contains("iconv"), "{}", d.stderr);
}

#[test]
fn impossible_and_malformed_dates() {
    let c = TempCorpus::of("mini");
    c.edit(BETA, "value = \"2024-07-08\"", "value = \"2024-02-30\"");
    c.edit(ALPHA, "value = \"2020-09\"", "value = \"Sept 2020\"");
    let d = check(&c);
    assert!(
        d.stderr
            .contains("error[bad-date]: bad date: '2024-02-30' is impossible: 2024-02 has 29 days"),
        "{}",
        d.stderr
    );
    assert!(d.stderr.contains("error[bad-date]: bad date: 'Sept 2020' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"), "{}", d.stderr);
}

#[test]
fn edge_between_the_wrong_kinds_of_node() {
    let c = TempCorpus::of("mini");
    std::fs::write(
        c.file(ALPHA),
        std::fs::read_to_string(c.file(ALPHA)).unwrap()
            + "\n[[relation]]\nfrom = \"actor:ann-alpha\"\nkind = \"evolves-into\"\nto = \"policy:devolution\"\nquote = \"By Ann Alpha\"\n",
    )
    .unwrap();
    let d = check(&c);
    assert!(
        d.stderr.contains("error[wrong-endpoints]: 'evolves-into' cannot go from actor 'actor:ann-alpha' to policy 'policy:devolution': it goes from policy to policy"),
        "{}",
        d.stderr
    );
}

#[test]
fn unknown_edge_kind_lists_the_kinds() {
    let c = TempCorpus::of("mini");
    c.edit(ALPHA, "kind = \"proposes\"", "kind = \"champions\"");
    let d = check(&c);
    assert!(d.stderr.contains("error[bad-kind]: unknown edge kind 'champions': expected one of authored | published-by"), "{}", d.stderr);
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let c = TempCorpus::of("mini");
    c.edit(
        BETA,
        "speaker = \"actor:rachel-reeves\"",
        "speaker = \"actor:nobody\"",
    );
    c.edit(ALPHA, "value = \"2020-09\"", "value = \"2020-13\"");
    c.edit(
        BETA,
        "quote = \"by Bob Beta\"",
        "quote = \"by Robert Beta\"",
    );
    let d = check(&c);
    assert!(
        d.stdout.contains("3 error(s)"),
        "{}\n{}",
        d.stdout,
        d.stderr
    );
    for needle in ["actor:nobody", "no month 13", "by Robert Beta"] {
        assert!(d.stderr.contains(needle), "missing {needle}: {}", d.stderr);
    }
}

#[test]
fn echo_pointing_forward_in_time_is_a_warning() {
    let c = TempCorpus::of("mini");
    c.edit(
        ALPHA,
        "supports = [\"claim:alpha-2020-industrial-strategy-vehicle\"]",
        "supports = [\"claim:alpha-2020-industrial-strategy-vehicle\"]\nechoes = [\"claim:beta-2024-instability\"]",
    );
    let d = levelmap(["check", "--corpus"]).arg(c.path()).ok();
    assert!(d.stderr.contains("warning[invalid]"), "{}", d.stderr);
    assert!(
        d.stderr
            .contains("which is later (2024-07-08); echoes point to an earlier claim"),
        "{}",
        d.stderr
    );
}

#[test]
fn missing_corpus_folder_is_a_clear_error() {
    let d = levelmap(["check", "--corpus", "/nonexistent/corpus"]).fails();
    assert!(
        d.stderr
            .contains("corpus folder '/nonexistent/corpus' not found"),
        "{}",
        d.stderr
    );
}

#[test]
fn lexicon_syntax_error_was_listed_after_the_unknown_ids_it_causes() {
    // A lexicon file that does not parse leaves every reference to its actors
    // unknown; the syntax error, their cause, is listed first.
    let c = TempCorpus::of("mini");
    c.edit(
        "lexicon/actors.toml",
        "name = \"Ann Alpha\"",
        "name = \"Ann Alpha",
    );
    let d = check(&c);
    let first = d.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error[toml]: malformed TOML"),
        "{}",
        d.stderr
    );
    assert!(d.stderr.contains("error[unknown-id]"), "{}", d.stderr);
    let toml_at = d.stderr.find("error[toml]").unwrap();
    let unknown_at = d.stderr.find("error[unknown-id]").unwrap();
    assert!(toml_at < unknown_at, "{}", d.stderr);
}

#[test]
fn nan_confidence_was_accepted_and_broke_the_json_round_trip() {
    let c = TempCorpus::of("mini");
    c.edit(
        "lexicon/policies.toml",
        "aliases = [\"securonomics\"]",
        "aliases = [\"securonomics\"]\nextracted = true\nconfidence = nan",
    );
    let d = check(&c);
    assert!(
        d.stderr
            .contains("error[bad-number]: confidence nan is not a number from 0 to 1"),
        "{}",
        d.stderr
    );
    assert!(d.stderr.contains("policies.toml:19:14"), "{}", d.stderr);
    assert!(
        d.stderr.contains("= help: write the confidence"),
        "{}",
        d.stderr
    );
}

/// A drafted article with no date in its text kept the extractor's placeholder year
/// (2000, confidence 0) and `build --auto` drew it there with no word of warning.
#[test]
fn a_placeholder_date_was_drawn_on_the_timeline_without_a_warning() {
    let c = TempCorpus::of("mini");
    c.edit(
        BETA,
        "value = \"2024-07-08\"\nprovenance = \"stated\"",
        "value = \"2000\"\nprovenance = \"stated\"\nextracted = true\nconfidence = 0.0",
    );
    let d = levelmap(["check", "--corpus"]).arg(c.path()).ok();
    assert!(
        d.stderr.contains(
            "warning[placeholder-date]: date 2000 is the extractor's placeholder: nothing in the article's text dates it"
        ),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("2024-07-beta-labour.toml:4:9"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr
            .contains("= help: set the article's [date] by hand"),
        "{}",
        d.stderr
    );
    // A drafted date the extractor had some ground for is no placeholder.
    c.edit(BETA, "confidence = 0.0", "confidence = 0.4");
    let d = levelmap(["check", "--corpus"]).arg(c.path()).ok();
    assert!(!d.stderr.contains("placeholder-date"), "{}", d.stderr);
}

#[test]
fn year_typo_0202_silently_stretched_the_timeline_tenfold() {
    let c = TempCorpus::of("mini");
    c.edit(BETA, "value = \"2024-07-08\"", "value = \"0202-07-08\"");
    // A warning, not an error: the corpus is still used, the span is named.
    let d = levelmap(["check", "--corpus"]).arg(c.path()).ok();
    assert!(
        d.stderr.contains(
            "warning[far-date]: date 0202-07-08 is more than 100 years from the articles' dates (2020-09)"
        ),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("2024-07-beta-labour.toml:4:9"),
        "{}",
        d.stderr
    );
}

/// Issue 12: an article dated "2039" (from a "N years ago" tied to the wrong event)
/// was accepted. A date after today is a located error; 2999 is after any today.
#[test]
fn an_article_dated_2039_was_accepted() {
    let c = TempCorpus::of("mini");
    c.edit(BETA, "value = \"2024-07-08\"", "value = \"2999-07-08\"");
    let d = levelmap(["check", "--corpus"]).arg(c.path()).fails();
    assert!(
        d.stderr
            .contains("error[future-date]: date 2999-07-08 is after today ("),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("); is the year mistyped?"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("2024-07-beta-labour.toml:4:9"),
        "{}",
        d.stderr
    );
    assert!(
        d.stderr.contains("= help: an article, its events"),
        "{}",
        d.stderr
    );
    // Not also a far-date warning: one date, one message.
    assert!(!d.stderr.contains("far-date"), "{}", d.stderr);
}

#[test]
fn policy_evolving_into_itself_was_accepted() {
    let c = TempCorpus::of("mini");
    c.edit(
        "lexicon/policies.toml",
        "to = \"policy:securonomics\"",
        "to = \"policy:levelling-up\"",
    );
    let d = check(&c);
    assert!(
        d.stderr.contains(
            "error[self-loop]: policy 'policy:levelling-up' has a 'evolves-into' edge to itself"
        ),
        "{}",
        d.stderr
    );
    assert!(d.stderr.contains("policies.toml:9:6"), "{}", d.stderr);
}

#[test]
fn actor_member_of_itself_was_accepted() {
    let c = TempCorpus::of("mini");
    c.edit(
        "lexicon/actors.toml",
        "to = \"actor:towns-institute\"",
        "to = \"actor:ann-alpha\"",
    );
    let d = check(&c);
    assert!(
        d.stderr
            .contains("error[self-loop]: actor 'actor:ann-alpha' has a 'member-of' edge to itself"),
        "{}",
        d.stderr
    );
}
