"""`make lighthouse` emulates the same phone on any host: the CPU slowdown of each mobile run is the host's
benchmarkIndex divided by the phone's (tools/lighthouse-phone.js, used by tools/lighthouse.js)."""

from __future__ import annotations

import json
import subprocess

from tests.support import ROOT


def calibrated(*indexes: float) -> list[float]:
    script = (
        "import { calibrated, PHONE_BENCHMARK_INDEX } from './tools/lighthouse-phone.js';"
        f"console.log(JSON.stringify({{phone: PHONE_BENCHMARK_INDEX, values: {json.dumps(list(indexes))}.map(calibrated)}}));"
    )
    result = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True)
    answer = json.loads(result.stdout)
    assert answer["phone"] == 650
    return answer["values"]


def test_slowdown_follows_the_host_and_never_speeds_the_page_up():
    # A quiet host (2,600) gets Lighthouse's default 4x; a busy one (1,300) half of it; a host slower than the phone
    # is not slowed down at all (a multiplier under 1 would make the page faster than on the phone).
    assert calibrated(2600, 1300, 1996, 300) == [4, 2, 3.07, 1]
