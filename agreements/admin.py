from django.contrib import admin

from .exports import export_selected_agreements_as_csv
from .models import Agreement, Corridor, FocusArea


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["corridors"]


@admin.register(Corridor)
class CorridorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "applies_from"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "applies_from" in form.changed_data:
            removed = obj.drop_links_before_it_applied()
            if removed:
                self.message_user(
                    request,
                    f"{removed} meeting link{'s' if removed != 1 else ''} derived from focus "
                    f"areas before {obj.applies_from:%-d %B %Y} removed.",
                )


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "meeting"]
    list_filter = ["kind", "focus_areas", "corridors", "meeting__body"]
    list_select_related = ["meeting__body"]
    search_fields = ["statement"]
    autocomplete_fields = ["meeting"]
    filter_horizontal = ["focus_areas", "corridors"]
    actions = [export_selected_agreements_as_csv]
