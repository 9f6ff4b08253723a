"""Tenders get a date, and the tender rules a new published version with dated thresholds.

A published rule set never changes: the thresholds of 2024-2025 stay in the versions that
had them (and in the tenders made with them); a new version adds the thresholds per period
and kind of contract, keeping the staff's procedure texts. The amounts are frozen here.
"""

import copy

import django.utils.timezone
from django.db import migrations, models

# fmt: off
DATED_THRESHOLDS = [{'valid_from': '2022-01-01',
  'valid_until': '2023-12-31',
  'source': 'Delegated Regulations (EU) 2021/1950-1953',
  'limits': {'services': {'low_value': '30000',
                          'negotiated_without_publication': '140000',
                          'belgian_publication': '215000'},
             'supplies': {'low_value': '30000',
                          'negotiated_without_publication': '140000',
                          'belgian_publication': '215000'},
             'works': {'low_value': '30000',
                       'negotiated_without_publication': '750000',
                       'belgian_publication': '5382000'},
             'social_services': {'low_value': '30000',
                                 'negotiated_without_publication': '140000',
                                 'belgian_publication': '750000'}}},
 {'valid_from': '2024-01-01',
  'valid_until': '2025-12-31',
  'source': 'Delegated Regulations (EU) 2023/2495-2497',
  'limits': {'services': {'low_value': '30000',
                          'negotiated_without_publication': '143000',
                          'belgian_publication': '221000'},
             'supplies': {'low_value': '30000',
                          'negotiated_without_publication': '143000',
                          'belgian_publication': '221000'},
             'works': {'low_value': '30000',
                       'negotiated_without_publication': '750000',
                       'belgian_publication': '5538000'},
             'social_services': {'low_value': '30000',
                                 'negotiated_without_publication': '143000',
                                 'belgian_publication': '750000'}}},
 {'valid_from': '2026-01-01',
  'valid_until': '2027-12-31',
  'source': 'Delegated Regulation (EU) 2025/2152',
  'limits': {'services': {'low_value': '30000',
                          'negotiated_without_publication': '140000',
                          'belgian_publication': '216000'},
             'supplies': {'low_value': '30000',
                          'negotiated_without_publication': '140000',
                          'belgian_publication': '216000'},
             'works': {'low_value': '30000',
                       'negotiated_without_publication': '750000',
                       'belgian_publication': '5404000'},
             'social_services': {'low_value': '30000',
                                 'negotiated_without_publication': '140000',
                                 'belgian_publication': '750000'}}}]
# fmt: on
UNDATED_KEYS = ["low_value", "negotiated_without_publication", "belgian_publication"]


def date_existing_tenders(apps, schema_editor):
    Tender = apps.get_model("guidance", "Tender")
    for tender in Tender.objects.only("pk", "created_at").iterator():
        Tender.objects.filter(pk=tender.pk).update(
            dated_on=django.utils.timezone.localtime(tender.created_at).date()
        )


def publish_dated_thresholds(apps, schema_editor):
    RuleSet = apps.get_model("guidance", "RuleSet")
    versions = RuleSet.objects.filter(kind="tender")
    latest = versions.filter(status="published").order_by("-version").first()
    if latest is None or "procedures" in latest.data:
        return  # a fresh install gets the dated defaults as its version 1
    undated = latest.data.get("thresholds") or []
    if [item.get("key") for item in undated[:-1]] != UNDATED_KEYS:
        return  # procedures of the staff's own: they publish their dated version themselves
    data = copy.deepcopy(latest.data)
    data["procedures"] = [
        {key: value for key, value in item.items() if key != "below"} for item in undated
    ]
    data["thresholds"] = copy.deepcopy(DATED_THRESHOLDS)
    newest = versions.order_by("-version").values_list("version", flat=True).first()
    RuleSet.objects.create(
        kind="tender",
        version=newest + 1,
        status="published",
        data=data,
        note="Thresholds per period (2022-2027) and kind of contract, chosen by the tender's date.",
        published_at=django.utils.timezone.now(),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="tender",
            name="dated_on",
            field=models.DateField(
                default=django.utils.timezone.localdate, verbose_name="date of the tender"
            ),
        ),
        migrations.RunPython(date_existing_tenders, migrations.RunPython.noop),
        migrations.RunPython(publish_dated_thresholds, migrations.RunPython.noop),
    ]
