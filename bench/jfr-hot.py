"""Reads `jfr print --events jdk.ExecutionSample` and prints where the samples are: the
methods most samples pass through (inclusive) and where they end (self), as shares."""
import collections
import re
import sys

inclusive = collections.Counter()
leaf = collections.Counter()
samples = 0
frames = None
frame = re.compile(r"^\s+([\w$.<>/]+)\(")

for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        frames = []
    elif frames is not None and line.strip().startswith("stackTrace"):
        continue
    elif frames is not None and (m := frame.match(line)):
        frames.append(m.group(1))
    elif frames is not None and line.strip() == "]":
        if frames:
            samples += 1
            leaf[frames[0]] += 1
            for name in set(frames):
                inclusive[name] += 1
        frames = None

print(f"{samples} samples\n\nself (top 25)")
for name, n in leaf.most_common(25):
    print(f"{100.0 * n / max(samples, 1):5.1f}%  {name}")
print("\ninclusive, our code and Spring/Reactor/Netty entry points (top 60)")
interesting = re.compile(r"^(dev\.scenariohub|org\.springframework|reactor|io\.netty|io\.micrometer|io\.github\.resilience4j|com\.nimbusds|tools\.jackson)")
for name, n in [(k, v) for k, v in inclusive.most_common() if interesting.match(k)][:60]:
    print(f"{100.0 * n / max(samples, 1):5.1f}%  {name}")
