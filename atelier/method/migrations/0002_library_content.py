from django.db import migrations

from atelier.method.library_data import install


def load(apps, schema_editor):
    install(apps.get_model("method", "Phase"), apps.get_model("method", "Technique"))


class Migration(migrations.Migration):
    dependencies = [("method", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
