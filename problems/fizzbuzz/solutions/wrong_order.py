# Mistake: tests divisibility by 3 before divisibility by 15, so 15, 30, ... come out "Fizz".
class Solution:
    def fizzBuzz(self, n: int) -> List[str]:
        out = []
        for i in range(1, n + 1):
            if i % 3 == 0:
                out.append("Fizz")
            elif i % 5 == 0:
                out.append("Buzz")
            elif i % 15 == 0:
                out.append("FizzBuzz")
            else:
                out.append(str(i))
        return out
