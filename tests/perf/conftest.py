# Benchmarks are scripts (python tests/perf/bench.py), not part of the test run.
collect_ignore_glob = ["*.py"]
