"""Sphinx fixes for the book's HTML (loaded through ``local_extensions``).

Sphinx 7.4 registers an inline script that an extension adds after the
builder has started (``app.add_js_file(None, body=...)``) twice: once as
``None`` and once as ``''`` when the pages are written.  sphinx-thebe adds
such a script (``const THEBE_JS_URL = ...``), so every page declared the
constant twice and the browser logged a SyntaxError.  This extension drops
the second copy on each page.
"""


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    seen, keep = set(), []
    for js in context.get("script_files", []):
        key = (getattr(js, "filename", js) or "",
               tuple(sorted(getattr(js, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            keep.append(js)
    context["script_files"][:] = keep


def setup(app):
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
