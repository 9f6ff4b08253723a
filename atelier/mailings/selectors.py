"""Who a segment reaches."""

from django.db.models import Prefetch, Q, QuerySet

from atelier.contacts.models import Contact, Function
from atelier.members.models import SIZE_CLASS_BOUNDS
from atelier.members.selectors import organisations_with_population

from .models import Segment


def segment_contacts(segment: Segment) -> QuerySet[Contact]:
    """Contacts with an address and a current function matching every criterion of the segment."""
    functions = Q(functions__ends_on__isnull=True)
    if segment.function_kinds:
        functions &= Q(functions__kind__in=segment.function_kinds)
    topic_ids = [t.pk for t in segment.topics.all()]
    if topic_ids:
        functions &= Q(functions__topics__in=topic_ids)
    contacts = Contact.objects.filter(
        functions, erased_at__isnull=True, organisation__valid_until__isnull=True
    ).exclude(email="")
    if segment.member_types:
        contacts = contacts.filter(organisation__type__in=segment.member_types)
    province_ids = [p.pk for p in segment.provinces.all()]
    if province_ids:
        contacts = contacts.filter(organisation__province__in=province_ids)
    if segment.size_classes:
        contacts = contacts.filter(organisation__in=_organisations_of_sizes(segment.size_classes))
    if segment.languages:
        contacts = contacts.filter(language__in=segment.languages)
    return contacts.distinct()


def _organisations_of_sizes(size_classes: list[str]) -> QuerySet:
    sizes = Q(pk__in=[])
    for size_class in size_classes:
        if size_class not in SIZE_CLASS_BOUNDS:
            continue
        low, high = SIZE_CLASS_BOUNDS[size_class]
        band = Q(latest_inhabitants__gte=low)
        if high is not None:
            band &= Q(latest_inhabitants__lt=high)
        sizes |= band
    return organisations_with_population().filter(sizes).values("pk")


def with_current_functions(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Only what the merge fields need: queuing a large mailing reads every contact."""
    current = (
        Function.objects.filter(ends_on__isnull=True)
        .only("pk", "contact_id", "kind")
        .order_by("starts_on", "pk")
    )
    return (
        contacts.select_related("organisation")
        .only("pk", "email", "first_name", "last_name", "language", "organisation__name_nl")
        .prefetch_related(Prefetch("functions", queryset=current, to_attr="current_functions"))
    )
