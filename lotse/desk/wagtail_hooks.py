"""Back office: the menu "Anfragen" (inquiries, statistics, answer templates)."""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import Menu
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet

from lotse.core.admin_menu import UserSubmenuMenuItem, user_menu_item
from lotse.core.choosers import PolicySnippetViewSet, valid_pks

from . import access, admin_urls
from .models import AnswerTemplate, Topic

register_permission_policy(
    AnswerTemplate, access.AnswerTemplatePermissionPolicy(AnswerTemplate), exact_class=True
)


class AnswerTemplateForm(WagtailAdminModelForm):
    """Topics to choose: those the user handles (a posted other topic is an invalid choice)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "topic" in self.fields:
            topics = access.topics_for(self.for_user) if self.for_user is not None else []
            self.fields["topic"].choices = [
                (value, label) for value, label in Topic.choices if value in topics
            ]
            if self.instance.pk is None and topics and self.initial.get("topic") not in topics:
                self.initial["topic"] = topics[-1] if Topic.GENERAL in topics else topics[0]


def _only_own_topics(view):
    """Every route with a template's pk answers 404 for templates of topics the user does not
    handle (Wagtail's snippet views check the model permission only)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            policy = policy_registry.get_by_type(AnswerTemplate)
            visible = policy.instances_user_has_any_permission_for(request.user, ["view", "change"])
            if not visible.filter(pk__in=valid_pks(AnswerTemplate, [unquote(str(pk))])).exists():
                raise Http404
        return view(request, *args, **kwargs)

    return guarded


class AnswerTemplateViewSet(PolicySnippetViewSet):
    model = AnswerTemplate
    # The form class is the edit handler's (Wagtail ignores a viewset's `base_form_class`).
    edit_handler = ObjectList(
        [FieldPanel(name) for name in ("topic", "title", "body", "active")],
        base_form_class=AnswerTemplateForm,
    )
    icon = "doc-full"
    menu_label = _("Textbausteine")
    add_to_admin_menu = False
    list_display = ["title", "topic", "active"]
    list_filter = ["topic", "active"]
    search_fields = ["title", "body"]

    def get_queryset(self, request):
        return policy_registry.get_by_type(AnswerTemplate).instances_user_has_any_permission_for(
            request.user, ["view", "change"]
        )

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "<" in str(pattern.pattern):
                pattern.callback = _only_own_topics(pattern.callback)
        return patterns


register_snippet(AnswerTemplateViewSet)


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [path("anfragen/", include(admin_urls, namespace="lotse_desk"))]


@hooks.register("register_admin_menu_item")
def register_partner_inbox():
    """Partners: the referrals to their own organisations."""
    partner = access.user_may_use_partner_inbox
    return user_menu_item(_("Verweisungen"), "lotse_desk:partner_list", "mail", 8100, partner)


def user_may_view_templates(user) -> bool:
    return policy_registry.get_by_type(AnswerTemplate).user_has_permission(user, "view")


@hooks.register("register_admin_menu_item")
def register_desk_menu():
    desk = access.user_may_use_desk
    templates = "wagtailsnippets_desk_answertemplate:list"
    menu = Menu(
        items=[
            user_menu_item(_("Anfragen"), "lotse_desk:list", "mail", 100, desk),
            user_menu_item(_("Statistik"), "lotse_desk:statistics", "table", 200, desk),
            user_menu_item(_("Monatsbericht"), "lotse_desk:report", "table", 250, desk),
            user_menu_item(_("Textbausteine"), templates, "doc-full", 300, user_may_view_templates),
        ]
    )
    return UserSubmenuMenuItem(_("Anfragen"), menu, icon_name="mail", order=8000, shown_to=desk)
