"""PETRARCH-2 verb pattern dictionaries: reader and compiled lookup.

The bundled dictionary is PETRARCH-2's ``CAMEO.2.0.txt`` (MIT, Open Event Data Alliance;
``newsgraph/data/cameo``). Users may load their own file in the same format. What the
reader understands (from the PETRARCH-2 manual and ``PETRreader.read_verb_dictionary``):

* ``#`` starts a comment (at the start of a line, or after a space); ``<!-- ... -->`` lines
  are comments;
* ``&NAME`` starts a synonym set, whose ``+WORD`` / ``+TWO_WORDS`` lines are its members;
  plurals of members are generated unless the member or the set name ends in ``_``;
* ``--- NAME [CODE] ---`` starts a verb block; ``[---]`` is "no code";
* a verb line gives a verb, optionally its irregular forms in ``{...}`` (then *all* forms are
  listed) and its own code in ``[...]``; ``+`` marks the verb word of a multi-word verb
  (``+CORDON_OFF``, ``RE_+ARREST``);
* a pattern line ``- PRE * POST [CODE]``: words before and after the verb; ``(PREP WORDS)`` is a
  prepositional phrase, ``{A B}`` a noun phrase whose head is its last word, ``&SET`` any
  member of a set, ``$`` / ``+`` where the source / target is, ``%`` a compound actor and
  ``^`` a skipped phrase (both ignored here); words joined by ``_`` must be adjacent (read
  here as separate words of the same phrase);
* a code ``[A:B]`` codes the event ``A`` (source to target) and the reverse event ``B``
  (target to source); ``[:B]`` only the reverse;
* ``~ a (b . VERB) SAY = a b CODE`` lines are PETRARCH's transformations of nested events
  (kept in :attr:`VerbDictionary.transformations`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsgraph.data import DATA_DIR

VERB_FILE = DATA_DIR / "cameo" / "CAMEO.2.0.txt"
#: newsgraph's additions to the bundled dictionary (same format), read after it.
SUPPLEMENT_FILE = DATA_DIR / "cameo" / "newsgraph.verbs.txt"

_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"(?:^|\s)#.*$")
_XML_COMMENT = re.compile(r"<!--.*?-->")
#: Pattern tokens: a parenthesis or brace opens or closes a group, anything else is a word.
_PATTERN_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_JOINED = re.compile(r"(?<![{\w])[^\s(){}]+(?:_[^\s(){}]*)+")


@dataclass(frozen=True, slots=True)
class Code:
    """A pattern's or verb's code: the event (source to target) and the reverse event."""

    event: str | None
    reverse: str | None = None

    @property
    def empty(self) -> bool:
        return self.event is None and self.reverse is None


def parse_code(text: str) -> Code:
    """``"042:043"`` → ``Code("042", "043")``; ``"---"`` → no code; ``":173"`` → reverse only."""
    text = text.strip()
    event, _, reverse = text.partition(":")

    def clean(part: str) -> str | None:
        part = part.strip()
        return None if not part or set(part) <= {"-"} else part

    return Code(clean(event), clean(reverse))


#: One element of a pattern: the alternative word sequences it may stand for (a word, a noun
#: phrase, or every member of a synonym set). The head of each sequence is its last word.
Alternatives = frozenset[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class PrepPhrase:
    """``(PREP NOUNS)``: a preposition and the nouns it governs (possibly none)."""

    prep: Alternatives
    nouns: tuple[Alternatives, ...] = ()
    #: ``$`` / ``+`` inside: the source / target is this preposition's object.
    source: bool = False
    target: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    """One ``- PRE * POST [CODE]`` line of a verb block."""

    code: Code
    pre: tuple[Alternatives, ...] = ()
    pre_preps: tuple[PrepPhrase, ...] = ()
    post: tuple[Alternatives, ...] = ()
    post_preps: tuple[PrepPhrase, ...] = ()
    #: ``$`` among the words after the verb: the source follows the verb (passive-like).
    source_after: bool = False
    #: ``+`` among the words before the verb: the target precedes it.
    target_before: bool = False
    line: str = ""
    #: The verb the pattern was first written for, from its comment ("# GIVE"): a tie-breaker.
    origin: str = ""
    #: Words the pattern needs (:func:`pattern_size`): more specific patterns win.
    size: int = 0


def pattern_size(pattern: Pattern) -> int:
    """Words a pattern needs: prepositions, and the shortest form of each noun element."""
    preps = (*pattern.pre_preps, *pattern.post_preps)
    nouns = (*pattern.pre, *pattern.post, *(n for p in preps for n in p.nouns))
    return len(preps) + sum(min(len(seq) for seq in alternatives) for alternatives in nouns)


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A verb form listed (or generated) for a block, with the rest of a multi-word verb."""

    block: str
    code: Code
    #: The verb line's first form (its base form, for a regular verb).
    base: str = ""
    #: Words that must come before / after the verb word ("RE" of RE_+ARREST, "OFF" of CORDON_OFF).
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(slots=True)
class VerbDictionary:
    """Verb forms (upper case) to their blocks, and each block's patterns."""

    forms: dict[str, list[VerbForm]] = field(default_factory=dict)
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)
    block_codes: dict[str, Code] = field(default_factory=dict)
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    transformations: list[str] = field(default_factory=list)

    def lookup(self, word: str) -> list[VerbForm]:
        """The verb forms of ``word`` (any case), multi-word forms first.

        Forms the dictionary lists or generates are found directly; a form it misses (its
        generator does not double consonants: "planned", "stopping") is found through the
        base forms :func:`base_candidates` proposes. This stands in for a lemmatizer, which
        the pipeline does not load because it costs more than the rest of the parse.
        """
        key = word.upper()
        found = self.forms.get(key)
        if found is None:
            found = []
            for base in base_candidates(key):
                found = self.forms.get(base, [])
                if found:
                    break
        return found

    def __len__(self) -> int:
        return len(self.forms)


def base_candidates(word: str) -> list[str]:
    """Possible base forms of an inflected English verb form (upper case), likeliest first."""
    out: list[str] = []
    if word.endswith("IED") or word.endswith("IES"):
        out.append(word[:-3] + "Y")
    for suffix in ("ING", "ED"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "AEIOUSLZ":
                out.append(stem[:-1])  # planned -> plan, stopping -> stop
            out.extend((stem, stem + "E"))
    if word.endswith("ES"):
        out.append(word[:-2])
    if word.endswith("S") and not word.endswith("SS"):
        out.append(word[:-1])
    if word.endswith("D"):
        out.append(word[:-1])  # agreed -> agree
    return out


def regular_forms(stem: str) -> list[str]:
    """The forms PETRARCH-2 generates for a regular verb (``S``, ``ED``, ``ING``)."""
    forms = [stem]
    if stem.endswith(("S", "X", "Z", "SH", "CH")):
        forms.append(stem + "ES")
    elif stem.endswith("Y") and len(stem) > 1 and stem[-2] not in "AEIOU":
        forms.append(stem[:-1] + "IES")
    else:
        forms.append(stem + "S")
    if stem.endswith("E"):
        forms.append(stem + "D")
    elif stem.endswith("Y") and len(stem) > 1 and stem[-2] not in "AEIOU":
        forms.append(stem[:-1] + "IED")
    else:
        forms.append(stem + "ED")
    if stem.endswith("E") and not stem.endswith(("EE", "YE", "OE")) and len(stem) > 2:
        forms.append(stem[:-1] + "ING")
    else:
        forms.append(stem + "ING")
    return forms


def plural_noun(phrase: tuple[str, ...]) -> tuple[str, ...] | None:
    """Plural of a synonym-set member (its last word), PETRARCH-style."""
    last = phrase[-1]
    if not last or not last[-1].isalpha():
        return None
    if last.endswith("Y") and len(last) > 1 and last[-2] not in "AEIOU":
        plural = last[:-1] + "IES"
    elif last.endswith(("S", "X", "Z", "SH", "CH")):
        plural = last + "ES"
    else:
        plural = last + "S"
    return (*phrase[:-1], plural)


def _origin(line: str) -> str:
    """The verb named first in a pattern's comment ("- * SUPPORT [060]  # LEND 1" → "LEND")."""
    _, _, comment = line.partition("#")
    words = comment.split()
    return words[0].upper() if words and words[0].replace("_", "").isalpha() else ""


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in text.replace("_", " ").upper().split() if w)


def _strip(line: str) -> str:
    return _COMMENT.sub("", _XML_COMMENT.sub("", line)).strip()


class _Reader:
    def __init__(self) -> None:
        self.result = VerbDictionary()
        self.block = ""
        self.block_code = Code(None)
        self.synset: str | None = None
        self.synset_plurals = True
        self.in_comment = False

    def feed(self, raw: str) -> None:
        line = raw.rstrip("\n")
        if self.in_comment:
            if "-->" in line:
                self.in_comment = False
                line = line.split("-->", 1)[1]
            else:
                return
        if "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
            self.in_comment = True
            line = line.split("<!--", 1)[0]
        line = _XML_COMMENT.sub("", line)
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            return
        if stripped.startswith("~"):
            self.result.transformations.append(_strip(stripped))
        elif stripped.startswith("&"):
            name = _strip(stripped).split()[0]
            self.synset = name.rstrip("_")
            self.synset_plurals = not name.endswith("_")
            self.result.synsets.setdefault(self.synset, [])
        elif stripped.startswith("+") and self.synset is not None:
            self._member(_strip(stripped)[1:])
        elif stripped.startswith("---"):
            self.synset = None
            self._block(_strip(stripped))
        elif stripped.startswith("-"):
            self.synset = None
            if self.block:
                self._pattern(_strip(stripped)[1:], stripped)
        elif self.block:
            self.synset = None
            self._verb(_strip(stripped))

    def _member(self, text: str) -> None:
        assert self.synset is not None
        words = _words(text.strip("{}"))
        if not words:
            return
        members = self.result.synsets[self.synset]
        members.append(words)
        if self.synset_plurals and not text.endswith("_"):
            plural = plural_noun(words)
            if plural:
                members.append(plural)

    def _block(self, text: str) -> None:
        body = text.strip("- ")
        match = _CODE.search(body)
        self.block = _CODE.sub("", body).strip().split()[0] if _CODE.sub("", body).strip() else body
        self.block_code = parse_code(match.group(1)) if match else Code(None)
        self.result.block_codes[self.block] = self.block_code
        self.result.patterns.setdefault(self.block, [])

    def _verb(self, text: str) -> None:
        match = _CODE.search(text)
        code = parse_code(match.group(1)) if match else self.block_code
        text = _CODE.sub("", text)
        explicit = "{" in text
        words = text.replace("{", " ").replace("}", " ").split()
        if not words:
            return
        forms = words if explicit else None
        stem = words[0]
        if forms is None:
            if "+" in stem:
                before, _, rest = stem.partition("+")
                verb, *after = rest.split("_")
                forms = [f"{before}+{v}{'_' if after else ''}{'_'.join(after)}" for v in regular_forms(verb)]
            else:
                forms = regular_forms(stem)
        base = _words(stem.replace("+", " "))
        for form in forms:
            self._add_form(form, code, " ".join(base))

    def _add_form(self, form: str, code: Code, base: str) -> None:
        before: tuple[str, ...] = ()
        after: tuple[str, ...] = ()
        if "+" in form:
            head, _, rest = form.partition("+")
            before = _words(head)
            verb, *tail = rest.split("_")
            after = tuple(w for w in tail if w)
        elif "_" in form:
            verb, *tail = form.split("_")  # an unmarked multi-word verb: the verb comes first
            after = tuple(w for w in tail if w)
        else:
            verb = form
        verb = verb.upper()
        if not verb:
            return
        entry = VerbForm(self.block, code, base, before, tuple(w.upper() for w in after))
        entries = self.result.forms.setdefault(verb, [])
        for i, known in enumerate(entries):
            # A later line for the same verb of the same block replaces its code (a supplement's
            # "MEDIATE [045]" over the block's 080).
            if (known.block, known.base, known.before, known.after) == (entry.block, base, before, entry.after):
                entries[i] = entry
                return
        if entry not in entries:
            entries.append(entry)
            # Multi-word forms are tried first: "CORDON OFF" before "CORDON".
            entries.sort(key=lambda e: -(len(e.before) + len(e.after)))

    def _pattern(self, text: str, line: str) -> None:
        match = _CODE.search(text)
        if not match:
            return
        code = parse_code(match.group(1))
        body = text[: match.start()].replace("*_", "* ").replace("_*", " *")
        # Words joined by "_" are one phrase ("NEW_&TIETYPES_RELATIONS"): its head is the last.
        body = _JOINED.sub(lambda m: "{" + m.group(0).replace("_", " ").strip() + "}", body)
        if "*" not in body:
            return
        pre_text, _, post_text = body.partition("*")
        pre = self._segment(pre_text)
        post = self._segment(post_text)
        if pre is None or post is None:
            return  # an undefined synonym set: PETRARCH skips the pattern too
        pattern = Pattern(
            code=code,
            pre=pre[0],
            pre_preps=pre[1],
            post=post[0],
            post_preps=post[1],
            source_after=post[2],
            target_before=pre[3],
            line=line.strip(),
            origin=_origin(line),
        )
        self.result.patterns[self.block].append(dataclasses.replace(pattern, size=pattern_size(pattern)))

    def _alternatives(self, words: list[str]) -> Alternatives | None:
        """A word, a noun phrase (``{A B}``), or a synonym set, possibly inside a phrase."""
        sequences: list[tuple[str, ...]] = [()]
        for word in words:
            if word.startswith("&"):
                members = self.result.synsets.get(word.rstrip("_"))
                if not members:
                    return None
                sequences = [s + m for s in sequences for m in members]
            else:
                options = [w for w in word.upper().split("/") if w]  # "(BY/WITH PROTESTS)"
                sequences = [(*s, w) for s in sequences for w in options]
        return frozenset(s for s in sequences if s)

    def _segment(self, text: str) -> tuple[tuple[Alternatives, ...], tuple[PrepPhrase, ...], bool, bool] | None:
        nouns: list[Alternatives] = []
        preps: list[PrepPhrase] = []
        source = target = False
        tokens = _PATTERN_TOKEN.findall(text)
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token == "(":
                j = tokens.index(")", i) if ")" in tokens[i:] else len(tokens)
                phrase = self._prep(tokens[i + 1 : j])
                if phrase is False:
                    return None
                if isinstance(phrase, PrepPhrase):
                    preps.append(phrase)
                i = j + 1
                continue
            if token == "{":
                j = tokens.index("}", i) if "}" in tokens[i:] else len(tokens)
                words = [w for w in tokens[i + 1 : j] if w not in "$+^%"]
                i = j + 1
            else:
                i += 1
                if token in (")", "}"):
                    continue
                if token in ("$", "+", "^", "%"):
                    source |= token == "$"
                    target |= token == "+"
                    continue
                words = [token]
            if not words:
                continue
            alternatives = self._alternatives(words)
            if alternatives is None:
                return None
            nouns.append(alternatives)
        return tuple(nouns), tuple(preps), source, target

    def _prep(self, tokens: list[str]) -> PrepPhrase | bool | None:
        words = [t for t in tokens if t not in ("{", "}")]
        marks = {w for w in words if w in ("$", "+", "^", "%")}
        words = [w for w in words if w not in ("$", "+", "^", "%")]
        if not words:
            return None
        prep = self._alternatives([words[0]])
        if prep is None:
            return False
        nouns = []
        for word in words[1:]:
            alternatives = self._alternatives([word])
            if alternatives is None:
                return False
            nouns.append(alternatives)
        return PrepPhrase(prep, tuple(nouns), "$" in marks, "+" in marks)


def parse_verb_dictionary(lines: Iterable[str]) -> VerbDictionary:
    """Read a PETRARCH-2 verb dictionary from its lines."""
    reader = _Reader()
    for line in lines:
        reader.feed(line)
    # Largest patterns first (stable: file order within a size), so a coder stops at the first match.
    for patterns in reader.result.patterns.values():
        patterns.sort(key=lambda p: -p.size)
    return reader.result


@lru_cache(maxsize=4)
def load_verb_dictionary(path: Path | str = VERB_FILE, *more: Path | str) -> VerbDictionary:
    """The verb dictionary at ``path`` (default: the bundled ``CAMEO.2.0.txt``), read once.

    Files in ``more`` are read after it as its continuation (:data:`SUPPLEMENT_FILE`).
    Parsing the 9,000-line file takes a fraction of a second, so it is parsed in memory on
    first use rather than cached on disk.
    """
    lines: list[str] = []
    for name in (path, *more):
        with open(name, encoding="utf-8", errors="replace") as handle:
            lines.extend(handle)
            lines.append("\n")
    return parse_verb_dictionary(lines)
