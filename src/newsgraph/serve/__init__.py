"""The HTTP API and web UI (``newsgraph serve``; needs the ``[web]`` extra).

``create_app(db)`` builds the ASGI application: JSON endpoints under ``/v1`` (documented at
``/docs``) and server-rendered pages over the same store reads. The spaCy model is loaded
on the first analysis only, so a server that only browses never loads it.
"""

from newsgraph.serve.app import create_app, run

__all__ = ["create_app", "run"]
