# loop: a 100-million-iteration integer loop (twin of loop.go).


def main():
    total = 0
    for i in range(100000000):
        total += i & 255
    print(total)


main()
