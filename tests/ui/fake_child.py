"""A child process speaking the worker line protocol, for tests of ProcessJob.

Usage: python -m tests.ui.fake_child MODE; reads a secret line first, then waits
for "cancel" on stdin in the modes that run long."""

import json
import sys
import time


def say(**kw):
    print(json.dumps(kw), flush=True)


def main(mode: str) -> int:
    secret = sys.stdin.readline().rstrip("\n")
    if mode == "ok":
        for i in range(3):
            say(progress=[i + 1, 3, f"step {i + 1}"])
        say(result={"secret_length": len(secret)})
        return 0
    if mode == "fail":
        say(error="the dossier could not be written: disk full")
        return 1
    if mode == "crash":
        print("Traceback...\nRuntimeError: boom", file=sys.stderr, flush=True)
        return 2
    if mode == "wait-cancel":
        say(progress=[0, 0, "working"])
        line = sys.stdin.readline()
        if line.strip() == "cancel":
            return 1
        return 0
    if mode == "stubborn":
        say(progress=[0, 0, "working"])
        time.sleep(60)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
