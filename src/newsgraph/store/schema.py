"""The knowledge base schema: one DDL definition, numbered migrations, two SQL dialects.

Tables mirror the records of :mod:`newsgraph.records`: one row per article, per entity of an
article (with its mentions and roles), per quote, time expression, quantity, event and
stance, each keyed by ``(article_id, pos)`` so an article's facts come back in their order.
Columns are the record fields, except that ``start``/``end`` are ``start_char``/``end_char``
(``end`` is an SQL keyword). A record field the schema does not know yet (a field added by a
newer minor version of the records) is kept in the row's ``extra`` JSON column, so nothing is
lost before a migration adds a column for it.

Across articles, ``entities`` holds one row per actor (a stable id from the entity layer's
:class:`~newsgraph.identity.EntityIndex`), ``aliases`` every name it was
seen under; fact rows carry the actor ids (``speaker_actor_id``...) beside the article's own
entity ids.

The DDL is written once with three placeholders for the types the dialects spell differently
(``{float}``, ``{blob}``, ``{bigint}``); full-text search is the one part written per dialect
(FTS5 tables in SQLite, ``tsvector`` columns with GIN indexes in PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Dialect = Literal["sqlite", "postgres"]

#: The schema version this code writes; :data:`MIGRATIONS` brings a database up to it.
SCHEMA_VERSION = 3

_TYPES: dict[Dialect, dict[str, str]] = {
    # SQLite's REAL is a 64-bit float; PostgreSQL's REAL is 32-bit, which would not round-trip.
    "sqlite": {"float": "REAL", "blob": "BLOB", "bigint": "INTEGER"},
    "postgres": {"float": "DOUBLE PRECISION", "blob": "BYTEA", "bigint": "BIGINT"},
}

_V1_TABLES = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    seq {bigint} NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    title TEXT,
    published TEXT,
    published_from TEXT,
    published_confidence {float},
    published_evidence TEXT,
    url TEXT,
    author TEXT,
    source TEXT,
    language TEXT,
    schema_version TEXT NOT NULL,
    text TEXT NOT NULL,
    source_text TEXT,
    layout TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles (id),
    similarity {float},
    minhash {blob}
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);

CREATE TABLE article_sources (
    raw_hash TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    seq {bigint} NOT NULL UNIQUE,
    input_id TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    published TEXT
);
CREATE INDEX article_sources_article ON article_sources (article_id);

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    actor_code TEXT,
    country_code TEXT,
    latitude {float},
    longitude {float}
);
CREATE INDEX entities_type ON entities (type);

CREATE TABLE aliases (
    entity_id TEXT NOT NULL REFERENCES entities (id),
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX aliases_key ON aliases (key);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles (id),
    pos INTEGER NOT NULL,
    entity TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,
    link_names TEXT NOT NULL,
    actor_code TEXT,
    country_code TEXT,
    latitude {float},
    longitude {float},
    actor_id TEXT NOT NULL REFERENCES entities (id),
    extra TEXT,
    PRIMARY KEY (article_id, pos)
);
CREATE INDEX article_entities_actor ON article_entities (actor_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (id),
    entity_pos INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    entity TEXT,
    kind TEXT NOT NULL,
    actor_id TEXT REFERENCES entities (id),
    extra TEXT,
    PRIMARY KEY (article_id, entity_pos, pos)
);
CREATE INDEX mentions_actor ON mentions (actor_id);

CREATE TABLE roles (
    article_id TEXT NOT NULL REFERENCES articles (id),
    entity_pos INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    title TEXT NOT NULL,
    affiliation TEXT,
    start_char INTEGER,
    end_char INTEGER,
    margin_start INTEGER,
    margin_end INTEGER,
    actor_id TEXT REFERENCES entities (id),
    extra TEXT,
    PRIMARY KEY (article_id, entity_pos, pos)
);
CREATE INDEX roles_actor ON roles (actor_id);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id),
    pos INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    addressee TEXT,
    addressee_entity TEXT,
    addressee_start INTEGER,
    addressee_end INTEGER,
    via TEXT,
    speaker_actor_id TEXT REFERENCES entities (id),
    addressee_actor_id TEXT REFERENCES entities (id),
    extra TEXT,
    PRIMARY KEY (article_id, pos)
);
CREATE INDEX quotes_speaker ON quotes (speaker_actor_id);

CREATE TABLE time_expressions (
    article_id TEXT NOT NULL REFERENCES articles (id),
    pos INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT,
    mod TEXT,
    anchor TEXT,
    extra TEXT,
    PRIMARY KEY (article_id, pos)
);
CREATE INDEX time_expressions_value ON time_expressions (value);

CREATE TABLE quantities (
    article_id TEXT NOT NULL REFERENCES articles (id),
    pos INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    value {float},
    unit TEXT,
    mod TEXT,
    what TEXT,
    category TEXT,
    low {float},
    high {float},
    per TEXT,
    what_start INTEGER,
    what_end INTEGER,
    extra TEXT,
    PRIMARY KEY (article_id, pos)
);
CREATE INDEX quantities_unit ON quantities (unit);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id),
    pos INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    code TEXT,
    source TEXT,
    source_entity TEXT,
    source_code TEXT,
    target TEXT,
    target_entity TEXT,
    target_code TEXT,
    place TEXT,
    date TEXT,
    date_from TEXT,
    status TEXT NOT NULL,
    goldstein {float},
    quad_class INTEGER,
    source_actor_start INTEGER,
    source_actor_end INTEGER,
    target_actor_start INTEGER,
    target_actor_end INTEGER,
    place_code TEXT,
    latitude {float},
    longitude {float},
    sentence TEXT NOT NULL,
    source_actor_id TEXT REFERENCES entities (id),
    target_actor_id TEXT REFERENCES entities (id),
    extra TEXT,
    PRIMARY KEY (article_id, pos)
);
CREATE INDEX events_source_actor ON events (source_actor_id);
CREATE INDEX events_target_actor ON events (target_actor_id);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_date ON events (date);

CREATE TABLE stances (
    article_id TEXT NOT NULL REFERENCES articles (id),
    pos INTEGER NOT NULL,
    holder TEXT NOT NULL,
    target TEXT NOT NULL,
    polarity TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    holder_entity TEXT,
    evidence TEXT,
    target_start INTEGER,
    target_end INTEGER,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    holder_actor_id TEXT REFERENCES entities (id),
    extra TEXT,
    PRIMARY KEY (article_id, pos)
);
CREATE INDEX stances_holder ON stances (holder_actor_id);
"""

# Full-text search: SQLite keeps separate FTS5 tables written in the same transaction as the
# rows; PostgreSQL computes tsvector columns itself, so its inserts need nothing extra.
_V1_FTS: dict[Dialect, str] = {
    "sqlite": """
CREATE VIRTUAL TABLE articles_fts USING fts5 (article_id UNINDEXED, title, text, tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    article_id UNINDEXED, pos UNINDEXED, speaker, text, tokenize = 'porter unicode61'
);
""",
    "postgres": """
ALTER TABLE articles ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
ALTER TABLE quotes ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(speaker, '') || ' ' || text)) STORED;
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);
""",
}


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    tables: str
    fts: dict[Dialect, str]

    def statements(self, dialect: Dialect) -> list[str]:
        """The migration's DDL statements for ``dialect``."""
        script = self.tables.format(**_TYPES[dialect]) + self.fts.get(dialect, "")
        return [s.strip() for s in script.split(";") if s.strip()]


#: What each actor takes part in: the material of its timeline.
_V2_TABLES = """
CREATE TABLE participations (
    article_id TEXT NOT NULL REFERENCES articles (id),
    pos INTEGER NOT NULL,
    entity TEXT NOT NULL,
    event TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    date TEXT NOT NULL,
    date_from TEXT,
    actor_id TEXT REFERENCES entities (id),
    extra TEXT,
    PRIMARY KEY (article_id, pos)
);
CREATE INDEX participations_actor ON participations (actor_id);
"""

#: Each participation's role (records 1.2): who acts, whom it is done to or addressed to, who says it.
_V3_TABLES = """
ALTER TABLE participations ADD COLUMN role TEXT;
CREATE INDEX participations_role ON participations (actor_id, role);
"""

#: Numbered migrations, applied in order, each in its own transaction. Never edit a released
#: one: add the next number (new record fields become new nullable columns).
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, actors and facts; full-text search", _V1_TABLES, _V1_FTS),
    Migration(2, "participations: what each actor takes part in", _V2_TABLES, {}),
    Migration(3, "participations: the actor's role", _V3_TABLES, {}),
)

VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL)"

#: Tables holding ingested data, in an order that satisfies foreign keys on insert.
DATA_TABLES: tuple[str, ...] = (
    "articles",
    "article_sources",
    "entities",
    "aliases",
    "article_entities",
    "mentions",
    "roles",
    "quotes",
    "time_expressions",
    "quantities",
    "events",
    "participations",
    "stances",
)

#: Columns that are derived indexes, not data (left out of dumps and exports).
DERIVED_COLUMNS = frozenset({"tsv"})


def column_types(table: str) -> dict[str, str]:
    """Column -> kind (``text``, ``int``, ``float``, ``blob``) of a table, from the DDL above."""
    kinds = {"TEXT": "text", "INTEGER": "int", "{bigint}": "int", "{float}": "float", "{blob}": "blob"}
    out: dict[str, str] = {}
    tables = "".join(m.tables for m in MIGRATIONS)
    body = tables.split(f"CREATE TABLE {table} (", 1)[1].split(");", 1)[0]
    for line in body.splitlines():
        parts = line.strip().strip(",").split()
        if len(parts) >= 2 and parts[1] in kinds:
            out[parts[0].strip('"')] = kinds[parts[1]]
    return out
