"""The default policy domains of DOMAIN §1b; staff may edit them afterwards."""

from django.db import migrations

DEFAULT_TOPICS = [
    ("democracy", "Lokale democratie en bestuur", "Local democracy and governance"),
    ("finance", "Financiën en fiscaliteit", "Finance and taxation"),
    ("personnel", "Personeel en organisatie", "Personnel and organisation"),
    ("social-policy", "Sociaal beleid en OCMW", "Social policy and OCMW"),
    ("care", "Zorg en welzijn", "Care and welfare"),
    ("childcare", "Kinderopvang", "Childcare"),
    ("housing", "Wonen", "Housing"),
    ("spatial-planning", "Ruimtelijke ordening en omgeving", "Spatial planning and environment"),
    ("climate", "Klimaat en energie", "Climate and energy"),
    ("mobility", "Mobiliteit", "Mobility"),
    ("safety", "Veiligheid en politie", "Safety and police"),
    ("civil-affairs", "Burgerzaken", "Civil affairs"),
    ("digital", "Digitalisering en data", "Digitalisation and data"),
    ("culture", "Cultuur, jeugd en sport", "Culture, youth and sport"),
    ("education", "Onderwijs", "Education"),
    ("economy", "Economie en werk", "Economy and work"),
    ("europe", "Europa en internationaal", "Europe and international"),
    ("intermunicipal", "Intergemeentelijke samenwerking", "Intermunicipal cooperation"),
]


def add_topics(apps, schema_editor):
    Topic = apps.get_model("knowledge", "Topic")
    for position, (slug, name_nl, name_en) in enumerate(DEFAULT_TOPICS, start=1):
        Topic.objects.get_or_create(
            slug=slug, defaults={"name_nl": name_nl, "name_en": name_en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
