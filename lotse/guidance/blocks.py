"""The editable definition of a check version (StreamField `CheckVersion.content`).

The Redaktion edits modules with their questions and rules here, as drafts with revisions and
review. Publishing turns the definition into the immutable rows (Module, Question, Rule) that
checks and plans use (`services.version_publish`); the same validation as the data-file loader
guards it (`loader.validate_definition`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from lotse.offers.models import Offer

from .choices import SIZE_ORDER, Answer, ModuleKind

SIZE_CHOICES = [(value, value) for value in SIZE_ORDER]
WZ_SECTIONS = [(letter, letter) for letter in "ABCDEFGHIJKLMNOPQRSTU"]


class QuestionBlock(blocks.StructBlock):
    key = blocks.RegexBlock(regex=r"^[a-z0-9-]{1,60}$", label=_("Kennung"))
    text_de = blocks.CharBlock(max_length=400, label=_("Frage"))
    text_en = blocks.CharBlock(max_length=400, required=False, label=_("Frage (englisch)"))
    why_de = blocks.TextBlock(label=_("Warum fragen wir das?"))
    why_en = blocks.TextBlock(required=False, label=_("Warum fragen wir das? (englisch)"))
    weight = blocks.IntegerBlock(min_value=1, max_value=10, default=1, label=_("Gewicht"))
    legal_duty = blocks.BooleanBlock(required=False, label=_("gesetzliche Pflicht"))
    legal_basis = blocks.CharBlock(max_length=300, required=False, label=_("Rechtsgrundlage"))
    legal_checked_on = blocks.DateBlock(required=False, label=_("Rechtsgrundlage geprüft am"))
    size_classes = blocks.MultipleChoiceBlock(
        choices=SIZE_CHOICES, required=False, label=_("nur für Größenklassen")
    )
    wz_sections = blocks.MultipleChoiceBlock(
        choices=WZ_SECTIONS, required=False, label=_("nur für WZ-Abschnitte")
    )
    article_slug = blocks.CharBlock(max_length=200, required=False, label=_("Wissensartikel"))

    class Meta:
        icon = "help"
        label = _("Frage")


class RuleBlock(blocks.StructBlock):
    key = blocks.RegexBlock(regex=r"^[a-z0-9-]{1,60}$", label=_("Kennung"))
    questions = blocks.ListBlock(blocks.CharBlock(max_length=60), label=_("Fragen (Kennungen)"))
    answers = blocks.MultipleChoiceBlock(choices=Answer.choices, label=_("auslösende Antworten"))
    title_de = blocks.CharBlock(max_length=200, label=_("Maßnahme"))
    title_en = blocks.CharBlock(max_length=200, required=False, label=_("Maßnahme (englisch)"))
    why_de = blocks.TextBlock(required=False, label=_("Warum"))
    why_en = blocks.TextBlock(required=False, label=_("Warum (englisch)"))
    first_step_de = blocks.TextBlock(label=_("Erster Schritt"))
    first_step_en = blocks.TextBlock(required=False, label=_("Erster Schritt (englisch)"))
    topic_field = blocks.CharBlock(max_length=80, label=_("Themenfeld (Kennung)"))
    offer_kinds = blocks.MultipleChoiceBlock(
        choices=Offer.Kind.choices, required=False, label=_("Angebotsarten (Filter)")
    )
    actor_types = blocks.ListBlock(
        blocks.CharBlock(max_length=80), default=[], label=_("Akteurstypen (Kennungen)")
    )
    article_slug = blocks.CharBlock(max_length=200, required=False, label=_("Wissensartikel"))

    class Meta:
        icon = "list-ol"
        label = _("Regel")


class ModuleBlock(blocks.StructBlock):
    key = blocks.RegexBlock(regex=r"^[a-z0-9-]{1,60}$", label=_("Kennung"))
    kind = blocks.ChoiceBlock(
        choices=ModuleKind.choices, default=ModuleKind.QUESTIONS, label=_("Art")
    )
    topic_field = blocks.CharBlock(max_length=80, label=_("Themenfeld (Kennung)"))
    title_de = blocks.CharBlock(max_length=200, label=_("Titel"))
    title_en = blocks.CharBlock(max_length=200, required=False, label=_("Titel (englisch)"))
    intro_de = blocks.TextBlock(required=False, label=_("Einleitung"))
    intro_en = blocks.TextBlock(required=False, label=_("Einleitung (englisch)"))
    questions = blocks.ListBlock(QuestionBlock(), default=[], label=_("Fragen"))
    rules = blocks.ListBlock(RuleBlock(), default=[], label=_("Regeln"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Modul")
