"""Mail backends whose server fails: after a number of mails, or for every mail (outbox failure
tests)."""

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class FlakyBackend(LocmemBackend):
    """Locmem, but every send after the first `FlakyBackend.works_for` mails raises."""

    works_for: int | None = None
    handed_over = 0

    def send_messages(self, messages):
        for _message in messages:
            if FlakyBackend.works_for is not None and FlakyBackend.handed_over >= (
                FlakyBackend.works_for
            ):
                raise ConnectionError("mail server went away")
            FlakyBackend.handed_over += 1
        return super().send_messages(messages)


class BrokenBackend:
    """A mail server that refuses every mail."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise ConnectionRefusedError("mail server down")

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
