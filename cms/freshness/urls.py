from django.urls import path

from .confirm import confirm_profile

urlpatterns = [
    path("<str:token>/", confirm_profile, name="freshness_confirm"),
]
