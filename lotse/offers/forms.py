"""Back-office form for offers: partners choose only among their own actors."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lotse.network.models import Actor, Contact

from .permissions import user_is_offer_staff


class OfferAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "actor" in self.fields:
            actors = Actor.objects.all()
            if not user_is_offer_staff(for_user):
                actors = (
                    Actor.objects.filter(pk__in=Actor.objects.for_user(for_user).values("pk"))
                    if for_user is not None
                    else Actor.objects.none()
                )
            self.fields["actor"].queryset = actors.order_by("name")
            if actors.count() == 1 and not self.instance.actor_id:
                self.fields["actor"].initial = actors.first().pk
        if "contact" in self.fields and not user_is_offer_staff(for_user):
            self.fields["contact"].queryset = Contact.objects.filter(
                actor__memberships__user=for_user
            ).distinct()

    def clean(self):
        cleaned = super().clean()
        actor, contact = cleaned.get("actor"), cleaned.get("contact")
        if actor and contact and contact.actor_id != actor.pk:
            self.add_error(
                "contact", forms.ValidationError(_("Die Ansprechperson gehört nicht zum Anbieter."))
            )
        return cleaned
