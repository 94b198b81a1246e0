"""The layout of a page rendered once, the page's own blocks per request (decision 0026).

A view's template extends a layout (`base.html`, perhaps through an app's `_page.html`); Django
renders the whole chain for every request: skip link, header, search box, language links,
main navigation, footer, with their context processors and dozens of `{% translate %}` tags.
Apart from what the page's own template puts in its blocks (title, content, …), that markup
depends only on

- the language (texts, addresses of the language root and the search),
- which main-navigation item the path belongs to (`aria-current`),
- the footer's pages (read from the page tree: the content version), and
- the address of the same page in the other languages (the request's path and query).

`render_page` keeps the first three in each process's memory as the *shell*: the layout chain
rendered with a marker where each block of the page's template goes and a marker for each
other language's address, split at the markers (`lotse.core.versioning.versioned`, under the
content version, per language and navigation item). Each request renders only the blocks of its
own template (with the view's context and the context processors, as Django would) and the
language addresses (`navigation.language_links`), and joins them with the shell's parts. The
result is the same string as Django's rendering of the whole template (tests compare the two).

Only inside a request whose content versions are pinned (every GET and HEAD when the page cache
is on, `PageCacheMiddleware`; an anonymous one has read them for its key already), so the shell
costs no statement of its own; elsewhere (POSTs, the page cache off) Django renders the whole
template, as it does when the shell cannot stand for it:
- the request carries messages (the layout shows them),
- the context has a `page` (the layout reads its title and description) — a Wagtail page,
- the template does not start with a literal `{% extends %}`, or one of its blocks uses
  `{{ block.super }}` (the layout's block is not rendered per request), or
- a block's marker does not appear exactly once in the rendered layout (or not at all, when the
  layout does not show the block).
A layout that shows something else of the request or the view's context must not be used with
`render_page`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.base import Template, VariableNode
from django.template.context import RequestContext, make_context
from django.template.loader import get_template
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode, ExtendsNode
from django.utils.html import escape
from django.utils.translation import get_language

from .navigation import language_links, main_navigation
from .versioning import versioned, versions_are_pinned

# Set in the context of the shell's rendering: the layout's tags that show something of the
# request (the language links) write markers instead (`lotse.core.templatetags.lotse`).
SHELL_FLAG = "lotse_shell"
_PARENT_VARIABLE = "lotse_shell_parent"
_serials = itertools.count(1)


def block_marker(name: str) -> str:
    return f"lotse-shell-block-{name}-end"


def language_marker(code: str) -> str:
    return f"lotse-shell-language-{code}-end"


@dataclass(frozen=True)
class _Leaf:
    """A page template's blocks and the template of its layout with markers in their place."""

    serial: int  # tells the shells of this parse of the template apart (templates reloaded)
    parent: str  # the layout the template extends
    blocks: dict[str, BlockNode]
    skeleton: Template


def _leaf(template: Template) -> _Leaf | None:
    """The page template's blocks and skeleton, kept on the compiled template (a reloaded
    template is a new object, so a changed template is analysed again)."""
    cached = template.__dict__.get("_lotse_shell", False)
    if cached is not False:
        return cached
    leaf = None
    extends = next((node for node in template.nodelist if isinstance(node, ExtendsNode)), None)
    parent = getattr(extends.parent_name, "var", None) if extends is not None else None
    if extends is not None and isinstance(parent, str):
        uses_super = any(
            str(getattr(node, "filter_expression", "")).startswith("block.super")
            for block in extends.blocks.values()
            for node in block.nodelist.get_nodes_by_type(VariableNode)
        )
        if not uses_super:
            source = (
                "{% extends "
                + _PARENT_VARIABLE
                + " %}"
                + "".join(
                    "{% block " + name + " %}" + block_marker(name) + "{% endblock %}"
                    for name in extends.blocks
                )
            )
            leaf = _Leaf(
                serial=next(_serials),
                parent=parent,
                blocks=extends.blocks,
                skeleton=template.engine.from_string(source),
            )
    template._lotse_shell = leaf  # type: ignore[attr-defined]
    return leaf


def _split(html: str, leaf: _Leaf) -> tuple[str, ...] | None:
    """The rendered layout as (text, slot, text, slot, …, text); None when a block's marker does
    not appear once at most or a language marker not once for each other language."""
    codes = [code for code, _name in settings.LANGUAGES]
    markers = [block_marker(name) for name in leaf.blocks] + [language_marker(c) for c in codes]
    pattern = re.compile("(" + "|".join(re.escape(marker) for marker in markers) + ")")
    parts = tuple(pattern.split(html))
    slots = parts[1::2]
    if any(slots.count(block_marker(name)) > 1 for name in leaf.blocks):
        return None
    current = get_language()
    for code in codes:
        if slots.count(language_marker(code)) != (0 if code == current else 1):
            return None
    return parts


def _shell(request: HttpRequest, leaf: _Leaf) -> tuple[str, ...] | None:
    """The layout's parts for this language, navigation item and content version."""
    active = next((n for n, item in enumerate(main_navigation(request)) if item.active), -1)

    def build() -> tuple[str, ...]:
        context = RequestContext(request, {SHELL_FLAG: True, _PARENT_VARIABLE: leaf.parent})
        # () marks a layout the shell cannot stand for (kept, so it is not rendered again).
        return _split(leaf.skeleton.render(context), leaf) or ()

    parts = versioned(f"core.shell:{leaf.serial}:{get_language()}:{active}", build)
    return parts or None


def _render_blocks(
    template: Template, leaf: _Leaf, names: set[str], context: dict[str, Any], request: HttpRequest
) -> dict[str, str]:
    """The page template's blocks `names`, rendered as the layout would render them: with the
    context processors, in a block context of the page's blocks."""
    render_context = make_context(context, request, autoescape=template.engine.autoescape)
    with (
        render_context.render_context.push_state(template),
        render_context.bind_template(template),
    ):
        render_context.template_name = template.name
        block_context = BlockContext()
        block_context.add_blocks(leaf.blocks)
        render_context.render_context[BLOCK_CONTEXT_KEY] = block_context
        return {name: leaf.blocks[name].render(render_context) for name in names}


def _has_messages(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and bool(len(storage))


def render_page_to_string(request: HttpRequest, template_name: str, context: dict[str, Any]) -> str:
    """What `render_to_string(template_name, context, request)` returns, its layout taken from
    the shell when it can stand for it (see the module's docstring)."""
    backend_template = get_template(template_name)
    template: Template = backend_template.template  # type: ignore[attr-defined]
    leaf = _leaf(template)
    if leaf is None or not versions_are_pinned() or "page" in context or _has_messages(request):
        return backend_template.render(context, request)
    parts = _shell(request, leaf)
    if parts is None:
        return backend_template.render(context, request)
    slots = set(parts[1::2])
    names = {name for name in leaf.blocks if block_marker(name) in slots}
    blocks = _render_blocks(template, leaf, names, context, request)
    values = {block_marker(name): html for name, html in blocks.items()}
    for link in language_links(request):
        if not link["current"]:
            values[language_marker(link["code"])] = escape(link["url"])
    return "".join(part if index % 2 == 0 else values[part] for index, part in enumerate(parts))


def render_page(
    request: HttpRequest, template_name: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """`django.shortcuts.render` with the layout from the shell."""
    return HttpResponse(render_page_to_string(request, template_name, context), status=status)
