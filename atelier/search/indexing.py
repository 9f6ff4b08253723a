"""Writes to the search index: put entries in, take them out, rebuild everything.

Infrastructure rather than domain: it copies rows the other apps own, so the signals
and the rebuild command call it directly.
"""

from collections.abc import Iterable
from itertools import islice

from django.db import connection, transaction

from .models import SearchDocument, SearchTerm, SearchTopic
from .providers import PROVIDERS, Entry, entries
from .text import stems, vocabulary

BATCH = 500
DOCUMENT_FIELDS = [
    "title",
    "body",
    "url",
    "visibility",
    "is_published",
    "organisation_id",
    "project_id",
    "kind",
    "year",
    "updated_at",
]


def _document(entry: Entry) -> SearchDocument:
    values = {name: getattr(entry, name) for name in DOCUMENT_FIELDS}
    return SearchDocument(doc_type=entry.doc_type, object_id=entry.object_id, **values)


def _write_fts(documents: list[SearchDocument]) -> None:
    """SQLite only: the FTS5 rows (original text for snippets, stems for matching), and the
    title's alone (search_fts_title) to rank title matches first."""
    if connection.vendor != "sqlite" or not documents:
        return
    _delete_fts([document.pk for document in documents])
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO search_fts_title (rowid, title, stems) VALUES (%s, %s, %s)",
            [(document.pk, document.title, stems(document.title)) for document in documents],
        )
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, body, stems) VALUES (%s, %s, %s, %s)",
            [
                (
                    document.pk,
                    document.title,
                    document.body,
                    stems(document.title + " " + document.body),
                )
                for document in documents
            ],
        )


def _delete_fts(pks: list[int]) -> None:
    if connection.vendor == "sqlite" and pks:
        with connection.cursor() as cursor:
            for table in ("search_fts", "search_fts_title"):
                cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s", [(pk,) for pk in pks])  # noqa: S608


def _write_vocabulary(documents: list[SearchDocument]) -> None:
    found: set[str] = set()
    for document in documents:
        found |= vocabulary(document.title + " " + document.body)
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=word) for word in sorted(found)], ignore_conflicts=True, batch_size=BATCH
    )


def _write_topics(pairs: list[tuple[SearchDocument, list[str]]]) -> None:
    SearchTopic.objects.filter(document__in=[document for document, _ in pairs]).delete()
    SearchTopic.objects.bulk_create(
        [SearchTopic(document=document, slug=slug) for document, slugs in pairs for slug in slugs],
        batch_size=BATCH,
    )


@transaction.atomic
def index_entries(batch: list[Entry]) -> None:
    """Put these entries in the index, replacing what it held for the same objects."""
    if not batch:
        return
    documents = SearchDocument.objects.bulk_create(
        [_document(entry) for entry in batch],
        update_conflicts=True,
        unique_fields=["doc_type", "object_id"],
        update_fields=DOCUMENT_FIELDS,
        batch_size=BATCH,
    )
    if any(document.pk is None for document in documents):
        # Databases that do not return ids on conflict: read them back.
        keys = {(d.doc_type, d.object_id): d for d in documents}
        for doc_type, object_id, pk in SearchDocument.objects.filter(
            doc_type__in={entry.doc_type for entry in batch},
            object_id__in=[entry.object_id for entry in batch],
        ).values_list("doc_type", "object_id", "pk"):
            if (doc_type, object_id) in keys:
                keys[doc_type, object_id].pk = pk
    _write_topics(
        [(document, entry.topics) for document, entry in zip(documents, batch, strict=True)]
    )
    _write_fts(documents)
    _write_vocabulary(documents)


def index_objects(doc_type: str, pks: Iterable[int]) -> None:
    """Index these objects again, and drop those that no longer exist."""
    wanted = set(pks)
    batch = list(entries(doc_type, wanted))
    index_entries(batch)
    remove(doc_type, wanted - {entry.object_id for entry in batch})


@transaction.atomic
def remove(doc_type: str, object_ids: Iterable[int]) -> None:
    documents = SearchDocument.objects.filter(doc_type=doc_type, object_id__in=list(object_ids))
    pks = list(documents.values_list("pk", flat=True))
    _delete_fts(pks)
    SearchDocument.objects.filter(pk__in=pks).delete()


def rebuild(doc_types: Iterable[str] | None = None) -> int:
    """Empty the index (or these types of it) and fill it again; the number of entries."""
    count = 0
    for doc_type in doc_types or PROVIDERS:
        with transaction.atomic():
            remove(
                doc_type,
                SearchDocument.objects.filter(doc_type=doc_type).values_list(
                    "object_id", flat=True
                ),
            )
            produced = entries(doc_type)
            while batch := list(islice(produced, BATCH)):
                index_entries(batch)
                count += len(batch)
    return count
