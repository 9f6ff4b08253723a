"""The title's words alone, indexed, to rank title matches first without reading every match.

PostgreSQL: a GIN index on the title's vector (Dutch stems and unstemmed words); the
expression must stay the same as `TITLE_VECTOR` in engine/postgres.py.
SQLite: an FTS5 table of the titles and their stems (rowid = the document's id), filled
here from the index as it is.
"""

from django.db import migrations

POSTGRES_CREATE = """CREATE INDEX search_document_title_vector ON search_searchdocument USING gin ((
  to_tsvector('dutch'::regconfig, translate(coalesce(search_searchdocument.title, ''), '<>', '  ')) ||
  to_tsvector('simple'::regconfig, translate(coalesce(search_searchdocument.title, ''), '<>', '  '))
))"""
POSTGRES_DROP = "DROP INDEX IF EXISTS search_document_title_vector"
SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE search_fts_title USING fts5("
    "title, stems, tokenize = 'unicode61 remove_diacritics 2')"
)
SQLITE_DROP = "DROP TABLE IF EXISTS search_fts_title"


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)
    elif connection.vendor == "sqlite":
        from atelier.search.text import stems

        schema_editor.execute(SQLITE_CREATE)
        documents = apps.get_model("search", "SearchDocument").objects.values_list("pk", "title")
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts_title (rowid, title, stems) VALUES (%s, %s, %s)",
                [(pk, title, stems(title)) for pk, title in documents.iterator()],
            )


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_title_words_unstemmed")]

    operations = [migrations.RunPython(forward, backward)]
