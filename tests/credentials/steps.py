"""Steps the result pages' tests share."""


def confirm(client, response, **kwargs):
    """Press the confirmation step's Yes button: post back what it carries, as a browser would."""
    assert response.status_code == 200 and "confirm_action" in response.context, (
        "expected a confirmation step"
    )
    data = {**response.context.get("confirm_hidden", {}), "confirm": "yes"}
    return client.post(response.context["confirm_action"], data, **kwargs)
