"""Bytes to text: empty, binary, undecodable, encodings, format sniffing (no model)."""

from __future__ import annotations

import codecs

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import decode_bytes, read_paths, sniff_format

CP1252_TEXT = (
    "The mayor said the café’s owners had “done nothing wrong” and would reopen on Monday – after the inspection.\n"
)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="no-bytes"),
        pytest.param(b"  \n\t\r\n ", id="whitespace"),
        pytest.param(codecs.BOM_UTF8, id="bom-only"),
        pytest.param(codecs.BOM_UTF8 + "\u3000\n".encode(), id="bom-and-unicode-space"),
    ],
)
def test_empty_is_e001(data):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "a.txt")
    assert info.value.code.name == "E001"
    assert info.value.message.startswith("a.txt: E001")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF", id="pdf"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image", id="jpeg"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive", id="zip-docx"),
        pytest.param(b"\x7fELF\x02\x01\x01", "executable", id="elf"),
        pytest.param(b"Some text\x00\x00\x00 with NUL bytes inside", "binary data", id="nul-bytes"),
        pytest.param(b"text " + b"\x01\x02\x03\x04\x05\x06" * 20, "control characters", id="control-characters"),
    ],
)
def test_binary_is_e002(data, kind):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "a.txt")
    assert info.value.code.name == "E002"
    assert f"({kind})" in info.value.message


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(codecs.BOM_UTF16_LE + "Hi there".encode("utf-16-le")[:-1], id="utf16-bom-odd-length"),
        pytest.param(codecs.BOM_UTF8 + b"caf\xe9 \xff\xfe broken", id="utf8-bom-invalid-utf8"),
    ],
)
def test_undecodable_is_e003(data):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "a.txt")
    assert info.value.code.name == "E003"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(CP1252_TEXT.encode("utf-16"), id="utf16-with-bom"),
        pytest.param(codecs.BOM_UTF8 + CP1252_TEXT.encode(), id="utf8-bom-stripped"),
    ],
)
def test_bom_text_decodes(data):
    assert decode_bytes(data) == CP1252_TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_decode(encoding, tmp_path):
    text = CP1252_TEXT + "Port Elliot’s bridge reopens on Monday.\n"
    assert decode_bytes(text.encode(encoding)) == text
    (tmp_path / "a.txt").write_bytes(("Café owners cleared\n\n" + text).encode(encoding))
    (raw,) = read_paths([tmp_path / "a.txt"])
    assert raw.title == "Café owners cleared" and raw.text.endswith(text)


def test_zero_bytes_without_the_rhythm_of_utf16_are_binary():
    data = bytes(range(256)) * 8
    with pytest.raises(InputError) as info:
        decode_bytes(data, "a.txt")
    assert info.value.code.name == "E002"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(CP1252_TEXT * 3, id="repeated-line"),
        pytest.param("Café owners cleared\n\n" + CP1252_TEXT, id="headline-and-line"),
        pytest.param(
            "Harbour bridge reopens\n\nThe council’s engineers said the bridge was “safe” – and the café reopened.\n",
            id="short-article",
        ),
        pytest.param(
            "Cafe owners cleared\n\n" + CP1252_TEXT * 3,
            id="ascii-headline-then-text",
        ),
    ],
)
def test_cp1252_is_detected(tmp_path, text):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    (raw,) = read_paths([path])
    assert raw.text == text


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        pytest.param("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html", id="html-page"),
        pytest.param("\ufeff  <div><p>A fragment</p></div>", "html", id="html-fragment-after-bom"),
        pytest.param('{"id": "a", "text": "Hello"}\n{"id": "b", "text": "Bye"}', "jsonl", id="jsonl"),
        pytest.param("Harbour bridge reopens\n\nThe bridge reopened.", "text", id="plain-text"),
        pytest.param("<3 to all the volunteers who helped", "text", id="angle-bracket-text"),
        pytest.param("{not json at all} said the sign", "text", id="brace-text"),
    ],
)
def test_sniff_format(text, fmt):
    assert sniff_format(text) == fmt
