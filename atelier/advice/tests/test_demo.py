from django.utils import timezone

from atelier.advice.demo import load_demo_advice
from atelier.advice.models import ClosingDay, Question, QuestionStatus
from atelier.demo.people import load_demo_people
from conftest import make_municipality


def test_demo_has_fifteen_questions_at_every_status_and_runs_twice(geel, lennik, antwerp):
    for nis, name in (("13049", "Westerlo"), ("36008", "Izegem"), ("13037", "Rijkevorsel")):
        make_municipality(nis, name, antwerp, 20000)
    load_demo_people()
    today = timezone.localdate()
    load_demo_advice(today=today)
    load_demo_advice(today=today)
    assert Question.objects.count() == 15
    assert set(Question.objects.values_list("status", flat=True)) == set(QuestionStatus.values)
    assert Question.objects.values("organisation").distinct().count() >= 5
    leefloon = Question.objects.get(subject__icontains="leefloon voor een student")
    assert leefloon.organisation == lennik
    assert leefloon.status == QuestionStatus.ANSWERED and leefloon.rating == 5
    assert leefloon.messages.filter(is_internal=False).exists()
    assert ClosingDay.objects.filter(day__month=12, day__day=26, day__year=today.year).exists()
