"""The network: actors (organisations), their contacts, partner memberships, cooperations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from lotse.core.models import DISTRICT_CHOICES, PublicRecord, districts_field
from lotse.core.validators import no_control_characters

# Paths under /netzwerk/ that are pages of the portal, not actors.
RESERVED_SLUGS = frozenset({"struktur"})

postcode_validator = RegexValidator(r"^\d{5}$", _("Die Postleitzahl besteht aus fünf Ziffern."))
phone_validator = RegexValidator(
    r"^[0-9+()/ \-]{3,40}$",
    _("Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden."),
)


class ActorQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_user(self, user):
        """Actors a partner user may edit (all for staff handled by the caller)."""
        return self.filter(memberships__user=user)


def actor_display_name(name: str, short_name: str) -> str:
    """An actor's name as pages show it: "Name (Kurzname)", or the name alone. Also for rows
    read as plain values (the catalogue's cards)."""
    return f"{name} ({short_name})" if short_name else name


class Actor(PublicRecord, ClusterableModel):
    """Akteur: an organisation in the skilled-labour network."""

    external_id = models.CharField(
        _("Externe Kennung"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stabile Kennung für Importe; bleibt bei Umbenennung gleich."),
    )
    name = models.CharField(_("Name"), max_length=200, validators=[no_control_characters])
    short_name = models.CharField(
        _("Kurzname"), max_length=60, blank=True, validators=[no_control_characters]
    )
    slug = models.SlugField(_("Kennung in der Adresse"), max_length=120, unique=True)
    actor_type = models.ForeignKey(
        "core.ActorType",
        verbose_name=_("Akteurstyp"),
        on_delete=models.PROTECT,
        related_name="actors",
    )
    statewide = models.BooleanField(_("landesweit tätig"), default=False)
    districts = districts_field(
        _("Zuständig für (Landkreise/Städte)"), related_name="actors_serving"
    )
    topic_fields = ParentalManyToManyField(
        "core.TopicField", verbose_name=_("Themenfelder"), related_name="actors", blank=True
    )
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", verbose_name=_("Zielgruppen"), related_name="actors", blank=True
    )
    languages = ParentalManyToManyField(
        "core.Language", verbose_name=_("Beratungssprachen"), related_name="actors", blank=True
    )
    description = models.TextField(_("Beschreibung"), blank=True, max_length=4000)
    street = models.CharField(_("Straße und Hausnummer"), max_length=120, blank=True)
    postcode = models.CharField(
        _("Postleitzahl"), max_length=5, blank=True, validators=[postcode_validator]
    )
    town = models.CharField(_("Ort"), max_length=80, blank=True)
    district = models.ForeignKey(
        "core.Region",
        verbose_name=_("Sitz im Landkreis / in der Stadt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actors_located",
        limit_choices_to=DISTRICT_CHOICES,
    )
    website = models.URLField(_("Website"), blank=True)
    email = models.EmailField(_("E-Mail (öffentlich)"), blank=True)
    phone = models.CharField(
        _("Telefon (öffentlich)"), max_length=40, blank=True, validators=[phone_validator]
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Übergeordnete Organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    is_published = models.BooleanField(_("im Verzeichnis sichtbar"), default=True)

    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = _("Akteur")
        verbose_name_plural = _("Akteure")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="actor_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("Diese Kennung ist für eine Seite des Portals reserviert.")}
            )
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Ein Akteur kann nicht sein eigener Teil sein.")})

    @property
    def display_name(self) -> str:
        return actor_display_name(self.name, self.short_name)


class Contact(Orderable):
    """Ansprechperson at an actor; internal-only contacts are never shown publicly."""

    actor = ParentalKey(Actor, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("Name"), max_length=120, validators=[no_control_characters])
    role = models.CharField(_("Funktion"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True, validators=[phone_validator])
    is_public = models.BooleanField(_("öffentlich sichtbar"), default=False)
    is_demo = models.BooleanField(_("Demodaten"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")

    def __str__(self) -> str:
        return f"{self.name} ({self.actor})"


class Membership(models.Model):
    """A partner user who may edit an actor's profile, offers and events."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("Akteur"), on_delete=models.CASCADE, related_name="memberships"
    )
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            models.UniqueConstraint(fields=["user", "actor"], name="membership_unique_user_actor")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.actor}"


class Cooperation(models.Model):
    """A cooperation link between two actors."""

    class Kind(models.TextChoices):
        NETWORK_MEMBERSHIP = "network_membership", _("Netzwerkmitgliedschaft")
        JOINT_PROJECT = "joint_project", _("Gemeinsames Projekt")
        REFERRAL_PARTNER = "referral_partner", _("Verweisungspartner")

    source = models.ForeignKey(
        Actor, verbose_name=_("Akteur"), on_delete=models.CASCADE, related_name="cooperations_out"
    )
    target = models.ForeignKey(
        Actor,
        verbose_name=_("Partner"),
        on_delete=models.CASCADE,
        related_name="cooperations_in",
    )
    kind = models.CharField(_("Art"), max_length=32, choices=Kind.choices)
    start_date = models.DateField(_("seit"))
    note = models.CharField(_("Bemerkung"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Kooperation")
        verbose_name_plural = _("Kooperationen")
        ordering = ["source__name", "target__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="cooperation_unique_pair_kind"
            ),
            models.CheckConstraint(condition=~Q(source=F("target")), name="cooperation_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.source} – {self.target} ({self.get_kind_display()})"
