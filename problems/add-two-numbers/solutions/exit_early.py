# Mistake: prints the sum and ends the program, as a stdin/stdout program would. The program
# ends before addTwoNumbers returns, so there is no result: never accepted.
import sys


class Solution:
    def addTwoNumbers(self, l1: Optional[ListNode], l2: Optional[ListNode]) -> Optional[ListNode]:
        digits, carry = [], 0
        while l1 or l2 or carry:
            total = carry + (l1.val if l1 else 0) + (l2.val if l2 else 0)
            carry, digit = divmod(total, 10)
            digits.append(digit)
            l1 = l1.next if l1 else None
            l2 = l2.next if l2 else None
        print(digits)
        sys.exit(0)
