#!/usr/bin/env python3
"""Inclusive CPU-sample shares per method from `jfr print --events jdk.ExecutionSample FILE` on stdin.
Usage: jfr print --events jdk.ExecutionSample target/seal.jfr | bench/jfr-inclusive.py [filter-regex] [top=40]"""
import re, sys, collections
flt = re.compile(sys.argv[1]) if len(sys.argv) > 1 else None
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
counts, samples, stack = collections.Counter(), 0, None
frame = re.compile(r'^\s+([\w$.<>/]+\(.*?\))\s+line:')
for line in sys.stdin:
    if 'jdk.ExecutionSample' in line:
        if stack is not None:
            samples += 1; counts.update(set(stack))
        stack = []
    elif stack is not None:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))
if stack is not None:
    samples += 1; counts.update(set(stack))
print(f"{samples} samples; inclusive share per method")
for m, c in counts.most_common():
    if flt and not flt.search(m):
        continue
    print(f"{100.0*c/samples:6.1f}% {c:6d}  {m}")
    top -= 1
    if top == 0:
        break
