from django.http import Http404


# The analysts' pages issue builds these pages; until then they are not found.
def focus_area_detail(request, slug):
    raise Http404


corridor_detail = focus_area_detail
