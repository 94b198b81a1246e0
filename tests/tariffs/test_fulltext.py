"""The agreements' full-text index is repaired after every migrate (the tariffs app's
post_migrate, through core.fulltext_db.fulltext_ensure)."""

import pytest
from django.db import connection

from lotse.core.fulltext_db import CursorEditor, fulltext_installed, fulltext_uninstall
from lotse.tariffs.apps import FULLTEXT_TABLE, ensure_fulltext

pytestmark = pytest.mark.django_db


def test_post_migrate_repairs_a_dropped_agreement_index():
    assert fulltext_installed(connection, FULLTEXT_TABLE)
    fulltext_uninstall(CursorEditor(connection), FULLTEXT_TABLE)
    assert not fulltext_installed(connection, FULLTEXT_TABLE)
    ensure_fulltext(sender=None)
    assert fulltext_installed(connection, FULLTEXT_TABLE)
