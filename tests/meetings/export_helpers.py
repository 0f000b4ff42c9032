"""Reading exports back the way a researcher's tools would."""

import csv
import io
import json


def streamed_text(response):
    assert response.status_code == 200, response.content
    assert response.streaming, "exports are streamed"
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response):
    """The header and the rows of a streamed CSV response, as csv.reader reads them."""
    reader = csv.reader(io.StringIO(streamed_text(response), newline=""))
    header, *rows = list(reader)
    return header, rows


def csv_dicts(response):
    header, rows = csv_rows(response)
    return [dict(zip(header, row, strict=True)) for row in rows]


def json_rows(response):
    return json.loads(streamed_text(response))


def list_page_ids(client, path, query):
    """The ids the list page shows for `query`, across all its pages, in order."""
    ids, page = [], 1
    while True:
        # The list redirects a query to its short form (no page=1, no sort=-date).
        response = client.get(path, {**query, "page": page}, follow=True)
        assert response.status_code == 200, response.content[:500]
        page_obj = response.context["page_obj"]
        ids.extend(item.pk for item in page_obj.object_list)
        if not page_obj.has_next():
            return ids
        page += 1
