from django.shortcuts import render

from .topics import SCREEN_DIR, TOPICS


def help_index(request):
    """The German help for club editors, partners and the agency (every admin user)."""
    return render(request, "help/index.html", {"topics": TOPICS, "screen_dir": SCREEN_DIR})
