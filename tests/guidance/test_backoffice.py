"""Back office of check versions: one policy for every route, a published version is frozen
(its edit screen leads to a new draft, the model refuses changes), drafts are validated like a
data file, publishing builds the rows, plans keep their version."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import WorkflowContentType

from lotse.guidance.models import CheckVersion, VersionPublishedError
from lotse.guidance.selectors import check_by_token, check_plan, version_current
from lotse.guidance.services import (
    check_module_answer,
    version_definition_validate,
    version_draft_from,
)

from .conftest import assert_published_frozen, module_answers, start_check

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_guidance_checkversion:list"
EDIT = "wagtailsnippets_guidance_checkversion:edit"
NEW_DRAFT = "wagtailsnippets_guidance_checkversion:new_draft"
CHOOSE = "wagtailsnippetchoosers_guidance_checkversion:choose"


def logged_in(client, staff_users, name):
    client.force_login(staff_users[name])
    return client


@pytest.mark.parametrize(
    ("name", "allowed"),
    [("redaktion", True), ("admin", True), ("veranstaltung", False), ("partner", False)],
)
def test_one_policy_for_list_edit_chooser(client, version, staff_users, name, allowed):
    logged_in(client, staff_users, name)
    for url in (reverse(LIST), reverse(NEW_DRAFT, args=[version.pk])):
        response = client.get(url)
        assert (response.status_code == 200) is allowed, (url, response.status_code)
    # the chooser lists what the policy lets the user see (nothing for others)
    chooser = client.get(reverse(CHOOSE))
    assert ("Wegweiser v1" in chooser.content.decode()) is allowed
    if not allowed:
        assert client.post(reverse(NEW_DRAFT, args=[version.pk])).status_code in (302, 403)
        assert CheckVersion.objects.count() == 1


def test_published_version_edit_leads_to_a_new_draft(client, version, staff_users):
    logged_in(client, staff_users, "redaktion")
    response = client.get(reverse(EDIT, args=[version.pk]))
    assert response.status_code == 302 and response.url == reverse(NEW_DRAFT, args=[version.pk])
    page = client.get(response.url)
    assert "kann nicht mehr geändert werden" in page.content.decode()
    assert CheckVersion.objects.count() == 1  # GET only asks
    # a POST to the edit screen changes nothing either
    client.post(reverse(EDIT, args=[version.pk]), {"number": 7})
    assert CheckVersion.objects.get(pk=version.pk).number == version.number
    response = client.post(reverse(NEW_DRAFT, args=[version.pk]))
    draft = CheckVersion.objects.get(number=version.number + 1)
    assert response.url == reverse(EDIT, args=[draft.pk])
    assert draft.published_at is None and not draft.live
    assert draft.latest_revision is not None
    assert [block.value["key"] for block in draft.content] == [
        module.key for module in version.modules.all()
    ]
    assert client.get(reverse(EDIT, args=[draft.pk])).status_code == 200
    # the published version itself still refuses every change
    assert_published_frozen(version)


def test_draft_goes_through_the_review_workflow(version):
    draft = version_draft_from(version=version)
    workflow = draft.get_workflow()
    assert workflow is not None
    assert WorkflowContentType.objects.filter(workflow=workflow).exists()
    assert "Redaktion" in [task.name for task in workflow.tasks] or workflow.tasks.exists()


def test_publishing_a_draft_builds_rows_and_new_checks_use_it(version, zwickau):
    old_check, old_token = start_check(version, zwickau, modules=("arbeitsschutz",))
    check_module_answer(
        check=old_check,
        module_key="arbeitsschutz",
        answers=module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein"),
    )
    before = [m.key for m in check_plan(check=check_by_token(token=old_token)).measures]

    draft = version_draft_from(version=version)
    raw = draft.content.raw_data
    safety = next(block for block in raw if block["value"]["key"] == "arbeitsschutz")
    safety["value"]["questions"] = safety["value"]["questions"][:3]
    safety["value"]["rules"] = [
        rule
        for rule in safety["value"]["rules"]
        if set(rule["questions"]) <= {q["key"] for q in safety["value"]["questions"]}
    ]
    draft.content = raw
    draft.save()
    draft.save_revision().publish()

    draft.refresh_from_db()
    assert draft.published_at is not None and draft.live
    assert version_current().pk == draft.pk
    module = draft.modules.get(key="arbeitsschutz")
    assert module.questions.count() == 3
    with pytest.raises(VersionPublishedError):
        draft.save()
    # the old plan keeps version 1
    again = check_by_token(token=old_token)
    assert again.version_id == version.pk
    assert [m.key for m in check_plan(check=again).measures] == before
    new_check, _token = start_check(draft, zwickau, modules=("arbeitsschutz",))
    assert new_check.version_id == draft.pk


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"legal_duty": True, "legal_basis": ""}, "Rechtsgrundlage"),
        ({"size_classes": ["5-7"]}, "Größenklasse"),
    ],
)
def test_draft_validated_like_a_data_file(version, change, message):
    draft = version_draft_from(version=version)
    raw = draft.content.raw_data
    raw[0]["value"]["questions"][0].update(change)
    with pytest.raises(ValidationError, match=message):
        version_definition_validate(content=raw)


def test_rule_on_unknown_question_refused(version):
    raw = version_draft_from(version=version).content.raw_data
    raw[0]["value"]["rules"][0]["questions"] = ["gibt-es-nicht"]
    with pytest.raises(ValidationError, match="nennt eine Frage"):
        version_definition_validate(content=raw)
