import sys


def main():
    data = sys.stdin.buffer.read().split()
    pos = 0
    n = int(data[pos])
    pos += 1
    l1 = data[pos:pos + n]
    pos += n
    m = int(data[pos])
    pos += 1
    l2 = data[pos:pos + m]
    result = []
    carry = 0
    for k in range(max(n, m)):
        s = carry
        if k < n:
            s += int(l1[k])
        if k < m:
            s += int(l2[k])
        result.append(s % 10)
        carry = s // 10
    if carry:
        result.append(carry)
    sys.stdout.write("%d\n%s\n" % (len(result), " ".join(map(str, result))))


main()
