"""Read levelmap's Parquet tables with pyarrow and DuckDB, and print what they say as
JSON: each table's rows, schema and metadata (pyarrow), node and edge ids and kinds
(pyarrow), and the stance tally of every policy as SQL over the tables (DuckDB).

Usage: python3 columnar.py DIR. Exit 3 when pyarrow or duckdb is not installed.
"""
import json
import sys

try:
    import duckdb
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
except ImportError as e:
    print(f"missing: {e}", file=sys.stderr)
    sys.exit(3)

folder = sys.argv[1]
out = {}

# pyarrow: whole tables, their schemas and metadata.
tables = {t: pq.read_table(f"{folder}/{t}.parquet") for t in ("nodes", "edges", "evidence")}
for name, table in tables.items():
    out[name] = {
        "rows": table.num_rows,
        "columns": [[f.name, str(f.type), f.nullable] for f in table.schema],
        "meta": {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()},
    }


def counts(column):
    return {d["values"]: d["counts"] for d in pc.value_counts(column).to_pylist()}


out["node_ids"] = tables["nodes"].column("id").to_pylist()
out["edge_ids"] = tables["edges"].column("id").to_pylist()
out["node_kinds"] = counts(tables["nodes"].column("kind"))
out["edge_kinds"] = counts(tables["edges"].column("kind"))
out["evidence_owners"] = counts(tables["evidence"].column("owner"))

# DuckDB: the stance query of `levelmap stance`, for every policy at once, as SQL.
con = duckdb.connect()
for t in tables:
    path = f"{folder}/{t}.parquet".replace("'", "''")
    con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{path}')")
STANCE = """
WITH about AS (  -- claims about a policy: one statement per edge
  SELECT target AS policy, source AS claim, coalesce(stance, 'neutral') AS stance
  FROM edges WHERE kind = 'about'
),
claims AS (SELECT DISTINCT a.claim, c.article FROM about a JOIN nodes c ON c.id = a.claim),
candidates AS (  -- who said a claim: its attributed speakers, else the article's authors, else its outlets
  SELECT c.claim, x.target AS actor, 1 AS tier
    FROM claims c JOIN edges x ON x.kind = 'attributed-to' AND x.source = c.claim
  UNION ALL
  SELECT c.claim, x.source, 2
    FROM claims c JOIN edges x ON x.kind = 'authored' AND x.target = 'article:' || c.article
  UNION ALL
  SELECT c.claim, x.target, 3
    FROM claims c JOIN edges x ON x.kind = 'published-by' AND x.source = 'article:' || c.article
),
said AS (
  SELECT claim, actor FROM candidates
  QUALIFY tier = min(tier) OVER (PARTITION BY claim)
),
direct AS (  -- proposing counts as for, criticising as against
  SELECT target AS policy, source AS actor,
         CASE kind WHEN 'proposes' THEN 'for' ELSE 'against' END AS stance
  FROM edges WHERE kind IN ('proposes', 'criticises')
),
statements AS (
  SELECT a.policy, s.actor, a.stance FROM about a JOIN said s USING (claim)
  UNION ALL SELECT policy, actor, stance FROM direct
)
SELECT policy, actor,
       count(*) FILTER (stance = 'for') AS f, count(*) FILTER (stance = 'against') AS a,
       count(*) FILTER (stance = 'mixed') AS m, count(*) FILTER (stance = 'neutral') AS n
FROM statements GROUP BY policy, actor ORDER BY policy, actor
"""
TALLY = """
SELECT policy, stance, count(*) FROM (
  SELECT target AS policy, coalesce(stance, 'neutral') AS stance FROM edges WHERE kind = 'about'
  UNION ALL
  SELECT target, CASE kind WHEN 'proposes' THEN 'for' ELSE 'against' END
    FROM edges WHERE kind IN ('proposes', 'criticises')
) GROUP BY ALL ORDER BY ALL
"""
UNATTRIBUTED = """
SELECT e.target, count(*) FROM edges e
WHERE e.kind = 'about' AND e.source NOT IN (
  SELECT DISTINCT x.source FROM edges x WHERE x.kind = 'attributed-to'
  UNION SELECT c.id FROM nodes c JOIN edges x
    ON x.kind IN ('authored', 'published-by')
   AND 'article:' || c.article = CASE x.kind WHEN 'authored' THEN x.target ELSE x.source END
  WHERE c.kind = 'claim'
) GROUP BY ALL
"""
stance = {}


def policy(p):
    return stance.setdefault(
        p,
        {"counts": {"for": 0, "against": 0, "mixed": 0, "neutral": 0}, "actors": {}, "unattributed": 0},
    )


for p, s, n in con.execute(TALLY).fetchall():
    policy(p)["counts"][s] = n
for p, actor, f, a, m, n in con.execute(STANCE).fetchall():
    position = {(True, False, False): "for", (False, True, False): "against",
                (False, False, False): "neutral"}.get((f > 0, a > 0, m > 0), "mixed")
    policy(p)["actors"][actor] = {
        "position": position,
        "counts": {"for": f, "against": a, "mixed": m, "neutral": n},
    }
for p, n in con.execute(UNATTRIBUTED).fetchall():
    policy(p)["unattributed"] = n
out["stance"] = stance
print(json.dumps(out, sort_keys=True))
