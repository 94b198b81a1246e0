"""The back-office form of a check version: the definition is validated like a data file."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from .models import CheckVersion
from .services import version_definition_validate


class CheckVersionAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("number"):
            latest = CheckVersion.objects.order_by("-number").values_list("number", flat=True)
            self.initial["number"] = (latest.first() or 0) + 1

    def clean(self):
        data = super().clean()
        content = data.get("content")
        if content is not None and "content" not in self.errors:
            try:
                version_definition_validate(content=content)
            except ValidationError as error:
                self.add_error("content", error)
        return data
