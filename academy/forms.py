import re

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.socialaccount.forms import SignupForm as AllauthSocialSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from academy.models import Organisation, User
from academy.spreadsheets import MAX_EMAIL_LENGTH

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# The secret in an invitation or calendar-feed link, as secrets.token_urlsafe writes it.
TOKEN = re.compile(r"[-A-Za-z0-9_]{16,64}", re.ASCII)


def looks_like_token(value: str) -> bool:
    """Whether a link's token can be one of ours: anything else is not looked up at all."""
    return TOKEN.fullmatch(value) is not None


def limit_upload_size(upload) -> None:
    """A validator for every file field: uploads are read whole, so they stay small."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(_("The file is larger than 5 MB."))


class OrganisationForm(forms.ModelForm):
    chamber_of_commerce_number = forms.CharField(
        label=_("Chamber of Commerce number"),
        max_length=16,  # people type "1234 5678" or "12.34.56.78"; cleaned to 8 digits
        help_text=_("The 8-digit KvK number."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "chamber_of_commerce_number",
            "billing_email",
            "billing_address",
            "billing_postal_code",
            "billing_city",
            "billing_country",
            "purchase_order_reference",
        ]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "billing_address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "billing_postal_code": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "billing_city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "billing_country": forms.TextInput(attrs={"autocomplete": "country-name"}),
        }

    def clean_chamber_of_commerce_number(self):
        value = self.cleaned_data["chamber_of_commerce_number"]
        number = "".join(character for character in value if character not in " .-")
        if Organisation.objects.filter(chamber_of_commerce_number=number).exists():
            raise forms.ValidationError(
                _(
                    "An organisation with this KvK number is already registered. "
                    "Ask one of its admins to invite you."
                )
            )
        return number


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("Email addresses"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One or more addresses, separated by commas, spaces or new lines."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("staff", _("Staff member")), ("admin", _("Admin"))],
        initial="staff",
    )

    def clean_emails(self):
        raw = self.cleaned_data["emails"].replace(",", " ").replace(";", " ").split()
        emails, invalid = [], []
        for value in raw:
            try:
                validate_email(value)
            except forms.ValidationError:
                invalid.append(value if len(value) <= 80 else value[:79] + "…")
            else:
                if len(value) > MAX_EMAIL_LENGTH:
                    raise forms.ValidationError(
                        _("An email address has at most %(max)d characters.")
                        % {"max": MAX_EMAIL_LENGTH}
                    )
                emails.append(value.lower())
        if invalid:
            raise forms.ValidationError(
                _("Not valid email addresses: %(list)s") % {"list": ", ".join(invalid)}
            )
        if len(emails) > 200:
            raise forms.ValidationError(_("At most 200 at once; use a CSV import for more."))
        return list(dict.fromkeys(emails))


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label=_("Staff list (CSV)"),
        help_text=_(
            "Columns: email, given name, family name and optionally job title, with a header "
            "row. Saved from Excel as CSV (comma or semicolon separated) is fine."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        validators=[limit_upload_size],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(
                _("Upload a .csv file (in Excel: Save as → CSV UTF-8 or CSV).")
            )
        return upload


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


class LoginForm(AllauthLoginForm):
    """allauth's login, its labels in the site's sentence case."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].label = _("Remember me")


class SignupForm(AllauthSignupForm):
    """allauth's sign-up with the person's name, so that greetings, invoices and
    certificates name them rather than their email address. allauth's adapter saves the
    cleaned `first_name` and `last_name` on the user."""

    first_name = forms.CharField(
        label=_("Given name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Family name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def clean_first_name(self):
        return " ".join(self.cleaned_data["first_name"].split())

    def clean_last_name(self):
        return " ".join(self.cleaned_data["last_name"].split())

    def try_save(self, request):
        """Hash the password also when the address already has an account.

        To tell no one which addresses have accounts (ACCOUNT_PREVENT_ENUMERATION), allauth
        answers a sign-up with a taken address as it answers a new one and emails the
        owner instead, but it skips creating the user, and with it the deliberately slow
        password hash: the answer came ten times faster. Doing the same hash (and throwing
        it away) makes both answers take as long.
        """
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class SocialSignupForm(AllauthSocialSignupForm):
    """The last step of a first institutional login whose provider did not give the
    person's name (or address): what the sign-up form asks, without a password."""

    first_name = SignupForm.base_fields["first_name"]
    last_name = SignupForm.base_fields["last_name"]
    field_order = ["first_name", "last_name", "email"]

    clean_first_name = SignupForm.clean_first_name
    clean_last_name = SignupForm.clean_last_name


class NameForm(forms.ModelForm):
    """Given and family name, asked of an account that has none (e.g. when it accepts an
    invitation): the employer's staff list and invoices show them."""

    class Meta:
        model = User
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("Given name"), "last_name": _("Family name")}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True
