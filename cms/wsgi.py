import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

application = get_wsgi_application()

from cms.ops.startup import load_and_freeze  # noqa: E402 - needs the configured application

load_and_freeze()
