from django.urls import path, re_path

from . import views

app_name = "homepages"

urlpatterns = [
    path("vereine/<slug:slug>/", views.club_site, name="club"),
    re_path(r"^vereine/(?P<slug>[-\w]+)/(?P<path>.+)$", views.club_site, name="club_file"),
    path("admin/homepages/<int:page_id>/zip/", views.club_site_zip, name="zip"),
    path("admin/homepages/static/<path:path>", views.preview_static, name="preview_static"),
]
