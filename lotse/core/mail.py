"""The one way to send mail: the outbox (docs/decisions/0009-mail-outbox.md).

A service that decides a mail calls `mail_enqueue` (one recipient) or `mails_enqueue` (many)
inside its own transaction. They render subject and text in the recipient's language, write one
`OutgoingMail` row per recipient and enqueue the task `mails_send` with
`enqueue_with_transaction`: the mail exists exactly when the decision commits. The worker sends
(no SMTP in a request, a transaction or under a row lock), marks each row sent or failed and
retries with doubling delays, at most LOTSE_MAIL_MAX_ATTEMPTS times. Each row is claimed by a
conditional UPDATE before it is handed to the mail server, so a retried batch skips what went
out already and two workers never send the same row.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import models, transaction
from django.db.models import Count, F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

from .links import url_base, url_base_used
from .models import MailStatus, OutgoingMail
from .tasks import enqueue_with_transaction

logger = logging.getLogger(__name__)

# A row left in "sending" this long was interrupted (worker crash during the hand-over): it is
# marked failed, not sent again, because the mail server may have taken it.
SENDING_STALE_AFTER = timedelta(hours=1)


class MailCancelled(Exception):
    """Raised by an attachments function: the mail is no longer wanted (object gone)."""


@dataclass(frozen=True)
class MailDraft:
    """One rendered mail for `mails_enqueue`."""

    to: str
    subject: str
    body: str
    language: str = "de"
    key: str = ""
    obj: models.Model | None = None


def mail_key(*parts: object) -> str:
    """An idempotency key from the parts of a decision (hashed when it would be too long)."""
    key = ":".join(str(part) for part in parts)
    if len(key) <= 200:
        return key
    return f"{str(parts[0])[:80]}:{hashlib.sha256(key.encode()).hexdigest()}"


def mail_attachments(function: Callable) -> Callable:
    """Mark `function(*, mail, message)` as allowed to complete a mail in the worker.

    It adds attachments or an HTML part to `message` (an EmailMultiAlternatives) and may raise
    MailCancelled. It runs in the mail's language with the links' base of the deciding request.
    """
    function.lotse_mail_attachments = True  # type: ignore[attr-defined]
    return function


def mail_render(
    *, template: str, context: dict, subject: str | Callable[[], str], language: str
) -> tuple[str, str]:
    """Subject and text of a mail in `language` (a callable subject is evaluated there too)."""
    with translation.override(language or "de"):
        subject_text = str(subject() if callable(subject) else subject)
        body = render_to_string(template, context)
    return _one_line(subject_text), body


def _one_line(subject: str) -> str:
    """A subject is one header line of at most 255 characters."""
    return " ".join(str(subject).split())[:255]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _attachments_path(function: Callable | None) -> str:
    if function is None:
        return ""
    if not getattr(function, "lotse_mail_attachments", False):
        raise ImproperlyConfigured(f"{function!r} is not marked with @mail_attachments")
    return f"{function.__module__}.{function.__qualname__}"


def _enqueue_rows(
    *,
    kind: str,
    drafts: Iterable[MailDraft],
    batch: str = "",
    attachments: Callable | None = None,
) -> tuple[list[int], list[OutgoingMail]]:
    """Insert the rows (skipping keys that exist) and enqueue their send tasks; returns the
    ids of the new rows and the new row objects where the INSERT returned them (fresh keys)."""
    base = url_base()
    attachments_from = _attachments_path(attachments)
    now = timezone.now()
    queued: list[int] = []
    returned: list[OutgoingMail] = []
    content_types: dict[type, ContentType] = {}
    for chunk in _chunks(drafts, settings.LOTSE_MAIL_BATCH_SIZE):
        rows = []
        for draft in chunk:
            content_type = None
            if draft.obj is not None:
                model = type(draft.obj)
                if model not in content_types:
                    content_types[model] = ContentType.objects.get_for_model(model)
                content_type = content_types[model]
            rows.append(
                OutgoingMail(
                    key=draft.key or f"{kind}:{uuid.uuid4().hex}",
                    kind=kind,
                    recipient=draft.to,
                    subject=_one_line(draft.subject),
                    body=draft.body,
                    language=draft.language or "de",
                    base_url=base,
                    batch=batch,
                    attachments_from=attachments_from,
                    content_type=content_type,
                    object_id=draft.obj.pk if draft.obj is not None else None,
                    created_at=now,
                )
            )
        if all(not draft.key for draft in chunk):
            # Fresh random keys cannot collide: one INSERT, the ids come back from it.
            created = OutgoingMail.objects.bulk_create(rows)
            returned.extend(created)
            ids = [row.pk for row in created]
        else:
            keys = [row.key for row in rows]
            existing = set(OutgoingMail.objects.filter(key__in=keys).values_list("key", flat=True))
            fresh = [row for row in rows if row.key not in existing]
            if not fresh:
                continue
            # A concurrent transaction may insert the same key meanwhile: skip it, read back.
            OutgoingMail.objects.bulk_create(fresh, ignore_conflicts=True)
            ids = list(
                OutgoingMail.objects.filter(
                    key__in=[row.key for row in fresh], status=MailStatus.QUEUED
                )
                .order_by("pk")
                .values_list("pk", flat=True)
            )
        if ids:
            enqueue_with_transaction(mails_send, mail_ids=ids)
        queued.extend(ids)
    return queued, returned


@transaction.atomic(savepoint=False)
def mails_enqueue(
    *,
    kind: str,
    drafts: Iterable[MailDraft],
    batch: str = "",
    attachments: Callable | None = None,
) -> int:
    """Write one outbox row per draft in batches and enqueue one send task per batch.

    Called inside the deciding transaction. A draft whose key exists already is skipped (the
    decision was recorded before), so repeating a call never mails anyone twice. Returns the
    number of new rows.
    """
    ids, _rows = _enqueue_rows(kind=kind, drafts=drafts, batch=batch, attachments=attachments)
    return len(ids)


@transaction.atomic(savepoint=False)
def mail_enqueue(
    *,
    to: str,
    kind: str,
    template: str,
    context: dict,
    subject: str | Callable[[], str],
    language: str = "de",
    key: str = "",
    obj: models.Model | None = None,
    attachments: Callable | None = None,
) -> OutgoingMail | None:
    """Render one mail in `language` and put it into the outbox (inside the caller's
    transaction). Returns the new row; None when there is no address or the `key` was used
    before (that decision has its mail already)."""
    if not to:
        return None
    subject_text, body = mail_render(
        template=template, context=context, subject=subject, language=language
    )
    ids, rows = _enqueue_rows(
        kind=kind,
        drafts=[
            MailDraft(to=to, subject=subject_text, body=body, language=language, key=key, obj=obj)
        ],
        attachments=attachments,
    )
    if not ids:
        return None
    return rows[0] if rows else OutgoingMail.objects.get(pk=ids[0])


# --- the worker ------------------------------------------------------------------------------


def _claim(mail_id: int) -> OutgoingMail | None:
    """Take a queued row for sending (one conditional UPDATE: two workers never both win)."""
    claimed = OutgoingMail.objects.filter(pk=mail_id, status=MailStatus.QUEUED).update(
        status=MailStatus.SENDING, attempts=F("attempts") + 1, last_attempt_at=timezone.now()
    )
    if not claimed:
        return None
    return OutgoingMail.objects.filter(pk=mail_id).first()


def _message(row: OutgoingMail, connection) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=row.subject, body=row.body, to=[row.recipient], connection=connection
    )
    if row.attachments_from:
        function = import_string(row.attachments_from)
        if not getattr(function, "lotse_mail_attachments", False):
            raise ImproperlyConfigured(f"{row.attachments_from} is not a mail attachments function")
        with translation.override(row.language or "de"), url_base_used(row.base_url):
            function(mail=row, message=message)
    return message


def retry_delay(attempts: int) -> timedelta:
    """Doubling delays: 1×, 2×, 4×, … LOTSE_MAIL_RETRY_SECONDS after the n-th failed attempt."""
    return timedelta(seconds=settings.LOTSE_MAIL_RETRY_SECONDS * 2 ** max(attempts - 1, 0))


def _record_failure(row: OutgoingMail, exc: Exception, now: datetime) -> datetime | None:
    """Mark a failed attempt; returns when to try again, or None when attempts are used up."""
    error = f"{type(exc).__name__}: {exc}"[:500]
    if row.attempts >= settings.LOTSE_MAIL_MAX_ATTEMPTS:
        OutgoingMail.objects.filter(pk=row.pk).update(
            status=MailStatus.FAILED, last_error=error, next_attempt_at=None
        )
        return None
    retry_at = now + retry_delay(row.attempts)
    OutgoingMail.objects.filter(pk=row.pk).update(
        status=MailStatus.QUEUED, last_error=error, next_attempt_at=retry_at
    )
    return retry_at


def _schedule_retry(mail_ids: list[int], when: datetime) -> None:
    """Enqueue the rest of a batch for later; a queue that cannot defer leaves the rows queued
    for the periodic `mails_queue_sweep`."""
    if not mail_ids:
        return
    if mails_send.get_backend().supports_defer:
        mails_send.using(run_after=when).enqueue(mail_ids=mail_ids)


def mails_deliver(*, mail_ids: list[int]) -> int:
    """Send the given outbox rows (those still queued); returns how many went out.

    On a failure the batch stops: the failed row is retried later (bounded), the rows after it
    stay queued and are retried before it (one bad address does not hold up the others), so
    nothing is lost and nothing sent twice.
    """
    ids = list(dict.fromkeys(mail_ids))  # in the given order: a retried row comes last
    connection = get_connection()
    sent = 0
    try:
        for index, mail_id in enumerate(ids):
            row = _claim(mail_id)
            if row is None:
                continue
            try:
                message = _message(row, connection)
                connection.open()  # once per batch (a no-op while it is open)
                message.send()
            except MailCancelled:
                OutgoingMail.objects.filter(pk=row.pk).update(
                    status=MailStatus.CANCELLED, body="", next_attempt_at=None
                )
                continue
            except Exception as exc:
                logger.warning("mail %s (%s) failed: %s", row.pk, row.kind, exc, exc_info=True)
                retry_at = _record_failure(row, exc, timezone.now())
                if retry_at is None:
                    continue  # given up on this one; the others go on
                _schedule_retry([*ids[index + 1 :], row.pk], retry_at)
                return sent
            OutgoingMail.objects.filter(pk=row.pk).update(
                status=MailStatus.SENT,
                sent_at=timezone.now(),
                body="",
                last_error="",
                next_attempt_at=None,
            )
            sent += 1
    finally:
        connection.close()
    return sent


@task()
def mails_send(mail_ids: list[int]) -> int:
    """Send a batch of outbox rows (enqueued by `mails_enqueue`)."""
    return mails_deliver(mail_ids=mail_ids)


@task()
def mails_queue_sweep() -> int:
    """Periodic: send queued rows that are due (their retry time has come, or their task was
    lost with a queue outside the database) and mark rows stuck in "sending" as failed."""
    now = timezone.now()
    OutgoingMail.objects.filter(
        status=MailStatus.SENDING, last_attempt_at__lt=now - SENDING_STALE_AFTER
    ).update(status=MailStatus.FAILED, last_error="Versand unterbrochen (Zustellung unklar)")
    due = list(
        OutgoingMail.objects.filter(status=MailStatus.QUEUED)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("attempts", "pk")
        .values_list("pk", flat=True)
    )
    for chunk in _chunks(due, settings.LOTSE_MAIL_BATCH_SIZE):
        mails_send.enqueue(mail_ids=chunk)
    return len(due)


@task()
def mails_retention_delete() -> int:
    """Daily: delete outbox records older than LOTSE_MAIL_RETENTION_DAYS; returns the count."""
    cutoff = timezone.now() - timedelta(days=settings.LOTSE_MAIL_RETENTION_DAYS)
    deleted, _details = OutgoingMail.objects.filter(created_at__lt=cutoff).delete()
    logger.info("mails_retention_delete: %s mail records older than %s deleted", deleted, cutoff)
    return deleted


def mails_delete_for(*, model: type[models.Model], ids: Iterable[int]) -> int:
    """Delete the mail records about these objects (erasure of their personal data)."""
    content_type = ContentType.objects.get_for_model(model)
    deleted, _details = OutgoingMail.objects.filter(
        content_type=content_type, object_id__in=list(ids)
    ).delete()
    return deleted


# --- reads -----------------------------------------------------------------------------------


def mail_progress(*, batches: Iterable[str]) -> dict[str, dict[str, int]]:
    """Counts by status per batch, e.g. {"events.message:4": {"sent": 120, "queued": 80, …}}."""
    progress: dict[str, dict[str, int]] = {}
    batches = list(batches)
    if not batches:
        return progress
    rows = (
        OutgoingMail.objects.filter(batch__in=batches)
        .values("batch", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in rows:
        progress.setdefault(row["batch"], {})[row["status"]] = row["count"]
    return progress
