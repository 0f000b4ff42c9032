import pytest

from agreements.models import Corridor, FocusArea
from meetings.models import Body

pytestmark = pytest.mark.django_db

BRIEF_SLUGS = {
    "industry", "agriculture", "energy", "sez", "science-technology", "information-technology",
    "livelihood", "connectivity", "trade-investment", "media-culture", "third-party",
    "security", "health", "education", "water", "mining", "maritime", "finance", "tourism",
}  # fmt: skip


def test_every_focus_area_of_the_brief_is_loaded_with_synonyms():
    assert set(FocusArea.objects.values_list("slug", flat=True)) == BRIEF_SLUGS
    energy = FocusArea.objects.get(slug="energy")
    assert "renewable energy" in energy.synonyms
    assert "clean energy" in energy.synonyms
    assert "poverty alleviation" in FocusArea.objects.get(slug="livelihood").synonyms


def test_the_corridor_tree_has_cpec_at_the_root_and_five_corridors_under_it():
    root = Corridor.objects.get(parent=None)
    assert root.slug == "cpec"
    assert set(root.children.values_list("slug", flat=True)) == {
        "growth", "livelihood", "innovation", "green", "open"
    }  # fmt: skip
    assert not Corridor.objects.filter(parent__parent__isnull=False).exists()


def test_the_default_mapping_places_each_focus_area_under_its_corridor():
    mapping = {
        corridor.slug: set(corridor.focus_areas.values_list("slug", flat=True))
        for corridor in Corridor.objects.exclude(parent=None)
    }
    assert mapping == {
        "growth": {"industry", "agriculture", "sez", "mining"},
        "livelihood": {"livelihood", "health", "education", "water"},
        "innovation": {"science-technology", "information-technology"},
        "green": {"energy"},
        "open": {"trade-investment", "connectivity", "third-party", "maritime", "tourism"},
    }


def test_descendants_of_the_root_are_the_whole_tree():
    assert Corridor.objects.filter(slug="cpec").with_descendants().count() == 6
    assert list(
        Corridor.objects.filter(slug="green").with_descendants().values_list("slug", flat=True)
    ) == ["green"]


def test_the_three_bodies_of_the_brief_exist_with_full_names():
    assert dict(Body.objects.values_list("short_name", "name")) == {
        "JWG-ICC": "Joint Working Group on International Cooperation and Coordination",
        "JCC": "Joint Cooperation Committee",
        "BPC": "Bilateral Political Consultations",
    }


def test_the_database_holds_every_synonym_of_the_extractor_vocabulary():
    from meetings.extraction.vocabulary import FOCUS_AREAS

    for focus_area in FocusArea.objects.all():
        assert set(FOCUS_AREAS[focus_area.slug][1]) <= set(focus_area.synonyms), focus_area.slug


def test_merging_synonyms_keeps_what_admins_added():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("agreements.migrations.0006_merge_vocabulary_synonyms")
    energy = FocusArea.objects.get(slug="energy")
    energy.synonyms = ["grid parity"]
    energy.save()

    migration.merge(apps, None)

    energy.refresh_from_db()
    assert energy.synonyms[0] == "grid parity"
    assert "renewable energy" in energy.synonyms
