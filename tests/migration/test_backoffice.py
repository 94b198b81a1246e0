"""Back office: a parameter change is published only after a second person approved it."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from lotse.core import roles
from lotse.migration.models import Parameter, RouteNote
from lotse.migration.selectors import parameters_on
from tests.core.factories import SuperuserFactory, client_for, role_user

URL = "wagtailsnippets_migration_parameter:"
ON = datetime.date(2026, 6, 1)


@pytest.fixture
def fee(migration_rules):
    return Parameter.objects.get(key="fee_81a")


@pytest.fixture
def editors(db):
    return role_user(roles.EDITORS, "anna"), role_user(roles.EDITORS, "ben")


def form_data(parameter, **changes):
    data = {
        "key": parameter.key,
        "value": str(parameter.value),
        "unit": parameter.unit,
        "valid_from": parameter.valid_from.isoformat(),
        "valid_to": parameter.valid_to.isoformat() if parameter.valid_to else "",
        "legal_reference": parameter.legal_reference,
        "source_url": parameter.source_url,
        "checked_on": parameter.checked_on.isoformat(),
        "note": parameter.note,
    }
    data.update(changes)
    return data


def submit(user, parameter, **changes):
    response = client_for(user).post(
        reverse(URL + "edit", args=[parameter.pk]),
        {**form_data(parameter, **changes), "action-submit": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    parameter.refresh_from_db()
    return WorkflowState.objects.for_instance(parameter).get(status="in_progress")


def approve(user, parameter, state):
    return client_for(user).post(
        reverse(
            URL + "workflow_action", args=[parameter.pk, "approve", state.current_task_state.pk]
        ),
        {},
    )


def test_parameters_use_the_two_person_workflow(db):
    workflow = Parameter.get_default_workflow()
    assert [task.name for task in workflow.tasks] == ["Freigabe durch eine zweite Person"]
    groups = set(workflow.tasks[0].specific.groups.values_list("name", flat=True))
    assert groups == {roles.EDITORS, roles.ADMINISTRATION}


def test_a_change_stays_unpublished_until_a_second_person_approves(fee, editors):
    anna, ben = editors
    state = submit(anna, fee, value="500.00")
    assert parameters_on(on=ON)["fee_81a"] == Decimal("411.00")

    response = approve(ben, fee, state)
    assert response.status_code == 302
    fee.refresh_from_db()
    assert fee.value == Decimal("500.00")
    assert parameters_on(on=ON)["fee_81a"] == Decimal("500.00")


def test_the_editor_cannot_approve_her_own_change(fee, editors):
    anna, _ben = editors
    state = submit(anna, fee, value="500.00")
    task = state.current_task_state.task.specific
    assert task.get_actions(fee, anna) == []

    response = approve(anna, fee, state)
    assert response.status_code in (302, 403)  # Wagtail turns the refusal into a redirect
    fee.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert fee.value == Decimal("411.00")
    assert not task.get_task_states_user_can_moderate(anna).exists()


def test_a_superuser_cannot_approve_a_change_she_submitted(fee, db):
    boss = SuperuserFactory(username="chefin")
    state = submit(boss, fee, value="500.00")
    assert approve(boss, fee, state).status_code in (302, 403)
    fee.refresh_from_db()
    assert fee.value == Decimal("411.00")


def test_nobody_publishes_a_parameter_directly(fee, editors):
    anna, _ben = editors
    boss = SuperuserFactory(username="chefin")
    for user in (anna, boss):
        edit = client_for(user).get(reverse(URL + "edit", args=[fee.pk])).content.decode()
        assert 'name="action-publish"' not in edit
        client_for(user).post(
            reverse(URL + "edit", args=[fee.pk]),
            {**form_data(fee, value="999.00"), "action-publish": "1"},
        )
        fee.refresh_from_db()
        assert fee.value == Decimal("411.00")


def test_a_published_parameter_is_not_deleted_by_hand(fee, editors):
    anna, _ben = editors
    client_for(anna).post(reverse(URL + "delete", args=[fee.pk]))
    assert Parameter.objects.filter(pk=fee.pk).exists()


def test_other_roles_do_not_see_the_parameters(fee, db):
    for role in (roles.DESK, roles.PARTNER, roles.EVENTS_TEAM):
        user = role_user(role)
        response = client_for(user).get(reverse(URL + "list"))
        assert response.status_code in (302, 403)


def test_route_notes_have_history_and_show_on_the_result(migration_rules, editors, client):
    anna, _ben = editors
    response = client_for(anna).post(
        reverse("wagtailsnippets_migration_routenote:add"),
        {
            "route": "26",
            "language": "de",
            "text": "Termine bei der Botschaft sind knapp.",
            "action-publish": "1",
        },
    )
    assert response.status_code == 302
    note = RouteNote.objects.get()
    assert note.live and note.revisions.count() == 1
    html = client.get(
        "/einwanderung/ergebnis/?audience=person&on=2026-03-01&citizenship=RS"
        "&qualification=none&job_offer=on"
    ).content.decode()
    assert "Termine bei der Botschaft sind knapp." in html
