# Binary search; bash's echo writes each guess at once.
lo=1
hi=1000000000
while :; do
    mid=$(((lo + hi) / 2))
    echo "$mid"
    read -r answer
    case "$answer" in
        higher) lo=$((mid + 1)) ;;
        lower) hi=$((mid - 1)) ;;
        *) exit 0 ;;
    esac
done
