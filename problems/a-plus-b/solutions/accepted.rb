numbers = $stdin.read.split.map(&:to_i)
n = numbers[0]
puts (0...n).map { |i| numbers[1 + 2 * i] + numbers[2 + 2 * i] }
