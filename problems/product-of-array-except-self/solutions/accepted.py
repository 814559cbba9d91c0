import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = [int(x) for x in data[1:1 + n]]
    answer = [1] * n
    run = 1
    for i in range(n):
        answer[i] = run
        run *= a[i]
    run = 1
    for i in range(n - 1, -1, -1):
        answer[i] *= run
        run *= a[i]
    sys.stdout.write(" ".join(map(str, answer)) + "\n")


main()
