import java.io.BufferedReader
import java.io.InputStreamReader
import java.util.StringTokenizer

fun main() {
    val reader = BufferedReader(InputStreamReader(System.`in`))
    val n = reader.readLine().trim().toInt()
    val out = StringBuilder()
    repeat(n) {
        val tokens = StringTokenizer(reader.readLine())
        val a = tokens.nextToken().toLong()
        val b = tokens.nextToken().toLong()
        out.append(a + b).append('\n')
    }
    print(out)
}
