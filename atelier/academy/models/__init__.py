"""The academy's models, one module per part of the programme."""

from .feedback import (  # noqa: F401
    FeedbackAnswer,
    FeedbackQuestion,
    FeedbackReceipt,
    FeedbackResponse,
    QuestionKind,
)
from .impact import (  # noqa: F401
    ProjectOutcome,
    ServiceChange,
    ServiceOutcome,
)
from .learning_path import (  # noqa: F401
    Cohort,
    Milestone,
    MilestoneProgress,
    PeerReview,
    Rating,
    ReviewCriterion,
    ReviewScore,
    Team,
)
from .materials import (  # noqa: F401
    Material,
    MaterialKind,
    Visibility,
)
from .participation import (  # noqa: F401
    ATTENDED,
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    Charge,
    Enrolment,
)
from .programme import (  # noqa: F401
    Bilingual,
    Course,
    CourseKind,
    Edition,
    Level,
    SeminarAudience,
    Session,
    Venue,
)
from .recognition import (  # noqa: F401
    BadgeAssertion,
    Certificate,
)
from .workshop import (  # noqa: F401
    CaseSlide,
    CaseStage,
    WorkshopCase,
)
