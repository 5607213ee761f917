# loop_mod: the loop with a constant modulus (twin of loop_mod.go).


def main():
    total = 0
    for i in range(100000000):
        total += i * i % 7
    print(total)


main()
