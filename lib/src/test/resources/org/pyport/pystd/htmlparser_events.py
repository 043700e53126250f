"""Reference event streams from CPython's html.parser, for HtmlParserTest.

stdin: JSON list of cases {"chunks": [str, ...], "convert": bool}
stdout: JSON list, per case, of events [kind, pos, args...] where pos is [line, offset]
after the event; an exception ends the case with ["error", pos].
"""
import json
import sys
from html.parser import HTMLParser


class Recorder(HTMLParser):
    def __init__(self, convert):
        super().__init__(convert_charrefs=convert)
        self.events = []

    def _add(self, kind, *args):
        self.events.append([kind, list(self.getpos())] + list(args))

    def handle_starttag(self, tag, attrs):
        self._add("starttag", tag, [list(a) for a in attrs])

    def handle_startendtag(self, tag, attrs):
        self._add("startendtag", tag, [list(a) for a in attrs])

    def handle_endtag(self, tag):
        self._add("endtag", tag)

    def handle_data(self, data):
        self._add("data", data)

    def handle_comment(self, data):
        self._add("comment", data)

    def handle_entityref(self, name):
        self._add("entityref", name)

    def handle_charref(self, name):
        self._add("charref", name)

    def handle_decl(self, decl):
        self._add("decl", decl)

    def handle_pi(self, data):
        self._add("pi", data)

    def unknown_decl(self, data):
        self._add("unknown_decl", data)


def run(case):
    p = Recorder(case["convert"])
    try:
        for chunk in case["chunks"]:
            p.feed(chunk)
        p.close()
        p._add("end")
    except AssertionError:  # CPython's reaction to a malformed marked section
        p._add("error")
    return p.events


json.dump([run(c) for c in json.load(sys.stdin)], sys.stdout)
