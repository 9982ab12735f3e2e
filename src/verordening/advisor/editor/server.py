"""The editor's web server: Starlette on uvicorn, on 127.0.0.1 only, for one file and one person.

Every request must name this server as its Host (no DNS rebinding), come from its own page
(Origin, when the browser sends one) and carry the access token printed at start: as ?token= on
the first visit (then an HttpOnly, SameSite=Strict cookie) and in a header on every change. There
are three routes and no static files: nothing but the file it was started on is read or written.
"""

from __future__ import annotations

import datetime as dt
import secrets
import socket
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from verordening.advisor.editor.form import field_id, render_form
from verordening.advisor.editor.page import page, panel
from verordening.advisor.editor.session import ChangedOnDisk, Draft, Session
from verordening.advisor.fields import choice_fields
from verordening.choicefile.keys import title_at
from verordening.errors import VerordeningError

COOKIE = "verordening_toegang"
HEADER = "x-verordening-token"
SLOTS = frozenset(f.path for f in choice_fields().walk())  # where a problem can be shown


def slot_errors(errors: dict[str, str]) -> dict[str, str]:
    """Each problem at the nearest field or group the form shows ("" = the whole file)."""
    out: dict[str, str] = {}
    for path, message in errors.items():
        parts = path.split(".")
        while parts and ".".join(parts) not in SLOTS:
            parts.pop()
        key = ".".join(parts)
        out[key] = f"{out[key]} {message}" if key in out else message
    return out


def _summary(errors: dict[str, str]) -> str:
    named = [f"{title_at(p) or p or 'het bestand'}: {m}" for p, m in errors.items()]
    count = "1 fout" if len(named) == 1 else f"{len(named)} fouten"
    return f"{count}: {'; '.join(named)}. Het ontwerp rechts toont de laatste geldige keuzes."


def make_app(session: Session, token: str, port: int) -> Starlette:
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    origins = {f"http://{h}" for h in hosts}
    nonce = secrets.token_urlsafe(16)
    csp = (
        # style-src 'unsafe-inline': the review page in the frame (srcdoc, which inherits this policy) has its own
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; connect-src 'self'; "
        "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )

    def refused(request: Request, needs_header: bool) -> Response | None:
        if request.headers.get("host") not in hosts:
            return PlainTextResponse("Geweigerd: onbekende host.", status_code=403)
        origin = request.headers.get("origin")
        if origin is not None and origin not in origins:
            return PlainTextResponse("Geweigerd: verzoek van een andere site.", status_code=403)
        cookie = secrets.compare_digest(request.cookies.get(COOKIE, ""), token)
        header = secrets.compare_digest(request.headers.get(HEADER, ""), token)
        if not cookie or (needs_header and not header):
            return PlainTextResponse("Geweigerd: geen of een verkeerde toegangscode.", status_code=403)
        return None

    async def home(request: Request) -> Response:
        given = request.query_params.get("token")
        if given is not None and request.headers.get("host") in hosts and secrets.compare_digest(given, token):
            response = RedirectResponse("/", status_code=303)  # the token leaves the address bar and history
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
            return response
        if (no := refused(request, needs_header=False)) is not None:
            return no
        first = session.first
        body = page(
            session.path.name,
            render_form(session.values, slot_errors(first.errors), session.opened.get("in_te_vullen") or []),
            first,
            token,
            nonce,
        )
        return HTMLResponse(body, headers={"Content-Security-Policy": csp, "Cache-Control": "no-store"})

    def answer(draft: Draft, message: str, status: int = 200) -> JSONResponse:
        body: dict[str, Any] = {
            "fouten": slot_errors(draft.errors),
            "voorlopig": draft.provisional,
            "ongebruikt": [field_id(p) for p in draft.unused],
            "melding": message if draft.valid else _summary(draft.errors),
            "ms": draft.ms,
        }
        if draft.valid:
            body |= {"ontwerp": draft.page, "paneel": panel(draft)}
        return JSONResponse(body, status_code=status if draft.valid else 422, headers={"Cache-Control": "no-store"})

    async def preview(request: Request) -> Response:
        if (no := refused(request, needs_header=True)) is not None:
            return no
        draft = session.preview(await request.form())
        return answer(draft, f"Ontwerp bijgewerkt ({draft.ms:.0f} ms). Nog niet opgeslagen.")

    async def save(request: Request) -> Response:
        if (no := refused(request, needs_header=True)) is not None:
            return no
        try:
            draft = session.save(await request.form())
        except ChangedOnDisk:
            message = (
                f"Niet opgeslagen: {session.path.name} is sinds het openen buiten de editor gewijzigd. Uw keuzes "
                "staan nog in het formulier; bewaar ze elders en herlaad daarna de pagina om de nieuwe versie te bewerken."
            )
            return JSONResponse({"fouten": {"": message}, "melding": message}, status_code=409)
        except VerordeningError as exc:
            return JSONResponse({"fouten": {"": str(exc)}, "melding": f"Niet opgeslagen: {exc}"}, status_code=500)
        saved = f"Opgeslagen in {session.path.name} om {dt.datetime.now():%H:%M:%S}."
        return answer(draft, saved)

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/voorbeeld", preview, methods=["POST"]),
        Route("/opslaan", save, methods=["POST"]),
    ]
    return Starlette(routes=routes)


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0: a free one); only this machine can connect."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(16)
    return sock


def serve(path: Path, port: int, announce: Any, open_browser: bool) -> None:
    """Serve until Ctrl-C; the first line written with `announce` is the address with the access token."""
    import uvicorn

    session = Session(path)
    sock = bind(port)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    url = f"http://127.0.0.1:{port}/?token={token}"
    announce(url)
    config = uvicorn.Config(make_app(session, token, port), log_level="warning", access_log=False, lifespan="off")
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    uvicorn.Server(config).run(sockets=[sock])
