"""Writes the tests of a-plus-b (seeded, so the files are reproducible): python3 gen.py"""

import random
from pathlib import Path

HERE = Path(__file__).parent
LIMIT = 10**9


def write(path: Path, pairs: list[tuple[int, int]]) -> None:
    path.with_suffix(".in").write_text(f"{len(pairs)}\n" + "".join(f"{a} {b}\n" for a, b in pairs))
    path.with_suffix(".ans").write_text("".join(f"{a + b}\n" for a, b in pairs))


def main() -> None:
    rng = random.Random(20261126)
    sample, secret = HERE / "tests" / "sample", HERE / "tests" / "secret"
    write(sample / "1", [(1, 2), (3, 4)])
    write(sample / "2", [(-5, 7), (0, 0), (100, -250)])
    write(secret / "01", [(0, 0)])
    write(secret / "02", [(LIMIT, LIMIT)])
    write(secret / "03", [(-LIMIT, -LIMIT)])
    write(secret / "04", [(LIMIT, -LIMIT), (-LIMIT, LIMIT), (LIMIT, 0), (0, -LIMIT)])
    write(secret / "05", [(rng.randint(-100, 100), rng.randint(-100, 100)) for _ in range(50)])
    write(secret / "06", [(rng.randint(-LIMIT, 0), rng.randint(-LIMIT, 0)) for _ in range(1000)])
    write(secret / "07", [(rng.randint(-LIMIT, LIMIT), rng.randint(-LIMIT, LIMIT)) for _ in range(1000)])
    write(secret / "08", [(rng.choice([LIMIT, -LIMIT]), rng.choice([LIMIT, -LIMIT])) for _ in range(1000)])


if __name__ == "__main__":
    main()
