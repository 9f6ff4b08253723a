"""PostgreSQL: the title's words also unstemmed, so that typing the start of a name finds it.

The Dutch stemmer changes a word's start as well as its end ("Geel" becomes "gel"), so a
prefix of what someone types ("gee") missed the stem. The title's own words (the 'simple'
configuration) join the vector with the title's weight.
"""

from django.db import migrations

VECTOR = """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
   GENERATED ALWAYS AS (
     setweight(to_tsvector('dutch'::regconfig, translate(coalesce(title, ''), '<>', '  ')), 'A') ||
     setweight(to_tsvector('simple'::regconfig, translate(coalesce(title, ''), '<>', '  ')), 'A') ||
     setweight(to_tsvector('dutch'::regconfig, translate(coalesce(body, ''), '<>', '  ')), 'B')
   ) STORED"""
OLD_VECTOR = """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
   GENERATED ALWAYS AS (
     setweight(to_tsvector('dutch'::regconfig, translate(coalesce(title, ''), '<>', '  ')), 'A') ||
     setweight(to_tsvector('dutch'::regconfig, translate(coalesce(body, ''), '<>', '  ')), 'B')
   ) STORED"""
INDEX = "CREATE INDEX search_document_vector ON search_searchdocument USING gin (search_vector)"
DROP = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_structures")]

    operations = [
        migrations.RunPython(
            _on_postgresql([*DROP, VECTOR, INDEX]), _on_postgresql([*DROP, OLD_VECTOR, INDEX])
        ),
    ]
