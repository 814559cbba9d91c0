#!/usr/bin/env python3
"""Deterministic generator for coin-change: writes tests/sample and tests/secret.

A function problem's test: one JSON value per parameter, one per line (coins, then amount); the
answer is the returned int.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 20
MAXA = 100000
MAXC = 10**9
rng = random.Random(20240613)


def solve(amount, coins):
    """Reference: unbounded-knapsack DP over the amounts."""
    inf = amount + 1
    dp = [inf] * (amount + 1)
    dp[0] = 0
    for c in sorted(set(coins)):
        for a in range(c, amount + 1):
            t = dp[a - c] + 1
            if t < dp[a]:
                dp[a] = t
    return -1 if dp[amount] == inf else dp[amount]


def brute(amount, coins):
    """Breadth-first search over the remaining amount, for small inputs."""
    seen = {amount}
    frontier = [amount]
    steps = 0
    while frontier:
        if 0 in frontier:
            return steps
        nxt = []
        for rem in frontier:
            for c in coins:
                if c <= rem and rem - c not in seen:
                    seen.add(rem - c)
                    nxt.append(rem - c)
        frontier = nxt
        steps += 1
    return -1


def check_input(amount, coins):
    assert 1 <= len(coins) <= MAXN
    assert 0 <= amount <= MAXA
    assert all(1 <= c <= MAXC for c in coins)


def write(kind, name, amount, coins):
    check_input(amount, coins)
    ans = solve(amount, coins)
    if amount <= 1000:
        assert ans == brute(amount, coins)
    folder = os.path.join(HERE, "tests", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".in"), "w", newline="\n") as f:
        f.write(json.dumps(coins, separators=(",", ":")) + "\n%d\n" % amount)
    with open(os.path.join(folder, name + ".ans"), "w", newline="\n") as f:
        f.write("%d\n" % ans)


def main():
    write("sample", "1", 11, [1, 2, 5])
    write("sample", "2", 3, [2])

    secret = []
    # amount 0 needs no coins; the answer can equal the amount
    secret.append((0, [1]))
    secret.append((1, [1]))
    # the largest coin first is not optimal
    secret.append((6, [4, 3, 1]))
    # impossible: even coins, odd amount
    secret.append((7, [2, 4]))
    # coins larger than the amount, impossible
    secret.append((10, [MAXC, MAXC, 7]))
    # repeated denominations, greedy takes 6 coins instead of 3
    secret.append((63, [25, 10, 10, 21, 1]))
    # only coin 1: the answer is the amount itself, 10^5
    secret.append((MAXA, [1]))
    # greedy gets stuck (-1) although 7s and 3s reach the amount
    secret.append((MAXA, [7, 3]))
    # greedy takes 40001 coins instead of 2
    secret.append((MAXA, [1, 60000, 50000]))
    # largest n, many small distinct coins: the DP does the most work
    secret.append((MAXA, rng.sample(range(1, 40), MAXN)))
    # largest n, random distinct coins up to the amount, a few of them small
    coins = rng.sample(range(2, 100), 3) + rng.sample(range(100, MAXA + 1), MAXN - 3)
    rng.shuffle(coins)
    secret.append((rng.randint(MAXA - 1000, MAXA), coins))
    # largest n, all coins even and the amount odd: impossible after the full DP
    secret.append((MAXA - 1, [2 * rng.randint(1, 500) for _ in range(MAXN)]))
    # largest n, primes near 1000 and a prime amount
    primes = [p for p in range(900, 1200) if all(p % d for d in range(2, 35))]
    secret.append((99991, rng.sample(primes, MAXN)))
    # coins far above the amount next to small ones
    secret.append((MAXA, [MAXC - k for k in range(17)] + [9, 13, 17]))

    for k, (amount, coins) in enumerate(secret, 1):
        write("secret", "%02d" % k, amount, coins)


if __name__ == "__main__":
    main()
