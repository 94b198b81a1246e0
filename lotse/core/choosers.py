"""Wagtail's snippet choosers, narrowed to what the model's permission policy lets a user see.

Wagtail's chooser views list, search and return ("chosen") `Model.objects.all()` to every
back-office user, whatever the model's own screens allow. Every snippet viewset of Lotse derives
from `PolicySnippetViewSet`, whose chooser is `PolicyChooserViewSet` instead: the list, the
search results, "chosen" (one or several) and "create" ask the permission policy registered for
the model (`wagtail.permissions`), the same one the listing, edit, history and export routes
use.

What a user may choose is what the policy lets them view or change: `chooser_queryset`. A policy
may narrow that further with a method `instances_user_may_choose(user)`.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

CHOOSER_ACTIONS = ("view", "change")


def chooser_queryset(*, user, model):
    """The objects of `model` that `user` may choose in a chooser."""
    policy = policy_registry.get_by_type(model)
    narrowed = getattr(policy, "instances_user_may_choose", None)
    if narrowed is not None:
        return narrowed(user)
    return policy.instances_user_has_any_permission_for(user, list(CHOOSER_ACTIONS))


def valid_pks(model, values) -> list:
    """The ids among `values` that are valid for the model's primary key (others are dropped)."""
    valid = []
    for value in values:
        try:
            pk = model._meta.pk.to_python(value)
        except (ValidationError, ValueError, TypeError, OverflowError):
            continue
        if isinstance(pk, int) and not -(2**63) <= pk < 2**63:
            continue
        valid.append(pk)
    return valid


class PolicyChooseView(ChooseView):
    def get_object_list(self):
        return chooser_queryset(user=self.request.user, model=self.model_class)


class PolicyChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return chooser_queryset(user=self.request.user, model=self.model_class)


class PolicyChosenView(SnippetChosenView):
    """Only an object the user may choose; a malformed id is a 404, not a 500."""

    def get_object(self, pk):
        valid = valid_pks(self.model_class, [pk])
        if not valid:
            raise Http404
        return chooser_queryset(user=self.request.user, model=self.model_class).get(pk=valid[0])


class PolicyChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return chooser_queryset(user=self.request.user, model=self.model_class).filter(
            pk__in=valid_pks(self.model_class, pks)
        )


class PolicyCreateView(SnippetCreateView):
    """Lotse's choosers have no creation form (objects are created in their own screens):
    the route answers 404 instead of failing on the missing form."""

    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class PolicyChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PolicyChooseView
    choose_results_view_class = PolicyChooseResultsView
    chosen_view_class = PolicyChosenView
    chosen_multiple_view_class = PolicyChosenMultipleView
    create_view_class = PolicyCreateView


class PolicySnippetViewSet(SnippetViewSet):
    """The base of every snippet viewset of Lotse: its chooser asks the permission policy."""

    chooser_viewset_class = PolicyChooserViewSet
