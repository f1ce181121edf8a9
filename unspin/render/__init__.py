"""Renderers: turn finished documents into JSON, PTC lines, HTML or terminal output."""

from unspin.render.json import SCHEMA_VERSION, load_schema, to_dict, to_json
from unspin.render.ptc import to_ptc_lines

__all__ = ["SCHEMA_VERSION", "load_schema", "to_dict", "to_json", "to_ptc_lines"]
