"""Back office "Gesendete E-Mails": the outbox records, read-only, each role its own kinds.

One permission policy (`OutgoingMailPermissionPolicy`) decides for the menu, the list and the
detail view: Administration sees every mail, the Veranstaltungsteam the events' mails, the
Redaktion the offers' mails, the Tarifregister the mails of Tarif inquiries. Nobody may add,
change or delete a record here (the retention task deletes them).
"""

from django.db.models import Q
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import OutgoingMail
from .roles import ADMINISTRATION, EDITORS, EVENTS_TEAM, TARIFF_REGISTER, user_roles

# Kind prefix → roles that see those mails (Administration sees all). The desk's kinds carry the
# inquiry topic ("desk.tarif.answer"), like desk/access.py's TOPIC_ROLES.
KIND_AUDIENCES: dict[str, tuple[str, ...]] = {
    "events.": (EVENTS_TEAM,),
    "offers.": (EDITORS,),
    "review.": (EDITORS,),  # Wagtail's workflow notifications (core/review_mail.py)
    "desk.tarif.": (TARIFF_REGISTER,),
}


def mail_kind_prefixes_for(user) -> list[str] | None:
    """The kind prefixes a user may see; None means all kinds."""
    roles = user_roles(user)
    if ADMINISTRATION in roles:
        return None
    return [prefix for prefix, allowed in KIND_AUDIENCES.items() if roles & set(allowed)]


def mails_visible_to(user):
    prefixes = mail_kind_prefixes_for(user)
    queryset = OutgoingMail.objects.all()
    if prefixes is None:
        return queryset
    if not prefixes:
        return queryset.none()
    condition = Q()
    for prefix in prefixes:
        condition |= Q(kind__startswith=prefix)
    return queryset.filter(condition)


class OutgoingMailPermissionPolicy(BasePermissionPolicy):
    """Read-only; "view" for the roles of KIND_AUDIENCES and Administration."""

    def __init__(self):
        super().__init__(OutgoingMail)

    def user_has_permission(self, user, action):
        if action != "view" or not (user.is_authenticated and user.is_active):
            return False
        prefixes = mail_kind_prefixes_for(user)
        return prefixes is None or bool(prefixes)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        prefixes = mail_kind_prefixes_for(user)
        return prefixes is None or any(instance.kind.startswith(p) for p in prefixes)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions or not self.user_has_permission(user, "view"):
            return OutgoingMail.objects.none()
        return mails_visible_to(user)

    def users_with_any_permission(self, actions, include_superusers=True):
        raise NotImplementedError  # not used by the back office for this model


class MailIndexView(generic.IndexView):
    def get_base_queryset(self):
        return mails_visible_to(self.request.user)

    def get_edit_url(self, instance):
        return reverse(self.inspect_url_name, args=[instance.pk])


class MailInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        mail = super().get_object(queryset)
        if not mails_visible_to(self.request.user).filter(pk=mail.pk).exists():
            raise Http404
        return mail


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    icon = "mail"
    menu_label = _("Gesendete E-Mails")
    menu_name = "outgoing-mails"
    menu_order = 9000
    add_to_admin_menu = True
    url_prefix = "gesendete-emails"
    index_view_class = MailIndexView
    inspect_view_class = MailInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "recipient",
        "subject",
        "kind",
        "get_status_display",
        DateColumn("created_at", label=_("Angelegt am")),
        DateColumn("sent_at", label=_("Gesendet am")),
        "attempts",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["recipient", "subject"]
    inspect_view_fields = [
        "recipient",
        "subject",
        "kind",
        "language",
        "batch",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "last_attempt_at",
        "sent_at",
    ]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
        ]
