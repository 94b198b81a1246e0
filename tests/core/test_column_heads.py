"""A KERN table's head written as `{% column_heads %}` (decision 0036): the markup the
hand-written heads had, to the byte, and labels from variables escaped."""

from django.template import engines


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_column_heads_mark_the_numeric_positions():
    html = render(
        '{% load lotse %}    {% column_heads "Themenfeld" "im Kreis" "online" numeric="2 3" %}\n'
    )
    numeric = 'class="kern-table__header kern-table__header--numeric"'
    assert html == (
        '    <thead class="kern-table__head"><tr class="kern-table__row">\n'
        '      <th scope="col" class="kern-table__header">Themenfeld</th>\n'
        f'      <th scope="col" {numeric}>im Kreis</th>\n'
        f'      <th scope="col" {numeric}>online</th>\n'
        "    </tr></thead>\n"
    )


def test_column_heads_escape_labels_from_variables():
    html = render("{% load lotse %}{% column_heads label %}", label="<b>A & B</b>")
    assert '<th scope="col" class="kern-table__header">&lt;b&gt;A &amp; B&lt;/b&gt;</th>' in html
