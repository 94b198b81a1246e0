"""Public event pages under /veranstaltungen/ (and /en/veranstaltungen/).

"anmeldung" is reserved: the personal registration links live below it.
"""

from django.urls import path

from . import views

app_name = "events"

RESERVED_SLUGS = frozenset({"anmeldung"})

urlpatterns = [
    path("", views.event_list, name="list"),
    path("kalender.ics", views.calendar_feed, name="calendar"),
    path("anmeldung/<str:token>/", views.registration_manage, name="manage"),
    path("anmeldung/<str:token>/bestaetigen/", views.registration_confirm, name="confirm"),
    path("anmeldung/<str:token>/freigeben/", views.registration_release, name="release"),
    path("anmeldung/<str:token>/ticket.pdf", views.registration_ticket_pdf, name="ticket_pdf"),
    path("anmeldung/<str:token>/ticket.svg", views.registration_ticket_svg, name="ticket_svg"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/anmelden/", views.event_register, name="register"),
    path("<slug:slug>/angemeldet/<str:signed>/", views.event_registered, name="registered"),
    path("<slug:slug>/termin.ics", views.event_calendar_file, name="ics"),
]
