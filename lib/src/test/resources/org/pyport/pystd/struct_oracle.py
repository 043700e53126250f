"""CPython reference for StructTest: reads a JSON list of cases on stdin, answers a JSON list.

Values are tagged so that both sides can carry what JSON cannot: {"i": "decimal"} int,
{"f": "hex bits of the double" | "nan"} float, {"b": "hex"} bytes, {"t": bool} bool,
{"s": str} str, null None.
"""
import json
import math
import struct
import sys


def dec(v):
    if v is None:
        return None
    if isinstance(v, list):
        return [dec(x) for x in v]
    (k, x), = v.items()
    if k == "i":
        return int(x)
    if k == "f":
        return struct.unpack(">d", bytes.fromhex(x))[0]
    if k == "b":
        return bytes.fromhex(x)
    if k == "t":
        return bool(x)
    if k == "s":
        return x
    raise ValueError(k)


def enc(v):
    if isinstance(v, bool):
        return {"t": v}
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        return {"f": "nan" if math.isnan(v) else struct.pack(">d", v).hex()}
    if isinstance(v, (bytes, bytearray)):
        return {"b": bytes(v).hex()}
    if isinstance(v, (tuple, list)):
        return [enc(x) for x in v]
    raise TypeError(type(v))


def run(case):
    op, fmt = case["op"], case["fmt"]
    if op == "calcsize":
        return enc(struct.calcsize(fmt))
    if op == "pack":
        return enc(struct.pack(fmt, *dec(case["values"])))
    if op == "unpack":
        return enc(struct.unpack(fmt, dec(case["buf"])))
    if op == "unpack_from":
        return enc(struct.unpack_from(fmt, dec(case["buf"]), case["offset"]))
    if op == "iter_unpack":
        return enc(list(struct.iter_unpack(fmt, dec(case["buf"]))))
    if op == "pack_into":
        buf = bytearray(dec(case["buf"]))
        struct.pack_into(fmt, buf, case["offset"], *dec(case["values"]))
        return enc(buf)
    raise ValueError(op)


def main():
    out = []
    for case in json.load(sys.stdin):
        try:
            out.append({"ok": run(case)})
        except Exception as e:  # the error's type and text are what the Java side must match
            out.append({"err": [type(e).__name__, str(e)]})
    json.dump(out, sys.stdout)


main()
