"""Back office for the network: actors (with contacts), cooperations, memberships."""

import django_filters
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lotse.core.audit import audit_log
from lotse.core.choosers import PolicySnippetViewSet
from lotse.core.models import ActorType, Region

from .models import Actor, Cooperation, Membership
from .permissions import (
    ActorPermissionPolicy,
    actors_choosable_as_partner,
    actors_for_user,
    user_sees_all_actors,
)
from .services import actor_index_refresh

register_permission_policy(Actor, ActorPermissionPolicy(Actor), exact_class=True)


class ActorObjectPermissionMixin:
    """Wagtail's snippet views check model permissions only; add the per-actor check.

    A partner who opens another organisation's actor (edit, history, usage, …) gets 404.
    """

    object_permission = "change"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = policy_registry.get_by_type(Actor)
        if not policy.user_has_permission_for_instance(
            self.request.user, self.object_permission, obj
        ):
            # 404, not Wagtail's redirect: the actor's existence is not the partner's business.
            raise Http404
        return obj


class ActorEditView(ActorObjectPermissionMixin, snippet_views.EditView):
    pass


class ActorDeleteView(ActorObjectPermissionMixin, snippet_views.DeleteView):
    object_permission = "delete"


class ActorUsageView(ActorObjectPermissionMixin, snippet_views.UsageView):
    pass


class ActorHistoryView(ActorObjectPermissionMixin, snippet_views.HistoryView):
    pass


class ActorCopyView(ActorObjectPermissionMixin, snippet_views.CopyView):
    pass


class ActorInspectView(ActorObjectPermissionMixin, snippet_views.InspectView):
    object_permission = "view"


# Fields only Redaktion and Administration may change: whether the actor is listed publicly,
# and its address (slug) in the directory.
EDITOR_ONLY_FIELDS = ("is_published", "slug")


class ActorAdminForm(WagtailAdminModelForm):
    """The actor form; for partners (members of the actor) without EDITOR_ONLY_FIELDS.

    The fields are removed from the form, not merely hidden: a partner's POST that carries them
    anyway is ignored and the stored values stay. Their panels disappear with them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None or not user_sees_all_actors(self.for_user):
            for name in EDITOR_ONLY_FIELDS:
                self.fields.pop(name, None)
            if "parent" in self.fields:
                # A parent organisation among published actors and the partner's own.
                current = [self.instance.parent] if self.instance.parent_id else []
                self.fields["parent"].queryset = actors_choosable_as_partner(
                    self.for_user, keep=current
                )


class ActorFilterSet(WagtailFilterSet):
    actor_type = django_filters.ModelChoiceFilter(
        label=_("Akteurstyp"), queryset=ActorType.objects.order_by("order")
    )
    districts = django_filters.ModelChoiceFilter(
        label=_("Zuständig für"),
        queryset=Region.objects.districts().order_by("name"),
        method="filter_district",
    )
    statewide = django_filters.BooleanFilter(label=_("landesweit tätig"))
    is_published = django_filters.BooleanFilter(label=_("im Verzeichnis sichtbar"))

    class Meta:
        model = Actor
        fields = ["actor_type", "statewide", "is_published"]

    def filter_district(self, queryset, name, value):
        if not value:
            return queryset
        through = Actor._meta.get_field("districts").remote_field.through
        return queryset.filter(
            pk__in=through.objects.filter(region=value).values("actor_id")
        ) | queryset.filter(statewide=True)


class ActorViewSet(PolicySnippetViewSet):
    model = Actor
    icon = "group"
    edit_view_class = ActorEditView
    delete_view_class = ActorDeleteView
    usage_view_class = ActorUsageView
    history_view_class = ActorHistoryView
    copy_view_class = ActorCopyView
    inspect_view_class = ActorInspectView
    menu_label = _("Akteure")
    list_display = ["name", "actor_type", "town", "is_published", "updated_at"]
    list_per_page = 50
    filterset_class = ActorFilterSet
    search_fields = ["name", "short_name", "town"]
    search_backend_name = None
    ordering = ["name"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
                    FieldPanel("actor_type"),
                    FieldPanel("parent"),
                    FieldPanel("description"),
                    FieldPanel("is_published"),
                ],
                heading=_("Organisation"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("statewide"),
                    FieldPanel("districts"),
                    FieldPanel("topic_fields"),
                    FieldPanel("target_groups"),
                    FieldPanel("languages"),
                ],
                heading=_("Zuständigkeit und Themen"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("street"),
                    FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                    FieldPanel("district"),
                    FieldPanel("website"),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                ],
                heading=_("Erreichbarkeit (öffentlich)"),
            ),
            InlinePanel(
                "contacts",
                heading=_("Ansprechpersonen"),
                label=_("Ansprechperson"),
                panels=[
                    FieldPanel("name"),
                    FieldPanel("role"),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    FieldPanel("is_public"),
                ],
            ),
        ],
        base_form_class=ActorAdminForm,
    )

    def get_queryset(self, request):
        return actors_for_user(request.user, Actor.objects.select_related("actor_type"))


class CooperationViewSet(PolicySnippetViewSet):
    model = Cooperation
    icon = "link"
    menu_label = _("Kooperationen")
    list_display = ["source", "kind", "target", "start_date"]
    list_filter = ["kind"]
    panels = [
        FieldPanel("source"),
        FieldPanel("kind"),
        FieldPanel("target"),
        FieldPanel("start_date"),
        FieldPanel("note"),
    ]

    def get_queryset(self, request):
        return Cooperation.objects.select_related("source", "target")


class MembershipViewSet(PolicySnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Mitgliedschaften")
    list_display = ["user", "actor", "created_at"]
    panels = [FieldPanel("user"), FieldPanel("actor")]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "actor")


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (ActorViewSet, CooperationViewSet, MembershipViewSet)
    menu_icon = "group"
    menu_label = _("Netzwerk")
    menu_name = "network"


register_snippet(NetworkViewSetGroup)


@hooks.register("after_create_snippet")
def actor_created_in_admin(request, instance) -> None:
    if isinstance(instance, Actor):
        actor_index_refresh(actor=instance)
        audit_log(user=request.user, action="lotse.create", instance=instance)


@hooks.register("after_edit_snippet")
def actor_edited_in_admin(request, instance) -> None:
    if isinstance(instance, Actor):
        actor_index_refresh(actor=instance)
        audit_log(user=request.user, action="lotse.update", instance=instance)
