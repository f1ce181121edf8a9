"""The HTTP service (needs the ``serve`` extra): ``create_app(settings)`` builds the ASGI app.

::

    from unspin.api import Settings, create_app
    app = create_app(Settings(api_keys=("secret",), max_batch=16))
"""

from unspin.api.app import app_from_env, create_app
from unspin.api.settings import Settings

__all__ = ["Settings", "app_from_env", "create_app"]
