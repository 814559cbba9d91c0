use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut numbers = input.split_ascii_whitespace().map(|t| t.parse::<i64>().unwrap());
    let n = numbers.next().unwrap();
    let mut out = String::new();
    for _ in 0..n {
        let (a, b) = (numbers.next().unwrap(), numbers.next().unwrap());
        out.push_str(&(a + b).to_string());
        out.push('\n');
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
