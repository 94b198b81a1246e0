"""The back office of the events app: the per-event screens under /admin/veranstaltungen/
(registrations, messages, check-in, structure report, deletion of personal data), their forms,
services and PDF documents. Mounted by ../wagtail_hooks.py; the public side never imports it."""
