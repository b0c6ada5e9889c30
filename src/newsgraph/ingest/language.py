"""Language identification, so non-English text is refused before the English model sees it."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsgraph.errors import ErrorCode, InputError

#: Below this many letters the identifier guesses; such texts are let through.
MIN_LETTERS = 80
#: Refuse only when another language is this likely: short English with many names can
#: look like something else, and a false refusal loses an article.
REFUSE_CONFIDENCE = 0.90
_SAMPLE_CHARS = 4000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability for the start of ``text``."""
    lang, prob = _identifier().classify(text[:_SAMPLE_CHARS])
    return lang, float(prob)


def check_english(text: str, source: str | None = None) -> str | None:
    """Return the detected language ("en"), ``None`` when too short to tell; raise E004 otherwise."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    lang, prob = detect_language(sample)
    if lang != "en" and prob >= REFUSE_CONFIDENCE:
        raise InputError(ErrorCode.E004, source, lang=lang, confidence=prob)
    return "en" if lang == "en" else None
