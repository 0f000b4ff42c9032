from django.http import Http404


# The analysts' pages issue builds these pages; until then they are not found.
def meeting_detail(request, slug):
    raise Http404


person_detail = body_detail = meeting_detail


def source_detail(request, pk):
    raise Http404
