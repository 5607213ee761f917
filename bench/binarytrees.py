# binarytrees: depth 16 (twin of binarytrees.go). A leaf is (None, None); an
# inner node is a (left, right) tuple.


def bottom_up(depth):
    if depth <= 0:
        return (None, None)
    return (bottom_up(depth - 1), bottom_up(depth - 1))


def check(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check(left) + check(right)


def main():
    min_depth = 4
    max_depth = 16

    stretch = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, check(bottom_up(stretch))))

    long_lived = bottom_up(max_depth)

    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 1 << (max_depth - depth + min_depth)
        c = 0
        for _ in range(iterations):
            c += check(bottom_up(depth))
        print("%d\t trees of depth %d\t check: %d" % (iterations, depth, c))
    print("long lived tree of depth %d\t check: %d" % (max_depth, check(long_lived)))


main()
