"""Decoding text files: every encoding our inboxes hold comes out right, junk becomes an error."""

from __future__ import annotations

import codecs

import pytest

from tasks.domain.decode import DecodeError, decode

pytestmark = pytest.mark.unit

TEXT = "Migração, café, élève, niño: los Estados-membros et l'œuvre « commune ».\nSegunda línea.\n"


@pytest.mark.parametrize(
    "encoding,prefix,expected",
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_each_encoding_comes_out_right(encoding, prefix, expected):
    text, used = decode(prefix + TEXT.encode(encoding))
    assert (text, used) == (TEXT, expected)


def test_legacy_spanish_is_not_mojibake():
    text, used = decode("Declaración de Cartagena sobre Refugiados".encode("cp1252"))
    assert "Ã" not in text and "ó" in text and used == "cp1252"


def test_windows_line_endings_become_newlines():
    assert decode(b"one\r\ntwo\rthree")[0] == "one\ntwo\nthree"


@pytest.mark.parametrize(
    "data,error_type",
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (bytes(range(256)) * 10, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe broken", "undecodable"),
    ],
)
def test_junk_is_a_typed_error_with_an_actionable_message(data, error_type):
    with pytest.raises(DecodeError) as caught:
        decode(data)
    assert caught.value.error_type == error_type and len(str(caught.value)) > 20


def test_utf8_with_a_few_broken_bytes_stays_utf8_and_says_so():
    good = "Société civile, migración y ação humanitária. " * 4
    text, encoding = decode(good.encode("utf-8") + b"\xe9\xff broken " + good.encode("utf-8"))
    assert "Société" in text and "Ã" not in text and "\ufffd broken" in text
    assert encoding == "utf-8+replacement" and text.count("\ufffd") == 2


def test_legacy_text_with_one_stray_utf8_character_is_still_cp1252():
    """Must not match: one valid UTF-8 sequence is no evidence against cp1252's many accents."""
    text, encoding = decode(("Declaración sobre migración. " * 10).encode("cp1252") + "é".encode("utf-8"))
    assert encoding == "cp1252" and text.startswith("Declaración")
