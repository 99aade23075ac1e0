//! The tables' schema, named once: every table, its columns, their types, whether they
//! may be null and what they mean. The writer builds the Parquet schema from it and
//! `docs/parquet.md` is checked against it, so the three cannot drift apart.

/// The version of the table layout, written into every file's key-value metadata
/// (`levelmap.version`). Adding a table or an optional column keeps it; renaming,
/// retyping or removing a column bumps it.
pub const VERSION: u32 = 1;

/// The schema name in every file's key-value metadata (`levelmap.schema`).
pub const SCHEMA: &str = "levelmap/parquet";

/// A column's logical type, and the Parquet physical type that stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// UTF-8 text: `BYTE_ARRAY` annotated `STRING` (dictionary-encoded when repetitive).
    Utf8,
    /// A calendar day: `INT32` annotated `DATE` (days since 1970-01-01).
    Date,
    /// A 64-bit float: `DOUBLE`.
    Float64,
    /// `BOOLEAN`.
    Bool,
}

impl Type {
    /// The name docs/parquet.md uses (the Arrow type readers show).
    pub fn doc_name(self) -> &'static str {
        match self {
            Type::Utf8 => "string",
            Type::Date => "date32",
            Type::Float64 => "double",
            Type::Bool => "bool",
        }
    }

    /// The physical type and annotation in a Parquet message type.
    fn parquet(self) -> &'static str {
        match self {
            Type::Utf8 => "binary {} (STRING)",
            Type::Date => "int32 {} (DATE)",
            Type::Float64 => "double {}",
            Type::Bool => "boolean {}",
        }
    }
}

/// One column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// Its type.
    pub ty: Type,
    /// Whether a row may leave it empty (null).
    pub nullable: bool,
    /// What it holds, as docs/parquet.md says it.
    pub meaning: &'static str,
}

/// One table: a file `<name>.parquet`.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// The table's name, and its file's stem.
    pub name: &'static str,
    /// Its columns, in file order.
    pub columns: &'static [Column],
}

impl Table {
    /// The file name the table is written to.
    pub fn file_name(&self) -> String {
        format!("{}.parquet", self.name)
    }

    /// The Parquet message type of the table.
    pub(crate) fn message_type(&self) -> String {
        let mut s = format!("message {} {{\n", self.name);
        for c in self.columns {
            let rep = if c.nullable { "optional" } else { "required" };
            let field = c.ty.parquet().replace("{}", c.name);
            s.push_str(&format!("  {rep} {field};\n"));
        }
        s.push('}');
        s
    }
}

const fn req(name: &'static str, ty: Type, meaning: &'static str) -> Column {
    Column {
        name,
        ty,
        nullable: false,
        meaning,
    }
}

const fn opt(name: &'static str, ty: Type, meaning: &'static str) -> Column {
    Column {
        name,
        ty,
        nullable: true,
        meaning,
    }
}

use Type::{Bool, Date, Float64, Utf8};

/// One row per node, in graph order.
pub const NODES: Table = Table {
    name: "nodes",
    columns: &[
        req("id", Utf8, "`kind:slug`, unique (`article:<stem>` for articles)"),
        req("kind", Utf8, "article, actor, policy, claim or event"),
        req("label", Utf8, "name, title or claim paraphrase"),
        req("origin", Utf8, "curated, derived or extracted"),
        opt("confidence", Float64, "extracted items: the extractor's confidence, 0 to 1"),
        opt("subkind", Utf8, "actors, policies, events: person, party, agenda, election…"),
        opt("date", Utf8, "as written: `2021`, `2021-09` or `2021-09-14`; articles, events, and claims (their article's date)"),
        opt("date_precision", Utf8, "year, month or day"),
        opt("date_start", Date, "first day `date` can mean"),
        opt("date_end", Date, "last day `date` can mean"),
        opt("date_provenance", Utf8, "articles: stated or inferred"),
        opt("url", Utf8, "articles: where published"),
        opt("description", Utf8, "actors, policies, events: the lexicon's description"),
        opt("article", Utf8, "articles: their stem; claims: the stem of the article that makes them"),
        opt("claim_kind", Utf8, "claims: recommendation, evaluation, prediction or description"),
        opt("speaker", Utf8, "claims: the reported speaker's actor id, when not the author"),
        opt("hedged", Bool, "claims: hedged (\"could\", \"may\")"),
    ],
};

/// One row per edge, in graph order.
pub const EDGES: Table = Table {
    name: "edges",
    columns: &[
        req(
            "id",
            Utf8,
            "`<source>-<kind>-><target>`, `#n` added for the n-th repeat; graph.json's edge id",
        ),
        req(
            "kind",
            Utf8,
            "authored, mentions, makes, about, supports, … (docs/query.md)",
        ),
        req("source", Utf8, "the id of the node it leaves (`nodes.id`)"),
        req("target", Utf8, "the id of the node it enters (`nodes.id`)"),
        opt(
            "stance",
            Utf8,
            "`about` edges: for, against, mixed or neutral",
        ),
        req(
            "article",
            Utf8,
            "the stem of the article its evidence quotes",
        ),
        req("origin", Utf8, "curated, derived or extracted"),
        opt(
            "confidence",
            Float64,
            "extracted edges: the extractor's confidence, 0 to 1",
        ),
        opt("note", Utf8, "the curator's note"),
    ],
};

/// One row per evidence quote: every edge's, then every claim's.
pub const EVIDENCE: Table = Table {
    name: "evidence",
    columns: &[
        req(
            "owner",
            Utf8,
            "what the quote is evidence for: `edge` or `node` (later also `statement`)",
        ),
        req("owner_id", Utf8, "`edges.id` or `nodes.id`"),
        req(
            "article",
            Utf8,
            "the stem of the article quoted (its node is `article:<stem>`)",
        ),
        opt(
            "article_date",
            Utf8,
            "the article's date as written (null if the article is not in the graph)",
        ),
        opt(
            "article_date_start",
            Date,
            "first day of the article's date",
        ),
        req("quote", Utf8, "the verbatim quote"),
    ],
};

/// Every table, in the order they are written.
pub const TABLES: [Table; 3] = [NODES, EDGES, EVIDENCE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_types_parse_as_parquet_schemas() {
        for t in TABLES {
            let schema = parquet::schema::parser::parse_message_type(&t.message_type())
                .unwrap_or_else(|e| panic!("{}: {e}\n{}", t.name, t.message_type()));
            assert_eq!(schema.get_fields().len(), t.columns.len());
        }
    }

    #[test]
    fn column_names_are_unique_lowercase_identifiers_within_a_table() {
        for t in TABLES {
            let mut seen = std::collections::BTreeSet::new();
            for c in t.columns {
                assert!(
                    c.name
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch == '_'),
                    "{}.{} needs no quoting in SQL",
                    t.name,
                    c.name
                );
                assert!(seen.insert(c.name), "{}.{} twice", t.name, c.name);
            }
        }
    }

    /// docs/parquet.md has one row per column, `| name | type | nullable | meaning |`,
    /// under a heading naming the table: the documented schema is the written one.
    #[test]
    fn docs_parquet_md_documents_exactly_the_written_schema() {
        let doc = include_str!("../../../docs/parquet.md");
        for t in TABLES {
            let heading = format!("### `{}`", t.file_name());
            let start = doc
                .find(&heading)
                .unwrap_or_else(|| panic!("docs/parquet.md has no heading {heading}"));
            let rows: Vec<Vec<String>> = doc[start + heading.len()..]
                .lines()
                .skip_while(|l| !l.starts_with('|'))
                .take_while(|l| l.starts_with('|'))
                .skip(2) // header and rule
                .map(|l| {
                    l.trim_matches('|')
                        .split(" | ")
                        .map(|c| c.trim().to_string())
                        .collect()
                })
                .collect();
            let want: Vec<Vec<String>> = t
                .columns
                .iter()
                .map(|c| {
                    vec![
                        format!("`{}`", c.name),
                        c.ty.doc_name().to_string(),
                        if c.nullable { "yes" } else { "no" }.to_string(),
                        c.meaning.to_string(),
                    ]
                })
                .collect();
            assert_eq!(rows, want, "docs/parquet.md, table {}", t.name);
        }
    }
}
