#!/bin/sh
# Rebuilds web/static/vendor/ from the npm packages pinned in package-lock.json:
# the CodeMirror 6 bundle (editor.mjs and what it imports), htmx, KaTeX (math.mjs, its CSS and
# its WOFF2 fonts), and their licences.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx esbuild editor.mjs --bundle --format=esm --minify --legal-comments=eof --target=es2020 \
    --outfile=../static/vendor/codemirror.js
cp node_modules/htmx.org/dist/htmx.min.js ../static/vendor/htmx.min.js
npx esbuild math.mjs --bundle --format=esm --minify --legal-comments=eof --target=es2020 \
    --outfile=../static/vendor/katex/katex.js
cp node_modules/katex/dist/katex.min.css ../static/vendor/katex/katex.min.css
rm -rf ../static/vendor/katex/fonts && mkdir ../static/vendor/katex/fonts
cp node_modules/katex/dist/fonts/*.woff2 ../static/vendor/katex/fonts/
for dir in node_modules/@codemirror/* node_modules/@lezer/* node_modules/@marijn/* node_modules/crelt \
           node_modules/style-mod node_modules/w3c-keyname node_modules/htmx.org node_modules/katex; do
    printf '==== %s %s ====\n' "$(node -p "require('./$dir/package.json').name")" \
        "$(node -p "require('./$dir/package.json').version")"
    cat "$dir"/LICENSE*
    echo
done > ../static/vendor/LICENSES.txt
