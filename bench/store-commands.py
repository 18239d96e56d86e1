"""Store commands per scenario, by service, collection and command, from two scrapes of the
services' Prometheus endpoints (mongodb_driver_commands_seconds_count, Micrometer's MongoDB
command listener): `store-commands.py BEFORE AFTER SCENARIOS`."""
import collections
import re
import sys

line = re.compile(r'^mongodb_driver_commands_seconds_count\{(.*)\} ([0-9.eE+]+)$')


def counts(path):
    found = collections.Counter()
    for text in open(path):
        m = line.match(text.strip())
        if m:
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            found[(labels.get("application", "?"), labels.get("collection", "?"), labels.get("command", "?"))] += float(m.group(2))
    return found


before, after, scenarios = counts(sys.argv[1]), counts(sys.argv[2]), int(sys.argv[3])
per = {key: (after[key] - before.get(key, 0)) / scenarios for key in after}
print(f"store commands per scenario created and published ({scenarios} scenarios):")
for service in sorted({key[0] for key in per}):
    rows = sorted(((n, key) for key, n in per.items() if key[0] == service and n >= 0.05), reverse=True)
    print(f"  {service}: {sum(n for n, _ in rows):.1f}")
    for n, key in rows:
        print(f"    {n:5.2f}  {key[1]} {key[2]}")
print(f"  all services: {sum(n for n in per.values() if n >= 0.05):.1f}")
