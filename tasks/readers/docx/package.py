"""The .docx zip checked before any XML is parsed: not a zip, not Word, a zip bomb, encrypted or damaged parts."""

from __future__ import annotations

import io
import zipfile
import zlib

from tasks.domain.extract import ReadError

# Real statements and reports are a few MB unzipped; a file declaring more is a bomb, not prose.
MAX_UNCOMPRESSED_BYTES = 256 * 2**20
# XML compresses about 10:1 and images not at all; only padding built to explode goes past this.
MAX_COMPRESSION_RATIO = 100
# Small parts can legitimately compress very well (a styles part full of repeats).
RATIO_CHECKED_FROM_BYTES = 8 * 2**20
MAX_MEMBERS = 10_000

_MAIN_PART = "word/document.xml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_package(source_path: str, data: bytes) -> None:
    with _open_zip(source_path, data) as zf:
        _refuse_unsafe_zip(source_path, zf)
        _require_word_document(source_path, zf)
        _check_integrity(source_path, zf)


def _open_zip(source_path: str, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as e:
        raise _not_a_zip(source_path, data) from e


def _not_a_zip(source_path: str, data: bytes) -> ReadError:
    """A .docx is always a zip; say what the file is instead, since that decides the fix."""
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return ReadError(
                "encrypted",
                f"{source_path}: the Word document is password-protected; "
                "open it with the password and save a copy without one",
            )
        return ReadError(
            "corrupt",
            f"{source_path}: this is an old binary Word .doc (Word 97-2003) named "
            ".docx; open it in Word or LibreOffice and save it as .docx",
        )
    if data.lstrip().startswith(b"{\\rtf"):
        return ReadError(
            "corrupt",
            f"{source_path}: this is an RTF file named .docx; open it in Word or LibreOffice and save it as .docx",
        )
    return ReadError(
        "corrupt",
        f"{source_path}: the file is not a valid .docx (not a zip archive; it may be "
        "truncated, or an old binary .doc renamed); download it again, or open it in Word or "
        "LibreOffice and save it as .docx",
    )


def _refuse_unsafe_zip(source_path: str, zf: zipfile.ZipFile) -> None:
    """Judged on the sizes the zip declares; zipfile never inflates a member past its declared
    size, so nothing read afterwards can be bigger than what is checked here."""
    members = zf.infolist()
    if len(members) > MAX_MEMBERS:
        raise _bomb(source_path, f"it holds {len(members)} files")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _bomb(source_path, f"it unpacks to {total // 2**20} MB")
    for m in members:
        if m.file_size >= RATIO_CHECKED_FROM_BYTES and m.file_size > MAX_COMPRESSION_RATIO * max(m.compress_size, 1):
            raise _bomb(
                source_path,
                f"its part {m.filename} unpacks to {m.file_size // 2**20} MB from {m.compress_size // 1024} KB",
            )
    encrypted = [m.filename for m in members if m.flag_bits & 0x1]
    if encrypted:
        raise ReadError(
            "encrypted",
            f"{source_path}: parts of the archive are encrypted ({encrypted[0]}); "
            "open the document with its password and save a copy without one",
        )


def _bomb(source_path: str, why: str) -> ReadError:
    return ReadError(
        "zip_bomb",
        f"{source_path}: the file is not read because {why}, far beyond any real "
        "Word document (a zip bomb, or a document padded with huge embedded files); remove it "
        "from the inbox, or ask the sender for a plain copy",
    )


def _require_word_document(source_path: str, zf: zipfile.ZipFile) -> None:
    names = set(zf.namelist())
    if _MAIN_PART in names:
        return
    if "mimetype" in names and "content.xml" in names:
        what = "an OpenDocument file (.odt) named .docx; save it as .docx"
    elif any(n.startswith("xl/") for n in names):
        what = "an Excel workbook named .docx; export the text to a Word document"
    elif any(n.startswith("ppt/") for n in names):
        what = "a PowerPoint presentation named .docx; export the text to a Word document"
    else:
        what = "a zip archive without word/document.xml; check that the right file was put in the inbox"
    raise ReadError("corrupt", f"{source_path}: not a Word document: {what}")


def _check_integrity(source_path: str, zf: zipfile.ZipFile) -> None:
    """Inflate every member once: a damaged one fails here with its name, which says more
    than the XML error python-docx would raise halfway through."""
    for m in zf.infolist():
        try:
            with zf.open(m) as member:
                while member.read(2**20):
                    pass
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as e:
            raise ReadError(
                "corrupt",
                f"{source_path}: the part {m.filename} of the Word document is damaged "
                f"({e}); download the file again, or open it in Word, let it repair the file, "
                "and save it again",
            ) from e
