"""The original document of an agreement: PDF, DOCX or ODT, checked by name and content, capped.

The name's extension alone proves nothing (anyone can rename a file), so the content must match:
a PDF starts with `%PDF-`; DOCX and ODT are ZIP containers, DOCX with `[Content_Types].xml` and
`word/document.xml`, ODT with a first member `mimetype` that reads
`application/vnd.oasis.opendocument.text`. Only the ZIP's directory and that one short member are
read, never the whole archive.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

ALLOWED_EXTENSIONS = ("pdf", "docx", "odt")
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_MEMBERS = {"[Content_Types].xml", "word/document.xml"}


def _content_kind(file) -> str | None:
    """'pdf', 'docx', 'odt' or None, from the first bytes and (for ZIPs) the directory."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if names >= DOCX_MEMBERS:
                return "docx"
            first = archive.infolist()[0]
            if first.filename == "mimetype" and first.file_size <= len(ODT_MIMETYPE):
                with archive.open(first) as member:
                    if member.read(len(ODT_MIMETYPE)) == ODT_MIMETYPE:
                        return "odt"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, IndexError):
        return None
    finally:
        file.seek(0)
    return None


@deconstructible
class AgreementDocumentValidator:
    """Accepts a new upload only if it is a PDF, DOCX or ODT within LOTSE_TARIFF_DOCUMENT_MAX_BYTES.

    A file already stored (an unchanged field on a later edit) is not opened again.
    """

    def __call__(self, value) -> None:
        if not value or getattr(value, "_committed", False):
            return
        limit = settings.LOTSE_TARIFF_DOCUMENT_MAX_BYTES
        if value.size > limit:
            raise ValidationError(
                _("Die Datei ist zu groß (%(size)s); erlaubt sind höchstens %(limit)s.")
                % {"size": filesizeformat(value.size), "limit": filesizeformat(limit)},
                code="file_too_large",
            )
        extension = PurePath(value.name).suffix.lower().lstrip(".")
        if extension not in ALLOWED_EXTENSIONS:
            raise ValidationError(
                _("Bitte laden Sie das Originaldokument als PDF, DOCX oder ODT hoch."),
                code="invalid_extension",
            )
        if _content_kind(value.file) != extension:
            raise ValidationError(
                _(
                    "Der Inhalt der Datei ist kein %(kind)s-Dokument. Bitte laden Sie das "
                    "Originaldokument als PDF, DOCX oder ODT hoch."
                )
                % {"kind": extension.upper()},
                code="invalid_content",
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, AgreementDocumentValidator)


validate_agreement_document = AgreementDocumentValidator()
