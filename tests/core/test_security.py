"""The security baseline (OWASP ASVS L2, BSI APP.3.1) of DESIGN.md, tested from the outside.

Production configuration (`check --deploy`), response headers, HTTPS and cookies, CSRF, a walk
over every back-office URL as anonymous visitor and in narrow roles, the login rate limit, the
500 page without DEBUG, and upload limits.
"""

import importlib
import os
import re
import secrets
import string
import sys
from http.cookies import SimpleCookie

import pytest
import time_machine
from django.conf import settings
from django.contrib.admindocs.views import extract_views_from_urlpatterns, simplify_regex
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import get_resolver, path
from wagtail.documents.models import Document
from wagtail.models import (
    Collection,
    Locale,
    Page,
    PageLogEntry,
    Site,
    Task,
    Workflow,
)

import lotse.urls
from lotse.content.models import KnowledgeIndexPage, StandardPage
from lotse.core.audit import audit_log
from lotse.core.models import Region
from tests.processes import manage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_module")]


# --- Production settings -----------------------------------------------------------------------


def production_env(**overrides: str | None) -> dict[str, str]:
    """The environment of a production deployment: nothing of the test run's LOTSE_* and
    DJANGO_* variables (browser tests set DJANGO_ALLOW_ASYNC_UNSAFE) leaks into it."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("LOTSE_", "DJANGO_"))
    }
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lotse.settings.production",
            "LOTSE_SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(60)),
            "LOTSE_REDIS_URL": "redis://127.0.0.1:6379/0",
            "LOTSE_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "LOTSE_ALLOWED_HOSTS": "lotse.example",
        }
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def test_check_deploy_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_shared_cache_and_mail_server():
    env = production_env(LOTSE_REDIS_URL=None, LOTSE_EMAIL_BACKEND=None)
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "lotse.W001" in output
    assert "lotse.W002" in output


def load_production_settings(monkeypatch, **overrides: str | None) -> dict:
    """Import lotse.settings.production afresh under a production environment."""
    for key, value in production_env(**overrides).items():
        if key.startswith("LOTSE_"):
            monkeypatch.setenv(key, value)
    for key in ("LOTSE_SECRET_KEY",):
        if overrides.get(key, "") is None:
            monkeypatch.delenv(key, raising=False)
    sys.modules.pop("lotse.settings.production", None)
    try:
        module = importlib.import_module("lotse.settings.production")
    finally:
        sys.modules.pop("lotse.settings.production", None)
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


@pytest.mark.parametrize(
    "secret_key",
    [None, "", "too-short", "insecure-development-key-do-not-use-in-production" + "x" * 20],
)
def test_production_settings_refuse_to_start_without_a_real_secret_key(monkeypatch, secret_key):
    with pytest.raises(ImproperlyConfigured, match="LOTSE_SECRET_KEY"):
        load_production_settings(monkeypatch, LOTSE_SECRET_KEY=secret_key)


def test_production_settings_refuse_to_start_in_a_subprocess():
    result = manage("check", env=production_env(LOTSE_SECRET_KEY=None))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "LOTSE_SECRET_KEY" in result.stderr


def test_production_settings_are_secure_by_default(monkeypatch):
    prod = load_production_settings(monkeypatch)
    assert prod["DEBUG"] is False
    assert prod["SECURE_SSL_REDIRECT"] is True
    assert prod["SECURE_HSTS_SECONDS"] >= 31536000
    assert prod["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert prod["SESSION_COOKIE_SECURE"] is True
    assert prod["CSRF_COOKIE_SECURE"] is True
    assert prod["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert prod["CSRF_COOKIE_NAME"].startswith("__Host-")


# --- Response headers ---------------------------------------------------------------------------


def csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", ["/", "/wissen/", "/en/wissen/tarifvertraege/", "/impressum/"])
def test_public_pages_send_the_security_headers(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("geolocation=()", "microphone=()", "payment=()"):
        assert feature in permissions


def test_public_pages_load_nothing_from_other_origins(client):
    html = client.get("/").content.decode()
    assert re.findall(r'(?:src|href)="(?:https?:)?//[^"]+"', html) == []
    # No inline script (it would need 'unsafe-inline').
    for attributes in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attributes, attributes


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/", "/admin/pages/"])
def test_admin_pages_are_not_cached_and_get_the_admin_policy(login, url):
    client = Client() if url == "/admin/login/" else login("redaktion")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    policy = csp(response)
    # The back office has its own policy (Wagtail needs inline scripts and the preview frame);
    # it is still locked to this origin.
    assert policy == {
        name: list(values) for name, values in settings.LOTSE_ADMIN_CSP["DIRECTIVES"].items()
    }
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_redirect_for_anonymous_is_not_cached(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Cache-Control"] == "no-store"


PRODUCTION_SECURITY_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_NAME",
)


@pytest.fixture
def production_security(monkeypatch):
    """The test settings with production's HTTPS and cookie settings, read from production.py."""
    prod = load_production_settings(monkeypatch)
    with override_settings(**{name: prod[name] for name in PRODUCTION_SECURITY_SETTINGS}):
        yield prod


def cookie(response, name: str):
    jar = SimpleCookie()
    for header in response.headers.get("Set-Cookie", "").split("\n"):
        jar.load(header)
    return response.cookies.get(name) or jar.get(name)


def test_https_responses_carry_hsts(production_security):
    response = Client().get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_http_is_redirected_to_https_except_the_health_check(production_security):
    response = Client().get("/wissen/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/wissen/"
    assert "Strict-Transport-Security" not in response  # only sent over HTTPS
    assert Client().get("/healthz").status_code == 200


def test_https_behind_the_proxy_is_recognised(production_security):
    response = Client().get("/wissen/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


def test_cookies_are_secure_httponly_and_samesite(production_security, demo_password):
    client = Client()
    response = client.get("/admin/login/", secure=True)
    csrf = response.cookies[production_security["CSRF_COOKIE_NAME"]]
    assert csrf["secure"] is True
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"
    assert csrf["path"] == "/"
    assert not csrf["domain"]  # required by the __Host- prefix

    response = client.post(
        "/admin/login/", {"username": "redaktion", "password": demo_password}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies[production_security["SESSION_COOKIE_NAME"]]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert session["path"] == "/"
    assert not session["domain"]
    assert not session["max-age"]  # ends with the browser unless "remember me" is ticked
    assert client.get("/admin/", secure=True).status_code == 200


def test_remembered_session_lasts_a_working_day(production_security, demo_password):
    client = Client()
    response = client.post(
        "/admin/login/",
        {"username": "redaktion", "password": demo_password, "remember": "on"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies[production_security["SESSION_COOKIE_NAME"]]
    assert session["secure"] is True
    assert 0 < int(session["max-age"]) <= 12 * 60 * 60  # a working day, not weeks


# --- CSRF ---------------------------------------------------------------------------------------


def test_login_without_csrf_token_is_refused_with_the_german_page(demo_password):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "admin", "password": demo_password})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formular abgelaufen" in html
    assert '<html lang="de"' in html
    assert "_auth_user_id" not in client.session


def test_login_with_csrf_token_is_accepted(demo_password):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert token
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": demo_password, "csrfmiddlewaretoken": token.group(1)},
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_logged_in_admin_post_without_token_is_refused(login):
    client = login("redaktion", enforce_csrf_checks=True)
    page = KnowledgeIndexPage.objects.get(locale__language_code="de")
    response = client.post(f"/admin/pages/{page.pk}/unpublish/")
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.live


# --- Login rate limit ---------------------------------------------------------------------------


@pytest.fixture
def frozen_clock():
    """Rate-limit windows are time-based; a frozen clock keeps all attempts in one window."""
    with time_machine.travel("2026-03-02 10:00:30 +0100", tick=False):
        yield


def test_login_is_rate_limited(client, frozen_clock, demo_password):
    assert settings.LOTSE_LOGIN_RATE == "5/m"
    for _attempt in range(5):
        response = client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
        assert response.status_code == 200  # the form again, with an error
    response = client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Zu viele Anfragen" in html
    assert "Bitte warten Sie eine Minute" in html
    assert response["Cache-Control"] == "no-store"

    # Even the right password does not get through now …
    response = client.post("/admin/login/", {"username": "redaktion", "password": demo_password})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # … the form itself still shows …
    assert client.get("/admin/login/").status_code == 200
    # … and another address is not affected.
    other = Client(REMOTE_ADDR="192.0.2.7")
    response = other.post("/admin/login/", {"username": "redaktion", "password": demo_password})
    assert response.status_code == 302


def test_login_rate_limit_resets_after_the_window(client, demo_password):
    with time_machine.travel("2026-03-02 10:00:00 +0100", tick=False) as traveller:
        for _attempt in range(6):
            response = client.post("/admin/login/", {"username": "x", "password": "falsch"})
        assert response.status_code == 429
        traveller.shift(120)
        response = client.post(
            "/admin/login/", {"username": "redaktion", "password": demo_password}
        )
        assert response.status_code == 302


# --- The 500 page -------------------------------------------------------------------------------


def boom(request):
    raise RuntimeError("Kaboom: password=hunter2 in /srv/lotse/settings.py")


# This module doubles as a URLconf: Lotse's own URLs and error handlers plus one that fails.
urlpatterns = [path("test-boom/", boom), *lotse.urls.urlpatterns]
handler400 = lotse.urls.handler400
handler403 = lotse.urls.handler403
handler404 = lotse.urls.handler404
handler500 = lotse.urls.handler500


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_page_leaks_nothing(caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level("ERROR", logger="django.request"):
        response = client.get("/test-boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Technischer Fehler" in html
    assert "Sorry, something went wrong" in html
    for secret in ("Kaboom", "hunter2", "Traceback", "RuntimeError", "settings", "SECRET"):
        assert secret not in html
    assert "django" not in html.lower()
    # The error is not swallowed: it goes to the log (and from there to the team).
    assert any("Kaboom" in str(record.exc_info) for record in caplog.records)


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_not_found_page_leaks_no_url_patterns(client):
    response = client.get("/gibt-es-wirklich-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Seite nicht gefunden" in html
    assert "test-boom" not in html
    assert "URLconf" not in html


# --- URL walk over the back office --------------------------------------------------------------


def admin_patterns() -> list[tuple[str, str]]:
    """(route, URL name) of every pattern under /admin/."""
    found = []
    for _view, regex, namespace, name in extract_views_from_urlpatterns(
        get_resolver().url_patterns
    ):
        route = simplify_regex(regex)
        if route.startswith("/admin/"):
            full_name = ":".join([*(namespace or []), name or ""])
            found.append((route, full_name))
    return found


@pytest.fixture
def admin_objects(settings, tmp_path):
    """One real object behind every kind of id the back-office URLs take."""
    settings.MEDIA_ROOT = tmp_path
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    page = KnowledgeIndexPage.objects.get(locale__language_code="de")
    home = page.get_parent()
    document = Document.objects.create(
        title="Vertrauliche Liste", file=SimpleUploadedFile("liste.txt", b"geheim")
    )
    image = Image.objects.create(title="Bild", file=get_test_image_file())
    redirect = Redirect.objects.create(old_path="/alt", redirect_link="/neu")
    # The desk: a general inquiry (Lotsendienst), a Tarif inquiry (Tarifregister) and a referral
    # of the general one to an organisation the walking partner does not belong to.
    from tests.desk.factories import InquiryFactory, ReferralFactory

    general = InquiryFactory(topic="allgemein", sector="", question_kind="")
    tariff = InquiryFactory()
    referral = ReferralFactory(inquiry=general)
    return {
        "page": page.pk,
        "home": home.pk,
        "revision": page.latest_revision_id,
        "document": document.pk,
        "image": image.pk,
        "redirect": redirect.pk,
        "user": get_user_model().objects.get(username="admin").pk,
        "group": Group.objects.get(name="Administration").pk,
        "collection": Collection.get_first_root_node().pk,
        "site": Site.objects.get(is_default_site=True).pk,
        "locale": Locale.objects.get(language_code="de").pk,
        "workflow": Workflow.objects.get(name="Prüfung durch die Redaktion").pk,
        "task": Task.objects.get(name="Prüfung durch die Redaktion").pk,
        "inquiry": general.pk,
        "tariff_inquiry": tariff.pk,
        "referral": referral.pk,
    }


# Which object a bare <pk> means, by URL prefix.
PK_BY_PREFIX = (
    ("/admin/api/main/pages/", "page"),
    ("/admin/api/main/documents/", "document"),
    ("/admin/api/main/images/", "image"),
    ("/admin/pages/", "page"),
    ("/admin/users/", "user"),
    ("/admin/groups/", "group"),
    ("/admin/collections/", "collection"),
    ("/admin/sites/", "site"),
    ("/admin/locales/", "locale"),
    ("/admin/workflows/tasks/", "task"),
    ("/admin/workflows/", "workflow"),
    ("/admin/documents/", "document"),
    ("/admin/images/", "image"),
    ("/admin/translation/", "page"),
    ("/admin/anfragen/verweisungen/", "referral"),
    ("/admin/anfragen/", "inquiry"),
)

PARAMETERS = {
    "page_id": "page",
    "parent_page_id": "home",
    "page_to_move_id": "page",
    "destination_id": "home",
    "page_pk": "page",
    "revision_id": "revision",
    "revision_id_a": "revision",
    "revision_id_b": "revision",
    "document_id": "document",
    "doc_id": "document",
    "image_id": "image",
    "redirect_id": "redirect",
    "collection_id": "collection",
    "task_id": "task",
    "workflow_pk": "workflow",
    "object_id": "page",
}
LITERALS = {
    "content_type_app_name": "content",
    "content_type_model_name": "standardpage",
    "app_label": "content",
    "model_name": "standardpage",
    "app_name": "content",
    "action": "delete",
    "action_name": "approve",
    "filter_spec": "original",
    "uidb64": "MQ",
    "token": "abc-def",
}


def concrete_url(route: str, objects: dict) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1).split(":")[-1]
        if name in PARAMETERS:
            return str(objects[PARAMETERS[name]])
        if name in LITERALS:
            return LITERALS[name]
        if name == "pk":
            for prefix, kind in PK_BY_PREFIX:
                if route.startswith(prefix):
                    return str(objects[kind])
        return "1"  # ids of things that do not exist here (task states, uploads, sessions)

    return re.sub(r"<([^>]+)>", value, route).replace("\\", "")


def walk(client, objects, method: str = "get") -> dict[str, tuple[int, str, str]]:
    """{url: (status, name, location)} for every back-office URL.

    The logout URL comes last: it ends the session, and every URL after it would only test the
    anonymous redirect (the walk of the narrow roles stopped there before)."""
    results = {}
    patterns = sorted(admin_patterns(), key=lambda item: item[1] == "wagtailadmin_logout")
    for route, name in patterns:
        url = concrete_url(route, objects)
        response = getattr(client, method)(url)
        results[url] = (response.status_code, name, response.get("Location", ""))
    return results


# Back-office URLs anyone may open: the login form, the admin's icon sprite and its JavaScript
# translations. The password-reset URLs are switched off (WAGTAIL_PASSWORD_RESET_ENABLED).
PUBLIC_ADMIN_URLS = {"wagtailadmin_login", "wagtailadmin_sprite", "wagtailadmin_javascript_catalog"}


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_the_login(admin_objects, method):
    client = Client(raise_request_exception=False)
    results = walk(client, admin_objects, method)
    assert len(results) > 150  # the walk really covers the back office
    for url, (status, name, location) in results.items():
        if name.split(":")[-1] in PUBLIC_ADMIN_URLS:
            continue
        if name.startswith("wagtailadmin_password_reset"):
            assert status == 404, url
            continue
        assert status in {302, 403, 404, 405}, (url, name, status)
        if status == 302:
            assert location.startswith("/admin/login/?next="), (url, location)


# What a back-office user without any object permissions (Partner, Lotsendienst) may open:
# the dashboard, their own account, Wagtail's choosers and link dialogs (they list live pages
# only, see core/wagtail_hooks.py), the admin API's listings (filtered by permission), and the
# reports (filtered by permission; tested below). Everything else must be refused.
NARROW_ROLE_ALLOWED = {
    "wagtailadmin_home",
    "wagtailadmin_account",
    "wagtailadmin_sprite",
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_choose_page",
    "wagtailadmin_choose_page_child",
    "wagtailadmin_choose_page_search",
    "wagtailadmin_choose_page_chosen_multiple",
    "wagtailadmin_choose_page_external_link",
    "wagtailadmin_choose_page_email_link",
    "wagtailadmin_choose_page_phone_link",
    "wagtailadmin_choose_page_anchor_link",
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_workflows:task_chooser",
    "wagtailadmin_workflows:task_chooser_results",
    "wagtailadmin_workflows:task_chooser_create",
    "wagtailadmin_workflows:task_chosen",  # Wagtail checks nothing here; shows a task's name
    "wagtailadmin_pages:choose_parent",  # lists the pages the user may add to: none
    "wagtailadmin_pages:confirm_workflow_cancellation",  # empty unless a workflow runs
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
    "wagtailadmin_api:pages:listing",
    "wagtailadmin_api:documents:listing",
    "wagtailadmin_api:documents:detail",
    "wagtailadmin_api:images:listing",
    "wagtailadmin_api:images:detail",
    "",  # /admin/test404/ (Wagtail's own 404 test page)
    "wagtailadmin_dismissibles",  # the user's own dismissed hints
    "wagtailembeds:chooser",
    "wagtailembeds:chooser_upload",
    "wagtailsnippets:index",  # lists the snippet types the user holds permissions for
}
# The screens of each narrow role's own work (their content is narrowed by the policies,
# tested in tests/<app>/test_permissions.py).
NARROW_ROLE_OWN = {
    "partner": {
        "wagtailsnippets_events_event:list",
        "wagtailsnippets_events_event:list_results",
        "wagtailsnippets_events_event:add",
        "wagtailsnippets_network_actor:list",
        "wagtailsnippets_network_actor:list_results",
        "wagtailsnippets_offers_offer:list",
        "wagtailsnippets_offers_offer:list_results",
        "wagtailsnippets_offers_offer:add",
        "wagtailsnippets_offers_offer:preview_on_add",
    },
    "lotsendienst": {
        # Every actor, read-only: the desk refers inquiries to partners.
        "wagtailsnippets_network_actor:list",
        "wagtailsnippets_network_actor:list_results",
        # Its inbox with the general inquiries; Tarif inquiries are not in it
        # (tests/desk/test_permissions.py, and the topic walk below).
        "lotse_desk:list",
        "lotse_desk:detail",
        "lotse_desk:statistics",
        "lotse_desk:statistics_csv",
        "lotse_desk:report",
        "lotse_desk:report_csv",
        "lotse_desk:log",  # phone and e-mail inquiries
        # Its own text blocks (topic "allgemein"; tests/desk/test_text_blocks.py walks them).
        "wagtailsnippets_desk_answertemplate:list",
        "wagtailsnippets_desk_answertemplate:list_results",
        "wagtailsnippets_desk_answertemplate:add",
    },
}


# Every chooser answers every back-office user; what it lists, returns and creates follows the
# model's permission policy, walked for every role in tests/core/test_choosers.py.
CHOOSER_NAMESPACES = ("wagtailsnippetchoosers_", "wagtaildocs_chooser:", "wagtailimages_chooser:")


@pytest.mark.parametrize("username", ["partner", "lotsendienst"])
def test_narrow_roles_reach_only_the_basic_back_office(admin_objects, login, username):
    client = login(username, raise_request_exception=False)
    results = walk(client, admin_objects)
    opened = {(url, name) for url, (status, name, _location) in results.items() if status == 200}
    unexpected = {
        (url, name)
        for url, name in opened
        if name not in NARROW_ROLE_ALLOWED | NARROW_ROLE_OWN[username]
        and not name.startswith(CHOOSER_NAMESPACES)
    }
    assert not unexpected, "\n".join(f"{url} {name}" for url, name in sorted(unexpected))
    for url, (status, name, location) in results.items():
        # /admin/failwhale/ is Wagtail's deliberate error, for testing error reporting.
        assert status != 500 or name == "wagtailadmin_error_test", (url, name)
        # The session lasts the whole walk (the logout URL comes last).
        if name != "wagtailadmin_logout":
            assert not location.startswith("/admin/login/"), (url, name)


DESK_DETAIL_ROUTES = ("lotse_desk:detail",)


@pytest.mark.parametrize(
    ("username", "own", "other"),
    [
        ("lotsendienst", "inquiry", "tariff_inquiry"),
        ("tarifregister", "tariff_inquiry", "inquiry"),
    ],
)
def test_desk_urls_follow_the_topic_of_the_inquiry(admin_objects, login, username, own, other):
    """Every desk URL with an inquiry id, walked with an inquiry of the role's topic (it opens)
    and of the other topic (404), by GET and POST; nothing answers 500."""
    client = login(username, raise_request_exception=False)
    routes = [
        route
        for route, name in admin_patterns()
        if route.startswith("/admin/anfragen/<") and name.startswith("lotse_desk:")
    ]
    assert len(routes) >= 5
    for kind, expected in ((own, {200, 302, 405}), (other, {404, 405})):
        objects = {**admin_objects, "inquiry": admin_objects[kind]}
        for route in routes:
            url = concrete_url(route, objects)
            for method in ("get", "post"):
                status = getattr(client, method)(url).status_code
                assert status in expected, (username, kind, method, url, status)
    # GET of the detail page itself opens for the own topic only.
    assert client.get(f"/admin/anfragen/{admin_objects[own]}/").status_code == 200
    assert client.get(f"/admin/anfragen/{admin_objects[other]}/").status_code == 404


def test_partner_cannot_open_users_groups_or_page_editing(admin_objects, login):
    client = login("partner")
    page = admin_objects["page"]
    for url in (
        "/admin/users/",
        f"/admin/users/edit/{admin_objects['user']}/",
        "/admin/groups/",
        f"/admin/groups/edit/{admin_objects['group']}/",
        "/admin/pages/",
        f"/admin/pages/{page}/",
        f"/admin/pages/{page}/edit/",
        f"/admin/pages/{page}/history/",
        f"/admin/pages/{page}/revisions/",
        f"/admin/documents/edit/{admin_objects['document']}/",
        "/admin/documents/",
        "/admin/settings/",
        "/admin/sites/",
    ):
        response = client.get(url, follow=True)
        if response.redirect_chain:
            assert response.redirect_chain[-1][0] == "/admin/", url
        else:
            assert response.status_code in {403, 404}, url


def test_partner_cannot_change_pages_by_posting(admin_objects, login):
    client = login("partner")
    page = KnowledgeIndexPage.objects.get(pk=admin_objects["page"])
    client.post(f"/admin/pages/{page.pk}/unpublish/")
    client.post(f"/admin/pages/{page.pk}/delete/")
    client.post(f"/admin/pages/{page.pk}/move/{admin_objects['home']}/confirm/")
    page.refresh_from_db()
    assert page.live
    assert page.get_parent().pk == admin_objects["home"]
    assert not PageLogEntry.objects.filter(user__username="partner", page=page).exists()


def test_partner_does_not_see_unpublished_page_titles(admin_objects, login):
    home = Page.objects.get(pk=admin_objects["home"])
    home.add_child(instance=StandardPage(title="Entwurf Geheimplan", slug="geheimplan", live=False))
    draft = StandardPage.objects.get(slug="geheimplan")
    client = login("partner")
    for url in (
        f"/admin/choose-page/{home.pk}/",
        "/admin/choose-page/search/?q=Geheimplan",
        f"/admin/pages/{draft.pk}/move/{home.pk}/confirm/",
        f"/admin/api/main/pages/?child_of={home.pk}",
        f"/admin/api/main/pages/{draft.pk}/",
    ):
        assert "Geheimplan" not in client.get(url).content.decode(), url
    # The editors still see and choose drafts.
    editor = login("redaktion")
    assert "Geheimplan" in editor.get(f"/admin/choose-page/{home.pk}/").content.decode()


def test_site_history_shows_partners_nothing_they_may_not_see(login):
    editor = get_user_model().objects.get(username="redaktion")
    audit_log(
        user=editor,
        action="lotse.update",
        instance=Region.objects.get(code="14612"),
        changes={"population": [554649, 560000]},
    )
    audit_log(
        user=editor,
        action="lotse.update",
        instance=get_user_model().objects.get(username="lotsendienst"),
        note="Passwort zurückgesetzt",
    )
    page = KnowledgeIndexPage.objects.get(locale__language_code="de")
    page.save_revision(user=editor, log_action=True)

    def history(username: str) -> str:
        response = login(username).get("/admin/reports/site-history/results/")
        assert response.status_code == 200
        return response.content.decode()

    # Partners do not get the site history at all (it spans every organisation): Wagtail
    # answers a denied admin view with a redirect to the dashboard.
    partner = login("partner")
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        response = partner.get(url)
        assert (response.status_code, response.url) == (302, "/admin/"), url
    assert "site-history" not in partner.get("/admin/").content.decode()
    editor_view = history("redaktion")
    assert "Dresden" in editor_view  # the Redaktion may view regions
    assert page.title in editor_view
    assert "lotsendienst" not in editor_view  # user accounts are not the Redaktion's business
    assert "lotsendienst" in history("admin")


def test_redaktion_edits_pages_but_not_users(admin_objects, login):
    client = login("redaktion")
    page = admin_objects["page"]
    assert client.get(f"/admin/pages/{page}/edit/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/documents/").status_code == 200
    for url in ("/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/workflows/list/"):
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        if response.status_code == 302:
            assert response["Location"] == "/admin/"


@pytest.mark.parametrize("username", ["tarifregister", "veranstaltung", "lotsendienst", "partner"])
def test_other_staff_roles_cannot_edit_pages(admin_objects, login, username):
    client = login(username)
    page = admin_objects["page"]
    for url in (f"/admin/pages/{page}/edit/", f"/admin/pages/{admin_objects['home']}/add_subpage/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/"
    assert client.get("/admin/users/").status_code == 302


def test_administration_reaches_users(login):
    assert login("admin").get("/admin/users/").status_code == 200


def test_user_without_back_office_access_is_turned_away(client, demo_password):
    user = get_user_model().objects.create_user("nur-besucher", password=demo_password)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- Uploads ------------------------------------------------------------------------------------


def test_upload_limits_are_configured():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 50 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert not {"html", "htm", "svg", "js", "exe", "xml"} & set(settings.WAGTAILDOCS_EXTENSIONS)


@pytest.fixture
def upload(login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login("redaktion")

    def _upload(filename: str, content: bytes):
        return client.post(
            "/admin/documents/add/",
            {
                "title": filename,
                "file": SimpleUploadedFile(filename, content),
                "collection": Collection.get_first_root_node().pk,
            },
        )

    return _upload


def test_allowed_document_is_accepted(upload):
    response = upload("hinweise.txt", b"Hinweise zur Anmeldung")
    assert response.status_code == 302
    assert Document.objects.filter(title="hinweise.txt").exists()


@pytest.mark.parametrize(
    "filename", ["seite.html", "grafik.svg", "programm.exe", "skript.js", "ohne-endung"]
)
def test_disallowed_document_types_are_rejected(upload, filename):
    response = upload(filename, b"<script>alert(1)</script>")
    assert response.status_code == 200  # the form again, with an error
    assert "error" in response.content.decode().lower()
    assert not Document.objects.filter(title=filename).exists()


def test_oversized_document_is_rejected(upload):
    response = upload("gross.pdf", b"%PDF" + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
    assert response.status_code == 200
    assert not Document.objects.filter(title="gross.pdf").exists()


def test_oversized_form_body_is_refused(client):
    response = client.post(
        "/admin/login/",
        {"username": "x", "password": "y" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)},
    )
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()
