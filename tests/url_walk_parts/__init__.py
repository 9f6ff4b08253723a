"""Parts of the URL walk's table, one module per area, with the objects their paths need.

Each module has `PAGES` (URL name → what each role gets on GET, built with the helpers of
`tests.url_walk_parts.common`) and `values(people, geel, lennik)`, which creates the objects
the area's paths need (and one of each of its models, for the admin's pages) and returns
{(url name, path parameter): value}.
"""
