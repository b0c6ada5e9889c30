"""Language identification, so non-English text is refused before the English model sees it."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsgraph.errors import ErrorCode, InputError

#: Below this many letters the identifier guesses; such texts are let through.
MIN_LETTERS = 80
#: Refuse only when another language is this likely: short English with many names can
#: look like something else, and a false refusal loses an article.
REFUSE_CONFIDENCE = 0.90
_SAMPLE_CHARS = 4000
#: Refuse when this share of the letters is in another script than Latin. The identifier
#: alone lets Chinese through (0.87 for a news article: its model sees few Han n-grams), and
#: English news quoting a foreign name or phrase stays far below this.
REFUSE_SCRIPT_SHARE = 0.3


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability for the start of ``text``."""
    lang, prob = _identifier().classify(text[:_SAMPLE_CHARS])
    return lang, float(prob)


def letter_scripts(text: str) -> Counter[str]:
    """Letters of ``text`` per script, by the first word of their Unicode names ("LATIN", "CJK", ...)."""
    scripts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            if ch.isascii():
                scripts["LATIN"] += 1
            else:
                scripts[unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]] += 1
    return scripts


def check_english(text: str, source: str | None = None) -> str | None:
    """Return the detected language ("en"), ``None`` when too short to tell; raise E004 or E025
    (letters mostly in another script) otherwise."""
    sample = text[:_SAMPLE_CHARS]
    scripts = letter_scripts(sample)
    letters = sum(scripts.values())
    if letters < MIN_LETTERS:
        return None
    other = letters - scripts["LATIN"]
    if other >= REFUSE_SCRIPT_SHARE * letters:
        script = max((s for s in scripts if s != "LATIN"), key=lambda s: scripts[s])
        name = script if script == "CJK" else script.title()
        raise InputError(ErrorCode.E025, source, share=other / letters, script=name)
    lang, prob = detect_language(sample)
    if lang != "en" and prob >= REFUSE_CONFIDENCE:
        raise InputError(ErrorCode.E004, source, lang=lang, confidence=prob)
    return "en" if lang == "en" else None
