"""A web page's bytes to text: a BOM, a declared charset (read as browsers read it), else UTF-8 or cp1252."""

from __future__ import annotations

import codecs
import re

from tasks.domain.decode import DecodeError, decode
from tasks.domain.extract import ReadError

# Browsers look for a declaration in the first 1024 bytes; pages saved by tools sometimes put
# a long comment or script before it.
_PRESCAN_BYTES = 2048
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']""", re.I)
# Both `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([^\s"'/>;]+)""", re.I)
# Browsers read a page declared Latin-1 or ASCII as windows-1252 (WHATWG Encoding standard),
# and authors fixed their pages until browsers showed them right: `’` and `€` are 0x92 and 0x80.
_READ_AS_WINDOWS_1252 = frozenset({"iso8859-1", "ascii"})
# cp1252 leaves five bytes undefined; browsers map them to the same code points, as Latin-1 does.
_WINDOWS_1252 = {i: bytes([i]).decode("cp1252") for i in range(0x80, 0xA0) if i not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def decode_page(source_path: str, data: bytes) -> tuple[str, str]:
    """The page's text and the charset it was read with: BOM, declaration, UTF-8, cp1252."""
    label = None if data.startswith(_BOMS) else _declared_charset(data[:_PRESCAN_BYTES])
    if label is None:
        try:
            return decode(data)
        except DecodeError as error:
            raise ReadError(error.error_type, f"{source_path}: {error}") from error
    codec = _codec(source_path, label)
    return _decode_declared(source_path, data, label, codec).replace("\r\n", "\n").replace("\r", "\n"), codec


def _declared_charset(head: bytes) -> str | None:
    m = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace").strip().lower() if m else None


def _codec(source_path: str, label: str) -> str:
    try:
        b"".decode(label)  # also refuses codecs that are not text encodings (`base64`, `rot13`)
        name = codecs.lookup(label).name
    except LookupError as error:
        raise ReadError(
            "unknown_charset",
            f"{source_path}: the page declares charset {label!r}, which is not a "
            "known character set; fix the declaration (utf-8, windows-1252, …) or re-save the page "
            "as UTF-8",
        ) from error
    if name in _READ_AS_WINDOWS_1252:
        return "cp1252"
    # A declaration the bytes let us read is in an ASCII-compatible charset: a page saying
    # utf-16 there is UTF-8, as browsers take it.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _decode_declared(source_path: str, data: bytes, label: str, codec: str) -> str:
    if codec == "cp1252":
        return data.decode("latin-1").translate(_WINDOWS_1252)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        hint = " (the bytes read as windows-1252)" if _reads_as_windows_1252(data) else ""
        raise ReadError(
            "bad_charset",
            f"{source_path}: the page declares charset {label!r} but byte "
            f"{error.start} (0x{data[error.start]:02X}) is not valid {codec}{hint}; fix the charset "
            "declaration or re-save the page as UTF-8",
        ) from error


def _reads_as_windows_1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
