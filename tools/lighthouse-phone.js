// The phone that `make lighthouse` emulates (tools/lighthouse.js), kept apart so that a test can check it
// (tests/builds/test_lighthouse_phone.py).
//
// The phone every mobile run emulates, as a Lighthouse benchmarkIndex (its measure of the CPU's speed). Lighthouse
// slows the CPU down 4 times by default, whatever the host: a shared 2-core machine measured 2,300 to 2,800 when
// quiet and 1,000 to 1,400 when its host was busy, so the same page was judged on two different phones (blocking
// time 0-35 ms against 30-300 ms). Lighthouse's documentation (docs/throttling.md, « Calibrating the CPU slowdown »)
// says to set the multiplier from the host's benchmarkIndex instead: each run's multiplier is the benchmarkIndex
// measured in its browser just before it (Lighthouse's own benchmark) / PHONE_BENCHMARK_INDEX, at least 1. 650 is what the default 4x gives on the quiet machine; it
// lies in Lighthouse's « mid-tier mobile » range (125-800), below DevTools' mid-tier reference (1,000).
export const PHONE_BENCHMARK_INDEX = 650;

/** The CPU slowdown multiplier that makes a host of this benchmarkIndex emulate the phone. */
export function calibrated(benchmarkIndex) {
  return Math.max(1, Math.round((benchmarkIndex / PHONE_BENCHMARK_INDEX) * 100) / 100);
}
