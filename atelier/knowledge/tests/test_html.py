from atelier.knowledge.html import render_text, sanitise


def test_markdown_headings_lists_links_and_tables_are_rendered():
    html = render_text(
        "# Aanvraag\n\n- eerste\n- tweede\n\n[Meer](https://www.example.org)\n\n"
        "| Orgaan | Termijn |\n| :-- | --: |\n| raad | 30 dagen |\n"
    )
    assert "<h2>Aanvraag</h2>" in html  # the page's title is the only h1
    assert "<li>eerste</li>" in html
    assert '<a href="https://www.example.org" rel="noopener noreferrer">Meer</a>' in html
    assert "<th>Orgaan</th>" in html and "<td>30 dagen</td>" in html
    assert "style=" not in html  # column alignment would need inline style (CSP)


def test_raw_html_in_markdown_is_shown_as_text_not_run():
    html = render_text('<script>alert("x")</script>\n\n<img src=x onerror="alert(1)">')
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_javascript_links_are_not_links():
    html = render_text("[klik](javascript:alert(1)) en [data](data:text/html,hoi)")
    assert "<a" not in html  # the Markdown stays visible as text


def test_sanitiser_strips_scripts_event_attributes_styles_and_javascript_urls():
    hostile = (
        '<p style="color:red" onclick="steal()">tekst</p>'
        '<a href="javascript:alert(1)" onmouseover="x()">link</a>'
        "<script>alert(1)</script><iframe src='https://evil.example'></iframe>"
        '<svg onload="alert(1)"></svg><h2 onfocus="x()">Kop</h2>'
    )
    clean = sanitise(hostile)
    assert clean == '<p>tekst</p><a rel="noopener noreferrer">link</a><h2>Kop</h2>'


def test_empty_text_renders_empty():
    assert render_text("") == ""
