"""The settings give the library name `wagtailadmin_tags` to lotse.core.admin_sidebar on purpose;
Django's warning about doubled library names is silenced for it, and lotse.W003 warns about any
other (decision 0013)."""

from django.template import engines
from wagtail.admin.templatetags import wagtailadmin_tags

from lotse.core import admin_sidebar
from lotse.core.checks import template_library_names


def test_wagtails_library_is_ours_with_every_tag_and_filter():
    library = engines["django"].engine.template_libraries["wagtailadmin_tags"]
    assert library is admin_sidebar.register
    assert library.tags.keys() == wagtailadmin_tags.register.tags.keys()
    assert library.filters == wagtailadmin_tags.register.filters
    changed = {
        n for n, tag in library.tags.items() if tag is not wagtailadmin_tags.register.tags[n]
    }
    assert changed == {
        "sidebar_props",
        "wagtail_config",
        "keyboard_shortcuts_dialog",
        "icon",
        "versioned_static",
    }


def test_the_intended_override_passes_the_check():
    assert template_library_names(None) == []


def test_any_other_doubled_library_name_is_reported(settings):
    libraries = {
        "wagtailadmin_tags": "lotse.core.admin_sidebar",
        "wagtailcore_tags": "lotse.core.admin_sidebar",
    }
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "OPTIONS": {**settings.TEMPLATES[0]["OPTIONS"], "libraries": libraries},
        }
    ]
    warnings = template_library_names(None)
    assert [w.id for w in warnings] == ["lotse.W003"]
    assert "'wagtailcore_tags'" in warnings[0].msg
