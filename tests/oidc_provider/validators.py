from oauth2_provider.oauth2_validators import OAuth2Validator


class ClaimsValidator(OAuth2Validator):
    """Claims as SURFconext and eduID release them: name under `profile`, the address and
    whether it was verified under `email`, and the affiliation (released by SURFconext's
    attribute policy rather than a scope) with `openid`."""

    oidc_claim_scope = {
        **OAuth2Validator.oidc_claim_scope,
        "eduperson_affiliation": "openid",
        "schac_home_organization": "openid",
    }

    def get_additional_claims(self, request):
        user = request.user
        person = user.person
        claims = {
            "email": user.email,
            "email_verified": person.email_verified,
            "schac_home_organization": "university.example.nl",
        }
        if user.first_name or user.last_name:
            claims["given_name"] = user.first_name
            claims["family_name"] = user.last_name
            claims["name"] = f"{user.first_name} {user.last_name}".strip()
        if person.affiliations:
            claims["eduperson_affiliation"] = person.affiliations.split()
        return claims
