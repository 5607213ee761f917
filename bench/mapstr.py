# mapstr: strings and maps (twin of mapstr.go).
N = 500000


def main():
    m = {}
    for i in range(N):
        m["k%07d" % i] = i

    hits = total = 0
    for i in range(2 * N):
        v = m.get("k%07d" % i)
        if v is not None:
            hits += 1
            total += v

    s = ""
    for i in range(0, N, 50):
        s += ("k%07d" % i) + ";"

    print(len(m), hits, total, len(s), s[-9:])


main()
