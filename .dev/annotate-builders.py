#!/usr/bin/env python3
"""Adds @CanIgnoreReturnValue to fluent setters (`Builder x(...);`) in hand-written builder interfaces."""
import re, sys, pathlib
for path in sys.argv[1:]:
    p = pathlib.Path(path); src = p.read_text()
    lines = src.split("\n"); out = []; changed = False
    for i, line in enumerate(lines):
        if re.match(r"^\s+Builder \w+\(.*\);$", line) and not (out and "@CanIgnoreReturnValue" in out[-1]):
            indent = re.match(r"^(\s+)", line).group(1)
            out.append(indent + "@CanIgnoreReturnValue"); changed = True
        out.append(line)
    if changed:
        src = "\n".join(out)
        if "import com.google.errorprone.annotations.CanIgnoreReturnValue;" not in src:
            src = re.sub(r"^(package [^;]+;\n)", r"\1\nimport com.google.errorprone.annotations.CanIgnoreReturnValue;", src, count=1, flags=re.M)
        p.write_text(src)
