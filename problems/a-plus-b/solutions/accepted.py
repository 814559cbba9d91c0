import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
out = [str(int(data[1 + 2 * i]) + int(data[2 + 2 * i])) for i in range(n)]
sys.stdout.write("\n".join(out) + "\n")
