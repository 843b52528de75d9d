"""The data routes of the dashboard's own server (Streamlit's `st.App`, see dashboard.py):
Starlette glue around indicators.api, which does the work and says what to answer.

The endpoints are plain functions: Starlette runs them, and iterates a streamed body, in its
thread pool, so that reading and writing a table never blocks the server's event loop (the
sessions' websockets)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from indicators import api


def _response(reply: api.Reply) -> Response:
    if isinstance(reply.body, list) and len(reply.body) == 1:  # one piece: a plain response
        return Response(reply.body[0], reply.status, reply.headers, reply.media_type)
    return StreamingResponse(reply.body, reply.status, reply.headers, reply.media_type)


def _query(request: Request) -> list[tuple[str, str]]:
    return request.query_params.multi_items()


def summary(request: Request) -> Response:
    return _response(api.summary(_query(request)))


def meta(request: Request) -> Response:
    return _response(api.meta(_query(request)))


def table(request: Request) -> Response:
    return _response(api.table(request.path_params["name"], _query(request)))


def embed(request: Request) -> Response:
    return _response(api.embed(request.path_params["chart"], _query(request)))


def plotly_js(request: Request) -> Response:
    return _response(api.plotly_js())


def not_found(request: Request) -> Response:
    return _response(api.not_found(request.url.path))


ROUTES: list[BaseRoute] = [
    Route(f"{api.PREFIX}/summary", summary, methods=["GET"]),
    Route(f"{api.PREFIX}/meta", meta, methods=["GET"]),
    Route(f"{api.PREFIX}/{{name}}", table, methods=["GET"]),
    Route(api.PREFIX, not_found),
    Route(f"{api.PREFIX}/{{rest:path}}", not_found),
    Route(f"/embed/{api.PLOTLY_JS}", plotly_js, methods=["GET"]),
    Route("/embed/{chart}", embed, methods=["GET"]),
]
