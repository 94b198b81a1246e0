"""Page factories for what the initial content does not have: more knowledge articles.

`ArticlePageFactory(parent=knowledge_index, topic_fields=[field])` adds a child page of `parent`
(in the parent's locale) the way Wagtail's tree wants it (`add_child`).
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from lotse.content.models import ArticlePage


class ArticlePageFactory(DjangoModelFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Testartikel {n}")
    slug = factory.Sequence(lambda n: f"testartikel-{n}")
    summary = factory.Sequence(lambda n: f"Zusammenfassung Nr. {n}")
    # In the future: newer than every loaded article, so the lists show them first.
    date = factory.Sequence(lambda n: datetime.date(2030, 1, 1) + datetime.timedelta(days=n % 300))
    live = True

    @classmethod
    def _create(cls, model_class, *, parent, topic_fields=(), **fields):
        article = model_class(locale=parent.locale, **fields)
        parent.add_child(instance=article)
        if topic_fields:
            article.topic_fields.set(topic_fields)
            article.save()
        return article
