"""Pipeline components: each takes a ``Document``, adds to it and returns it.

Components are registered by name; the factory of each is imported only when it is used, so
``unspin`` stays fast to import and optional dependencies stay optional.
"""

from unspin.components.base import Component, available, create, register

__all__ = ["Component", "available", "create", "register"]
