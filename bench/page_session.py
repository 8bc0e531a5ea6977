#!/usr/bin/env python3
"""Prepares a signed-in seller on a running portal (Demo environment, Captcha__FixedAnswer=TEST) for the page-ratio
script: signs a demo citizen in through the phone page, queries the homes, accepts the notice, verifies a home and
saves one buyer, so that the listing, buyers, contracts, contract-form and filing pages all exist. A seller who already
has a listing and a draft contract (an earlier run on the same database) is signed in and given back as they are.

Prints one JSON object: {"cookie": "...", "listing": "<id>", "contract": "<id>"}. Standard library only.

  python3 bench/page_session.py http://127.0.0.1:5080 [seller-key home-certificate buyer-key]
"""
import html.parser
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

CAPTCHA = "TEST"
DEMO = json.loads((Path(__file__).resolve().parent.parent / "src/Wuhan.Resale.Web/Data/Seed/demo-data.json").read_text("utf-8"))


class Forms(html.parser.HTMLParser):
    """Collects each form's action and its named fields (first value wins, as a browser sends a fresh form)."""

    def __init__(self):
        super().__init__()
        self.forms, self.links, self._form, self._select = [], [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action", ""), "id": a.get("id"), "fields": {}}
            self.forms.append(self._form)
        elif tag == "a" and a.get("href"):
            self.links.append((a.get("id"), a["href"]))
        elif self._form is not None and tag == "option" and self._select is not None:
            fields = self._form["fields"]
            if self._select not in fields or "selected" in a:
                fields[self._select] = a.get("value", "")
        elif self._form is not None and tag == "select" and a.get("name"):
            self._select = a["name"]
        elif self._form is not None and tag in ("input", "textarea") and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("submit", "button") or (kind in ("checkbox", "radio") and "checked" not in a):
                return
            self._form["fields"].setdefault(a["name"], a.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Keeps cookies by hand: the portal marks them Secure, which stdlib jars refuse to send over plain http."""

    def __init__(self, base):
        self.base, self.cookies = base.rstrip("/"), {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path, data=None):
        url = path if path.startswith("http") else self.base + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(url, data=body, headers={"Cookie": self.cookie_header()})
        try:
            resp = self.opener.open(req)
        except urllib.error.HTTPError as e:
            resp = e
        for header in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value == "" or "expires=Thu, 01 Jan 1970" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return resp.status, resp.headers.get("Location"), resp.read().decode("utf-8", "replace")

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def page(self, path):
        status, _, text = self.request(path)
        if status != 200:
            raise SystemExit(f"GET {path} answered {status}")
        parser = Forms()
        parser.feed(text)
        return parser, text

    def submit(self, form, values=None, intent=None):
        data = dict(form["fields"])
        data.update(values or {})
        if intent:
            data[intent[0]] = intent[1]
        return self.request(form["action"], data)


def form_with(parser, action_part):
    return next(f for f in parser.forms if action_part in (f["action"] or ""))


def main():
    base = sys.argv[1]
    seller_key, certificate_home, buyer_key = sys.argv[2:5] if len(sys.argv) > 4 else ("seller-clean", "home-clean", "buyer-1")
    citizens = {c["key"]: c for c in DEMO["citizens"]}
    homes = {h["key"]: h for h in DEMO["properties"]}
    seller, buyer, home = citizens[seller_key], citizens[buyer_key], homes[certificate_home]
    b = Browser(base)

    login, _ = b.page("/")
    link = next(href for i, href in login.links if i == "same-device-link")
    phone, _ = b.page(link)
    form = phone.forms[0]
    identity = {"Name": seller["name"], "IdType": seller["idType"], "IdNumber": seller["idNumber"], "Phone": seller["phone"], "CaptchaAnswer": CAPTCHA}
    status, location, text = b.submit(form, identity, ("Intent", "send"))
    if status == 302:
        _, text = b.page(location)
    code = None
    for _ in range(50):
        _, _, inbox = b.request("/dev/sms?format=json&phone=" + seller["phone"])
        texts = [m["text"] for m in json.loads(inbox) if m["purpose"] == "Login"]
        if texts:
            code = re.search(r"(?<!\d)\d{6}(?!\d)", texts[0]).group(0)
            break
        time.sleep(0.1)
    if code is None:
        raise SystemExit("no login code arrived: " + text[:400])
    parser = Forms()
    parser.feed(text)
    status, location, text = b.submit(parser.forms[0], {"Code": code}, ("Intent", "authorise"))
    if status == 302:
        _, text = b.page(location)
    if location != "/me":
        # Another device would show 授权成功 and the desktop would finish; the same browser is signed in at once.
        if "授权成功" not in text:
            raise SystemExit("authorisation failed: " + re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))[:600])
        status, location, _ = b.submit(next(f for f in login.forms if f["id"] == "complete-form"))
        if status not in (200, 302):
            raise SystemExit(f"desktop sign-in answered {status}")

    # A seller prepared by an earlier run on the same database (bench/volume-run.sh reuses its databases): the listing
    # and draft contract are already there, and verifying the home again would be refused.
    listing_page, text = b.page("/listing")
    earlier = re.findall(r"/listings/([0-9a-f-]{36})", text)
    drafts = re.findall(r"/contracts/([0-9a-f-]{36})/edit", b.page("/contracts")[1])
    if earlier and drafts:
        print(json.dumps({"cookie": b.cookie_header(), "listing": earlier[0], "contract": drafts[0]}))
        return
    status, location, _ = b.submit(form_with(listing_page, "/listing/queries"))
    query = None
    for _ in range(200):
        _, text = b.page("/listing")
        ids = re.findall(r"/listing/queries/([0-9a-f-]{36})/notice", text)
        if ids:
            query = ids[0]
            break
        time.sleep(0.1)
    if query is None:
        raise SystemExit("the property query did not complete (is Integrations__PropertyRegistry__EmbeddedQueryDelay=00:00:00 set?)")
    notice, _ = b.page(f"/listing/queries/{query}/notice")
    status, location, _ = b.submit(notice.forms[-1], {"agree": "true"})
    homes_page, text = b.page(location)
    chosen = re.search(r'value="([0-9a-f-]{36})"[^>]*aria-label="选择证书编号为 ' + re.escape(home["certificateNumber"]), text)
    if chosen is None:
        raise SystemExit("the homes list has no " + home["certificateNumber"])
    chosen = chosen.group(1)
    status, location, _ = b.submit(form_with(homes_page, "/verify"), {"recordId": chosen})
    if status != 302:
        raise SystemExit(f"verification answered {status}")
    listing = location.rstrip("/").split("/")[-1]
    buyers, _ = b.page(f"/listings/{listing}/buyers")
    values = {"Rows[0].Name": buyer["name"], "Rows[0].IdType": buyer["idType"], "Rows[0].IdNumber": buyer["idNumber"], "Rows[0].Phone": buyer["phone"]}
    status, location, _ = b.submit(form_with(buyers, "/buyers"), values, ("Intent", "save"))
    if status != 302:
        raise SystemExit(f"saving the buyer answered {status}")
    _, text = b.page("/contracts")
    contract = re.findall(r"/contracts/([0-9a-f-]{36})/edit", text)[0]
    print(json.dumps({"cookie": b.cookie_header(), "listing": listing, "contract": contract}))


if __name__ == "__main__":
    main()
