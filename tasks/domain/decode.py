"""Bytes to text for text formats: BOMs, UTF-8, then the legacy Western code page.

Spanish, French and Portuguese files saved by old Windows tools are cp1252; decoding them as
Latin-1 or guessing wrongly gives `cafÃ©`. Line endings become `\\n` here, as any text reader
would make them."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# More control characters than this share of the text means binary, not a text file.
_MAX_CONTROL_SHARE = 0.01


class DecodeError(ValueError):
    def __init__(self, error_type: str, message: str):
        super().__init__(message)
        self.error_type = error_type


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with."""
    if not data.strip():
        raise DecodeError("empty", "the file is empty (0 bytes or only whitespace): nothing to ingest")
    text, encoding = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, _MAX_CONTROL_SHARE * len(text)):
        raise DecodeError(
            "binary",
            f"the file holds binary data ({controls} control characters in {len(text)}): "
            "it is not a text document; convert it or remove it from the inbox",
        )
    if not text.strip():
        raise DecodeError("empty", "the file decodes to whitespace only: nothing to ingest")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DecodeError(
                    "undecodable",
                    f"starts with a {encoding} byte-order mark but is not "
                    f"valid {encoding} ({error.reason} at byte {error.start})",
                ) from error
    utf16 = _bomless_utf16(data)
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly:
        return mostly
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1"), "latin-1"


# UTF-8 with a few broken bytes (a file cut and pasted together, one bad copy): when its valid
# multi-byte characters outnumber the broken bytes this many times over, it is UTF-8, and reading
# it all as cp1252 would garble every accented letter (`sociÃ©tÃ©`) to save the broken few.
_UTF8_EVIDENCE = 10
UTF8_REPLACED = "utf-8+replacement"
_NON_ASCII_UTF8 = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with its few invalid bytes shown as U+FFFD (count them in `raw_text`); the encoding
    is `utf-8+replacement`, one label for every such file."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if broken and len(_NON_ASCII_UTF8.findall(data)) >= _UTF8_EVIDENCE * broken:
        return text, UTF8_REPLACED
    return None


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: every other byte of ASCII text is zero."""
    sample = data[:4000]
    if len(sample) < 4 or sample.count(0) < len(sample) * 0.3:
        return None
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    encoding = "utf-16-le" if odd_zeros > even_zeros * 4 else "utf-16-be" if even_zeros > odd_zeros * 4 else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None
