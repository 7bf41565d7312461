"""New signing keys for new credentials; the old keys stay published so old ones verify."""

from django.core.management.base import BaseCommand

from credentials import services


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        for key in services.rotate_keys():
            self.stdout.write(f"New {key.get_kind_display()} key: {key.kid}")
