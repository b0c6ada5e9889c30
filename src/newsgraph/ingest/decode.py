"""Bytes to text: binary detection, encoding detection, format sniffing."""

from __future__ import annotations

import codecs
import json
from typing import Literal

import charset_normalizer

from newsgraph.errors import ErrorCode, InputError

Format = Literal["text", "html", "jsonl", "warc"]

# Magic numbers of files people drop into a folder of articles by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0", "MS Office file"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_WESTERN_SINGLE_BYTE = frozenset(
    {"cp1252", "latin_1", "iso8859_15", "cp850", "cp437", "cp858", "mac_roman", "cp1250", "iso8859_2", "cp1257"}
)
GZIP_MAGIC = b"\x1f\x8b"


def binary_kind(data: bytes) -> str | None:
    """Name of the binary format ``data`` starts with, or ``None`` for text-like bytes."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in data[:8192] and wide_encoding(data) is None:
        return "binary data"
    return None


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte order mark, told by where its zero bytes fall.

    Text in the Latin script, as English is, has a zero high byte in nearly every code unit:
    UTF-16LE zeros the odd bytes, UTF-32BE the first three of every four. Binary data has no
    such rhythm; what matches by chance still has to decode and pass the control-character test.
    """
    head = data[:8192]
    n = len(head) - len(head) % 4
    if n < 16:
        return None
    zeros = [head[i:n:4].count(0) / (n // 4) for i in range(4)]
    if min(zeros[1:]) > 0.9 and zeros[0] < 0.5:
        return "utf-32-le"
    if min(zeros[:3]) > 0.9 and zeros[3] < 0.5:
        return "utf-32-be"
    odd, even = (zeros[1] + zeros[3]) / 2, (zeros[0] + zeros[2]) / 2
    if odd > 0.7 and even < 0.1:
        return "utf-16-le"
    if even > 0.7 and odd < 0.1:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, source: str | None = None) -> str:
    """Decode article bytes: BOM, then UTF-8, then statistical detection.

    Raises :class:`InputError` E001 (empty), E002 (binary) or E003 (undecodable).
    """
    if not data.strip():
        raise InputError(ErrorCode.E001, source)
    kind = binary_kind(data)
    if kind:
        raise InputError(ErrorCode.E002, source, kind=kind)
    text = _decode(data, source)
    if not text.strip():
        raise InputError(ErrorCode.E001, source)
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    if controls > max(3, len(sample) // 100):
        raise InputError(ErrorCode.E002, source, kind="control characters")
    return text


def _decode(data: bytes, source: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(ErrorCode.E003, source) from None
    wide = wide_encoding(data) if b"\x00" in data[:8192] else None
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            raise InputError(ErrorCode.E003, source) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError(ErrorCode.E003, source)
    if best.encoding in _WESTERN_SINGLE_BYTE:
        # English text that is not UTF-8 is Windows-1252 in practice; the detector's
        # statistics cannot tell it from DOS code pages on short texts.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(ErrorCode.E003, source) from None


def sniff_format(text: str) -> Format:
    """Guess the format of text that came without a telling file name (stdin, no suffix)."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    lowered = head.lower()
    if head.startswith("<") and any(
        tag in lowered for tag in ("<html", "<body", "<article", "<p", "<div", "<!doctype")
    ):
        return "html"
    if head.startswith(("{", "[")):
        first_line = head.split("\n", 1)[0]
        for candidate in (first_line, text):  # JSON Lines, else one (pretty-printed) JSON value
            try:
                if isinstance(json.loads(candidate), dict | list):
                    return "jsonl"
            except json.JSONDecodeError:
                continue
    return "text"
