"""Recompute the search documents of all offers and actors (after editing compound_parts.txt)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from lotse.network.models import Actor
from lotse.offers.models import Offer
from lotse.offers.search_index import search_documents_rebuild


class Command(BaseCommand):
    help = "Recompute the search documents of all offers and actors."

    def handle(self, *args, **options):
        with transaction.atomic():
            changed = search_documents_rebuild(offer_model=Offer, actor_model=Actor)
        self.stdout.write(
            f"Suchindex neu berechnet: {changed['offers']} Angebote, "
            f"{changed['actors']} Akteure geändert."
        )
