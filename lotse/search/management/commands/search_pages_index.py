from django.core.management.base import BaseCommand

from lotse.search.services import page_documents_rebuild


class Command(BaseCommand):
    help = "Index every live page anew for the portal search (/suche/)."

    def handle(self, *args, **options):
        count = page_documents_rebuild()
        self.stdout.write(f"{count} Seiten indexiert.")
