"""URL patterns of the board endpoints, relative to /api/v1/."""

from django.urls import path
from django.views.decorators.http import require_safe

from cms.core import converters  # noqa: F401 - registers <id:…>

from .api import BoardAnswerView, BoardFeed, BoardListView

urlpatterns = [
    path("board/", BoardListView.as_view(), name="api-board-list"),
    path("board.atom", require_safe(BoardFeed()), name="api-board-feed"),
    path("board/<id:pk>/answer/", BoardAnswerView.as_view(), name="api-board-answer"),
]
