<?php
$numbers = preg_split('/\s+/', trim(stream_get_contents(STDIN)));
$n = (int) $numbers[0];
$lines = [];
for ($i = 0; $i < $n; $i++) {
    $lines[] = (int) $numbers[1 + 2 * $i] + (int) $numbers[2 + 2 * $i];
}
echo implode("\n", $lines), "\n";
