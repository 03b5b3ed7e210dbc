"""The sign-up links of the mails, under /anmeldung/."""

from django.urls import path

from . import views

app_name = "signups"
urlpatterns = [
    path("<str:value>/abmelden/", views.cancel, name="cancel"),
    path("<str:value>/annehmen/", views.accept, name="accept"),
]
