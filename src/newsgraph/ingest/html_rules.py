"""Rules that clean trafilatura's output for news pages, using the page's structure.

trafilatura finds the main content block well; most of its remaining errors on news
pages are at the edges of that block: the headline (and standfirst) repeated as the
first lines, lists of related-article links, and picture captions that are not marked up
as <figcaption>. These rules clean those edges looking only at page structure (h1,
anchors, image alts) and generic wording, never at a particular site. Promotion and
call-to-action lines are left to the clean stage, which treats every format alike.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from newsgraph.ingest.article import word_key as norm

_WORD_RE = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


@dataclass
class _Line:
    text: str
    norm: str
    tag: str  # tag of the top-level trafilatura element the line came from
    block: int  # index of that element
    n_tokens: int = field(init=False)

    def __post_init__(self) -> None:
        self.n_tokens = len(self.norm.split())


# --------------------------------------------------------------------------------------
# Page strings and trafilatura output as lines
# --------------------------------------------------------------------------------------

# second-level labels under which domains are registered ("bbc.co.uk", "abc.net.au")
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"}


def _site_key(host: str) -> str:
    """Registered-domain approximation: last two labels, three for 'co.uk'-style."""
    labels = host.lower().split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _hostname(base: str, href: str = "") -> str:
    """Host of href resolved against base; "" for relative links and malformed URLs."""
    try:
        return urlparse(urljoin(base, href)).hostname or ""
    except ValueError:  # e.g. "http://[broken" raises in urllib
        return ""


@dataclass
class _Page:
    """Strings of the page that the line rules compare extracted lines against."""

    h1s: set[str]
    titles: set[str]
    anchors: dict[str, bool]  # normalized anchor text -> links within the same site


def page_info(tree: HtmlElement, url: str | None) -> _Page:
    """Collect the <h1>s, metadata titles and link texts of the page (captions removed)."""
    h1s = {norm(_text_of(h)) for h in tree.iter("h1")}
    titles: set[str] = set()
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in ("og:title", "twitter:title", "title", "headline"):
            titles.add(norm(meta.get("content") or ""))
    for t in tree.iter("title"):
        titles.add(norm(t.text_content()))
    site = _site_key(_hostname(url or ""))
    anchors: dict[str, bool] = {}
    for a in tree.iter("a"):
        text = norm(_text_of(a))
        if not text:
            continue
        host = _hostname(url or "", a.get("href") or "")
        internal = not host or _site_key(host) == site
        anchors[text] = anchors.get(text, False) or internal
    h1s.discard("")
    titles.discard("")
    return _Page(h1s, titles, anchors)


def lines_of(body: etree._Element | None) -> list[_Line]:
    """Serialize trafilatura's body tree element by element, keeping the element tag."""
    lines: list[_Line] = []
    if body is None:
        return lines
    for block, child in enumerate(body):
        # the tail of a top-level element is loose text that follows it (e.g. the lead
        # paragraph after a <head>); it must not inherit the element's tag
        tail, child.tail = child.tail, None
        for text in xmltotxt(child, False).split("\n"):
            text = text.strip()
            if text:
                lines.append(_Line(text, norm(text), str(child.tag), block))
        child.tail = tail
        for text in (tail or "").split("\n"):
            text = " ".join(text.split())
            if text:
                lines.append(_Line(text, norm(text), "p", block))
    return lines


# --------------------------------------------------------------------------------------
# Captions and credits
# --------------------------------------------------------------------------------------

_CAPTION_CLASS_RE = re.compile(r"caption", re.I)
_CREDIT_CLASS_RE = re.compile(r"credit", re.I)
# "... Photo: Jane Doe/AP", "(Credit: Reuters)", "Credit...Doug Mills/The New York Times"
_CREDIT_SUFFIX_RE = re.compile(
    r"[\s(\[]*\b(?:photo(?:graph)?|image|picture|illustration|video)?\s*"
    r"(?:credits?|photo(?:graph)?|image)\s*(?::|\.{2,}|…|by\b)\s*(?P<credit>[^()\[\]]{2,80}?)[)\]]?\s*$",
    re.I,
)
_MEDIA_TAGS = ("img", "picture", "video", "iframe", "svg")
# Captions and credits are short; a "caption"-classed element holding paragraphs is a
# wrapper (e.g. "has-caption" article containers), not a caption.
_MAX_CAPTION_TOKENS = 80


@dataclass
class _Caption:
    text: str
    is_credit: bool
    parent: HtmlElement  # where it sat, to tell article captions from sidebar ones


def _text_of(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _remove_keep_tail(el: HtmlElement) -> None:
    """Remove an element but keep its tail text (which belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _near_media(el: HtmlElement) -> bool:
    """True for elements inside a <figure> or next to a picture/video."""
    for depth, anc in enumerate(el.iterancestors()):
        if anc.tag == "figure":
            return True
        if depth < 2 and any(anc.find(f".//{tag}") is not None for tag in _MEDIA_TAGS):
            return True
        if depth >= 3:
            break
    return False


def pop_captions(tree: HtmlElement) -> list[_Caption]:
    """Remove picture captions and credits from the tree and return them.

    trafilatura already drops <figcaption> text when images are not requested, but
    many templates render captions as a plain <span>/<div> under the picture; those
    leak into the body.  We treat as a caption: <figcaption>; short caption/credit
    classed elements next to a picture; and short elements whose text repeats the alt
    text of a nearby image (the usual "alt + visible caption" markup).
    """
    found: list[HtmlElement] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head", *_MEDIA_TAGS):
            continue
        if el.tag != "figcaption":
            klass = f"{el.get('class', '')} {el.get('id', '')}"
            if not (_CAPTION_CLASS_RE.search(klass) or _CREDIT_CLASS_RE.search(klass)):
                continue
            if not _near_media(el):
                continue
        if el.find(".//p") is not None or el.find(".//article") is not None:
            continue
        if 0 < len(_tokens(_text_of(el))) <= _MAX_CAPTION_TOKENS:
            found.append(el)

    for img in tree.iter("img"):
        alt = norm(img.get("alt") or "")
        if len(alt.split()) < 3:
            continue
        scope = img
        for _ in range(2):  # the caption sits beside the image or beside its wrapper
            if scope.getparent() is None:
                break
            scope = scope.getparent()
        for el in scope.iter():
            if (
                isinstance(el.tag, str)
                and el is not scope
                and len(el) <= 3  # captions are small; skips costly text of big blocks
                and el.tag not in ("a", *_MEDIA_TAGS)
                and el.find(".//img") is None
                and norm(_text_of(el)) == alt
            ):
                found.append(el)
                break

    captions: list[_Caption] = []
    taken: set[HtmlElement] = set()
    for el in found:
        # an element nested in an already-taken caption goes with it
        if el in taken or any(anc in taken for anc in el.iterancestors()):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        taken.add(el)
        klass = f"{el.get('class', '')} {el.get('id', '')}"
        is_credit = bool(_CREDIT_CLASS_RE.search(klass)) and not _CAPTION_CLASS_RE.search(klass)
        text = _text_of(el)
        if text and "{{" not in text and "<" not in text:
            captions.append(_Caption(text, is_credit, parent))
        _remove_keep_tail(el)
    return captions


def caption_metadata(
    captions: list[_Caption], root: HtmlElement | None, anchors: dict[str, bool]
) -> tuple[list[str], list[str]]:
    """Split captions into caption texts and credit lines, keeping those of the article.

    Pages also carry captions of teasers and galleries; only the ones under the
    article root (when known) belong to this article, and teaser captions are links.
    """
    texts: list[str] = []
    credits: list[str] = []
    for cap in captions:
        if root is not None and cap.parent is not root and root not in cap.parent.iterancestors():
            continue
        if norm(cap.text) in anchors:
            continue
        if cap.is_credit:
            credits.append(cap.text.strip("() "))
            continue
        match = _CREDIT_SUFFIX_RE.search(cap.text)
        if match:
            credits.append(match.group("credit").strip())
            texts.append(cap.text[: match.start()].strip())
        else:
            texts.append(cap.text)
    return list(dict.fromkeys(t for t in texts if t)), list(dict.fromkeys(c for c in credits if c))


def article_root(tree: HtmlElement, lines: list[_Line]) -> HtmlElement | None:
    """The element that holds the article: the <article> (or <main>) around the
    extracted paragraphs if there is one close by, otherwise their lowest common
    ancestor widened by two levels so that the lead picture is included."""
    wanted = {line.norm for line in lines if line.n_tokens >= 8}
    hits = [p for p in tree.iter("p") if norm(_text_of(p)) in wanted]
    if not hits:
        return None
    common = list(hits[0].iterancestors())
    for p in hits[1:]:
        ancestors = set(p.iterancestors())
        common = [a for a in common if a in ancestors]
    if not common:
        return None
    chain = [common[0], *common[0].iterancestors()]
    for el in chain[:5]:
        if el.tag in ("article", "main"):
            return el
    return chain[min(2, len(chain) - 1)]


# --------------------------------------------------------------------------------------
# Split article bodies
# --------------------------------------------------------------------------------------


def _signature(el: HtmlElement) -> tuple[str, str] | None:
    klass = " ".join((el.get("class") or "").split())
    return (el.tag, klass) if klass else None


def merge_split_body(tree: HtmlElement, body_text: str) -> bool:
    """Join article bodies that templates split into several sibling containers.

    Some CMSs close the body container before each in-article ad or widget and open
    an identical one after it (same tag and class).  trafilatura then keeps only the
    first fragment.  We find the container holding most extracted paragraphs and, if
    other elements with the same signature hold further paragraphs, move their
    children into it.  Returns True when the tree was changed.
    """
    extracted = {norm(line) for line in body_text.split("\n") if len(_tokens(line)) >= 8}
    if not extracted:
        return False
    parents: Counter[HtmlElement] = Counter()
    for p in tree.iter("p"):
        if norm(_text_of(p)) in extracted:
            parent = p.getparent()
            if parent is not None:
                parents[parent] += 1
    if not parents:
        return False
    main, _ = parents.most_common(1)[0]
    sig = _signature(main)
    if sig is None:
        return False
    others = [
        el
        for el in tree.iter(main.tag)
        if el is not main
        and _signature(el) == sig
        and main not in el.iterancestors()
        and el not in main.iterancestors()
    ]
    # each fragment must look like running text: several paragraphs, not yet extracted
    fragments = []
    for el in others:
        paras = [norm(_text_of(p)) for p in el.findall("p")]
        new = [p for p in paras if len(p.split()) >= 8 and p not in extracted]
        if len(new) >= 2:
            fragments.append(el)
    if not fragments:
        return False
    for el in fragments:
        for child in list(el):
            main.append(child)
        el.getparent().remove(el)
    return True


# --------------------------------------------------------------------------------------
# Line-level cleaning
# --------------------------------------------------------------------------------------

_DATE_LINE_RE = re.compile(
    r"\b(?:updated|published|posted|modified)\b|\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b",
    re.I,
)
_READING_TIME_RE = re.compile(r"\b\d+\s*min(?:ute)?s?\s+read\b|\breading time\b", re.I)
_URL_ONLY_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")

_LINK_LINE_SHARE = 0.8  # teaser lines: a link with at most a short tag around it
_MIN_DEK_TOKENS = 6  # standfirsts are sentences; section headings are shorter
_LEAD_SCAN = 6  # how many leading lines may hold headline / kicker / dek / dateline
_MIN_BODY_PARA_TOKENS = 12  # a line this long (not headline-like) starts the article


def _similar(line: str, title: str) -> bool:
    """True when a normalized line is the headline given by a normalized title.

    Titles often carry a site suffix or prefix ("<headline> | Site"), so a line that
    is the start or end of a title counts, as long as it is not a trivially short one.
    """
    if not line or not title:
        return False
    if line == title:
        return True
    n_line, n_title = len(line.split()), len(title.split())
    if n_line >= 4 and (title.startswith(line + " ") or title.endswith(" " + line)):
        return True
    return n_line <= n_title + 3 and line.startswith(title + " ")


def strip_headline(lines: list[_Line], titles: set[str], h1s: set[str]) -> list[_Line]:
    """Drop the headline block that trafilatura often keeps at the top of the body.

    Within the first few lines (before real running text starts) we look for a line
    equal to the page's <h1> or to a metadata title.  That line, short lines before it
    (kicker, section label, the page URL) and sentence-long headings right after it
    (standfirst/dek) are not article body.
    """
    head_idx = None
    for i, line in enumerate(lines[:_LEAD_SCAN]):
        if line.norm in h1s or any(_similar(line.norm, t) for t in titles):
            head_idx = i
            break
        if (
            line.n_tokens >= _MIN_BODY_PARA_TOKENS
            and line.tag in ("p", "quote", "list")
            and not _URL_ONLY_RE.match(line.text)
        ):
            break
    if head_idx is None:
        return lines
    drop = {head_idx}
    drop.update(i for i in range(head_idx) if lines[i].n_tokens < 25)
    j = head_idx + 1
    # a standfirst is a full sentence rendered as a heading; section heads are short
    while j < len(lines) and lines[j].tag == "head" and lines[j].n_tokens >= _MIN_DEK_TOKENS:
        drop.add(j)
        j += 1
    return [line for i, line in enumerate(lines) if i not in drop]


def strip_lead_meta(lines: list[_Line]) -> list[_Line]:
    """Drop dateline / reading-time / bare-URL lines in the lead (before the text)."""
    out: list[_Line] = []
    started = False
    for line in lines:
        if not started:
            meta = line.n_tokens <= 10 and (
                _DATE_LINE_RE.search(line.text) or _READING_TIME_RE.search(line.text) or _URL_ONLY_RE.match(line.text)
            )
            if meta:
                continue
            if line.n_tokens >= _MIN_BODY_PARA_TOKENS:
                started = True
        out.append(line)
    return out


def _link_share(line: _Line, anchors: dict[str, bool]) -> tuple[float, bool]:
    """Largest share of the line's tokens covered by one anchor text, and whether
    that anchor points within the site."""
    best, internal = 0.0, False
    padded = f" {line.norm} "
    for text, is_internal in anchors.items():
        if len(text) <= len(line.norm) and f" {text} " in padded:
            share = len(text.split()) / max(line.n_tokens, 1)
            if share > best:
                best, internal = share, is_internal
    return best, internal


def strip_link_lines(lines: list[_Line], page: _Page) -> list[_Line]:
    """Drop related-article teasers: lines that are (almost) only one link's text.

    Teasers are whole-line links, sometimes with a tag such as "[VIDEO]"; running text
    is not.  Bare URLs are kept (a page listing URLs means them as content), and so
    are headings, which sites often link to themselves.
    """
    out = []
    for line in lines:
        if line.n_tokens >= 4 and line.tag != "head" and not _URL_ONLY_RE.match(line.text):
            share, _ = _link_share(line, page.anchors)
            if share >= _LINK_LINE_SHARE:
                continue
        out.append(line)
    return out


def strip_trailing_link_list(lines: list[_Line], page: _Page) -> list[_Line]:
    """Drop lists of same-site story links that close the body ("More stories").

    Only whole lists at the very end count, and most of their items must carry a
    same-site link of two or more words: a list of links *inside* an article (sources,
    deals) is content, a closing list of internal headlines is recirculation.
    """
    while lines and lines[-1].tag == "list":
        block = lines[-1].block
        start = len(lines)
        while start > 0 and lines[start - 1].block == block:
            start -= 1
        items = lines[start:]
        linked = 0
        for item in items:
            share, internal = _link_share(item, page.anchors)
            if internal and share * item.n_tokens >= 2:
                linked += 1
        if len(items) < 2 or linked < 0.75 * len(items):
            break
        lines = lines[:start]
    return lines


_CONTRIB_RE = re.compile(r"\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b", re.I)


def strip_contributor_lines(lines: list[_Line]) -> list[_Line]:
    """Drop closing "X contributed to this report" lines (a credit, not article text)."""
    tail_start = max(len(lines) - 3, 0)
    return [
        line
        for i, line in enumerate(lines)
        if not (i >= tail_start and line.n_tokens <= 40 and _CONTRIB_RE.search(line.text))
    ]
