//! The incremental build: a rebuild through the read cache (`out/.levelmap-cache/`)
//! writes the same bytes as a full build from scratch, after an article is edited,
//! added or deleted, after a lexicon change, and whatever the cache file holds.

use std::path::{Path, PathBuf};

use crate::support::*;

/// The read cache file of an output folder.
fn cache_file(out: &Path) -> PathBuf {
    out.join(".levelmap-cache/articles.bin")
}

/// Build with `--timings`; the numbers of articles reused and parsed, from its line.
fn rebuild(corpus: &Path, out: &Path) -> (usize, usize, Done) {
    let d = levelmap(["build", "--timings", "--corpus"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .ok();
    let line = d
        .stderr
        .lines()
        .find(|l| l.starts_with("read cache "))
        .unwrap_or_else(|| panic!("no read cache line: {}", d.stderr));
    let words: Vec<&str> = line.split_whitespace().collect();
    let reused = words[2].parse().unwrap();
    let parsed = words[4].parse().unwrap();
    (reused, parsed, d)
}

/// The cache of found mentions of an output folder.
fn mentions_file(out: &Path) -> PathBuf {
    out.join(".levelmap-cache/mentions.bin")
}

/// The numbers of articles whose mentions a build with `--timings` reused and scanned.
fn mentions_used(d: &Done) -> (usize, usize) {
    let line = d
        .stderr
        .lines()
        .find(|l| l.starts_with("mentions cache "))
        .unwrap_or_else(|| panic!("no mentions cache line: {}", d.stderr));
    let words: Vec<&str> = line.split_whitespace().collect();
    (words[2].parse().unwrap(), words[4].parse().unwrap())
}

/// The whole graph a query store holds, as graph.json bytes.
fn store_graph(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    let (_, store) = levelmap_store::Store::open(Box::new(bytes), |_| true)
        .unwrap_or_else(|e| panic!("{} does not open: {e:?}", path.display()));
    let g = store.whole().expect("the store reads whole");
    let mut json = Vec::new();
    levelmap_model::json::write_json(&g, &mut json).unwrap();
    json
}

/// Every file `out` holds (the cache folder aside) is the one a full build of
/// `corpus` from scratch writes, byte for byte; graph.cache, whose header records
/// graph.json's time and the corpus' file times, holds the same graph.
fn assert_same_as_a_full_build(corpus: &Path, out: &Path, when: &str) {
    let scratch = tempfile::tempdir().unwrap();
    let full = scratch.path().join("full");
    levelmap(["build", "--no-cache", "--corpus"])
        .arg(corpus)
        .arg("--out")
        .arg(&full)
        .ok();
    let names = |dir: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != ".levelmap-cache")
            .collect();
        v.sort();
        v
    };
    let written = names(&full);
    assert!(written.len() >= 3, "{written:?}");
    assert_eq!(names(out), written, "{when}: the same files");
    for name in &written {
        if name == "graph.cache" {
            assert!(
                store_graph(&out.join(name)) == store_graph(&full.join(name)),
                "{when}: graph.cache holds another graph than a full build's"
            );
            continue;
        }
        assert!(
            std::fs::read(out.join(name)).unwrap() == std::fs::read(full.join(name)).unwrap(),
            "{when}: {name} differs from a full build's"
        );
    }
}

/// The article stems of a corpus, sorted.
fn stems(corpus: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(corpus.join("articles"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".toml").map(str::to_string)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn editing_adding_and_deleting_articles_rebuilds_the_bytes_of_a_full_build() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_dir(&corpus_dir(), &corpus);
    let out = dir.path().join("out");
    let n = stems(&corpus).len();
    assert_eq!(rebuild(&corpus, &out).0, 0, "an empty cache reuses nothing");
    let (reused, _, d) = rebuild(&corpus, &out);
    assert_eq!(reused, n, "an unchanged corpus reuses every article");
    assert_eq!(mentions_used(&d), (n, 0), "and every article's mentions");
    assert_same_as_a_full_build(&corpus, &out, "unchanged");

    // Edit: a claim's text in one annotation, and a sentence at the end of its text.
    let stem = &stems(&corpus)[n / 2];
    let toml = corpus.join(format!("articles/{stem}.toml"));
    let ann = std::fs::read_to_string(&toml).unwrap();
    let edited = ann.replacen("text = \"", "text = \"Edited: ", 1);
    assert_ne!(ann, edited);
    std::fs::write(&toml, edited).unwrap();
    let txt = corpus.join(format!("articles/{stem}.txt"));
    let mut text = std::fs::read_to_string(&txt).unwrap();
    text.push_str("\nA sentence added by the incremental test.\n");
    std::fs::write(&txt, text).unwrap();
    let (reused, _, d) = rebuild(&corpus, &out);
    assert_eq!(reused, n - 1, "one article parsed again");
    assert_eq!(mentions_used(&d), (n - 1, 1), "one article scanned again");
    assert_same_as_a_full_build(&corpus, &out, "one article edited");

    // Add: a copy of that article under a new stem, with its claim ids renamed.
    let added = "zz-added-by-test";
    let ann = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        corpus.join(format!("articles/{added}.toml")),
        ann.replace("id = \"claim:", "id = \"claim:zz-added-"),
    )
    .unwrap();
    std::fs::copy(&txt, corpus.join(format!("articles/{added}.txt"))).unwrap();
    let (reused, parsed, d) = rebuild(&corpus, &out);
    assert_eq!((reused, parsed), (n, 1), "only the new article is parsed");
    assert_eq!(mentions_used(&d), (n, 1), "only the new article is scanned");
    assert_same_as_a_full_build(&corpus, &out, "one article added");

    // Delete: the article just added.
    for ext in ["txt", "toml"] {
        std::fs::remove_file(corpus.join(format!("articles/{added}.{ext}"))).unwrap();
    }
    let (reused, parsed, d) = rebuild(&corpus, &out);
    assert_eq!((reused, parsed), (n, 0), "a deletion parses nothing");
    assert_eq!(mentions_used(&d), (n, 0), "a deletion scans nothing");
    assert_same_as_a_full_build(&corpus, &out, "one article deleted");
}

/// The bundled corpus.
fn corpus_dir() -> PathBuf {
    corpus()
}

#[test]
fn deleting_an_article_and_adding_it_back_rebuilds_the_bytes_of_a_full_build() {
    let c = TempCorpus::of("mini");
    let out = c.out();
    rebuild(&c.path(), &out);
    // beta echoes alpha; only the lexicon's lineage of levelling up quotes beta.
    let policies = c.file("lexicon/policies.toml");
    let lexicon = std::fs::read_to_string(&policies).unwrap();
    let (start, end) = (
        lexicon.find("[[policy.lineage]]").unwrap(),
        lexicon
            .find("[[policy]]\nid = \"policy:securonomics\"")
            .unwrap(),
    );
    std::fs::write(
        &policies,
        format!("{}{}", &lexicon[..start], &lexicon[end..]),
    )
    .unwrap();
    let beta = c.file("articles/2024-07-beta-labour.toml");
    let beta_txt = c.file("articles/2024-07-beta-labour.txt");
    let (ann, text) = (
        std::fs::read(&beta).unwrap(),
        std::fs::read(&beta_txt).unwrap(),
    );
    std::fs::remove_file(&beta).unwrap();
    std::fs::remove_file(&beta_txt).unwrap();
    assert_eq!(rebuild(&c.path(), &out).0, 1);
    assert_same_as_a_full_build(&c.path(), &out, "beta deleted");
    std::fs::write(&beta, ann).unwrap();
    std::fs::write(&beta_txt, text).unwrap();
    std::fs::write(&policies, lexicon).unwrap();
    let (reused, parsed, _) = rebuild(&c.path(), &out);
    // The cache keeps only the corpus it last read: beta is parsed again.
    assert_eq!((reused, parsed), (1, 1));
    assert_same_as_a_full_build(&c.path(), &out, "beta back");
}

/// The build the binary names in `--version` (its version and source digest), which
/// heads every cache file it writes.
fn this_build() -> String {
    let version = levelmap(["--version"]).ok().stdout;
    version.trim().trim_start_matches("levelmap ").to_string()
}

#[test]
fn a_corrupt_cache_file_is_ignored_safely() {
    let c = TempCorpus::of("mini");
    let out = c.out();
    rebuild(&c.path(), &out);
    let file = cache_file(&out);
    let good = std::fs::read(&file).unwrap();
    // The magic, the format (u32) and the build (its length in a byte, its bytes).
    let header = 20 + 4 + 1 + this_build().len();
    assert!(good.starts_with(b"levelmap-read-cache\n"));
    let mut damaged = damaged_copies(&good, header);
    damaged.push((
        "another format",
        b"levelmap-read-cache\n\x63\0\0\0".to_vec(),
    ));
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).unwrap();
        let (reused, parsed, d) = rebuild(&c.path(), &out);
        assert_eq!(reused + parsed, 2, "{what}: {}", d.stderr);
        assert!(!d.stderr.contains("panicked"), "{what}: {}", d.stderr);
        assert_same_as_a_full_build(&c.path(), &out, what);
        // The next build finds a whole cache again.
        assert_eq!(
            rebuild(&c.path(), &out).0,
            2,
            "{what}: the cache is rewritten"
        );
    }
    // A folder where the file should be: a note, and the build still succeeds.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    let (reused, _, d) = rebuild(&c.path(), &out);
    assert_eq!(reused, 0);
    assert!(d.stderr.contains("note: "), "{}", d.stderr);
    assert_same_as_a_full_build(&c.path(), &out, "a folder for the cache file");
}

#[test]
fn a_lexicon_change_is_seen_by_a_rebuild_that_reuses_every_article() {
    let c = TempCorpus::of("mini");
    let out = c.out();
    rebuild(&c.path(), &out);
    c.edit(
        "lexicon/actors.toml",
        "name = \"Ann Alpha\"",
        "name = \"Ann A. Alpha\"",
    );
    let (reused, parsed, d) = rebuild(&c.path(), &out);
    assert_eq!((reused, parsed), (2, 0));
    assert_eq!(
        mentions_used(&d),
        (0, 2),
        "other names: every article scanned"
    );
    let json = std::fs::read_to_string(out.join("graph.json")).unwrap();
    assert!(json.contains("Ann A. Alpha"));
    assert_same_as_a_full_build(&c.path(), &out, "an actor renamed");
    // An entity an article refers to, removed: the rebuild fails as a full build does.
    c.edit(
        "lexicon/actors.toml",
        "id = \"actor:ann-alpha\"",
        "id = \"actor:ann-gone\"",
    );
    let d = levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(&out)
        .fails();
    let f = levelmap(["build", "--no-cache", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.dir.path().join("full"))
        .fails();
    assert!(d.stderr.contains("actor:ann-alpha"), "{}", d.stderr);
    assert_eq!(d.stderr, f.stderr);
    assert!(json == std::fs::read_to_string(out.join("graph.json")).unwrap());
    // A lexicon change the names do not see (an event's name) reuses every mention.
    c.edit(
        "lexicon/actors.toml",
        "id = \"actor:ann-gone\"",
        "id = \"actor:ann-alpha\"",
    );
    rebuild(&c.path(), &out);
    let events = c.file("lexicon/events.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    std::fs::write(&events, format!("{text}\n")).unwrap();
    let (_, _, d) = rebuild(&c.path(), &out);
    assert_eq!(mentions_used(&d), (2, 0), "the names unchanged");
    assert_same_as_a_full_build(&c.path(), &out, "events edited");
}

#[test]
fn a_damaged_or_stale_cache_of_found_mentions_is_ignored_safely() {
    let c = TempCorpus::of("mini");
    let out = c.out();
    rebuild(&c.path(), &out);
    let file = mentions_file(&out);
    let good = std::fs::read(&file).unwrap();
    assert!(good.starts_with(b"levelmap-mentions-cache\n"));
    // The magic, the format (u32), the build (its length in a byte, its bytes: the
    // version and source digest `--version` prints) and the names' digest.
    let header = 24 + 4 + 1 + this_build().len() + 32;
    let mut damaged = damaged_copies(&good, header);
    let mut other_names = good.clone();
    other_names[header - 1] ^= 1;
    damaged.push(("other names", other_names));
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).unwrap();
        let (_, _, d) = rebuild(&c.path(), &out);
        let (reused, scanned) = mentions_used(&d);
        assert_eq!(reused + scanned, 2, "{what}: {}", d.stderr);
        assert!(!d.stderr.contains("panicked"), "{what}: {}", d.stderr);
        assert_same_as_a_full_build(&c.path(), &out, what);
        let (_, _, d) = rebuild(&c.path(), &out);
        assert_eq!(mentions_used(&d), (2, 0), "{what}: the cache is rewritten");
        // Every entry of the good file (a rebuild appends what a damaged file lacked;
        // an entry whose key was damaged stays, unused, until the file is written
        // whole again).
        let now = std::fs::read(&file).unwrap();
        assert!(now.starts_with(&good[..header]), "{what}: the header");
        let now = entries_of(&now, header);
        for (key, payload) in entries_of(&good, header) {
            assert_eq!(now.get(&key), Some(&payload), "{what}: an entry");
        }
    }
    // An entry whose checksum holds but whose payload is not found mentions is not
    // used: a payload byte changed and its checksum made again.
    let mut forged = good.clone();
    let (len_at, sum_at) = (header + 32, header + 40);
    let len = u64::from_le_bytes(forged[len_at..len_at + 8].try_into().unwrap()) as usize;
    let payload = sum_at + 8..sum_at + 8 + len;
    forged[payload.start] ^= 0x01;
    let sum = xxhash_rust::xxh3::xxh3_64(&forged[payload.clone()]);
    forged[sum_at..sum_at + 8].copy_from_slice(&sum.to_le_bytes());
    std::fs::write(&file, &forged).unwrap();
    let (_, _, d) = rebuild(&c.path(), &out);
    assert_eq!(mentions_used(&d), (1, 1), "{}", d.stderr);
    assert_same_as_a_full_build(&c.path(), &out, "a forged entry");
    // A folder where the file should be: a note, and the build still succeeds.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    let (_, _, d) = rebuild(&c.path(), &out);
    assert_eq!(mentions_used(&d), (0, 2));
    assert!(d.stderr.contains("note: "), "{}", d.stderr);
    assert_same_as_a_full_build(&c.path(), &out, "a folder for the mentions file");
}

#[test]
fn a_failed_build_leaves_the_cache_as_it_was() {
    let c = TempCorpus::of("mini");
    let out = c.out();
    rebuild(&c.path(), &out);
    let cached = std::fs::read(cache_file(&out)).unwrap();
    let mentions = std::fs::read(mentions_file(&out)).unwrap();
    let rel = "articles/2024-07-beta-labour.toml";
    let ann = std::fs::read_to_string(c.file(rel)).unwrap();
    std::fs::write(
        c.file(rel),
        format!("{ann}\n[[relation]]\nfrom = \"actor:nobody\"\n"),
    )
    .unwrap();
    levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(&out)
        .fails();
    assert!(cached == std::fs::read(cache_file(&out)).unwrap());
    assert!(mentions == std::fs::read(mentions_file(&out)).unwrap());
    std::fs::write(c.file(rel), ann).unwrap();
    assert_eq!(rebuild(&c.path(), &out).0, 2, "the last good build's cache");
}

/// The entries of a cache file whose entries start at byte `header`, by key (a key's
/// last entry, as readers take it): `key (32) | length (u64) | xxh3 (u64) | payload`.
fn entries_of(bytes: &[u8], header: usize) -> std::collections::BTreeMap<Vec<u8>, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut at = header;
    while at < bytes.len() {
        let len = u64::from_le_bytes(bytes[at + 32..at + 40].try_into().unwrap()) as usize;
        out.insert(
            bytes[at..at + 32].to_vec(),
            bytes[at + 48..at + 48 + len].to_vec(),
        );
        at += 48 + len;
    }
    out
}

/// Damaged copies of a cache file whose entries start at byte `header`: every byte
/// after the header flipped in turn would be slow, so one byte flipped in each tenth
/// of the entries, the file cut at each tenth, garbage and an empty file.
fn damaged_copies(good: &[u8], header: usize) -> Vec<(&'static str, Vec<u8>)> {
    let mut damaged = Vec::new();
    for tenth in 0..10 {
        let at = header + (good.len() - header) * tenth / 10;
        let mut flipped = good.to_vec();
        flipped[at] ^= 0x5a;
        damaged.push(("a flipped byte", flipped));
        damaged.push(("a cut", good[..at].to_vec()));
    }
    damaged.push(("garbage", vec![0xff; 300]));
    damaged.push(("an empty file", Vec::new()));
    damaged
}

/// The files in the read cache's folder.
fn cache_folder(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(out.join(".levelmap-cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_build_failed_or_killed_after_staging_the_cache_leaves_it_and_the_next_cleans_up() {
    // The cache is written to a temporary file while the graph is built, and renamed
    // in only once every output is written.
    let c = TempCorpus::of("mini");
    let out = c.out();
    rebuild(&c.path(), &out);
    let cached = std::fs::read(cache_file(&out)).unwrap();
    let mentions = std::fs::read(mentions_file(&out)).unwrap();
    let index = std::fs::read(out.join(".levelmap-cache/graph-json.index")).unwrap();
    let rel = "articles/2024-07-beta-labour.txt";
    let text = std::fs::read_to_string(c.file(rel)).unwrap();
    std::fs::write(c.file(rel), format!("{text}\nA paragraph added.\n")).unwrap();
    for fault in ["fail@1", "kill@1", "kill@2"] {
        let d = levelmap(["build", "--corpus"])
            .arg(c.path())
            .arg("--out")
            .arg(&out)
            .env("LEVELMAP_FAULT", fault)
            .run();
        assert_ne!(d.code, Some(0), "{fault}: {}", d.stderr);
        assert!(
            cached == std::fs::read(cache_file(&out)).unwrap(),
            "{fault} changed the cache"
        );
        assert!(
            mentions == std::fs::read(mentions_file(&out)).unwrap(),
            "{fault} changed the cache of found mentions"
        );
        assert!(
            index == std::fs::read(out.join(".levelmap-cache/graph-json.index")).unwrap(),
            "{fault} changed graph.json's index"
        );
        if fault.starts_with("fail") {
            assert_eq!(
                cache_folder(&out),
                ["articles.bin", "graph-json.index", "mentions.bin"],
                "{fault}"
            );
        }
    }
    let (reused, parsed, d) = rebuild(&c.path(), &out);
    assert_eq!((reused, parsed), (1, 1), "the edited article parsed again");
    assert_eq!(mentions_used(&d), (1, 1), "and scanned again");
    assert_eq!(
        cache_folder(&out),
        ["articles.bin", "graph-json.index", "mentions.bin"],
        "temporaries removed"
    );
    assert_same_as_a_full_build(&c.path(), &out, "after failed and killed builds");
}

/// The numbers of graph.json's items a build with `--timings` copied from the previous
/// graph.json and serialised.
fn json_spliced(d: &Done) -> (usize, usize) {
    let line = d
        .stderr
        .lines()
        .find(|l| l.starts_with("graph.json ") && l.contains(" items copied "))
        .unwrap_or_else(|| panic!("no graph.json line: {}", d.stderr));
    let words: Vec<&str> = line.split_whitespace().collect();
    (words[1].parse().unwrap(), words[4].parse().unwrap())
}

/// The number of nodes and edges in an output folder's graph.json.
fn items(out: &Path) -> usize {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("graph.json")).unwrap()).unwrap();
    json["nodes"].as_array().unwrap().len() + json["edges"].as_array().unwrap().len()
}

#[test]
fn an_edit_rebuilds_graph_json_from_the_previous_one_with_the_bytes_of_a_full_build() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_dir(&corpus_dir(), &corpus);
    let out = dir.path().join("out");
    let (_, _, d) = rebuild(&corpus, &out);
    let n = items(&out);
    assert_eq!(
        json_spliced(&d),
        (0, n),
        "a first build serialises every item"
    );
    let (_, _, d) = rebuild(&corpus, &out);
    assert_eq!(json_spliced(&d), (n, 0), "unchanged: every item copied");
    assert_same_as_a_full_build(&corpus, &out, "unchanged");
    // One claim's text edited: its node is written again, the rest copied.
    let stem = &stems(&corpus)[n % stems(&corpus).len()];
    let toml = corpus.join(format!("articles/{stem}.toml"));
    let ann = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, ann.replacen("text = \"", "text = \"Edited: ", 1)).unwrap();
    let (_, _, d) = rebuild(&corpus, &out);
    let (copied, written) = json_spliced(&d);
    assert_eq!(copied + written, n, "{}", d.stderr);
    assert!(
        (1..10).contains(&written),
        "{copied} copied, {written} written"
    );
    assert_same_as_a_full_build(&corpus, &out, "a claim edited");
}

#[test]
fn a_graph_json_changed_since_the_build_is_written_whole_not_spliced_from() {
    let c = TempCorpus::of("mini");
    let out = c.out();
    rebuild(&c.path(), &out);
    // graph.json edited by hand (the same length): its time is not the one indexed.
    let path = out.join("graph.json");
    let json = std::fs::read_to_string(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, json.replacen("\"label\": \"", "\"label\": \"X", 1)).unwrap();
    c.edit(
        "articles/2024-07-beta-labour.toml",
        "text = \"",
        "text = \"Edited: ",
    );
    let (_, _, d) = rebuild(&c.path(), &out);
    assert_eq!(
        json_spliced(&d).0,
        0,
        "nothing copied from an edited graph.json"
    );
    assert_same_as_a_full_build(&c.path(), &out, "graph.json edited by hand");
    // The index itself damaged, or written by another build: graph.json is written whole.
    let index = out.join(".levelmap-cache/graph-json.index");
    let good = std::fs::read(&index).unwrap();
    assert!(good.starts_with(b"levelmap graph.json index 1\n"));
    let mut another = good.clone();
    another[b"levelmap graph.json index 1\n".len() + 4] ^= 1;
    let mut damaged = damaged_copies(&good, 0);
    damaged.push(("another build", another));
    for (what, bytes) in damaged {
        std::fs::write(&index, &bytes).unwrap();
        c.edit(
            "articles/2024-07-beta-labour.toml",
            "text = \"",
            "text = \"Again: ",
        );
        let (_, _, d) = rebuild(&c.path(), &out);
        assert_eq!(json_spliced(&d).0, 0, "{what}: nothing copied");
        assert!(!d.stderr.contains("panicked"), "{what}: {}", d.stderr);
        assert_same_as_a_full_build(&c.path(), &out, what);
    }
}
