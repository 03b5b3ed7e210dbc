from django.urls import path, re_path

from . import views

app_name = "homepages"

urlpatterns = [
    path("vereine/<slug:slug>/", views.club_site, name="club"),
    re_path(r"^vereine/(?P<slug>[-\w]+)/(?P<path>.+)$", views.club_site, name="club_file"),
]
