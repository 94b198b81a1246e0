"""The back-office login with a rate limit per client address."""

from django.conf import settings
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit
from wagtail.admin.views.account import LoginView


@method_decorator(
    ratelimit(key="ip", rate=lambda group, request: settings.LOTSE_LOGIN_RATE, method="POST"),
    name="post",
)
class RateLimitedLoginView(LoginView):
    """Wagtail's login; django-ratelimit answers 429 (RATELIMIT_VIEW) when the limit is hit."""
