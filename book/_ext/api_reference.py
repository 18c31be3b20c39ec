"""The ``public-api`` directive: a package's public names as autodoc entries.

Used inside ``{eval-rst}`` blocks of the Reference chapter::

    .. public-api:: trustgame.analysis

writes the package's docstring (``automodule`` without members), then one
autodoc entry (``autoclass``, ``autoexception``, ``autofunction`` or a
``py:data`` entry with its ``#:`` comment) for every name of the package's
``__all__``, grouped under a rubric per module that defines the objects, in
the order of their source.  The list follows ``__all__``, so a name added to
a package appears in the book without editing the chapter.

The same object is often exported by several packages (``trustgame.region_map``
is ``trustgame.analysis.region_map``).  Sphinx warns when one object is
described twice, so each object is described where it is first met in the
page; a later package lists it in one line with a link to that description.
An explicit ``:members:`` option documents only the names given (for names
outside any ``__all__``).
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective

#: Order of the layers (ARCHITECTURE.md); a package's groups follow it.
LAYERS = ("core", "analysis", "paper", "cases", "audit", "viz", "cli")
_SHORT = 60   # longest value repr printed in a data entry's signature
_SEEN = "public_api_seen"


def public_names(package: str, members=None) -> list[tuple[str, object]]:
    """``(name, object)`` for each name the entry of ``package`` documents."""
    mod = importlib.import_module(package)
    names = members if members is not None else list(getattr(mod, "__all__", ()))
    return [(n, getattr(mod, n)) for n in names]


def _is_data(obj) -> bool:
    return not (inspect.isclass(obj) or callable(obj) or inspect.ismodule(obj))


def _key(name: str, obj):
    """What identifies an object across packages: data by name and value."""
    return ("data", name, id(obj)) if _is_data(obj) else ("obj", id(obj))


def _home(package: str, name: str, obj) -> str:
    """The module that defines ``obj`` (for data: that holds ``name``)."""
    if not _is_data(obj):
        return getattr(obj, "__module__", package) or package
    candidates = [m for m, mod in sorted(sys.modules.items())
                  if m.startswith(package.split(".")[0] + ".") and mod is not None
                  and vars(mod).get(name, None) is obj]
    for m in candidates:     # the module with the ``#:`` comment defines it
        if ("", name) in _attr_docs(m):
            return m
    return candidates[0] if candidates else package


def _attr_docs(modname: str) -> dict:
    try:
        return ModuleAnalyzer.for_module(modname).find_attr_docs()
    except Exception:  # noqa: BLE001 - no source: no comments
        return {}


def _source_line(modname: str, name: str) -> int:
    try:
        src = inspect.getsource(importlib.import_module(modname))
    except (OSError, TypeError):
        return 10**9
    m = re.search(rf"^(?:(?:async\s+)?def\s+|class\s+)?{re.escape(name)}\b\s*[(:=]",
                  src, flags=re.M)
    return src[:m.start()].count("\n") if m else 10**9


def _layer(modname: str) -> tuple:
    parts = modname.split(".")
    top = parts[1] if len(parts) > 1 else ""
    return (LAYERS.index(top) if top in LAYERS else -1, modname)


def _data_entry(package: str, name: str, obj, home: str) -> list[str]:
    value = repr(obj)
    lines = [f".. py:data:: {name}", f"   :module: {package}"]
    if len(value) <= _SHORT and "\n" not in value:
        lines.append(f"   :value: {value}")
    else:
        lines.append(f"   :type: {type(obj).__name__}")
    doc = _attr_docs(home).get(("", name))
    lines.append("")
    lines += [f"   {line}" for line in (doc or [])]
    return lines + [""]


def _entry(package: str, name: str, obj, home: str) -> list[str]:
    if inspect.isclass(obj):
        kind = "autoexception" if issubclass(obj, BaseException) else "autoclass"
        return [f".. {kind}:: {package}.{name}", "   :members:", ""]
    if callable(obj):
        return [f".. autofunction:: {package}.{name}", ""]
    return _data_entry(package, name, obj, home)


def _summary(modname: str) -> str:
    doc = (inspect.getdoc(importlib.import_module(modname)) or "").strip()
    return " ".join(doc.split("\n\n")[0].split()) if doc else ""


def plan(package: str, members=None, seen=None):
    """What the entry of ``package`` describes, and what it only links to.

    Returns ``(groups, again)``: ``groups`` maps each defining module to the
    ``(name, object, module)`` entries it contributes; ``again`` lists
    ``(name, target)`` for objects described before (``seen`` maps an
    object's key to where it is described and is updated).
    """
    seen = {} if seen is None else seen
    groups: dict[str, list] = {}
    again = []
    for name, obj in public_names(package, members):
        key = _key(name, obj)
        if key in seen:
            again.append((name, seen[key]))
            continue
        seen[key] = f"{package}.{name}"
        home = _home(package, name, obj)
        groups.setdefault(home, []).append((name, obj, home))
    return groups, again


class PublicAPI(SphinxDirective):
    """``.. public-api:: package`` (see the module docstring)."""

    required_arguments = 1
    option_spec = {"members": directives.unchanged, "no-module-doc": directives.flag}

    def run(self):
        package = self.arguments[0]
        members = self.options.get("members")
        members = [m.strip() for m in members.split(",") if m.strip()] if members else None
        seen = self.env.temp_data.setdefault(_SEEN, {})
        lines: list[str] = []
        if "no-module-doc" not in self.options:
            lines += [f".. automodule:: {package}", ""]
        groups, again = plan(package, members, seen)
        for home in sorted(groups, key=_layer):
            first = _summary(home) if home != package else ""
            title = f"``{home}``" + (f": {first}" if first else "")
            lines += [f".. rubric:: {title}", ""]
            for name, obj, h in sorted(groups[home], key=lambda e: _source_line(e[2], e[0])):
                lines += _entry(package, name, obj, h)
        if again:
            refs = ", ".join(f":py:obj:`{name} <{target}>`" for name, target in again)
            lines += [".. rubric:: Described above", "",
                      f"Also exported by ``{package}``: {refs}.", ""]
        node = nodes.container(classes=["public-api"])
        self.state.nested_parse(StringList(lines, source=f"<public-api {package}>"),
                                self.content_offset, node)
        return node.children


def setup(app):
    app.add_directive("public-api", PublicAPI)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
