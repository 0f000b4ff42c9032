from django.apps import AppConfig
from django.db.models.signals import post_migrate


def install_search_triggers(sender, using, **kwargs):
    from django.db import connections

    from . import search

    search.install_triggers(connections[using])


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from . import signals

        signals.connect()
        # SQLite drops a table's triggers when a migration rebuilds the table.
        post_migrate.connect(install_search_triggers, sender=self, dispatch_uid="search-triggers")
