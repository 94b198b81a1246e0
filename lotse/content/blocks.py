"""StreamField blocks for editorial pages: few, accessible, styled by KERN."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]

# An HTML id a link can jump to (".../barrierefreiheit/#feedback"): lower-case letters, digits
# and hyphens, starting with a letter, so it is valid, readable and safe in a URL fragment.
anchor_validator = RegexValidator(
    regex=r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$",
    message=_(
        "Nur Kleinbuchstaben (a–z), Ziffern und einzelne Bindestriche; "
        "mit einem Buchstaben beginnen, z. B. „feedback“ oder „kontakt-2“."
    ),
)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Überschrift 2")), ("h3", _("Überschrift 3"))],
        default="h2",
    )
    anchor = blocks.CharBlock(
        label=_("Sprungmarke"),
        max_length=60,
        required=False,
        validators=[anchor_validator],
        help_text=_(
            "Optional: ein Name, unter dem Links direkt zu dieser Überschrift springen "
            "(Adresse der Seite + „#“ + Name)."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "content/blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Art"),
        choices=[("info", _("Hinweis")), ("warning", _("Warnung")), ("success", _("Erfolg"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Hinweiskasten")
        template = "content/blocks/callout.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Linktext"), max_length=160)
    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    url = blocks.URLBlock(label=_("Externe Adresse"), required=False)

    class Meta:
        icon = "link"


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), max_length=120, required=False)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Linkliste")
        template = "content/blocks/link_list.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Absatz"), features=RICH_TEXT_FEATURES)
    callout = CalloutBlock()
    links = LinkListBlock()
