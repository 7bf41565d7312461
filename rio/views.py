"""The X-Callback webhook: the RIO mapper POSTs a finished job's status here."""

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from rio import services

MAX_CALLBACK_BYTES = 64 * 1024


@csrf_exempt  # the mapper is no browser; the URL's per-job secret is what authenticates it
@require_POST
def callback(request, job_id: int, secret: str):
    if len(request.body) > MAX_CALLBACK_BYTES:
        return HttpResponseBadRequest("Too large.", content_type="text/plain")
    try:
        job = services.take_callback(job_id=job_id, secret=secret, body=request.body)
    except services.RioError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain")
    if job is None:
        return HttpResponseNotFound("No such job.", content_type="text/plain")
    return HttpResponse(status=204)
