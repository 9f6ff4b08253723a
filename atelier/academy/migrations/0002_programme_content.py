from django.db import migrations

from atelier.academy.programme_data import FEEDBACK_QUESTIONS, LEVELS, REVIEW_CRITERIA


def load(apps, schema_editor):
    Level = apps.get_model("academy", "Level")
    FeedbackQuestion = apps.get_model("academy", "FeedbackQuestion")
    ReviewCriterion = apps.get_model("academy", "ReviewCriterion")
    for level in LEVELS:
        Level.objects.update_or_create(number=level["number"], defaults=level)
    for position, (kind, text_nl, text_en) in enumerate(FEEDBACK_QUESTIONS):
        FeedbackQuestion.objects.get_or_create(
            position=position, defaults={"kind": kind, "text_nl": text_nl, "text_en": text_en}
        )
    for position, (text_nl, text_en) in enumerate(REVIEW_CRITERIA):
        ReviewCriterion.objects.get_or_create(
            position=position, defaults={"text_nl": text_nl, "text_en": text_en}
        )


class Migration(migrations.Migration):
    dependencies = [("academy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
