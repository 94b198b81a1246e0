"""The original document of an agreement: only PDF, DOCX or ODT (name and content), size capped."""

import io
import zipfile
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from lotse.tariffs.models import AgreementParty, CollectiveAgreement
from tests.tariffs.factories import register_agreement

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
ODS = zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b""})


class FormValues(HTMLParser):
    """The values a browser would submit for the first form with enctype multipart."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._in_form = False
        self._select: str | None = None
        self._textarea: str | None = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("enctype") == "multipart/form-data":
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("file", "submit", "button"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
                return
            self._add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def upload(client, agreement, name: str, content: bytes):
    url = f"/admin/snippets/tariffs/collectiveagreement/edit/{agreement.pk}/"
    parser = FormValues()
    parser.feed(client.get(url).content.decode())
    data = {key: values if len(values) != 1 else values[0] for key, values in parser.data.items()}
    data["document"] = SimpleUploadedFile(name, content)
    return client.post(url, data)


@pytest.fixture
def agreement(db, settings, tmp_path):
    settings.LOTSE_TARIFF_DOCUMENT_ROOT = tmp_path
    party = AgreementParty.objects.create(name="IG Upload", kind="union")
    return register_agreement("SN-UPLOAD-1", parties=[party])


@pytest.mark.parametrize(
    ("name", "content"),
    [("vertrag.pdf", PDF), ("Vertrag.PDF", PDF), ("vertrag.docx", DOCX), ("vertrag.odt", ODT)],
)
def test_documents_of_the_allowed_types_are_stored(login, staff_users, agreement, name, content):
    response = upload(login("tarifregister"), agreement, name, content)
    assert response.status_code == 302, response.context["form"].errors
    agreement.refresh_from_db()
    assert agreement.document
    assert agreement.document.read() == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vertrag.exe", b"MZ\x90\x00", "als PDF, DOCX oder ODT hoch"),
        ("vertrag.html", b"<script>alert(1)</script>", "als PDF, DOCX oder ODT hoch"),
        ("vertrag.svg", b"<svg onload=alert(1)>", "als PDF, DOCX oder ODT hoch"),
        ("vertrag", PDF, "als PDF, DOCX oder ODT hoch"),
        # The right name, the wrong content.
        ("vertrag.pdf", b"<html>not a pdf</html>", "kein PDF-Dokument"),
        ("vertrag.pdf", DOCX, "kein PDF-Dokument"),
        ("vertrag.docx", PDF, "kein DOCX-Dokument"),
        ("vertrag.docx", zipped({"a.txt": b"x"}), "kein DOCX-Dokument"),
        ("vertrag.docx", b"PK\x03\x04 broken zip", "kein DOCX-Dokument"),
        ("vertrag.odt", ODS, "kein ODT-Dokument"),
        ("vertrag.odt", DOCX, "kein ODT-Dokument"),
    ],
)
def test_other_types_are_refused_with_a_german_message(
    login, staff_users, agreement, name, content, message
):
    response = upload(login("tarifregister"), agreement, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    agreement.refresh_from_db()
    assert not agreement.document


@override_settings(LOTSE_TARIFF_DOCUMENT_MAX_BYTES=1000)
def test_documents_above_the_size_cap_are_refused(login, staff_users, agreement):
    content = PDF + b"0" * 1000
    response = upload(login("tarifregister"), agreement, "vertrag.pdf", content)
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in response.content.decode()
    agreement.refresh_from_db()
    assert not agreement.document


def test_a_stored_document_is_kept_on_a_later_edit(login, staff_users, agreement):
    client = login("tarifregister")
    assert upload(client, agreement, "vertrag.pdf", PDF).status_code == 302
    url = f"/admin/snippets/tariffs/collectiveagreement/edit/{agreement.pk}/"
    parser = FormValues()
    parser.feed(client.get(url).content.decode())
    data = {key: values if len(values) != 1 else values[0] for key, values in parser.data.items()}
    data["title"] = "Neuer Titel"
    assert client.post(url, data).status_code == 302
    agreement = CollectiveAgreement.objects.get(pk=agreement.pk)
    assert agreement.title == "Neuer Titel"
    assert agreement.document.read() == PDF


def test_the_messages_are_english_on_english_pages():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from lotse.tariffs.validators import validate_agreement_document

    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_agreement_document(SimpleUploadedFile("vertrag.pdf", b"<html>"))
    assert error.value.messages == [
        "The file's content is not a PDF document. Please upload the original document as PDF, "
        "DOCX or ODT."
    ]
