from django.conf import settings
from django.db import models


class Person(models.Model):
    """What the provider asserts about a user beyond Django's own fields."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    email_verified = models.BooleanField(default=True)
    affiliations = models.CharField(max_length=200, blank=True)  # space-separated

    def __str__(self):
        return self.user.get_username()
