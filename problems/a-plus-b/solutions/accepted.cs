using System;
using System.Text;

class Program {
    static void Main() {
        string[] tokens = Console.In.ReadToEnd().Split((char[]) null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tokens[0]);
        var output = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long a = long.Parse(tokens[1 + 2 * i]);
            long b = long.Parse(tokens[2 + 2 * i]);
            output.Append(a + b).Append('\n');
        }
        Console.Write(output);
    }
}
