"""The store's behaviour, written once over a DB-API connection; backends add the dialect.

:class:`Store` adds analysed documents in batches, one transaction per batch: the articles,
all their facts, their actor links and near-duplicate links commit together or not at all.
Cross-article state (the actor linker, the near-duplicate index, the next arrival number)
lives in memory for speed and is rebuilt from the tables at open and after any failed or
foreign transaction, so it always equals what the committed tables imply; that, and
deterministic linking, is what makes an interrupted ingest resume to the same database.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.ingest.article import content_id
from newsgraph.link.actors import ActorLinker, alias_key
from newsgraph.link.duplicates import DuplicateIndex, signature
from newsgraph.records import Document
from newsgraph.store.rows import ARTICLE_FIELDS, FACT_TABLES, Row, document_from_rows, layout_json, record_row
from newsgraph.store.schema import DATA_TABLES, DERIVED_COLUMNS, MIGRATIONS, VERSION_TABLE, Dialect

log = logging.getLogger("newsgraph.store")

#: Seconds a writer waits for another writer's transaction before giving up with E020.
DEFAULT_LOCK_TIMEOUT = 60.0

#: Primary key columns per table, for ordered reads and canonical dumps.
KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("seq",),
    "article_sources": ("seq",),
    "entities": ("id",),
    "aliases": ("entity_id", "alias"),
    "mentions": ("article_id", "entity_pos", "pos"),
    "roles": ("article_id", "entity_pos", "pos"),
}


@dataclass
class IngestReport:
    """What one call to :meth:`Store.add` (or a whole ingest) did."""

    #: New articles stored (near-duplicates included).
    added: int = 0
    #: Of those, near-copies of a stored article (``duplicate_of`` set).
    duplicates: int = 0
    #: Inputs whose cleaned text is already stored: recorded as another source of that article.
    copies: int = 0
    #: Inputs already stored, left alone.
    skipped: int = 0
    #: Inputs that could not be read or analysed.
    failed: int = 0
    #: Ids of the articles stored.
    article_ids: list[str] = field(default_factory=list)

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.duplicates += other.duplicates
        self.copies += other.copies
        self.skipped += other.skipped
        self.failed += other.failed
        self.article_ids.extend(other.article_ids)


def document_hash(document: Document) -> str:
    """Input hash of a document added through the API (the CLI hashes the raw input instead)."""
    parts = [document.source_text or document.text, document.id, document.title, document.url, document.published]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]


@dataclass
class _Batch:
    rows: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in DATA_TABLES})
    article_ids: set[str] = field(default_factory=set)
    input_hashes: set[str] = field(default_factory=set)
    #: actor id -> its row as it must be after the batch (new or changed actors).
    actors: dict[str, Row] = field(default_factory=dict)
    #: article -> (new root, similarity) for stored articles a new, earlier copy re-roots.
    rerooted: dict[str, tuple[str, float | None]] = field(default_factory=dict)


class Store:
    """A knowledge base of analysed articles. Use :func:`newsgraph.store.open_store` to get one."""

    dialect: Dialect
    url: str

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self._columns: dict[str, frozenset[str]] = {}
        self._stale = True
        self._linker = ActorLinker()
        self._duplicates = DuplicateIndex()
        self._actors: dict[str, Row] = {}
        self._next_seq = 0
        self._next_source_seq = 0

    # -- backend hooks -------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        """``sql`` with this backend's parameter style (queries are written with ``?``)."""
        return sql

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write transaction (backends lock out concurrent writers)."""
        raise NotImplementedError
        yield  # pragma: no cover

    def _write_search_index(self, articles: list[Row], quotes: list[Row]) -> None:
        """Index new article bodies and quotes for full-text search (SQLite's FTS5 tables)."""

    def search(self, text: str, limit: int = 20) -> list[Row]:
        """Articles matching ``text`` (words, all required), best first, with a snippet."""
        raise NotImplementedError

    def search_quotes(self, text: str) -> set[tuple[str, int]]:
        """``(article_id, pos)`` of quotes whose text or speaker matches ``text``."""
        raise NotImplementedError

    # -- plain SQL ---------------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.connection.execute(self._sql(sql), tuple(params))

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Rows of a query as dicts (write queries with ``?`` placeholders)."""
        cursor = self.connection.execute(self._sql(sql), tuple(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        rows = self.fetch(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.connection.execute(self._sql(sql), tuple(params)).fetchone()
        return row[0] if row else None

    def _insert(self, table: str, rows: list[Row], conflict: str = "") -> None:
        if not rows:
            return
        columns = list(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        sql = self._sql(f"INSERT INTO {table} ({names}) VALUES ({marks}) {conflict}")
        self.connection.cursor().executemany(sql, [tuple(r[c] for c in columns) for r in rows])

    # -- schema --------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version") or 0)

    def migrate(self) -> None:
        """Bring the schema up to date, one transaction per migration."""
        with self.transaction():
            self.execute(VERSION_TABLE)
        current = self.schema_version
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            with self.transaction():
                # Another process may have migrated while this one waited for the lock.
                if self.schema_version >= migration.version:
                    continue
                for statement in migration.statements(self.dialect):
                    self.execute(statement)
                self.execute(
                    "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                    (migration.version, migration.description),
                )
        self._columns = {table: self.table_columns(table) for table in DATA_TABLES}

    def table_columns(self, table: str) -> frozenset[str]:
        cursor = self.connection.execute(f"SELECT * FROM {table} WHERE 1 = 0")
        cursor.fetchall()
        return frozenset(d[0] for d in cursor.description) - DERIVED_COLUMNS

    # -- cross-article state -------------------------------------------------------------------

    def _load_state(self) -> None:
        """Rebuild the actor linker, duplicate index and counters from the committed tables."""
        self._linker = ActorLinker()
        self._linker.replay(
            (row["type"], row["name"], json.loads(row["link_names"]), row["actor_id"])
            for row in self.fetch(
                "SELECT e.type, e.name, e.link_names, e.actor_id FROM article_entities e"
                " JOIN articles a ON a.id = e.article_id"
                " ORDER BY a.seq, e.pos"
            )
        )
        self._actors = {row["id"]: row for row in self.fetch("SELECT * FROM entities")}
        self._duplicates = DuplicateIndex()
        for row in self.fetch("SELECT id, minhash, published, duplicate_of FROM articles ORDER BY seq"):
            self._duplicates.load(row["id"], bytes(row["minhash"]), row["published"], row["duplicate_of"])
        self._next_seq = int(self.scalar("SELECT COALESCE(MAX(seq), -1) FROM articles")) + 1
        self._next_source_seq = int(self.scalar("SELECT COALESCE(MAX(seq), -1) FROM article_sources")) + 1
        self._stale = False

    def _sync_state(self) -> None:
        # Inside the write transaction: another writer may have committed since our last batch.
        committed = int(self.scalar("SELECT COALESCE(MAX(seq), -1) FROM article_sources")) + 1
        if self._stale or committed != self._next_source_seq:
            self._load_state()

    # -- reading ---------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id (the content hash of its cleaned text) is stored."""
        return self.scalar("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def has_input(self, raw_hash: str) -> bool:
        """Whether the input with this hash was already ingested."""
        return self.scalar("SELECT 1 FROM article_sources WHERE raw_hash = ?", (raw_hash,)) is not None

    def article_ids(self) -> list[str]:
        return [row["id"] for row in self.fetch("SELECT id FROM articles ORDER BY seq")]

    def get_document(self, article_id: str) -> Document:
        """The stored document, equal to the one that was added. Raises ``KeyError``."""
        article = self.fetchone("SELECT * FROM articles WHERE id = ?", (article_id,))
        if article is None:
            raise KeyError(article_id)

        def rows(table: str) -> list[Row]:
            order = ", ".join(KEYS.get(table, ("article_id", "pos")))
            return self.fetch(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", (article_id,))

        facts = {spec.table: rows(spec.table) for spec in FACT_TABLES}
        return document_from_rows(article, rows("article_entities"), rows("mentions"), rows("roles"), facts)

    def counts(self) -> dict[str, int]:
        """Rows per data table."""
        return {table: int(self.scalar(f"SELECT COUNT(*) FROM {table}")) for table in DATA_TABLES}

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every data row, in key order: equal dumps mean equal databases (tests, checks)."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        for table in DATA_TABLES:
            columns = sorted(self._columns.get(table) or self.table_columns(table))
            order = ", ".join(KEYS.get(table, ("article_id", "pos")))
            names = ", ".join(f'"{c}"' for c in columns)
            cursor = self.connection.execute(f"SELECT {names} FROM {table} ORDER BY {order}")
            out[table] = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in cursor.fetchall()]
        return out

    # -- writing ---------------------------------------------------------------------------------

    def add(self, documents: Iterable[Document], raw_hashes: Sequence[str | None] | None = None) -> IngestReport:
        """Store ``documents`` in one transaction; already stored inputs are skipped.

        ``raw_hashes`` identify the inputs the documents were made from (the CLI hashes the raw
        input, so a re-run can skip it before analysis); by default each document is hashed.
        An exact copy of a stored article's cleaned text from another input is recorded as one
        more source of that article.
        """
        docs = list(documents)
        hashes = list(raw_hashes) if raw_hashes is not None else [None] * len(docs)
        if len(hashes) != len(docs):
            raise ValueError("raw_hashes must match documents one for one")
        report = IngestReport()
        with self.transaction():
            try:
                self._sync_state()
                batch = _Batch()
                for document, raw_hash in zip(docs, hashes, strict=True):
                    self._stage(document, raw_hash or document_hash(document), batch, report)
                self._write(batch)
            except BaseException:
                # The transaction rolls back: the in-memory state must be rebuilt from the tables.
                self._stale = True
                raise
        return report

    def _stage(self, document: Document, raw_hash: str, batch: _Batch, report: IngestReport) -> None:
        if raw_hash in batch.input_hashes or self.has_input(raw_hash):
            report.skipped += 1
            return
        batch.input_hashes.add(raw_hash)
        article_id = content_id(document.text)
        batch.rows["article_sources"].append(
            {
                "raw_hash": raw_hash,
                "article_id": article_id,
                "seq": self._next_source_seq,
                "input_id": document.id,
                "source": document.source,
                "url": document.url,
                "title": document.title,
                "published": document.published,
            }
        )
        self._next_source_seq += 1
        if article_id in batch.article_ids or self.has_article(article_id):
            report.copies += 1
            return
        batch.article_ids.add(article_id)
        report.added += 1
        report.article_ids.append(article_id)

        minhash = signature(document.body)
        match = self._duplicates.add(article_id, minhash, document.published)
        duplicate_of, similarity = None, None
        if match is not None:
            report.duplicates += 1
            if match.root == article_id:  # an earlier copy than the story's root: it becomes the root
                for member in match.rerooted:
                    old = next((r for r in batch.rows["articles"] if r["id"] == member), None)
                    if old is not None:  # staged in this batch: fix the row itself
                        old["duplicate_of"] = article_id
                        old["similarity"] = old["similarity"] or match.similarity
                    else:
                        batch.rerooted[member] = (article_id, match.similarity)
            else:
                duplicate_of, similarity = match.root, match.similarity
        article: Row = {
            "id": article_id,
            "seq": self._next_seq,
            "doc_id": document.id,
            **{name: getattr(document, name) for name in ARTICLE_FIELDS},
            "layout": layout_json(document),
            "duplicate_of": duplicate_of,
            "similarity": similarity,
            "minhash": minhash,
        }
        self._next_seq += 1
        batch.rows["articles"].append(article)
        self._stage_entities(document, article_id, batch)

    def _stage_entities(self, document: Document, article_id: str, batch: _Batch) -> None:
        rows = batch.rows
        local: dict[str, str] = {}
        for pos, entity in enumerate(document.entities):
            actor, renamed, names = self._linker.link(entity, article_id)
            local.setdefault(entity.id, actor)
            known = self._actors.get(actor)
            if known is None or renamed:
                known = dict(known or {"id": actor, "type": entity.type})
                known["name"] = self._linker.names[actor]
            # Codes and coordinates: the first article that knows them decides.
            for name in ("actor_code", "country_code", "latitude", "longitude"):
                if known.get(name) is None and getattr(entity, name) is not None:
                    known = dict(known)
                    known[name] = getattr(entity, name)
            if known is not self._actors.get(actor):
                self._actors[actor] = batch.actors[actor] = known
            for alias in dict.fromkeys([entity.name, *names]):
                rows["aliases"].append({"entity_id": actor, "alias": alias, "key": alias_key(alias)})
            row = record_row(entity, self._columns["article_entities"], skip=("mentions", "roles", "aliases"))
            row.update(article_id=article_id, pos=pos, aliases=json.dumps(entity.aliases, ensure_ascii=False))
            row["link_names"] = json.dumps(names, ensure_ascii=False)
            row["actor_id"] = actor
            rows["article_entities"].append(row)
            for i, mention in enumerate(entity.mentions):
                row = record_row(mention, self._columns["mentions"])
                row.update(article_id=article_id, entity_pos=pos, pos=i, actor_id=actor)
                rows["mentions"].append(row)
            for i, role in enumerate(entity.roles):
                row = record_row(role, self._columns["roles"])
                row.update(article_id=article_id, entity_pos=pos, pos=i, actor_id=actor)
                rows["roles"].append(row)
        for spec in FACT_TABLES:
            columns = self._columns[spec.table]
            for pos, record in enumerate(getattr(document, spec.field)):
                row = record_row(record, columns)
                row.update(article_id=article_id, pos=pos)
                for actor_column, entity_field in spec.actors.items():
                    row[actor_column] = local.get(getattr(record, entity_field) or "")
                if spec.table == "events":
                    row["sentence"] = document.text[record.start : record.end]
                rows[spec.table].append(row)

    def _write(self, batch: _Batch) -> None:
        rows = batch.rows
        for table in ("articles", "article_sources"):
            self._insert(table, rows[table])
        if batch.actors:
            actors = sorted(batch.actors.values(), key=lambda r: r["id"])
            full = [
                {c: r.get(c) for c in ("id", "type", "name", "actor_code", "country_code", "latitude", "longitude")}
                for r in actors
            ]
            updates = ", ".join(
                f"{c} = excluded.{c}" for c in ("name", "actor_code", "country_code", "latitude", "longitude")
            )
            self._insert("entities", full, f"ON CONFLICT (id) DO UPDATE SET {updates}")
        self._insert("aliases", rows["aliases"], "ON CONFLICT DO NOTHING")
        for table in DATA_TABLES[4:]:
            self._insert(table, rows[table])
        for member, (root, similarity) in sorted(batch.rerooted.items()):
            self.execute(
                "UPDATE articles SET duplicate_of = ?, similarity = COALESCE(similarity, ?) WHERE id = ?",
                (root, similarity, member),
            )
        self._write_search_index(rows["articles"], rows["quotes"])

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
